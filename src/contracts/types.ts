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
  | { readonly all: readonly ConditionInput[] }
  | { readonly any: readonly ConditionInput[] }
  | { readonly not: ConditionInput }
  | {
      readonly fact: string;
      readonly operator: ConditionOperator;
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
  | { readonly event: string | readonly string[] }
  /** At the moment another target of the same ticket is breached (its time ran out while not stopped). */
  | { readonly breachOf: string };

/** Pausing: between a pair of events, or while the ticket is in one of the given statuses. @category Contracts */
export type PauseInput =
  | { readonly event: string; readonly resumeEvent: string }
  | { readonly statuses: readonly string[] };

/** When an escalation step fires. @category Contracts */
export type StepAtInput =
  /** After this much working time has elapsed on the target (pauses excluded). */
  | { readonly after: Duration }
  /** When this percentage (0–1000) of the target's duration has elapsed. */
  | { readonly percent: number }
  /** This much working time before `dueAt`. */
  | { readonly beforeDue: Duration }
  /** This much working time after `dueAt`. */
  | { readonly afterDue: Duration };

/** One step of an escalation ladder. @category Contracts */
export interface StepInput {
  /** Stable id within the target, e.g. `"remind30"`. */
  readonly id: string;
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
  readonly name?: string;
  readonly description?: string;
  /** Name of one of the contract's calendars. */
  readonly calendar: string;
  readonly start: StartInput;
  /** The first of these events after the start meets (stops) the clock. */
  readonly stop: { readonly event: string | readonly string[] };
  readonly pause?: PauseInput;
  /** Each of these events ends the current cycle (met, or breached if late) and starts a new one. */
  readonly reset?: { readonly event: string | readonly string[] };
  /** Any of these events cancels the running clock (e.g. a ticket withdrawn). */
  readonly cancel?: { readonly event: string | readonly string[] };
  /**
   * One duration for every level, or one per level id (`"*"` for the others). A level without a duration
   * (and no `"*"`) is not subject to this target.
   */
  readonly duration: Duration | { readonly [level: string]: Duration };
  /** Phases of the term in which the target applies (by kind or phase name); default: all. */
  readonly phases?: readonly string[];
  /** On a level change: recompute from the original start keeping pauses (default), or restart at the change. */
  readonly onLevelChange?: "recompute" | "restart";
  readonly escalations?: readonly StepInput[];
}

/** An inspection obligation. @category Contracts */
export type InspectionInput =
  | {
      readonly id: string;
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
      readonly id: string;
      readonly name?: string;
      /** At least this many inspections in every period. */
      readonly atLeast: number;
      readonly per: "month" | "quarter" | "year";
    }
  | {
      readonly id: string;
      readonly name?: string;
      /** One-off local dates the customer names, e.g. before an important period. */
      readonly dates: readonly string[];
      /** Local time of day of each inspection, default `"00:00"`. */
      readonly time?: string;
      readonly due?: Duration;
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
  | (KpiCommonInput & { readonly kind: "satisfaction"; readonly channel: string; readonly min: number })
  | (KpiCommonInput & { readonly kind: "meanHandlingTime"; readonly channel: string; readonly max: Duration })
  | (KpiCommonInput & { readonly kind: "resolutionRate"; readonly min: number; readonly channel?: string })
  | (KpiCommonInput & {
      readonly kind: "targetCompliance";
      readonly target: string;
      readonly level?: string;
      readonly min: number;
    })
  | (KpiCommonInput & { readonly kind: "inspectionCompliance"; readonly min: number });

/** A service contract as JSON. @category Contracts */
export interface ContractInput {
  readonly id: string;
  readonly name?: string;
  /** Where the rules come from, in words. */
  readonly source?: string;
  /** IANA zone of the contract: term dates, inspections, report periods. */
  readonly timezone: string;
  /** Named calendars. */
  readonly calendars: { readonly [name: string]: CalendarSpec };
  readonly term?: TermInput;
  /** Support tiers in escalation order, e.g. `["desk", "engineer", "expert", "vendor"]`. */
  readonly tiers?: readonly string[];
  readonly levels: readonly LevelInput[];
  /** Level used when a ticket names none and no condition matches. */
  readonly defaultLevel?: string;
  /** Default for targets' `onLevelChange`. */
  readonly onLevelChange?: "recompute" | "restart";
  /** Event types the host sends besides the built-in ones and those the targets name. */
  readonly eventTypes?: readonly string[];
  readonly targets: readonly TargetInput[];
  readonly inspections?: readonly InspectionInput[];
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
  readonly id: string;
  readonly input: TargetInput;
  readonly calendar: Calendar;
  readonly start: { readonly events: readonly string[] } | { readonly breachOf: string };
  readonly stopEvents: readonly string[];
  readonly resetEvents: readonly string[];
  readonly cancelEvents: readonly string[];
  readonly pause:
    | { readonly kind: "events"; readonly event: string; readonly resumeEvent: string }
    | { readonly kind: "statuses"; readonly statuses: readonly string[] }
    | undefined;
  /** Duration for a level id, or `undefined` when the level is not subject to the target. */
  durationFor(level: string): ParsedDuration | undefined;
  readonly phases: readonly string[] | undefined;
  readonly onLevelChange: "recompute" | "restart";
  readonly steps: readonly CompiledStep[];
}

/** A compiled escalation step. @category Contracts */
export interface CompiledStep {
  readonly id: string;
  readonly at:
    | { readonly kind: "after"; readonly ms: number }
    | { readonly kind: "percent"; readonly percent: number }
    | { readonly kind: "beforeDue"; readonly ms: number }
    | { readonly kind: "afterDue"; readonly ms: number };
  readonly action: string;
  readonly to: readonly string[];
  readonly tier: string | undefined;
}

/**
 * A validated, compiled, frozen contract. Create it with `parseContract`.
 * @category Contracts
 */
export interface Contract {
  readonly id: string;
  /** The validated input (as given, minus nothing: a round trip through JSON gives the same contract). */
  readonly input: ContractInput;
  readonly timezone: string;
  readonly calendars: ReadonlyMap<string, Calendar>;
  readonly levels: readonly LevelInput[];
  readonly defaultLevel: string | undefined;
  /** Targets in dependency order: a `breachOf` target comes after the target it depends on. */
  readonly targets: readonly CompiledTarget[];
  /** Every event type the contract knows: built-ins, those its targets name, and `eventTypes`. */
  readonly eventTypes: ReadonlySet<string>;
  /** @internal */
  readonly [COMPILED]: CompiledContract;
}
