/**
 * The error kernel of slakit, shared by every module: {@link SlaError}, the stable codes per module, JSON paths
 * (as text and as segments) and the helpers that describe a received value in a message.
 * @module
 */

/**
 * Codes every module may raise: a value of the wrong type, over a limit, an unknown option, a missing or
 * unknown field.
 *
 * - `E_TYPE`: A value has the wrong type: a string where a number or an object is expected, an interval that is
 *   not a pair, an object not made by `parseContract` passed as a contract, a fact of another type than its
 *   conditions compare. Fix: pass the type the message names, at the path it gives.
 * - `E_LIMIT`: An input is over one of slakit's limits: list lengths, a contract's JSON size and nesting, nodes
 *   of a condition, events per ticket, intervals per day, periods per `businessPeriods` call, inspections per
 *   window, a sum that would leave the exact integer range. Fix: split the work (a shorter window, fewer tickets
 *   per report part) or stay within the limit the message names.
 * - `E_OPTION`: An options object is not an object, names an unknown option, or gives an option a value it does
 *   not take (`boundary`, `days`, `maxEvents`, report windows); or two reports to merge differ in contract,
 *   window, `now` or options. Fix: use the options the message lists; merge only parts built alike.
 * - `E_MISSING`: A required field is absent or an empty list where one entry is needed: a calendar's `week`, a
 *   contract's calendars, an `"escalate"` step's `tier`. Fix: add the field the message names.
 * - `E_UNKNOWN_KEY`: An object has a field slakit does not know (often a misspelling: the message suggests the
 *   closest name), or a `__proto__`, `constructor` or `prototype` key. Fix: rename or remove the field.
 *
 * @category Errors
 */
export type CommonErrorCode = "E_TYPE" | "E_LIMIT" | "E_OPTION" | "E_MISSING" | "E_UNKNOWN_KEY";

/**
 * Codes of `slakit/calendar`: instants, durations, zones, calendar specs, recurrence rules, and searches that
 * find no working time.
 *
 * - `E_INSTANT`: A value is not an instant: an ISO string without `Z` or an offset, a date or time that does not
 *   exist, an Invalid Date, a number that is not an integer of epoch milliseconds. Fix: pass a valid `Date`,
 *   integer epoch milliseconds, or an ISO 8601 string with an offset, e.g. `"2025-10-01T09:00:00+08:00"`.
 * - `E_INSTANT_RANGE`: An instant is outside 1900-01-01 … 2199-12-31, or a computation would leave the years
 *   1800–2299. Fix: keep instants, and deadlines computed from them, within those years.
 * - `E_DURATION`: A duration cannot be read: negative, fractional milliseconds, fractional hours or minutes
 *   (`"PT4.5H"`), years or months, days mixed with hours (`"P1DT2H"`), over 100 years; or business days where
 *   only working time is allowed (escalation steps, handling times). Fix: write `"PT4H30M"` for working time or
 *   `"P2D"` for business days.
 * - `E_DAYS`: A business-day count for `addBusinessDays` is not a whole number within ±36,525. Fix: pass an
 *   integer count of business days.
 * - `E_TZ_UNKNOWN`: A time zone is not a name of the IANA database, or is not spelt as the database spells it.
 *   Fix: use the IANA name, e.g. `"Asia/Shanghai"`; the message suggests the closest one.
 * - `E_TIME_SYNTAX`: A time of day is not `"HH:MM"` or `"HH:MM:SS"` from 00:00 to 23:59:59, or `"24:00"` is used
 *   as a start. Fix: write `"09:00"`; `"24:00"` only as the end of an interval.
 * - `E_DATE_SYNTAX`: A date is not a real `"YYYY-MM-DD"` date within 1900–2199, or a yearly holiday is not
 *   `"MM-DD"`. Fix: write an existing local date, e.g. `"2025-10-01"` or `"10-01"`.
 * - `E_INTERVAL_ORDER`: An interval ends before it starts without `overnight: true`, is marked overnight but
 *   does not cross midnight, is a break across midnight, or a holiday range ends before it starts. Fix: write
 *   `{ "start": "22:00", "end": "06:00", "overnight": true }` for night hours, one break per date, and ranges in
 *   order.
 * - `E_INTERVAL_EMPTY`: An interval starts and ends at the same time. Fix: remove it, or give it a length.
 * - `E_INTERVAL_OVERLAP`: Two intervals of the same day overlap. Fix: merge them into one interval.
 * - `E_NO_WORKING_TIME`: A search found not enough working time within 50 years (a calendar with no hours, or
 *   holidays that cover everything). Fix: give the calendar working hours on some day, or check its holidays and
 *   overrides.
 * - `E_VERSION_ORDER`: A calendar's `versions` are not in ascending order of `from`. Fix: sort them by `from`,
 *   each after the previous one.
 * - `E_RRULE_INVALID`: An inspection's RRULE cannot be read, or uses what slakit refuses: `FREQ` other than
 *   DAILY to YEARLY, `BYHOUR` / `BYMINUTE` / `BYSECOND`, `DTSTART`, `TZID`, `COUNT` over 10,000, `INTERVAL`
 *   over 1,000. Fix: write the rule without them, e.g. `"FREQ=MONTHLY;BYMONTHDAY=1"`, with the time of day in
 *   the inspection's `time`.
 * - `E_RRULE_EMPTY`: An RRULE has no occurrence within 100 years of its start. Fix: correct the rule (e.g.
 *   `BYMONTHDAY=31` with `BYMONTH=2`) or its `UNTIL`.
 *
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
 *
 * - `E_CONDITION`: A fault-level condition is not in the accepted json-rules-engine format: an unknown operator,
 *   a value of the wrong kind for it, json-rules-engine's `path`, `params` or named conditions, or one fact
 *   compared as two types. Fix: write `{ "fact", "operator", "value" }`, `all`, `any` or `not`, with one type
 *   per fact.
 * - `E_CONDITION_DEPTH`: A condition is nested deeper than 16 levels. Fix: flatten it, e.g. one `any` over the
 *   alternatives.
 * - `E_REF_UNKNOWN`: A name refers to nothing: a calendar, level, target, tier or phase the contract does not
 *   define, a fact no condition uses (`classifyTicket`), or a target or cycle `explainTarget` cannot find. Fix:
 *   use one of the names the message lists or suggests.
 * - `E_CONTRACT`: The contract is invalid; the error is a `ContractValidationError` whose `issues` carry each
 *   problem's own code and path. Fix: fix each issue, or show them to the contract's author.
 *
 * @category Errors
 */
export type ContractErrorCode = "E_CONDITION" | "E_CONDITION_DEPTH" | "E_REF_UNKNOWN" | "E_CONTRACT";

/**
 * Codes of `slakit/escalation`: tickets, their events and levels, and the instant of evaluation.
 *
 * - `E_LEVEL`: A ticket has no fault level (no `ticket.level`, none on its `opened` event, no `defaultLevel`),
 *   or names a level the contract does not define, e.g. in a `levelChanged` event. Fix: pass the level from
 *   `classifyTicket`, or give the contract a `defaultLevel`.
 * - `E_NOW_INVALID`: `now` is not a valid instant, or is before the ticket was opened. Fix: pass the instant of
 *   evaluation, at or after the `opened` event.
 * - `E_EVENT`: An event cannot be read: not an object, no type, a non-finite `seq`, a `statusChanged` without a
 *   status, a survey without channel or answer; or the ticket has no `opened` event. Fix: send the fields the
 *   event type needs, and an `opened` event first.
 * - `E_EVENT_CONFLICT`: Two events have the same instant and `seq` but different content. Fix: give distinct
 *   events distinct `seq` values; re-deliver a duplicate unchanged (exact duplicates are dropped).
 * - `E_EVENT_TYPE`: With `{ strict: true }`, an event type the contract does not know. Fix: list the type in the
 *   contract's `eventTypes`, or evaluate without `strict` (unknown types are then ignored with a warning).
 * - `E_STEP_KEY`: `parseStepKey` was given a text that is not a step key: not four `/`-separated parts with a
 *   cycle number, or escapes other than `%25` and `%2F` in the ticket id. Fix: pass a key exactly as
 *   `evaluateTicket` or `formatStepKey` wrote it.
 *
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
