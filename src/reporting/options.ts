/**
 * The options of `buildReport`, validated: the window (instants, or a period cut at local midnight in the
 * contract's zone, never the host's), `now`, performed inspections and what to keep.
 * @internal
 * @module
 */
import {
  type CivilPeriod,
  daysFromCivil,
  daysFromKey,
  type EpochMs,
  getZone,
  localMidnight,
  nextPeriodStart,
  parseDateKey,
  toEpochMs,
  type Zone,
} from "../calendar/kernel.js";
import { describeValue, SlaError } from "../errors.js";
import { iso } from "./instant-text.js";
import { DEFAULT_EXACT_VALUES } from "./summary.js";
import type { BuildReportOptions, ReportRowsOption } from "./types.js";

/** Most performed inspections accepted in one report. @internal */
export const MAX_PERFORMED_INSPECTIONS = 100_000;
/** Largest cap for `rows`, `breaches` and `exactValues`. @internal */
export const MAX_CAP = 10_000_000;
/** Default cap of kept rows and breaches. @internal */
export const DEFAULT_KEPT = 10_000;

/** Validated options. @internal */
export interface ResolvedOptions {
  readonly zone: Zone;
  readonly from: EpochMs;
  readonly to: EpochMs;
  readonly now: EpochMs;
  readonly inspections: readonly { readonly inspectionId: string; readonly at: EpochMs }[] | undefined;
  readonly rows: ReportRowsOption;
  readonly breaches: number | "all";
  readonly exactValues: number;
  readonly invalidTickets: "throw" | "skip";
}

const KNOWN_OPTIONS = new Set([
  "from",
  "to",
  "period",
  "now",
  "inspections",
  "rows",
  "breaches",
  "exactValues",
  "invalidTickets",
]);

function cap(value: unknown, path: string, allowed: readonly string[], fallback: number): number | string {
  if (value === undefined) return fallback;
  if (typeof value === "string" && allowed.includes(value)) return value;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && value <= MAX_CAP)
    return value;
  const words = allowed.map((a) => `"${a}"`).join(", ");
  throw new SlaError(
    "E_OPTION",
    `Expected an integer 0–${MAX_CAP}${words === "" ? "" : ` or one of ${words}`}, received ${describeValue(value)}`,
    path,
  );
}

/** The local days `[first, end)` of a period given as `{ month }`, `{ quarter }`, `{ year }` or `{ dates }`. */
function periodDays(p: Record<string, unknown>): [number, number] | undefined {
  const civil = (firstDay: number, per: CivilPeriod): [number, number] => [
    firstDay,
    nextPeriodStart(firstDay, per),
  ];
  if (typeof p.month === "string") {
    const m = /^(\d{4})-(\d{2})$/.exec(p.month);
    if (m === null || Number(m[2]) < 1 || Number(m[2]) > 12) return undefined;
    return civil(daysFromCivil(Number(m[1]), Number(m[2]), 1), "month");
  }
  if (typeof p.quarter === "string") {
    const m = /^(\d{4})-Q([1-4])$/.exec(p.quarter);
    if (m === null) return undefined;
    return civil(daysFromCivil(Number(m[1]), 3 * Number(m[2]) - 2, 1), "quarter");
  }
  if (typeof p.year === "string") {
    if (!/^\d{4}$/.test(p.year)) return undefined;
    return civil(daysFromCivil(Number(p.year), 1, 1), "year");
  }
  if (typeof p.dates === "object" && p.dates !== null) {
    const d = p.dates as Record<string, unknown>;
    const a = typeof d.from === "string" ? parseDateKey(d.from) : undefined;
    const b = typeof d.to === "string" ? parseDateKey(d.to) : undefined;
    if (a === undefined || b === undefined) return undefined;
    return [daysFromKey(a), daysFromKey(b) + 1];
  }
  return undefined;
}

/** The instants `[from, to)` of a period: its first and end days cut at local midnight in the zone. */
function periodBounds(zone: Zone, period: unknown): [EpochMs, EpochMs] {
  const days =
    typeof period === "object" &&
    period !== null &&
    !Array.isArray(period) &&
    Object.keys(period).length === 1
      ? periodDays(period as Record<string, unknown>)
      : undefined;
  if (days === undefined) {
    throw new SlaError(
      "E_OPTION",
      `Expected a period such as { month: "2025-10" }, { quarter: "2025-Q4" }, { year: "2025" } or { dates: { from: "2025-10-01", to: "2025-10-31" } }, received ${describeValue(period)}`,
      "period",
    );
  }
  return [
    toEpochMs(localMidnight(zone, days[0]), "period"),
    toEpochMs(localMidnight(zone, days[1]), "period"),
  ];
}

/**
 * Validates the options of `buildReport`.
 * @throws SlaError `E_OPTION`, `E_INSTANT`, `E_INSTANT_RANGE`, `E_TZ_UNKNOWN`.
 * @internal
 */
export function resolveOptions(timezone: string, options: BuildReportOptions): ResolvedOptions {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new SlaError(
      "E_OPTION",
      `Expected report options { from, to, now }, received ${describeValue(options)}`,
      "",
    );
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) {
      throw new SlaError(
        "E_OPTION",
        `Unknown report option ${describeValue(key)}; expected one of ${[...KNOWN_OPTIONS].join(", ")}`,
        key,
      );
    }
  }
  const zone = getZone(timezone, "contract.timezone");
  const now = toEpochMs(options.now, "now");
  let from: EpochMs;
  let to: EpochMs;
  if (options.period !== undefined) {
    if (options.from !== undefined || options.to !== undefined) {
      throw new SlaError("E_OPTION", "Give either period or from and to, not both", "period");
    }
    [from, to] = periodBounds(zone, options.period);
  } else {
    if (options.from === undefined || options.to === undefined) {
      throw new SlaError(
        "E_OPTION",
        "Expected the window as from and to (instants) or as period",
        options.from === undefined ? "from" : "to",
      );
    }
    from = toEpochMs(options.from, "from");
    to = toEpochMs(options.to, "to");
  }
  if (!(from < to)) {
    throw new SlaError(
      "E_OPTION",
      `Expected from before to, received from ${iso(from)} and to ${iso(to)}`,
      "to",
    );
  }
  const rows = cap(options.rows, "rows", ["all", "breaches"], DEFAULT_KEPT) as ReportRowsOption;
  const breaches = cap(options.breaches, "breaches", ["all"], DEFAULT_KEPT) as number | "all";
  const exactValues = cap(options.exactValues, "exactValues", [], DEFAULT_EXACT_VALUES) as number;
  const invalidTickets = options.invalidTickets ?? "throw";
  if (invalidTickets !== "throw" && invalidTickets !== "skip") {
    throw new SlaError(
      "E_OPTION",
      `Expected invalidTickets "throw" or "skip", received ${describeValue(invalidTickets)}`,
      "invalidTickets",
    );
  }
  let inspections: { inspectionId: string; at: EpochMs }[] | undefined;
  if (options.inspections !== undefined) {
    if (!Array.isArray(options.inspections)) {
      throw new SlaError(
        "E_OPTION",
        `Expected inspections as an array of { inspectionId, at }, received ${describeValue(options.inspections)}`,
        "inspections",
      );
    }
    if (options.inspections.length > MAX_PERFORMED_INSPECTIONS) {
      throw new SlaError(
        "E_LIMIT",
        `At most ${MAX_PERFORMED_INSPECTIONS} performed inspections are accepted, received ${options.inspections.length}`,
        "inspections",
      );
    }
    inspections = options.inspections.map((item: unknown, i) => {
      const path = `inspections[${i}]`;
      if (typeof item !== "object" || item === null) {
        throw new SlaError(
          "E_OPTION",
          `Expected { inspectionId, at }, received ${describeValue(item)}`,
          path,
        );
      }
      const { inspectionId, at } = item as { inspectionId?: unknown; at?: unknown };
      if (typeof inspectionId !== "string" || inspectionId.length === 0 || inspectionId.length > 200) {
        throw new SlaError(
          "E_OPTION",
          `Expected inspectionId as a non-empty string, received ${describeValue(inspectionId)}`,
          `${path}.inspectionId`,
        );
      }
      return { inspectionId, at: toEpochMs(at, `${path}.at`) };
    });
  }
  return { zone, from, to, now, inspections, rows, breaches, exactValues, invalidTickets };
}
