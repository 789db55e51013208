import { describe, expect, it } from "vitest";
import { parseContract } from "../../src/contracts/index.js";
import { SlaError } from "../../src/errors.js";
import { buildReportFromStatuses } from "../../src/reporting/from-statuses.js";
import { mergeReports } from "../../src/reporting/merge.js";
import { renderReport } from "../../src/reporting/render/index.js";
import type { BuildReportOptions, ReportFormat, ServiceReport } from "../../src/reporting/types.js";
import { contract, contractInput } from "./fixtures.js";
import { options, plan, statuses } from "./worked.js";

function error(f: () => unknown): SlaError {
  try {
    f();
  } catch (e) {
    if (e instanceof SlaError) return e;
    throw e;
  }
  throw new Error("expected an SlaError");
}

const build = (o: BuildReportOptions, c = contract) => buildReportFromStatuses(c, [], o);
const now = "2025-11-01T00:00:00+08:00";

describe("report windows", () => {
  it("cuts months, quarters, years and date ranges at local midnight", () => {
    expect(build({ period: { quarter: "2025-Q4" }, now }).window).toMatchObject({
      from: "2025-09-30T16:00:00.000Z",
      to: "2025-12-31T16:00:00.000Z",
      firstDate: "2025-10-01",
      lastDate: "2025-12-31",
    });
    expect(build({ period: { year: "2025" }, now }).window).toMatchObject({
      from: "2024-12-31T16:00:00.000Z",
      to: "2025-12-31T16:00:00.000Z",
    });
    expect(build({ period: { dates: { from: "2025-10-08", to: "2025-10-08" } }, now }).window).toMatchObject({
      from: "2025-10-07T16:00:00.000Z",
      to: "2025-10-08T16:00:00.000Z",
      firstDate: "2025-10-08",
      lastDate: "2025-10-08",
    });
  });

  it("starts a day whose midnight does not exist at the first instant of that day (DST gap)", () => {
    // America/Santiago springs forward at 2025-09-07 00:00 → 01:00 (-04:00 → -03:00): the day is 23 h long.
    const c = parseContract({ ...contractInput, timezone: "America/Santiago" });
    expect(
      build({ period: { dates: { from: "2025-09-07", to: "2025-09-07" } }, now }, c).window,
    ).toMatchObject({
      from: "2025-09-07T04:00:00.000Z",
      to: "2025-09-08T03:00:00.000Z",
      firstDate: "2025-09-07",
      lastDate: "2025-09-07",
    });
  });

  it("accepts instants for from and to", () => {
    expect(
      build({ from: "2025-10-01T12:00:00Z", to: new Date("2025-10-02T00:00:00Z"), now: 1_760_000_000_000 })
        .window,
    ).toMatchObject({
      from: "2025-10-01T12:00:00.000Z",
      to: "2025-10-02T00:00:00.000Z",
      now: "2025-10-09T08:53:20.000Z",
      firstDate: "2025-10-01",
      lastDate: "2025-10-02",
    });
  });

  it("counts a ticket opened after now as outside the window", () => {
    const r = buildReportFromStatuses(
      contract,
      statuses,
      { ...options, now: "2025-10-10T00:00:00+08:00" },
      plan,
    );
    // T1–T3 were opened by Oct 10; T4–T6 after; T7 before October.
    expect(r.tickets).toMatchObject({ count: 3, outsideWindow: 4 });
  });
});

describe("errors", () => {
  it("rejects bad options with E_OPTION and a readable message", () => {
    expect(
      error(() => build({ from: "2025-10-02T00:00:00Z", to: "2025-10-01T00:00:00Z", now })).message,
    ).toMatchInlineSnapshot(`
      "Expected from before to, received from 2025-10-02T00:00:00.000Z and to 2025-10-01T00:00:00.000Z
        → at to"
    `);
    expect(error(() => build({ period: { month: "2025-13" }, now })).code).toBe("E_OPTION");
    expect(error(() => build({ period: { month: "2025-10" }, from: 0, now })).message).toMatchInlineSnapshot(`
      "Give either period or from and to, not both
        → at period"
    `);
    expect(error(() => build({ from: 0, now } as BuildReportOptions)).code).toBe("E_OPTION");
    expect(
      error(() => build({ period: { month: "2025-10" }, now, rows: -1 })).message,
    ).toMatchInlineSnapshot(`
      "Expected an integer 0–10000000 or one of "all", "breaches", received -1
        → at rows"
    `);
    expect(
      error(() => build({ period: { month: "2025-10" }, now, colour: "red" } as BuildReportOptions)).code,
    ).toBe("E_OPTION");
    expect(
      error(() => build({ period: { month: "2025-10" }, now, inspections: [{ inspectionId: "", at: now }] }))
        .path,
    ).toBe("inspections[0].inspectionId");
    expect(error(() => build({ period: { month: "2025-10" }, now: "2025-11-01T00:00" })).code).toBe(
      "E_INSTANT",
    );
  });

  it("rejects a value that is not a contract or not iterable with E_TYPE", () => {
    expect(error(() => buildReportFromStatuses(null as never, [], options)).code).toBe("E_TYPE");
    expect(error(() => buildReportFromStatuses(contract, 42 as never, options)).code).toBe("E_TYPE");
  });

  it("rejects a status instant that is not a Date (a JSON text, say) with E_TYPE and its path", () => {
    const good = statuses[0] as (typeof statuses)[number];
    const opened = error(() =>
      buildReportFromStatuses(contract, [{ ...good, openedAt: "2025-10-01" as never }], options),
    );
    expect([opened.code, opened.path]).toEqual(["E_TYPE", "openedAt"]);
    const target = { ...(good.targets[1] as (typeof good.targets)[number]), dueAt: "2025-10-01" as never };
    const targets = [good.targets[0], target, ...good.targets.slice(2)] as typeof good.targets;
    const due = error(() =>
      buildReportFromStatuses(contract, [{ ...good, targets }], { ...options, rows: "all" }),
    );
    expect([due.code, due.path]).toEqual(["E_TYPE", "targets[1].dueAt"]);
  });

  it("merges only reports of the same contract, window, now and options", () => {
    const a = buildReportFromStatuses(contract, [], options, plan);
    const b = buildReportFromStatuses(contract, [], { ...options, now: "2025-11-02T00:00:00+08:00" }, plan);
    expect(error(() => mergeReports(a, b)).message).toMatchInlineSnapshot(`
      "Reports can only be merged when they have the same window.now: "2025-10-31T16:00:00.000Z" and "2025-11-01T16:00:00.000Z"
        → at window.now"
    `);
    const other = parseContract({ ...contractInput, kpis: [] });
    expect(error(() => mergeReports(a, buildReportFromStatuses(other, [], options, plan))).path).toBe(
      "contract.fingerprint",
    );
    expect(
      error(() => mergeReports(a, buildReportFromStatuses(contract, [], { ...options, rows: 5 }, plan))).path,
    ).toBe("options.rows");
    expect(error(() => mergeReports(a, { format: "other" } as unknown as ServiceReport)).code).toBe(
      "E_OPTION",
    );
    expect(error(() => mergeReports(a, { ...a, targets: "x" } as unknown as ServiceReport)).code).toBe(
      "E_OPTION",
    );
  });

  it("renders only known formats of real reports", () => {
    const a = buildReportFromStatuses(contract, [], options, plan);
    expect(error(() => renderReport(a, "pdf" as ReportFormat)).message).toMatchInlineSnapshot(`
      "Expected a format "markdown", "html", "csv" or "json", received "pdf"
        → at format"
    `);
    expect(error(() => renderReport({} as ServiceReport, "html")).code).toBe("E_OPTION");
  });
});

describe("an empty report", () => {
  it("has no data rather than passes, and still renders", () => {
    const r = buildReportFromStatuses(contract, [], options, plan);
    expect(r.kpis.filter((k) => k.kind !== "inspectionCompliance").every((k) => k.status === "noData")).toBe(
      true,
    );
    for (const f of ["markdown", "html", "csv", "json"] as const)
      expect(renderReport(r, f).length).toBeGreaterThan(0);
    expect(renderReport(r, "csv")).toBe(
      "ticketId,openedAt,resolvedAt,channel,phase,targetId,cycle,level,outcome,startedAt,dueAt,stoppedAt,breachedAt,elapsedMs,pausedMs,targetMs\r\n",
    );
  });

  it("renders stable JSON with sorted keys", () => {
    const r = buildReportFromStatuses(contract, statuses, options, plan);
    const json = renderReport(r, "json");
    expect(JSON.parse(json)).toEqual(r);
    expect(json.startsWith('{\n  "breaches": {\n    "items": [\n      {\n        "breachedAt"')).toBe(true);
    expect(renderReport(JSON.parse(json) as ServiceReport, "json")).toBe(json);
  });
});

describe("merging tampered reports", () => {
  it("throws E_OPTION instead of computing with malformed figures", () => {
    const a = buildReportFromStatuses(contract, statuses, options, plan);
    const json = JSON.parse(JSON.stringify(a)) as {
      targets: { counts: { met: unknown } }[];
      tickets: { byLevel: unknown };
    };
    const t0 = structuredClone(json);
    (t0.targets[0] as { counts: { met: unknown } }).counts.met = "3";
    expect(error(() => mergeReports(a, t0 as unknown as ServiceReport)).code).toBe("E_OPTION");
    const t1 = structuredClone(json);
    t1.tickets.byLevel = 5;
    expect(error(() => mergeReports(a, t1 as unknown as ServiceReport)).code).toBe("E_OPTION");
    const t2 = { ...structuredClone(json), options: { rows: -3, breaches: "all", exactValues: 1 } };
    expect(error(() => mergeReports(a, t2 as unknown as ServiceReport)).path).toBe("b.options");
  });
});
