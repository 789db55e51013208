/**
 * Service reports: compliance per target and fault level, the contract's KPIs against their targets, the
 * breaches, tickets and breaches per local day; built from any (async) iterable of tickets in bounded memory,
 * merged exactly across parts, rendered as Markdown, CSV, JSON or one self-contained HTML file.
 *
 * ## Millions of tickets: partial reports in parallel
 *
 * A report is plain JSON whose figures are all sums, counts, value counts, maxima or "first N" lists, and
 * everything else (rates, mean, median, p90, verdicts) is derived from them. So split the tickets in any way
 * (by id range, by shard, by database partition), build one report per part with the same contract, window,
 * `now` and options, send each as JSON, and fold them with `mergeReports`: the result equals the report over all
 * tickets, whatever the split or the order.
 *
 * ```ts
 * // worker.ts (worker thread, another process, another machine)
 * const part = await buildReportAsync(contract, cursorOverShard(shard), { period: { month: "2025-10" }, now });
 * postMessage(JSON.stringify(part));
 *
 * // main.ts
 * const parts = await Promise.all(shards.map(runWorker)); // JSON texts
 * const report = parts.map((t) => JSON.parse(t)).reduce(mergeReports);
 * writeFileSync("2025-10.html", renderReport(report, "html"));
 * ```
 *
 * Give the performed inspections to every part or to one only: they merge as a set.
 *
 * @module reporting
 */
export { buildReport, buildReportAsync } from "./build.js";
export { mergeReports } from "./merge.js";
export { renderReport } from "./render/index.js";
export type {
  BreachRow,
  BuildReportOptions,
  ChannelSatisfaction,
  ChannelSummary,
  CycleOutcome,
  DayCount,
  ElapsedStats,
  EscalationCount,
  InspectionItem,
  InspectionSummary,
  KeptList,
  KpiResult,
  KpiStatus,
  OutcomeCounts,
  PerformedInspection,
  ReportFormat,
  ReportPeriod,
  ReportRowsOption,
  ServiceReport,
  SkippedTickets,
  TargetSummary,
  TicketTargetRow,
  TicketTotals,
} from "./types.js";
