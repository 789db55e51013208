/**
 * One target's clock over a ticket's events, in integer epoch ms: cycles, pauses, level changes, chained
 * starts, and the deadlines they give. A cycle keeps the segments during which it ran, with the elapsed working
 * time after each, so that any "when does elapsed reach X" question is a binary search plus one calendar call.
 * @internal
 * @module
 */
import {
  addWorkingDays,
  addWorkingTime,
  isOpen,
  type ParsedDuration,
  workingTimeBetween,
} from "../calendar/kernel.js";
import type { Events, Warnings } from "./events.js";
import {
  CANCEL,
  durationOf,
  LEVEL,
  PAUSE,
  PAUSE_EVENTS,
  PAUSE_STATUSES,
  RESET,
  RESUME,
  START,
  STATUS,
  STOP,
  type TargetPlan,
} from "./plan.js";

/** Outcome of a cycle. */
export const LIVE = 0;
export const MET = 1;
export const BREACHED = 2;
export const CANCELLED = 3;

/** One cycle of a target's clock. Mutable while the events are folded; read-only afterwards. */
export interface Cycle {
  readonly n: number;
  /** NaN for a chained cycle cancelled before it started (its parent was met). */
  readonly start: number;
  readonly startedBy: string;
  level: string;
  /** `null`: the level is not subject to the target. */
  dur: ParsedDuration | null;
  /** Working ms the clock may run (for business days: the working time from the start to the rule-6 deadline). */
  budget: number;
  days: boolean;
  running: boolean;
  /** Start of the running segment. */
  mark: number;
  /** Elapsed working ms before `mark` (or before the pause). */
  acc: number;
  pauseStart: number;
  /** Closed running segments, flat `[start, elapsed working ms at its end, …]`; each ends where a pause starts. */
  segs: number[] | null;
  /** Completed pauses, flat `[start, end, workingMs, …]`. */
  pauses: number[] | null;
  pausedMs: number;
  /** NaN while live. */
  end: number;
  endedBy: string;
  outcome: number;
}

/** The folded clock of one target. */
export interface TargetRun {
  readonly plan: TargetPlan;
  readonly cycles: Cycle[];
  /** Whether a `pending` entry follows the cycles (a clock not started yet). */
  readonly pending: boolean;
  readonly pendingCycle: number;
  readonly pendingLevel: string;
}

/** Instant at which the elapsed working time first reaches `x` (`after` false), or the last instant at which it
 * does not exceed `x` (`after` true); NaN when a pause that lasts at `now` keeps it from ever happening. A cycle
 * that ended is projected as if its clock had run on from the end. */
export function reach(tp: TargetPlan, c: Cycle, x: number, after: boolean): number {
  if (x === 0 && !after) return c.start;
  const segs = c.segs;
  if (segs !== null) {
    // first segment whose elapsed at its end reaches (or exceeds) x
    let lo = 0;
    let hi = segs.length >> 1;
    const count = hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const a = segs[2 * mid + 1] as number;
      if (after ? a > x : a >= x) hi = mid;
      else lo = mid + 1;
    }
    if (lo < count) {
      const before = lo === 0 ? 0 : (segs[2 * lo - 1] as number);
      return addWorkingTime(tp.engine, segs[2 * lo] as number, x - before, after ? "nextOpening" : "dueAt");
    }
  }
  let from: number;
  if (!Number.isNaN(c.end)) from = c.end;
  else if (c.running) from = c.mark;
  else return Number.NaN;
  return addWorkingTime(tp.engine, from, x - c.acc, after ? "nextOpening" : "dueAt");
}

/** `dueAt` of a cycle (NaN when not determined). */
export function dueOf(tp: TargetPlan, c: Cycle): number {
  return reach(tp, c, c.budget, false);
}

/** `lastCompliantAt`: for business days the deadline itself. */
export function lastCompliantOf(tp: TargetPlan, c: Cycle, due: number): number {
  if (c.days || Number.isNaN(due)) return due;
  const x = c.budget;
  if (x > 0 && !pausedOnReaching(c, x)) {
    // The clock runs on at `due`: it is also the last compliant instant unless it ends a working period.
    return isOpen(tp.engine, due) ? due : addWorkingTime(tp.engine, due, 0, "nextOpening");
  }
  return reach(tp, c, x, true);
}

/** Whether a pause starts exactly when the elapsed time reaches `x`. */
function pausedOnReaching(c: Cycle, x: number): boolean {
  const segs = c.segs;
  if (segs === null) return false;
  let lo = 0;
  let hi = segs.length >> 1;
  const count = hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((segs[2 * mid + 1] as number) >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo < count ? segs[2 * lo + 1] === x : !c.running && Number.isNaN(c.end) && c.acc === x;
}

/** Elapsed working ms at `t` (a live cycle, `t` at or after its last change). */
export function elapsedAt(tp: TargetPlan, c: Cycle, t: number): number {
  return c.running ? c.acc + workingTimeBetween(tp.engine, c.mark, t) : c.acc;
}

/** Whether a live, applicable cycle is breached at `t` (elapsed > target; for business days: t > dueAt). */
function breachedAt(tp: TargetPlan, c: Cycle, t: number): boolean {
  if (c.dur === null) return false;
  if (!c.days) return elapsedAt(tp, c, t) > c.budget;
  const due = dueOf(tp, c);
  return !Number.isNaN(due) && t > due;
}

function applyLevel(tp: TargetPlan, c: Cycle, level: string): void {
  c.level = level;
  const dur = durationOf(tp, level);
  c.dur = dur;
  if (dur === null) {
    c.budget = 0;
    c.days = false;
  } else if (dur.kind === "time") {
    c.budget = dur.ms;
    c.days = false;
  } else {
    c.budget = workingTimeBetween(tp.engine, c.start, addWorkingDays(tp.engine, c.start, dur.days, false));
    c.days = true;
  }
}

function openCycle(tp: TargetPlan, n: number, t: number, by: string, level: string, paused: boolean): Cycle {
  const c: Cycle = {
    n,
    start: t,
    startedBy: by,
    level,
    dur: null,
    budget: 0,
    days: false,
    running: !paused,
    mark: t,
    acc: 0,
    pauseStart: paused ? t : Number.NaN,
    segs: null,
    pauses: null,
    pausedMs: 0,
    end: Number.NaN,
    endedBy: "",
    outcome: LIVE,
  };
  if (!Number.isNaN(t)) applyLevel(tp, c, level);
  else c.dur = durationOf(tp, level);
  return c;
}

function closeSegment(c: Cycle, len: number): void {
  c.acc += len;
  if (c.segs === null) c.segs = [c.mark, c.acc];
  else c.segs.push(c.mark, c.acc);
  c.running = false;
}

function pauseCycle(tp: TargetPlan, c: Cycle, p: number): void {
  closeSegment(c, workingTimeBetween(tp.engine, c.mark, p));
  c.pauseStart = p;
}

function resumeCycle(tp: TargetPlan, c: Cycle, r: number): void {
  const w = workingTimeBetween(tp.engine, c.pauseStart, r);
  c.pausedMs += w;
  if (c.pauses === null) c.pauses = [c.pauseStart, r, w];
  else c.pauses.push(c.pauseStart, r, w);
  c.mark = r;
  c.running = true;
}

function finishCycle(tp: TargetPlan, c: Cycle, t: number, outcome: number, by: string): void {
  let breached: boolean;
  if (c.running) {
    const len = workingTimeBetween(tp.engine, c.mark, t);
    breached = c.dur !== null && (c.days ? t > dueOf(tp, c) : c.acc + len > c.budget);
    closeSegment(c, len);
  } else {
    breached = breachedAt(tp, c, t);
    resumeCycle(tp, c, t);
    c.running = false;
  }
  c.end = t;
  c.endedBy = by;
  c.outcome = breached ? BREACHED : outcome;
}

/** A breachOf parent's cycles as triggers for the child: start at the parent's dueAt, or cancel. */
interface Triggers {
  readonly at: number[];
  readonly start: boolean[];
  readonly by: string;
  /** Whether the parent's clock runs (or waits to start) and is not breached: the child is pending. */
  waiting: boolean;
  next: number;
}

function triggersFrom(parent: TargetRun, now: number): Triggers {
  const triggers: Triggers = { at: [], start: [], by: `breachOf:${parent.plan.id}`, waiting: false, next: 0 };
  let waiting = parent.pending;
  const tp = parent.plan;
  for (const pc of parent.cycles) {
    if (pc.dur === null) continue;
    waiting = false;
    if (Number.isNaN(pc.start)) {
      triggers.at.push(pc.end);
      triggers.start.push(false);
      continue;
    }
    const due = dueOf(tp, pc);
    let breached: boolean;
    if (pc.outcome === LIVE) {
      const lc = lastCompliantOf(tp, pc, due);
      breached = !Number.isNaN(lc) && lc < now;
      if (!breached) {
        waiting = true;
        continue;
      }
    } else breached = pc.outcome === BREACHED;
    if (breached) {
      triggers.at.push(due);
      triggers.start.push(true);
    } else {
      triggers.at.push(pc.end);
      triggers.start.push(false);
    }
  }
  triggers.waiting = waiting;
  return triggers;
}

/** Applies the chain triggers at or before `limit`; returns the live cycle. */
function fireTriggers(
  tp: TargetPlan,
  trig: Triggers,
  limit: number,
  cur: Cycle | null,
  cycles: Cycle[],
  level: string,
  paused: boolean,
  warnings: Warnings,
): Cycle | null {
  while (trig.next < trig.at.length && (trig.at[trig.next] as number) <= limit) {
    const t = trig.at[trig.next] as number;
    if (trig.start[trig.next] === true) {
      if (cur === null) {
        cur = openCycle(tp, cycles.length, t, trig.by, level, paused);
        cycles.push(cur);
      } else {
        warnings.add(
          "CHAIN_ALREADY_RUNNING",
          `The parent of "${tp.id}" was breached again while "${tp.id}" was running: no second clock`,
        );
      }
    } else if (cur === null) {
      const c = openCycle(tp, cycles.length, Number.NaN, trig.by, level, false);
      c.end = t;
      c.endedBy = "parent met";
      c.outcome = CANCELLED;
      c.running = false;
      cycles.push(c);
    }
    trig.next++;
  }
  return cur;
}

/**
 * Folds the events into the cycles of one target.
 *
 * @param parent - The folded parent for a `breachOf` target.
 */
export function runTarget(
  tp: TargetPlan,
  ev: Events,
  names: readonly string[],
  now: number,
  parent: TargetRun | null,
  warnings: Warnings,
): TargetRun {
  const { roles, pauseKind, statuses } = tp;
  const { at, type, value, index, n } = ev;
  let level = ev.initialLevel;
  let pairPaused = false;
  let statusPaused =
    pauseKind === PAUSE_STATUSES && ev.initialStatus !== undefined && statuses.has(ev.initialStatus);
  let cur: Cycle | null = null;
  const cycles: Cycle[] = [];
  let trig: Triggers | null = null;
  let waiting = false;
  if (parent !== null) {
    trig = triggersFrom(parent, now);
    waiting = trig.waiting;
  }

  for (let k = 0; k < n; k++) {
    if (trig !== null) {
      cur = fireTriggers(
        tp,
        trig,
        at[k] as number,
        cur,
        cycles,
        level,
        pauseKind === PAUSE_EVENTS ? pairPaused : statusPaused,
        warnings,
      );
    }
    const ty = type[k] as number;
    const r = roles[ty] as number;
    if (r === 0) continue;
    const t = at[k] as number;
    if ((r & LEVEL) !== 0) {
      const next = value[k] as string;
      if (next !== level) {
        level = next;
        if (cur !== null && !breachedAt(tp, cur, t)) {
          if (tp.onLevelChange === "restart") {
            finishCycle(tp, cur, t, CANCELLED, "levelChanged");
            cur = openCycle(
              tp,
              cycles.length,
              t,
              "levelChanged",
              level,
              pauseKind === PAUSE_EVENTS ? pairPaused : statusPaused,
            );
            cycles.push(cur);
          } else applyLevel(tp, cur, level);
        }
      }
    } else if ((r & STATUS) !== 0) {
      const p = statuses.has(value[k] as string);
      if (p !== statusPaused) {
        statusPaused = p;
        if (cur !== null) {
          if (p) pauseCycle(tp, cur, t);
          else resumeCycle(tp, cur, t);
        }
      }
    }
    if (cur !== null) {
      if ((r & (CANCEL | STOP | RESET)) !== 0) {
        finishCycle(tp, cur, t, (r & CANCEL) !== 0 ? CANCELLED : MET, names[ty] as string);
        cur = null;
        if ((r & (CANCEL | STOP)) === 0) {
          cur = openCycle(
            tp,
            cycles.length,
            t,
            names[ty] as string,
            level,
            pauseKind === PAUSE_EVENTS ? pairPaused : statusPaused,
          );
          cycles.push(cur);
        }
      }
    } else if ((r & START) !== 0) {
      cur = openCycle(
        tp,
        cycles.length,
        t,
        names[ty] as string,
        level,
        pauseKind === PAUSE_EVENTS ? pairPaused : statusPaused,
      );
      cycles.push(cur);
    }
    if ((r & PAUSE) !== 0) {
      if (pairPaused) {
        const i = index[k] as number;
        warnings.once(
          "DOUBLE_PAUSE",
          `Event ${i} ("${names[ty]}") pauses a clock that is already paused and is ignored`,
          i,
          1,
        );
      } else {
        pairPaused = true;
        if (cur?.running === true) pauseCycle(tp, cur, t);
      }
    }
    if ((r & RESUME) !== 0) {
      if (!pairPaused) {
        const i = index[k] as number;
        warnings.once(
          "RESUME_WITHOUT_PAUSE",
          `Event ${i} ("${names[ty]}") resumes a clock that is not paused and is ignored`,
          i,
          2,
        );
      } else {
        pairPaused = false;
        if (cur !== null && !cur.running) resumeCycle(tp, cur, t);
      }
    }
  }
  if (trig !== null) {
    cur = fireTriggers(
      tp,
      trig,
      now,
      cur,
      cycles,
      level,
      pauseKind === PAUSE_EVENTS ? pairPaused : statusPaused,
      warnings,
    );
  }
  const applicable = durationOf(tp, level) !== null;
  const pending = parent === null ? cycles.length === 0 && applicable : cur === null && waiting && applicable;
  return { plan: tp, cycles, pending, pendingCycle: cycles.length, pendingLevel: level };
}
