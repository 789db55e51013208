/**
 * A ticket's evaluation in epoch ms: everything `evaluateTicket` reports, with instants as integer epoch
 * milliseconds (`null` for none) and fixed shapes. Reports count it directly; `evaluateTicket` turns it into
 * the public `TicketStatus` (the only place `Date`s are made).
 * @internal
 * @module
 */
import type { EpochMs } from "../calendar/kernel.js";
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
  readonly surveys: readonly {
    readonly channel: string;
    readonly satisfied: boolean;
    readonly at: EpochMs;
  }[];
  readonly nextCheckAt: EpochMs | null;
  readonly warnings: readonly EvaluationWarning[];
}
