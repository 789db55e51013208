// The law of the public edge: evaluateTicket is evaluate with Dates and step keys, the optional fields present
// exactly when set.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { evaluateTicket } from "../../src/escalation/index.js";
import { evaluate } from "../../src/escalation/kernel.js";
import { nowArb, propertyContract, ticketArb } from "./arbitraries.js";

const contract = propertyContract();
const RUNS = { numRuns: 500, seed: 20250102 };

/** An object with its `Date`s read as epoch ms. */
const inMs = (o: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v instanceof Date ? v.getTime() : v]));

describe("toTicketStatus laws", () => {
  test.prop([ticketArb().chain((d) => fc.tuple(fc.constant(d), nowArb(d)))], RUNS)(
    "every instant of evaluate is the same instant of evaluateTicket; stoppedAt, breachedAt and tier are present exactly when set; keys are ticket/target/cycle/step",
    ([d, now]) => {
      const e = evaluate(contract, d.ticket, now);
      const s = evaluateTicket(contract, d.ticket, now);
      expect(s.targets).toHaveLength(e.targets.length);
      e.targets.forEach((t, i) => {
        const { stoppedAt, breachedAt, ...rest } = t;
        const expected: Record<string, unknown> = { ...rest };
        if (stoppedAt !== null) expected.stoppedAt = stoppedAt;
        if (breachedAt !== null) expected.breachedAt = breachedAt;
        expect(inMs(s.targets[i] as object)).toStrictEqual(expected);
      });
      expect(s.escalations).toHaveLength(e.steps.length);
      e.steps.forEach((step, i) => {
        const { tier, ...rest } = step;
        const expected: Record<string, unknown> = {
          key: `${e.ticketId}/${step.targetId}/${step.cycle}/${step.stepId}`,
          ticketId: e.ticketId,
          ...rest,
        };
        if (tier !== undefined) expected.tier = tier;
        expect(inMs(s.escalations[i] as object)).toStrictEqual(expected);
      });
      expect(s.surveys.map(inMs)).toStrictEqual(e.surveys);
      expect([s.openedAt.getTime(), s.resolvedAt?.getTime() ?? null, s.closedAt?.getTime() ?? null]).toEqual([
        e.openedAt,
        e.resolvedAt,
        e.closedAt,
      ]);
      expect(s.nextCheckAt?.getTime() ?? null).toBe(e.nextCheckAt);
      expect([s.id, s.level, s.phase, s.channel, s.warnings]).toEqual([
        e.ticketId,
        e.level,
        e.phase,
        e.channel,
        e.warnings,
      ]);
    },
  );
});
