/**
 * Expansion of validated recurrence rules through rrule in "floating" mode: each occurrence is computed as a
 * local date (rrule's floating `Date`, whose UTC fields are the wall fields); the time of day and the zone are
 * applied here with {@link resolveWall}. rrule is used without `tzid`, whose results depend on the host zone.
 *
 * rrule iterates until year 9999 when a rule has no candidate in a period (measured: 12 s for
 * `FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`). Two measures bound its work: daily and weekly rules are expanded through
 * the equivalent yearly rule (one period per year instead of one per day) with the interval checked here, and every
 * run gets a budget of periods after which rrule's loop is ended (see `limitPeriods`).
 * @internal
 * @module
 */
import * as rruleModule from "rrule";
import { describeValue, SlaError } from "../../errors.js";
import {
  civilFromDays,
  DAY,
  dayOf,
  daysFromCivil,
  type EpochMs,
  monthIndexOf,
  monthOf,
  monthStartDay,
  weekdayOfDays,
  yearOf,
} from "../civil.js";
import { getZone, resolveWall } from "../zone.js";
import type { Recurrence } from "./parse.js";

// rrule 2.8.1 is CommonJS with `__esModule: true` and no `default`: Node's ESM loader exposes it only as the
// default export (named exports are not detected), while esbuild's CJS output and vitest expose the
// names on the namespace. Take whichever object carries `RRule`.
type RRuleModule = typeof import("rrule");
const rrule: RRuleModule =
  typeof (rruleModule as Partial<RRuleModule>).RRule === "function"
    ? rruleModule
    : (rruleModule as unknown as { default: RRuleModule }).default;

/** Whether the rule has an occurrence on or before `lastDay`. @internal */
export function hasOccurrence(rec: Recurrence, lastDay: number): boolean {
  return occurrenceDays(rec, rec.startDay, lastDay, 1).length > 0;
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
  if (rec.bysetpos !== undefined) {
    forEachSetPosDay(rec, rec.bysetpos, lo, hi, visit);
    return;
  }
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
    // week, never further), so that rrule does not iterate from a distant start.
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

/** The candidates of a period picked by BYSETPOS positions (1-based from the start, negative from the end). */
function pickPositions(candidates: readonly number[], positions: readonly number[]): number[] {
  const picked = new Set<number>();
  for (const p of positions) {
    const day = candidates[p > 0 ? p - 1 : candidates.length + p];
    if (day !== undefined) picked.add(day);
  }
  return [...picked].sort((a, b) => a - b);
}

/**
 * A rule with `BYSETPOS`, selected as RFC 5545 says: the rule without `BYSETPOS` gives each period's set of
 * candidates (the whole month or year, also before the start date); the positions pick from that set (a
 * position beyond the set picks nothing); then the start date, `UNTIL` and `COUNT` apply to what was picked.
 * rrule's own `BYSETPOS` is not used: it picks the only candidate for positions such as -2 or 3.
 */
function forEachSetPosDay(
  rec: Recurrence,
  positions: readonly number[],
  lo: number,
  hi: number,
  visit: (day: number) => boolean,
): void {
  const first = Math.max(lo, rec.startDay);
  const last = rec.untilDay === undefined ? hi : Math.min(hi, rec.untilDay);
  if (first > last) return;
  const yearly = rec.freq === "YEARLY";
  const periodOf = (day: number): number => (yearly ? yearOf(civilFromDays(day)) : monthIndexOf(day));
  const periodStart = (day: number): number =>
    yearly ? daysFromCivil(yearOf(civilFromDays(day)), 1, 1) : monthStartDay(monthIndexOf(day));
  const startKey = civilFromDays(rec.startDay);
  const noDayPart = rec.bymonthday === undefined && rec.byday === undefined && rec.byyearday === undefined;
  // The candidates: the rule without BYSETPOS and COUNT, from the first day of its first period (the lattice of
  // periods stays the one of the start date), with rrule's defaults made explicit (the start's day of the month).
  const candidatesRule: Recurrence = {
    ...rec,
    bysetpos: undefined,
    count: undefined,
    untilDay: undefined,
    startDay: periodStart(rec.startDay),
    bymonthday: noDayPart ? [dayOf(startKey)] : rec.bymonthday,
    bymonth: noDayPart && yearly && rec.bymonth === undefined ? [monthOf(startKey)] : rec.bymonth,
  };
  // With COUNT every pick from the start counts; without, the walk may begin at the window's first period.
  const from = rec.count === undefined ? periodStart(first) : candidatesRule.startDay;
  const through = yearly
    ? daysFromCivil(yearOf(civilFromDays(last)) + 1, 1, 1) - 1
    : monthStartDay(monthIndexOf(last) + 1) - 1;
  let seen = 0;
  let period = Number.NaN;
  let candidates: number[] = [];
  const flush = (): boolean => {
    for (const day of pickPositions(candidates, positions)) {
      if (day < rec.startDay) continue;
      if (day > last) return false;
      seen++;
      if (rec.count !== undefined && seen > rec.count) return false;
      if (day >= first && !visit(day)) return false;
    }
    return true;
  };
  let going = true;
  forEachOccurrenceDay(candidatesRule, from, through, (day) => {
    const p = periodOf(day);
    if (p !== period) {
      if (candidates.length > 0 && !flush()) {
        going = false;
        return false;
      }
      period = p;
      candidates = [];
    }
    candidates.push(day);
    return true;
  });
  if (going && candidates.length > 0) flush();
}
