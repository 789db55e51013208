/**
 * Reports from public ticket statuses (for hosts and tests that hold the `TicketStatus`es of `evaluateTicket`):
 * each status is turned into the `Evaluation` that reports count, once, at the entry.
 * @internal
 * @module
 */
import type { EpochMs } from "../calendar/kernel.js";
import type { Contract } from "../contracts/index.js";
import { compiledOf } from "../contracts/kernel.js";
import { describeValue, SlaError } from "../errors.js";
import type { EscalationStep, TargetStatus, TicketStatus } from "../escalation/index.js";
import type { Evaluation, StepEvaluation, TargetEvaluation } from "../escalation/kernel.js";
import { checkContract, contextOf } from "./context.js";
import type { PlanItem } from "./figures/inspections.js";
import { resolveOptions } from "./options.js";
import { addEvaluation, createState, finishState } from "./state.js";
import type { BuildReportOptions, ServiceReport } from "./types.js";

function badStatus(what: string, value: unknown, path: string): never {
  throw new SlaError("E_TYPE", `Expected ${what} in a ticket status, received ${describeValue(value)}`, path);
}

/**
 * The epoch ms of a status instant: `null` for none (or an invalid `Date`).
 * @throws SlaError `E_TYPE` at `path` for anything but a `Date`, `null` or `undefined`.
 */
function instantOf(d: Date | null | undefined, path: string): EpochMs | null {
  if (d === null || d === undefined) return null;
  if (typeof d !== "object" || typeof d.getTime !== "function") badStatus("an instant as a Date", d, path);
  const t = d.getTime();
  return Number.isFinite(t) ? t : null;
}

/** `instantOf` for the instants reports never read: anything but a valid `Date` is `null`. */
function unreadInstantOf(d: Date | null | undefined): EpochMs | null {
  const t = d instanceof Date ? d.getTime() : Number.NaN;
  return Number.isFinite(t) ? t : null;
}

function targetEvaluationOf(t: TargetStatus, i: number): TargetEvaluation {
  const at = (field: "stoppedAt" | "breachedAt" | "startedAt" | "dueAt"): EpochMs | null =>
    instantOf(t[field], `targets[${i}].${field}`);
  const stoppedAt = at("stoppedAt");
  const breachedAt = at("breachedAt");
  if (!Number.isSafeInteger(t.elapsedMs) || t.elapsedMs < 0)
    badStatus("elapsedMs as a non-negative integer", t.elapsedMs, `targets.${t.id}.elapsedMs`);
  return {
    id: t.id,
    cycle: t.cycle,
    state: t.state,
    level: String(t.level),
    targetMs: t.targetMs,
    startedAt: at("startedAt"),
    dueAt: at("dueAt"),
    lastCompliantAt: unreadInstantOf(t.lastCompliantAt),
    stoppedAt,
    breachedAt,
    elapsedMs: t.elapsedMs,
    remainingMs: t.remainingMs,
    pausedMs: t.pausedMs,
  };
}

function stepEvaluationOf(s: EscalationStep): StepEvaluation {
  return {
    targetId: s.targetId,
    cycle: s.cycle,
    stepId: s.stepId,
    action: s.action,
    to: s.to,
    tier: s.tier,
    state: s.state,
    at: unreadInstantOf(s.at),
  };
}

/**
 * The evaluation of a public ticket status: instants as epoch ms (`null` for none), the fields a report reads
 * checked.
 *
 * @param status - A status of `evaluateTicket`, evaluated at `now`.
 * @param now - The instant it was evaluated at.
 * @returns The same ticket as an `Evaluation`.
 * @throws SlaError `E_TYPE` with the field's path for an instant that is not a `Date` (`openedAt` must be a
 *   valid one), a non-string `id`, or an `elapsedMs` that is not a non-negative integer.
 * @example
 * ```ts
 * evaluationOfStatus(evaluateTicket(contract, ticket, now), now).openedAt; //=> ticket's opening, epoch ms
 * ```
 * @internal
 */
export function evaluationOfStatus(status: TicketStatus, now: EpochMs): Evaluation {
  const openedAt = instantOf(status.openedAt, "openedAt");
  if (openedAt === null) badStatus("openedAt as a valid Date", status.openedAt, "openedAt");
  if (typeof status.id !== "string") badStatus("id as a string", status.id, "id");
  const resolvedAt = instantOf(status.resolvedAt, "resolvedAt");
  const closedAt = instantOf(status.closedAt, "closedAt");
  return {
    ticketId: status.id,
    now,
    level: String(status.level),
    phase: String(status.phase) as TicketStatus["phase"],
    openedAt,
    resolvedAt,
    closedAt,
    channel: typeof status.channel === "string" ? status.channel : undefined,
    targets: status.targets.map(targetEvaluationOf),
    steps: status.escalations.map(stepEvaluationOf),
    surveys: status.surveys.map((s) => ({
      channel: String(s.channel),
      satisfied: s.satisfied === true,
      at: unreadInstantOf(s.at) ?? now,
    })),
    nextCheckAt: unreadInstantOf(status.nextCheckAt),
    nextChanges: [],
    warnings: status.warnings,
  };
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
 * of `evaluateTicket`, or evaluate elsewhere). Same rules as `buildReport`; each status is converted once
 * (`evaluationOfStatus`) and counted as `buildReport` counts an evaluation.
 *
 * @param contract - The contract (`parseContract`).
 * @param statuses - Any iterable of `TicketStatus`, consumed once.
 * @param options - The window and what to keep.
 * @param plan - Inspections planned over the window (none by default).
 * @returns The report.
 * @throws SlaError `E_OPTION` for bad options, `E_TYPE` for a malformed contract or status.
 * @internal
 */
export function buildReportFromStatuses(
  contract: Contract,
  statuses: Iterable<TicketStatus>,
  options: BuildReportOptions,
  plan: readonly PlanItem[] = [],
): ServiceReport {
  checkContract(contract);
  const resolved = resolveOptions(contract.timezone, options);
  const state = createState(contextOf(contract, compiledOf(contract), resolved, plan));
  checkIterable(statuses, "statuses");
  for (const status of statuses) addEvaluation(state, evaluationOfStatus(status, resolved.now));
  return finishState(state);
}
