/**
 * The service report: plain JSON data (no `Date`, no `Map`), so that partial reports built in other workers or
 * processes survive `JSON.stringify` / `JSON.parse` and still merge exactly.
 * @module
 */
import type { Instant } from "../calendar/index.js";
import type { KpiInput } from "../contracts/index.js";

/**
 * A reporting period given as local calendar units of the contract's zone, cut at local midnight:
 * `{ month: "2025-10" }`, `{ quarter: "2025-Q4" }`, `{ year: "2025" }`, or inclusive local dates
 * `{ dates: { from: "2025-10-01", to: "2025-10-15" } }`.
 * @category Reporting
 */
export type ReportPeriod =
  | {
      /** A month, `"YYYY-MM"`, e.g. `"2025-10"`: its first day 00:00 to the next month's first day 00:00, local. */
      readonly month: string;
    }
  | {
      /** A quarter, `"YYYY-Qn"` with n from 1 to 4, e.g. `"2025-Q4"` (October to December). */
      readonly quarter: string;
    }
  | {
      /** A year, `"YYYY"`, e.g. `"2025"`. */
      readonly year: string;
    }
  | {
      /** A range of local dates, both inclusive. */
      readonly dates: {
        /** First local date of the window, `"YYYY-MM-DD"`: the window starts at its 00:00. */
        readonly from: string;
        /** Last local date of the window (inclusive), `"YYYY-MM-DD"`: the window ends at the next day's 00:00. */
        readonly to: string;
      };
    };

/**
 * An inspection that was carried out (or whose report was delivered), for inspection compliance.
 * @category Reporting
 */
export interface PerformedInspection {
  /** Id of one of the contract's `inspections`. */
  readonly inspectionId: string;
  /** When it was done. */
  readonly at: Instant;
}

/**
 * Which ticket-target rows a report keeps for its CSV and tables: the first `n` (default 10,000) in order of
 * ticket opening, `"all"` (memory grows with the tickets), or `"breaches"` (every breached row).
 * @category Reporting
 */
export type ReportRowsOption = number | "all" | "breaches";

/**
 * Options of {@link buildReport}: the window and what to keep.
 * @category Reporting
 */
export interface BuildReportOptions {
  /** Start of the window (inclusive). Give `from` and `to`, or `period`. */
  readonly from?: Instant;
  /** End of the window (exclusive). */
  readonly to?: Instant;
  /** The window as local calendar units of the contract's zone; instead of `from` / `to`. */
  readonly period?: ReportPeriod;
  /** The instant at which every ticket is evaluated; tickets opened after it are not counted. */
  readonly now: Instant;
  /**
   * Inspections carried out. Omitted: inspection compliance is `"noData"` (nothing is known);
   * `[]`: none were done.
   */
  readonly inspections?: readonly PerformedInspection[];
  /** Rows kept for the CSV; default `10000`. */
  readonly rows?: ReportRowsOption;
  /** Breaches kept in the list: a number (default `10000`) or `"all"`. The counts are always complete. */
  readonly breaches?: number | "all";
  /**
   * Distinct elapsed values kept exactly per target and level (default `10000`); beyond that the summary
   * switches to buckets of 10 significant bits and median / p90 are approximate (relative error < 0.1 %,
   * flagged `exact: false`). Counts, sums, mean, min and max stay exact.
   */
  readonly exactValues?: number;
  /**
   * What to do with a ticket that cannot be evaluated (an `SlaError` from `evaluateTicket`): `"throw"`
   * (default) or `"skip"` (counted, and the first 20 kept in `skipped.sample`).
   */
  readonly invalidTickets?: "throw" | "skip";
}

/** The counted state of one target cycle. @category Reporting */
export type CycleOutcome = "met" | "breached" | "open" | "openBreached" | "pending" | "cancelled";

/**
 * Counts of target cycles by outcome: `met` (stopped in time), `breached` (stopped late), `open` (running or
 * paused, not yet late), `openBreached` (running or paused and already late), `pending` (not started, e.g. a
 * `breachOf` target whose parent was met), `cancelled`.
 * @category Reporting
 */
export interface OutcomeCounts {
  /** Cycles stopped in time. */
  readonly met: number;
  /** Cycles stopped late. */
  readonly breached: number;
  /** Cycles running or paused at `now`, not yet late. */
  readonly open: number;
  /** Cycles running or paused at `now` and already late. */
  readonly openBreached: number;
  /** Clocks not started at `now`. */
  readonly pending: number;
  /** Cycles cancelled (a cancel event, a restart on a level change, or a chained clock whose parent was met). */
  readonly cancelled: number;
}

/**
 * Elapsed working time of the stopped cycles (met or breached) of one target and level. Median and p90 use the
 * nearest-rank method (the smallest value with at least ⌈p·n/100⌉ values at or below it).
 * @category Reporting
 */
export interface ElapsedStats {
  /** Number of stopped cycles. */
  readonly count: number;
  /** Sum of their elapsed working time, ms (exact). */
  readonly sumMs: number;
  /** `sumMs / count` (not rounded); `null` when `count` is 0. */
  readonly meanMs: number | null;
  /** Nearest-rank median, ms; `null` when `count` is 0; approximate when `exact` is `false`. */
  readonly medianMs: number | null;
  /** Nearest-rank 90th percentile, ms; `null` when `count` is 0; approximate when `exact` is `false`. */
  readonly p90Ms: number | null;
  /** Smallest elapsed time, ms (exact); `null` when `count` is 0. */
  readonly minMs: number | null;
  /** Largest elapsed time, ms (exact); `null` when `count` is 0. */
  readonly maxMs: number | null;
  /** `false` when the summary switched to buckets (see `exactValues`): median and p90 are then approximate. */
  readonly exact: boolean;
  /** The mergeable summary: `[valueMs, count]` sorted by value (bucket lower bounds when not exact). */
  readonly histogram: readonly (readonly [number, number])[];
}

/**
 * Figures of one target at one fault level (the level whose duration applied to the cycle).
 * @category Reporting
 */
export interface TargetSummary {
  /** The target's id. */
  readonly targetId: string;
  /** The fault level whose duration applied to the cycles counted here. */
  readonly level: string;
  /** The cycles of this target and level, by outcome at `now`. */
  readonly counts: OutcomeCounts;
  /** Cycles whose outcome is decided: `met + breached + openBreached`. */
  readonly decided: number;
  /** `met / decided`, for display; `null` when nothing is decided. */
  readonly compliance: number | null;
  /** Elapsed working time of the stopped cycles (met or breached). */
  readonly elapsed: ElapsedStats;
}

/** Whether a KPI was kept. @category Reporting */
export type KpiStatus = "pass" | "fail" | "noData";

/**
 * A KPI of the contract judged over the report.
 * @category Reporting
 */
export interface KpiResult {
  /** The KPI's id in the contract. */
  readonly id: string;
  /** The KPI's kind, as in the contract. */
  readonly kind: KpiInput["kind"];
  /** The KPI as the contract states it. */
  readonly definition: KpiInput;
  /** In plain words, e.g. `"Satisfaction (consultation) ≥ 98 %"`. */
  readonly label: string;
  /** `"pass"` when `value` meets `threshold` by `comparison`, `"fail"` when not, `"noData"` when `value` is `null`. */
  readonly status: KpiStatus;
  /** `"ratio"` (0–1) or `"ms"`. */
  readonly unit: "ratio" | "ms";
  /** `"atLeast"` (`value >= threshold` passes) or `"atMost"`. */
  readonly comparison: "atLeast" | "atMost";
  /** The contract's bound: `min` (a ratio) for `"atLeast"`, `max` in ms for `"atMost"` (mean handling time). */
  readonly threshold: number;
  /** The measured value (`numerator / denominator`), `null` without data. */
  readonly value: number | null;
  /** E.g. satisfied surveys, met cycles, summed handling ms, inspections done. */
  readonly numerator: number;
  /** E.g. surveys, decided cycles, resolved tickets, inspections due. */
  readonly denominator: number;
  /** Why there is no data, when `status` is `"noData"`. */
  readonly note?: string;
}

/** Surveys of one channel. @category Reporting */
export interface ChannelSatisfaction {
  /** The surveyed channel, as `survey` events name it. */
  readonly channel: string;
  /** Survey answers with `satisfied: true`. */
  readonly satisfied: number;
  /** All survey answers of the channel, of the tickets in the report, up to `now`. */
  readonly surveys: number;
  /** `satisfied / surveys`, `null` without surveys. */
  readonly rate: number | null;
  /** The contract's minimum for this channel, if a satisfaction KPI names it. */
  readonly min: number | null;
}

/** Tickets of one service channel (`null`: tickets without a channel). @category Reporting */
export interface ChannelSummary {
  /** The service channel (`Ticket.channel`); `null` for the tickets without one. */
  readonly channel: string | null;
  /** Tickets of the channel in the report. */
  readonly tickets: number;
  /** Of those, the tickets resolved at `now` (and not reopened since). */
  readonly resolved: number;
  /** Sum of wall-clock time from opening to resolution over the resolved tickets, ms. */
  readonly handlingSumMs: number;
  /** `handlingSumMs / resolved`, `null` when none is resolved. */
  readonly meanHandlingMs: number | null;
}

/** Tickets opened and breaches per local date of the contract's zone (dates without either are left out). @category Reporting */
export interface DayCount {
  /** `YYYY-MM-DD` in the contract's zone. */
  readonly date: string;
  /** Tickets of the report opened on this date. */
  readonly opened: number;
  /** Cycles whose `breachedAt` falls on this date. */
  readonly breaches: number;
}

/** Escalation steps of one target step, by state at `now`. @category Reporting */
export interface EscalationCount {
  /** The target the step belongs to. */
  readonly targetId: string;
  /** The step's id in the target's `escalations`. */
  readonly stepId: string;
  /** The step's action, e.g. `"notify"`. */
  readonly action: string;
  /** Steps whose time had come at `now` (to fire, or fired). */
  readonly due: number;
  /** Steps that will never fire: their clock stopped, was cancelled or restarted first. */
  readonly skipped: number;
  /** Steps still to come at `now`. */
  readonly scheduled: number;
}

/** One target cycle that was breached. Instants are ISO 8601 UTC strings. @category Reporting */
export interface BreachRow {
  /** The ticket's id. */
  readonly ticketId: string;
  /** The breached target's id. */
  readonly targetId: string;
  /** The target cycle (0 for the first). */
  readonly cycle: number;
  /** The fault level whose duration applied. */
  readonly level: string;
  /** The cycle's `dueAt`; `null` when it is not known (a pause lasting at `now`). */
  readonly dueAt: string | null;
  /** First millisecond at which the cycle counts as breached (`lastCompliantAt + 1 ms`). */
  readonly breachedAt: string;
  /** When the target stopped (late), `null` while still open. */
  readonly stoppedAt: string | null;
  /** Local date of `breachedAt`. */
  readonly date: string;
}

/** One ticket-target cycle, as the CSV prints it. Instants are ISO 8601 UTC strings. @category Reporting */
export interface TicketTargetRow {
  /** The ticket's id. */
  readonly ticketId: string;
  /** When the ticket was opened. */
  readonly openedAt: string;
  /** When it was resolved (and not reopened since) at `now`; `null` otherwise. */
  readonly resolvedAt: string | null;
  /** The ticket's service channel; `null` without one. */
  readonly channel: string | null;
  /** The contract phase at the ticket's opening: `before`, `warranty`, `postWarranty`, `expired` or `none`. */
  readonly phase: string;
  /** The target's id. */
  readonly targetId: string;
  /** The target cycle (0 for the first). */
  readonly cycle: number;
  /** The fault level whose duration applied to the cycle. */
  readonly level: string;
  /** The cycle's outcome at `now`. */
  readonly outcome: CycleOutcome;
  /** When the clock started; `null` while pending. */
  readonly startedAt: string | null;
  /** The cycle's `dueAt` (see `TargetStatus.dueAt`); `null` when not known. */
  readonly dueAt: string | null;
  /** When the cycle ended (stopped, reset, cancelled or restarted); `null` while open or pending. */
  readonly stoppedAt: string | null;
  /** First millisecond of the breach; `null` when the cycle is not breached. */
  readonly breachedAt: string | null;
  /** Working time elapsed at `now` or at the stop, pauses excluded, ms. */
  readonly elapsedMs: number;
  /** Working time spent paused, ms. */
  readonly pausedMs: number;
  /** The target's duration in working ms; `null` for a business-day target. */
  readonly targetMs: number | null;
}

/**
 * A list kept up to a cap, with the full count.
 * @typeParam T - The kind of item: a breach or a ticket-target row.
 * @category Reporting
 */
export interface KeptList<T> {
  /** How many there are in all. */
  readonly total: number;
  /** How many were not kept (`total - items.length`). */
  readonly truncated: number;
  /** The items kept: the first ones in the list's order, up to the cap. */
  readonly items: readonly T[];
}

/** One planned inspection of the window and whether it was done. @category Reporting */
export interface InspectionItem {
  /** Id of the contract's inspection it comes from. */
  readonly inspectionId: string;
  /** Start of the window in which it counts (ISO 8601 UTC). */
  readonly from: string;
  /** When it is due at the latest (ISO 8601 UTC). */
  readonly dueAt: string;
  /** How many inspections it asks for in that window (1 except for "at least N per period" rules). */
  readonly required: number;
  /** Matching inspections performed in `[from, dueAt]` (at most `required` are counted). */
  readonly done: number;
  /**
   * `done`: all required were done; `missed`: due and not all done; `upcoming`: not yet due and not done;
   * `unknown`: due, but no performed inspections were given to the report.
   */
  readonly state: "done" | "missed" | "upcoming" | "unknown";
}

/** Inspections planned over the window against those performed. @category Reporting */
export interface InspectionSummary {
  /** Whether any report part was given the performed inspections. */
  readonly provided: boolean;
  /** The planned inspections of the window, in plan order, each with its state at `now`. */
  readonly items: readonly InspectionItem[];
  /** Performed inspections given (deduplicated, sorted). */
  readonly performed: readonly {
    /** Id of the contract's inspection that was performed. */
    readonly inspectionId: string;
    /** When it was performed (ISO 8601 UTC). */
    readonly at: string;
  }[];
  /** Items done or due: the denominator of inspection compliance. */
  readonly due: number;
  /** Items whose required inspections were all done: the numerator of inspection compliance. */
  readonly done: number;
}

/** Tickets that could not be evaluated (option `invalidTickets: "skip"`). @category Reporting */
export interface SkippedTickets {
  /** Tickets skipped in all. */
  readonly count: number;
  /** The first 20 by ticket id. */
  readonly sample: readonly {
    /** The skipped ticket's id. */
    readonly ticketId: string;
    /** The `SlaError` code `evaluateTicket` threw for it, e.g. `"E_EVENT"`. */
    readonly code: string;
    /** The error's message. */
    readonly message: string;
  }[];
}

/** Counts of the tickets in the report. @category Reporting */
export interface TicketTotals {
  /** Tickets opened in the window (and at or before `now`). */
  readonly count: number;
  /** Of those, the tickets resolved at `now` (and not reopened since). */
  readonly resolved: number;
  /** Of those, the tickets closed at `now` (and not reopened since). */
  readonly closed: number;
  /** Tickets given but opened outside the window or after `now`: not counted. */
  readonly outsideWindow: number;
  /** Tickets per current fault level, in the contract's level order; levels without tickets are left out. */
  readonly byLevel: readonly {
    /** A fault level id. */
    readonly level: string;
    /** Tickets at that level at `now`. */
    readonly count: number;
  }[];
  /** Tickets per contract phase at opening, in term order (`before` … `expired`, `none`). */
  readonly byPhase: readonly {
    /** A phase: `before`, `warranty`, `postWarranty`, `expired` or `none`. */
    readonly phase: string;
    /** Tickets opened in that phase. */
    readonly count: number;
  }[];
}

/**
 * A service report over the tickets opened in a window, evaluated at `now`. Plain JSON data: instants are ISO
 * 8601 UTC strings and local dates `YYYY-MM-DD`. Every figure is either a mergeable total (counts, sums,
 * value counts, maxima, kept-first lists) or derived from them, so {@link mergeReports} of reports over
 * disjoint tickets equals the report over their union.
 * @category Reporting
 */
export interface ServiceReport {
  /** Format marker. */
  readonly format: "slakit.report/1";
  /** What the report needs of the contract: ids, names, zone, KPIs, and its fingerprint. */
  readonly contract: {
    /** The contract's id. */
    readonly id: string;
    /** The contract's name; `null` without one. */
    readonly name: string | null;
    /** The contract's IANA zone: local dates in the report are in it. */
    readonly timezone: string;
    /** Hash of the contract's input: reports merge only when it matches. */
    readonly fingerprint: string;
    /** The contract's targets, in contract order. */
    readonly targets: readonly {
      /** The target's id. */
      readonly id: string;
      /** Its name; `null` without one. */
      readonly name: string | null;
    }[];
    /** The contract's fault levels, in contract order. */
    readonly levels: readonly {
      /** The level's id. */
      readonly id: string;
      /** Its name; `null` without one. */
      readonly name: string | null;
    }[];
    /** The contract's KPIs, as written. */
    readonly kpis: readonly KpiInput[];
  };
  /** The window of ticket openings and the instant of evaluation. */
  readonly window: {
    /** Start of the window (inclusive), ISO 8601 UTC. */
    readonly from: string;
    /** End of the window (exclusive), ISO 8601 UTC. */
    readonly to: string;
    /** The instant every ticket was evaluated at, ISO 8601 UTC. */
    readonly now: string;
    /** Local date of `from` in the contract's zone. */
    readonly firstDate: string;
    /** Local date of the window's last millisecond. */
    readonly lastDate: string;
  };
  /** The options the report was built with, defaults filled in; parts merge only when they match. */
  readonly options: {
    /** Which rows are kept (`BuildReportOptions.rows`). */
    readonly rows: ReportRowsOption;
    /** How many breaches are kept (`BuildReportOptions.breaches`). */
    readonly breaches: number | "all";
    /** Distinct elapsed values kept exactly (`BuildReportOptions.exactValues`). */
    readonly exactValues: number;
  };
  /** Counts of the tickets. */
  readonly tickets: TicketTotals;
  /** One summary per target and level, in contract order. */
  readonly targets: readonly TargetSummary[];
  /** The contract's KPIs, judged, in contract order. */
  readonly kpis: readonly KpiResult[];
  /** Survey results per channel. */
  readonly satisfaction: readonly ChannelSatisfaction[];
  /** Tickets and handling time per service channel. */
  readonly channels: readonly ChannelSummary[];
  /** Openings and breaches per local date, in date order. */
  readonly days: readonly DayCount[];
  /** Escalation steps per target step, by state at `now`. */
  readonly escalations: readonly EscalationCount[];
  /** Planned inspections of the window against those performed. */
  readonly inspections: InspectionSummary;
  /** Breached cycles: all counted, the first ones by breach instant kept. */
  readonly breaches: KeptList<BreachRow>;
  /**
   * Ticket-target rows for the CSV (every cycle, or the late ones with `rows: "breaches"`): all counted, the
   * first ones by ticket opening kept.
   */
  readonly rows: KeptList<TicketTargetRow>;
  /** Tickets that could not be evaluated (with `invalidTickets: "skip"`). */
  readonly skipped: SkippedTickets;
}

/** Output formats of {@link renderReport}. @category Reporting */
export type ReportFormat = "markdown" | "html" | "csv" | "json";
