/**
 * The changes of one cycle of a target's clock: it opens, pauses, resumes, takes a new level's duration, and ends
 * met, breached or cancelled.
 * @internal
 * @module
 */
import { addWorkingDays, type DurationMs, type EpochMs, workingTimeBetween } from "../calendar/kernel.js";
import type { TargetRules } from "../contracts/kernel.js";
import { dueAtOf, isBreachedAt } from "./deadlines.js";
import type { Cycle, StartedCycle } from "./evaluation.js";
import { durationFor } from "./prepare.js";

/** The segments or pauses of a cycle that has none yet: shared, frozen; the first one added replaces it. */
const NONE: readonly never[] = Object.freeze([]);

/** `list` with `item` appended: in place, or a new list in place of {@link NONE}. */
function appended<T>(list: readonly T[], item: T): readonly T[] {
  if (list === NONE) return [item];
  (list as T[]).push(item);
  return list;
}

/**
 * A new cycle, started at `t`.
 *
 * @param rules - The target.
 * @param index - The cycle's number.
 * @param t - Its start.
 * @param startedBy - What started it.
 * @param level - The ticket's level at the start.
 * @param paused - Whether the target's pause rule holds the clock at the start.
 * @internal
 */
export function openCycle(
  rules: TargetRules,
  index: number,
  t: EpochMs,
  startedBy: string,
  level: string,
  paused: boolean,
): StartedCycle {
  const c: StartedCycle = {
    index,
    startedAt: t,
    startedBy,
    level,
    duration: null,
    budgetMs: 0,
    businessDays: false,
    runningSince: paused ? null : t,
    elapsedBeforeMs: 0,
    pausedSince: paused ? t : null,
    segments: NONE,
    pauses: NONE,
    pausedMs: 0,
    endedAt: null,
    endedBy: "",
    outcome: "live",
    firedAt: null,
  };
  applyLevel(rules, c, level);
  return c;
}

/** A chained cycle cancelled before it started, at `t`, because its parent was met (or cancelled). @internal */
export function cancelledBeforeStart(
  rules: TargetRules,
  index: number,
  t: EpochMs,
  startedBy: string,
  level: string,
): Cycle {
  return {
    index,
    startedAt: null,
    startedBy,
    level,
    duration: durationFor(rules, level),
    budgetMs: 0,
    businessDays: false,
    runningSince: null,
    elapsedBeforeMs: 0,
    pausedSince: null,
    segments: NONE,
    pauses: NONE,
    pausedMs: 0,
    endedAt: t,
    endedBy: "parent met",
    outcome: "cancelled",
    firedAt: null,
  };
}

/**
 * Gives a cycle the duration of a level, kept from its original start: a working-time budget, or for business
 * days the working time from the start to the end of business of the Nth following working day.
 * @internal
 */
export function applyLevel(rules: TargetRules, c: StartedCycle, level: string): void {
  c.level = level;
  const duration = durationFor(rules, level);
  c.duration = duration;
  if (duration === null) {
    c.budgetMs = 0;
    c.businessDays = false;
  } else if (duration.kind === "time") {
    c.budgetMs = duration.ms;
    c.businessDays = false;
  } else {
    const deadline = addWorkingDays(rules.engine, c.startedAt, duration.days, false);
    c.budgetMs = workingTimeBetween(rules.engine, c.startedAt, deadline);
    c.businessDays = true;
  }
}

/** Closes the running segment after `workingMs` more of elapsed time. */
function closeSegment(c: Cycle, start: EpochMs, workingMs: DurationMs): void {
  c.elapsedBeforeMs += workingMs;
  c.segments = appended(c.segments, { start, elapsedAtEndMs: c.elapsedBeforeMs });
  c.runningSince = null;
}

/** Pauses a running cycle at `t`. @internal */
export function pauseCycle(rules: TargetRules, c: Cycle, t: EpochMs): void {
  const since = c.runningSince as EpochMs;
  closeSegment(c, since, workingTimeBetween(rules.engine, since, t));
  c.pausedSince = t;
}

/** Resumes a paused cycle at `t`. @internal */
export function resumeCycle(rules: TargetRules, c: Cycle, t: EpochMs): void {
  const since = c.pausedSince as EpochMs;
  const workingMs = workingTimeBetween(rules.engine, since, t);
  c.pausedMs += workingMs;
  c.pauses = appended(c.pauses, { start: since, end: t, workingMs });
  c.pausedSince = null;
  c.runningSince = t;
}

/**
 * Ends a live cycle at `t` with `outcome`, or `"breached"` when its budget was exceeded by then.
 *
 * @param rules - The target.
 * @param c - The live cycle.
 * @param t - The end.
 * @param outcome - `"met"` (a stop or a reset) or `"cancelled"` (a cancel, a restart on a level change).
 * @param endedBy - What ended it.
 * @internal
 */
export function finishCycle(
  rules: TargetRules,
  c: StartedCycle,
  t: EpochMs,
  outcome: "met" | "cancelled",
  endedBy: string,
): void {
  let breached: boolean;
  if (c.runningSince !== null) {
    const workingMs = workingTimeBetween(rules.engine, c.runningSince, t);
    if (c.duration === null) breached = false;
    else if (c.businessDays) {
      const due = dueAtOf(rules, c);
      breached = due !== null && t > due;
    } else breached = c.elapsedBeforeMs + workingMs > c.budgetMs;
    closeSegment(c, c.runningSince, workingMs);
  } else {
    breached = isBreachedAt(rules, c, t);
    resumeCycle(rules, c, t);
    c.runningSince = null;
  }
  c.endedAt = t;
  c.endedBy = endedBy;
  c.outcome = breached ? "breached" : outcome;
}
