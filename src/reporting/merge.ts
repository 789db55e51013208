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
 * A report read back and written again: every value checked as `mergeReports` checks a part, every derived
 * figure computed again from the mergeable ones. What `renderReport` renders, so that nothing of a tampered
 * report reaches the output unchecked.
 * @throws SlaError As `mergeReports` for a malformed or inconsistent report, with paths under `path`.
 * @internal
 */
export function checkedReport(report: unknown, path: string): ServiceReport {
  try {
    return finishState(stateFromReport(report, path));
  } catch (e) {
    if (e instanceof SlaError) throw e;
    throw new SlaError(
      "E_OPTION",
      "Expected a ServiceReport from buildReport: the report is malformed",
      path,
      {
        cause: e,
      },
    );
  }
}

/** The ticket ids a state read back shows in its kept rows and breaches. */
function keptTicketIds(state: ReportState): Set<string> {
  const ids = new Set<string>();
  for (const row of state.figures.rows.items.items) ids.add(row.ticketId);
  for (const breach of state.figures.breaches.items.items) ids.add(breach.ticketId);
  return ids;
}

/**
 * Notes the tickets a part shows, and refuses parts that show the same ticket: a ticket id in the kept rows or breaches of two parts means that the
 * parts are not over disjoint tickets (`mergeReports(r, r)`, a shard given twice), and the merge would count
 * those tickets twice. Parts that kept no row or breach of a shared ticket cannot be told apart from disjoint
 * ones: this check finds overlaps, it does not prove their absence.
 * @throws SlaError `E_OPTION` "Reports over disjoint tickets expected: …" at `<part>.rows`.
 */
function noteKeptTickets(
  seenIn: Map<string, number>,
  state: ReportState,
  part: number,
  names: readonly string[],
): void {
  for (const id of keptTicketIds(state)) {
    const first = seenIn.get(id);
    if (first !== undefined) {
      throw new SlaError(
        "E_OPTION",
        `Reports over disjoint tickets expected: ticket ${describeValue(id)} is in ${names[first]} and ${names[part]} (a part given twice counts its tickets twice)`,
        `${names[part]}.rows`,
      );
    }
    seenIn.set(id, part);
  }
}

/** Whether the arguments are those `Array#reduce` gives its callback: `(a, b, index, array)`. */
function isReduceCall(args: readonly unknown[]): boolean {
  return args.length === 4 && typeof args[2] === "number" && Array.isArray(args[3]);
}

/**
 * Merges reports over disjoint sets of tickets into the report over their union: every count, sum, value
 * summary and kept list adds up, and every derived figure (rates, mean, median, p90, KPI verdicts, inspection
 * compliance) is computed again from the sums. Works on reports that went through `JSON.stringify` /
 * `JSON.parse`, so partial reports can be built in worker threads or other processes. Merging is associative
 * and commutative, and `mergeReports(a, b, c)` equals `mergeReports(mergeReports(a, b), c)`.
 *
 * Give all parts in one call: each is read once, added into one state, and the report is finished once (a
 * pairwise fold re-reads and re-finishes the growing report at every step). `parts.reduce(mergeReports)` works
 * too (the index and array that `reduce` passes are recognised and ignored). One part gives that report
 * checked and written again.
 *
 * Every part is checked as it is read: a value of the wrong type, an instant without an offset, figures that
 * contradict each other (more satisfied surveys than surveys, histogram counts that do not add up, …) or a KPI
 * that is not one is refused with its JSON path, never merged.
 *
 * Performed inspections are a set: giving the same list to every part (or to one part only) gives the same
 * merged report.
 *
 * **Disjoint parts.** Each ticket must be in one part only. A ticket id that shows in the kept rows or
 * breaches of two parts is refused (`E_OPTION` at `<part>.rows`), which catches `mergeReports(r, r)` and a
 * shard given twice whenever the parts kept rows or breaches of the shared tickets (by default the first
 * 10,000 rows of each part). An overlap among tickets that no part kept a row or breach of cannot be seen in
 * the figures and is not detected.
 *
 * @param parts - Reports from `buildReport` (or merges), for the same contract, window, `now` and options.
 *   In messages they are `a` and `b` when there are two, else `parts[0]`, `parts[1]`, ….
 * @returns The report over the tickets of all parts.
 * @throws SlaError `E_OPTION` when no part is given, when the parts differ in contract, window, `now` or
 *   options, when one of them is not a report or is inconsistent, or when two parts show the same ticket;
 *   `E_INSTANT` / `E_INSTANT_RANGE` for an instant without an offset or out of range; `E_LIMIT` when a sum
 *   outgrows exact integers.
 * @example
 * ```ts
 * const options = { period: { month: "2025-10" }, now: "2025-11-01T00:00:00+08:00" };
 * const a = buildReport(contract, tickets.slice(0, 500), options);
 * const b = buildReport(contract, tickets.slice(500, 900), options);
 * const c = buildReport(contract, tickets.slice(900), options);
 * mergeReports(a, b, c).tickets.count; //=> tickets.length (when all were opened in October)
 * mergeReports(a, a); // throws E_OPTION: the same tickets twice
 * ```
 * @category Reporting
 */
export function mergeReports(...parts: readonly ServiceReport[]): ServiceReport;
/**
 * The form `Array.prototype.reduce` calls, `parts.reduce(mergeReports)`: merges `a` and `b` only.
 *
 * @param a - The report so far.
 * @param b - The next part.
 * @param index - Given by `reduce`; ignored.
 * @param array - Given by `reduce`; ignored.
 * @returns The report over the tickets of both.
 * @category Reporting
 */
export function mergeReports(
  a: ServiceReport,
  b: ServiceReport,
  index?: number,
  array?: readonly ServiceReport[],
): ServiceReport;
export function mergeReports(...args: readonly unknown[]): ServiceReport {
  const parts = isReduceCall(args) ? args.slice(0, 2) : args;
  if (parts.length === 0) throw new SlaError("E_OPTION", "Expected at least one report to merge", "parts");
  const names = parts.length === 2 ? ["a", "b"] : parts.map((_, i) => `parts[${i}]`);
  try {
    // One part at a time: read, checked against the first, added in, then dropped.
    const into = stateFromReport(parts[0], names[0] as string);
    const seenIn = new Map<string, number>();
    noteKeptTickets(seenIn, into, 0, names);
    for (let i = 1; i < parts.length; i++) {
      const part = stateFromReport(parts[i], names[i] as string);
      checkMergeable(into.context, part.context);
      noteKeptTickets(seenIn, part, i, names);
      absorbState(into, part);
    }
    return finishState(into);
  } catch (e) {
    if (e instanceof SlaError) throw e;
    // Unreachable when every figure reads its section completely; a last guard so that no raw error escapes.
    throw new SlaError("E_OPTION", "Expected ServiceReports from buildReport: a part is malformed", "", {
      cause: e,
    });
  }
}
