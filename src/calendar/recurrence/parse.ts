/**
 * RFC 5545 recurrence rules for inspection schedules: a strict parser of our own (rrule's own parser is quadratic
 * on white space) that validates a rule and anchors it at a local start date. Expansion is in `expand.ts`.
 * @internal
 * @module
 */
import { describeValue, SlaError } from "../../errors.js";
import { civilFromDays, type DateKey, daysFromCivil, daysFromKey, formatDateKey } from "../civil.js";
import { hasOccurrence } from "./expand.js";

/** Longest RRULE text accepted, checked before anything else. */
export const MAX_RRULE_LENGTH = 1024;
/** Largest `COUNT`. */
const MAX_COUNT = 10_000;
/** Largest `INTERVAL`. */
const MAX_INTERVAL = 1000;
/** A rule must have an occurrence within this many days of its start (100 years). */
const EMPTY_HORIZON_DAYS = 36_525;

/** @internal */
export type Freq = "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";
const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

/** A validated recurrence rule, anchored at its start date. @internal */
export interface Recurrence {
  readonly text: string;
  readonly freq: Freq;
  readonly interval: number;
  readonly count: number | undefined;
  /** Day number of the inclusive `UNTIL` date. */
  readonly untilDay: number | undefined;
  /** Day number of the first local date (the DTSTART date). */
  readonly startDay: number;
  readonly wkst: number;
  readonly bymonth: readonly number[] | undefined;
  readonly bymonthday: readonly number[] | undefined;
  readonly byyearday: readonly number[] | undefined;
  readonly byweekno: readonly number[] | undefined;
  readonly bysetpos: readonly number[] | undefined;
  /** Weekdays 0 = Monday … 6 = Sunday, with an optional ordinal (`2MO` → `{ day: 0, n: 2 }`). */
  readonly byday: readonly { readonly day: number; readonly n: number | undefined }[] | undefined;
}

function invalid(message: string, path: string): SlaError {
  return new SlaError("E_RRULE_INVALID", message, path);
}

const PART = /^([A-Z]{1,16})=([A-Z0-9+,-]{1,1000})$/;
const INTEGER = /^[+-]?\d{1,6}$/;

function integerList(
  name: string,
  value: string,
  path: string,
  min: number,
  max: number,
  zero: boolean,
): number[] {
  const out: number[] = [];
  for (const item of value.split(",")) {
    const n = INTEGER.test(item) ? Number(item) : Number.NaN;
    const ok =
      Number.isInteger(n) &&
      Math.abs(n) >= min &&
      Math.abs(n) <= max &&
      (zero || n !== 0) &&
      (min >= 0 || n >= min);
    if (!ok) {
      const range = zero || min >= 0 ? `${min} to ${max}` : `1 to ${max} or -${max} to -1`;
      throw invalid(`${name}=${value}: ${describeValue(item)} is not in ${range}`, path);
    }
    out.push(n);
  }
  if (out.length > 366) throw invalid(`${name} lists more than 366 values`, path);
  return out;
}

/**
 * Validates an RRULE (without `DTSTART`) and anchors it at a local start date.
 *
 * Accepted: `FREQ` (`DAILY`, `WEEKLY`, `MONTHLY`, `YEARLY`), `INTERVAL` (1–1000), `COUNT` (1–10000) or `UNTIL`
 * (an inclusive local date `YYYYMMDD`), `BYMONTH`, `BYMONTHDAY`, `BYDAY` (ordinals with `MONTHLY`/`YEARLY`),
 * `BYSETPOS` and `BYYEARDAY`/`BYWEEKNO` where RFC 5545 allows them, and `WKST`. Names are case-insensitive.
 *
 * @param text - The rule, e.g. `"FREQ=MONTHLY;BYMONTHDAY=1"`.
 * @param start - The start date key (`20250101`).
 * @param path - JSON path for errors.
 * @throws SlaError `E_LIMIT` for a rule longer than 1024 characters; `E_RRULE_INVALID` naming the part for
 *   anything else that is wrong (`FREQ=HOURLY`, `BYHOUR=25`, `COUNT=-1`, `INTERVAL=0`, `DTSTART`, `TZID`, …);
 *   `E_RRULE_EMPTY` for a rule with no occurrence within 100 years of its start.
 * @internal
 */
export function parseRecurrence(text: unknown, start: DateKey, path: string): Recurrence {
  if (typeof text !== "string") {
    throw new SlaError(
      "E_TYPE",
      `Expected an RRULE string such as "FREQ=MONTHLY;BYMONTHDAY=1", received ${describeValue(text)}`,
      path,
    );
  }
  if (text.length > MAX_RRULE_LENGTH) {
    throw new SlaError(
      "E_LIMIT",
      `RRULE of ${text.length} characters is longer than the limit of ${MAX_RRULE_LENGTH}`,
      path,
    );
  }
  if (text === "") throw invalid('Expected an RRULE such as "FREQ=MONTHLY;BYMONTHDAY=1", received ""', path);
  if (/\s/.test(text))
    throw invalid(`RRULE ${describeValue(text)} contains white space; write one line without spaces`, path);
  const upper = text.toUpperCase();
  if (upper.startsWith("RRULE:") || upper.startsWith("DTSTART") || upper.startsWith("TZID")) {
    throw invalid(
      `Write the rule alone, e.g. "FREQ=MONTHLY;BYMONTHDAY=1", received ${describeValue(text)}: the start date is the field "start" and the zone is the contract's`,
      path,
    );
  }
  const parts = new Map<string, string>();
  for (const part of upper.split(";")) {
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    switch (name) {
      case "FREQ":
      case "INTERVAL":
      case "COUNT":
      case "UNTIL":
      case "BYMONTH":
      case "BYMONTHDAY":
      case "BYYEARDAY":
      case "BYWEEKNO":
      case "BYDAY":
      case "BYSETPOS":
      case "WKST":
        break;
      case "BYHOUR":
      case "BYMINUTE":
      case "BYSECOND": {
        const max = name === "BYHOUR" ? 23 : 59;
        const bad = value.split(",").find((v) => !/^\d{1,2}$/.test(v) || Number(v) > max);
        const why =
          bad === undefined
            ? ""
            : ` (${describeValue(bad)} is not ${name === "BYHOUR" ? "an hour, 0–23" : "0–59"})`;
        throw invalid(
          `${part}${why}: ${name} is not supported; an inspection takes its time of day from the field "time"`,
          path,
        );
      }
      case "DTSTART":
      case "TZID":
      case "EXDATE":
      case "RDATE":
        throw invalid(
          `${name} is not allowed in the rule: the start date is the field "start" and the zone is the contract's`,
          path,
        );
      default:
        throw invalid(
          `Unknown RRULE part ${describeValue(name)}; expected FREQ, INTERVAL, COUNT, UNTIL, BYMONTH, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYDAY, BYSETPOS or WKST`,
          path,
        );
    }
    if (!PART.test(part))
      throw invalid(
        `RRULE part ${describeValue(part)} is not NAME=VALUE with a value such as 1, MO or 2MO`,
        path,
      );
    if (parts.has(name)) throw invalid(`RRULE part ${name} appears twice`, path);
    parts.set(name, value);
  }
  const freqText = parts.get("FREQ");
  if (freqText === undefined) throw invalid(`RRULE ${describeValue(text)} has no FREQ`, path);
  if (freqText === "HOURLY" || freqText === "MINUTELY" || freqText === "SECONDLY") {
    throw invalid(
      `FREQ=${freqText} is not supported: inspections recur at most daily (DAILY, WEEKLY, MONTHLY or YEARLY)`,
      path,
    );
  }
  if (freqText !== "DAILY" && freqText !== "WEEKLY" && freqText !== "MONTHLY" && freqText !== "YEARLY") {
    throw invalid(`FREQ=${freqText} is not a frequency; expected DAILY, WEEKLY, MONTHLY or YEARLY`, path);
  }
  const freq: Freq = freqText;
  const single = (name: string, min: number, max: number): number | undefined => {
    const value = parts.get(name);
    if (value === undefined) return undefined;
    const n = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
    if (!(n >= min && n <= max))
      throw invalid(`${name}=${value}: expected a whole number from ${min} to ${max}`, path);
    return n;
  };
  const interval = single("INTERVAL", 1, MAX_INTERVAL) ?? 1;
  const count = single("COUNT", 1, MAX_COUNT);
  let untilDay: number | undefined;
  const untilText = parts.get("UNTIL");
  if (untilText !== undefined) {
    if (count !== undefined) throw invalid("COUNT and UNTIL cannot both be given", path);
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(untilText);
    const y = Number(m?.[1]);
    const mo = Number(m?.[2]);
    const d = Number(m?.[3]);
    const days = m === null ? undefined : daysFromCivil(y, mo, d);
    if (days === undefined || civilFromDays(days) !== y * 10_000 + mo * 100 + d) {
      throw invalid(`UNTIL=${untilText}: expected the last local date as YYYYMMDD (no time, no "Z")`, path);
    }
    untilDay = days;
  }
  const list = (name: string, min: number, max: number, allowed: readonly Freq[]): number[] | undefined => {
    const value = parts.get(name);
    if (value === undefined) return undefined;
    if (!allowed.includes(freq)) throw invalid(`${name} cannot be used with FREQ=${freq} (RFC 5545)`, path);
    return integerList(name, value, path, min, max, false);
  };
  const bymonth = list("BYMONTH", 1, 12, ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]);
  const bymonthday = list("BYMONTHDAY", -31, 31, ["DAILY", "MONTHLY", "YEARLY"]);
  const byyearday = list("BYYEARDAY", -366, 366, ["YEARLY"]);
  const byweekno = list("BYWEEKNO", -53, 53, ["YEARLY"]);
  const bysetpos = list("BYSETPOS", -366, 366, ["MONTHLY", "YEARLY"]);
  const weekday = (value: string, name: string): number => {
    const i = WEEKDAYS.indexOf(value as (typeof WEEKDAYS)[number]);
    if (i < 0)
      throw invalid(`${name}: ${describeValue(value)} is not a weekday (MO, TU, WE, TH, FR, SA, SU)`, path);
    return i;
  };
  let byday: { day: number; n: number | undefined }[] | undefined;
  const bydayText = parts.get("BYDAY");
  if (bydayText !== undefined) {
    byday = [];
    for (const item of bydayText.split(",")) {
      const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
      if (m === null) throw invalid(`BYDAY: ${describeValue(item)} is not a weekday such as MO or 2MO`, path);
      const day = weekday(m[2] as string, "BYDAY");
      let n: number | undefined;
      if (m[1] !== undefined) {
        n = Number(m[1]);
        const max = freq === "MONTHLY" ? 5 : 53;
        if (freq !== "MONTHLY" && freq !== "YEARLY") {
          throw invalid(`BYDAY=${item}: an ordinal weekday needs FREQ=MONTHLY or FREQ=YEARLY`, path);
        }
        if (freq === "YEARLY" && byweekno !== undefined) {
          throw invalid(
            `BYDAY=${item}: an ordinal weekday cannot be combined with BYWEEKNO (RFC 5545)`,
            path,
          );
        }
        if (n === 0 || Math.abs(n) > max)
          throw invalid(`BYDAY=${item}: the ordinal must be 1 to ${max} or -${max} to -1`, path);
      }
      byday.push({ day, n });
    }
    if (byday.length > 366) throw invalid("BYDAY lists more than 366 values", path);
  }
  if (
    bysetpos !== undefined &&
    bymonth === undefined &&
    bymonthday === undefined &&
    byday === undefined &&
    byyearday === undefined &&
    byweekno === undefined
  ) {
    throw invalid("BYSETPOS needs another BY… part to select from (RFC 5545)", path);
  }
  if (bysetpos !== undefined && byweekno !== undefined) {
    // A yearly BYWEEKNO set reaches into the neighbouring years; slakit selects positions per calendar year.
    throw invalid("BYSETPOS cannot be combined with BYWEEKNO here; list the weeks' days instead", path);
  }
  const wkstText = parts.get("WKST");
  const wkst = wkstText === undefined ? 0 : weekday(wkstText, "WKST");
  const rec: Recurrence = Object.freeze({
    text,
    freq,
    interval,
    count,
    untilDay,
    startDay: daysFromKey(start),
    wkst,
    bymonth,
    bymonthday,
    byyearday,
    byweekno,
    bysetpos,
    byday,
  });
  if (!hasOccurrence(rec, rec.startDay + EMPTY_HORIZON_DAYS - 1)) {
    throw new SlaError(
      "E_RRULE_EMPTY",
      `RRULE ${describeValue(text)} has no occurrence within 100 years of ${formatDateKey(start)}`,
      path,
    );
  }
  return rec;
}
