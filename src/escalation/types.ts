/**
 * Tickets (event streams) and the status slakit computes for them.
 * @module
 */
import type { Instant } from "../calendar/index.js";

/**
 * One event of a ticket. Built-in types: `opened`, `levelChanged` (with `level`), `statusChanged` (with
 * `status`), `resolved`, `reopened`, `closed`, `survey` (with `channel` and `satisfied`); plus the types the
 * contract's targets name (e.g. `onSite`, `restored`, `reportDelivered`, `engineerResponded`).
 *
 * @category Escalation
 */
export interface TicketEvent {
  readonly type: string;
  readonly at: Instant;
  /** Tie-breaker for events at the same instant; events sort by `(at, seq)`, stably. */
  readonly seq?: number;
  /** For `levelChanged` (and optionally `opened`): the new fault level id. */
  readonly level?: string;
  /** For `statusChanged`: the new status. */
  readonly status?: string;
  /** For `survey`: the channel surveyed, e.g. `"consultation"` or `"onSite"`. */
  readonly channel?: string;
  /** For `survey`: whether the customer was satisfied. */
  readonly satisfied?: boolean;
}

/** A ticket as the host stores it. @category Escalation */
export interface Ticket {
  readonly id: string;
  /** Fault level id at opening (e.g. from `classifyTicket`); else the `opened` event's or the contract's default. */
  readonly level?: string;
  /** Service channel, e.g. `"consultation"` or `"onSite"`: used by channel KPIs. */
  readonly channel?: string;
  readonly events: readonly TicketEvent[];
}

/** The state of one cycle of a target. @category Escalation */
export type TargetState = "pending" | "running" | "paused" | "met" | "breached" | "cancelled";

/** One target cycle's status at `now`. @category Escalation */
export interface TargetStatus {
  readonly id: string;
  /** 0 for the first cycle; a reset starts the next. */
  readonly cycle: number;
  readonly state: TargetState;
  /** Level whose duration applies. */
  readonly level: string;
  /** Target duration in working ms, or `undefined` for a business-day target. */
  readonly targetMs: number | undefined;
  readonly startedAt: Date | null;
  /** First instant at which the target is used up (null while pending). */
  readonly dueAt: Date | null;
  /** Last instant at which the target is not exceeded; breached at any later instant. */
  readonly lastCompliantAt: Date | null;
  readonly stoppedAt?: Date;
  /** First millisecond at which the target counts as breached (`lastCompliantAt + 1 ms`). */
  readonly breachedAt?: Date;
  /** Working time elapsed at `now` (or at the stop), pauses excluded. */
  readonly elapsedMs: number;
  /** Working time left before the target is exceeded (0 when breached). */
  readonly remainingMs: number;
  /** Working time spent paused. */
  readonly pausedMs: number;
}

/** An escalation step of one target cycle. @category Escalation */
export interface EscalationStep {
  /** Stable key `ticket/target/cycle/step`: fire each key exactly once. */
  readonly key: string;
  readonly ticketId: string;
  readonly targetId: string;
  readonly cycle: number;
  readonly stepId: string;
  readonly action: string;
  readonly to: readonly string[];
  readonly tier?: string;
  /** `scheduled`: in the future; `due`: its time has come; `skipped`: the target stopped first. */
  readonly state: "scheduled" | "due" | "skipped";
  /** When the step fires (null while its target is pending). */
  readonly at: Date | null;
}

/** Something in the event stream that was tolerated or ignored. @category Escalation */
export interface EvaluationWarning {
  readonly code: "UNKNOWN_EVENT_TYPE" | "EVENT_BEFORE_OPENING" | "DUPLICATE_EVENT" | "RESUME_WITHOUT_PAUSE" | "DOUBLE_PAUSE" | "EVENT_AFTER_CLOSE" | "FUTURE_EVENTS_IGNORED";
  readonly message: string;
  /** Index of the event in the input, when about one event. */
  readonly index?: number;
}

/** A ticket's status at `now`. @category Escalation */
export interface TicketStatus {
  readonly id: string;
  /** Current fault level id. */
  readonly level: string;
  /** Contract phase at the ticket's opening (`"none"`: the contract has no term). */
  readonly phase: "before" | "warranty" | "postWarranty" | "expired" | "none";
  readonly openedAt: Date;
  readonly resolvedAt: Date | null;
  readonly closedAt: Date | null;
  readonly channel: string | undefined;
  readonly targets: readonly TargetStatus[];
  readonly escalations: readonly EscalationStep[];
  /** Surveys answered up to `now`. */
  readonly surveys: readonly { readonly channel: string; readonly satisfied: boolean; readonly at: Date }[];
  /** The earliest instant after `now` at which anything above changes without new events. */
  readonly nextCheckAt: Date | null;
  readonly warnings: readonly EvaluationWarning[];
}
