/**
 * `buildReport` counts statuses with instants as epoch ms (no `Date` per instant); `buildReportFromStatuses`
 * counts the public `TicketStatus`es of `evaluateTicket`. Both must give the same report for the same tickets.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { compiledOf } from "../../src/contracts/kernel.js";
import { evaluateTicket } from "../../src/escalation/index.js";
import { buildReport } from "../../src/reporting/build.js";
import { planFor } from "../../src/reporting/figures/inspections.js";
import { buildReportFromStatuses } from "../../src/reporting/from-statuses.js";
import { propertyContract, ticketArb } from "../escalation/arbitraries.js";

const contract = propertyContract();
// Every ticket of the arbitraries opens in March to October 2025; evaluated at one instant after them all.
const from = Date.UTC(2025, 0, 1);
const to = Date.UTC(2026, 0, 1);
const now = Date.UTC(2025, 11, 1);

describe("the two status forms", () => {
  test.prop([fc.array(ticketArb(), { maxLength: 12 }), fc.constantFrom(0, 3, "all" as const)], {
    seed: 20251206,
    numRuns: 1000,
  })("give the same report, rows and breaches included", (drawn, keep) => {
    const tickets = drawn.map((d, i) => ({ ...d.ticket, id: `T${i}` }));
    const options = { from, to, now, rows: keep, breaches: keep } as const;
    const statuses = tickets.map((t) => evaluateTicket(contract, t, now));
    const expected = buildReportFromStatuses(
      contract,
      statuses,
      options,
      planFor(compiledOf(contract), from, to),
    );
    expect(buildReport(contract, tickets, options)).toEqual(expected);
  });
});
