/**
 * Instants as report text: ISO 8601 UTC (`Date#toISOString`), an ordering key that sorts as those texts do,
 * and local dates and times of the contract's zone (never the host's).
 * @internal
 * @module
 */
import {
  civilFromDays,
  DAY,
  type EpochMs,
  formatDateKey,
  localDayOf,
  MINUTE,
  type Zone,
} from "../calendar/kernel.js";

/** 1000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: where four-digit years hold. */
const ISO_MIN = -30_610_224_000_000;
const ISO_MAX = 253_402_300_799_999;
/**
 * ISO 8601 UTC text of an instant (`Date#toISOString`). A report keeps tens of thousands of these: the text is
 * built in one piece (a concatenation in JavaScript would be a tree of string parts, about 6 times the memory,
 * and slower to compare and serialize).
 * @internal
 */
export function iso(t: EpochMs): string {
  return new Date(t).toISOString();
}

/**
 * A number that orders instants as their {@link iso} texts compare (by code unit), for sorting without
 * formatting: `isoKey(a) < isoKey(b)` implies `iso(a) < iso(b)`. Between years 1000 and 9999 the texts have a
 * fixed width and the key is the instant; every other text (`0999-…`, `+010000-…`, `-000001-…`) sorts before
 * those, and its key is `-Infinity` (equal keys say nothing).
 * @internal
 */
export function isoKey(t: EpochMs): number {
  return t >= ISO_MIN && t <= ISO_MAX ? t : Number.NEGATIVE_INFINITY;
}

/** `YYYY-MM-DD` of an instant in a zone. @internal */
export function localDate(zone: Zone, t: EpochMs): string {
  return formatDateKey(civilFromDays(localDayOf(zone, t)));
}

/** `YYYY-MM-DD HH:MM` and the UTC offset (`+08:00`) of an instant in a zone. @internal */
export function localDateTime(zone: Zone, t: EpochMs): string {
  const offset = zone.offsetAt(t);
  const wall = t + offset;
  const day = Math.floor(wall / DAY);
  const minutes = Math.floor((wall - day * DAY) / MINUTE);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  const abs = Math.abs(offset);
  const oh = String(Math.floor(abs / 3_600_000)).padStart(2, "0");
  const om = String(Math.floor((abs % 3_600_000) / MINUTE)).padStart(2, "0");
  return `${formatDateKey(civilFromDays(day))} ${hh}:${mm} ${offset < 0 ? "-" : "+"}${oh}:${om}`;
}
