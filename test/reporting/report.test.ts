import { describe, expect, it } from "vitest";
import { buildReportFromStatuses } from "../../src/reporting/from-statuses.js";
import { renderReport } from "../../src/reporting/render/index.js";
import { contract } from "./fixtures.js";
import { options, plan, statuses } from "./worked.js";

const report = buildReportFromStatuses(contract, statuses, options, plan);
const MIN = 60_000;

describe("worked report figures (7 hand-built statuses, October 2025, Asia/Shanghai)", () => {
  it("cuts the period at local midnight", () => {
    // 2025-10-01 00:00 +08:00 is 2025-09-30T16:00Z; the window ends at 2025-11-01 00:00 +08:00.
    expect(report.window).toEqual({
      from: "2025-09-30T16:00:00.000Z",
      to: "2025-10-31T16:00:00.000Z",
      now: "2025-10-31T16:00:00.000Z",
      firstDate: "2025-10-01",
      lastDate: "2025-10-31",
    });
  });

  it("counts the tickets opened in the period", () => {
    // T1–T6 are in October; T7 opened at 2025-09-30 23:59 local: outside.
    // Resolved: T1, T2, T3, T5. Closed: T1, T2. Levels: level1 = T3, T4; level2 = T1, T2, T5, T6.
    expect(report.tickets).toEqual({
      count: 6,
      resolved: 4,
      closed: 2,
      outsideWindow: 1,
      byLevel: [
        { level: "level1", count: 2 },
        { level: "level2", count: 4 },
      ],
      byPhase: [{ phase: "warranty", count: 6 }],
    });
  });

  it("counts outcomes and compliance per target and level, in contract order", () => {
    const rows = report.targets.map((t) => [t.targetId, t.level, t.counts, t.decided, t.compliance]);
    expect(rows).toEqual([
      // response/level1: T3 met; T4 still running but late since 08:30 → open and breached. 1 met of 2 decided.
      [
        "response",
        "level1",
        { met: 1, breached: 0, open: 0, openBreached: 1, pending: 0, cancelled: 0 },
        2,
        0.5,
      ],
      // response/level2: T1, T2, T5 met; T6 running, not late → open (undecided). 3 of 3.
      [
        "response",
        "level2",
        { met: 3, breached: 0, open: 1, openBreached: 0, pending: 0, cancelled: 0 },
        3,
        1,
      ],
      // resolve/level1: T3 stopped late; T4 "breached" without a stop → open and breached. 0 of 2.
      [
        "resolve",
        "level1",
        { met: 0, breached: 1, open: 0, openBreached: 1, pending: 0, cancelled: 0 },
        2,
        0,
      ],
      // resolve/level2: T1, T2, T5 met; T6 paused → open. 3 of 3.
      [
        "resolve",
        "level2",
        { met: 3, breached: 0, open: 1, openBreached: 0, pending: 0, cancelled: 0 },
        3,
        1,
      ],
      // problemReport/level1: T3 met; T4 not resolved → pending (not counted as decided). 1 of 1.
      [
        "problemReport",
        "level1",
        { met: 1, breached: 0, open: 0, openBreached: 0, pending: 1, cancelled: 0 },
        1,
        1,
      ],
      // problemReport/level2: T1, T5 met; T2 delivered after 25 h → breached. 2 of 3.
      [
        "problemReport",
        "level2",
        { met: 2, breached: 1, open: 0, openBreached: 0, pending: 0, cancelled: 0 },
        3,
        2 / 3,
      ],
    ]);
  });

  it("computes elapsed mean, nearest-rank median and p90, min and max over stopped cycles", () => {
    const stats = Object.fromEntries(
      report.targets.map((t) => {
        const { histogram: _, ...rest } = t.elapsed;
        return [`${t.targetId}/${t.level}`, rest];
      }),
    );
    // response/level2 stopped at 2, 5, 1 min → sorted 1, 2, 5 min. n = 3.
    //   mean = 8 min / 3 = 160,000 ms; median: rank ⌈0.5·3⌉ = 2 → 2 min; p90: rank ⌈0.9·3⌉ = 3 → 5 min.
    expect(stats["response/level2"]).toEqual({
      count: 3,
      sumMs: 8 * MIN,
      meanMs: 160_000,
      medianMs: 2 * MIN,
      p90Ms: 5 * MIN,
      minMs: 1 * MIN,
      maxMs: 5 * MIN,
      exact: true,
    });
    // response/level1: only T3 stopped (20 min); T4 is open, so not in the elapsed statistics.
    expect(stats["response/level1"]).toEqual({
      count: 1,
      sumMs: 20 * MIN,
      meanMs: 20 * MIN,
      medianMs: 20 * MIN,
      p90Ms: 20 * MIN,
      minMs: 20 * MIN,
      maxMs: 20 * MIN,
      exact: true,
    });
    // resolve/level2: 4, 10, 5 min → 4, 5, 10. mean 19/3 min = 380,000 ms; median 5 min; p90 10 min.
    expect(stats["resolve/level2"]).toMatchObject({
      count: 3,
      sumMs: 19 * MIN,
      meanMs: 380_000,
      medianMs: 5 * MIN,
      p90Ms: 10 * MIN,
    });
    // problemReport/level2: 60, 1500, 120 min → 60, 120, 1500. mean 1680/3 = 560 min; median 120; p90 1500.
    expect(stats["problemReport/level2"]).toMatchObject({
      count: 3,
      meanMs: 560 * MIN,
      medianMs: 120 * MIN,
      p90Ms: 1500 * MIN,
      maxMs: 1500 * MIN,
    });
    expect(
      report.targets.find((t) => t.targetId === "resolve" && t.level === "level2")?.elapsed.histogram,
    ).toEqual([
      [4 * MIN, 1],
      [5 * MIN, 1],
      [10 * MIN, 1],
    ]);
  });

  it("judges every KPI exactly, with noData instead of a pass when nothing was measured", () => {
    const kpis = report.kpis.map((k) => [k.id, k.status, k.numerator, k.denominator]);
    expect(kpis).toEqual([
      // Consultation surveys: T1 yes, T2 no, T5 yes → 2 / 3 = 66.7 % < 98 %.
      ["satConsultation", "fail", 2, 3],
      // On-site surveys: T3 yes → 1 / 1 ≥ 95 %.
      ["satOnSite", "pass", 1, 1],
      // No product surveys at all: no data, not a pass.
      ["satProduct", "noData", 0, 0],
      // Consultations resolved: T1 4 min, T2 10 min, T5 5 min (T6 unresolved) → 19 min / 3 = 6 min 20 s > 6 min.
      ["handlingConsultation", "fail", 19 * MIN, 3],
      // Resolved 4 of 6 = 66.7 % ≥ 60 %.
      ["resolutionRate", "pass", 4, 6],
      // resolve at all levels: met 0 + 3 of decided 2 + 3 → 60 % < 95 %.
      ["resolveAll", "fail", 3, 5],
      // resolve at level2 only: 3 of 3.
      ["resolveGeneral", "pass", 3, 3],
      // problemReport: met 1 + 2 of decided 1 + 3 → 75 % < 90 %.
      ["problemReport24h", "fail", 3, 4],
      // Inspections: "monthly" due 10-08 done on 10-05; "annual" due 10-31 not done; November's not yet due → 1 of 2.
      ["inspections", "fail", 1, 2],
    ]);
    const handling = report.kpis.find((k) => k.id === "handlingConsultation");
    expect(handling).toMatchObject({ unit: "ms", comparison: "atMost", threshold: 6 * MIN, value: 380_000 });
    expect(report.kpis.find((k) => k.id === "satProduct")).toMatchObject({
      value: null,
      note: 'no surveys of channel "product"',
    });
    expect(report.kpis.map((k) => k.label)).toMatchInlineSnapshot(`
      [
        "Satisfaction (consultation) ≥ 98 %",
        "Satisfaction (onSite) ≥ 95 %",
        "Satisfaction (product) ≥ 95 %",
        "Mean handling time (consultation) ≤ 6 min",
        "Resolution rate ≥ 60 %",
        "Compliance (resolve) ≥ 95 %",
        "Compliance (resolve, level2) ≥ 95 %",
        "Compliance (problemReport) ≥ 90 %",
        "Inspections done ≥ 100 %",
      ]
    `);
  });

  it("matches performed inspections to the plan", () => {
    expect(report.inspections.items.map((i) => [i.inspectionId, i.dueAt, i.done, i.state])).toEqual([
      ["monthly", "2025-10-07T16:00:00.000Z", 1, "done"],
      ["annual", "2025-10-31T15:59:59.999Z", 0, "missed"],
      ["monthly", "2025-11-07T16:00:00.000Z", 0, "upcoming"],
    ]);
    // The September inspection is before the first item's window: it counts for nothing.
    expect(report.inspections).toMatchObject({ provided: true, due: 2, done: 1 });
  });

  it("counts satisfaction, channels and escalation steps", () => {
    expect(report.satisfaction).toEqual([
      { channel: "consultation", satisfied: 2, surveys: 3, rate: 2 / 3, min: 0.98 },
      { channel: "onSite", satisfied: 1, surveys: 1, rate: 1, min: 0.95 },
      { channel: "product", satisfied: 0, surveys: 0, rate: null, min: 0.95 },
    ]);
    expect(report.channels).toEqual([
      { channel: "consultation", tickets: 4, resolved: 3, handlingSumMs: 19 * MIN, meanHandlingMs: 380_000 },
      // T3: opened 23:50, resolved 02:00 → 130 min.
      { channel: "onSite", tickets: 2, resolved: 1, handlingSumMs: 130 * MIN, meanHandlingMs: 130 * MIN },
    ]);
    expect(report.escalations).toEqual([
      { targetId: "response", stepId: "reassign45", action: "reassign", due: 1, skipped: 0, scheduled: 0 },
      { targetId: "response", stepId: "remind30", action: "notify", due: 0, skipped: 1, scheduled: 1 },
    ]);
  });

  it("lists breaches by breach time and counts them per local date", () => {
    // T3's resolve breach is at 2025-10-04 00:50 local (10-03 in UTC): it belongs to 10-04.
    expect(report.days).toEqual([
      { date: "2025-10-01", opened: 1, breaches: 0 },
      { date: "2025-10-02", opened: 1, breaches: 0 },
      { date: "2025-10-03", opened: 1, breaches: 1 },
      { date: "2025-10-04", opened: 0, breaches: 1 },
      { date: "2025-10-15", opened: 1, breaches: 2 },
      { date: "2025-10-20", opened: 1, breaches: 0 },
      { date: "2025-10-31", opened: 1, breaches: 0 },
    ]);
    expect(report.breaches.total).toBe(4);
    expect(report.breaches.truncated).toBe(0);
    expect(report.breaches.items).toEqual([
      {
        ticketId: "T2",
        targetId: "problemReport",
        cycle: 0,
        level: "level2",
        dueAt: "2025-10-03T02:10:00.000Z",
        breachedAt: "2025-10-03T02:10:00.001Z",
        stoppedAt: "2025-10-03T03:10:00.000Z",
        date: "2025-10-03",
      },
      {
        ticketId: "T3",
        targetId: "resolve",
        cycle: 0,
        level: "level1",
        dueAt: "2025-10-03T16:50:00.000Z",
        breachedAt: "2025-10-03T16:50:00.001Z",
        stoppedAt: "2025-10-03T18:00:00.000Z",
        date: "2025-10-04",
      },
      {
        ticketId: "T4",
        targetId: "response",
        cycle: 0,
        level: "level1",
        dueAt: "2025-10-15T00:30:00.000Z",
        breachedAt: "2025-10-15T00:30:00.001Z",
        stoppedAt: null,
        date: "2025-10-15",
      },
      {
        ticketId: "T4",
        targetId: "resolve",
        cycle: 0,
        level: "level1",
        dueAt: "2025-10-15T01:00:00.000Z",
        breachedAt: "2025-10-15T01:00:00.001Z",
        stoppedAt: null,
        date: "2025-10-15",
      },
    ]);
  });

  it("keeps one row per ticket-target cycle, in order of opening", () => {
    // 5 tickets × 3 targets + T6 × 2 = 17 rows.
    expect(report.rows.total).toBe(17);
    expect(report.rows.items.map((r) => `${r.ticketId}/${r.targetId}:${r.outcome}`)).toEqual([
      "T1/response:met",
      "T1/resolve:met",
      "T1/problemReport:met",
      "T2/response:met",
      "T2/resolve:met",
      "T2/problemReport:breached",
      "T3/response:met",
      "T3/resolve:breached",
      "T3/problemReport:met",
      "T4/response:openBreached",
      "T4/resolve:openBreached",
      "T4/problemReport:pending",
      "T5/response:met",
      "T5/resolve:met",
      "T5/problemReport:met",
      "T6/response:open",
      "T6/resolve:open",
    ]);
  });

  it("caps rows and breaches, counting what was left out", () => {
    const capped = buildReportFromStatuses(contract, statuses, { ...options, rows: 4, breaches: 1 }, plan);
    expect(capped.rows).toMatchObject({ total: 17, truncated: 13 });
    expect(capped.rows.items.map((r) => `${r.ticketId}/${r.targetId}`)).toEqual([
      "T1/response",
      "T1/resolve",
      "T1/problemReport",
      "T2/response",
    ]);
    expect(capped.breaches).toMatchObject({ total: 4, truncated: 3, items: [{ ticketId: "T2" }] });
    const onlyBreaches = buildReportFromStatuses(contract, statuses, { ...options, rows: "breaches" }, plan);
    expect(onlyBreaches.rows.items.map((r) => `${r.ticketId}/${r.targetId}`)).toEqual([
      "T2/problemReport",
      "T3/resolve",
      "T4/response",
      "T4/resolve",
    ]);
    expect(onlyBreaches.rows).toMatchObject({ total: 4, truncated: 0 });
    // Everything else is the same report.
    expect({ ...capped, rows: null, breaches: null, options: null }).toEqual({
      ...report,
      rows: null,
      breaches: null,
      options: null,
    });
  });

  it("does not pass inspection compliance when no performed inspections are given", () => {
    const { inspections: _, ...rest } = options;
    const r = buildReportFromStatuses(contract, statuses, rest, plan);
    expect(r.kpis.find((k) => k.kind === "inspectionCompliance")).toMatchObject({
      status: "noData",
      note: "no performed inspections were given",
    });
    expect(r.inspections.items.map((i) => i.state)).toEqual(["unknown", "unknown", "upcoming"]);
  });

  it("renders the figures", () => {
    const md = renderReport(report, "markdown");
    expect(md).toContain(
      "| Satisfaction (consultation) ≥ 98 % \\[satConsultation\\] | ≥ 98 % | 66.7 % | 2 of 3 surveys satisfied | ❌ fail |",
    );
    expect(md).toContain(
      "| Response | Major | 1 | 0 | 0 | 1 | 0 | 0 | 50.0 % | 20 min | 20 min | 20 min | 20 min |",
    );
    expect(md).toContain(
      "| Mean handling time (consultation) ≤ 6 min \\[handlingConsultation\\] | ≤ 6 min | 6 min 20 s |",
    );
    const csv = renderReport(report, "csv").split("\r\n");
    expect(csv).toHaveLength(17 + 2);
    expect(csv[6]).toBe(
      "T2,2025-10-02T02:00:00.000Z,2025-10-02T02:10:00.000Z,consultation,warranty,problemReport,0,level2,breached,2025-10-02T02:10:00.000Z,2025-10-03T02:10:00.000Z,2025-10-03T03:10:00.000Z,2025-10-03T02:10:00.001Z,90000000,0,86400000",
    );
  });
});
