/**
 * Instants at the public boundary: `Date | number | string` in, integer epoch milliseconds out, converted once.
 * @module
 */
import { dateValueOf, describeValue, SlaError } from "../errors.js";
import { DAY, daysFromCivil, daysInMonth, type EpochMs, HOUR, MINUTE, SECOND } from "./civil.js";
import { getZone, resolveWall, type Zone } from "./zone.js";

/**
 * An instant as slakit accepts it: a valid `Date`, integer epoch milliseconds, or an ISO 8601 string with
 * `Z` or an offset (`"2025-10-01T09:00:00+08:00"`).
 *
 * @category Time
 */
export type Instant = Date | number | string;

/** Earliest instant accepted as input: 1900-01-01T00:00:00Z. @internal */
export const MIN_INPUT: EpochMs = daysFromCivil(1900, 1, 1) * DAY;
/** First instant not accepted as input: 2200-01-01T00:00:00Z. @internal */
export const MAX_INPUT: EpochMs = daysFromCivil(2200, 1, 1) * DAY;

/** A date and time with `Z` or an offset; without either it is a wall-clock time, read only in a given zone. */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

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
  return instantIn(value, path, undefined);
}

/**
 * Reads a host's timestamp without an offset (`"2014-11-21 00:17:41"`, as OTRS, GLPI and most SQL exports write
 * them) as the wall-clock time it is in `timezone`, by the calendar's compatible rule: a time in a spring-forward
 * gap moves forward by the gap's length, an ambiguous time in a fall-back overlap is the earlier instant. A string
 * with `Z` or an offset, a `Date` or epoch ms are read as {@link toEpochMs} reads them.
 *
 * @param value - `"YYYY-MM-DD HH:MM[:SS[.mmm]]"` (or with `T`), or any instant {@link toEpochMs} takes.
 * @param timezone - An IANA time zone id.
 * @returns Integer epoch milliseconds.
 * @throws SlaError `E_TZ_UNKNOWN` for an unknown zone, `E_INSTANT` / `E_INSTANT_RANGE` as {@link toEpochMs}.
 * @example
 * ```ts
 * zonedInstant("2014-11-21 00:17:41", "Europe/Berlin"); //=> Date.parse("2014-11-20T23:17:41Z")
 * zonedInstant("2025-03-30 02:30", "Europe/Berlin");    //=> 03:30 CEST, Date.parse("2025-03-30T01:30:00Z")
 * ```
 * @category Time
 */
export function zonedInstant(value: unknown, timezone: string): EpochMs {
  return instantIn(value, "instant", getZone(timezone, "timezone"));
}

/**
 * {@link toEpochMs}, and with a zone {@link zonedInstant}: the one reader of public instants.
 * @internal
 */
export function instantIn(value: unknown, path: string, zone: Zone | undefined): EpochMs {
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
  } else if (typeof value === "string") {
    ms = parseIsoInstant(value, path, zone);
  } else {
    // A real Date (of any realm) is read from its time value, never through an overridable getTime().
    const time = dateValueOf(value);
    if (time === undefined) {
      throw new SlaError(
        "E_INSTANT",
        `Expected an instant (Date, epoch milliseconds, or ISO 8601 string with an offset), received ${describeValue(value)}`,
        path,
      );
    }
    if (!Number.isFinite(time))
      throw new SlaError("E_INSTANT", "Expected a valid Date, received an Invalid Date", path);
    ms = time;
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

/**
 * {@link toEpochMs} with a fast path for in-range integer milliseconds, for hot loops over many instants.
 * @internal
 */
export function epochMsOf(value: unknown, path: string, zone?: Zone): EpochMs {
  return typeof value === "number" && value >= MIN_INPUT && value < MAX_INPUT && Number.isInteger(value)
    ? value
    : instantIn(value, path, zone);
}

function parseIsoInstant(text: string, path: string, zone: Zone | undefined): EpochMs {
  let m = text.length <= 40 ? ISO_INSTANT.exec(text) : null;
  // A wall-clock time without a zone to read it in is refused like any other text without an offset.
  if (m !== null && zone === undefined && m[8] === undefined && m[9] === undefined) m = null;
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
  const local = z === undefined && sign === undefined;
  const offsetMinutes =
    z !== undefined || local ? 0 : (sign === "-" ? -1 : 1) * (Number(ohs) * 60 + Number(oms));
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
  const wall =
    daysFromCivil(year, month, day) * DAY + hour * HOUR + minute * MINUTE + second * SECOND + fraction;
  return local ? resolveWall(zone as Zone, wall) : wall - offsetMinutes * MINUTE;
}
