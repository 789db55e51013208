/**
 * Shared helpers and fast-check arbitraries for the calendar tests.
 *
 * - Time helpers (`at`, `iso`, constants) convert ISO strings with an explicit offset, which is host
 *   independent; nothing here reads the host zone.
 * - `oracle*` functions are an independent model of zone offsets and of the wall-clock → instant rule
 *   (Temporal's "compatible"), built on `@date-fns/tz`'s `tzOffset` (offsets from `Intl`'s `longOffset`
 *   time-zone names, a different path from the engine's `formatToParts` fields) and brute force.
 * - Calendars for properties are compiled once, in a fixed list, so their lazily built year tables are
 *   reused across runs.
 */
import { tzOffset } from "@date-fns/tz";
import { fc } from "@fast-check/vitest";
import { type Calendar, type CalendarSpec, compileCalendar, SlaError } from "../src/calendar/index.js";

export const SECOND = 1000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const WEEK = 7 * DAY;

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an ISO instant that carries `Z` or an offset (host independent). */
export function at(text: string): number {
  const value = Date.parse(text);
  if (!WITH_OFFSET.test(text) || Number.isNaN(value)) throw new Error(`test helper: bad instant ${text}`);
  return value;
}

/** ISO string (UTC) of a Date or epoch ms, for readable comparisons. */
export function iso(value: Date | number): string {
  return new Date(value).toISOString();
}

/** Epoch ms of a UTC calendar date and time (month 1–12). */
export function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** Runs `fn`, which must throw an `SlaError`, and returns it (any other outcome fails the test). */
export function catchSla(fn: () => unknown): SlaError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SlaError) return error;
    throw new Error(`expected an SlaError, got ${String(error)}`);
  }
  throw new Error("expected an SlaError, but nothing was thrown");
}

/** Mon–Fri with the same intervals. */
export function weekdays(ranges: readonly (readonly [string, string])[]): {
  mon: (readonly [string, string])[];
  tue: (readonly [string, string])[];
  wed: (readonly [string, string])[];
  thu: (readonly [string, string])[];
  fri: (readonly [string, string])[];
} {
  return { mon: [...ranges], tue: [...ranges], wed: [...ranges], thu: [...ranges], fri: [...ranges] };
}

/** Every day of the week with the same intervals. */
export function everyDay(ranges: readonly (readonly [string, string])[]) {
  return { ...weekdays(ranges), sat: [...ranges], sun: [...ranges] };
}

// ---------------------------------------------------------------------------------------------------------
// Independent zone oracle
// ---------------------------------------------------------------------------------------------------------

/** UTC offset in ms (east positive) from `@date-fns/tz`. */
export function oracleOffsetMs(zone: string, t: number): number {
  return Math.round(tzOffset(zone, new Date(t)) * MINUTE);
}

/** Every instant whose local wall clock in `zone` reads `wall` (wall written as UTC ms), ascending. */
export function oraclePossibleInstants(zone: string, wall: number): number[] {
  const offsets = new Set<number>();
  // Offsets in force within ±27 h of the wall time; no zone keeps an offset for less than an hour.
  for (let k = -27; k <= 27; k++) offsets.add(oracleOffsetMs(zone, wall + k * HOUR));
  const found: number[] = [];
  for (const offset of offsets) {
    const candidate = wall - offset;
    if (oracleOffsetMs(zone, candidate) === offset) found.push(candidate);
  }
  return found.sort((a, b) => a - b);
}

/**
 * Temporal's `"compatible"` disambiguation written out from the spec (DisambiguatePossibleInstants): the
 * earlier instant in an overlap; in a gap the wall time moved forward by the gap's length, where the gap is
 * `offset(wall + 1 day) - offset(wall - 1 day)`.
 */
export function oracleResolveWall(zone: string, wall: number): number {
  const possible = oraclePossibleInstants(zone, wall);
  if (possible.length > 0) return possible[0] as number;
  const gap = oracleOffsetMs(zone, wall + DAY) - oracleOffsetMs(zone, wall - DAY);
  const later = oraclePossibleInstants(zone, wall + gap);
  const last = later[later.length - 1];
  if (last === undefined) throw new Error(`oracle: cannot resolve ${iso(wall)} in ${zone}`);
  return last;
}

/** Offset transitions of `zone` in `[from, to)`: first instant of each new offset (scan every 6 h, bisect). */
export function oracleTransitions(
  zone: string,
  from: number,
  to: number,
): { at: number; before: number; after: number }[] {
  const out: { at: number; before: number; after: number }[] = [];
  const step = 6 * HOUR;
  let a = from;
  let oa = oracleOffsetMs(zone, a);
  while (a < to) {
    const b = Math.min(a + step, to);
    const ob = oracleOffsetMs(zone, b);
    if (ob !== oa) {
      let lo = a;
      let hi = b;
      while (hi - lo > 1) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (oracleOffsetMs(zone, mid) === oa) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, before: oa, after: oracleOffsetMs(zone, hi) });
    }
    a = b;
    oa = ob;
  }
  return out;
}

/** Zones with awkward rules (anchors-reliability §2.3), for zone properties. */
export const AWKWARD_ZONES = [
  "Australia/Lord_Howe", // 30-minute DST
  "Pacific/Apia", // skipped 2011-12-30
  "Pacific/Chatham", // +12:45 / +13:45
  "Asia/Kathmandu", // +05:45
  "America/St_Johns", // -03:30 / -02:30
  "America/Santiago", // transitions at midnight
  "America/Sao_Paulo", // midnight DST until 2019
  "Antarctica/Troll", // 2-hour DST
] as const;

/** Twelve zones for the offset oracle property. */
export const ORACLE_ZONES = [
  ...AWKWARD_ZONES,
  "Africa/Casablanca", // DST suspended for Ramadan
  "America/New_York",
  "Europe/Berlin",
  "Asia/Kolkata",
] as const;

// ---------------------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------------------

export const WINDOW_FROM = utc(2024, 1, 1);
export const WINDOW_TO = utc(2028, 1, 1);

/** Instants in `[from, to)`: uniform ms, on a 15-minute UTC grid (hits interval edges), or a grid point ± 1 ms. */
export function instantIn(from: number, to: number): fc.Arbitrary<number> {
  const q = 15 * MINUTE;
  const grid = fc.integer({ min: Math.ceil(from / q), max: Math.floor((to - 1) / q) }).map((k) => k * q);
  return fc.oneof(
    fc.integer({ min: from, max: to - 1 }),
    grid,
    fc.tuple(grid, fc.constantFrom(-1, 1)).map(([t, e]) => Math.min(to - 1, Math.max(from, t + e))),
  );
}

/** Instants in 2024–2027. */
export const instant = (): fc.Arbitrary<number> => instantIn(WINDOW_FROM, WINDOW_TO);

/** Working-time durations in ms: 0, 1 ms, exact interval lengths (to land on interval ends), minutes, up to 200 h. */
export function durationMs(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constantFrom(0, 1, 30 * MINUTE, HOUR, 3 * HOUR, 4 * HOUR, 7 * HOUR, 8 * HOUR, 9 * HOUR, 24 * HOUR),
    fc.integer({ min: 1, max: 10_000 }).map((m) => m * MINUTE),
    fc.integer({ min: 1, max: 200 * HOUR }),
  );
}

/** Positive durations. */
export function positiveDurationMs(): fc.Arbitrary<number> {
  return durationMs().filter((d) => d > 0);
}

// ---------------------------------------------------------------------------------------------------------
// A fixed list of calendars, compiled once
// ---------------------------------------------------------------------------------------------------------

export interface NamedCalendar {
  readonly name: string;
  readonly spec: CalendarSpec;
  readonly cal: Calendar;
}

function named(name: string, spec: CalendarSpec): NamedCalendar {
  return { name, spec, cal: compileCalendar(spec) };
}

/** Calendars with every feature: breaks, holidays, overrides, overnight intervals, DST edges, versions. */
export const PROPERTY_CALENDARS: readonly NamedCalendar[] = [
  named("utc-office", {
    timezone: "UTC",
    week: weekdays([["09:00", "18:00"]]),
    holidays: ["2025-01-01", "12-25", { from: "2026-08-03", to: "2026-08-14" }],
    overrides: { "2025-06-14": [["10:00", "14:00"]] },
    breaks: { "2025-06-11": [["12:00", "13:00"]] },
  }),
  named("ny-lunch", {
    timezone: "America/New_York",
    week: {
      ...weekdays([
        ["09:00", "12:00"],
        ["13:00", "17:00"],
      ]),
      sun: [
        ["01:30", "02:30"],
        ["23:00", "24:00"],
      ],
    },
    holidays: ["07-04", "2025-11-27", "2026-11-26"],
  }),
  named("berlin-night", {
    timezone: "Europe/Berlin",
    week: {
      mon: [{ start: "22:00", end: "06:00", overnight: true }],
      tue: [{ start: "22:00", end: "06:00", overnight: true }],
      wed: [{ start: "22:00", end: "06:00", overnight: true }],
      thu: [{ start: "22:00", end: "06:00", overnight: true }],
      fri: [{ start: "22:00", end: "06:00", overnight: true }],
      sun: [["02:00", "03:00"]],
    },
    holidays: ["12-24", "12-25", "12-26"],
    breaks: { "2025-03-04": [["00:00", "01:00"]] },
  }),
  named("lordhowe-edges", {
    timezone: "Australia/Lord_Howe",
    week: everyDay([
      ["00:00", "02:15"],
      ["22:00", "24:00"],
    ]),
  }),
  named("chatham-sparse", {
    timezone: "Pacific/Chatham",
    week: { wed: [["10:00", "11:00"]], sat: [["02:45", "03:15"]] },
    holidays: ["01-01"],
  }),
  named("santiago-midnight", {
    timezone: "America/Santiago",
    week: everyDay([
      ["00:00", "01:00"],
      ["23:00", "24:00"],
    ]),
  }),
  named("kathmandu-24x7", { timezone: "Asia/Kathmandu", week: "24x7", holidays: ["2025-10-21"] }),
  named("versioned", {
    timezone: "UTC",
    week: weekdays([["09:00", "18:00"]]),
    holidays: ["2025-05-01"],
    versions: [
      {
        from: "2025-07-01",
        timezone: "America/Sao_Paulo",
        week: { ...weekdays([["08:00", "12:00"]]), sat: [["08:00", "12:00"]] },
      },
      {
        from: "2026-03-01",
        timezone: "Asia/Kathmandu",
        week: { sat: [["00:00", "24:00"]], sun: [["00:00", "24:00"]] },
      },
      { from: "2027-01-01", timezone: "Pacific/Chatham", holidays: [] },
    ],
  }),
  named("china-2025", {
    timezone: "Asia/Shanghai",
    week: weekdays([
      ["09:00", "12:00"],
      ["13:00", "18:00"],
    ]),
    holidays: [
      "2025-01-01",
      { from: "2025-01-28", to: "2025-02-04" },
      { from: "2025-10-01", to: "2025-10-08" },
    ],
    overrides: { "2025-01-26": [["09:00", "18:00"]], "2025-09-28": [["09:00", "18:00"]] },
  }),
];

/** One of the fixed calendars. */
export const propertyCalendar = (): fc.Arbitrary<NamedCalendar> => fc.constantFrom(...PROPERTY_CALENDARS);

/** A local date `YYYY-MM-DD` in 2025. */
export function dateKey2025(): fc.Arbitrary<string> {
  return fc
    .integer({ min: 0, max: 364 })
    .map((k) => new Date(utc(2025, 1, 1) + k * DAY).toISOString().slice(0, 10));
}
