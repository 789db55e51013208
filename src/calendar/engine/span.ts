/**
 * Long spans in constant time: running sums of working time and working days over a run of consecutive
 * months, so that a query across years is two lookups instead of a walk over every month between.
 * @internal
 * @module
 */
import type { DurationMs } from "../civil.js";
import { chunkOf, type Engine, MONTHS } from "./chunk.js";

/**
 * Sums over the built months `[lo, hi)`: `time[k]` is the working time and `days[k]` the number of working days
 * of the months `lo … lo + k - 1` (so `time[0] = 0`).
 * @internal
 */
export interface MonthSums {
  readonly lo: number;
  readonly hi: number;
  readonly time: Float64Array;
  readonly days: Int32Array;
}

/**
 * The engine's sums, grown to cover the months `[from, to)` (clamped to the engine's range). Building the
 * months between is the cost a walk over them would pay once; after that, every span inside is O(1).
 * @internal
 */
export function sumsOver(engine: Engine, from: number, to: number): MonthSums {
  // Grow the run when the new months meet it; otherwise start a new run (a query in 1900 and one in 2100
  // must not build the two centuries between).
  const meets = engine.sums !== undefined && from <= engine.sums.hi && to >= engine.sums.lo;
  const current = meets ? engine.sums : undefined;
  const lo = Math.max(0, Math.min(from, current?.lo ?? from));
  const hi = Math.min(MONTHS, Math.max(to, current?.hi ?? to));
  if (current !== undefined && current.lo === lo && current.hi === hi) return current;
  const time = new Float64Array(hi - lo + 1);
  const days = new Int32Array(hi - lo + 1);
  for (let i = lo; i < hi; i++) {
    const k = i - lo;
    if (current !== undefined && i >= current.lo && i < current.hi) {
      // Reuse the known months: their sums shift by a constant.
      time[k + 1] =
        (time[k] as number) +
        ((current.time[i - current.lo + 1] as number) - (current.time[i - current.lo] as number));
      days[k + 1] =
        (days[k] as number) +
        ((current.days[i - current.lo + 1] as number) - (current.days[i - current.lo] as number));
    } else {
      const chunk = chunkOf(engine, i);
      time[k + 1] = (time[k] as number) + chunk.total;
      days[k + 1] = (days[k] as number) + chunk.workDays.length;
    }
  }
  const sums: MonthSums = { lo, hi, time, days };
  engine.sums = sums;
  return sums;
}

/** Working time of the whole months `[from, to)` (`from <= to`). @internal */
export function monthsTime(engine: Engine, from: number, to: number): DurationMs {
  if (to <= from) return 0;
  const s = sumsOver(engine, from, to);
  return (s.time[to - s.lo] as number) - (s.time[from - s.lo] as number);
}

/** Working days of the whole months `[from, to)` (`from <= to`). @internal */
export function monthsDays(engine: Engine, from: number, to: number): number {
  if (to <= from) return 0;
  const s = sumsOver(engine, from, to);
  return (s.days[to - s.lo] as number) - (s.days[from - s.lo] as number);
}

/**
 * The first month `m >= from` (before `limit`) at whose end the months `[from, m]` hold at least `need` of
 * `measure` (`"time"` in ms, or working `"days"`), or -1 when the months before `limit` do not. The sums grow by
 * doubling, so a search `n` months ahead builds at most about `2n` months.
 * @internal
 */
export function monthReaching(
  engine: Engine,
  from: number,
  need: number,
  measure: "time" | "days",
  limit: number,
): number {
  const end = Math.min(limit, MONTHS);
  for (let width = 16; ; width *= 2) {
    const to = Math.min(end, from + width);
    const s = sumsOver(engine, from, to);
    const sums = measure === "time" ? s.time : s.days;
    const base = sums[from - s.lo] as number;
    if ((sums[to - s.lo] as number) - base >= need) {
      // smallest m in [from, to) with sums[m + 1 - lo] - base >= need
      let a = from;
      let b = to - 1;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if ((sums[mid + 1 - s.lo] as number) - base >= need) b = mid;
        else a = mid + 1;
      }
      return a;
    }
    if (to >= end) return -1;
  }
}

/**
 * The last month `m <= from` (at or after `limit`) at whose start the months `[m, from]` hold at least `need`, or
 * -1: the mirror of {@link monthReaching}, for searches backwards.
 * @internal
 */
export function monthReachingBack(
  engine: Engine,
  from: number,
  need: number,
  measure: "time" | "days",
  limit: number,
): number {
  const end = Math.max(limit, 0);
  for (let width = 16; ; width *= 2) {
    const lo = Math.max(end, from - width + 1);
    const s = sumsOver(engine, lo, from + 1);
    const sums = measure === "time" ? s.time : s.days;
    const top = sums[from + 1 - s.lo] as number;
    if (top - (sums[lo - s.lo] as number) >= need) {
      // largest m in [lo, from] with top - sums[m - lo] >= need
      let a = lo;
      let b = from;
      while (a < b) {
        const mid = (a + b + 1) >>> 1;
        if (top - (sums[mid - s.lo] as number) >= need) a = mid;
        else b = mid - 1;
      }
      return a;
    }
    if (lo <= end) return -1;
  }
}
