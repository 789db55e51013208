/**
 * Locale-independent text for figures: no `toLocaleString`, no host time zone.
 * @internal
 * @module
 */
import { getZone } from "../../calendar/kernel.js";
import { localDateTime } from "../instant-text.js";
import { durationText } from "../kpis.js";
import type { KpiResult, ServiceReport } from "../types.js";

/** `0.6667` → `"66.7 %"`; `null` → `"—"`. @internal */
export function pct(x: number | null): string {
  return x === null ? "—" : `${(x * 100).toFixed(1)} %`;
}

/** Milliseconds as words (`"6 min 20 s"`); `null` → `"—"`. @internal */
export function dur(ms: number | null): string {
  if (ms === null) return "—";
  if (ms === 0) return "0 s";
  return durationText(Math.round(ms));
}

/** An ISO instant in the report's zone, `"2025-10-03 23:50 +08:00"`; `null` → `""`. @internal */
export function localTime(report: ServiceReport, isoText: string | null): string {
  if (isoText === null) return "";
  const t = Date.parse(isoText);
  if (!Number.isFinite(t)) return isoText;
  return localDateTime(getZone(report.contract.timezone), t);
}

/** The KPI's measured value as text. @internal */
export function kpiValue(k: KpiResult): string {
  if (k.value === null) return "—";
  return k.unit === "ratio" ? pct(k.value) : dur(k.value);
}

/** The KPI's objective as text, e.g. `"≥ 98 %"`. @internal */
export function kpiThreshold(k: KpiResult): string {
  const op = k.comparison === "atLeast" ? "≥" : "≤";
  return k.unit === "ratio"
    ? `${op} ${Number((k.threshold * 100).toPrecision(12))} %`
    : `${op} ${dur(k.threshold)}`;
}

/** What the KPI's value was computed from, e.g. `"2 of 3 surveys"`. @internal */
export function kpiBasis(k: KpiResult): string {
  switch (k.kind) {
    case "satisfaction":
      return `${k.numerator} of ${k.denominator} surveys satisfied`;
    case "meanHandlingTime":
      return `${k.denominator} resolved tickets`;
    case "resolutionRate":
      return `${k.numerator} of ${k.denominator} tickets resolved`;
    case "targetCompliance":
      return `${k.numerator} of ${k.denominator} decided cycles met`;
    case "inspectionCompliance":
      return `${k.numerator} of ${k.denominator} inspections done`;
    default:
      return "";
  }
}

/** `"pass"` / `"fail"` / `"no data"`. @internal */
export function statusText(k: KpiResult): string {
  return k.status === "noData" ? "no data" : k.status;
}

/** Display name of a target id (its `name` from the contract, else the id). @internal */
export function targetName(report: ServiceReport, id: string): string {
  const t = report.contract.targets.find((x) => x.id === id);
  return t?.name ?? id;
}

/** Display name of a level id. @internal */
export function levelName(report: ServiceReport, id: string): string {
  const l = report.contract.levels.find((x) => x.id === id);
  return l?.name ?? id;
}

/** The window in words: `"2025-10-01 – 2025-10-31"`. @internal */
export function windowText(report: ServiceReport): string {
  const w = report.window;
  return w.firstDate === w.lastDate ? w.firstDate : `${w.firstDate} – ${w.lastDate}`;
}

/** Every local date from `first` to `last` (inclusive), `YYYY-MM-DD`. At most `limit` dates. @internal */
export function datesBetween(first: string, last: string, limit: number): string[] {
  const out: string[] = [];
  let t = Date.parse(`${first}T00:00:00Z`);
  const end = Date.parse(`${last}T00:00:00Z`);
  while (t <= end && out.length < limit) {
    out.push(new Date(t).toISOString().slice(0, 10));
    t += 86_400_000;
  }
  return out;
}

/** KPI counts by status. @internal */
export function kpiTally(report: ServiceReport): { pass: number; fail: number; noData: number } {
  const tally = { pass: 0, fail: 0, noData: 0 };
  for (const k of report.kpis) tally[k.status] += 1;
  return tally;
}

/** Header of the per-target table of the Markdown and HTML reports. @internal */
export const TARGET_COLUMNS: readonly string[] = [
  "Target",
  "Level",
  "Met",
  "Breached",
  "Open",
  "Open, breached",
  "Pending",
  "Cancelled",
  "Compliance",
  "Mean",
  "Median",
  "p90",
  "Max",
];

/** Rows of the per-target table (counts as numbers, the rest as text; `≈` marks bucketed percentiles). @internal */
export function targetRows(r: ServiceReport): (string | number)[][] {
  return r.targets.map((t) => [
    targetName(r, t.targetId),
    levelName(r, t.level),
    t.counts.met,
    t.counts.breached,
    t.counts.open,
    t.counts.openBreached,
    t.counts.pending,
    t.counts.cancelled,
    pct(t.compliance),
    dur(t.elapsed.meanMs),
    `${t.elapsed.exact ? "" : "≈ "}${dur(t.elapsed.medianMs)}`,
    `${t.elapsed.exact ? "" : "≈ "}${dur(t.elapsed.p90Ms)}`,
    dur(t.elapsed.maxMs),
  ]);
}
