/**
 * The error kernel of slakit, shared by every module: {@link SlaError}, the stable codes per module, JSON paths
 * (as text and as segments) and the helpers that describe a received value in a message.
 * @module
 */

/**
 * Codes every module may raise: a value of the wrong type, over a limit, an unknown option, a missing or
 * unknown field.
 * @category Errors
 */
export type CommonErrorCode = "E_TYPE" | "E_LIMIT" | "E_OPTION" | "E_MISSING" | "E_UNKNOWN_KEY";

/**
 * Codes of `slakit/calendar`: instants, durations, zones, calendar specs, recurrence rules, and searches that
 * find no working time.
 * @category Errors
 */
export type CalendarErrorCode =
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
  | "E_VERSION_ORDER"
  | "E_RRULE_INVALID"
  | "E_RRULE_EMPTY";

/**
 * Codes of `slakit/contracts`: conditions, references between ids, and the contract as a whole (the code of
 * `ContractValidationError`, whose issues carry their own codes).
 * @category Errors
 */
export type ContractErrorCode = "E_CONDITION" | "E_CONDITION_DEPTH" | "E_REF_UNKNOWN" | "E_CONTRACT";

/**
 * Codes of `slakit/escalation`: tickets, their events and levels, and the instant of evaluation.
 * @category Errors
 */
export type EscalationErrorCode =
  | "E_LEVEL"
  | "E_NOW_INVALID"
  | "E_EVENT"
  | "E_EVENT_CONFLICT"
  | "E_EVENT_TYPE"
  | "E_STEP_KEY";

/**
 * The stable error codes of slakit. A code never changes meaning between versions; messages may.
 * (`slakit/reporting` raises only the common codes.)
 *
 * @category Errors
 */
export type SlaErrorCode = CommonErrorCode | CalendarErrorCode | ContractErrorCode | EscalationErrorCode;

/**
 * One step of a JSON path: an object key or an array index, as in zod's issues.
 * @category Errors
 */
export type PathSegment = string | number;

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
  /** The same path as segments, e.g. `["calendars", "office", "timezone"]` (`[]` for the whole input). */
  readonly pathSegments: readonly PathSegment[];
  /** What was received and what was expected, without the path (the `message` is this and the path). */
  readonly reason: string;

  /**
   * An error whose `message` is `message`, followed by `"\n  → at <path>"` when the path is not empty.
   * @param code - Stable error code.
   * @param message - What was received and what was expected.
   * @param path - JSON path of the offending value, as text (`"targets[2].duration"`) or as segments.
   * @param options - Standard `ErrorOptions` (`cause`).
   */
  constructor(
    code: SlaErrorCode,
    message: string,
    path: string | readonly PathSegment[] = "",
    options?: ErrorOptions,
  ) {
    const text = typeof path === "string" ? path : formatPath(path);
    super(text === "" ? message : `${message}\n  → at ${text}`, options);
    this.name = new.target.name;
    this.reason = message;
    this.code = code;
    this.path = text;
    this.pathSegments = Object.freeze(typeof path === "string" ? parsePath(path) : [...path]);
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Writes path segments the way messages print them: `a.b[0].c`, with keys that are not identifiers quoted
 * (`calendars["24 x 7"]`). The inverse of {@link parsePath}.
 *
 * @param segments - Keys and indexes from the root.
 * @returns The path text; `""` for the root.
 * @example
 * ```ts
 * formatPath(["targets", 2, "duration", "level1"]); //=> "targets[2].duration.level1"
 * ```
 * @category Errors
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let text = "";
  for (const segment of segments) text = joinPath(text, segment);
  return text;
}

/**
 * Splits a path text as slakit writes it (`a.b[0]["x y"]`) into its segments. Text that is not such a path is
 * kept whole as one segment.
 *
 * @param text - A path from an `SlaError` or a `ContractIssue`.
 * @returns Its segments; `[]` for `""`.
 * @example
 * ```ts
 * parsePath('calendars["24 x 7"].week.mon[0]'); //=> ["calendars", "24 x 7", "week", "mon", 0]
 * ```
 * @category Errors
 */
export function parsePath(text: string): PathSegment[] {
  const out: PathSegment[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === "[") {
      const close = text[i + 1] === '"' ? closingQuote(text, i + 2) + 1 : text.indexOf("]", i);
      if (close <= i || text[close] !== "]") return [text];
      const inner = text.slice(i + 1, close);
      if (inner.startsWith('"')) {
        try {
          out.push(JSON.parse(inner) as string);
        } catch {
          return [text];
        }
      } else if (/^\d+$/.test(inner)) out.push(Number(inner));
      else return [text];
      i = close + 1;
    } else {
      if (i > 0) {
        if (text[i] !== ".") return [text];
        i++;
      }
      let j = i;
      while (j < text.length && text[j] !== "." && text[j] !== "[") j++;
      const key = text.slice(i, j);
      if (!IDENTIFIER.test(key)) return [text];
      out.push(key);
      i = j;
    }
  }
  return out;
}

/** Index of the `"` that closes a JSON string whose text starts at `from`, or -1. */
function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** Joins JSON path segments the way messages print them: `a.b[0].c`. @internal */
export function joinPath(base: string, key: PathSegment): string {
  if (typeof key === "number") return `${base}[${key}]`;
  const safe = IDENTIFIER.test(key) ? key : JSON.stringify(key);
  if (base === "") return safe.startsWith('"') ? `[${safe}]` : safe;
  return safe.startsWith('"') ? `${base}[${safe}]` : `${base}.${safe}`;
}

const getTime = Date.prototype.getTime;
const toStringTag = Object.prototype.toString;

/**
 * The time value of a real `Date` from any realm (`NaN` for an Invalid Date), read from the object itself, not
 * through its (possibly overridden) methods; `undefined` for anything else — an object that only inherits from
 * `Date.prototype`, a `Proxy` of a `Date`, a revoked proxy.
 * @internal
 */
export function dateValueOf(value: unknown): number | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  try {
    // The tag test is cheap and rules out almost every non-Date without an exception; getTime decides.
    if (!(value instanceof Date) && toStringTag.call(value) !== "[object Date]") return undefined;
    return getTime.call(value);
  } catch {
    return undefined;
  }
}

/** Shortens an offending value for a message: inputs may be huge or hold personal data. @internal */
export function describeValue(value: unknown): string {
  let text: string;
  if (value === undefined) return "undefined";
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  if (typeof value === "string") text = JSON.stringify(value);
  else if (typeof value === "object") {
    const time = dateValueOf(value);
    if (time !== undefined) text = `a Date (${Number.isNaN(time) ? "Invalid Date" : "valid"})`;
    else {
      try {
        text = Array.isArray(value) ? `an array of ${value.length}` : "an object";
      } catch {
        text = "an object"; // a revoked proxy
      }
    }
  } else text = typeof value;
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
