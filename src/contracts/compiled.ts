/**
 * The compiled contract: what `parseContract` derives once, carried by the frozen `Contract` under a symbol
 * (the pattern of `Calendar`), for `escalation` and `reporting` to read.
 * @internal
 * @module
 */

import type { Calendar, Engine, EpochMs, ParsedDuration, Recurrence, Zone } from "../calendar/kernel.js";
import { describeValue, SlaError } from "../errors.js";
import type { FactType } from "./compile/conditions.js";
import type { CompiledTarget, ConditionInput, KpiInput } from "./types.js";

export type { FactType };

/** A fact name's type and the condition that fixed it, for messages. @internal */
export interface FactInfo {
  readonly type: FactType;
  readonly operator: string;
  readonly path: string;
}

/** A phase with its instants. @internal */
export interface CompiledPhase {
  readonly name: string;
  readonly kind: "warranty" | "postWarranty";
  readonly from: EpochMs;
  readonly until: EpochMs;
}

/** A compiled inspection obligation. @internal */
export type CompiledInspection =
  | {
      readonly kind: "recurring";
      readonly id: string;
      readonly name: string | undefined;
      readonly rec: Recurrence;
      readonly timeSeconds: number;
      readonly due: ParsedDuration | undefined;
      readonly calendar: Calendar | undefined;
    }
  | {
      readonly kind: "atLeast";
      readonly id: string;
      readonly name: string | undefined;
      readonly atLeast: number;
      readonly per: "month" | "quarter" | "year";
    }
  | {
      readonly kind: "named";
      readonly id: string;
      readonly name: string | undefined;
      /** Local day numbers, ascending, unique. */
      readonly days: readonly number[];
      readonly timeSeconds: number;
      readonly due: ParsedDuration | undefined;
      readonly calendar: Calendar | undefined;
    };

/**
 * The roles an event type can play for a target, as bits: it starts, stops (meets), resets, cancels, pauses or
 * resumes the clock; every target follows level changes, and status changes where it pauses by status.
 * @internal
 */
export const EVENT_ROLE = Object.freeze({
  start: 1,
  stop: 2,
  reset: 4,
  cancel: 8,
  pause: 16,
  resume: 32,
  level: 64,
  status: 128,
});

/** The numbers of the built-in event types (the first numbers of every contract). @internal */
export const BUILTIN_EVENT = Object.freeze({
  opened: 0,
  levelChanged: 1,
  statusChanged: 2,
  resolved: 3,
  reopened: 4,
  closed: 5,
  survey: 6,
});

/** The rules of one target, with its event types numbered and its `breachOf` parent resolved. @internal */
export interface TargetRules {
  /** Position in `contract.targets` (parents before the targets chained to them). */
  readonly index: number;
  readonly id: string;
  readonly target: CompiledTarget;
  /** The engine of the target's calendar. */
  readonly engine: Engine;
  /** Index of the `breachOf` parent, or -1. */
  readonly parent: number;
  /** {@link EVENT_ROLE} bits per event type number (0: the target ignores the type). */
  readonly roles: readonly number[];
  readonly startEvents: readonly number[];
  readonly stopEvents: readonly number[];
  readonly resetEvents: readonly number[];
  readonly cancelEvents: readonly number[];
  readonly pause:
    | { readonly kind: "events"; readonly pauseEvent: number; readonly resumeEvent: number }
    | { readonly kind: "statuses"; readonly statuses: ReadonlySet<string> }
    | undefined;
  /**
   * The duration of each level of the contract that is subject to the target (what `target.durationFor` gives
   * for the contract's levels); a level that is absent is not subject to it.
   */
  readonly durationByLevel: ReadonlyMap<string, ParsedDuration>;
  /** The phase kinds and names in which the target applies (`target.phases`); `undefined`: in every phase. */
  readonly appliesInPhases: ReadonlySet<string> | undefined;
}

/** How a KPI is judged: its unit, the comparison that passes and the threshold in that unit. @internal */
export interface KpiRule {
  readonly unit: "ratio" | "ms";
  readonly comparison: "atLeast" | "atMost";
  readonly threshold: number;
}

/** A KPI of the contract with its rule. @internal */
export interface CompiledKpi extends KpiRule {
  readonly definition: KpiInput;
}

/**
 * Everything `parseContract` derives once for the modules above it: event types numbered, targets' rules
 * parents-first, the term's phases and the inspections in epoch ms, KPI thresholds, the conditions' facts.
 * Nothing above `contracts` derives any of it again.
 * @internal
 */
export interface CompiledContract {
  readonly zone: Zone;
  /** Hash of the contract's canonical input JSON: reports merge only when it matches. */
  readonly fingerprint: string;
  /** Event type names by number: the built-in types first (in `BUILTIN_EVENT_TYPES` order), then the others. */
  readonly eventTypes: readonly string[];
  /** Event type name → number. */
  readonly eventNumbers: ReadonlyMap<string, number>;
  readonly levels: ReadonlySet<string>;
  /** Level id → its position in `contract.levels` (the order reports list levels in). */
  readonly levelIndex: ReadonlyMap<string, number>;
  /** One per target of `contract.targets`, in that order (parents first). */
  readonly targets: readonly TargetRules[];
  /** Target id → index. */
  readonly targetIndex: ReadonlyMap<string, number>;
  /** The term's phases in order; `undefined` without a term. */
  readonly phases: readonly CompiledPhase[] | undefined;
  readonly inspections: readonly CompiledInspection[];
  readonly kpis: readonly CompiledKpi[];
  readonly facts: ReadonlyMap<string, FactInfo>;
  /** Levels with a condition, in order. */
  readonly rules: readonly { readonly index: number; readonly id: string; readonly when: ConditionInput }[];
}

/** The key under which a `Contract` carries its compiled form. @internal */
export const COMPILED: unique symbol = Symbol("slakit.contract");

/**
 * The compiled form of a contract made by `parseContract`.
 * @throws SlaError `E_TYPE` for anything else.
 * @internal
 */
export function compiledOf(contract: unknown): CompiledContract {
  const compiled =
    typeof contract === "object" && contract !== null
      ? (contract as { [COMPILED]?: CompiledContract })[COMPILED]
      : undefined;
  if (compiled === undefined) {
    throw new SlaError(
      "E_TYPE",
      `Expected a Contract from parseContract(), received ${describeValue(contract)}`,
      "contract",
    );
  }
  return compiled;
}
