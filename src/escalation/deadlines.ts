/**
 * When a cycle's clock reaches a given elapsed working time: its `dueAt`, its `lastCompliantAt`, and whether it is
 * breached. A cycle that ended is projected as if its clock had run on from the end.
 * @internal
 * @module
 */
import {
  addWorkingTime,
  type Boundary,
  type DurationMs,
  type EpochMs,
  isOpen,
  workingTimeBetween,
} from "../calendar/kernel.js";
import type { TargetRules } from "../contracts/kernel.js";
import type { Cycle, Segment, StartedCycle } from "./evaluation.js";

/**
 * The instant at which a cycle's elapsed working time reaches `x`.
 *
 * @param rules - The cycle's target.
 * @param c - The cycle.
 * @param x - Elapsed working time, pauses excluded.
 * @param boundary - `"dueAt"`: the first instant at which elapsed reaches `x`; `"nextOpening"`: the last instant
 *   at which it does not exceed `x` (the next opening when `x` is reached at the end of a working period).
 * @returns The instant, or `null` when a pause that lasts at `now` keeps it from ever happening.
 * @example
 * ```ts
 * // Office 09:00–18:00, started Mon 17:00, running:
 * reach(rules, c, HOUR, "dueAt");       //=> Mon 18:00
 * reach(rules, c, HOUR, "nextOpening"); //=> Tue 09:00
 * ```
 * @internal
 */
export function reach(
  rules: TargetRules,
  c: StartedCycle,
  x: DurationMs,
  boundary: Boundary,
): EpochMs | null {
  if (x === 0 && boundary === "dueAt") return c.startedAt;
  const segments = c.segments;
  const k = firstSegmentReaching(segments, x, boundary === "nextOpening");
  if (k < segments.length) {
    const before = k === 0 ? 0 : (segments[k - 1] as Segment).elapsedAtEndMs;
    return addWorkingTime(rules.engine, (segments[k] as Segment).start, x - before, boundary);
  }
  const from = c.endedAt ?? c.runningSince;
  if (from === null) return null;
  return addWorkingTime(rules.engine, from, x - c.elapsedBeforeMs, boundary);
}

/** The first segment whose elapsed time at its end reaches `x` (exceeds it, when `strictly`); or the count. */
function firstSegmentReaching(segments: readonly Segment[], x: DurationMs, strictly: boolean): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const elapsed = (segments[mid] as Segment).elapsedAtEndMs;
    if (strictly ? elapsed > x : elapsed >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A cycle's `dueAt`: when its budget is used up; `null` while a pause lasting at `now` keeps it open. @internal */
export function dueAtOf(rules: TargetRules, c: StartedCycle): EpochMs | null {
  return reach(rules, c, c.budgetMs, "dueAt");
}

/**
 * A cycle's `lastCompliantAt`: the last instant at which its budget is not exceeded. For business days the
 * deadline itself; otherwise `dueAt`, unless `dueAt` ends a working period (then the next opening) or a pause
 * starts exactly when the budget is used up.
 *
 * @param rules - The cycle's target.
 * @param c - The cycle.
 * @param dueAt - Its `dueAt` (from {@link dueAtOf}).
 * @returns The instant, or `null` like `dueAt` (and while a pause holds the clock exactly on its budget).
 * @internal
 */
export function lastCompliantAtOf(
  rules: TargetRules,
  c: StartedCycle,
  dueAt: EpochMs | null,
): EpochMs | null {
  if (c.businessDays || dueAt === null) return dueAt;
  const x = c.budgetMs;
  if (x > 0 && !pausedOnReaching(c, x)) {
    // The clock runs on at `dueAt`: it is also the last compliant instant unless it ends a working period.
    return isOpen(rules.engine, dueAt) ? dueAt : addWorkingTime(rules.engine, dueAt, 0, "nextOpening");
  }
  return reach(rules, c, x, "nextOpening");
}

/** Whether a pause starts exactly when the elapsed time reaches `x`. */
function pausedOnReaching(c: Cycle, x: DurationMs): boolean {
  const segments = c.segments;
  const k = firstSegmentReaching(segments, x, false);
  if (k < segments.length) return (segments[k] as Segment).elapsedAtEndMs === x;
  return c.runningSince === null && c.endedAt === null && c.elapsedBeforeMs === x;
}

/** Elapsed working ms at `t` (a live cycle, `t` at or after its last change). @internal */
export function elapsedAt(rules: TargetRules, c: Cycle, t: EpochMs): DurationMs {
  return c.runningSince !== null
    ? c.elapsedBeforeMs + workingTimeBetween(rules.engine, c.runningSince, t)
    : c.elapsedBeforeMs;
}

/**
 * Whether a live cycle is breached at `t`: its elapsed working time exceeds the budget (for business days: `t`
 * is after `dueAt`). Never for a level the target does not apply to.
 * @internal
 */
export function isBreachedAt(rules: TargetRules, c: StartedCycle, t: EpochMs): boolean {
  if (c.duration === null) return false;
  if (!c.businessDays) return elapsedAt(rules, c, t) > c.budgetMs;
  const due = dueAtOf(rules, c);
  return due !== null && t > due;
}
