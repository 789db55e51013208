/**
 * A monthly report over 1,000,000 ticket statuses streamed from a generator, in bounded memory. The statuses
 * are built here, so this pins the reporting side at scale: accumulation, the switch to bucketed summaries, the
 * kept-first lists. A second test streams 200,000 tickets through evaluation (buildReportAsync); the full
 * 1,000,000 with evaluation is `npm run bench`'s.
 */
import { describe, expect, it } from "vitest";
import { parseContract } from "../../src/contracts/index.js";
import type { TargetState, Ticket, TicketStatus } from "../../src/escalation/types.js";
import { buildReportAsync } from "../../src/reporting/build.js";
import { buildReportFromStatuses } from "../../src/reporting/from-statuses.js";
import { renderReport } from "../../src/reporting/render/index.js";
import { contract, contractInput, MIN } from "./fixtures.js";

const N = 1_000_000;
const FROM = Date.parse("2025-10-01T00:00:00+08:00");
const TO = Date.parse("2025-11-01T00:00:00+08:00");
const SPACING = Math.floor((TO - FROM) / N); // 2.678 s between openings
const MB = 1024 * 1024;

/** Elapsed working time of ticket i's "resolve" cycle: many distinct values (forces bucketed summaries). */
const elapsedOf = (i: number): number => 60_000 + ((i * 7_919) % 3_600_000);

describe("a report over 1,000,000 tickets", () => {
  it("streams in bounded memory and keeps exact counts", () => {
    const tally = { met: 0, breached: 0, open: 0, level1: 0, breachedAll: 0 };
    const values = new Float64Array(N); // the resolve/level2 values, for an exact reference median
    let nValues = 0;
    let peakHeap = 0;
    const baseline = process.memoryUsage().heapUsed;

    function* statuses(): Generator<TicketStatus> {
      for (let i = 0; i < N; i++) {
        if (i % 50_000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - baseline);
        const openedAt = FROM + i * SPACING;
        const level = i % 10 === 0 ? "level1" : "level2";
        if (level === "level1") tally.level1 += 1;
        const elapsedMs = elapsedOf(i);
        // Cycles that ran past 1 h (about 1.7 %) are breached; every 100th is still open.
        const open = i % 100 === 99;
        const state: TargetState = open ? "running" : elapsedMs > 3_600_000 ? "breached" : "met";
        if (state === "breached") tally.breachedAll += 1;
        if (level === "level2") {
          if (state === "met") tally.met += 1;
          else if (state === "breached") tally.breached += 1;
          else tally.open += 1;
          if (!open) values[nValues++] = elapsedMs;
        }
        const dueAt = new Date(openedAt + 3_600_000);
        yield {
          id: `t${String(i).padStart(7, "0")}`,
          level,
          phase: "warranty",
          openedAt: new Date(openedAt),
          resolvedAt: open ? null : new Date(openedAt + elapsedMs),
          closedAt: null,
          channel: i % 2 === 0 ? "consultation" : "onSite",
          targets: [
            {
              id: "resolve",
              cycle: 0,
              state,
              level,
              targetMs: 3_600_000,
              startedAt: new Date(openedAt),
              dueAt,
              lastCompliantAt: dueAt,
              ...(open ? {} : { stoppedAt: new Date(openedAt + elapsedMs) }),
              ...(state === "breached" ? { breachedAt: new Date(openedAt + 3_600_001) } : {}),
              elapsedMs,
              remainingMs: Math.max(0, 3_600_000 - elapsedMs),
              pausedMs: 0,
            },
          ],
          escalations: [],
          surveys:
            i % 5 === 0
              ? [{ channel: "consultation", satisfied: i % 45 !== 0, at: new Date(openedAt + elapsedMs) }]
              : [],
          nextCheckAt: null,
          warnings: [],
        };
      }
    }

    const started = performance.now();
    const report = buildReportFromStatuses(contract, statuses(), { period: { month: "2025-10" }, now: TO });
    const seconds = (performance.now() - started) / 1000;

    expect(report.tickets.count).toBe(N);
    const l2 = report.targets.find((t) => t.targetId === "resolve" && t.level === "level2");
    expect(l2?.counts).toEqual({
      met: tally.met,
      breached: tally.breached,
      open: tally.open,
      openBreached: 0,
      pending: 0,
      cancelled: 0,
    });
    expect(report.tickets.byLevel).toEqual([
      { level: "level1", count: tally.level1 },
      { level: "level2", count: N - tally.level1 },
    ]);

    // Over 10,000 distinct values: bucketed summary, bounded size; median and p90 within 2^-10 of the exact ones.
    const summary = l2?.elapsed;
    expect(summary?.exact).toBe(false);
    expect(summary?.histogram.length).toBeLessThan(25_000);
    const sorted = values.subarray(0, nValues).sort();
    const exactMedian = sorted[Math.ceil(0.5 * nValues) - 1] as number;
    const exactP90 = sorted[Math.ceil(0.9 * nValues) - 1] as number;
    expect(Math.abs((summary?.medianMs ?? 0) - exactMedian) / exactMedian).toBeLessThan(2 ** -10);
    expect(Math.abs((summary?.p90Ms ?? 0) - exactP90) / exactP90).toBeLessThan(2 ** -10);
    // The sum, mean and max stay exact.
    let sum = 0;
    for (const v of sorted) sum += v;
    expect(summary?.sumMs).toBe(sum);
    expect(summary?.maxMs).toBe(sorted[nValues - 1]);

    // Kept lists are capped; the counts are complete.
    expect(report.rows.items).toHaveLength(10_000);
    expect(report.rows.total).toBe(N);
    expect(report.rows.items[0]?.ticketId).toBe("t0000000");
    expect(report.breaches.items).toHaveLength(10_000);
    expect(report.breaches.total).toBe(tally.breachedAll);
    expect(report.days).toHaveLength(31 + 1); // October, plus breaches on Nov 1 of tickets opened Oct 31

    // Memory: the heap never grew by more than a bounded amount (an array of 1M statuses alone is ~1 GB).
    expect(peakHeap).toBeLessThan(200 * MB);
    // The serialised report stays small.
    expect(renderReport(report, "json").length).toBeLessThan(20 * MB);
    console.log(
      `1,000,000 statuses reported in ${seconds.toFixed(1)} s; heap growth peak ${(peakHeap / MB).toFixed(0)} MB; JSON ${(
        JSON.stringify(report).length / MB
      ).toFixed(1)} MB`,
    );
  });
});

describe("a report over 200,000 evaluated tickets from an async stream", () => {
  // Evaluation included: 1,000,000 evaluated tickets are left to `npm run bench`; this keeps the suite fast.
  it("evaluates each ticket as it arrives and keeps memory bounded", async () => {
    const M = 200_000;
    const { inspections: _, ...input } = contractInput;
    const parsed = parseContract(JSON.parse(JSON.stringify(input)));
    const spacing = Math.floor((TO - FROM) / M);
    const expected = { level1: 0, responseMet: 0, responseBreached: 0 };
    let peakHeap = 0;
    const baseline = process.memoryUsage().heapUsed;

    async function* tickets(): AsyncGenerator<Ticket> {
      for (let i = 0; i < M; i++) {
        if (i % 20_000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - baseline);
        const t0 = FROM + i * spacing;
        const level = i % 3 === 0 ? "level1" : "level2";
        if (level === "level1") expected.level1 += 1;
        // Response target 30 min on a 24x7 calendar: exactly on target is met. A response after `now` (the last
        // tickets of the month) does not count yet: that cycle is still open.
        if (t0 + (i % 40) * MIN <= TO) {
          if (i % 40 <= 30) expected.responseMet += 1;
          else expected.responseBreached += 1;
        }
        const channel = i % 2 === 0 ? "consultation" : "onSite";
        yield {
          id: `e${i}`,
          level,
          channel,
          events: [
            { type: "opened", at: t0 },
            { type: "responded", at: t0 + (i % 40) * MIN },
            { type: "resolved", at: t0 + (i % 90) * MIN },
            { type: "survey", at: t0 + 100 * MIN, channel, satisfied: i % 17 !== 0 },
            { type: "reportDelivered", at: t0 + (i % 30) * 3_600_000 },
          ],
        };
      }
    }

    const started = performance.now();
    const report = await buildReportAsync(parsed, tickets(), { period: { month: "2025-10" }, now: TO });
    const seconds = (performance.now() - started) / 1000;

    expect(report.tickets.count).toBe(M);
    expect(report.tickets.byLevel).toEqual([
      { level: "level1", count: expected.level1 },
      { level: "level2", count: M - expected.level1 },
    ]);
    const response = report.targets.filter((t) => t.targetId === "response");
    expect(response.reduce((s, t) => s + t.counts.met, 0)).toBe(expected.responseMet);
    expect(response.reduce((s, t) => s + t.counts.breached, 0)).toBe(expected.responseBreached);
    // 40 distinct response times (0–39 min): the summaries stay exact.
    expect(response.every((t) => t.elapsed.exact && t.elapsed.histogram.length === 40)).toBe(true);
    expect(report.rows.items).toHaveLength(10_000);
    expect(peakHeap).toBeLessThan(200 * MB);
    console.log(
      `200,000 evaluated tickets reported in ${seconds.toFixed(1)} s; heap growth peak ${(peakHeap / MB).toFixed(0)} MB`,
    );
  });
});
