/**
 * Reports from ticket statuses, and merging reports. `buildReport` (in `build.ts`) evaluates tickets and feeds
 * their statuses here; nothing in this file evaluates anything.
 * @module
 */
import { describeValue, SlaError } from "../errors.js";
import type { TicketStatus } from "../escalation/index.js";
import {
  absorb,
  addStatus,
  checkMergeable,
  createState,
  finishState,
  type ReportContract,
  type ReportState,
  stateFromReport,
} from "./accumulator.js";
import type { PlanItem } from "./inspections.js";
import type { BuildReportOptions, ServiceReport } from "./types.js";
import { resolveOptions } from "./window.js";

export type { ReportContract } from "./accumulator.js";
export type { PlanItem } from "./inspections.js";

function checkContract(contract: unknown): asserts contract is ReportContract {
  const c = contract as Partial<ReportContract> | null;
  if (
    typeof c !== "object" ||
    c === null ||
    typeof c.id !== "string" ||
    typeof c.timezone !== "string" ||
    typeof c.input !== "object" ||
    c.input === null ||
    !Array.isArray(c.input.targets) ||
    !Array.isArray(c.input.levels)
  ) {
    throw new SlaError(
      "E_TYPE",
      `Expected a contract from parseContract, received ${describeValue(contract)}`,
      "contract",
    );
  }
}

/**
 * Starts a report state: validates the contract and options.
 * @internal
 */
export function startReport(
  contract: unknown,
  options: BuildReportOptions,
  plan: readonly PlanItem[],
): ReportState {
  checkContract(contract);
  const resolved = resolveOptions(contract.timezone, options);
  return createState(contract, resolved, plan);
}

function checkIterable(value: unknown, what: string): void {
  const v = value as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown } | null;
  if (
    v === null ||
    (typeof v !== "object" && typeof v !== "function") ||
    (typeof v[Symbol.iterator] !== "function" && typeof v[Symbol.asyncIterator] !== "function")
  ) {
    throw new SlaError(
      "E_TYPE",
      `Expected ${what} as an iterable (an array, a generator…), received ${describeValue(value)}`,
      what,
    );
  }
}

/**
 * Builds a report from ticket statuses already evaluated at `options.now` (for hosts that keep the statuses
 * of `evaluateTicket`, or evaluate elsewhere). Same rules as `buildReport`.
 *
 * @param contract - The contract (`parseContract`).
 * @param statuses - Any iterable of `TicketStatus`, consumed once.
 * @param options - The window and what to keep.
 * @param plan - Inspections planned over the window.
 * @returns The report.
 * @throws SlaError `E_OPTION` for bad options, `E_TYPE` for a malformed contract or status.
 * @internal
 */
export function buildReportFromStatuses(
  contract: ReportContract,
  statuses: Iterable<TicketStatus>,
  options: BuildReportOptions,
  plan: readonly PlanItem[] = [],
): ServiceReport {
  const state = startReport(contract, options, plan);
  checkIterable(statuses, "statuses");
  for (const status of statuses) addStatus(state, status);
  return finishState(state);
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
  checkMergeable(sa, sb);
  absorb(sa, sb);
  return finishState(sa);
}
