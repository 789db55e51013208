/**
 * Escalation steps: when each step of a cycle fires, and its state at `now`.
 * @internal
 * @module
 */
import { addWorkingTime, type EpochMs, subtractWorkingTime, workingTimeBetween } from "../calendar/kernel.js";
import type { CompiledStep } from "../contracts/index.js";
import type { TargetRules } from "../contracts/kernel.js";
import { dueAtOf, reach } from "./deadlines.js";
import type { NextChange, StartedCycle, StepEvaluation } from "./evaluation.js";

/** The earliest instant after `now` at which something changes, and what changes then. @internal */
export interface NextCheck {
  at: EpochMs;
  readonly changes: NextChange[];
}

/** A fresh {@link NextCheck}: nothing will change yet. @internal */
export function nextCheck(): NextCheck {
  return { at: Number.POSITIVE_INFINITY, changes: [] };
}

/**
 * Notes that a step comes due (`stepId` given) or a cycle is breached at `t`; only the earliest instant's
 * changes are kept (nothing is allocated for a later one).
 * @internal
 */
export function noteChange(
  next: NextCheck,
  t: EpochMs,
  targetId: string,
  cycle: number,
  stepId: string | null,
): void {
  if (t > next.at) return;
  if (t < next.at) {
    next.at = t;
    next.changes.length = 0;
  }
  next.changes.push(
    stepId === null ? { kind: "breach", targetId, cycle } : { kind: "step", targetId, cycle, stepId },
  );
}

/**
 * Appends the steps of a cycle that started, with their times and states at `now`: `due` once its time has come
 * while the clock ran, `skipped` when the clock stopped first (`at` is then `null`), `scheduled` otherwise. A step
 * that fired before a level change moved its time stays `due` at the instant it fired ({@link recordFiredSteps}).
 *
 * @param rules - The cycle's target.
 * @param c - The cycle.
 * @param now - The instant of evaluation.
 * @param dueAt - The cycle's `dueAt`.
 * @param next - Receives the times of the scheduled steps.
 * @param out - The list to append to.
 * @internal
 */
export function addCycleSteps(
  rules: TargetRules,
  c: StartedCycle,
  now: EpochMs,
  dueAt: EpochMs | null,
  next: NextCheck,
  out: StepEvaluation[],
): void {
  const steps = rules.target.steps;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as CompiledStep;
    const fired = c.firedAt?.[i] ?? null;
    if (fired !== null) {
      out.push(stepEvaluation(rules, c.index, step, "due", fired));
      continue;
    }
    const when = stepTime(rules, c, step, dueAt);
    let state: StepEvaluation["state"];
    if (c.endedAt !== null) state = when !== null && when < c.endedAt ? "due" : "skipped";
    else if (when !== null && when <= now) state = "due";
    else {
      state = "scheduled";
      if (when !== null) noteChange(next, when, rules.id, c.index, step.id);
    }
    out.push(stepEvaluation(rules, c.index, step, state, state === "skipped" ? null : when));
  }
}

/**
 * Before a level change or a pause at `t` moves a live cycle's step times (a pause moves `dueAt`, and with it
 * the `beforeDue` and `afterDue` steps): notes each step whose time came before `t` as fired there, so that it
 * stays due (a step exactly at `t` has not fired: events at an instant act first, as a stop exactly at a step's
 * time skips it).
 * @internal
 */
export function recordFiredSteps(rules: TargetRules, c: StartedCycle, t: EpochMs): void {
  const steps = rules.target.steps;
  if (steps.length === 0) return;
  const dueAt = dueAtOf(rules, c);
  let fired = c.firedAt;
  for (let i = 0; i < steps.length; i++) {
    if ((fired?.[i] ?? null) !== null) continue;
    const when = stepTime(rules, c, steps[i] as CompiledStep, dueAt);
    if (when === null || when >= t) continue;
    fired ??= new Array<EpochMs | null>(steps.length).fill(null);
    fired[i] = when;
  }
  c.firedAt = fired;
}

/**
 * Appends the steps of a cycle without a start: `"scheduled"` with no time for a pending clock, `"skipped"` for a
 * chained clock cancelled before it started.
 * @internal
 */
export function addIdleSteps(
  rules: TargetRules,
  cycle: number,
  state: "scheduled" | "skipped",
  out: StepEvaluation[],
): void {
  for (const step of rules.target.steps) out.push(stepEvaluation(rules, cycle, step, state, null));
}

function stepEvaluation(
  rules: TargetRules,
  cycle: number,
  step: CompiledStep,
  state: StepEvaluation["state"],
  at: EpochMs | null,
): StepEvaluation {
  return {
    targetId: rules.id,
    cycle,
    stepId: step.id,
    action: step.action,
    to: step.to,
    tier: step.tier,
    state,
    at,
  };
}

/**
 * When a step fires: at elapsed working time (`after`), at `floor(budget × percent / 100)` of it (never late),
 * `beforeDue` (the calendar's subtraction from `dueAt`, not before the start) or `afterDue`. `null` when it is
 * not determined (a pause lasting at `now`, no `dueAt`) or, for a stopped clock, never reached.
 */
function stepTime(
  rules: TargetRules,
  c: StartedCycle,
  step: CompiledStep,
  dueAt: EpochMs | null,
): EpochMs | null {
  const at = step.at;
  switch (at.kind) {
    case "after":
    case "percent": {
      const x = at.kind === "after" ? at.ms : Math.floor((c.budgetMs * at.percent) / 100);
      // A stopped clock that never reached x: skipped, nothing to compute.
      if (c.endedAt !== null && x > c.elapsedBeforeMs) return null;
      return reach(rules, c, x, "dueAt");
    }
    case "beforeDue":
      if (dueAt === null) return null;
      return at.ms > c.budgetMs && at.ms >= workingTimeBetween(rules.engine, c.startedAt, dueAt)
        ? c.startedAt
        : Math.max(c.startedAt, subtractWorkingTime(rules.engine, dueAt, at.ms, "dueAt"));
    case "afterDue":
      if (dueAt === null) return null;
      // A clock stopped before its dueAt never reaches it.
      if (c.endedAt !== null && dueAt >= c.endedAt) return null;
      return addWorkingTime(rules.engine, dueAt, at.ms, "dueAt");
  }
}
