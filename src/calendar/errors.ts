/**
 * The stable error codes of slakit. A code never changes meaning between versions; messages may.
 *
 * @category Errors
 */
export type SlaErrorCode =
  | "E_INSTANT"
  | "E_INSTANT_RANGE"
  | "E_DURATION"
  | "E_DAYS"
  | "E_TZ_UNKNOWN"
  | "E_TIME_SYNTAX"
  | "E_DATE_SYNTAX"
  | "E_INTERVAL_ORDER"
  | "E_INTERVAL_EMPTY"
  | "E_INTERVAL_OVERLAP"
  | "E_NO_WORKING_TIME"
  | "E_LIMIT"
  | "E_TYPE"
  | "E_UNKNOWN_KEY"
  | "E_MISSING"
  | "E_VERSION_ORDER"
  | "E_RRULE_INVALID"
  | "E_RRULE_EMPTY"
  | "E_CONDITION"
  | "E_CONDITION_DEPTH"
  | "E_REF_UNKNOWN"
  | "E_CONTRACT"
  | "E_LEVEL"
  | "E_NOW_INVALID"
  | "E_EVENT"
  | "E_EVENT_CONFLICT"
  | "E_EVENT_TYPE"
  | "E_OPTION";

/**
 * The one error type of slakit: bad input or misuse. Domain outcomes (a breach, a paused clock) are data,
 * never errors.
 *
 * @example
 * ```ts
 * try { compileCalendar({ timezone: "Europe/Lodnon", week: "24x7" }); }
 * catch (e) { if (e instanceof SlaError) e.code; } //=> "E_TZ_UNKNOWN"
 * ```
 * @category Errors
 */
export class SlaError extends Error {
  /** The stable code, e.g. `"E_TZ_UNKNOWN"`. */
  readonly code: SlaErrorCode;
  /** JSON path of the offending value, e.g. `"calendars.office.timezone"`; `""` for the whole input. */
  readonly path: string;

  /**
   * @param code - Stable error code.
   * @param message - What was received and what was expected.
   * @param path - JSON path of the offending value.
   * @param options - Standard `ErrorOptions` (`cause`).
   */
  constructor(code: SlaErrorCode, message: string, path = "", options?: ErrorOptions) {
    super(path === "" ? message : `${message}\n  → at ${path}`, options);
    this.name = new.target.name;
    this.code = code;
    this.path = path;
  }
}

/** Joins JSON path segments the way messages print them: `a.b[0].c`. @internal */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  const safe = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  if (base === "") return safe.startsWith('"') ? `[${safe}]` : safe;
  return safe.startsWith('"') ? `${base}[${safe}]` : `${base}.${safe}`;
}

/** Shortens an offending value for a message: inputs may be huge or hold personal data. @internal */
export function describeValue(value: unknown): string {
  let text: string;
  if (value === undefined) return "undefined";
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  if (typeof value === "string") text = JSON.stringify(value);
  else if (Array.isArray(value)) text = `an array of ${value.length}`;
  else if (value instanceof Date)
    text = `a Date (${Number.isNaN(value.getTime()) ? "Invalid Date" : "valid"})`;
  else if (typeof value === "object") text = "an object";
  else text = typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
