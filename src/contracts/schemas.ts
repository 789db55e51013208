/**
 * The zod schemas of the contract JSON (`ContractInput`). They check shape and types only; references, durations,
 * calendars, conditions and recurrences are checked by `compile.ts`, which gives the precise codes. Each schema
 * carries a marker in its error messages (see {@link Marker}) from which `issues.ts` writes our messages.
 *
 * Each schema also carries, in a registry of its own ({@link SchemaDoc}), what the JSON Schema (`slakit/schema`)
 * tells a contract author: a description of every field and a readable message for every pattern. The registry
 * is private, not zod's global one, so that slakit adds nothing to an application's own zod metadata; it does not
 * take part in validation.
 *
 * The schemas are built on first use: building them at import time would pull zod's work into every import of the
 * package.
 * @internal
 * @module
 */
import * as z from "zod";
import type { SlaErrorCode } from "../errors.js";
import { SCHEMA_REFERENCE_MAX } from "./prepass.js";

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

/**
 * What the JSON Schema says about a schema, for editors: emitted as is by `z.toJSONSchema` next to the schema's
 * own keywords. `patternErrorMessage` is the message VS Code's JSON language service shows, instead of the regular
 * expression, when a value does not match `pattern`.
 * @internal
 */
export interface SchemaDoc {
  /** The `$defs` name of a schema used in more than one place (only the recursive condition). */
  readonly id?: string;
  /** What the field means, for a contract author: its unit, its default, an example value. */
  readonly description?: string;
  /** The message shown when a value does not match the schema's `pattern`. */
  readonly patternErrorMessage?: string;
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
const HOLIDAY_PATTERN = /^(?:\d{4}-)?\d{2}-\d{2}$/;
const LEVEL_KEY_PATTERN = /^(?:\*|(?!(?:constructor|prototype)$)[A-Za-z][A-Za-z0-9_.-]{0,63})$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Messages for editors when a value does not match a pattern (`patternErrorMessage`), one per pattern above. */
const PATTERN_MESSAGES = {
  id: 'Expected an id: a letter, then letters, digits, "_", "-" or ".", at most 64 characters, e.g. "response" (not "constructor" or "prototype").',
  word: 'Expected a word such as "notify" or "engineer": a letter, then letters, digits, "_", "-" or ".", at most 64 characters.',
  fact: 'Expected a fact name: a letter, then letters, digits or "_", at most 64 characters, e.g. "outageMinutes".',
  date: 'Expected a date "YYYY-MM-DD", e.g. "2025-10-01".',
  time: 'Expected a time of day "HH:MM" or "HH:MM:SS" from "00:00" to "23:59:59", e.g. "09:00".',
  endTime: 'Expected a time of day "HH:MM" or "HH:MM:SS", or "24:00" for the end of the day, e.g. "18:00".',
  duration:
    'Expected an ISO 8601 duration: working time such as "PT30M", "PT4H", "PT1H30M" or "PT1.5S" (no fractions of hours or minutes), or business days "P2D" ("P1W" is "P7D").',
  length: 'Expected a length in years and months: "P5Y", "P18M" or "P1Y6M".',
  holiday: 'Expected a holiday "YYYY-MM-DD" (once) or "MM-DD" (every year), e.g. "2025-10-01" or "01-01".',
  levelKey: 'Expected a level id such as "major", or "*" for every level not listed.',
} as const;

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
const WEEKDAY_NAMES = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
} as const;

function build() {
  const docs = z.registry<SchemaDoc>();
  /** Adds documentation to a schema (merged with what it has) and returns the schema itself. */
  const doc = <T extends z.ZodType>(schema: T, more: SchemaDoc): T => {
    docs.add(schema, { ...docs.get(schema), ...more });
    return schema;
  };
  /** A field's description, on the schema given (often an `.optional()` wrapper). */
  const about = <T extends z.ZodType>(description: string, schema: T): T => doc(schema, { description });
  const patterned = (pattern: RegExp, what: Marker, message: string) =>
    doc(z.string(marker(what)).regex(pattern), { patternErrorMessage: message });

  const id = (what = ID_WORDS, message: string = PATTERN_MESSAGES.id) =>
    patterned(ID_PATTERN, { e: what }, message);
  const text = (max: number) =>
    z
      .string(marker({ e: `text of at most ${max} characters` }))
      .max(max)
      .refine((s) => !LONE_SURROGATE.test(s), marker({ e: "well-formed Unicode text (no lone surrogate)" }));
  const date = () =>
    patterned(DATE_PATTERN, { c: "E_DATE_SYNTAX", e: 'a date "YYYY-MM-DD"' }, PATTERN_MESSAGES.date);
  const time = () =>
    patterned(
      TIME_PATTERN,
      { c: "E_TIME_SYNTAX", e: 'a time of day "HH:MM" or "HH:MM:SS"' },
      PATTERN_MESSAGES.time,
    );
  const endTime = () =>
    patterned(
      END_TIME_PATTERN,
      { c: "E_TIME_SYNTAX", e: 'a time of day "HH:MM", "HH:MM:SS" or "24:00"' },
      PATTERN_MESSAGES.endTime,
    );
  const durationWords: Marker = {
    c: "E_DURATION",
    e: 'an ISO 8601 duration such as "PT30M", "PT4H" or "P2D"',
  };
  const durationMarker = marker(durationWords);
  const duration = () =>
    z.union(
      [
        patterned(DURATION_PATTERN, durationWords, PATTERN_MESSAGES.duration),
        z.number(durationMarker).int().min(0),
      ],
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
      [id(), list(about('An event type, e.g. "resolved".', id()), "a list of event types", 50, 1)],
      marker({ e: "an event type or a list of event types", t: ["kind:string", "kind:array"] }),
    );
  const ratio = () =>
    z
      .number(marker({ e: "a ratio from 0 to 1 (0.95 for 95 %)" }))
      .min(0)
      .max(1);
  const zone = () =>
    z.string(marker({ c: "E_TZ_UNKNOWN", e: 'an IANA time zone such as "Asia/Shanghai"' })).max(64);

  // Calendars (the shape of `CalendarSpec`; compileCalendar checks the rest).
  const timeRange = about(
    'A working interval: ["09:00", "18:00"] from a start (inclusive) to an end (exclusive), or { "start": "22:00", "end": "06:00", "overnight": true } for one that crosses midnight.',
    z.union(
      [
        z.tuple(
          [
            about('Start of the interval (inclusive), "HH:MM" or "HH:MM:SS", e.g. "09:00".', time()),
            about(
              'End of the interval (exclusive), "HH:MM", "HH:MM:SS" or "24:00", e.g. "18:00".',
              endTime(),
            ),
          ],
          marker({ e: 'an interval ["HH:MM", "HH:MM"]' }),
        ),
        obj("an interval { start, end, overnight }", {
          start: about('Start of the interval (inclusive), "HH:MM" or "HH:MM:SS", e.g. "22:00".', time()),
          end: about(
            'End of the interval (exclusive), "HH:MM", "HH:MM:SS" or "24:00"; before the start only with "overnight": true, e.g. "06:00".',
            endTime(),
          ),
          overnight: about(
            "true for an interval that crosses midnight (its end is before its start): the part after midnight belongs to the next date. Default false.",
            z.boolean().optional(),
          ),
        }),
      ],
      marker({
        e: 'an interval ["HH:MM", "HH:MM"] or { "start", "end", "overnight": true }',
        t: ["kind:array", "kind:object"],
      }),
    ),
  );
  const ranges = (description: string) => about(description, list(timeRange, "a list of intervals", 48));
  const week = (description: string) =>
    about(
      description,
      z.union(
        [
          z.literal("24x7", marker({ e: '"24x7" or weekly hours' })),
          obj(
            "weekly hours",
            Object.fromEntries(
              WEEKDAY_KEYS.map((d) => [
                d,
                ranges(
                  `${WEEKDAY_NAMES[d]}'s working intervals, e.g. [["09:00", "12:00"], ["13:00", "18:00"]]; omitted or []: closed.`,
                ).optional(),
              ]),
            ) as {
              [K in (typeof WEEKDAY_KEYS)[number]]: z.ZodOptional<ReturnType<typeof ranges>>;
            },
          ),
        ],
        marker({
          e: 'weekly hours: "24x7" or { "mon": [["09:00", "18:00"]], … }',
          t: ["kind:string", "kind:object"],
        }),
      ),
    );
  const holiday = about(
    'A closed date: "2025-10-01" (once), "10-01" (every year; "02-29" in leap years only) or an inclusive range { "from": "2025-10-01", "to": "2025-10-08", "name": "National Day" }.',
    z.union(
      [
        patterned(
          HOLIDAY_PATTERN,
          { c: "E_DATE_SYNTAX", e: 'a holiday "YYYY-MM-DD" or "MM-DD"' },
          PATTERN_MESSAGES.holiday,
        ),
        obj("a holiday range { from, to, name }", {
          from: about('First closed local date, "YYYY-MM-DD", e.g. "2025-10-01".', date()),
          to: about('Last closed local date (inclusive), "YYYY-MM-DD", e.g. "2025-10-08".', date()),
          name: about('Name of the holiday, e.g. "National Day".', text(200).optional()),
        }),
      ],
      marker({
        e: 'a holiday: "YYYY-MM-DD", "MM-DD" or { "from", "to" }',
        t: ["kind:string", "kind:object"],
      }),
    ),
  );
  const datedRanges = (description: string, value: string) =>
    about(
      description,
      z.record(
        about('A local date "YYYY-MM-DD".', date()),
        ranges(value),
        marker({ e: '{ "YYYY-MM-DD": intervals }' }),
      ),
    );
  const holidays = (description: string) =>
    about(description, list(holiday, "a list of holidays", 10_000).optional());
  const overrides = (description: string) =>
    datedRanges(
      description,
      'The working intervals of that date, instead of its weekly hours, e.g. [["09:00", "18:00"]]; [] closes it.',
    ).optional();
  const breaks = (description: string) =>
    datedRanges(
      description,
      'Intervals removed from that date\'s hours, e.g. [["12:00", "13:30"]]; a break cannot cross midnight.',
    ).optional();
  const version = about(
    'A change of the calendar from a local date on, e.g. { "from": "2026-01-01", "week": { "mon": [["08:00", "17:00"]] } }: the fields it omits keep their value.',
    obj("a calendar version", {
      from: about(
        'First local date on which the version applies, "YYYY-MM-DD" in the version\'s zone, e.g. "2026-01-01".',
        date(),
      ),
      timezone: about(
        'IANA time zone of the calendar from this version on, e.g. "Europe/Berlin"; omitted: unchanged.',
        zone().optional(),
      ),
      week: about(
        'Weekly working hours from this version on: "24x7" or { "mon": [["09:00", "18:00"]], … }; omitted: unchanged.',
        week("Weekly working hours.").optional(),
      ),
      holidays: holidays(
        'Closed dates from this version on, replacing the earlier list: "2026-10-01", "10-01" (every year) or { "from", "to", "name" }; omitted: unchanged.',
      ),
      overrides: overrides(
        'Dated hours from this version on, replacing the earlier ones: { "2026-02-14": [["09:00", "18:00"]] }; omitted: unchanged.',
      ),
      breaks: breaks(
        'Dated breaks from this version on, replacing the earlier ones: { "2026-12-24": [["12:00", "18:00"]] }; omitted: unchanged.',
      ),
    }),
  );
  const calendar = about(
    "A business-hours calendar: zone, weekly hours, holidays, dated overrides and breaks, later versions. On a date, a holiday wins over a break, a break over an override, an override over the week.",
    obj("a calendar", {
      timezone: about(
        'IANA time zone of the calendar\'s hours, e.g. "Asia/Shanghai"; kept exactly as written.',
        zone(),
      ),
      week: week(
        'Weekly working hours: "24x7", or per weekday a list of intervals, e.g. { "mon": [["09:00", "12:00"], ["13:00", "18:00"]], "tue": … }. A day not listed is closed.',
      ),
      holidays: holidays(
        'Closed dates: "2025-10-01" (once), "10-01" (every year) or { "from": "2025-10-01", "to": "2025-10-08", "name": "National Day" }. A holiday wins over everything else on its date.',
      ),
      overrides: overrides(
        'Hours that replace a date\'s weekly hours: { "2025-09-28": [["09:00", "18:00"]] } makes that Sunday a working day (a make-up working day); [] closes the date.',
      ),
      breaks: breaks(
        'Intervals removed from a date\'s hours, e.g. { "2025-12-24": [["12:00", "18:00"]] } for a half day.',
      ),
      versions: about(
        'Later versions of the calendar, in ascending "from" order, e.g. new hours from 2026-01-01.',
        list(version, "a list of calendar versions", 100).optional(),
      ),
    }),
  );

  // Fault levels and conditions (json-rules-engine's format, restricted).
  const valueMarker = marker({
    c: "E_CONDITION",
    e: "a string (at most 200 characters), a finite number or a boolean, or a list of them",
  });
  const scalar = about(
    "A string of at most 200 characters, a finite number or a boolean.",
    z.union([z.string(valueMarker).max(200), z.number(valueMarker), z.boolean(valueMarker)], valueMarker),
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
  const conditionList = (description: string): z.ZodType =>
    about(description, list(condition, "a non-empty list of conditions", 100, 1));
  const condition: z.ZodType = doc(
    z.union(
      [
        obj(
          "a condition { fact, operator, value }",
          {
            fact: about(
              'Name of a ticket fact, e.g. "outageMinutes". A ticket without the fact makes every comparison on it false.',
              patterned(
                FACT_PATTERN,
                { c: "E_CONDITION", e: 'a fact name: a letter, then letters, digits or "_"' },
                PATTERN_MESSAGES.fact,
              ),
            ),
            operator: about(
              'How the fact is compared with "value": equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in and notIn (the value is a list), contains and doesNotContain (the fact is a list).',
              z.enum(OPERATORS, marker({ c: "E_CONDITION", e: `an operator: ${OPERATORS.join(", ")}` })),
            ),
            value: about(
              'The constant the fact is compared with: a string, a finite number or a boolean, or a list of them for "in" and "notIn", e.g. 10 or ["onSite", "remote"]. Types are strict: "45" is not 45.',
              z.union([scalar, z.array(scalar, valueMarker).min(1).max(100)], valueMarker),
            ),
          },
          conditionHints,
        ),
        obj(
          "a condition { all: [...] }",
          {
            get all() {
              return conditionList("Holds when every condition of the list holds.");
            },
          },
          conditionHints,
        ),
        obj(
          "a condition { any: [...] }",
          {
            get any() {
              return conditionList("Holds when at least one condition of the list holds.");
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
    ),
    {
      id: "condition",
      description:
        'A condition in json-rules-engine\'s format over the ticket\'s facts: { "fact": "outageMinutes", "operator": "greaterThan", "value": 10 }, or { "all": [...] }, { "any": [...] }, { "not": {...} }. At most 16 levels deep and 1000 nodes.',
    },
  );
  const level = about(
    'A fault level, e.g. { "id": "major", "when": { "fact": "systemDown", "operator": "equal", "value": true } }.',
    obj("a fault level", {
      id: about('Stable id of the level, used by targets and tickets, e.g. "level1" or "major".', id()),
      name: about('Display name, e.g. "major fault".', text(200).optional()),
      description: about("Plain-words definition of the level from the contract.", text(4000).optional()),
      when: about(
        "When the level applies, as a condition over the ticket's facts; omitted: only when a ticket names the level, or as the default level.",
        condition.optional(),
      ),
    }),
  );

  // Term.
  const phase = about(
    'A phase of the term, e.g. { "name": "warranty", "kind": "warranty", "length": "P5Y" }.',
    obj("a phase of the term", {
      name: about(
        'Name of the phase, shown in reports and usable in a target\'s "phases", e.g. "warranty" or "maintenance".',
        id(),
      ),
      kind: about(
        'What the phase is: "warranty" or "postWarranty" (maintenance after the warranty).',
        z.enum(["warranty", "postWarranty"], marker({ e: '"warranty" or "postWarranty"' })),
      ),
      length: about(
        'Length of the phase in civil years and months, e.g. "P5Y", "P18M" or "P1Y6M".',
        doc(
          z
            .string(
              marker({ c: "E_DURATION", e: 'a length in years and months such as "P5Y", "P18M" or "P1Y6M"' }),
            )
            .regex(LENGTH_PATTERN),
          { patternErrorMessage: PATTERN_MESSAGES.length },
        ),
      ),
    }),
  );
  const term = obj("the contract term", {
    startEvent: about('What starts the term, in words, e.g. "acceptance signed by both parties".', text(200)),
    startDate: about(
      'The local date of that event, "YYYY-MM-DD" in the contract\'s zone, e.g. "2020-02-29".',
      date(),
    ),
    counting: about(
      'How the start date counts: "exclusive" (the default, the civil rule: the term starts the next day) or "inclusive".',
      z.enum(["exclusive", "inclusive"], marker({ e: '"exclusive" or "inclusive"' })).optional(),
    ),
    phases: about(
      "Consecutive phases from the start date, each counted from the previous phase's last day, e.g. 5 years of warranty then 3 years of maintenance.",
      list(phase, "a non-empty list of phases", 20, 1),
    ),
  });

  // Targets and escalation steps.
  const start = z.union(
    [
      obj("a start { event }", {
        event: about(
          'The event type, or list of types, whose first occurrence starts the clock, e.g. "opened".',
          eventList(),
        ),
      }),
      obj("a start { breachOf }", {
        breachOf: about(
          'Id of another target of the same ticket: this clock starts when that one is breached, e.g. "response".',
          id(),
        ),
      }),
    ],
    marker({
      e: 'a start: { "event": "opened" } or { "breachOf": "<target id>" }',
      t: ["key:event", "key:breachOf"],
    }),
  );
  const events = (what: string, description: string) => obj(what, { event: about(description, eventList()) });
  const pause = z.union(
    [
      obj("a pause { event, resumeEvent }", {
        event: about('Event type that pauses the clock, e.g. "awaitingCustomer".', id()),
        resumeEvent: about('Event type that resumes the clock, e.g. "customerReplied".', id()),
      }),
      obj("a pause { statuses }", {
        statuses: about(
          'Ticket statuses (set by "statusChanged" events) during which the clock is paused, e.g. ["pending", "onHold"].',
          list(about('A ticket status, e.g. "pending".', id()), "a non-empty list of statuses", 50, 1),
        ),
      }),
    ],
    marker({
      e: 'a pause: { "event", "resumeEvent" } or { "statuses": [...] }',
      t: ["key:event", "key:statuses"],
    }),
  );
  const stepAt = z.union(
    [
      obj("{ after }", {
        after: about('Working time elapsed on the target, pauses excluded, e.g. "PT30M".', duration()),
      }),
      obj("{ percent }", {
        percent: about(
          "Percentage of the target's duration elapsed, from 0 to 1000, e.g. 80 or 150; rounded down to whole milliseconds.",
          z
            .number(marker({ e: "a percentage from 0 to 1000" }))
            .min(0)
            .max(1000),
        ),
      }),
      obj("{ beforeDue }", {
        beforeDue: about('Working time before the deadline, e.g. "PT15M".', duration()),
      }),
      obj("{ afterDue }", {
        afterDue: about('Working time after the deadline, e.g. "PT1H".', duration()),
      }),
    ],
    marker({
      e: 'when the step fires: { "after" }, { "percent" }, { "beforeDue" } or { "afterDue" }',
      t: ["key:after", "key:percent", "key:beforeDue", "key:afterDue"],
    }),
  );
  const word = () =>
    id(
      'a word such as "notify": a letter, then letters, digits, "_", "-" or ".", at most 64 characters',
      PATTERN_MESSAGES.word,
    );
  const step = about(
    'One step of an escalation ladder, e.g. { "id": "remind30", "at": { "after": "PT30M" }, "action": "notify", "to": ["engineer"] }.',
    obj("an escalation step", {
      id: about('Stable id of the step within its target, e.g. "remind30".', id()),
      at: about(
        'When the step fires: { "after": "PT30M" } of working time, { "percent": 80 } of the duration, { "beforeDue": "PT15M" } or { "afterDue": "PT1H" }.',
        stepAt,
      ),
      action: about(
        'What the host does: "notify", "reassign", "escalate" or any word it understands.',
        word(),
      ),
      to: about(
        'Recipients, as roles or tier names, e.g. ["engineer", "desk"].',
        list(about('A recipient, e.g. "engineer".', word()), "a list of recipients", 50).optional(),
      ),
      tier: about(
        'For "escalate": the tier escalated to, one of the contract\'s "tiers", e.g. "expert".',
        id().optional(),
      ),
    }),
  );
  const durations = z.union(
    [
      duration(),
      z.record(
        about(
          'A level id, or "*" for every level not listed.',
          doc(z.string(marker({ e: 'a level id or "*"' })).regex(LEVEL_KEY_PATTERN), {
            patternErrorMessage: PATTERN_MESSAGES.levelKey,
          }),
        ),
        about('The duration for that level, e.g. "PT4H" or "P2D".', duration()),
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
  const target = about(
    'A target: a clock with a deadline, e.g. { "id": "response", "calendar": "office", "start": { "event": "opened" }, "stop": { "event": "responded" }, "duration": "PT30M" }.',
    obj("a target", {
      id: about('Stable id of the target, e.g. "response", "resolve", "restore" or "problemReport".', id()),
      name: about('Display name, e.g. "First response".', text(200).optional()),
      description: about("Plain-words definition of the target from the contract.", text(4000).optional()),
      calendar: about(
        'Name of the calendar whose working time the clock counts, one of the keys of "calendars", e.g. "office".',
        id(),
      ),
      start: about(
        'When the clock starts: { "event": "opened" } at the first event of that type (or of a list of types), or { "breachOf": "response" } when another target of the ticket is breached.',
        start,
      ),
      stop: about(
        'The first of these events after the start meets (stops) the clock, e.g. { "event": "responded" } or { "event": ["resolved", "closed"] }.',
        events(
          "a stop { event }",
          'The event type, or list of types, that stops the clock, e.g. "responded" or ["resolved", "closed"].',
        ),
      ),
      pause: about(
        'When the clock is paused: between two events { "event": "awaitingCustomer", "resumeEvent": "customerReplied" }, or while the ticket is in a status { "statuses": ["pending"] }. Paused time does not count.',
        pause.optional(),
      ),
      reset: about(
        'Each of these events ends the current cycle (met, or breached if late) and starts a new one, e.g. { "event": "reopened" }.',
        events(
          "a reset { event }",
          'The event type, or list of types, that resets the clock, e.g. "reopened".',
        ).optional(),
      ),
      cancel: about(
        'Any of these events cancels the running clock, e.g. { "event": "withdrawn" }.',
        events(
          "a cancel { event }",
          'The event type, or list of types, that cancels the clock, e.g. "withdrawn".',
        ).optional(),
      ),
      duration: about(
        'The time allowed: "PT30M" or "PT4H" (working time on the calendar), "P2D" (business days) or integer milliseconds; or one per level { "major": "PT2H", "*": "PT8H" }. A level with no duration and no "*" is not subject to the target.',
        durations,
      ),
      phases: about(
        'Phases of the term in which the target applies, by kind ("warranty", "postWarranty") or phase name; omitted: all.',
        list(
          about('A phase kind or name, e.g. "warranty".', id()),
          "a list of phase names or kinds",
          20,
        ).optional(),
      ),
      onLevelChange: about(
        'On a level change: "recompute" from the original start, keeping pauses, or "restart" at the change; omitted: the contract\'s "onLevelChange" ("recompute" by default). A breach is final either way.',
        onLevelChange().optional(),
      ),
      escalations: about(
        "The escalation ladder: steps that fire as the clock runs, e.g. a reminder after 30 minutes and an escalation at 150 %.",
        list(step, "a list of escalation steps", 50).optional(),
      ),
    }),
  );

  // Inspections.
  const inspectionId = () => about('Stable id of the inspection, e.g. "monthlyCheck".', id());
  const inspectionName = () => about('Display name, e.g. "Monthly check".', text(200).optional());
  const inspectionTime = () =>
    about('Local time of day of each inspection, "HH:MM", e.g. "10:00"; default "00:00".', time().optional());
  const inspectionDue = () =>
    about(
      'How long after each inspection it (or its report) is due: business days "P7D" or working time "PT4H".',
      duration().optional(),
    );
  const inspectionCalendar = () =>
    about('Calendar for "due"; default: the contract\'s first calendar.', id().optional());
  const inspection = about(
    'An inspection obligation: recurring { "rrule", "start" }, a minimum number { "atLeast", "per" }, or on named dates { "dates" }.',
    z.union(
      [
        about(
          'A recurring inspection, e.g. { "id": "monthly", "rrule": "FREQ=MONTHLY;BYMONTHDAY=1", "start": "2025-01-01", "time": "10:00" }.',
          obj("a recurring inspection", {
            id: inspectionId(),
            name: inspectionName(),
            rrule: about(
              'RFC 5545 RRULE without DTSTART, DAILY to YEARLY, without BYHOUR, BYMINUTE or BYSECOND, e.g. "FREQ=MONTHLY;BYMONTHDAY=1"; expanded in the contract\'s zone. UNTIL is an inclusive local date, COUNT at most 10000.',
              z
                .string(marker({ c: "E_RRULE_INVALID", e: 'an RRULE such as "FREQ=MONTHLY;BYMONTHDAY=1"' }))
                .max(1024),
            ),
            start: about(
              'First local date of the recurrence (its DTSTART date), "YYYY-MM-DD", e.g. "2025-01-01".',
              date(),
            ),
            time: inspectionTime(),
            due: inspectionDue(),
            calendar: inspectionCalendar(),
          }),
        ),
        about(
          'A minimum number of inspections per period, e.g. { "id": "quarterly", "atLeast": 1, "per": "quarter" }.',
          obj("an inspection rule { atLeast, per }", {
            id: inspectionId(),
            name: inspectionName(),
            atLeast: about(
              "At least this many inspections in every period, a whole number from 1 to 366.",
              z
                .number(marker({ e: "a whole number from 1 to 366" }))
                .int()
                .min(1)
                .max(366),
            ),
            per: about(
              'The period: "month", "quarter" or "year" (calendar periods in the contract\'s zone).',
              z.enum(["month", "quarter", "year"], marker({ e: '"month", "quarter" or "year"' })),
            ),
          }),
        ),
        about(
          'Inspections on dates the customer names, e.g. { "id": "beforeExams", "dates": ["2025-06-01"] }.',
          obj("inspections on named dates", {
            id: inspectionId(),
            name: inspectionName(),
            dates: about(
              'The local dates, "YYYY-MM-DD", e.g. ["2025-06-01", "2025-12-01"].',
              list(about('A local date "YYYY-MM-DD".', date()), "a non-empty list of dates", 1000, 1),
            ),
            time: inspectionTime(),
            due: inspectionDue(),
            calendar: inspectionCalendar(),
          }),
        ),
      ],
      marker({
        e: 'an inspection: { "rrule", "start" }, { "atLeast", "per" } or { "dates" }',
        t: ["key:rrule", "key:atLeast", "key:dates"],
      }),
    ),
  );

  // KPIs.
  const kpiCommon = () => ({
    id: about('Stable id of the KPI, e.g. "consultationSatisfaction".', id()),
    name: about('Display name, e.g. "Consultation satisfaction".', text(200).optional()),
    description: about("Plain-words definition of the KPI from the contract.", text(4000).optional()),
  });
  const kind = <K extends string>(value: K, description: string) => about(description, z.literal(value));
  const minRatio = (what: string) =>
    about(`Lowest passing ${what}, a ratio from 0 to 1, e.g. 0.98 for 98 %.`, ratio());
  const kpi = about(
    'A KPI and its target, by "kind": "satisfaction", "meanHandlingTime", "resolutionRate", "targetCompliance" or "inspectionCompliance". Ratios are from 0 to 1.',
    z.discriminatedUnion(
      "kind",
      [
        about(
          'Satisfaction: satisfied answers among the surveys of a channel, e.g. { "id": "csat", "kind": "satisfaction", "channel": "consultation", "min": 0.98 }.',
          obj("a satisfaction KPI", {
            ...kpiCommon(),
            kind: kind("satisfaction", "Satisfied survey answers of the channel ÷ all its answers."),
            channel: about(
              'The surveyed channel, as "survey" events name it, e.g. "consultation" or "onSite".',
              id(),
            ),
            min: minRatio("share of satisfied answers"),
          }),
        ),
        about(
          'Mean handling time of a channel\'s resolved tickets, e.g. { "id": "aht", "kind": "meanHandlingTime", "channel": "consultation", "max": "PT6M" }.',
          obj("a mean handling time KPI", {
            ...kpiCommon(),
            kind: kind(
              "meanHandlingTime",
              "Mean wall-clock time from opening to resolution of the channel's resolved tickets.",
            ),
            channel: about('The service channel of the tickets counted, e.g. "consultation".', id()),
            max: about(
              'Highest passing mean, as "PT…" or integer milliseconds, e.g. "PT6M"; exactly on target passes.',
              duration(),
            ),
          }),
        ),
        about(
          'Resolution rate: resolved tickets among all, e.g. { "id": "resolved", "kind": "resolutionRate", "min": 0.9 }.',
          obj("a resolution rate KPI", {
            ...kpiCommon(),
            kind: kind("resolutionRate", "Resolved tickets ÷ all tickets (of the channel, if given)."),
            min: minRatio("share of resolved tickets"),
            channel: about(
              'Only the tickets of this service channel, e.g. "onSite"; omitted: all tickets.',
              id().optional(),
            ),
          }),
        ),
        about(
          'Compliance with a target: met cycles among the decided ones, e.g. { "id": "responseOnTime", "kind": "targetCompliance", "target": "response", "min": 0.95 }.',
          obj("a target compliance KPI", {
            ...kpiCommon(),
            kind: kind("targetCompliance", "Met cycles of the target ÷ decided cycles (met or breached)."),
            target: about('Id of the target, e.g. "response".', id()),
            level: about(
              'Only the cycles at this level, e.g. "major"; omitted: every level.',
              id().optional(),
            ),
            min: minRatio("share of met cycles"),
          }),
        ),
        about(
          'Inspection compliance: planned inspections done among those done or due, e.g. { "id": "inspected", "kind": "inspectionCompliance", "min": 1 }.',
          obj("an inspection compliance KPI", {
            ...kpiCommon(),
            kind: kind("inspectionCompliance", "Planned inspections done ÷ those done or due."),
            min: minRatio("share of inspections done"),
          }),
        ),
      ],
      marker({
        e: 'a KPI kind: "satisfaction", "meanHandlingTime", "resolutionRate", "targetCompliance" or "inspectionCompliance"',
      }),
    ),
  );

  const contract = obj("a contract", {
    id: about('Stable id of the contract, e.g. "acme-helpdesk"; reports carry it.', id()),
    name: about('Display name, e.g. "ACME helpdesk".', text(200).optional()),
    source: about(
      "Where the rules come from, in words: the document, its date, and anything made up.",
      text(4000).optional(),
    ),
    timezone: about(
      'IANA time zone of the contract, e.g. "Asia/Shanghai": the zone of term dates, inspections and report periods.',
      zone(),
    ),
    calendars: about(
      'Named calendars, e.g. { "office": { "timezone": "Asia/Shanghai", "week": { "mon": [["09:00", "18:00"]] } }, "hotline": { "timezone": "Asia/Shanghai", "week": "24x7" } }; targets and inspections name them.',
      z.record(
        about('Name of the calendar, e.g. "office" or "hotline".', id()),
        calendar,
        marker({ e: '{ "<calendar name>": calendar }' }),
      ),
    ),
    term: about(
      'The contract term: what starts it, on which local date, and its phases, e.g. 5 years of warranty then 3 years of maintenance; omitted: the contract is in phase "none".',
      term.optional(),
    ),
    tiers: about(
      'Support tiers in escalation order, e.g. ["desk", "engineer", "expert", "vendor"]; an "escalate" step names one.',
      list(about('A support tier, e.g. "engineer".', id()), "a list of tiers", 20).optional(),
    ),
    levels: about(
      'Fault levels, tried in order: the first whose "when" matches a ticket\'s facts wins, e.g. [{ "id": "major", "when": { … } }, { "id": "minor" }].',
      list(level, "a non-empty list of fault levels", 100, 1),
    ),
    defaultLevel: about(
      'Id of the level used when a ticket names none and no condition matches, e.g. "minor".',
      id().optional(),
    ),
    onLevelChange: about(
      'Default for the targets\' "onLevelChange": "recompute" (the default) or "restart".',
      onLevelChange().optional(),
    ),
    eventTypes: about(
      'Event types the host sends besides the built-in ones (opened, levelChanged, statusChanged, resolved, reopened, closed, survey) and those the targets name, e.g. ["assigned", "onSite"].',
      list(about('An event type, e.g. "onSite".', id()), "a list of event types", 500).optional(),
    ),
    targets: about(
      "Targets: clocks with deadlines, e.g. respond within 30 minutes, resolve within 2 business days.",
      list(target, "a list of targets", 200),
    ),
    inspections: about(
      "Inspection obligations: recurring (an RRULE), a minimum number per month, quarter or year, or on named dates.",
      list(inspection, "a list of inspections", 200).optional(),
    ),
    kpis: about(
      "KPIs and their targets: satisfaction, mean handling time, resolution rate, target compliance, inspection compliance.",
      list(kpi, "a list of KPIs", 200).optional(),
    ),
    // Last, so that the fields of the contract come first in "did you mean" lists and editors' outlines.
    $schema: about(
      'The URL or path of this JSON Schema, for editors, e.g. "https://unpkg.com/slakit/dist/schema.json" or "./node_modules/slakit/dist/schema.json". parseContract accepts and drops it: it is not part of the contract.',
      z
        .string(marker({ e: "the URL or path of a JSON Schema" }))
        .max(SCHEMA_REFERENCE_MAX)
        .optional(),
    ),
  });
  return { contract, calendar, condition, docs };
}

let built: ReturnType<typeof build> | undefined;

/** The schemas, built once. @internal */
export function schemas(): ReturnType<typeof build> {
  built ??= build();
  return built;
}
