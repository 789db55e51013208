/**
 * The shape of one report figure: a small mergeable accumulator for one section of the report.
 * @internal
 * @module
 */
import type { Evaluation } from "../escalation/kernel.js";
import type { ReportContext } from "./context.js";
import type { ServiceReport } from "./types.js";

/** The report without its derived KPI verdicts and its header: what the figures produce. @internal */
export type ReportBody = Omit<ServiceReport, "format" | "contract" | "window" | "options" | "kpis">;

/**
 * One figure of a report (tickets, targets, channels, …): how to start it, count a ticket's evaluation into it,
 * add another part's into it, turn it into its sections of the report JSON, and read it back from them.
 * Every figure is a monoid over tickets: `absorb` of the figures of two disjoint sets of tickets gives the
 * figure of their union, in any order, so reports built in parts merge exactly.
 *
 * Adding a figure means one file in `figures/`, one entry in `FIGURES` (state.ts) and a render section.
 *
 * @typeParam Acc - The mutable accumulator.
 * @typeParam Part - The sections of the report it produces, e.g. `Pick<ReportBody, "days">`.
 * @internal
 */
export interface Figure<Acc, Part extends Partial<ReportBody>> {
  /** A new accumulator, for no ticket. */
  empty(context: ReportContext): Acc;
  /** Counts one ticket opened in the window (evaluated at `context.now`). */
  add(acc: Acc, evaluation: Evaluation, context: ReportContext): void;
  /** Adds everything of `from` (another part, same context) into `into`. */
  absorb(into: Acc, from: Acc, context: ReportContext): void;
  /** The report sections of the accumulator; it may be read again afterwards, not changed. */
  finish(acc: Acc, context: ReportContext): Part;
  /**
   * The accumulator of a report read back (built here or parsed from JSON, its header checked by
   * `readContext`; everything else is untrusted: read it with the readers of report-json.ts).
   * @throws SlaError `E_OPTION` with the JSON path of a malformed value.
   */
  read(report: ServiceReport, path: string, context: ReportContext): Acc;
}
