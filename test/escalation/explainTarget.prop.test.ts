// Laws of explainTarget: its evidence replays to the deadline evaluateTicket reports.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { addBusinessTime } from "../../src/calendar/index.js";
import { evaluateTicket, explainTarget } from "../../src/escalation/index.js";
import { nowArb, propertyContract, ticketArb } from "./arbitraries.js";

const contract = propertyContract();
const RUNS = { numRuns: 1000, seed: 20250101 };
const withNow = (arb = ticketArb()) => arb.chain((d) => fc.tuple(fc.constant(d), nowArb(d)));

describe("explainTarget laws", () => {
  test.prop([withNow()], RUNS)("explainTarget replays to the same dueAt", ([d, now]) => {
    const s = evaluateTicket(contract, d.ticket, now);
    for (const t of s.targets) {
      const x = explainTarget(contract, d.ticket, t.id, now, { cycle: t.cycle });
      expect(x.status).toEqual(t);
      if (t.dueAt === null || t.startedAt === null) continue;
      expect(x.arithmetic.dueAt).toEqual(t.dueAt);
      // The arithmetic: dueAt = start + (budget + working time paused before it).
      const cal = contract.targets.find((c) => c.id === t.id)?.calendar;
      if (cal === undefined) throw new Error("no calendar");
      expect(
        addBusinessTime(cal, t.startedAt, x.arithmetic.budgetMs + x.arithmetic.pausedBeforeDueMs),
      ).toEqual(t.dueAt);
      // The evidence: the periods the clock ran in add up to the budget and the last ends at dueAt.
      if (x.periodsTruncated) continue;
      expect(x.periods.reduce((sum, p) => sum + p.workingMs, 0)).toBe(x.arithmetic.budgetMs);
      if (x.arithmetic.budgetMs > 0) expect(x.periods.at(-1)?.end).toEqual(t.dueAt);
    }
  });
});
