/**
 * Reading a report back from its JSON (for `mergeReports` and `renderReport`): small typed readers that fail
 * with `E_OPTION` (instants: `E_INSTANT` / `E_INSTANT_RANGE`) and the JSON path of the value, shared by the
 * report's context and its figures. Nothing of a report read back is trusted: every value a figure keeps is
 * read through one of these, so a tampered part is refused with its path, never merged or rendered.
 * @internal
 * @module
 */
import { type EpochMs, parseDateKey, toEpochMs } from "../calendar/kernel.js";
import { describeValue, SlaError } from "../errors.js";
import { iso } from "./instant-text.js";

/**
 * Fails the reading of a report part.
 * @throws SlaError `E_OPTION` "Expected a ServiceReport from buildReport: …" at `path`, always.
 * @internal
 */
export function failRead(what: string, path: string): never {
  throw new SlaError("E_OPTION", `Expected a ServiceReport from buildReport: ${what}`, path);
}

/**
 * Fails the reading of a report part whose figures contradict each other (a tampered or hand-made part).
 * @throws SlaError `E_OPTION` "Inconsistent report figures: …" at `path`, always.
 * @internal
 */
export function failConsistency(what: string, path: string): never {
  throw new SlaError("E_OPTION", `Inconsistent report figures: ${what}`, path);
}

/** Whether a value is a JSON object (not an array, not `null`). @internal */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A JSON object; fails at `path` otherwise. @internal */
export function readObject(v: unknown, path: string): Record<string, unknown> {
  if (!isObject(v)) failRead(`expected an object, received ${describeValue(v)}`, path);
  return v;
}

/** An array; fails at `path` otherwise. @internal */
export function readArray(v: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(v)) failRead(`expected an array, received ${describeValue(v)}`, path);
  return v;
}

/** The object under `key` of a JSON object; fails at `path.key` otherwise. @internal */
export function objectAt(obj: Record<string, unknown>, key: string, path: string): Record<string, unknown> {
  return readObject(obj[key], `${path}.${key}`);
}

/** The array under `key` of a JSON object; fails at `path.key` otherwise. @internal */
export function arrayAt(obj: Record<string, unknown>, key: string, path: string): readonly unknown[] {
  const v = obj[key];
  if (!Array.isArray(v)) failRead(`${key} is not an array`, `${path}.${key}`);
  return v;
}

/** A string; fails at `path` otherwise. @internal */
export function readText(v: unknown, path: string): string {
  if (typeof v !== "string") failRead(`expected a string, received ${describeValue(v)}`, path);
  return v;
}

/** A string or `null`; fails at `path` otherwise. @internal */
export function readTextOrNull(v: unknown, path: string): string | null {
  return v === null ? null : readText(v, path);
}

/** A count: a non-negative safe integer; fails at `path` otherwise. @internal */
export function readCount(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0)
    failRead(`expected a count, received ${describeValue(v)}`, path);
  return v;
}

/** A count or `null`; fails at `path` otherwise. @internal */
export function readCountOrNull(v: unknown, path: string): number | null {
  return v === null ? null : readCount(v, path);
}

/** A boolean; fails at `path` otherwise. @internal */
export function readBoolean(v: unknown, path: string): boolean {
  if (typeof v !== "boolean") failRead(`expected true or false, received ${describeValue(v)}`, path);
  return v;
}

/** One of a fixed set of words; fails at `path` otherwise. @internal */
export function readWord<W extends string>(v: unknown, words: readonly W[], path: string): W {
  if (typeof v !== "string" || !(words as readonly string[]).includes(v)) {
    failRead(`expected one of ${words.map((w) => `"${w}"`).join(", ")}, received ${describeValue(v)}`, path);
  }
  return v as W;
}

/**
 * An instant written as text, as epoch ms. The text slakit writes (`Date#toISOString`, UTC) is read as it is,
 * in any year; any other text goes through the calendar's `toEpochMs`, which refuses an instant without an
 * offset (read in the host's zone, it would make the merged report depend on the host) and one outside
 * 1900–2199. Read back, an instant is written again as `Date#toISOString` text.
 * @throws SlaError `E_OPTION` at `path` for a value that is not a string, `E_INSTANT` / `E_INSTANT_RANGE`
 *   (from `toEpochMs`) at `path` for a string that is not an instant with an offset.
 * @internal
 */
export function readInstant(v: unknown, path: string): EpochMs {
  if (typeof v !== "string")
    failRead(`expected an instant as ISO 8601 text, received ${describeValue(v)}`, path);
  // `Date.parse` of a text ending in "Z" reads it in UTC on every host; `iso(t) === v` holds only for the
  // canonical form, whatever the host, so this path never depends on the host's zone.
  const t = Date.parse(v);
  if (Number.isFinite(t) && iso(t) === v) return t;
  return toEpochMs(v, path);
}

/** {@link readInstant}, or `null`. @internal */
export function readInstantOrNull(v: unknown, path: string): EpochMs | null {
  return v === null ? null : readInstant(v, path);
}

/** A local date `YYYY-MM-DD` (a real date of the calendar); fails at `path` otherwise. @internal */
export function readDate(v: unknown, path: string): string {
  if (typeof v !== "string" || parseDateKey(v) === undefined)
    failRead(`expected a local date "YYYY-MM-DD", received ${describeValue(v)}`, path);
  return v;
}

/** Fails at `path` with `what` unless `ok` (a consistency check between figures). @internal */
export function expectConsistent(ok: boolean, what: string, path: string): void {
  if (!ok) failConsistency(what, path);
}

/**
 * An instant written as text, as the canonical text slakit writes (`Date#toISOString`): {@link readInstant},
 * formatted again unless it already was canonical.
 * @throws SlaError As {@link readInstant}.
 * @internal
 */
export function readIsoText(v: unknown, path: string): string {
  if (typeof v === "string") {
    const t = Date.parse(v);
    if (Number.isFinite(t) && iso(t) === v) return v;
  }
  return iso(readInstant(v, path));
}

/** {@link readIsoText}, or `null`. @internal */
export function readIsoTextOrNull(v: unknown, path: string): string | null {
  return v === null ? null : readIsoText(v, path);
}
