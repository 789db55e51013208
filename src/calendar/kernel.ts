/**
 * The calendar's one internal door: what `contracts`, `escalation` and `reporting` use of the calendar beyond its
 * public API — the epoch-ms engine, zones, civil dates, instants, durations, times of day and recurrences. Other
 * modules import the calendar only through `index.ts` (public) or this file (an architecture test checks it).
 * Everything here works in integer epoch milliseconds; `Date`s exist only at the public edge.
 * @internal
 * @module
 */
export { type Calendar, compileCalendar, engineOf } from "./calendar.js";
export {
  addMonths,
  type CivilPeriod,
  civilFromDays,
  DAY,
  type DateKey,
  type DurationMs,
  dayOf,
  daysFromCivil,
  daysFromKey,
  daysInMonth,
  type EpochMs,
  formatDateKey,
  HOUR,
  MINUTE,
  monthOf,
  nextPeriodStart,
  parseDateKey,
  SECOND,
  startOfPeriod,
  weekdayOfDays,
  yearOf,
} from "./civil.js";
export { type Duration, MAX_DAYS, MAX_DURATION_MS, type ParsedDuration, parseDuration } from "./duration.js";
export type { DstNote, Engine } from "./engine/chunk.js";
export { addWorkingDays } from "./engine/days.js";
export { dstNotesIn, forEachPeriod } from "./engine/periods.js";
export {
  addWorkingTime,
  type Boundary,
  isOpen,
  subtractWorkingTime,
  workingTimeBetween,
} from "./engine/search.js";
export { epochMsOf, type Instant, MAX_INPUT, MIN_INPUT, toEpochMs } from "./instant.js";
export { expandRecurrence } from "./recurrence/expand.js";
export { parseRecurrence, type Recurrence } from "./recurrence/parse.js";
export type { CalendarSpec } from "./spec.js";
export { END_TIME_OF_DAY_PATTERN, parseTimeOfDay, TIME_OF_DAY_PATTERN } from "./time-of-day.js";
export { getZone, localDayOf, localMidnight, resolveWall, type Zone } from "./zone.js";
