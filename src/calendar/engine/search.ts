/**
 * Working-time searches on a compiled calendar, in epoch ms: add and subtract working time, working time
 * between two instants, whether an instant is working time.
 * @internal
 * @module
 */
import { SlaError } from "../../errors.js";
import type { DurationMs, EpochMs } from "../civil.js";
import {
  type Chunk,
  chunkAt,
  chunkOf,
  cumIn,
  type Engine,
  HORIZON_MS,
  intervalAt,
  monthIndexAfter,
} from "./chunk.js";
import { monthReaching, monthReachingBack, monthsTime } from "./span.js";

/**
 * Which deadline a search answers: `"dueAt"`, the first instant at which the working time is used up, or
 * `"nextOpening"`, the last instant at which it is not exceeded (the start of the next working interval).
 * @internal
 */
export type Boundary = "dueAt" | "nextOpening";

/**
 * The instant at which the chunk's cumulative working time reaches `target`: the first such instant when
 * `lastNotAbove` is false (`0 < target <= total`), or the last instant at which it has not exceeded it when it
 * is true (`0 <= target < total`). The answer's interval is at index `from` or later: the search gallops from
 * there, so short additions cost a few comparisons.
 */
function locate(chunk: Chunk, target: DurationMs, lastNotAbove: boolean, from: number): EpochMs {
  const { cum } = chunk;
  const last = chunk.ivStart.length - 1;
  // smallest i >= from with cum[i + 1] >= target (or > target)
  let lo = from;
  let hi = from;
  for (let step = 1; hi < last; step *= 2) {
    const c = cum[hi + 1] as number;
    if (lastNotAbove ? c > target : c >= target) break;
    lo = hi + 1;
    hi = Math.min(last, hi + step);
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = cum[mid + 1] as number;
    if (lastNotAbove ? c > target : c >= target) hi = mid;
    else lo = mid + 1;
  }
  return (chunk.ivStart[lo] as number) + (target - (cum[lo] as number));
}

/** `E_NO_WORKING_TIME` for a search from `from`. @internal */
export function noWorkingTime(from: EpochMs, what: string): SlaError {
  return new SlaError(
    "E_NO_WORKING_TIME",
    `The calendar has not enough working time ${what} within 50 years of ${new Date(from).toISOString()}`,
  );
}

/**
 * Adds working time: `"dueAt"` gives the first instant at which `d` is used up; `"nextOpening"` gives
 * `lastCompliantAt`, the last instant at which it is not exceeded.
 * @internal
 */
export function addWorkingTime(engine: Engine, t: EpochMs, d: DurationMs, boundary: Boundary): EpochMs {
  const after = boundary === "nextOpening";
  if (d === 0 && !after) return t;
  if (!engine.canWork) throw noWorkingTime(t, "ahead");
  let chunk = chunkAt(engine, t);
  let from = intervalAt(chunk, t);
  let target = d;
  if (from >= 0) {
    const s = chunk.ivStart[from] as number;
    const e = chunk.ivEnd[from] as number;
    target += (chunk.cum[from] as number) + (t < e ? t - s : e - s);
  } else from = 0;
  const limit = t + HORIZON_MS;
  for (let steps = 0; after ? target >= chunk.total : target > chunk.total; steps++) {
    target -= chunk.total;
    if (chunk.end > limit) throw noWorkingTime(t, "ahead");
    from = 0;
    if (steps < 12) {
      chunk = chunkOf(engine, chunk.index + 1);
      continue;
    }
    // Far ahead: jump to the month in which the remaining time is reached.
    const next = chunk.index + 1;
    const m = monthReaching(engine, next, after ? target + 1 : target, "time", monthIndexAfter(limit));
    if (m < 0) throw noWorkingTime(t, "ahead");
    target -= monthsTime(engine, next, m);
    chunk = chunkOf(engine, m);
  }
  const result = locate(chunk, target, after, from);
  if (result > limit) throw noWorkingTime(t, "ahead");
  return result;
}

/**
 * Subtracts working time: `"dueAt"` gives the latest start from which `d` of working time ends at `t`;
 * `"nextOpening"` gives the earliest (the previous closing).
 * @internal
 */
export function subtractWorkingTime(engine: Engine, t: EpochMs, d: DurationMs, boundary: Boundary): EpochMs {
  const after = boundary === "nextOpening";
  if (d === 0 && !after) return t;
  if (!engine.canWork) throw noWorkingTime(t, "before it");
  let chunk = chunkAt(engine, t);
  let target = cumIn(chunk, t) - d;
  const limit = t - HORIZON_MS;
  for (let steps = 0; after ? target <= 0 : target < 0; steps++) {
    if (chunk.start < limit) throw noWorkingTime(t, "before it");
    if (steps < 12) {
      chunk = chunkOf(engine, chunk.index - 1);
      target += chunk.total;
      continue;
    }
    // Far back: jump to the month in which the remaining time is reached.
    const previous = chunk.index - 1;
    const need = after ? -target + 1 : -target;
    const m = monthReachingBack(engine, previous, need, "time", monthIndexAfter(limit) - 4);
    if (m < 0) throw noWorkingTime(t, "before it");
    target += monthsTime(engine, m + 1, previous + 1);
    chunk = chunkOf(engine, m);
    target += chunk.total;
  }
  const result = locate(chunk, target, !after, 0);
  if (result < limit) throw noWorkingTime(t, "before it");
  return result;
}

/** Working ms in `[a, b)`; negative when `b < a`. @internal */
export function workingTimeBetween(engine: Engine, a: EpochMs, b: EpochMs): DurationMs {
  if (b < a) return -workingTimeBetween(engine, b, a);
  const ca = chunkAt(engine, a);
  if (b < ca.end) return cumIn(ca, b) - cumIn(ca, a);
  const cb = chunkAt(engine, b);
  let between = 0;
  if (cb.index - ca.index > 4) between = monthsTime(engine, ca.index + 1, cb.index);
  else for (let i = ca.index + 1; i < cb.index; i++) between += chunkOf(engine, i).total;
  return ca.total - cumIn(ca, a) + between + cumIn(cb, b);
}

/** Whether `t` is inside a working interval. @internal */
export function isOpen(engine: Engine, t: EpochMs): boolean {
  const chunk = chunkAt(engine, t);
  const i = intervalAt(chunk, t);
  return i >= 0 && t < (chunk.ivEnd[i] as number);
}
