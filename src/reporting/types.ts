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
  | { readonly month: string }
  | { readonly quarter: string }
  | { readonly year: string }
  | { readonly dates: { readonly from: string; readonly to: string } };

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
  readonly met: number;
  readonly breached: number;
  readonly open: number;
  readonly openBreached: number;
  readonly pending: number;
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
  readonly meanMs: number | null;
  readonly medianMs: number | null;
  readonly p90Ms: number | null;
  readonly minMs: number | null;
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
  readonly targetId: string;
  readonly level: string;
  readonly counts: OutcomeCounts;
  /** Cycles whose outcome is decided: `met + breached + openBreached`. */
  readonly decided: number;
  /** `met / decided`, for display; `null` when nothing is decided. */
  readonly compliance: number | null;
  readonly elapsed: ElapsedStats;
}

/** Whether a KPI was kept. @category Reporting */
export type KpiStatus = "pass" | "fail" | "noData";

/**
 * A KPI of the contract judged over the report.
 * @category Reporting
 */
export interface KpiResult {
  readonly id: string;
  readonly kind: KpiInput["kind"];
  /** The KPI as the contract states it. */
  readonly definition: KpiInput;
  /** In plain words, e.g. `"Satisfaction (consultation) ≥ 98 %"`. */
  readonly label: string;
  readonly status: KpiStatus;
  /** `"ratio"` (0–1) or `"ms"`. */
  readonly unit: "ratio" | "ms";
  /** `"atLeast"` (`value >= threshold` passes) or `"atMost"`. */
  readonly comparison: "atLeast" | "atMost";
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
  readonly channel: string;
  readonly satisfied: number;
  readonly surveys: number;
  /** `satisfied / surveys`, `null` without surveys. */
  readonly rate: number | null;
  /** The contract's minimum for this channel, if a satisfaction KPI names it. */
  readonly min: number | null;
}

/** Tickets of one service channel (`null`: tickets without a channel). @category Reporting */
export interface ChannelSummary {
  readonly channel: string | null;
  readonly tickets: number;
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
  readonly opened: number;
  /** Cycles whose `breachedAt` falls on this date. */
  readonly breaches: number;
}

/** Escalation steps of one target step, by state at `now`. @category Reporting */
export interface EscalationCount {
  readonly targetId: string;
  readonly stepId: string;
  readonly action: string;
  readonly due: number;
  readonly skipped: number;
  readonly scheduled: number;
}

/** One target cycle that was breached. Instants are ISO 8601 UTC strings. @category Reporting */
export interface BreachRow {
  readonly ticketId: string;
  readonly targetId: string;
  readonly cycle: number;
  readonly level: string;
  readonly dueAt: string | null;
  readonly breachedAt: string;
  /** When the target stopped (late), `null` while still open. */
  readonly stoppedAt: string | null;
  /** Local date of `breachedAt`. */
  readonly date: string;
}

/** One ticket-target cycle, as the CSV prints it. Instants are ISO 8601 UTC strings. @category Reporting */
export interface TicketTargetRow {
  readonly ticketId: string;
  readonly openedAt: string;
  readonly resolvedAt: string | null;
  readonly channel: string | null;
  readonly phase: string;
  readonly targetId: string;
  readonly cycle: number;
  readonly level: string;
  readonly outcome: CycleOutcome;
  readonly startedAt: string | null;
  readonly dueAt: string | null;
  readonly stoppedAt: string | null;
  readonly breachedAt: string | null;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  /** The target's duration in working ms; `null` for a business-day target. */
  readonly targetMs: number | null;
}

/** A list kept up to a cap, with the full count. @category Reporting */
export interface KeptList<T> {
  /** How many there are in all. */
  readonly total: number;
  /** How many were not kept (`total - items.length`). */
  readonly truncated: number;
  readonly items: readonly T[];
}

/** One planned inspection of the window and whether it was done. @category Reporting */
export interface InspectionItem {
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
  readonly items: readonly InspectionItem[];
  /** Performed inspections given (deduplicated, sorted). */
  readonly performed: readonly { readonly inspectionId: string; readonly at: string }[];
  /** Items done or due: the denominator of inspection compliance. */
  readonly due: number;
  readonly done: number;
}

/** Tickets that could not be evaluated (option `invalidTickets: "skip"`). @category Reporting */
export interface SkippedTickets {
  readonly count: number;
  /** The first 20 by ticket id. */
  readonly sample: readonly { readonly ticketId: string; readonly code: string; readonly message: string }[];
}

/** Counts of the tickets in the report. @category Reporting */
export interface TicketTotals {
  /** Tickets opened in the window (and at or before `now`). */
  readonly count: number;
  readonly resolved: number;
  readonly closed: number;
  /** Tickets given but opened outside the window or after `now`: not counted. */
  readonly outsideWindow: number;
  readonly byLevel: readonly { readonly level: string; readonly count: number }[];
  readonly byPhase: readonly { readonly phase: string; readonly count: number }[];
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
  readonly contract: {
    readonly id: string;
    readonly name: string | null;
    readonly timezone: string;
    /** Hash of the contract's input: reports merge only when it matches. */
    readonly fingerprint: string;
    readonly targets: readonly { readonly id: string; readonly name: string | null }[];
    readonly levels: readonly { readonly id: string; readonly name: string | null }[];
    readonly kpis: readonly KpiInput[];
  };
  readonly window: {
    readonly from: string;
    readonly to: string;
    readonly now: string;
    /** Local date of `from` in the contract's zone. */
    readonly firstDate: string;
    /** Local date of the window's last millisecond. */
    readonly lastDate: string;
  };
  readonly options: {
    readonly rows: ReportRowsOption;
    readonly breaches: number | "all";
    readonly exactValues: number;
  };
  readonly tickets: TicketTotals;
  readonly targets: readonly TargetSummary[];
  readonly kpis: readonly KpiResult[];
  readonly satisfaction: readonly ChannelSatisfaction[];
  readonly channels: readonly ChannelSummary[];
  readonly days: readonly DayCount[];
  readonly escalations: readonly EscalationCount[];
  readonly inspections: InspectionSummary;
  readonly breaches: KeptList<BreachRow>;
  readonly rows: KeptList<TicketTargetRow>;
  readonly skipped: SkippedTickets;
}

/** Output formats of {@link renderReport}. @category Reporting */
export type ReportFormat = "markdown" | "html" | "csv" | "json";
