/**
 * Times of day as contracts and calendars write them: `"HH:MM"` or `"HH:MM:SS"`, and `"24:00"` as the end of a
 * day. The one parser, and the patterns the contract schema reuses.
 * @internal
 * @module
 */

/** A time of day from 00:00 to 23:59:59. @internal */
export const TIME_OF_DAY_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/;
/** A time of day, or `"24:00"` (`"24:00:00"`) as the end of a day. @internal */
export const END_TIME_OF_DAY_PATTERN = /^(?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?|24:00(?::00)?)$/;

const LOOSE = /^([01]\d|2[0-4]):([0-5]\d)(?::([0-5]\d))?$/;

/**
 * Seconds since midnight of a `"HH:MM"` / `"HH:MM:SS"` text with hours 00–24, or `undefined` for any other
 * text. Hours of 24 give 86 400 or more: whether that is allowed (only `"24:00"`, only as an end) is the caller's
 * rule, so that each caller can say why in its own message.
 *
 * @example
 * ```ts
 * parseTimeOfDay("09:30");    //=> 34200
 * parseTimeOfDay("24:00");    //=> 86400
 * parseTimeOfDay("9:30");     //=> undefined
 * ```
 * @internal
 */
export function parseTimeOfDay(text: unknown): number | undefined {
  const m = typeof text === "string" ? LOOSE.exec(text) : null;
  return m === null ? undefined : Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}
