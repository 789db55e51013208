/**
 * The public calendar API: compile a spec once, then ask for deadlines, business time and working periods.
 * Every function takes `Date | number | string` instants and returns `Date`s or integer milliseconds.
 * @module
 */
import { describeValue, SlaError } from "../errors.js";
import type { DurationMs, EpochMs } from "./civil.js";
import { type Duration, MAX_DAYS, MAX_DURATION_MS, type ParsedDuration, parseDuration } from "./duration.js";
import { createEngine, type Engine } from "./engine/chunk.js";
import { addWorkingDays } from "./engine/days.js";
import { checkPeriodSpan, forEachPeriod } from "./engine/periods.js";
import {
  addWorkingTime,
  type Boundary,
  isOpen,
  subtractWorkingTime,
  workingTimeBetween,
} from "./engine/search.js";
import { epochMsOf, type Instant, toEpochMs } from "./instant.js";
import { snapshotPlain } from "./plain.js";
import { type CalendarSpec, compileVersions, SPEC_SNAPSHOT_LIMITS } from "./spec.js";

const ENGINE: unique symbol = Symbol("slakit.calendar");

/**
 * A compiled, frozen calendar. Create it with {@link compileCalendar}; its working time is computed lazily,
 * one local month at a time, and cached inside it.
 *
 * @category Calendar
 */
export interface Calendar {
  /** The zone of the first version, as written in the spec. */
  readonly timezone: string;
  /** The spec it was compiled from. */
  readonly spec: CalendarSpec;
  /** @internal */
  readonly [ENGINE]: Engine;
}

/** @internal */
export function engineOf(calendar: Calendar): Engine {
  const engine = (calendar as Partial<Calendar> | null | undefined)?.[ENGINE];
  if (engine === undefined) {
    throw new SlaError(
      "E_TYPE",
      `Expected a Calendar from compileCalendar(), received ${describeValue(calendar)}`,
      "calendar",
    );
  }
  return engine;
}

/**
 * Validates a calendar spec and compiles it.
 *
 * @param spec - The calendar as JSON (see {@link CalendarSpec}).
 * @param path - JSON path of the spec inside a larger document, used in error messages.
 * @returns The frozen calendar.
 * @throws SlaError `E_TZ_UNKNOWN`, `E_TIME_SYNTAX`, `E_DATE_SYNTAX`, `E_INTERVAL_ORDER`, `E_INTERVAL_EMPTY`,
 *   `E_INTERVAL_OVERLAP`, `E_UNKNOWN_KEY`, `E_TYPE`, `E_MISSING`, `E_VERSION_ORDER` or `E_LIMIT`, with the path.
 * @example
 * ```ts
 * const office = compileCalendar({
 *   timezone: "Asia/Shanghai",
 *   week: { mon: [["09:00", "12:00"], ["13:00", "18:00"]], tue: [["09:00", "18:00"]] },
 * });
 * office.timezone; //=> "Asia/Shanghai"
 * ```
 * Gotchas: a calendar with no working time at all compiles; every search on it throws `E_NO_WORKING_TIME`.
 * @category Calendar
 */
export function compileCalendar(spec: CalendarSpec, path = ""): Calendar {
  // Own data only, read once: a polluted Object.prototype or a getter cannot change the calendar.
  const versions = compileVersions(snapshotPlain(spec, path, SPEC_SNAPSHOT_LIMITS), path);
  const calendar: Calendar = {
    timezone: (versions[0] as { zone: { id: string } }).zone.id,
    spec,
    [ENGINE]: createEngine(versions),
  };
  return Object.freeze(calendar);
}

/** Options of {@link addBusinessTime} and {@link subtractBusinessTime}. @category Calendar */
export interface AddBusinessTimeOptions {
  /**
   * `"dueAt"` (default): the first instant at which the duration is used up (may be the end of a working
   * interval, e.g. Mon 18:00). `"nextOpening"`: the last instant at which it is not exceeded (the start of the
   * next working interval, e.g. Tue 09:00), the convention of zendesk/biz and Zammad.
   */
  readonly boundary?: "dueAt" | "nextOpening";
  /** For day durations (`"P2D"`): see {@link AddBusinessDaysOptions}. */
  readonly days?: "endOfDay" | "sameTime";
}

/** Options of {@link addBusinessDays}. @category Calendar */
export interface AddBusinessDaysOptions {
  /**
   * `"endOfDay"` (default): the deadline is the end of working hours of the Nth following working day.
   * `"sameTime"`: the Nth working day at the start's wall time, moved forward into working time.
   */
  readonly days?: "endOfDay" | "sameTime";
}

const durations = new Map<string, ParsedDuration>();

function durationOf(value: Duration): ParsedDuration {
  if (typeof value === "string") {
    const cached = durations.get(value);
    if (cached !== undefined) return cached;
    const parsed = parseDuration(value);
    if (durations.size >= 1024) durations.clear();
    durations.set(value, parsed);
    return parsed;
  }
  return parseDuration(value);
}

interface ResolvedOptions {
  readonly boundary: Boundary;
  readonly sameTime: boolean;
}

const DEFAULT_OPTIONS: ResolvedOptions = Object.freeze({ boundary: "dueAt", sameTime: false });

/** An own option of the caller's options object (never one inherited through a polluted prototype). */
function ownOption(options: object, key: string): unknown {
  try {
    return Object.hasOwn(options, key) ? (options as Record<string, unknown>)[key] : undefined;
  } catch (cause) {
    throw new SlaError("E_OPTION", `The option ${key} could not be read`, `options.${key}`, { cause });
  }
}

function resolveOptions(
  options: AddBusinessTimeOptions | AddBusinessDaysOptions | undefined,
): ResolvedOptions {
  if (options === undefined) return DEFAULT_OPTIONS;
  if (typeof options !== "object" || options === null) {
    throw new SlaError(
      "E_OPTION",
      `Expected options as an object such as { boundary: "nextOpening" }, received ${describeValue(options)}`,
      "options",
    );
  }
  const boundary = ownOption(options, "boundary");
  const days = ownOption(options, "days");
  if (boundary !== undefined && boundary !== "dueAt" && boundary !== "nextOpening") {
    throw new SlaError(
      "E_OPTION",
      `Expected boundary "dueAt" or "nextOpening", received ${describeValue(boundary)}`,
      "options.boundary",
    );
  }
  if (days !== undefined && days !== "endOfDay" && days !== "sameTime") {
    throw new SlaError(
      "E_OPTION",
      `Expected days "endOfDay" or "sameTime", received ${describeValue(days)}`,
      "options.days",
    );
  }
  return { boundary: boundary ?? "dueAt", sameTime: days === "sameTime" };
}

/**
 * Adds working time to an instant: the deadline of a target that starts at `start`.
 *
 * @param calendar - A compiled calendar.
 * @param start - The instant the clock starts.
 * @param duration - `"PT4H"`, `"PT30M"` or milliseconds of working time; `"P2D"` counts business days as
 *   {@link addBusinessDays} does.
 * @param options - `boundary: "nextOpening"` returns `lastCompliantAt` instead of `dueAt`.
 * @returns `dueAt`: the first instant at which the working time since `start` reaches `duration`. Adding 0
 *   returns `start` itself.
 * @throws SlaError `E_INSTANT`, `E_DURATION`, `E_OPTION`, or `E_NO_WORKING_TIME` when the calendar has not
 *   enough working time within 50 years.
 * @example
 * ```ts
 * // Mon–Fri 09:00–18:00 in Shanghai; Mon 2025-01-06 17:00 + 1 h
 * addBusinessTime(office, "2025-01-06T17:00:00+08:00", "PT1H");
 * //=> 2025-01-06T10:00:00.000Z (Mon 18:00 +08:00)
 * addBusinessTime(office, "2025-01-06T17:00:00+08:00", "PT1H", { boundary: "nextOpening" });
 * //=> 2025-01-07T01:00:00.000Z (Tue 09:00 +08:00)
 * ```
 * Gotchas: a working interval whose wall-clock edge falls in a DST gap starts or ends at the instant the gap
 * moves it to (02:30 → 03:30), so its length is measured in real time, not wall time.
 * @category Calendar
 */
export function addBusinessTime(
  calendar: Calendar,
  start: Instant,
  duration: Duration,
  options?: AddBusinessTimeOptions,
): Date {
  const engine = engineOf(calendar);
  const t = epochMsOf(start, "start");
  if (
    typeof duration === "number" &&
    options === undefined &&
    duration > 0 &&
    duration <= MAX_DURATION_MS &&
    Number.isInteger(duration)
  ) {
    return new Date(addWorkingTime(engine, t, duration, "dueAt"));
  }
  const d = durationOf(duration);
  const { boundary, sameTime } = resolveOptions(options);
  if (d.kind === "days") return new Date(addWorkingDays(engine, t, d.days, sameTime));
  return new Date(addWorkingTime(engine, t, d.ms, boundary));
}

/**
 * The mirror of {@link addBusinessTime}: when must a clock start so that `duration` of working time ends at
 * `end`?
 *
 * @param calendar - A compiled calendar.
 * @param end - The instant the working time must end at.
 * @param duration - Working time (`"PT9H"`, ms) or business days (`"P2D"`, counted backwards).
 * @param options - `boundary: "nextOpening"` gives the earliest such start (the previous closing).
 * @returns The latest start from which `duration` of working time ends at `end`; subtracting 0 returns `end`.
 * @throws SlaError `E_INSTANT`, `E_DURATION`, `E_OPTION`, `E_NO_WORKING_TIME`.
 * @example
 * ```ts
 * // 09:00–18:00: 18:00 minus 9 h is 09:00 the same day
 * subtractBusinessTime(office, "2025-01-07T18:00:00+08:00", "PT9H"); //=> 2025-01-07T01:00:00.000Z
 * ```
 * @category Calendar
 */
export function subtractBusinessTime(
  calendar: Calendar,
  end: Instant,
  duration: Duration,
  options?: AddBusinessTimeOptions,
): Date {
  const engine = engineOf(calendar);
  const t = epochMsOf(end, "end");
  const d = durationOf(duration);
  const { boundary, sameTime } = resolveOptions(options);
  if (d.kind === "days") return new Date(addWorkingDays(engine, t, -d.days, sameTime));
  return new Date(subtractWorkingTime(engine, t, d.ms, boundary));
}

/**
 * Working time between two instants, in milliseconds: the measure of the working intervals inside
 * `[from, to)`.
 *
 * @param calendar - A compiled calendar.
 * @param from - Start (inclusive).
 * @param to - End (exclusive).
 * @returns Integer milliseconds; negative when `to < from` (antisymmetric).
 * @throws SlaError `E_INSTANT`.
 * @example
 * ```ts
 * businessTimeBetween(office, "2025-01-06T17:00:00+08:00", "2025-01-07T10:00:00+08:00"); //=> 7200000
 * ```
 * @category Calendar
 */
export function businessTimeBetween(calendar: Calendar, from: Instant, to: Instant): DurationMs {
  const engine = engineOf(calendar);
  return workingTimeBetween(engine, epochMsOf(from, "from"), epochMsOf(to, "to"));
}

/**
 * Adds business days (the Chinese Civil Code's rule for periods): the start day is not counted
 * and the deadline is the end of working hours of the Nth following working day. A working day is a local
 * date with any working time.
 *
 * @param calendar - A compiled calendar.
 * @param start - The instant the period starts.
 * @param days - An integer. 0 means the start day itself: its end of business, or the next working day's end
 *   if it has none left. Negative counts go backwards to the start of business of the |N|th previous working day.
 * @param options - `days: "sameTime"`: the Nth working day at the start's wall time, moved forward into working
 *   time (backwards: to the previous closing) when outside it.
 * @returns The deadline.
 * @throws SlaError `E_DAYS` for a non-integer or a count over 100 years, `E_NO_WORKING_TIME`.
 * @example
 * ```ts
 * // Friday 2025-09-26 15:00, Shanghai office with National Day 10-01…10-08 and make-up days 09-28, 10-11
 * addBusinessDays(office, "2025-09-26T15:00:00+08:00", 2); //=> Mon 09-29 18:00 +08:00 (make-up Sun 09-28 counts)
 * ```
 * Gotchas: a day whose business ends at 18:00 is over at 18:00: work finished at 23:00 on the last day is late.
 * @category Calendar
 */
export function addBusinessDays(
  calendar: Calendar,
  start: Instant,
  days: number,
  options?: AddBusinessDaysOptions,
): Date {
  const engine = engineOf(calendar);
  const t = epochMsOf(start, "start");
  if (!Number.isSafeInteger(days) || Math.abs(days) > MAX_DAYS) {
    throw new SlaError(
      "E_DAYS",
      `Expected a whole number of business days within ±${MAX_DAYS}, received ${describeValue(days)}`,
      "days",
    );
  }
  const { sameTime } = resolveOptions(options);
  return new Date(addWorkingDays(engine, t, days === 0 ? 0 : days, sameTime));
}

/**
 * Whether an instant is working time. Intervals are half-open: the start of an interval is working time,
 * its end is not.
 *
 * @param calendar - A compiled calendar.
 * @param t - The instant.
 * @returns `true` inside a working interval.
 * @throws SlaError `E_INSTANT`.
 * @example
 * ```ts
 * isBusinessTime(office, "2025-01-06T18:00:00+08:00"); //=> false (18:00 closes the day)
 * ```
 * @category Calendar
 */
export function isBusinessTime(calendar: Calendar, t: Instant): boolean {
  return isOpen(engineOf(calendar), epochMsOf(t, "t"));
}

/**
 * The first working instant at or after `t`.
 *
 * @param calendar - A compiled calendar.
 * @param t - The instant.
 * @returns `t` itself when it is working time, else the next opening.
 * @throws SlaError `E_INSTANT`, `E_NO_WORKING_TIME`.
 * @example
 * ```ts
 * nextBusinessTime(office, "2025-01-06T18:00:00+08:00"); //=> 2025-01-07T01:00:00.000Z (Tue 09:00 +08:00)
 * ```
 * @category Calendar
 */
export function nextBusinessTime(calendar: Calendar, t: Instant): Date {
  return new Date(addWorkingTime(engineOf(calendar), epochMsOf(t, "t"), 0, "nextOpening"));
}

/**
 * The working periods inside `[from, to)`, clipped to it; periods that touch (across midnight in a 24x7
 * calendar) are merged.
 *
 * @param calendar - A compiled calendar.
 * @param from - Start (inclusive).
 * @param to - End (exclusive); an empty list when `to <= from`.
 * @returns Half-open periods in order.
 * @throws SlaError `E_INSTANT`; `E_LIMIT` beyond 200,000 periods or a span over 100 years.
 * @example
 * ```ts
 * businessPeriods(office, "2025-01-06T00:00:00+08:00", "2025-01-07T00:00:00+08:00");
 * //=> [{ start: 01:00Z, end: 04:00Z }, { start: 05:00Z, end: 10:00Z }]
 * ```
 * @category Calendar
 */
export function businessPeriods(
  calendar: Calendar,
  from: Instant,
  to: Instant,
): {
  /** Start of the period (inclusive): an opening, or `from` when `from` falls inside working time. */
  start: Date;
  /** End of the period (exclusive): a closing, or `to` when `to` falls inside working time. */
  end: Date;
}[] {
  const engine = engineOf(calendar);
  const out: { start: Date; end: Date }[] = [];
  const a = toEpochMs(from, "from");
  const b = toEpochMs(to, "to");
  checkPeriodSpan(a, b);
  forEachPeriod(engine, a, b, (s: EpochMs, e: EpochMs) => {
    out.push({ start: new Date(s), end: new Date(e) });
  });
  return out;
}
