/**
 * `buildReport`: evaluates each ticket at `now` and counts its evaluation into a report, in bounded memory.
 * @module
 */

import type { Contract } from "../contracts/index.js";
import { compiledOf } from "../contracts/kernel.js";
import { SlaError } from "../errors.js";
import type { Ticket } from "../escalation/index.js";
import { type Evaluation, evaluate } from "../escalation/kernel.js";
import { checkContract, contextOf } from "./context.js";
import { planFor } from "./figures/inspections.js";
import { resolveOptions } from "./options.js";
import { addEvaluation, addSkipped, createState, finishState, type ReportState } from "./state.js";
import type { BuildReportOptions, ServiceReport } from "./types.js";

/** A new report state for the contract and options: the window resolved once, its inspections planned. */
function begin(contract: Contract, options: BuildReportOptions): { state: ReportState; skip: boolean } {
  checkContract(contract);
  const resolved = resolveOptions(contract.timezone, options);
  const compiled = compiledOf(contract);
  const plan = planFor(compiled, resolved.from, resolved.to);
  return {
    state: createState(contextOf(contract, compiled, resolved, plan)),
    skip: options.invalidTickets === "skip",
  };
}

function idOf(ticket: unknown): string {
  const id = (ticket as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : String(id);
}

function addTicket(state: ReportState, contract: Contract, ticket: Ticket, skip: boolean): void {
  let evaluation: Evaluation;
  try {
    evaluation = evaluate(contract, ticket, state.context.now);
  } catch (e) {
    if (skip && e instanceof SlaError) {
      addSkipped(state, idOf(ticket), e.code, e.message);
      return;
    }
    throw e;
  }
  addEvaluation(state, evaluation);
}

function notIterable(value: unknown): never {
  throw new SlaError(
    "E_TYPE",
    `Expected tickets as an iterable (an array, a generator…)${typeof value === "object" && value !== null ? "" : `, received ${typeof value}`}`,
    "tickets",
  );
}

/**
 * Builds the service report of a contract over the tickets opened in a window, each evaluated at `now` with
 * `evaluateTicket`.
 *
 * **Which tickets count**: those whose opening (`TicketStatus.openedAt`) is in `[from, to)` and not after
 * `now`; the others are counted in `tickets.outsideWindow` only. Give the window as instants, or as
 * `period: { month: "2025-10" }` (also `quarter`, `year`, `dates`), which is cut at local midnight in the
 * contract's zone. Breaches and tickets per day use local dates of that zone; nothing depends on the host's
 * time zone or locale.
 *
 * **Per target and fault level** (the level whose duration applied): cycles met, breached (stopped late),
 * open, open and already breached, pending and cancelled; compliance = met / (met + breached + open and
 * breached), from integer counts; elapsed working time of the stopped cycles: mean, median and p90 (nearest
 * rank), min and max. Counts are per target cycle (a target with resets has several per ticket).
 *
 * **KPIs** of the contract, each `"pass"`, `"fail"` or `"noData"` (never a pass without data), judged
 * exactly: satisfaction per channel (surveys answered on these tickets by `now`), mean handling time per
 * channel (wall-clock time from opening to resolution of the resolved tickets; at most `max` passes),
 * resolution rate, target compliance (which covers obligations after resolution such as a problem report
 * within 24 h), inspection compliance (planned inspections of the window against `options.inspections`).
 *
 * **Bounded memory**: tickets are consumed one at a time and not kept. The report holds counts per target and
 * level, per channel, per local date; per target and level a summary of elapsed values that is exact up to
 * `exactValues` distinct values (10,000 by default, about 0.5 MB) and then a histogram of at most ~22,000
 * buckets (relative error < 0.1 % for median and p90, flagged `exact: false`); and the first `rows` ticket-target
 * rows and `breaches` breaches (10,000 each by default; `"all"` keeps all, growing with the tickets).
 *
 * @param contract - The contract (`parseContract`).
 * @param tickets - Any iterable of tickets (an array, a generator reading a database cursor…), consumed once.
 * @param options - `from`/`to` or `period`, `now`, and optionally `inspections`, `rows`, `breaches`,
 *   `exactValues`, `invalidTickets`.
 * @returns The report: plain JSON data, instants as ISO 8601 UTC strings.
 * @throws SlaError `E_OPTION` for bad options (unknown key, `from` not before `to`, both `period` and
 *   `from`), `E_INSTANT` / `E_INSTANT_RANGE` for bad instants, `E_TYPE` when `tickets` is not iterable, any
 *   error of `evaluateTicket` for a bad ticket (unless `invalidTickets: "skip"`), `E_LIMIT` when a sum of
 *   elapsed times outgrows exact integers.
 * @example
 * ```ts
 * const report = buildReport(contract, tickets, {
 *   period: { month: "2025-10" },             // 2025-10-01 00:00 to 2025-11-01 00:00 in the contract's zone
 *   now: "2025-11-01T00:00:00+08:00",
 *   inspections: [{ inspectionId: "monthly", at: "2025-10-03T10:00:00+08:00" }],
 * });
 * report.kpis.map((k) => [k.id, k.status]);
 * //=> [["satConsultation", "pass"], ["handlingConsultation", "fail"], ...]
 * report.targets[0].compliance; //=> 0.96
 * ```
 * @category Reporting
 */
export function buildReport(
  contract: Contract,
  tickets: Iterable<Ticket>,
  options: BuildReportOptions,
): ServiceReport {
  const { state, skip } = begin(contract, options);
  const iterator = (tickets as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator];
  if (typeof iterator !== "function") notIterable(tickets);
  for (const ticket of tickets) addTicket(state, contract, ticket, skip);
  return finishState(state);
}

/**
 * {@link buildReport} for streaming input: accepts an async iterable (a database cursor, a file read line by
 * line, a network stream) as well as any iterable, and reads it one ticket at a time.
 *
 * @param contract - The contract (`parseContract`).
 * @param tickets - An `AsyncIterable<Ticket>` or `Iterable<Ticket>`, consumed once.
 * @param options - As for `buildReport`.
 * @returns A promise of the report; it rejects with the errors `buildReport` throws.
 * @throws SlaError As `buildReport` (as a rejection).
 * @example
 * ```ts
 * async function* fromDatabase() { for await (const row of cursor) yield JSON.parse(row.ticket); }
 * const report = await buildReportAsync(contract, fromDatabase(), { period: { month: "2025-10" }, now });
 * report.tickets.count; //=> 1000000
 * ```
 * @category Reporting
 */
export async function buildReportAsync(
  contract: Contract,
  tickets: AsyncIterable<Ticket> | Iterable<Ticket>,
  options: BuildReportOptions,
): Promise<ServiceReport> {
  const { state, skip } = begin(contract, options);
  const t = tickets as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown } | null;
  if (typeof t?.[Symbol.asyncIterator] === "function") {
    for await (const ticket of tickets as AsyncIterable<Ticket>) addTicket(state, contract, ticket, skip);
  } else if (typeof t?.[Symbol.iterator] === "function") {
    for (const ticket of tickets as Iterable<Ticket>) addTicket(state, contract, ticket, skip);
  } else {
    notIterable(tickets);
  }
  return finishState(state);
}
