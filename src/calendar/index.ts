/**
 * Business-time calendars: working hours per weekday, holidays, make-up working days, breaks and
 * effective-dated versions in any IANA zone, with exact DST handling.
 *
 * @module calendar
 */

export {
  type CalendarErrorCode,
  type CommonErrorCode,
  type ContractErrorCode,
  type EscalationErrorCode,
  formatPath,
  type PathSegment,
  parsePath,
  SlaError,
  type SlaErrorCode,
} from "../errors.js";
export {
  type AddBusinessDaysOptions,
  type AddBusinessTimeOptions,
  addBusinessDays,
  addBusinessTime,
  businessPeriods,
  businessTimeBetween,
  type Calendar,
  compileCalendar,
  isBusinessTime,
  nextBusinessTime,
  subtractBusinessTime,
} from "./calendar.js";
export type { DurationMs, EpochMs } from "./civil.js";
export { type Duration, type ParsedDuration, parseDuration } from "./duration.js";
export { type Instant, toEpochMs, zonedInstant } from "./instant.js";
export {
  CALENDAR_LIMITS,
  type CalendarFields,
  type CalendarSpec,
  type CalendarVersionSpec,
  type HolidaySpec,
  type TimeRange,
  type Weekday,
  type WeekSpec,
} from "./spec.js";
