/**
 * The calendar spec (JSON) and its validation into a normalised, compiled form. Hand-written rather than zod:
 * `calendar` sits below `contracts` and imports no schema library.
 * @module
 */
import { describeValue, joinPath, SlaError, suggest } from "../errors.js";
import { type DateKey, daysFromKey, formatDateKey, parseDateKey } from "./civil.js";
import { parseTimeOfDay } from "./time-of-day.js";
import { getZone, type Zone } from "./zone.js";

/** A day of the week as written in a calendar spec. @category Calendar */
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/**
 * A working interval of a day: `["09:00", "18:00"]` (`"HH:MM"` or `"HH:MM:SS"`, `"24:00"` only as an end), or
 * the object form, which alone may cross midnight: `{ "start": "22:00", "end": "06:00", "overnight": true }`.
 *
 * The array form is a pair `[start, end]`. Its type also admits `readonly string[]`, so that hours written
 * without `as const` (`const day = [["09:00", "18:00"]]` is a `string[][]`) type-check; an array that is not
 * exactly two times is refused when the calendar is compiled (`E_TYPE`, "Expected an interval ["HH:MM",
 * "HH:MM"], received an array of 3").
 *
 * @category Calendar
 */
export type TimeRange =
  | readonly [start: string, end: string]
  | readonly string[]
  | {
      /** Start of the interval (inclusive), `"HH:MM"` or `"HH:MM:SS"`, e.g. `"22:00"`. */
      readonly start: string;
      /**
       * End of the interval (exclusive), `"HH:MM"`, `"HH:MM:SS"` or `"24:00"`, e.g. `"06:00"`; before the start
       * only with `overnight: true`, never equal to it (`E_INTERVAL_EMPTY`).
       */
      readonly end: string;
      /**
       * `true` for an interval that crosses midnight: it is split there, and the part after midnight belongs to
       * the next date (a holiday on that date removes it). Default `false`; `true` on an interval that does not
       * cross midnight is `E_INTERVAL_ORDER`.
       */
      readonly overnight?: boolean;
    };

/** Weekly hours: `"24x7"`, or per weekday a list of intervals (a missing day is closed). @category Calendar */
export type WeekSpec = "24x7" | { readonly [day in Weekday]?: readonly TimeRange[] };

/**
 * A holiday: `"YYYY-MM-DD"` (once), `"MM-DD"` (every year; `"02-29"` in leap years only) or an inclusive range
 * of local dates `{ "from": "2025-10-01", "to": "2025-10-08" }`, optionally named.
 *
 * @category Calendar
 */
export type HolidaySpec =
  | string
  | {
      /** First closed local date, `"YYYY-MM-DD"` in the calendar's zone. */
      readonly from: string;
      /** Last closed local date (inclusive), `"YYYY-MM-DD"`; a range holds at most 3,660 dates (`E_LIMIT`). */
      readonly to: string;
      /** Name of the holiday, e.g. `"National Day"`; only for display. */
      readonly name?: string;
    };

/** The fields of a calendar that a version may change. @category Calendar */
export interface CalendarFields {
  /** IANA time zone, e.g. `"Asia/Shanghai"`; kept exactly as written. */
  readonly timezone: string;
  /** Weekly working hours. */
  readonly week: WeekSpec;
  /** Closed dates. A holiday wins over everything else on its date. */
  readonly holidays?: readonly HolidaySpec[];
  /** `{ "YYYY-MM-DD": intervals }`: replaces that date's hours (`[]` closes it; make-up working days). */
  readonly overrides?: {
    /** A local date `"YYYY-MM-DD"`: its working intervals, instead of the weekly hours (`[]`: closed). */
    readonly [date: string]: readonly TimeRange[];
  };
  /** `{ "YYYY-MM-DD": intervals }`: removed from that date's hours. */
  readonly breaks?: {
    /** A local date `"YYYY-MM-DD"`: the intervals removed from its hours; a break cannot cross midnight. */
    readonly [date: string]: readonly TimeRange[];
  };
}

/** A change of a calendar, effective from a local date; the fields it omits are inherited. @category Calendar */
export interface CalendarVersionSpec extends Partial<CalendarFields> {
  /** First local date (`"YYYY-MM-DD"`, in this version's zone) on which the version applies. */
  readonly from: string;
}

/**
 * A calendar as JSON. Precedence on a date: holiday > break > override > week.
 *
 * @example
 * ```ts
 * const spec: CalendarSpec = {
 *   timezone: "Asia/Shanghai",
 *   week: { mon: [["09:00", "12:00"], ["13:00", "18:00"]], tue: [["09:00", "18:00"]] },
 *   holidays: ["2025-10-01", { from: "2025-10-02", to: "2025-10-08", name: "National Day" }],
 *   overrides: { "2025-09-28": [["09:00", "18:00"]] },
 * };
 * ```
 * @category Calendar
 */
export interface CalendarSpec extends CalendarFields {
  /** Later versions in ascending `from` order. */
  readonly versions?: readonly CalendarVersionSpec[];
}

/**
 * Seconds of a day, flat `[start, end, start, end, …]`, sorted by start; ends may be 86 400. A written pattern's
 * intervals are disjoint, touching ones kept as written (each is resolved on its own: DST gaps); a date's hours
 * (its own and the previous date's overnight tail) may overlap. @internal
 */
export type DaySeconds = readonly number[];

/** A day's own hours, and the part of its overnight intervals that spills into the next date. @internal */
export interface DayPattern {
  readonly own: DaySeconds;
  readonly tail: DaySeconds;
}

/** A validated calendar version. @internal */
export interface CompiledVersion {
  /** Local day number from which the version applies (`-Infinity` for the first). */
  readonly fromDay: number;
  readonly zone: Zone;
  /** Monday-first patterns. */
  readonly week: readonly DayPattern[];
  readonly oneOff: ReadonlySet<number>;
  /** `month * 100 + day` of yearly holidays. */
  readonly yearly: ReadonlySet<number>;
  /** Sorted, merged, inclusive day-number ranges. */
  readonly ranges: readonly (readonly [number, number])[];
  readonly overrides: ReadonlyMap<number, DayPattern>;
  readonly breaks: ReadonlyMap<number, DaySeconds>;
}

/** Input limits, enforced before any work. @category Calendar */
export const CALENDAR_LIMITS = Object.freeze({
  /** Most intervals in one day's list (a weekday, an override or a break). */
  intervalsPerDay: 48,
  /** Most entries in a `holidays` list. */
  holidays: 10_000,
  /** Most dates in an `overrides` or a `breaks` object. */
  datedEntries: 10_000,
  /** Most entries in `versions`. */
  versions: 100,
  /** Longest holiday range in days. */
  rangeDays: 3_660,
});

/**
 * Bounds of the snapshot a spec is read through: twice the largest list a valid spec may hold, so that the
 * spec's own limits give the precise message up to there, and far larger input is refused before it is read.
 * @internal
 */
export const SPEC_SNAPSHOT_LIMITS = Object.freeze({ depth: 32, entries: 20_000, values: 2_000_000 });

const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const FIELDS = new Set(["timezone", "week", "holidays", "overrides", "breaks", "versions"]);
const VERSION_FIELDS = new Set(["from", "timezone", "week", "holidays", "overrides", "breaks"]);
const EMPTY_DAY: DayPattern = Object.freeze({ own: Object.freeze([]), tail: Object.freeze([]) });
const FULL_DAY: DayPattern = Object.freeze({ own: Object.freeze([0, 86_400]), tail: Object.freeze([]) });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function expectObject(value: unknown, path: string, what: string): Record<string, unknown> {
  if (!isPlainObject(value))
    throw new SlaError("E_TYPE", `Expected ${what} (an object), received ${describeValue(value)}`, path);
  return value;
}

function expectArray(value: unknown, path: string, what: string, max: number): readonly unknown[] {
  if (!Array.isArray(value))
    throw new SlaError("E_TYPE", `Expected ${what} (an array), received ${describeValue(value)}`, path);
  if (value.length > max)
    throw new SlaError("E_LIMIT", `Too many entries in ${what}: ${value.length}, at most ${max}`, path);
  return value;
}

function checkKeys(object: Record<string, unknown>, allowed: ReadonlySet<string>, path: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.has(key)) {
      throw new SlaError(
        "E_UNKNOWN_KEY",
        `Unknown field ${describeValue(key)}${suggest(key, [...allowed])}`,
        joinPath(path, key),
      );
    }
  }
}

/** Parses `"HH:MM"` / `"HH:MM:SS"` into seconds of the day; `"24:00"` only where `end` is true. */
function parseTime(value: unknown, path: string, end: boolean): number {
  const seconds = parseTimeOfDay(value);
  if (seconds === undefined) {
    throw new SlaError(
      "E_TIME_SYNTAX",
      `Expected a time of day "HH:MM" or "HH:MM:SS", received ${describeValue(value)}`,
      path,
    );
  }
  if (seconds > 86_400 || (seconds === 86_400 && !end)) {
    throw new SlaError(
      "E_TIME_SYNTAX",
      `${describeValue(value)} is allowed only as the end of an interval, meaning the next day's 00:00`,
      path,
    );
  }
  return seconds;
}

/** Validates a list of ranges into a day pattern; overlapping ranges are an error, touching ones are kept. */
function parseRanges(value: unknown, path: string, allowOvernight: boolean): DayPattern {
  const list = expectArray(value, path, "a list of intervals", CALENDAR_LIMITS.intervalsPerDay);
  const own: [number, number, string][] = [];
  const tail: [number, number, string][] = [];
  list.forEach((item, i) => {
    const at = joinPath(path, i);
    let startText: unknown;
    let endText: unknown;
    let overnight = false;
    if (Array.isArray(item)) {
      if (item.length !== 2) {
        throw new SlaError(
          "E_TYPE",
          `Expected an interval ["HH:MM", "HH:MM"], received an array of ${item.length}`,
          at,
        );
      }
      [startText, endText] = item;
    } else if (isPlainObject(item)) {
      checkKeys(item, new Set(["start", "end", "overnight"]), at);
      startText = item.start;
      endText = item.end;
      if (item.overnight !== undefined && typeof item.overnight !== "boolean") {
        throw new SlaError(
          "E_TYPE",
          `Expected overnight to be true or false, received ${describeValue(item.overnight)}`,
          joinPath(at, "overnight"),
        );
      }
      overnight = item.overnight === true;
    } else {
      throw new SlaError(
        "E_TYPE",
        `Expected an interval ["HH:MM", "HH:MM"], received ${describeValue(item)}`,
        at,
      );
    }
    const start = parseTime(startText, joinPath(at, Array.isArray(item) ? 0 : "start"), false);
    const end = parseTime(endText, joinPath(at, Array.isArray(item) ? 1 : "end"), true);
    if (start === end) {
      throw new SlaError(
        "E_INTERVAL_EMPTY",
        `Interval ${describeValue(startText)}–${describeValue(endText)} is empty`,
        at,
      );
    }
    if (end < start) {
      if (!overnight) {
        throw new SlaError(
          "E_INTERVAL_ORDER",
          `Interval ends (${describeValue(endText)}) before it starts (${describeValue(startText)}); an interval across midnight needs { "start", "end", "overnight": true }`,
          at,
        );
      }
      if (!allowOvernight) {
        throw new SlaError("E_INTERVAL_ORDER", "Breaks cannot cross midnight; write one break per date", at);
      }
      own.push([start, 86_400, at]);
      if (end > 0) tail.push([0, end, at]);
    } else {
      if (overnight) {
        throw new SlaError(
          "E_INTERVAL_ORDER",
          `Interval ${describeValue(startText)}–${describeValue(endText)} does not cross midnight but is marked overnight`,
          at,
        );
      }
      own.push([start, end, at]);
    }
  });
  return { own: normalise(own), tail: normalise(tail) };
}

function normalise(ranges: [number, number, string][]): DaySeconds {
  ranges.sort((a, b) => a[0] - b[0]);
  const flat: number[] = [];
  for (const [start, end, at] of ranges) {
    const lastEnd = flat.length > 0 ? (flat[flat.length - 1] as number) : -1;
    if (start < lastEnd)
      throw new SlaError("E_INTERVAL_OVERLAP", "Interval overlaps another interval of the same day", at);
    flat.push(start, end); // touching intervals stay apart: each is resolved on its own (DST gaps)
  }
  return Object.freeze(flat);
}

function parseDate(value: unknown, path: string): DateKey {
  const key = typeof value === "string" ? parseDateKey(value) : undefined;
  if (key === undefined)
    throw new SlaError(
      "E_DATE_SYNTAX",
      `Expected a real date "YYYY-MM-DD", received ${describeValue(value)}`,
      path,
    );
  return key;
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const MONTH_LENGTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

interface ResolvedFields {
  timezone: unknown;
  week: unknown;
  holidays: unknown;
  overrides: unknown;
  breaks: unknown;
}

function compileFields(
  fields: ResolvedFields,
  fromDay: number,
  path: (field: string) => string,
): CompiledVersion {
  const zone = getZone(fields.timezone, path("timezone"));
  const week: DayPattern[] = [];
  if (fields.week === "24x7") {
    for (let i = 0; i < 7; i++) week.push(FULL_DAY);
  } else {
    const object = expectObject(fields.week, path("week"), 'weekly hours ("24x7" or { mon: [...], ... })');
    checkKeys(object, new Set(WEEKDAYS), path("week"));
    for (const day of WEEKDAYS) {
      const ranges = object[day];
      week.push(ranges === undefined ? EMPTY_DAY : parseRanges(ranges, joinPath(path("week"), day), true));
    }
  }
  const oneOff = new Set<number>();
  const yearly = new Set<number>();
  const ranges: [number, number][] = [];
  if (fields.holidays !== undefined) {
    const list = expectArray(fields.holidays, path("holidays"), "holidays", CALENDAR_LIMITS.holidays);
    list.forEach((item, i) => {
      const at = joinPath(path("holidays"), i);
      if (typeof item === "string") {
        const md = MONTH_DAY.exec(item);
        if (md !== null) {
          const month = Number(md[1]);
          const day = Number(md[2]);
          if (month < 1 || month > 12 || day < 1 || day > (MONTH_LENGTHS[month - 1] as number)) {
            throw new SlaError(
              "E_DATE_SYNTAX",
              `Expected a yearly date "MM-DD", received ${describeValue(item)}`,
              at,
            );
          }
          yearly.add(month * 100 + day);
        } else {
          oneOff.add(daysFromKey(parseDate(item, at)));
        }
      } else {
        const range = expectObject(item, at, 'a holiday ("YYYY-MM-DD", "MM-DD" or { from, to })');
        checkKeys(range, new Set(["from", "to", "name"]), at);
        if (range.name !== undefined && (typeof range.name !== "string" || range.name.length > 200)) {
          throw new SlaError(
            "E_TYPE",
            `Expected a holiday name of at most 200 characters, received ${describeValue(range.name)}`,
            joinPath(at, "name"),
          );
        }
        const from = daysFromKey(parseDate(range.from, joinPath(at, "from")));
        const to = daysFromKey(parseDate(range.to, joinPath(at, "to")));
        if (to < from)
          throw new SlaError(
            "E_INTERVAL_ORDER",
            `Holiday range ends (${String(range.to)}) before it starts (${String(range.from)})`,
            at,
          );
        if (to - from >= CALENDAR_LIMITS.rangeDays) {
          throw new SlaError(
            "E_LIMIT",
            `Holiday range of ${to - from + 1} days is longer than ${CALENDAR_LIMITS.rangeDays}`,
            at,
          );
        }
        ranges.push([from, to]);
      }
    });
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const lastRange = merged[merged.length - 1];
    if (lastRange !== undefined && r[0] <= lastRange[1] + 1) lastRange[1] = Math.max(lastRange[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const overrides = new Map<number, DayPattern>();
  const breaks = new Map<number, DaySeconds>();
  for (const [field, target] of [
    ["overrides", overrides],
    ["breaks", breaks],
  ] as const) {
    const value = fields[field];
    if (value === undefined) continue;
    const object = expectObject(value, path(field), `${field} ({ "YYYY-MM-DD": intervals })`);
    const keys = Object.keys(object);
    if (keys.length > CALENDAR_LIMITS.datedEntries) {
      throw new SlaError(
        "E_LIMIT",
        `Too many dates in ${field}: ${keys.length}, at most ${CALENDAR_LIMITS.datedEntries}`,
        path(field),
      );
    }
    for (const key of keys) {
      const at = joinPath(path(field), key);
      const day = daysFromKey(parseDate(key, at));
      const pattern = parseRanges(object[key], at, field === "overrides");
      if (field === "overrides") (target as Map<number, DayPattern>).set(day, pattern);
      else (target as Map<number, DaySeconds>).set(day, pattern.own);
    }
  }
  return Object.freeze({ fromDay, zone, week, oneOff, yearly, ranges: merged, overrides, breaks });
}

/**
 * Validates a calendar spec into its versions, oldest first.
 *
 * @throws SlaError with the code and path of the first problem found.
 * @internal
 */
export function compileVersions(spec: unknown, basePath = ""): CompiledVersion[] {
  const object = expectObject(spec, basePath, "a calendar spec");
  checkKeys(object, FIELDS, basePath);
  for (const required of ["timezone", "week"] as const) {
    if (object[required] === undefined) {
      throw new SlaError("E_MISSING", `A calendar needs "${required}"`, joinPath(basePath, required));
    }
  }
  let fields: ResolvedFields = {
    timezone: object.timezone,
    week: object.week,
    holidays: object.holidays,
    overrides: object.overrides,
    breaks: object.breaks,
  };
  const versions = [compileFields(fields, Number.NEGATIVE_INFINITY, (f) => joinPath(basePath, f))];
  if (object.versions !== undefined) {
    const list = expectArray(
      object.versions,
      joinPath(basePath, "versions"),
      "versions",
      CALENDAR_LIMITS.versions,
    );
    let previous = Number.NEGATIVE_INFINITY;
    list.forEach((item, i) => {
      const at = joinPath(joinPath(basePath, "versions"), i);
      const version = expectObject(item, at, "a calendar version");
      checkKeys(version, VERSION_FIELDS, at);
      const fromKey = parseDate(version.from, joinPath(at, "from"));
      const fromDay = daysFromKey(fromKey);
      if (fromDay <= previous) {
        throw new SlaError(
          "E_VERSION_ORDER",
          `Versions must be in ascending order of "from"; ${formatDateKey(fromKey)} is not after the previous one`,
          joinPath(at, "from"),
        );
      }
      previous = fromDay;
      fields = {
        timezone: "timezone" in version ? version.timezone : fields.timezone,
        week: "week" in version ? version.week : fields.week,
        holidays: "holidays" in version ? version.holidays : fields.holidays,
        overrides: "overrides" in version ? version.overrides : fields.overrides,
        breaks: "breaks" in version ? version.breaks : fields.breaks,
      };
      versions.push(compileFields(fields, fromDay, (f) => joinPath(f in version ? at : basePath, f)));
    });
  }
  return versions;
}
