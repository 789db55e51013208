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

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. @internal */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length] ?? limit;
}

/** `: did you mean "x"?` for a close spelling, else `; expected one of a, b, c` (or "" with no candidates). @internal */
export function suggest(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.floor(word.length / 3) + 2);
  const lower = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best !== undefined) return `: did you mean ${JSON.stringify(best)}?`;
  if (candidates.length === 0) return "";
  const shown = candidates
    .slice(0, 12)
    .map((c) => JSON.stringify(c))
    .join(", ");
  return `; expected one of ${shown}${candidates.length > 12 ? ", …" : ""}`;
}
