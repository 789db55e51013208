/**
 * Working-time searches on a compiled calendar, in epoch ms: add and subtract working time, working time
 * between two instants, whether an instant is working time.
 * @internal
 * @module
 */
import { SlaError } from "../../errors.js";
import type { DurationMs, EpochMs } from "../civil.js";
import { type Chunk, chunkAt, chunkOf, cumIn, type Engine, HORIZON_MS, intervalAt } from "./chunk.js";

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
  while (after ? target >= chunk.total : target > chunk.total) {
    target -= chunk.total;
    if (chunk.end > limit) throw noWorkingTime(t, "ahead");
    chunk = chunkOf(engine, chunk.index + 1);
    from = 0;
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
  while (after ? target <= 0 : target < 0) {
    if (chunk.start < limit) throw noWorkingTime(t, "before it");
    chunk = chunkOf(engine, chunk.index - 1);
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
  let total = ca.total - cumIn(ca, a);
  let index = ca.index + 1;
  let chunk = chunkOf(engine, index);
  while (b >= chunk.end) {
    total += chunk.total;
    chunk = chunkOf(engine, ++index);
  }
  engine.last = chunk;
  return total + cumIn(chunk, b);
}

/** Whether `t` is inside a working interval. @internal */
export function isOpen(engine: Engine, t: EpochMs): boolean {
  const chunk = chunkAt(engine, t);
  const i = intervalAt(chunk, t);
  return i >= 0 && t < (chunk.ivEnd[i] as number);
}
