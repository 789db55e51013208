/**
 * The public boundary for time values: instants (`Date | number | string`) and durations (ISO 8601 or
 * milliseconds), converted once into integer epoch milliseconds.
 * @module
 */
import {
  DAY,
  type DurationMs,
  daysFromCivil,
  daysInMonth,
  type EpochMs,
  HOUR,
  MINUTE,
  SECOND,
} from "./civil.js";
import { describeValue, SlaError } from "./errors.js";

/**
 * An instant as slakit accepts it: a valid `Date`, integer epoch milliseconds, or an ISO 8601 string with
 * `Z` or an offset (`"2025-10-01T09:00:00+08:00"`).
 *
 * @category Time
 */
export type Instant = Date | number | string;

/**
 * A duration as slakit accepts it. `"PT…"` (hours, minutes, seconds) or a number of milliseconds is
 * working time on a calendar; `"P…D"` and `"P…W"` count business days.
 *
 * @category Time
 */
export type Duration = string | number;

/** Earliest instant accepted as input: 1900-01-01T00:00:00Z. */
const MIN_INPUT: EpochMs = daysFromCivil(1900, 1, 1) * DAY;
/** First instant not accepted as input: 2200-01-01T00:00:00Z. */
const MAX_INPUT: EpochMs = daysFromCivil(2200, 1, 1) * DAY;

/** Durations may not exceed 100 years (of 365.25 days). */
export const MAX_DURATION_MS: DurationMs = 36_525 * DAY;
/** Business-day counts may not exceed 100 years of days. */
export const MAX_DAYS = 36_525;

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Converts a public instant into epoch milliseconds.
 *
 * @param value - A `Date`, integer epoch ms, or an ISO 8601 string with `Z` or an offset.
 * @param path - JSON path for the error message.
 * @returns Integer epoch milliseconds.
 * @throws SlaError `E_INSTANT` for anything else (a string without an offset is ambiguous), `E_INSTANT_RANGE`
 *   outside 1900-01-01 … 2199-12-31.
 * @example
 * ```ts
 * toEpochMs("2025-10-01T09:00:00+08:00"); //=> 1759280400000
 * ```
 * @category Time
 */
export function toEpochMs(value: unknown, path = "instant"): EpochMs {
  let ms: number;
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      throw new SlaError(
        "E_INSTANT",
        `Expected an instant as integer epoch milliseconds, received ${describeValue(value)}`,
        path,
      );
    }
    ms = value;
  } else if (value instanceof Date) {
    ms = value.getTime();
    if (!Number.isFinite(ms))
      throw new SlaError("E_INSTANT", "Expected a valid Date, received an Invalid Date", path);
  } else if (typeof value === "string") {
    ms = parseIsoInstant(value, path);
  } else {
    throw new SlaError(
      "E_INSTANT",
      `Expected an instant (Date, epoch milliseconds, or ISO 8601 string with an offset), received ${describeValue(value)}`,
      path,
    );
  }
  if (ms < MIN_INPUT || ms >= MAX_INPUT) {
    throw new SlaError(
      "E_INSTANT_RANGE",
      `Instant ${describeValue(value)} is outside 1900-01-01 … 2199-12-31`,
      path,
    );
  }
  return ms;
}

function parseIsoInstant(text: string, path: string): EpochMs {
  const m = text.length <= 40 ? ISO_INSTANT.exec(text) : null;
  if (m === null) {
    const hint = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
      ? ': a time without "Z" or an offset is ambiguous'
      : "";
    throw new SlaError(
      "E_INSTANT",
      `Expected an ISO 8601 instant with "Z" or an offset such as "2025-10-01T09:00:00+08:00", received ${describeValue(text)}${hint}`,
      path,
    );
  }
  const [, ys, mos, ds, hs, mis, ss, fs, z, sign, ohs, oms] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = Number(hs);
  const minute = Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  const fraction = fs === undefined ? 0 : Number(fs.padEnd(3, "0"));
  const offsetMinutes = z !== undefined ? 0 : (sign === "-" ? -1 : 1) * (Number(ohs) * 60 + Number(oms));
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    Number(oms ?? 0) > 59 ||
    Number(ohs ?? 0) > 18
  ) {
    throw new SlaError("E_INSTANT", `Expected a real date and time, received ${describeValue(text)}`, path);
  }
  return (
    daysFromCivil(year, month, day) * DAY +
    hour * HOUR +
    minute * MINUTE +
    second * SECOND +
    fraction -
    offsetMinutes * MINUTE
  );
}

/**
 * A parsed duration: working time in milliseconds, or a count of business days.
 * @category Time
 */
export type ParsedDuration =
  | { readonly kind: "time"; readonly ms: DurationMs }
  | { readonly kind: "days"; readonly days: number; readonly weeks: boolean };

const PT = /^PT(?:(\d{1,7})H)?(?:(\d{1,9})M)?(?:(\d{1,11})(?:\.(\d{1,3}))?S)?$/;
const PD = /^P(\d{1,6})([DW])$/;

/**
 * Parses a duration: `"PT…"` with hours, minutes and seconds (seconds may carry up to 3 decimals) or integer
 * milliseconds is working time; `"PnD"` is n business days and `"PnW"` is 7n business days (ISO 8601's `P1W = P7D`; write
 * `"P10D"` for two working weeks of a Monday–Friday calendar).
 *
 * @param value - The duration.
 * @param path - JSON path for the error message.
 * @returns The parsed duration.
 * @throws SlaError `E_DURATION` for a negative, fractional or non-finite number, a malformed string, a mix of
 *   days and hours (`"P1DT2H"`), years or months, or more than 100 years.
 * @example
 * ```ts
 * parseDuration("PT4H"); //=> { kind: "time", ms: 14400000 }
 * parseDuration("P2D");  //=> { kind: "days", days: 2, weeks: false }
 * ```
 * @category Time
 */
export function parseDuration(value: unknown, path = "duration"): ParsedDuration {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 0 || Object.is(value, -0)) {
      throw new SlaError(
        "E_DURATION",
        `Expected a duration as a non-negative integer of milliseconds, received ${describeValue(value)}`,
        path,
      );
    }
    if (value > MAX_DURATION_MS) {
      throw new SlaError("E_DURATION", `Duration ${value} ms is over the limit of 100 years`, path);
    }
    return { kind: "time", ms: value };
  }
  if (typeof value !== "string") {
    throw new SlaError(
      "E_DURATION",
      `Expected an ISO 8601 duration such as "PT4H" or "P2D", received ${describeValue(value)}`,
      path,
    );
  }
  const text = value.length <= 32 ? value : "";
  const pt = PT.exec(text);
  if (pt !== null && text !== "PT") {
    const [, h, m, s, f] = pt;
    const ms =
      Number(h ?? 0) * HOUR +
      Number(m ?? 0) * MINUTE +
      Number(s ?? 0) * SECOND +
      Number((f ?? "").padEnd(3, "0"));
    if (ms > MAX_DURATION_MS)
      throw new SlaError(
        "E_DURATION",
        `Duration ${describeValue(value)} is over the limit of 100 years`,
        path,
      );
    return { kind: "time", ms };
  }
  const pd = PD.exec(text);
  if (pd !== null) {
    const weeks = pd[2] === "W";
    const days = Number(pd[1]) * (weeks ? 7 : 1);
    if (days > MAX_DAYS)
      throw new SlaError(
        "E_DURATION",
        `Duration ${describeValue(value)} is over the limit of 100 years`,
        path,
      );
    return { kind: "days", days, weeks };
  }
  const why = /^P\d+[YM]|^P.*D.*T|^P\d+DT/.test(text)
    ? ": years and months are not durations here, and days cannot be mixed with hours"
    : "";
  throw new SlaError(
    "E_DURATION",
    `Expected an ISO 8601 duration such as "PT30M", "PT4H" or "P2D", received ${describeValue(value)}${why}`,
    path,
  );
}
