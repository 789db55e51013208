/**
 * A ticket's evaluation in epoch ms: everything `evaluateTicket` reports, with instants as integer epoch
 * milliseconds (`null` for none) and fixed shapes. Reports count it directly; `evaluateTicket` turns it into
 * the public `TicketStatus` (the only place `Date`s are made). Also the fold behind it: the cycles of each
 * target's clock.
 * @internal
 * @module
 */
import type { DurationMs, EpochMs, ParsedDuration } from "../calendar/kernel.js";
import type { TargetRules } from "../contracts/kernel.js";
import type { EscalationStep, EvaluationWarning, TargetState, TicketStatus } from "./types.js";

/** One target cycle at `now`: `TargetStatus` in ms. @internal */
export interface TargetEvaluation {
  readonly id: string;
  readonly cycle: number;
  readonly state: TargetState;
  readonly level: string;
  readonly targetMs: number | undefined;
  readonly startedAt: EpochMs | null;
  readonly dueAt: EpochMs | null;
  readonly lastCompliantAt: EpochMs | null;
  /** `null` while the clock runs, is paused or pending. */
  readonly stoppedAt: EpochMs | null;
  /** `null` unless breached. */
  readonly breachedAt: EpochMs | null;
  readonly elapsedMs: number;
  readonly remainingMs: number;
  readonly pausedMs: number;
}

/** One escalation step at `now`: `EscalationStep` in ms, without its key (made at the edge). @internal */
export interface StepEvaluation {
  readonly targetId: string;
  readonly cycle: number;
  readonly stepId: string;
  readonly action: string;
  readonly to: readonly string[];
  readonly tier: string | undefined;
  readonly state: EscalationStep["state"];
  readonly at: EpochMs | null;
}

/** A survey answered up to `now`. @internal */
export interface SurveyEvaluation {
  readonly channel: string;
  readonly satisfied: boolean;
  readonly at: EpochMs;
}

/** A ticket at `now`, in ms. @internal */
export interface Evaluation {
  readonly ticketId: string;
  readonly now: EpochMs;
  readonly level: string;
  readonly phase: TicketStatus["phase"];
  readonly openedAt: EpochMs;
  readonly resolvedAt: EpochMs | null;
  readonly closedAt: EpochMs | null;
  readonly channel: string | undefined;
  readonly targets: readonly TargetEvaluation[];
  readonly steps: readonly StepEvaluation[];
  readonly surveys: readonly SurveyEvaluation[];
  readonly nextCheckAt: EpochMs | null;
  /** What changes at `nextCheckAt`, in evaluation order (targets parent-first, a cycle's breach before its steps' order). */
  readonly nextChanges: readonly NextChange[];
  readonly warnings: readonly EvaluationWarning[];
}

/** One change at `nextCheckAt`: a step comes due, or a cycle is breached. @internal */
export type NextChange =
  | { readonly kind: "step"; readonly targetId: string; readonly cycle: number; readonly stepId: string }
  | { readonly kind: "breach"; readonly targetId: string; readonly cycle: number };

/** How a cycle ended; `"live"` while its clock runs or is paused. @internal */
export type CycleOutcome = "live" | "met" | "breached" | "cancelled";

/** A stretch during which a cycle's clock ran, closed where a pause (or the end) began. @internal */
export interface Segment {
  readonly start: EpochMs;
  /** Working time elapsed on the clock at the segment's end, pauses excluded. */
  readonly elapsedAtEndMs: DurationMs;
}

/** A completed pause of a cycle's clock. @internal */
export interface Pause {
  readonly start: EpochMs;
  readonly end: EpochMs;
  /** Working time inside the pause, on the target's calendar: credited back to the clock. */
  readonly workingMs: DurationMs;
}

/**
 * One cycle of a target's clock: mutable while the events are folded, read-only afterwards. Its segments keep
 * the elapsed working time after each, so that "when does elapsed reach X" is a binary search plus one calendar
 * call.
 * @internal
 */
export interface Cycle {
  /** 0 for the target's first cycle. */
  readonly index: number;
  /** `null` for a chained cycle cancelled before it started (its parent was met). */
  readonly startedAt: EpochMs | null;
  /** What started it: an event type, `"levelChanged"` (restart) or `"breachOf:<target>"`. */
  readonly startedBy: string;
  level: string;
  /** The level's duration; `null` when the level is not subject to the target. */
  duration: ParsedDuration | null;
  /** Working ms the clock may run (for business days: the working time from the start to the deadline). */
  budgetMs: DurationMs;
  /** Whether the duration counts business days: the budget then ends a deadline, late at any later instant. */
  businessDays: boolean;
  /** Start of the segment running now; `null` while paused or ended. */
  runningSince: EpochMs | null;
  /** Working time elapsed before `runningSince` (or before the pause, or up to the end). */
  elapsedBeforeMs: DurationMs;
  /** Start of the pause lasting now; `null` while running or ended. */
  pausedSince: EpochMs | null;
  /** Closed running segments, in order. */
  segments: readonly Segment[];
  /** Completed pauses, in order. */
  pauses: readonly Pause[];
  /** Working time of the completed pauses. */
  pausedMs: DurationMs;
  /** `null` while live. */
  endedAt: EpochMs | null;
  /** What ended it: an event type, `"levelChanged"` or `"parent met"`. */
  endedBy: string;
  outcome: CycleOutcome;
  /**
   * Per step (by index), the instant it fired before a level change or a pause moved its time: a fired step
   * stays due there, since a host that fired it cannot un-fire it. `null` until such a change found a fired step.
   */
  firedAt: (EpochMs | null)[] | null;
}

/** A cycle that started (every cycle but a chained one cancelled before it started). @internal */
export type StartedCycle = Cycle & { readonly startedAt: EpochMs };

/** Whether a cycle's clock started. @internal */
export function hasStarted(c: Cycle): c is StartedCycle {
  return c.startedAt !== null;
}

/** The folded clock of one target. @internal */
export interface TargetRun {
  readonly rules: TargetRules;
  readonly cycles: readonly Cycle[];
  /** Whether a `pending` entry follows the cycles (a clock not started yet). */
  readonly pending: boolean;
  /** The number the pending cycle would get. */
  readonly pendingCycle: number;
  /** The ticket's level at `now`. */
  readonly pendingLevel: string;
}
