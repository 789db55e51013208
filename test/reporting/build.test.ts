/**
 * buildReport end to end: parseContract → evaluateTicket → report, with the contract's own inspection plan.
 */
import { describe, expect, it } from "vitest";
import { parseContract } from "../../src/contracts/index.js";
import { SlaError } from "../../src/errors.js";
import type { Ticket } from "../../src/escalation/types.js";
import { buildReport, buildReportAsync } from "../../src/reporting/build.js";
import { mergeReports } from "../../src/reporting/merge.js";
import type { BuildReportOptions } from "../../src/reporting/types.js";
import { contractInput } from "./fixtures.js";

const contract = parseContract(JSON.parse(JSON.stringify(contractInput)));

const tickets: Ticket[] = [
  {
    // Everything in time: response 2 min, resolution 4 min, problem report 1 h after it; satisfied.
    id: "A",
    level: "level2",
    channel: "consultation",
    events: [
      { type: "opened", at: "2025-10-01T09:00:00+08:00" },
      { type: "responded", at: "2025-10-01T09:02:00+08:00" },
      { type: "resolved", at: "2025-10-01T09:04:00+08:00" },
      { type: "survey", at: "2025-10-01T09:30:00+08:00", channel: "consultation", satisfied: true },
      { type: "reportDelivered", at: "2025-10-01T10:04:00+08:00" },
    ],
  },
  {
    // Nothing happens: response and resolution breached and still open; no problem report yet (pending).
    id: "B",
    level: "level1",
    channel: "onSite",
    events: [{ type: "opened", at: "2025-10-15T08:00:00+08:00" }],
  },
  {
    // Resolved in 8 min, unhappy; report never delivered (breached at 10-21 10:08 + 1 ms, still open).
    id: "C",
    level: "level2",
    channel: "consultation",
    events: [
      { type: "opened", at: "2025-10-20T10:00:00+08:00" },
      { type: "responded", at: "2025-10-20T10:01:00+08:00" },
      { type: "resolved", at: "2025-10-20T10:08:00+08:00" },
      { type: "survey", at: "2025-10-20T11:00:00+08:00", channel: "consultation", satisfied: false },
    ],
  },
  {
    // Opened in September: not counted.
    id: "D",
    level: "level2",
    events: [{ type: "opened", at: "2025-09-30T23:00:00+08:00" }],
  },
];

const options: BuildReportOptions = {
  period: { month: "2025-10" },
  now: "2025-11-01T00:00:00+08:00",
  inspections: [{ inspectionId: "monthly", at: "2025-10-03T10:00:00+08:00" }],
};

describe("buildReport", () => {
  const report = buildReport(contract, tickets, options);

  it("evaluates each ticket at now and counts the cycles", () => {
    expect(report.tickets).toMatchObject({ count: 3, resolved: 2, outsideWindow: 1 });
    const outcomes = Object.fromEntries(report.targets.map((t) => [`${t.targetId}/${t.level}`, t.counts]));
    expect(outcomes["response/level2"]).toMatchObject({ met: 2, breached: 0, open: 0, openBreached: 0 });
    expect(outcomes["response/level1"]).toMatchObject({ met: 0, openBreached: 1 });
    expect(outcomes["resolve/level1"]).toMatchObject({ openBreached: 1 });
    expect(outcomes["problemReport/level2"]).toMatchObject({ met: 1, openBreached: 1 });
    const response = report.targets.find((t) => t.targetId === "response" && t.level === "level2");
    // A responded after 2 min, C after 1 min (24x7): median by nearest rank = 1 min, max 2 min.
    expect(response?.elapsed).toMatchObject({ count: 2, sumMs: 180_000, medianMs: 60_000, maxMs: 120_000 });
    expect(report.breaches.items.map((b) => `${b.ticketId}/${b.targetId}@${b.date}`)).toEqual([
      "B/response@2025-10-15",
      "B/resolve@2025-10-15",
      "C/problemReport@2025-10-21",
    ]);
  });

  it("judges the KPIs, with the contract's inspection plan", () => {
    const kpis = Object.fromEntries(report.kpis.map((k) => [k.id, [k.status, k.numerator, k.denominator]]));
    expect(kpis).toEqual({
      satConsultation: ["fail", 1, 2],
      satOnSite: ["noData", 0, 0],
      satProduct: ["noData", 0, 0],
      // A 4 min, C 8 min → mean 6 min: exactly on target passes.
      handlingConsultation: ["pass", 12 * 60_000, 2],
      resolutionRate: ["pass", 2, 3],
      resolveAll: ["fail", 2, 3],
      resolveGeneral: ["pass", 2, 2],
      problemReport24h: ["fail", 1, 2],
      // Monthly on the 1st at 00:00, due P5D on the 24x7 calendar; done on the 3rd.
      inspections: ["pass", 1, 1],
    });
    expect(report.inspections.items).toEqual([
      {
        inspectionId: "monthly",
        from: "2025-09-30T16:00:00.000Z",
        dueAt: expect.any(String),
        required: 1,
        done: 1,
        state: "done",
      },
    ]);
  });

  it("reads async iterables the same way", async () => {
    async function* stream(): AsyncGenerator<Ticket> {
      for (const t of tickets) yield t;
    }
    await expect(buildReportAsync(contract, stream(), options)).resolves.toEqual(report);
    await expect(buildReportAsync(contract, tickets, options)).resolves.toEqual(report);
  });

  it("merges reports of parts into the report of all", () => {
    const a = buildReport(contract, tickets.slice(0, 2), options);
    const b = buildReport(contract, tickets.slice(2), options);
    expect(mergeReports(JSON.parse(JSON.stringify(a)), b)).toEqual(report);
  });

  it("throws on a ticket it cannot evaluate, or skips and counts it", () => {
    const bad = { id: "X", events: [{ type: "opened", at: "2025-10-05T10:00:00" }] } as Ticket;
    expect(() => buildReport(contract, [...tickets, bad], options)).toThrow(SlaError);
    const skipped = buildReport(contract, [...tickets, bad], { ...options, invalidTickets: "skip" });
    expect(skipped.skipped).toMatchObject({ count: 1, sample: [{ ticketId: "X", code: "E_INSTANT" }] });
    expect({ ...skipped, skipped: null }).toEqual({ ...report, skipped: null });
  });
});
