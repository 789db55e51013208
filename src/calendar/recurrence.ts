/**
 * RFC 5545 recurrence rules for inspection schedules: a strict parser of our own (rrule's parser is quadratic on
 * whitespace, research F47) and a bounded expansion through rrule in "floating" mode, each occurrence resolved in
 * the contract's zone with {@link resolveWall}.
 *
 * rrule is used without `tzid`: its results depend on the host zone otherwise (research R-2). Each occurrence is
 * computed as a local date (rrule's "floating" Date, whose UTC fields are the wall fields); the time of day and the
 * zone are applied here.
 *
 * rrule iterates until year 9999 when a rule has no candidate in a period (research F44/F45; measured here: 12 s for
 * `FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`). Two measures bound its work: daily and weekly rules are expanded through
 * the equivalent yearly rule (one period per year instead of one per day) with the interval checked here, and every
 * run gets a budget of periods after which rrule's loop is ended (see `limitPeriods`).
 * @internal
 * @module
 */
import * as rruleModule from "rrule";
import {
  civilFromDays,
  DAY,
  type DateKey,
  daysFromCivil,
  daysFromKey,
  type EpochMs,
  formatDateKey,
  weekdayOfDays,
} from "./civil.js";
import { describeValue, SlaError } from "./errors.js";
import { getZone, resolveWall } from "./zone.js";

// rrule 2.8.1 is CommonJS with `__esModule: true` and no `default`: Node's ESM loader exposes it only as the
// default export (named exports are not detected, research R-1), while esbuild's CJS output and vitest expose the
// names on the namespace. Take whichever object carries `RRule`.
type RRuleModule = typeof import("rrule");
const rrule: RRuleModule =
  typeof (rruleModule as Partial<RRuleModule>).RRule === "function"
    ? rruleModule
    : (rruleModule as unknown as { default: RRuleModule }).default;

/** Longest RRULE text accepted, checked before anything else. */
export const MAX_RRULE_LENGTH = 1024;
/** Largest `COUNT`. */
const MAX_COUNT = 10_000;
/** Largest `INTERVAL`. */
const MAX_INTERVAL = 1000;
/** A rule must have an occurrence within this many days of its start (100 years). */
const EMPTY_HORIZON_DAYS = 36_525;

type Freq = "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";
const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

/** A validated recurrence rule, anchored at its start date. @internal */
export interface Recurrence {
  readonly text: string;
  readonly freq: Freq;
  readonly interval: number;
  readonly count: number | undefined;
  /** Day number of the inclusive `UNTIL` date. */
  readonly untilDay: number | undefined;
  /** Day number of the first local date (the DTSTART date). */
  readonly startDay: number;
  readonly wkst: number;
  readonly bymonth: readonly number[] | undefined;
  readonly bymonthday: readonly number[] | undefined;
  readonly byyearday: readonly number[] | undefined;
  readonly byweekno: readonly number[] | undefined;
  readonly bysetpos: readonly number[] | undefined;
  /** Weekdays 0 = Monday … 6 = Sunday, with an optional ordinal (`2MO` → `{ day: 0, n: 2 }`). */
  readonly byday: readonly { readonly day: number; readonly n: number | undefined }[] | undefined;
}

function invalid(message: string, path: string): SlaError {
  return new SlaError("E_RRULE_INVALID", message, path);
}

const PART = /^([A-Z]{1,16})=([A-Z0-9+,-]{1,1000})$/;
const INTEGER = /^[+-]?\d{1,6}$/;

function integerList(
  name: string,
  value: string,
  path: string,
  min: number,
  max: number,
  zero: boolean,
): number[] {
  const out: number[] = [];
  for (const item of value.split(",")) {
    const n = INTEGER.test(item) ? Number(item) : Number.NaN;
    const ok =
      Number.isInteger(n) &&
      Math.abs(n) >= min &&
      Math.abs(n) <= max &&
      (zero || n !== 0) &&
      (min >= 0 || n >= min);
    if (!ok) {
      const range = zero || min >= 0 ? `${min} to ${max}` : `1 to ${max} or -${max} to -1`;
      throw invalid(`${name}=${value}: ${describeValue(item)} is not in ${range}`, path);
    }
    out.push(n);
  }
  if (out.length > 366) throw invalid(`${name} lists more than 366 values`, path);
  return out;
}

/**
 * Validates an RRULE (without `DTSTART`) and anchors it at a local start date.
 *
 * Accepted: `FREQ` (`DAILY`, `WEEKLY`, `MONTHLY`, `YEARLY`), `INTERVAL` (1–1000), `COUNT` (1–10000) or `UNTIL`
 * (an inclusive local date `YYYYMMDD`), `BYMONTH`, `BYMONTHDAY`, `BYDAY` (ordinals with `MONTHLY`/`YEARLY`),
 * `BYSETPOS` and `BYYEARDAY`/`BYWEEKNO` where RFC 5545 allows them, and `WKST`. Names are case-insensitive.
 *
 * @param text - The rule, e.g. `"FREQ=MONTHLY;BYMONTHDAY=1"`.
 * @param start - The start date key (`20250101`).
 * @param path - JSON path for errors.
 * @throws SlaError `E_LIMIT` for a rule longer than 1024 characters; `E_RRULE_INVALID` naming the part for
 *   anything else that is wrong (`FREQ=HOURLY`, `BYHOUR=25`, `COUNT=-1`, `INTERVAL=0`, `DTSTART`, `TZID`, …);
 *   `E_RRULE_EMPTY` for a rule with no occurrence within 100 years of its start.
 * @internal
 */
export function parseRecurrence(text: unknown, start: DateKey, path: string): Recurrence {
  if (typeof text !== "string") {
    throw new SlaError(
      "E_TYPE",
      `Expected an RRULE string such as "FREQ=MONTHLY;BYMONTHDAY=1", received ${describeValue(text)}`,
      path,
    );
  }
  if (text.length > MAX_RRULE_LENGTH) {
    throw new SlaError(
      "E_LIMIT",
      `RRULE of ${text.length} characters is longer than the limit of ${MAX_RRULE_LENGTH}`,
      path,
    );
  }
  if (text === "") throw invalid('Expected an RRULE such as "FREQ=MONTHLY;BYMONTHDAY=1", received ""', path);
  if (/\s/.test(text))
    throw invalid(`RRULE ${describeValue(text)} contains white space; write one line without spaces`, path);
  const upper = text.toUpperCase();
  if (upper.startsWith("RRULE:") || upper.startsWith("DTSTART") || upper.startsWith("TZID")) {
    throw invalid(
      `Write the rule alone, e.g. "FREQ=MONTHLY;BYMONTHDAY=1", received ${describeValue(text)}: the start date is the field "start" and the zone is the contract's`,
      path,
    );
  }
  const parts = new Map<string, string>();
  for (const part of upper.split(";")) {
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    switch (name) {
      case "FREQ":
      case "INTERVAL":
      case "COUNT":
      case "UNTIL":
      case "BYMONTH":
      case "BYMONTHDAY":
      case "BYYEARDAY":
      case "BYWEEKNO":
      case "BYDAY":
      case "BYSETPOS":
      case "WKST":
        break;
      case "BYHOUR":
      case "BYMINUTE":
      case "BYSECOND": {
        const max = name === "BYHOUR" ? 23 : 59;
        const bad = value.split(",").find((v) => !/^\d{1,2}$/.test(v) || Number(v) > max);
        const why =
          bad === undefined
            ? ""
            : ` (${describeValue(bad)} is not ${name === "BYHOUR" ? "an hour, 0–23" : "0–59"})`;
        throw invalid(
          `${part}${why}: ${name} is not supported; an inspection takes its time of day from the field "time"`,
          path,
        );
      }
      case "DTSTART":
      case "TZID":
      case "EXDATE":
      case "RDATE":
        throw invalid(
          `${name} is not allowed in the rule: the start date is the field "start" and the zone is the contract's`,
          path,
        );
      default:
        throw invalid(
          `Unknown RRULE part ${describeValue(name)}; expected FREQ, INTERVAL, COUNT, UNTIL, BYMONTH, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYDAY, BYSETPOS or WKST`,
          path,
        );
    }
    if (!PART.test(part))
      throw invalid(
        `RRULE part ${describeValue(part)} is not NAME=VALUE with a value such as 1, MO or 2MO`,
        path,
      );
    if (parts.has(name)) throw invalid(`RRULE part ${name} appears twice`, path);
    parts.set(name, value);
  }
  const freqText = parts.get("FREQ");
  if (freqText === undefined) throw invalid(`RRULE ${describeValue(text)} has no FREQ`, path);
  if (freqText === "HOURLY" || freqText === "MINUTELY" || freqText === "SECONDLY") {
    throw invalid(
      `FREQ=${freqText} is not supported: inspections recur at most daily (DAILY, WEEKLY, MONTHLY or YEARLY)`,
      path,
    );
  }
  if (freqText !== "DAILY" && freqText !== "WEEKLY" && freqText !== "MONTHLY" && freqText !== "YEARLY") {
    throw invalid(`FREQ=${freqText} is not a frequency; expected DAILY, WEEKLY, MONTHLY or YEARLY`, path);
  }
  const freq: Freq = freqText;
  const single = (name: string, min: number, max: number): number | undefined => {
    const value = parts.get(name);
    if (value === undefined) return undefined;
    const n = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
    if (!(n >= min && n <= max))
      throw invalid(`${name}=${value}: expected a whole number from ${min} to ${max}`, path);
    return n;
  };
  const interval = single("INTERVAL", 1, MAX_INTERVAL) ?? 1;
  const count = single("COUNT", 1, MAX_COUNT);
  let untilDay: number | undefined;
  const untilText = parts.get("UNTIL");
  if (untilText !== undefined) {
    if (count !== undefined) throw invalid("COUNT and UNTIL cannot both be given", path);
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(untilText);
    const y = Number(m?.[1]);
    const mo = Number(m?.[2]);
    const d = Number(m?.[3]);
    const days = m === null ? undefined : daysFromCivil(y, mo, d);
    if (days === undefined || civilFromDays(days) !== y * 10_000 + mo * 100 + d) {
      throw invalid(`UNTIL=${untilText}: expected the last local date as YYYYMMDD (no time, no "Z")`, path);
    }
    untilDay = days;
  }
  const list = (name: string, min: number, max: number, allowed: readonly Freq[]): number[] | undefined => {
    const value = parts.get(name);
    if (value === undefined) return undefined;
    if (!allowed.includes(freq)) throw invalid(`${name} cannot be used with FREQ=${freq} (RFC 5545)`, path);
    return integerList(name, value, path, min, max, false);
  };
  const bymonth = list("BYMONTH", 1, 12, ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]);
  const bymonthday = list("BYMONTHDAY", -31, 31, ["DAILY", "MONTHLY", "YEARLY"]);
  const byyearday = list("BYYEARDAY", -366, 366, ["YEARLY"]);
  const byweekno = list("BYWEEKNO", -53, 53, ["YEARLY"]);
  const bysetpos = list("BYSETPOS", -366, 366, ["MONTHLY", "YEARLY"]);
  const weekday = (value: string, name: string): number => {
    const i = WEEKDAYS.indexOf(value as (typeof WEEKDAYS)[number]);
    if (i < 0)
      throw invalid(`${name}: ${describeValue(value)} is not a weekday (MO, TU, WE, TH, FR, SA, SU)`, path);
    return i;
  };
  let byday: { day: number; n: number | undefined }[] | undefined;
  const bydayText = parts.get("BYDAY");
  if (bydayText !== undefined) {
    byday = [];
    for (const item of bydayText.split(",")) {
      const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
      if (m === null) throw invalid(`BYDAY: ${describeValue(item)} is not a weekday such as MO or 2MO`, path);
      const day = weekday(m[2] as string, "BYDAY");
      let n: number | undefined;
      if (m[1] !== undefined) {
        n = Number(m[1]);
        const max = freq === "MONTHLY" ? 5 : 53;
        if (freq !== "MONTHLY" && freq !== "YEARLY") {
          throw invalid(`BYDAY=${item}: an ordinal weekday needs FREQ=MONTHLY or FREQ=YEARLY`, path);
        }
        if (freq === "YEARLY" && byweekno !== undefined) {
          throw invalid(
            `BYDAY=${item}: an ordinal weekday cannot be combined with BYWEEKNO (RFC 5545)`,
            path,
          );
        }
        if (n === 0 || Math.abs(n) > max)
          throw invalid(`BYDAY=${item}: the ordinal must be 1 to ${max} or -${max} to -1`, path);
      }
      byday.push({ day, n });
    }
    if (byday.length > 366) throw invalid("BYDAY lists more than 366 values", path);
  }
  if (
    bysetpos !== undefined &&
    bymonth === undefined &&
    bymonthday === undefined &&
    byday === undefined &&
    byyearday === undefined &&
    byweekno === undefined
  ) {
    throw invalid("BYSETPOS needs another BY… part to select from (RFC 5545)", path);
  }
  const wkstText = parts.get("WKST");
  const wkst = wkstText === undefined ? 0 : weekday(wkstText, "WKST");
  const rec: Recurrence = Object.freeze({
    text,
    freq,
    interval,
    count,
    untilDay,
    startDay: daysFromKey(start),
    wkst,
    bymonth,
    bymonthday,
    byyearday,
    byweekno,
    bysetpos,
    byday,
  });
  if (!hasOccurrence(rec, rec.startDay + EMPTY_HORIZON_DAYS - 1)) {
    throw new SlaError(
      "E_RRULE_EMPTY",
      `RRULE ${describeValue(text)} has no occurrence within 100 years of ${formatDateKey(start)}`,
      path,
    );
  }
  return rec;
}

/**
 * Whether the rule has an occurrence on or before `lastDay`. With `BYSETPOS`, rrule's work per period is large
 * (measured: 50 ms for 100 years of `FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6`); a position `p` selects something in a
 * period exactly when the period has at least `|p|` candidates, so the candidates of the rule without `BYSETPOS`
 * are counted per period instead, and only the first period (cut by the start date) is checked with the real rule.
 */
function hasOccurrence(rec: Recurrence, lastDay: number): boolean {
  const setpos = rec.bysetpos;
  const simple =
    setpos === undefined ||
    rec.untilDay !== undefined ||
    rec.byweekno !== undefined ||
    (rec.freq !== "MONTHLY" && rec.freq !== "YEARLY");
  if (simple) return occurrenceDays(rec, rec.startDay, lastDay, 1).length > 0;
  const startKey = civilFromDays(rec.startDay);
  const sy = Math.floor(startKey / 10_000);
  const sm = Math.floor(startKey / 100) % 100;
  const firstPeriodEnd =
    rec.freq === "YEARLY"
      ? daysFromCivil(sy + 1, 1, 1) - 1
      : daysFromCivil(sy + Math.floor(sm / 12), (sm % 12) + 1, 1) - 1;
  if (occurrenceDays(rec, rec.startDay, Math.min(firstPeriodEnd, lastDay), 1).length > 0) return true;
  const noDayPart = rec.bymonthday === undefined && rec.byday === undefined && rec.byyearday === undefined;
  const free: Recurrence = {
    ...rec,
    bysetpos: undefined,
    count: undefined,
    startDay: rec.freq === "YEARLY" ? daysFromCivil(sy, 1, 1) : daysFromCivil(sy, sm, 1),
    bymonthday: noDayPart ? [startKey % 100] : rec.bymonthday,
    bymonth: noDayPart && rec.freq === "YEARLY" && rec.bymonth === undefined ? [sm] : rec.bymonth,
  };
  const need = Math.min(...setpos.map((p) => Math.abs(p)));
  const counts = new Map<number, number>();
  const periodOf = (day: number): number => {
    const key = civilFromDays(day);
    return rec.freq === "YEARLY" ? Math.floor(key / 10_000) : Math.floor(key / 100);
  };
  const firstPeriod = periodOf(rec.startDay);
  let found = false;
  forEachOccurrenceDay(free, free.startDay, lastDay, (day) => {
    const period = periodOf(day);
    if (period === firstPeriod) return true;
    const n = (counts.get(period) ?? 0) + 1;
    counts.set(period, n);
    if (n >= need) {
      // The selected candidate lies in this period; it is on or before lastDay unless this is the last period.
      found =
        period !== periodOf(lastDay) ||
        occurrenceDays(
          rec,
          daysFromKey(period * (rec.freq === "YEARLY" ? 10_000 : 100) + (rec.freq === "YEARLY" ? 101 : 1)),
          lastDay,
          1,
        ).length > 0;
      return false;
    }
    return true;
  });
  return found;
}

/** Periods of `freq` from the one holding day `a` to the one holding day `b` (inclusive, ≥ 1). */
function periodsBetween(freq: "MONTHLY" | "YEARLY", a: number, b: number): number {
  const ka = civilFromDays(a);
  const kb = civilFromDays(b);
  const ya = Math.floor(ka / 10_000);
  const yb = Math.floor(kb / 10_000);
  if (freq === "YEARLY") return Math.max(1, yb - ya + 1);
  const ma = Math.floor(ka / 100) % 100;
  const mb = Math.floor(kb / 100) % 100;
  return Math.max(1, (yb - ya) * 12 + (mb - ma) + 1);
}

/**
 * Ends rrule's iteration after `periods` periods. rrule 2.8.1's `iter()` reads `options.interval` once before its
 * loop and twice per period (the `interval === 0` check and `DateTime.add`); past the budget the getter answers an
 * interval that jumps beyond rrule's last year (9999), which ends the loop normally. Results are complete up to the
 * end of the last budgeted period. Pinned by the "rejects within 50 ms" tests: a change inside rrule shows there.
 */
function limitPeriods(options: { interval: number }, periods: number, huge: number): void {
  const real = options.interval;
  let reads = 0;
  Object.defineProperty(options, "interval", {
    configurable: true,
    enumerable: true,
    get: () => {
      reads++;
      return reads > 1 + 2 * periods ? huge : real;
    },
  });
}

function floatingDate(day: number): Date {
  return new Date(day * DAY);
}

/**
 * The local dates (day numbers) in `[lo, hi]` on which the rule has an occurrence, in order; stops after `max + 1`.
 * @internal
 */
export function occurrenceDays(rec: Recurrence, lo: number, hi: number, max: number): number[] {
  const out: number[] = [];
  forEachOccurrenceDay(rec, lo, hi, (day) => {
    out.push(day);
    return out.length <= max;
  });
  return out;
}

/** Calls `visit` with each occurrence's day number in `[lo, hi]`, in order, until it returns `false`. */
function forEachOccurrenceDay(
  rec: Recurrence,
  lo: number,
  hi: number,
  visit: (day: number) => boolean,
): void {
  const first = Math.max(lo, rec.startDay);
  const last = rec.untilDay === undefined ? hi : Math.min(hi, rec.untilDay);
  if (first > last) return;
  const { RRule } = rrule;
  const weekdays = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];
  let seen = 0; // occurrences since the start, for COUNT
  const take = (day: number): boolean => {
    if (day > last) return false;
    seen++;
    if (rec.count !== undefined && seen > rec.count) return false;
    return day >= first ? visit(day) : true;
  };

  if (rec.freq === "DAILY" || rec.freq === "WEEKLY") {
    // The equivalent yearly rule lists every day that passes the BY… filters; the interval is checked here.
    let byweekday: number[] | undefined = rec.byday?.map((d) => d.day);
    if (rec.freq === "WEEKLY" && byweekday === undefined) byweekday = [weekdayOfDays(rec.startDay)];
    if (rec.freq === "DAILY" && byweekday === undefined && rec.bymonthday === undefined)
      byweekday = [0, 1, 2, 3, 4, 5, 6];
    const anchor =
      rec.count === undefined
        ? Math.max(rec.startDay, daysFromCivil(Math.floor(civilFromDays(first) / 10_000), 1, 1))
        : rec.startDay;
    const options = {
      freq: RRule.YEARLY,
      interval: 1,
      dtstart: floatingDate(anchor),
      ...(rec.bymonth === undefined ? {} : { bymonth: [...rec.bymonth] }),
      ...(rec.bymonthday === undefined ? {} : { bymonthday: [...rec.bymonthday] }),
      ...(byweekday === undefined
        ? {}
        : { byweekday: byweekday.map((d) => weekdays[d] as InstanceType<typeof rrule.Weekday>) }),
    };
    const rule = new RRule(options, true);
    limitPeriods(rule.options, periodsBetween("YEARLY", anchor, last) + 1, 20_000);
    const weekStart = (day: number): number => day - ((weekdayOfDays(day) - rec.wkst + 7) % 7);
    const startWeek = weekStart(rec.startDay);
    rule.all((date: Date) => {
      const day = Math.round(date.getTime() / DAY);
      if (day < rec.startDay) return true;
      const onLattice =
        rec.freq === "DAILY"
          ? (day - rec.startDay) % rec.interval === 0
          : ((weekStart(day) - startWeek) / 7) % rec.interval === 0;
      return onLattice ? take(day) : day <= last;
    });
    return;
  }

  const freq = rec.freq;
  const step = rec.interval;
  const startKey = civilFromDays(rec.startDay);
  const noDayPart =
    rec.bymonthday === undefined &&
    rec.byday === undefined &&
    rec.byyearday === undefined &&
    rec.byweekno === undefined;
  let bymonth = rec.bymonth;
  let bymonthday = rec.bymonthday;
  if (noDayPart) {
    // rrule's defaults, made explicit so that the rule can be re-anchored.
    bymonthday = [startKey % 100];
    if (freq === "YEARLY" && bymonth === undefined) bymonth = [Math.floor(startKey / 100) % 100];
  }
  let anchor = rec.startDay;
  if (rec.count === undefined) {
    // Start one whole lattice period before the window's period (a period's candidates may spill into the next
    // week, never further), so that rrule does not iterate from a distant start (research R-9).
    const m = Math.floor((periodsBetween(freq, rec.startDay, first) - 1) / step) - 1;
    if (m >= 1) {
      const sy = Math.floor(startKey / 10_000);
      const sm = Math.floor(startKey / 100) % 100;
      if (freq === "YEARLY") anchor = daysFromCivil(sy + m * step, 1, 1);
      else {
        const months = sm - 1 + m * step;
        anchor = daysFromCivil(sy + Math.floor(months / 12), (months % 12) + 1, 1);
      }
    }
  }
  const options = {
    freq: freq === "YEARLY" ? RRule.YEARLY : RRule.MONTHLY,
    interval: step,
    wkst: weekdays[rec.wkst] as InstanceType<typeof rrule.Weekday>,
    dtstart: floatingDate(anchor),
    ...(bymonth === undefined ? {} : { bymonth: [...bymonth] }),
    ...(bymonthday === undefined ? {} : { bymonthday: [...bymonthday] }),
    ...(rec.byyearday === undefined ? {} : { byyearday: [...rec.byyearday] }),
    ...(rec.byweekno === undefined ? {} : { byweekno: [...rec.byweekno] }),
    ...(rec.bysetpos === undefined ? {} : { bysetpos: [...rec.bysetpos] }),
    ...(rec.byday === undefined
      ? {}
      : {
          byweekday: rec.byday.map(({ day, n }) => {
            const w = weekdays[day] as InstanceType<typeof rrule.Weekday>;
            return n === undefined ? w : w.nth(n);
          }),
        }),
  };
  const rule = new RRule(options, true);
  const periods = Math.ceil(periodsBetween(freq, anchor, last) / step) + 1;
  limitPeriods(rule.options, periods, freq === "YEARLY" ? 20_000 : 240_000);
  rule.all((date: Date) => take(Math.round(date.getTime() / DAY)));
}

/**
 * The instants of a rule's occurrences in `[fromMs, toMs)`: each occurrence's local date at `timeSeconds`, resolved
 * in the zone with the compatible rule (a 09:00 rule stays 09:00 local across DST; 02:30 in a gap becomes 03:30).
 *
 * @param zoneId - IANA zone.
 * @param rec - A rule from {@link parseRecurrence}.
 * @param timeSeconds - Time of day in seconds (0 ≤ t < 86 400).
 * @param fromMs - Window start (inclusive).
 * @param toMs - Window end (exclusive).
 * @param limit - Most occurrences returned.
 * @returns Instants in ascending order.
 * @throws SlaError `E_LIMIT` when the window holds more than `limit` occurrences.
 * @internal
 */
export function expandRecurrence(
  zoneId: string,
  rec: Recurrence,
  timeSeconds: number,
  fromMs: EpochMs,
  toMs: EpochMs,
  limit: number,
): EpochMs[] {
  if (toMs <= fromMs) return [];
  const zone = getZone(zoneId);
  // A local date's instants lie within a day and a half of its UTC midnight.
  const lo = Math.floor(fromMs / DAY) - 2;
  const hi = Math.floor(toMs / DAY) + 2;
  const days = occurrenceDays(rec, lo, hi, limit + 8);
  const out: EpochMs[] = [];
  for (const day of days) {
    const t = resolveWall(zone, day * DAY + timeSeconds * 1000);
    if (t >= fromMs && t < toMs) {
      out.push(t);
      if (out.length > limit) {
        throw new SlaError(
          "E_LIMIT",
          `RRULE ${describeValue(rec.text)} has more than ${limit} occurrences in the window; ask for a shorter window`,
          "",
        );
      }
    }
  }
  return out;
}
