/**
 * An evaluation in epoch ms turned into the public `TicketStatus`: the only place `Date`s are made and step keys
 * built. Optional fields (`stoppedAt`, `breachedAt`, `tier`) are left out when absent, never `undefined`.
 * @internal
 * @module
 */

import type { EpochMs } from "../calendar/kernel.js";
import type { Evaluation, NextChange, StepEvaluation, TargetEvaluation } from "./evaluation.js";
import { escapeKeyPart, joinStepKey } from "./step-key.js";
import type { EscalationStep, NextCheck, NextCheckChange, TargetStatus, TicketStatus } from "./types.js";

function dateOrNull(t: EpochMs | null): Date | null {
  return t === null ? null : new Date(t);
}

/**
 * The public status of an evaluation.
 *
 * @param e - The evaluation (from `evaluate`).
 * @returns The same status with `Date`s, step keys, and the optional fields present only when set.
 * @internal
 */
export function toTicketStatus(e: Evaluation): TicketStatus {
  const ticketId = e.ticketId;
  const keyPart = escapeKeyPart(ticketId);
  return {
    id: ticketId,
    level: e.level,
    phase: e.phase,
    openedAt: new Date(e.openedAt),
    resolvedAt: dateOrNull(e.resolvedAt),
    closedAt: dateOrNull(e.closedAt),
    channel: e.channel,
    targets: e.targets.map(toTargetStatus),
    escalations: e.steps.map((s) => toEscalationStep(ticketId, keyPart, s)),
    surveys: e.surveys.map((s) => ({ channel: s.channel, satisfied: s.satisfied, at: new Date(s.at) })),
    nextCheckAt: dateOrNull(e.nextCheckAt),
    nextCheck: e.nextCheckAt === null ? null : nextCheckOf(e.nextCheckAt, e.nextChanges, keyPart),
    warnings: e.warnings,
  };
}

/**
 * The public status of one target cycle. Each combination of the optional fields has its own literal, so that
 * every status of that combination has the same shape.
 * @internal
 */
export function toTargetStatus(t: TargetEvaluation): TargetStatus {
  const { id, cycle, state, level, targetMs, elapsedMs, remainingMs, pausedMs } = t;
  const startedAt = dateOrNull(t.startedAt);
  const dueAt = dateOrNull(t.dueAt);
  const lastCompliantAt = dateOrNull(t.lastCompliantAt);
  if (t.stoppedAt === null) {
    if (t.breachedAt === null) {
      return {
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
      };
    }
    const breachedAt = new Date(t.breachedAt);
    return {
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
  const stoppedAt = new Date(t.stoppedAt);
  if (t.breachedAt === null) {
    return {
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
    };
  }
  const breachedAt = new Date(t.breachedAt);
  return {
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

/** A step's public form, with its stable key. */
function toEscalationStep(ticketId: string, keyPart: string, s: StepEvaluation): EscalationStep {
  const key = joinStepKey(keyPart, s.targetId, s.cycle, s.stepId);
  const at = dateOrNull(s.at);
  const { targetId, cycle, stepId, action, to, state } = s;
  return s.tier === undefined
    ? { key, ticketId, targetId, cycle, stepId, action, to, state, at }
    : { key, ticketId, targetId, cycle, stepId, action, to, tier: s.tier, state, at };
}

/** The public reason for `nextCheckAt`: its changes, steps with their keys. */
function nextCheckOf(at: EpochMs, changes: readonly NextChange[], keyPart: string): NextCheck {
  return {
    at: new Date(at),
    changes: changes.map(
      (c): NextCheckChange =>
        c.kind === "breach"
          ? c
          : {
              kind: "step",
              key: joinStepKey(keyPart, c.targetId, c.cycle, c.stepId),
              targetId: c.targetId,
              cycle: c.cycle,
              stepId: c.stepId,
            },
    ),
  };
}
