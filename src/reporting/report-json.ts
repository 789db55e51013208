/**
 * Reading a report back from its JSON (for `mergeReports`): small typed readers that fail with `E_OPTION` and
 * the JSON path of the value, shared by the report's context and its figures.
 * @internal
 * @module
 */
import { describeValue, SlaError } from "../errors.js";

/**
 * Fails the reading of a report part.
 * @throws SlaError `E_OPTION` "Expected a ServiceReport from buildReport: …" at `path`, always.
 * @internal
 */
export function failRead(what: string, path: string): never {
  throw new SlaError("E_OPTION", `Expected a ServiceReport from buildReport: ${what}`, path);
}

/** Whether a value is a JSON object (not an array, not `null`). @internal */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The array under `key` of a JSON object; fails at `path.key` otherwise. @internal */
export function arrayAt(obj: Record<string, unknown>, key: string, path: string): unknown[] {
  const v = obj[key];
  if (!Array.isArray(v)) failRead(`${key} is not an array`, `${path}.${key}`);
  return v;
}

/** A string; fails at `path` otherwise. @internal */
export function readText(v: unknown, path: string): string {
  if (typeof v !== "string") failRead(`expected a string, received ${describeValue(v)}`, path);
  return v;
}

/** A count: a non-negative safe integer; fails at `path` otherwise. @internal */
export function readCount(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0)
    failRead(`expected a count, received ${describeValue(v)}`, path);
  return v;
}
