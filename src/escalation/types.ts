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
  /** The event type: a built-in one, one the contract's targets name, or one of the contract's `eventTypes`. */
  readonly type: string;
  /** When it happened: a `Date`, epoch milliseconds, or an ISO 8601 string with an offset. */
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
  /** The host's ticket id; escalation step keys and report rows carry it. */
  readonly id: string;
  /** Fault level id at opening (e.g. from `classifyTicket`); else the `opened` event's or the contract's default. */
  readonly level?: string;
  /** Service channel, e.g. `"consultation"` or `"onSite"`: used by channel KPIs. */
  readonly channel?: string;
  /** The ticket's events, in any order (they are sorted by `(at, seq)`); the first `opened` opens the ticket. */
  readonly events: readonly TicketEvent[];
}

/** The state of one cycle of a target. @category Escalation */
export type TargetState = "pending" | "running" | "paused" | "met" | "breached" | "cancelled";

/**
 * One target cycle's status at `now`. `state` is `breached` once the clock exceeded its target, whether it still
 * runs or has stopped (`stoppedAt` tells); `paused` only for a clock within its target.
 * @category Escalation
 */
export interface TargetStatus {
  /** The target's id. */
  readonly id: string;
  /** 0 for the first cycle; a reset starts the next. */
  readonly cycle: number;
  /** The cycle's state at `now`. */
  readonly state: TargetState;
  /** Level whose duration applies. */
  readonly level: string;
  /** Target duration in working ms, or `undefined` for a business-day target. */
  readonly targetMs: number | undefined;
  /** When the clock started; `null` while it waits to start (`pending`, or a chained clock cancelled first). */
  readonly startedAt: Date | null;
  /**
   * First instant at which the target is used up: `null` while pending, or while a pause that lasts at `now` keeps
   * it from being reached. For a stopped clock, where the deadline stood (as if the clock had run on).
   */
  readonly dueAt: Date | null;
  /**
   * Last instant at which the target is not exceeded; breached at any later instant (for a business-day target
   * the same as `dueAt`). `null` like `dueAt`, and while a pause holds the clock exactly on its target.
   */
  readonly lastCompliantAt: Date | null;
  /**
   * When the cycle ended: the event that stopped (met), reset, cancelled or restarted it. Absent while the clock
   * runs, is paused or waits to start.
   */
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
  /**
   * Stable key `ticket/target/cycle/step`: fire each key exactly once. The ticket id is written with `%` as `%25`
   * and `/` as `%2F` (`formatStepKey` / `parseStepKey`), so any id stays unambiguous.
   */
  readonly key: string;
  /** The ticket's id. */
  readonly ticketId: string;
  /** The target the step belongs to. */
  readonly targetId: string;
  /** The target cycle it belongs to (0 for the first). */
  readonly cycle: number;
  /** The step's id in the target's `escalations`. */
  readonly stepId: string;
  /** The step's action, e.g. `"notify"`, `"reassign"` or `"escalate"`. */
  readonly action: string;
  /** The step's recipients; `[]` when it names none. */
  readonly to: readonly string[];
  /** The tier escalated to; absent when the step names none. */
  readonly tier?: string;
  /** `scheduled`: in the future; `due`: its time has come; `skipped`: the target stopped first. */
  readonly state: "scheduled" | "due" | "skipped";
  /** When the step fires: `null` while its target is pending or paused short of it, and for a skipped step. */
  readonly at: Date | null;
}

/** Something in the event stream that was tolerated or ignored. @category Escalation */
export interface EvaluationWarning {
  /** What was tolerated: an unknown type, an event before the opening, a duplicate, a resume without pause, … */
  readonly code:
    | "UNKNOWN_EVENT_TYPE"
    | "EVENT_BEFORE_OPENING"
    | "DUPLICATE_EVENT"
    | "RESUME_WITHOUT_PAUSE"
    | "DOUBLE_PAUSE"
    | "EVENT_AFTER_CLOSE"
    | "FUTURE_EVENTS_IGNORED"
    /** A second `opened` event: ignored. */
    | "SECOND_OPENED"
    /** A `breachOf` parent was breached while the chained target was still running: no second clock. */
    | "CHAIN_ALREADY_RUNNING"
    /** More warnings than the cap (1,000) were found; the rest are counted in this one's message. */
    | "WARNINGS_TRUNCATED";
  /** The same in words, naming the event. */
  readonly message: string;
  /** Index of the event in the input, when about one event. */
  readonly index?: number;
}

/** A ticket's status at `now`. @category Escalation */
export interface TicketStatus {
  /** The ticket's id. */
  readonly id: string;
  /** Current fault level id. */
  readonly level: string;
  /** Contract phase at the ticket's opening (`"none"`: the contract has no term). */
  readonly phase: "before" | "warranty" | "postWarranty" | "expired" | "none";
  /** The instant of the (first) `opened` event. */
  readonly openedAt: Date;
  /** The last `resolved` event up to `now`; `null` when there is none, or a `reopened` came after it. */
  readonly resolvedAt: Date | null;
  /** The last `closed` event up to `now`; `null` when there is none, or a `reopened` came after it. */
  readonly closedAt: Date | null;
  /** The ticket's service channel, as given in `Ticket.channel`. */
  readonly channel: string | undefined;
  /**
   * One entry per target cycle, in contract order; a target that has not started has a `pending` entry, and a
   * target that does not apply (phase, level) is left out.
   */
  readonly targets: readonly TargetStatus[];
  /** Every escalation step of every listed cycle, with its state at `now`. */
  readonly escalations: readonly EscalationStep[];
  /** Surveys answered up to `now`. */
  readonly surveys: readonly {
    /** The channel surveyed, from the `survey` event. */
    readonly channel: string;
    /** Whether the customer was satisfied. */
    readonly satisfied: boolean;
    /** When the survey was answered. */
    readonly at: Date;
  }[];
  /** The earliest instant after `now` at which anything above changes without new events. */
  readonly nextCheckAt: Date | null;
  /**
   * Why `nextCheckAt` is when it is: every change due then (a step coming due, with its key, or a clock
   * breached), so a scheduler can log what it woke for. `null` exactly when `nextCheckAt` is. Always set by
   * `evaluateTicket`; optional so that statuses a host stored before it existed still feed `buildReport`.
   */
  readonly nextCheck?: NextCheck | null;
  /** What was tolerated or ignored in the events, at most 1,000 (then one `WARNINGS_TRUNCATED`). */
  readonly warnings: readonly EvaluationWarning[];
}

/** The reason for a ticket's `nextCheckAt`. @category Escalation */
export interface NextCheck {
  /** The instant: equal to `nextCheckAt`. */
  readonly at: Date;
  /** What changes at `at`, targets in contract order (parents first); at least one. */
  readonly changes: readonly NextCheckChange[];
}

/**
 * One change at `nextCheckAt`: escalation step `stepId` of a target's cycle comes due (fire it under `key`), or
 * the cycle is breached (`lastCompliantAt` has passed).
 * @category Escalation
 */
export type NextCheckChange =
  | {
      /** A step comes due. */
      readonly kind: "step";
      /** The step's key, as in `escalations[].key`. */
      readonly key: string;
      /** The step's target. */
      readonly targetId: string;
      /** The target's cycle, from 0. */
      readonly cycle: number;
      /** The step's id in the contract. */
      readonly stepId: string;
    }
  | {
      /** The cycle is breached: its `lastCompliantAt` has passed. */
      readonly kind: "breach";
      /** The breached target. */
      readonly targetId: string;
      /** The target's cycle, from 0. */
      readonly cycle: number;
    };

/** Options of `evaluateTicket` and `explainTarget`. @category Escalation */
export interface EvaluateTicketOptions {
  /** Reject event types the contract does not know (`E_EVENT_TYPE`) instead of ignoring them with a warning. */
  readonly strict?: boolean;
  /** Largest number of events accepted (default and maximum 1,000,000); more: `E_LIMIT`. */
  readonly maxEvents?: number;
  /**
   * The IANA zone in which instants written without an offset (`"2014-11-21 00:17:41"`, as OTRS, GLPI and SQL
   * exports write them) are read, in the events and in `now`, by the calendar's compatible rule (see
   * `zonedInstant`). Without it such instants are `E_INSTANT`. Instants with `Z` or an offset, `Date`s and epoch
   * ms are unaffected. An unknown zone is `E_TZ_UNKNOWN` at `options.timezone`.
   */
  readonly timezone?: string;
}

/** Options of `explainTarget`. @category Escalation */
export interface ExplainTargetOptions extends EvaluateTicketOptions {
  /** Which cycle to explain (default: the last one). */
  readonly cycle?: number;
}

/** A pause of a target's clock, with the working time it covered on the target's calendar. @category Escalation */
export interface ExplainedPause {
  /** When the pause began: the pausing event, or the status change into a pause status. */
  readonly start: Date;
  /** `null` while the pause lasts at `now`. */
  readonly end: Date | null;
  /** Working time inside the pause (up to `now` for an open pause): credited back to the clock. */
  readonly workingMs: number;
}

/** A working period during which the clock ran, clipped to it. @category Escalation */
export interface ExplainedPeriod {
  /** Start of the period (inclusive). */
  readonly start: Date;
  /** End of the period (exclusive). */
  readonly end: Date;
  /** Working time of the period, ms: `end - start` (working time is real elapsed time, DST included). */
  readonly workingMs: number;
}

/** A daylight-saving adjustment the calendar took on an interval edge inside the explained span. @category Escalation */
export interface ExplainedDst {
  /** The wall-clock time written in the calendar, `"YYYY-MM-DDTHH:MM:SS"` local. */
  readonly wall: string;
  /** The instant it became (a gap moves forward by its length, an overlap takes the earlier instant). */
  readonly at: Date;
  /** `"gap"`: the wall-clock time did not exist (spring forward); `"overlap"`: it existed twice (fall back). */
  readonly kind: "gap" | "overlap";
}

/**
 * The evidence behind one target cycle's deadline: what `explainTarget` returns.
 * @category Escalation
 */
export interface Explanation {
  /** The ticket's id. */
  readonly ticketId: string;
  /** The explained target's id. */
  readonly targetId: string;
  /** `false` when the target does not apply to this ticket (phase, level, or a chain whose parent does not apply). */
  readonly applies: boolean;
  /** Why it does not apply, in words (when `applies` is false). */
  readonly reason?: string;
  /** The explained cycle (0 for the first). */
  readonly cycle: number;
  /** The status of this cycle, exactly as `evaluateTicket` reports it (absent when `applies` is false). */
  readonly status?: TargetStatus;
  /** Level whose duration applies. */
  readonly level: string;
  /** The duration applied: as written (`"PT1H"`, `"P2D"`) and as a working-time budget in ms. */
  readonly duration: {
    /** `"time"`: working time (`"PT…"` or ms); `"days"`: business days (`"P…D"`, `"P…W"`). */
    readonly kind: "time" | "days";
    /** For `"days"`: the business-day count. */
    readonly days?: number;
    /**
     * Working ms the clock may run: the target for `"time"`; for `"days"`, the working time from the start to
     * the business-day deadline (the end of business of the Nth following working day).
     */
    readonly budgetMs: number;
  } | null;
  /** The calendar's zone. */
  readonly timezone: string;
  /** What started the clock: an event type, `"reset"`, `"levelChanged"` (restart) or `"breachOf:<target>"`. */
  readonly startedBy: string | null;
  /** When the clock started; `null` while it has not. */
  readonly startedAt: Date | null;
  /** The pauses between the start and the cycle's end (or `now`), in order. */
  readonly pauses: readonly ExplainedPause[];
  /**
   * The working periods during which the clock ran (pauses removed), from the start up to `dueAt` — or up to
   * `now` when `dueAt` is not known yet (an open pause). Their lengths add up to the budget and the last one
   * ends at `dueAt`: replaying them gives the deadline. At most 1,000 are listed.
   */
  readonly periods: readonly ExplainedPeriod[];
  /** Whether `periods` was cut at 1,000 entries. */
  readonly periodsTruncated: boolean;
  /** DST resolutions taken on interval edges between the start and the end of `periods`' span (at most 100). */
  readonly dst: readonly ExplainedDst[];
  /** The arithmetic: dueAt = start + (budget + paused working time before it) of working time. */
  readonly arithmetic: {
    /** The working-time budget, ms (as in `duration.budgetMs`). */
    readonly budgetMs: number;
    /** Working time paused between the start and `dueAt`. */
    readonly pausedBeforeDueMs: number;
    /** The resulting `dueAt`, as in `status`. */
    readonly dueAt: Date | null;
    /** The resulting `lastCompliantAt`, as in `status`. */
    readonly lastCompliantAt: Date | null;
  };
  /** The same, in plain English. */
  readonly text: string;
}
