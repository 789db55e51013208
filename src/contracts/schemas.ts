/**
 * The zod schemas of the contract JSON (`ContractInput`). They check shape and types only; references, durations,
 * calendars, conditions and recurrences are checked by `compile.ts`, which gives the precise codes. Each schema
 * carries a marker in its error messages (see {@link Marker}) from which `issues.ts` writes our messages.
 *
 * The schemas are built on first use: building them at import time would pull zod's work into every import of the
 * package.
 * @internal
 * @module
 */
import * as z from "zod";
import type { SlaErrorCode } from "../errors.js";

/** What a schema tells the issue formatter, carried in zod's message. @internal */
export interface Marker {
  /** Our code for issues of this schema (default `E_TYPE`). */
  readonly c?: SlaErrorCode;
  /** What was expected, in words: "a date "YYYY-MM-DD"". */
  readonly e: string;
  /** For objects: the allowed keys. */
  readonly k?: readonly string[];
  /** For objects: keys with a dedicated explanation `[code, message]`. */
  readonly h?: { readonly [key: string]: readonly [SlaErrorCode, string] };
  /**
   * For unions: how to pick the branch an input meant, one selector per branch: `"key:event"` (the object has
   * that key), `"kind:array"`, `"kind:object"`, `"kind:string"`, `"kind:number"`, `"kind:boolean"`.
   */
  readonly t?: readonly string[];
}

/** Prefix of a marker inside a zod message. @internal */
export const MARK = "\u0000slakit:";

function marker(m: Marker): { error: () => string } {
  const text = MARK + JSON.stringify(m);
  return { error: () => text };
}

/** Reads a marker from a zod message. @internal */
export function readMarker(message: string): Marker | undefined {
  if (!message.startsWith(MARK)) return undefined;
  try {
    return JSON.parse(message.slice(MARK.length)) as Marker;
  } catch {
    return undefined;
  }
}

/** Identifier syntax of ids, names of calendars, event types, statuses, channels and tiers. @internal */
export const ID_PATTERN = /^(?!(?:constructor|prototype)$)[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
/** Fact names in conditions. @internal */
export const FACT_PATTERN = /^(?!(?:constructor|prototype)$)[A-Za-z][A-Za-z0-9_]{0,63}$/;
const ID_WORDS =
  'an identifier such as "response": a letter, then letters, digits, "_", "-" or ".", at most 64 characters';
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/;
const END_TIME_PATTERN = /^(?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?|24:00(?::00)?)$/;
const DURATION_PATTERN = /^(?:PT(?=\d)(?:\d{1,7}H)?(?:\d{1,9}M)?(?:\d{1,11}(?:\.\d{1,3})?S)?|P\d{1,6}[DW])$/;
const LENGTH_PATTERN = /^P(?=\d)(?:\d{1,3}Y)?(?:\d{1,4}M)?$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The operators a condition may use (json-rules-engine's built-ins minus its decorators). @internal */
export const OPERATORS = [
  "equal",
  "notEqual",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "in",
  "notIn",
  "contains",
  "doesNotContain",
] as const;

const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

function build() {
  const id = (what = ID_WORDS) => z.string(marker({ e: what })).regex(ID_PATTERN);
  const text = (max: number) =>
    z
      .string(marker({ e: `text of at most ${max} characters` }))
      .max(max)
      .refine((s) => !LONE_SURROGATE.test(s), marker({ e: "well-formed Unicode text (no lone surrogate)" }));
  const date = () => z.string(marker({ c: "E_DATE_SYNTAX", e: 'a date "YYYY-MM-DD"' })).regex(DATE_PATTERN);
  const time = () =>
    z.string(marker({ c: "E_TIME_SYNTAX", e: 'a time of day "HH:MM" or "HH:MM:SS"' })).regex(TIME_PATTERN);
  const endTime = () =>
    z
      .string(marker({ c: "E_TIME_SYNTAX", e: 'a time of day "HH:MM", "HH:MM:SS" or "24:00"' }))
      .regex(END_TIME_PATTERN);
  const durationMarker = marker({
    c: "E_DURATION",
    e: 'an ISO 8601 duration such as "PT30M", "PT4H" or "P2D"',
  });
  const duration = () =>
    z.union(
      [z.string(durationMarker).regex(DURATION_PATTERN), z.number(durationMarker).int().min(0)],
      durationMarker,
    );
  const list = <T extends z.ZodType>(item: T, what: string, max: number, min = 0) =>
    z
      .array(item, marker({ c: "E_TYPE", e: what }))
      .min(min)
      .max(max);
  const obj = <S extends z.ZodRawShape>(what: string, shape: S, hints?: Marker["h"]) =>
    z.strictObject(
      shape,
      marker({ e: what, k: Object.keys(shape), ...(hints === undefined ? {} : { h: hints }) }),
    );
  const eventList = () =>
    z.union(
      [id(), list(id(), "a list of event types", 50, 1)],
      marker({ e: "an event type or a list of event types", t: ["kind:string", "kind:array"] }),
    );
  const ratio = () =>
    z
      .number(marker({ e: "a ratio from 0 to 1 (0.95 for 95 %)" }))
      .min(0)
      .max(1);

  // Calendars (the shape of `CalendarSpec`; compileCalendar checks the rest).
  const timeRange = z.union(
    [
      z.tuple([time(), endTime()], marker({ e: 'an interval ["HH:MM", "HH:MM"]' })),
      obj("an interval { start, end, overnight }", {
        start: time(),
        end: endTime(),
        overnight: z.boolean().optional(),
      }),
    ],
    marker({
      e: 'an interval ["HH:MM", "HH:MM"] or { "start", "end", "overnight": true }',
      t: ["kind:array", "kind:object"],
    }),
  );
  const ranges = () => list(timeRange, "a list of intervals", 48);
  const weekShape = Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, ranges().optional()])) as {
    [K in (typeof WEEKDAY_KEYS)[number]]: z.ZodOptional<ReturnType<typeof ranges>>;
  };
  const week = z.union(
    [z.literal("24x7", marker({ e: '"24x7" or weekly hours' })), obj("weekly hours", weekShape)],
    marker({
      e: 'weekly hours: "24x7" or { "mon": [["09:00", "18:00"]], … }',
      t: ["kind:string", "kind:object"],
    }),
  );
  const holiday = z.union(
    [
      z
        .string(marker({ c: "E_DATE_SYNTAX", e: 'a holiday "YYYY-MM-DD" or "MM-DD"' }))
        .regex(/^(?:\d{4}-)?\d{2}-\d{2}$/),
      obj("a holiday range { from, to, name }", { from: date(), to: date(), name: text(200).optional() }),
    ],
    marker({ e: 'a holiday: "YYYY-MM-DD", "MM-DD" or { "from", "to" }', t: ["kind:string", "kind:object"] }),
  );
  const datedRanges = () => z.record(date(), ranges(), marker({ e: '{ "YYYY-MM-DD": intervals }' }));
  const calendarFields = {
    timezone: z.string(marker({ c: "E_TZ_UNKNOWN", e: 'an IANA time zone such as "Asia/Shanghai"' })).max(64),
    week,
    holidays: list(holiday, "a list of holidays", 10_000).optional(),
    overrides: datedRanges().optional(),
    breaks: datedRanges().optional(),
  };
  const version = obj("a calendar version", {
    from: date(),
    timezone: calendarFields.timezone.optional(),
    week: week.optional(),
    holidays: calendarFields.holidays,
    overrides: calendarFields.overrides,
    breaks: calendarFields.breaks,
  });
  const calendar = obj("a calendar", {
    ...calendarFields,
    versions: list(version, "a list of calendar versions", 100).optional(),
  });

  // Fault levels and conditions (json-rules-engine's format, restricted).
  const valueMarker = marker({
    c: "E_CONDITION",
    e: "a string (at most 200 characters), a finite number or a boolean, or a list of them",
  });
  const scalar = z.union(
    [z.string(valueMarker).max(200), z.number(valueMarker), z.boolean(valueMarker)],
    valueMarker,
  );
  const conditionHints: Marker["h"] = {
    path: [
      "E_CONDITION",
      'json-rules-engine\'s "path" (JSONPath) is not allowed: pass the value as a fact of its own',
    ],
    params: [
      "E_CONDITION",
      'json-rules-engine\'s "params" are not allowed: conditions compare facts with constant values',
    ],
    condition: ["E_CONDITION", "named condition references are not supported: write the condition out"],
    priority: ["E_CONDITION", "a condition has no priority: levels are tried in the order they are listed"],
  };
  const conditionList = (): z.ZodType => list(condition, "a non-empty list of conditions", 100, 1);
  const condition: z.ZodType = z.union(
    [
      obj(
        "a condition { fact, operator, value }",
        {
          fact: z
            .string(marker({ c: "E_CONDITION", e: 'a fact name: a letter, then letters, digits or "_"' }))
            .regex(FACT_PATTERN),
          operator: z.enum(
            OPERATORS,
            marker({ c: "E_CONDITION", e: `an operator: ${OPERATORS.join(", ")}` }),
          ),
          value: z.union([scalar, z.array(scalar, valueMarker).min(1).max(100)], valueMarker),
        },
        conditionHints,
      ),
      obj(
        "a condition { all: [...] }",
        {
          get all() {
            return conditionList();
          },
        },
        conditionHints,
      ),
      obj(
        "a condition { any: [...] }",
        {
          get any() {
            return conditionList();
          },
        },
        conditionHints,
      ),
      obj(
        "a condition { not: {...} }",
        {
          get not() {
            return condition;
          },
        },
        conditionHints,
      ),
    ],
    marker({
      c: "E_CONDITION",
      e: 'a condition: { "all" }, { "any" }, { "not" } or { "fact", "operator", "value" }',
      t: ["key:fact", "key:all", "key:any", "key:not"],
    }),
  );
  const level = obj("a fault level", {
    id: id(),
    name: text(200).optional(),
    description: text(4000).optional(),
    when: condition.optional(),
  });

  // Term.
  const phase = obj("a phase of the term", {
    name: id(),
    kind: z.enum(["warranty", "postWarranty"], marker({ e: '"warranty" or "postWarranty"' })),
    length: z
      .string(marker({ c: "E_DURATION", e: 'a length in years and months such as "P5Y", "P18M" or "P1Y6M"' }))
      .regex(LENGTH_PATTERN),
  });
  const term = obj("the contract term", {
    startEvent: text(200),
    startDate: date(),
    counting: z.enum(["exclusive", "inclusive"], marker({ e: '"exclusive" or "inclusive"' })).optional(),
    phases: list(phase, "a non-empty list of phases", 20, 1),
  });

  // Targets and escalation steps.
  const start = z.union(
    [obj("a start { event }", { event: eventList() }), obj("a start { breachOf }", { breachOf: id() })],
    marker({
      e: 'a start: { "event": "opened" } or { "breachOf": "<target id>" }',
      t: ["key:event", "key:breachOf"],
    }),
  );
  const events = (what: string) => obj(what, { event: eventList() });
  const pause = z.union(
    [
      obj("a pause { event, resumeEvent }", { event: id(), resumeEvent: id() }),
      obj("a pause { statuses }", { statuses: list(id(), "a non-empty list of statuses", 50, 1) }),
    ],
    marker({
      e: 'a pause: { "event", "resumeEvent" } or { "statuses": [...] }',
      t: ["key:event", "key:statuses"],
    }),
  );
  const stepAt = z.union(
    [
      obj("{ after }", { after: duration() }),
      obj("{ percent }", {
        percent: z
          .number(marker({ e: "a percentage from 0 to 1000" }))
          .min(0)
          .max(1000),
      }),
      obj("{ beforeDue }", { beforeDue: duration() }),
      obj("{ afterDue }", { afterDue: duration() }),
    ],
    marker({
      e: 'when the step fires: { "after" }, { "percent" }, { "beforeDue" } or { "afterDue" }',
      t: ["key:after", "key:percent", "key:beforeDue", "key:afterDue"],
    }),
  );
  const word = () =>
    id('a word such as "notify": a letter, then letters, digits, "_", "-" or ".", at most 64 characters');
  const step = obj("an escalation step", {
    id: id(),
    at: stepAt,
    action: word(),
    to: list(word(), "a list of recipients", 50).optional(),
    tier: id().optional(),
  });
  const durations = z.union(
    [
      duration(),
      z.record(
        z
          .string(marker({ e: 'a level id or "*"' }))
          .regex(/^(?:\*|(?!(?:constructor|prototype)$)[A-Za-z][A-Za-z0-9_.-]{0,63})$/),
        duration(),
        marker({ e: 'durations per level: { "<level id>": "PT4H", "*": "PT8H" }' }),
      ),
    ],
    marker({
      c: "E_DURATION",
      e: 'a duration such as "PT4H", or one per level { "level1": "PT4H" }',
      t: ["kind:string|number", "kind:object"],
    }),
  );
  const onLevelChange = () => z.enum(["recompute", "restart"], marker({ e: '"recompute" or "restart"' }));
  const target = obj("a target", {
    id: id(),
    name: text(200).optional(),
    description: text(4000).optional(),
    calendar: id(),
    start,
    stop: events("a stop { event }"),
    pause: pause.optional(),
    reset: events("a reset { event }").optional(),
    cancel: events("a cancel { event }").optional(),
    duration: durations,
    phases: list(id(), "a list of phase names or kinds", 20).optional(),
    onLevelChange: onLevelChange().optional(),
    escalations: list(step, "a list of escalation steps", 50).optional(),
  });

  // Inspections.
  const inspection = z.union(
    [
      obj("a recurring inspection", {
        id: id(),
        name: text(200).optional(),
        rrule: z
          .string(marker({ c: "E_RRULE_INVALID", e: 'an RRULE such as "FREQ=MONTHLY;BYMONTHDAY=1"' }))
          .max(1024),
        start: date(),
        time: time().optional(),
        due: duration().optional(),
        calendar: id().optional(),
      }),
      obj("an inspection rule { atLeast, per }", {
        id: id(),
        name: text(200).optional(),
        atLeast: z
          .number(marker({ e: "a whole number from 1 to 366" }))
          .int()
          .min(1)
          .max(366),
        per: z.enum(["month", "quarter", "year"], marker({ e: '"month", "quarter" or "year"' })),
      }),
      obj("inspections on named dates", {
        id: id(),
        name: text(200).optional(),
        dates: list(date(), "a non-empty list of dates", 1000, 1),
        time: time().optional(),
        due: duration().optional(),
        calendar: id().optional(),
      }),
    ],
    marker({
      e: 'an inspection: { "rrule", "start" }, { "atLeast", "per" } or { "dates" }',
      t: ["key:rrule", "key:atLeast", "key:dates"],
    }),
  );

  // KPIs.
  const kpiCommon = { id: id(), name: text(200).optional(), description: text(4000).optional() };
  const kpi = z.discriminatedUnion(
    "kind",
    [
      obj("a satisfaction KPI", {
        ...kpiCommon,
        kind: z.literal("satisfaction"),
        channel: id(),
        min: ratio(),
      }),
      obj("a mean handling time KPI", {
        ...kpiCommon,
        kind: z.literal("meanHandlingTime"),
        channel: id(),
        max: duration(),
      }),
      obj("a resolution rate KPI", {
        ...kpiCommon,
        kind: z.literal("resolutionRate"),
        min: ratio(),
        channel: id().optional(),
      }),
      obj("a target compliance KPI", {
        ...kpiCommon,
        kind: z.literal("targetCompliance"),
        target: id(),
        level: id().optional(),
        min: ratio(),
      }),
      obj("an inspection compliance KPI", {
        ...kpiCommon,
        kind: z.literal("inspectionCompliance"),
        min: ratio(),
      }),
    ],
    marker({
      e: 'a KPI kind: "satisfaction", "meanHandlingTime", "resolutionRate", "targetCompliance" or "inspectionCompliance"',
    }),
  );

  const contract = obj("a contract", {
    id: id(),
    name: text(200).optional(),
    source: text(4000).optional(),
    timezone: calendarFields.timezone,
    calendars: z.record(id(), calendar, marker({ e: '{ "<calendar name>": calendar }' })),
    term: term.optional(),
    tiers: list(id(), "a list of tiers", 20).optional(),
    levels: list(level, "a non-empty list of fault levels", 100, 1),
    defaultLevel: id().optional(),
    onLevelChange: onLevelChange().optional(),
    eventTypes: list(id(), "a list of event types", 500).optional(),
    targets: list(target, "a list of targets", 200),
    inspections: list(inspection, "a list of inspections", 200).optional(),
    kpis: list(kpi, "a list of KPIs", 200).optional(),
  });
  return { contract, calendar, condition };
}

let built: ReturnType<typeof build> | undefined;

/** The schemas, built once. @internal */
export function schemas(): ReturnType<typeof build> {
  built ??= build();
  return built;
}
