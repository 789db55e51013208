/**
 * `mergeReports`: the report over the union of the tickets of two reports, from their figures.
 * @module
 */
import { stableStringify } from "../contracts/kernel.js";
import { describeValue, SlaError } from "../errors.js";
import { type ReportContext, readContext } from "./context.js";
import { absorbState, finishState, type ReportState, readState } from "./state.js";
import type { ServiceReport } from "./types.js";

/** The state of a report read back: its context, then its figures. */
function stateFromReport(report: unknown, path: string): ReportState {
  const context = readContext(report, path);
  return readState(report as ServiceReport, path, context);
}

/**
 * Whether two reports can be merged: same contract (id and fingerprint), window, options and inspection plan.
 * @throws SlaError `E_OPTION` naming what differs.
 */
function checkMergeable(a: ReportContext, b: ReportContext): void {
  const differs = (what: string, x: unknown, y: unknown): never => {
    throw new SlaError(
      "E_OPTION",
      `Reports can only be merged when they have the same ${what}: ${describeValue(x)} and ${describeValue(y)}`,
      what,
    );
  };
  if (a.contract.id !== b.contract.id) differs("contract.id", a.contract.id, b.contract.id);
  if (a.contract.fingerprint !== b.contract.fingerprint)
    differs("contract.fingerprint", a.contract.fingerprint, b.contract.fingerprint);
  if (a.from !== b.from) differs("window.from", a.window.from, b.window.from);
  if (a.to !== b.to) differs("window.to", a.window.to, b.window.to);
  if (a.now !== b.now) differs("window.now", a.window.now, b.window.now);
  if (a.options.rows !== b.options.rows) differs("options.rows", a.options.rows, b.options.rows);
  if (a.options.breaches !== b.options.breaches)
    differs("options.breaches", a.options.breaches, b.options.breaches);
  if (a.options.exactValues !== b.options.exactValues)
    differs("options.exactValues", a.options.exactValues, b.options.exactValues);
  if (stableStringify(a.plan) !== stableStringify(b.plan))
    differs("inspection plan", "the first", "the second");
}

/**
 * Merges two reports over disjoint sets of tickets into the report over their union: every count, sum, value
 * summary and kept list adds up, and every derived figure (rates, mean, median, p90, KPI verdicts, inspection
 * compliance) is computed again from the sums. Works on reports that went through `JSON.stringify` /
 * `JSON.parse`, so partial reports can be built in worker threads or other processes. Merging is associative
 * and commutative.
 *
 * Performed inspections are a set: giving the same list to every part (or to one part only) gives the same
 * merged report.
 *
 * @param a - A report from `buildReport` (or a merge).
 * @param b - A report over other tickets, for the same contract, window, `now` and options.
 * @returns The report over the tickets of both.
 * @throws SlaError `E_OPTION` when the reports differ in contract, window, `now` or options, or one of them is
 *   not a report.
 * @example
 * ```ts
 * const options = { period: { month: "2025-10" }, now: "2025-11-01T00:00:00+08:00" };
 * const a = buildReport(contract, tickets.slice(0, 500), options);
 * const b = buildReport(contract, tickets.slice(500), options);
 * mergeReports(a, b).tickets.count; //=> tickets.length (when all were opened in October)
 * ```
 * @category Reporting
 */
export function mergeReports(a: ServiceReport, b: ServiceReport): ServiceReport {
  let sa: ReportState;
  let sb: ReportState;
  try {
    sa = stateFromReport(a, "a");
    sb = stateFromReport(b, "b");
  } catch (e) {
    if (e instanceof SlaError) throw e;
    throw new SlaError("E_OPTION", "Expected ServiceReports from buildReport: a part is malformed", "", {
      cause: e,
    });
  }
  checkMergeable(sa.context, sb.context);
  absorbState(sa, sb);
  return finishState(sa);
}
