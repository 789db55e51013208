import type { AdapterResult, Reported } from "./types.js";

/** One SLA cycle JSM recorded, in epoch ms. */
export interface JsmCompletedCycle {
  readonly startMs: number;
  readonly stopMs: number;
  readonly breachMs: number | null;
  readonly breached: boolean;
  readonly goalMs: number | null;
  readonly elapsedMs: number;
  readonly remainingMs: number | null;
}

/** One SLA record with its cycles. */
export interface JsmSla {
  readonly name: string;
  readonly completedCycles: readonly JsmCompletedCycle[];
  readonly ongoingCycle: {
    readonly startMs: number;
    readonly elapsedMs: number;
    readonly paused: boolean;
    readonly withinCalendarHours: boolean;
  } | null;
}

/** What JSM reports: every SLA record, and the first-response and resolution figures taken from them. */
export interface JsmReported extends Reported {
  readonly slas: readonly JsmSla[];
}

/** Options of {@link fromJsmRequest}. */
export interface FromJsmRequestOptions {
  /** Account ids of agents; without it the reporter and participants are customers, everybody else an agent. */
  readonly agentAccountIds?: readonly string[];
}

/** Turns one JSM customer request (status history, comments, SLA records) into a slakit ticket. */
export function fromJsmRequest(payload: unknown, options?: FromJsmRequestOptions): AdapterResult<JsmReported>;
