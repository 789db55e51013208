/**
 * Report windows and options: validation, periods cut at local midnight, local dates and times of the
 * contract's zone (never the host's).
 * @internal
 * @module
 */
import {
  civilFromDays,
  DAY,
  daysFromCivil,
  type EpochMs,
  formatDateKey,
  getZone,
  localDayOf,
  MINUTE,
  parseDateKey,
  resolveWall,
  toEpochMs,
  type Zone,
} from "../calendar/kernel.js";
import { describeValue, SlaError } from "../errors.js";
import { DEFAULT_EXACT_VALUES } from "./stats.js";
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

/** Local midnight starting a local day number. @internal */
export function midnightOf(zone: Zone, day: number): EpochMs {
  return resolveWall(zone, day * DAY);
}

function periodBounds(zone: Zone, period: unknown): [EpochMs, EpochMs] {
  const bad = (): never => {
    throw new SlaError(
      "E_OPTION",
      `Expected a period such as { month: "2025-10" }, { quarter: "2025-Q4" }, { year: "2025" } or { dates: { from: "2025-10-01", to: "2025-10-31" } }, received ${describeValue(period)}`,
      "period",
    );
  };
  if (typeof period !== "object" || period === null || Array.isArray(period)) return bad();
  const keys = Object.keys(period);
  if (keys.length !== 1) return bad();
  const p = period as Record<string, unknown>;
  let firstDay: number;
  let endDay: number; // exclusive
  if (typeof p.month === "string") {
    const m = /^(\d{4})-(\d{2})$/.exec(p.month);
    if (m === null || Number(m[2]) < 1 || Number(m[2]) > 12) return bad();
    const y = Number(m[1]);
    const mo = Number(m[2]);
    firstDay = daysFromCivil(y, mo, 1);
    endDay = mo === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, mo + 1, 1);
  } else if (typeof p.quarter === "string") {
    const m = /^(\d{4})-Q([1-4])$/.exec(p.quarter);
    if (m === null) return bad();
    const y = Number(m[1]);
    const q = Number(m[2]);
    firstDay = daysFromCivil(y, 3 * q - 2, 1);
    endDay = q === 4 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, 3 * q + 1, 1);
  } else if (typeof p.year === "string") {
    if (!/^\d{4}$/.test(p.year)) return bad();
    const y = Number(p.year);
    firstDay = daysFromCivil(y, 1, 1);
    endDay = daysFromCivil(y + 1, 1, 1);
  } else if (typeof p.dates === "object" && p.dates !== null) {
    const d = p.dates as Record<string, unknown>;
    const a = typeof d.from === "string" ? parseDateKey(d.from) : undefined;
    const b = typeof d.to === "string" ? parseDateKey(d.to) : undefined;
    if (a === undefined || b === undefined) return bad();
    firstDay = daysFromCivil(Math.floor(a / 10_000), Math.floor(a / 100) % 100, a % 100);
    endDay = daysFromCivil(Math.floor(b / 10_000), Math.floor(b / 100) % 100, b % 100) + 1;
  } else {
    return bad();
  }
  const from = midnightOf(zone, firstDay);
  const to = midnightOf(zone, endDay);
  return [toEpochMs(from, "period"), toEpochMs(to, "period")];
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

/** 1000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: where four-digit years hold. */
const ISO_MIN = -30_610_224_000_000;
const ISO_MAX = 253_402_300_799_999;
/**
 * ISO 8601 UTC text of an instant (`Date#toISOString`). A report keeps tens of thousands of these: the text is
 * built in one piece (a concatenation in JavaScript would be a tree of string parts, about 6 times the memory,
 * and slower to compare and serialize).
 * @internal
 */
export function iso(t: EpochMs): string {
  return new Date(t).toISOString();
}

/**
 * A number that orders instants as their {@link iso} texts compare (by code unit), for sorting without
 * formatting: `isoKey(a) < isoKey(b)` implies `iso(a) < iso(b)`. Between years 1000 and 9999 the texts have a
 * fixed width and the key is the instant; every other text (`0999-…`, `+010000-…`, `-000001-…`) sorts before
 * those, and its key is `-Infinity` (equal keys say nothing).
 * @internal
 */
export function isoKey(t: EpochMs): number {
  return t >= ISO_MIN && t <= ISO_MAX ? t : Number.NEGATIVE_INFINITY;
}

/** `YYYY-MM-DD` of an instant in a zone. @internal */
export function localDate(zone: Zone, t: EpochMs): string {
  return formatDateKey(civilFromDays(localDayOf(zone, t)));
}

/** `YYYY-MM-DD HH:MM` and the UTC offset (`+08:00`) of an instant in a zone. @internal */
export function localDateTime(zone: Zone, t: EpochMs): string {
  const offset = zone.offsetAt(t);
  const wall = t + offset;
  const day = Math.floor(wall / DAY);
  const minutes = Math.floor((wall - day * DAY) / MINUTE);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  const abs = Math.abs(offset);
  const oh = String(Math.floor(abs / 3_600_000)).padStart(2, "0");
  const om = String(Math.floor((abs % 3_600_000) / MINUTE)).padStart(2, "0");
  return `${formatDateKey(civilFromDays(day))} ${hh}:${mm} ${offset < 0 ? "-" : "+"}${oh}:${om}`;
}
