/**
 * The compiled calendar's storage: working intervals as instants, built lazily per local month into typed
 * arrays with prefix sums and index buckets, so that every query is a binary search plus a few comparisons.
 * @internal
 * @module
 */
import { SlaError } from "../../errors.js";
import { DAY, type DurationMs, daysFromCivil, type EpochMs, HOUR, monthStartDay } from "../civil.js";
import { daySeconds } from "../day-hours.js";
import type { CompiledVersion } from "../spec.js";
import { localMidnight, MAX_EPOCH_MS, MIN_EPOCH_MS, resolveWallNoted } from "../zone.js";
import type { MonthSums } from "./span.js";

/** Searches stop after this much wall time. */
export const HORIZON_MS: DurationMs = (50 * 36_525 * DAY) / 100;
/** At most this many periods are listed by one call. */
export const MAX_PERIODS = 200_000;

const FIRST_YEAR = 1800;
const LAST_YEAR = 2299;
/** Months the engine can hold: January 1800 to December 2299. @internal */
export const MONTHS = (LAST_YEAR - FIRST_YEAR + 1) * 12;
const AVG_MONTH_MS = (365.2425 * DAY) / 12;
const ZERO_MS = daysFromCivil(FIRST_YEAR, 1, 1) * DAY;
/** Width of a chunk's index buckets. */
const BUCKET_MS = 4 * HOUR;

/** A DST adjustment taken while resolving an interval edge: the wall time and the instant it became. */
export interface DstNote {
  readonly day: number;
  readonly wall: number;
  readonly at: EpochMs;
  readonly kind: "gap" | "overlap";
}

/** One local calendar month of working time. */
export interface Chunk {
  /** Months since January 1800. */
  readonly index: number;
  /** Instant of the month's first local midnight. */
  readonly start: EpochMs;
  /** Instant of the next month's first local midnight. */
  readonly end: EpochMs;
  /** Local day number of `dayStart[0]`. */
  readonly firstDay: number;
  /** Day starts; `dayStart[days]` equals `end`. */
  readonly dayStart: Float64Array;
  /** Index of each day's first interval; `dayIv[days]` equals the interval count. */
  readonly dayIv: Int32Array;
  readonly ivStart: Float64Array;
  readonly ivEnd: Float64Array;
  /** `cum[i]`: working ms before interval `i`; `cum[n]` equals `total`. */
  readonly cum: Float64Array;
  /**
   * `bucket[b]`: how many intervals start at or before `start + b × BUCKET_MS`, up to past `end`; turns finding
   * the interval at an instant into a search of the few intervals that start within one bucket. (A month has
   * at most a few thousand intervals, since `CALENDAR_LIMITS.intervalsPerDay` is 48: 16 bits are enough.)
   */
  readonly bucket: Uint16Array;
  readonly total: DurationMs;
  /** Indices of the working days (days with any working time), ascending. */
  readonly workDays: Int32Array;
  /** `workRank[j]`: how many working days come before day `j`; `workRank[days]` equals `workDays.length`. */
  readonly workRank: Int32Array;
  readonly notes: readonly DstNote[];
}

/** The mutable engine behind a frozen `Calendar`. */
export interface Engine {
  readonly versions: readonly CompiledVersion[];
  readonly chunks: (Chunk | undefined)[];
  /** The chunk used last: queries tend to stay in one month. */
  last: Chunk | undefined;
  /** Running sums over a run of built months, for long spans (see `span.ts`); grown as queries need. */
  sums: MonthSums | undefined;
  /** False when no version has any weekly hours or overrides: searches fail at once. */
  readonly canWork: boolean;
}

/** Creates an engine; nothing is computed until the first query. */
export function createEngine(versions: readonly CompiledVersion[]): Engine {
  const canWork = versions.some(
    (v) =>
      v.week.some((p) => p.own.length > 0 || p.tail.length > 0) ||
      [...v.overrides.values()].some((p) => p.own.length > 0),
  );
  return { versions, chunks: new Array(MONTHS), last: undefined, sums: undefined, canWork };
}

/** The version in force on a local day. */
export function versionForDay(engine: Engine, day: number): CompiledVersion {
  const { versions } = engine;
  let i = versions.length - 1;
  while (i > 0 && (versions[i] as CompiledVersion).fromDay > day) i--;
  return versions[i] as CompiledVersion;
}

function resolveNoted(v: CompiledVersion, day: number, seconds: number, notes: DstNote[]): EpochMs {
  const wall = day * DAY + seconds * 1000;
  const { at, adjustment } = resolveWallNoted(v.zone, wall);
  if (adjustment !== "none") notes.push({ day, wall, at, kind: adjustment });
  return at;
}

function buildChunk(engine: Engine, index: number): Chunk {
  const year = FIRST_YEAR + Math.floor(index / 12);
  const month = (index % 12) + 1;
  const firstDay = daysFromCivil(year, month, 1);
  const days = monthStartDay(year * 12 + month) - firstDay;
  const dayStart = new Float64Array(days + 1);
  const dayIv = new Int32Array(days + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  const notes: DstNote[] = [];
  const midnight = (day: number) => localMidnight(versionForDay(engine, day).zone, day);
  let nextStart = midnight(firstDay);
  for (let j = 0; j < days; j++) {
    const day = firstDay + j;
    const v = versionForDay(engine, day);
    const start = nextStart;
    nextStart = midnight(day + 1);
    dayStart[j] = start;
    dayIv[j] = starts.length;
    const ranges = daySeconds(v, day);
    // Usually no transition is near: every edge is then its wall time minus one offset.
    const wall0 = day * DAY;
    const stable = ranges.length === 0 ? undefined : v.zone.stableOffset(wall0 - 2 * DAY, wall0 + 3 * DAY);
    for (let i = 0; i < ranges.length; i += 2) {
      const ws = ranges[i] as number;
      const we = ranges[i + 1] as number;
      const s = Math.max(
        start,
        stable === undefined ? resolveNoted(v, day, ws, notes) : wall0 + ws * 1000 - stable,
      );
      // "24:00" ends where the next day begins (also across a version's change of zone).
      const e =
        we === 86_400
          ? nextStart
          : Math.min(
              nextStart,
              stable === undefined ? resolveNoted(v, day, we, notes) : wall0 + we * 1000 - stable,
            );
      if (s >= e) continue; // empty after DST resolution or clipping
      const lastEnd =
        ends.length > (dayIv[j] as number) ? (ends[ends.length - 1] as number) : Number.NEGATIVE_INFINITY;
      if (s <= lastEnd) ends[ends.length - 1] = Math.max(lastEnd, e);
      else {
        starts.push(s);
        ends.push(e);
      }
    }
  }
  dayStart[days] = nextStart;
  dayIv[days] = starts.length;
  const n = starts.length;
  const ivStart = Float64Array.from(starts);
  const ivEnd = Float64Array.from(ends);
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cum[i + 1] = (cum[i] as number) + (ivEnd[i] as number) - (ivStart[i] as number);
  const buckets = Math.ceil((nextStart - (dayStart[0] as number)) / BUCKET_MS) + 1;
  const bucket = new Uint16Array(buckets + 1);
  for (let b = 0, i = 0; b <= buckets; b++) {
    const edge = (dayStart[0] as number) + b * BUCKET_MS;
    while (i < n && (ivStart[i] as number) <= edge) i++;
    bucket[b] = i;
  }
  const workRank = new Int32Array(days + 1);
  const working: number[] = [];
  for (let j = 0; j < days; j++) {
    workRank[j] = working.length;
    if ((dayIv[j + 1] as number) > (dayIv[j] as number)) working.push(j);
  }
  workRank[days] = working.length;
  return {
    index,
    start: dayStart[0] as number,
    end: nextStart,
    firstDay,
    dayStart,
    dayIv,
    ivStart,
    ivEnd,
    cum,
    bucket,
    total: cum[n] as number,
    workDays: Int32Array.from(working),
    workRank,
    notes,
  };
}

/** The chunk of a local month, counted from January 1800 (built on first use). */
export function chunkOf(engine: Engine, index: number): Chunk {
  if (!(index >= 0 && index < MONTHS)) {
    throw new SlaError(
      "E_INSTANT_RANGE",
      `Calendar computations are limited to the years ${FIRST_YEAR}–${LAST_YEAR}`,
    );
  }
  let chunk = engine.chunks[index];
  if (chunk === undefined) {
    chunk = buildChunk(engine, index);
    engine.chunks[index] = chunk;
  }
  return chunk;
}

/**
 * A month index at or after the month holding instant `t` (at most two months after it), without building
 * anything: a bound for searches.
 * @internal
 */
export function monthIndexAfter(t: EpochMs): number {
  return Math.floor((t - ZERO_MS) / AVG_MONTH_MS) + 2;
}

/** The chunk holding instant `t`. */
export function chunkAt(engine: Engine, t: EpochMs): Chunk {
  const last = engine.last;
  if (last !== undefined && t >= last.start && t < last.end) return last;
  if (!(t >= MIN_EPOCH_MS && t < MAX_EPOCH_MS)) {
    throw new SlaError("E_INSTANT_RANGE", "Calendar computations are limited to the years 1800–2299");
  }
  let index = Math.floor((t - ZERO_MS) / AVG_MONTH_MS);
  let chunk = chunkOf(engine, index);
  while (t < chunk.start) chunk = chunkOf(engine, --index);
  while (t >= chunk.end) chunk = chunkOf(engine, ++index);
  engine.last = chunk;
  return chunk;
}

/** Index of the last element `<= x` in a sorted array slice `[lo, hi)`, or `lo - 1`. */
export function lastAtOrBefore(a: Float64Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the last interval that starts at or before `t` (`t` inside the chunk), or -1. */
export function intervalAt(chunk: Chunk, t: EpochMs): number {
  const b = Math.floor((t - chunk.start) / BUCKET_MS);
  return lastAtOrBefore(chunk.ivStart, t, chunk.bucket[b] as number, chunk.bucket[b + 1] as number);
}

/** Working ms from the chunk's start up to `t` (`t` inside the chunk). */
export function cumIn(chunk: Chunk, t: EpochMs): DurationMs {
  const i = intervalAt(chunk, t);
  if (i < 0) return 0;
  const s = chunk.ivStart[i] as number;
  const e = chunk.ivEnd[i] as number;
  return (chunk.cum[i] as number) + (t < e ? t - s : e - s);
}
