/**
 * The contract model: the JSON a person writes (`…Input` types) and the validated, compiled form
 * (`Contract`) that the engine reads. Durations are ISO 8601 (`"PT30M"` working time, `"P2D"` business days),
 * contract periods are `"P5Y"` / `"P6M"` (civil years and months), dates are `"YYYY-MM-DD"` in the contract's
 * zone, and instants are ISO strings with an offset.
 * @module
 */

import type { Calendar, CalendarSpec, Duration } from "../calendar/index.js";
import type { ParsedDuration } from "../calendar/kernel.js";
import type { COMPILED, CompiledContract } from "./compiled.js";

/** A condition in json-rules-engine's JSON format (`all` / `any` / `not`, or `fact` / `operator` / `value`). @category Contracts */
export type ConditionInput =
  | {
      /** Holds when every condition of the list (1–100 entries) holds. */
      readonly all: readonly ConditionInput[];
    }
  | {
      /** Holds when at least one condition of the list (1–100 entries) holds. */
      readonly any: readonly ConditionInput[];
    }
  | {
      /** Holds when this condition does not. */
      readonly not: ConditionInput;
    }
  | {
      /**
       * Name of a ticket fact, e.g. `"outageMinutes"`: a letter, then letters, digits or `_`. A ticket without the
       * fact makes every comparison on it false.
       */
      readonly fact: string;
      /** How the fact is compared with `value`; `in` / `notIn` take a list, `contains` / `doesNotContain` a list fact. */
      readonly operator: ConditionOperator;
      /**
       * The constant compared with: a string (at most 200 characters), a finite number or a boolean, or a list of
       * 1–100 of them. Types are strict: `"45"` is not `45`, and one fact has one type across all conditions.
       */
      readonly value: string | number | boolean | readonly (string | number | boolean)[];
    };

/** The json-rules-engine operators a condition may use. @category Contracts */
export type ConditionOperator =
  | "equal"
  | "notEqual"
  | "lessThan"
  | "lessThanInclusive"
  | "greaterThan"
  | "greaterThanInclusive"
  | "in"
  | "notIn"
  | "contains"
  | "doesNotContain";

/** A fault level, e.g. seed 002's level 1 "major". Levels are tried in order; the first that matches wins. @category Contracts */
export interface LevelInput {
  /** Stable id used by targets and tickets, e.g. `"level1"`. */
  readonly id: string;
  /** Display name. */
  readonly name?: string;
  /** Plain-words definition from the contract. */
  readonly description?: string;
  /** When the level applies; omitted: only by explicit choice or as the default. */
  readonly when?: ConditionInput;
}

/** A phase of the contract term, e.g. 5 years of warranty then 3 years of maintenance. @category Contracts */
export interface PhaseInput {
  /** Name shown in reports, e.g. `"warranty"` or `"maintenance"`. */
  readonly name: string;
  /** What the phase is. */
  readonly kind: "warranty" | "postWarranty";
  /** Length in civil years and months: `"P5Y"`, `"P3Y"`, `"P18M"`, `"P1Y6M"`. */
  readonly length: string;
}

/** The contract term: phases counted in civil years and months from the start date. @category Contracts */
export interface TermInput {
  /** What starts the term, in words, e.g. `"acceptance signed by both parties"`. */
  readonly startEvent: string;
  /** The local date of that event, `"YYYY-MM-DD"` in the contract's zone. */
  readonly startDate: string;
  /** `"exclusive"` (default, the civil rule: the start day is not counted) or `"inclusive"`. */
  readonly counting?: "exclusive" | "inclusive";
  /** Consecutive phases from the start date. */
  readonly phases: readonly PhaseInput[];
}

/** How a target's clock starts. @category Contracts */
export type StartInput =
  /** At the first event of this type (or any of these types). */
  | {
      /** The event type, or list of types, whose first occurrence starts the clock, e.g. `"opened"`. */
      readonly event: string | readonly string[];
    }
  /** At the moment another target of the same ticket is breached (its time ran out while not stopped). */
  | {
      /**
       * Id of another target of the same ticket, e.g. `"resolve"`: this clock starts at that target's
       * `lastCompliantAt` once it is breached, stays pending until then, and is cancelled when it is met.
       */
      readonly breachOf: string;
    };

/** Pausing: between a pair of events, or while the ticket is in one of the given statuses. @category Contracts */
export type PauseInput =
  | {
      /** Event type that pauses the clock, e.g. `"awaitingCustomer"`; a second one while paused is ignored. */
      readonly event: string;
      /** Event type that resumes the clock, e.g. `"customerReplied"`; one without a pause is ignored. */
      readonly resumeEvent: string;
    }
  | {
      /**
       * Ticket statuses (set by `statusChanged` events) during which the clock is paused, e.g.
       * `["pending", "onHold"]`: 1–50 entries.
       */
      readonly statuses: readonly string[];
    };

/** When an escalation step fires. @category Contracts */
export type StepAtInput =
  /** After this much working time has elapsed on the target (pauses excluded). */
  | {
      /** Working time elapsed on the target's calendar, pauses excluded, e.g. `"PT30M"` (not business days). */
      readonly after: Duration;
    }
  /** When this percentage (0–1000) of the target's duration has elapsed. */
  | {
      /**
       * Percentage of the target's working-time budget, 0 to 1000 (e.g. `80`, `150`); the step's elapsed time is
       * rounded down to whole milliseconds, so it never fires late.
       */
      readonly percent: number;
    }
  /** This much working time before `dueAt`. */
  | {
      /** Working time before `dueAt` on the target's calendar, e.g. `"PT15M"`; never earlier than the start. */
      readonly beforeDue: Duration;
    }
  /** This much working time after `dueAt`. */
  | {
      /** Working time after `dueAt` on the target's calendar, e.g. `"PT1H"`; skipped if the clock stops first. */
      readonly afterDue: Duration;
    };

/** One step of an escalation ladder. @category Contracts */
export interface StepInput {
  /** Stable id within the target, e.g. `"remind30"`. */
  readonly id: string;
  /** When the step fires, measured on the target's clock. */
  readonly at: StepAtInput;
  /** `"notify"`, `"reassign"`, `"escalate"` or any host-defined word. */
  readonly action: string;
  /** Recipients (roles or tier names). */
  readonly to?: readonly string[];
  /** For `"escalate"`: the tier escalated to; must be one of the contract's tiers. */
  readonly tier?: string;
}

/** A target: a clock with a deadline. @category Contracts */
export interface TargetInput {
  /** Stable id, e.g. `"response"`, `"resolve"`, `"restore"`, `"problemReport"`. */
  readonly id: string;
  /** Display name, e.g. `"First response"`; reports show it. */
  readonly name?: string;
  /** Plain-words definition of the target from the contract. */
  readonly description?: string;
  /** Name of one of the contract's calendars: the clock counts its working time. */
  readonly calendar: string;
  /** When the clock starts: at an event, or when another target is breached. */
  readonly start: StartInput;
  /** The first of these events after the start meets (stops) the clock. */
  readonly stop: {
    /** The event type, or list of types, that stops the clock, e.g. `"responded"` or `["resolved", "closed"]`. */
    readonly event: string | readonly string[];
  };
  /** When the clock is paused; paused working time does not count. Omitted: never paused. */
  readonly pause?: PauseInput;
  /** Each of these events ends the current cycle (met, or breached if late) and starts a new one. */
  readonly reset?: {
    /** The event type, or list of types, that resets the clock, e.g. `"reopened"`. */
    readonly event: string | readonly string[];
  };
  /** Any of these events cancels the running clock (e.g. a ticket withdrawn). */
  readonly cancel?: {
    /** The event type, or list of types, that cancels the clock, e.g. `"withdrawn"`. */
    readonly event: string | readonly string[];
  };
  /**
   * One duration for every level, or one per level id (`"*"` for the others). A level without a duration
   * (and no `"*"`) is not subject to this target.
   */
  readonly duration:
    | Duration
    | {
        /** A level id, or `"*"` for every level not listed: its duration, e.g. `"PT4H"` or `"P2D"`. */
        readonly [level: string]: Duration;
      };
  /** Phases of the term in which the target applies (by kind or phase name); default: all. */
  readonly phases?: readonly string[];
  /** On a level change: recompute from the original start keeping pauses (default), or restart at the change. */
  readonly onLevelChange?: "recompute" | "restart";
  /** The escalation ladder: steps that fire as the clock runs (at most 50, ids unique within the target). */
  readonly escalations?: readonly StepInput[];
}

/** An inspection obligation. @category Contracts */
export type InspectionInput =
  | {
      /** Stable id of the inspection, e.g. `"monthlyCheck"`. */
      readonly id: string;
      /** Display name, e.g. `"Monthly check"`. */
      readonly name?: string;
      /** RFC 5545 RRULE without DTSTART, e.g. `"FREQ=MONTHLY;BYMONTHDAY=1"`; expanded in the contract's zone. */
      readonly rrule: string;
      /** First local date of the recurrence (its DTSTART date). */
      readonly start: string;
      /** Local time of day of each occurrence, default `"00:00"`. */
      readonly time?: string;
      /** How long after each occurrence the inspection or its report is due: `"P7D"` (business days) or `"PT…"`. */
      readonly due?: Duration;
      /** Calendar for `due`; default: the contract's first calendar. */
      readonly calendar?: string;
    }
  | {
      /** Stable id of the inspection, e.g. `"quarterly"`. */
      readonly id: string;
      /** Display name. */
      readonly name?: string;
      /** At least this many inspections in every period, a whole number from 1 to 366. */
      readonly atLeast: number;
      /** The period: a calendar month, quarter or year in the contract's zone, cut at local midnight. */
      readonly per: "month" | "quarter" | "year";
    }
  | {
      /** Stable id of the inspection, e.g. `"beforeExams"`. */
      readonly id: string;
      /** Display name. */
      readonly name?: string;
      /** One-off local dates the customer names, e.g. before an important period. */
      readonly dates: readonly string[];
      /** Local time of day of each inspection, default `"00:00"`. */
      readonly time?: string;
      /** How long after each inspection it or its report is due: `"P7D"` (business days) or `"PT…"`. */
      readonly due?: Duration;
      /** Calendar for `due`; default: the contract's first calendar. */
      readonly calendar?: string;
    };

/** Fields every KPI may carry. @category Contracts */
export interface KpiCommonInput {
  /** Stable id, e.g. `"consultationSatisfaction"`. */
  readonly id: string;
  /** Display name. */
  readonly name?: string;
  /** Plain-words definition from the contract. */
  readonly description?: string;
}

/** A KPI and its target. Ratios are between 0 and 1. @category Contracts */
export type KpiInput =
  | (KpiCommonInput & {
      /** Satisfied survey answers of the channel ÷ all its answers. */
      readonly kind: "satisfaction";
      /** The surveyed channel, as `survey` events name it, e.g. `"consultation"`. */
      readonly channel: string;
      /** Lowest passing share of satisfied answers, 0 to 1 (e.g. `0.98`). */
      readonly min: number;
    })
  | (KpiCommonInput & {
      /** Mean wall-clock time from opening to resolution of the channel's resolved tickets. */
      readonly kind: "meanHandlingTime";
      /** The service channel (`Ticket.channel`) of the tickets counted, e.g. `"consultation"`. */
      readonly channel: string;
      /** Highest passing mean: `"PT…"` or integer milliseconds, e.g. `"PT6M"`; exactly on it passes. */
      readonly max: Duration;
    })
  | (KpiCommonInput & {
      /** Resolved tickets ÷ all tickets (of the channel, if given). */
      readonly kind: "resolutionRate";
      /** Lowest passing share of resolved tickets, 0 to 1. */
      readonly min: number;
      /** Only the tickets of this service channel; omitted: all tickets. */
      readonly channel?: string;
    })
  | (KpiCommonInput & {
      /** Met cycles of the target ÷ decided cycles (met, breached, or open and already breached). */
      readonly kind: "targetCompliance";
      /** Id of the target, e.g. `"response"`. */
      readonly target: string;
      /** Only the cycles at this fault level; omitted: every level. */
      readonly level?: string;
      /** Lowest passing share of met cycles, 0 to 1. */
      readonly min: number;
    })
  | (KpiCommonInput & {
      /** Planned inspections done ÷ those done or due. */
      readonly kind: "inspectionCompliance";
      /** Lowest passing share of inspections done, 0 to 1. */
      readonly min: number;
    });

/** A service contract as JSON. @category Contracts */
export interface ContractInput {
  /** Stable id of the contract, e.g. `"acme-helpdesk"`; reports carry it. */
  readonly id: string;
  /** Display name, e.g. `"ACME helpdesk"`. */
  readonly name?: string;
  /** Where the rules come from, in words. */
  readonly source?: string;
  /** IANA zone of the contract: term dates, inspections, report periods. */
  readonly timezone: string;
  /** Named calendars. */
  readonly calendars: {
    /** A calendar by name (an id, e.g. `"office"`), as targets and inspections refer to it. */
    readonly [name: string]: CalendarSpec;
  };
  /** The contract term and its phases; omitted: every instant is in phase `"none"`. */
  readonly term?: TermInput;
  /** Support tiers in escalation order, e.g. `["desk", "engineer", "expert", "vendor"]`. */
  readonly tiers?: readonly string[];
  /** Fault levels, tried in order: the first whose `when` matches a ticket's facts wins (1–100 levels). */
  readonly levels: readonly LevelInput[];
  /** Level used when a ticket names none and no condition matches. */
  readonly defaultLevel?: string;
  /** Default for targets' `onLevelChange`. */
  readonly onLevelChange?: "recompute" | "restart";
  /** Event types the host sends besides the built-in ones and those the targets name. */
  readonly eventTypes?: readonly string[];
  /** Targets: clocks with deadlines (at most 200, ids unique). */
  readonly targets: readonly TargetInput[];
  /** Inspection obligations (at most 200). */
  readonly inspections?: readonly InspectionInput[];
  /** KPIs and their thresholds (at most 200), judged by `buildReport`. */
  readonly kpis?: readonly KpiInput[];
}

/** Built-in event types: `opened` starts a ticket; the others carry `level`, `status`, or a survey. @category Contracts */
export const BUILTIN_EVENT_TYPES = Object.freeze([
  "opened",
  "levelChanged",
  "statusChanged",
  "resolved",
  "reopened",
  "closed",
  "survey",
] as const);

/** A compiled target: durations parsed per level. @category Contracts */
export interface CompiledTarget {
  /** The target's id. */
  readonly id: string;
  /** The target as written in the contract. */
  readonly input: TargetInput;
  /** The compiled calendar named by `input.calendar`. */
  readonly calendar: Calendar;
  /** What starts the clock. */
  readonly start:
    | {
        /** The event types whose first occurrence starts the clock (a single type becomes a list of one). */
        readonly events: readonly string[];
      }
    | {
        /** Id of the target whose breach starts the clock; it comes earlier in `Contract.targets`. */
        readonly breachOf: string;
      };
  /** Event types that stop (meet) the clock. */
  readonly stopEvents: readonly string[];
  /** Event types that end the cycle and start a new one; `[]` without `reset`. */
  readonly resetEvents: readonly string[];
  /** Event types that cancel the running clock; `[]` without `cancel`. */
  readonly cancelEvents: readonly string[];
  /** How the clock pauses; `undefined`: it never pauses. */
  readonly pause:
    | {
        /** Paused between a pair of events. */
        readonly kind: "events";
        /** Event type that pauses the clock. */
        readonly event: string;
        /** Event type that resumes it. */
        readonly resumeEvent: string;
      }
    | {
        /** Paused while the ticket's status is one of `statuses`. */
        readonly kind: "statuses";
        /** The statuses (from `statusChanged` events) that pause the clock. */
        readonly statuses: readonly string[];
      }
    | undefined;
  /**
   * Duration for a level id, or `undefined` when the level is not subject to the target.
   * @param level - A fault level id; a level the target does not list gets the `"*"` duration, if any.
   */
  durationFor(level: string): ParsedDuration | undefined;
  /** Phase kinds or names in which the target applies; `undefined`: in every phase, and without a term. */
  readonly phases: readonly string[] | undefined;
  /** What a level change does: the target's own setting, else the contract's, else `"recompute"`. */
  readonly onLevelChange: "recompute" | "restart";
  /** The escalation steps, in the order written. */
  readonly steps: readonly CompiledStep[];
}

/** A compiled escalation step. @category Contracts */
export interface CompiledStep {
  /** The step's id, unique within its target. */
  readonly id: string;
  /** When the step fires, with its duration in working milliseconds. */
  readonly at:
    | {
        /** At elapsed working time `ms`. */
        readonly kind: "after";
        /** Working time elapsed on the clock, ms. */
        readonly ms: number;
      }
    | {
        /** At a percentage of the target's budget. */
        readonly kind: "percent";
        /** 0 to 1000; the elapsed time is `floor(budget × percent / 100)` ms. */
        readonly percent: number;
      }
    | {
        /** Working time `ms` before `dueAt`. */
        readonly kind: "beforeDue";
        /** Working time before `dueAt`, ms. */
        readonly ms: number;
      }
    | {
        /** Working time `ms` after `dueAt`. */
        readonly kind: "afterDue";
        /** Working time after `dueAt`, ms. */
        readonly ms: number;
      };
  /** The action, e.g. `"notify"` or `"escalate"`. */
  readonly action: string;
  /** Recipients; `[]` when the step names none. */
  readonly to: readonly string[];
  /** The tier escalated to; `undefined` when the step names none. */
  readonly tier: string | undefined;
}

/**
 * A validated, compiled, frozen contract. Create it with `parseContract`.
 * @category Contracts
 */
export interface Contract {
  /** The contract's id. */
  readonly id: string;
  /** The validated input (as given, minus nothing: a round trip through JSON gives the same contract). */
  readonly input: ContractInput;
  /** IANA zone of the contract, as written: term dates, inspections and report periods are local to it. */
  readonly timezone: string;
  /** The compiled calendars, by name. */
  readonly calendars: ReadonlyMap<string, Calendar>;
  /** The fault levels, in the order they are tried. */
  readonly levels: readonly LevelInput[];
  /** Level used when a ticket names none and no condition matches; `undefined` when the contract has none. */
  readonly defaultLevel: string | undefined;
  /** Targets in dependency order: a `breachOf` target comes after the target it depends on. */
  readonly targets: readonly CompiledTarget[];
  /** Every event type the contract knows: built-ins, those its targets name, and `eventTypes`. */
  readonly eventTypes: ReadonlySet<string>;
  /** @internal */
  readonly [COMPILED]: CompiledContract;
}
