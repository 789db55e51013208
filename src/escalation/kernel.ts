/**
 * The escalation module's one internal door for `reporting`: ticket evaluation in epoch ms. Reporting imports
 * `escalation` only through `index.ts` (public) or this file (an architecture test checks it).
 * @internal
 * @module
 */
import type { Instant } from "../calendar/kernel.js";
import type { Contract } from "../contracts/index.js";
import { evaluate } from "./evaluate.js";
import type { TargetEvaluation } from "./evaluation.js";
import type { EscalationStep, TargetStatus, Ticket, TicketStatus } from "./types.js";

export { evaluate } from "./evaluate.js";
export type { Evaluation, StepEvaluation, SurveyEvaluation, TargetEvaluation } from "./evaluation.js";

/**
 * `T` with its instants written as `I` instead of `Date`, in nested lists too. Kept only while reporting still
 * reads {@link evaluateTicketMs}; it goes with it.
 * @internal
 */
export type AtInstants<T, I> = {
  readonly [K in keyof T]: T[K] extends Date
    ? I
    : T[K] extends Date | null
      ? I | null
      : T[K] extends Date | undefined
        ? I | undefined
        : T[K] extends readonly (infer E)[]
          ? readonly AtInstants<E, I>[]
          : T[K];
};

/**
 * `evaluateTicket` with instants as epoch ms: the status shape a report counts, made from {@link evaluate} (the
 * same fields, keys and optional fields as the public status). Transitional: reports move to `evaluate`, then
 * this goes.
 * @internal
 */
export function evaluateTicketMs(
  contract: Contract,
  ticket: Ticket,
  now: Instant,
): AtInstants<TicketStatus, number> {
  const e = evaluate(contract, ticket, now);
  const ticketId = e.ticketId;
  return {
    id: ticketId,
    level: e.level,
    phase: e.phase,
    openedAt: e.openedAt,
    resolvedAt: e.resolvedAt,
    closedAt: e.closedAt,
    channel: e.channel,
    targets: e.targets.map(targetInMs),
    escalations: e.steps.map((s): AtInstants<EscalationStep, number> => {
      const key = `${ticketId}/${s.targetId}/${s.cycle}/${s.stepId}`;
      const { targetId, cycle, stepId, action, to, state, at } = s;
      return s.tier === undefined
        ? { key, ticketId, targetId, cycle, stepId, action, to, state, at }
        : { key, ticketId, targetId, cycle, stepId, action, to, tier: s.tier, state, at };
    }),
    surveys: e.surveys,
    nextCheckAt: e.nextCheckAt,
    warnings: e.warnings,
  };
}

/** A target entry in the public shape, instants in ms: one literal per combination of the optional fields. */
function targetInMs(t: TargetEvaluation): AtInstants<TargetStatus, number> {
  const { id, cycle, state, level, targetMs, startedAt, dueAt, lastCompliantAt, stoppedAt, breachedAt } = t;
  const { elapsedMs, remainingMs, pausedMs } = t;
  if (stoppedAt === null) {
    return breachedAt === null
      ? {
          id,
          cycle,
          state,
          level,
          targetMs,
          startedAt,
          dueAt,
          lastCompliantAt,
          elapsedMs,
          remainingMs,
          pausedMs,
        }
      : {
          id,
          cycle,
          state,
          level,
          targetMs,
          startedAt,
          dueAt,
          lastCompliantAt,
          breachedAt,
          elapsedMs,
          remainingMs,
          pausedMs,
        };
  }
  return breachedAt === null
    ? {
        id,
        cycle,
        state,
        level,
        targetMs,
        startedAt,
        dueAt,
        lastCompliantAt,
        stoppedAt,
        elapsedMs,
        remainingMs,
        pausedMs,
      }
    : {
        id,
        cycle,
        state,
        level,
        targetMs,
        startedAt,
        dueAt,
        lastCompliantAt,
        stoppedAt,
        breachedAt,
        elapsedMs,
        remainingMs,
        pausedMs,
      };
}
