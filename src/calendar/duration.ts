/**
 * Durations at the public boundary: ISO 8601 (`"PT4H"` working time, `"P2D"` business days) or milliseconds.
 * @module
 */
import { describeValue, SlaError } from "../errors.js";
import { DAY, type DurationMs, HOUR, MINUTE, SECOND } from "./civil.js";

/**
 * A duration as slakit accepts it. `"PT…"` (hours, minutes, seconds) or a number of milliseconds is
 * working time on a calendar; `"P…D"` and `"P…W"` count business days.
 *
 * @category Time
 */
export type Duration = string | number;

/** Durations may not exceed 100 years (of 365.25 days). */
export const MAX_DURATION_MS: DurationMs = 36_525 * DAY;
/** Business-day counts may not exceed 100 years of days. */
export const MAX_DAYS = 36_525;

/**
 * A parsed duration: working time in milliseconds, or a count of business days.
 * @category Time
 */
export type ParsedDuration =
  | {
      /** Working time on a calendar: `"PT…"` or a number of milliseconds. */
      readonly kind: "time";
      /** The working time in milliseconds, an integer from 0 to 100 years of 365.25 days. */
      readonly ms: DurationMs;
    }
  | {
      /** A count of business days: `"PnD"` or `"PnW"`. */
      readonly kind: "days";
      /** Business days, an integer from 0 to 36,525; for `"PnW"` already multiplied by 7. */
      readonly days: number;
      /** `true` when written in weeks (`"P2W"`, counted as `days: 14`), `false` for `"PnD"`. */
      readonly weeks: boolean;
    };

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
