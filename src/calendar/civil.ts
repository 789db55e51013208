/**
 * Proleptic Gregorian date arithmetic on plain integers (no `Date`, no host time zone).
 * A "day number" counts days since 1970-01-01; a "wall" instant is the local wall-clock time written as if
 * it were UTC epoch milliseconds.
 * @internal
 * @module
 */

/** An instant: integer UTC milliseconds since the epoch, as `Date.prototype.getTime()` gives. @category Time */
export type EpochMs = number;
/** A duration: integer milliseconds. @category Time */
export type DurationMs = number;

export const SECOND = 1000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). H. Hinnant's `days_from_civil`. @internal */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Packs a date as `year * 10000 + month * 100 + day` (e.g. `20251001`): sortable and cheap. @internal */
export type DateKey = number;

/** The date key of a day number. @internal */
export function civilFromDays(days: number): DateKey {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10_000 + month * 100 + day;
}

/** Day number of a date key. @internal */
export function daysFromKey(key: DateKey): number {
  return daysFromCivil(Math.floor(key / 10_000), Math.floor(key / 100) % 100, key % 100);
}

/** Weekday of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). @internal */
export function weekdayOfDays(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** Whether `year` is a Gregorian leap year. @internal */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12). @internal */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Formats a date key as `YYYY-MM-DD`. @internal */
export function formatDateKey(key: DateKey): string {
  const y = Math.floor(key / 10_000);
  const m = Math.floor(key / 100) % 100;
  const d = key % 100;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Parses a strict `YYYY-MM-DD` that names a real date; `undefined` otherwise. @internal */
export function parseDateKey(text: string): DateKey | undefined {
  if (text.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return y * 10_000 + m * 100 + d;
}

/** Year of a date key. @internal */
export function yearOf(key: DateKey): number {
  return Math.floor(key / 10_000);
}

/** Month (1–12) of a date key. @internal */
export function monthOf(key: DateKey): number {
  return Math.floor(key / 100) % 100;
}

/** Day of the month (1–31) of a date key. @internal */
export function dayOf(key: DateKey): number {
  return key % 100;
}

/** Day number of the first day of a month given as months since year 0 (`year * 12 + month - 1`). @internal */
export function monthStartDay(monthIndex: number): number {
  return daysFromCivil(Math.floor(monthIndex / 12), (((monthIndex % 12) + 12) % 12) + 1, 1);
}

/** Months since year 0 (`year * 12 + month - 1`) of the month holding a day number. @internal */
export function monthIndexOf(day: number): number {
  const key = civilFromDays(day);
  return yearOf(key) * 12 + monthOf(key) - 1;
}

/**
 * Adds civil months to a day number: the same-numbered day, or the month's last day if it has none (the civil
 * rule for periods: 01-31 + 1 month is 02-28, or 02-29 in a leap year).
 * @internal
 */
export function addMonths(day: number, months: number): number {
  const key = civilFromDays(day);
  const total = yearOf(key) * 12 + monthOf(key) - 1 + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return daysFromCivil(y, m, Math.min(dayOf(key), daysInMonth(y, m)));
}

/** A civil period of the calendar: a month, a calendar quarter or a year. @internal */
export type CivilPeriod = "month" | "quarter" | "year";

const PERIOD_MONTHS: Readonly<Record<CivilPeriod, number>> = { month: 1, quarter: 3, year: 12 };

/** Day number of the first day of the month, quarter or year holding a day number. @internal */
export function startOfPeriod(day: number, per: CivilPeriod): number {
  const index = monthIndexOf(day);
  const size = PERIOD_MONTHS[per];
  return monthStartDay(index - (((index % size) + size) % size));
}

/** Day number of the first day of the month, quarter or year after the one holding a day number. @internal */
export function nextPeriodStart(day: number, per: CivilPeriod): number {
  return addMonths(startOfPeriod(day, per), PERIOD_MONTHS[per]);
}
