/**
 * The compiled calendar: working intervals as instants, built lazily per local month into typed arrays with
 * prefix sums, and every query answered by binary search. Functions here take and return epoch ms and are
 * what `contracts` and `escalation` call on hot paths; the public functions in `index.ts` wrap them.
 * @internal
 * @module
 */
import {
  civilFromDays,
  DAY,
  type DurationMs,
  daysFromCivil,
  type EpochMs,
  HOUR,
  weekdayOfDays,
} from "./civil.js";
import { SlaError } from "./errors.js";
import type { CompiledVersion, DaySeconds } from "./spec.js";
import { MAX_EPOCH_MS, MIN_EPOCH_MS, resolveWall } from "./zone.js";

/** Searches stop after this much wall time. */
export const HORIZON_MS: DurationMs = (50 * 36_525 * DAY) / 100;
/** At most this many periods are listed by one call. */
export const MAX_PERIODS = 200_000;

const FIRST_YEAR = 1800;
const LAST_YEAR = 2299;
const MONTHS = (LAST_YEAR - FIRST_YEAR + 1) * 12;
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
  return { versions, chunks: new Array(MONTHS), last: undefined, canWork };
}

function versionForDay(engine: Engine, day: number): CompiledVersion {
  const { versions } = engine;
  let i = versions.length - 1;
  while (i > 0 && (versions[i] as CompiledVersion).fromDay > day) i--;
  return versions[i] as CompiledVersion;
}

function isHoliday(v: CompiledVersion, day: number): boolean {
  if (v.oneOff.has(day)) return true;
  if (v.yearly.size > 0 && v.yearly.has(civilFromDays(day) % 10_000)) return true;
  for (const [from, to] of v.ranges) {
    if (day < from) return false;
    if (day <= to) return true;
  }
  return false;
}

/** The wall-clock working seconds of a local day, after holidays, overrides and breaks. */
function daySeconds(v: CompiledVersion, day: number): DaySeconds {
  if (isHoliday(v, day)) return [];
  const override = v.overrides.get(day);
  let ranges: DaySeconds;
  if (override !== undefined) {
    ranges = override.own;
  } else {
    const own = (v.week[weekdayOfDays(day)] as { own: DaySeconds }).own;
    const previous = v.overrides.get(day - 1) ?? v.week[weekdayOfDays(day - 1)];
    const tail = previous === undefined ? [] : previous.tail;
    ranges = tail.length === 0 ? own : union(own, tail);
  }
  const cut = v.breaks.get(day);
  return cut === undefined || ranges.length === 0 ? ranges : subtract(ranges, cut);
}

function union(a: DaySeconds, b: DaySeconds): DaySeconds {
  const pairs: [number, number][] = [];
  for (let i = 0; i < a.length; i += 2) pairs.push([a[i] as number, a[i + 1] as number]);
  for (let i = 0; i < b.length; i += 2) pairs.push([b[i] as number, b[i + 1] as number]);
  pairs.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    const lastEnd = out.length > 0 ? (out[out.length - 1] as number) : -1;
    if (s <= lastEnd) out[out.length - 1] = Math.max(lastEnd, e);
    else out.push(s, e);
  }
  return out;
}

function subtract(ranges: DaySeconds, cut: DaySeconds): DaySeconds {
  let current = ranges.slice();
  for (let c = 0; c < cut.length; c += 2) {
    const cs = cut[c] as number;
    const ce = cut[c + 1] as number;
    const next: number[] = [];
    for (let i = 0; i < current.length; i += 2) {
      const s = current[i] as number;
      const e = current[i + 1] as number;
      if (ce <= s || cs >= e) next.push(s, e);
      else {
        if (cs > s) next.push(s, cs);
        if (ce < e) next.push(ce, e);
      }
    }
    current = next;
  }
  return current;
}

function resolveNoted(v: CompiledVersion, day: number, seconds: number, notes: DstNote[]): EpochMs {
  const wall = day * DAY + seconds * 1000;
  const at = resolveWall(v.zone, wall);
  const offset = v.zone.offsetAt(at);
  if (at + offset !== wall) notes.push({ day, wall, at, kind: "gap" });
  else {
    // An overlap: the same wall time also exists one offset change later.
    const later = v.zone.offsetAt(at + 3 * 3_600_000);
    if (later !== offset && wall - later > at && v.zone.offsetAt(wall - later) === later) {
      notes.push({ day, wall, at, kind: "overlap" });
    }
  }
  return at;
}

function buildChunk(engine: Engine, index: number): Chunk {
  const year = FIRST_YEAR + Math.floor(index / 12);
  const month = (index % 12) + 1;
  const firstDay = daysFromCivil(year, month, 1);
  const days = daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - firstDay;
  const dayStart = new Float64Array(days + 1);
  const dayIv = new Int32Array(days + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  const notes: DstNote[] = [];
  const midnight = (day: number) => resolveWall(versionForDay(engine, day).zone, day * DAY);
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
function lastAtOrBefore(a: Float64Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the last interval that starts at or before `t` (`t` inside the chunk), or -1. */
function intervalAt(chunk: Chunk, t: EpochMs): number {
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

/**
 * The instant at which the chunk's cumulative working time reaches `target`: the first such instant when
 * `after` is false (`0 < target <= total`), or the last instant at which it has not exceeded it when `after` is
 * true (`0 <= target < total`). The answer's interval is at index `from` or later: the search gallops from
 * there, so short additions cost a few comparisons.
 */
function locate(chunk: Chunk, target: DurationMs, after: boolean, from: number): EpochMs {
  const { cum } = chunk;
  const last = chunk.ivStart.length - 1;
  // smallest i >= from with cum[i + 1] >= target (or > target)
  let lo = from;
  let hi = from;
  for (let step = 1; hi < last; step *= 2) {
    const c = cum[hi + 1] as number;
    if (after ? c > target : c >= target) break;
    lo = hi + 1;
    hi = Math.min(last, hi + step);
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = cum[mid + 1] as number;
    if (after ? c > target : c >= target) hi = mid;
    else lo = mid + 1;
  }
  return (chunk.ivStart[lo] as number) + (target - (cum[lo] as number));
}

function noWorkingTime(from: EpochMs, what: string): SlaError {
  return new SlaError(
    "E_NO_WORKING_TIME",
    `The calendar has not enough working time ${what} within 50 years of ${new Date(from).toISOString()}`,
  );
}

/**
 * Adds working time. `after` false gives `dueAt` (the first instant at which `d` is used up); true gives
 * `lastCompliantAt` (the last instant at which it is not exceeded).
 */
export function addTime(engine: Engine, t: EpochMs, d: DurationMs, after: boolean): EpochMs {
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
 * Subtracts working time. `after` false gives the latest start from which `d` of working time ends at `t`;
 * true gives the earliest (the previous closing).
 */
export function subtractTime(engine: Engine, t: EpochMs, d: DurationMs, after: boolean): EpochMs {
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

/** Working ms in `[a, b)`; negative when `b < a`. */
export function timeBetween(engine: Engine, a: EpochMs, b: EpochMs): DurationMs {
  if (b < a) return -timeBetween(engine, b, a);
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

/** Whether `t` is inside a working interval. */
export function isOpen(engine: Engine, t: EpochMs): boolean {
  const chunk = chunkAt(engine, t);
  const i = intervalAt(chunk, t);
  return i >= 0 && t < (chunk.ivEnd[i] as number);
}

/** Calls `visit(start, end)` for each working interval overlapping `[from, to)`, clipped, touching ones merged. */
export function forEachPeriod(
  engine: Engine,
  from: EpochMs,
  to: EpochMs,
  visit: (start: EpochMs, end: EpochMs) => void,
): void {
  if (to <= from) return;
  if (to - from > 2 * HORIZON_MS)
    throw new SlaError("E_LIMIT", "Working periods can be listed for at most 100 years at a time");
  let chunk = chunkAt(engine, from);
  let i = Math.max(0, intervalAt(chunk, from));
  let pendingStart = Number.NaN;
  let pendingEnd = Number.NaN;
  let count = 0;
  for (;;) {
    for (; i < chunk.ivStart.length; i++) {
      const s = Math.max(from, chunk.ivStart[i] as number);
      const e = Math.min(to, chunk.ivEnd[i] as number);
      if ((chunk.ivStart[i] as number) >= to) break;
      if (s >= e) continue;
      if (s === pendingEnd) pendingEnd = e;
      else {
        if (!Number.isNaN(pendingStart)) {
          if (++count > MAX_PERIODS)
            throw new SlaError("E_LIMIT", `More than ${MAX_PERIODS} working periods requested`);
          visit(pendingStart, pendingEnd);
        }
        pendingStart = s;
        pendingEnd = e;
      }
    }
    if (chunk.end >= to) break;
    chunk = chunkOf(engine, chunk.index + 1);
    i = 0;
  }
  if (!Number.isNaN(pendingStart)) visit(pendingStart, pendingEnd);
}

/*
 * A cursor over local days: the chunk and the day's index in it. Module-level so that walking days allocates
 * nothing; every function below sets it before reading it, and none of them re-enters another.
 */
let dayChunk: Chunk;
let dayJ = 0;

function seekDay(engine: Engine, t: EpochMs): void {
  dayChunk = chunkAt(engine, t);
  dayJ = lastAtOrBefore(dayChunk.dayStart, t, 0, dayChunk.dayStart.length - 1);
}

const isWorkingDay = () => (dayChunk.dayIv[dayJ + 1] as number) > (dayChunk.dayIv[dayJ] as number);
const dayEnd = () => dayChunk.ivEnd[(dayChunk.dayIv[dayJ + 1] as number) - 1] as number;
const dayOpen = () => dayChunk.ivStart[dayChunk.dayIv[dayJ] as number] as number;

/** Chunks a day walk may cross: 50 years of months. */
const MAX_DAY_CHUNKS = Math.ceil(HORIZON_MS / DAY / 28) + 2;

/**
 * Moves the cursor to the `count`th working day after (direction 1) or before (-1) it; `count >= 1`. Each
 * chunk's rank of working days makes this a jump, not a walk.
 */
function walkDays(engine: Engine, count: number, direction: 1 | -1, t: EpochMs): void {
  if (!engine.canWork) throw noWorkingTime(t, direction === 1 ? "ahead" : "before it");
  let left = count;
  // Working days of the current chunk strictly after (or before) the cursor's day.
  let rank = direction === 1 ? (dayChunk.workRank[dayJ + 1] as number) : (dayChunk.workRank[dayJ] as number);
  for (let chunks = 0; chunks < MAX_DAY_CHUNKS; chunks++) {
    const { workDays } = dayChunk;
    if (direction === 1) {
      if (rank + left <= workDays.length) {
        dayJ = workDays[rank + left - 1] as number;
        if ((dayChunk.dayStart[dayJ] as number) - t > HORIZON_MS) break;
        return;
      }
      left -= workDays.length - rank;
      dayChunk = chunkOf(engine, dayChunk.index + 1);
      rank = 0;
    } else {
      if (rank - left >= 0) {
        dayJ = workDays[rank - left] as number;
        if (t - (dayChunk.dayStart[dayJ] as number) > HORIZON_MS) break;
        return;
      }
      left -= rank;
      dayChunk = chunkOf(engine, dayChunk.index - 1);
      rank = dayChunk.workDays.length;
    }
  }
  throw noWorkingTime(t, direction === 1 ? "ahead" : "before it");
}

/**
 * Business days (SPEC.md rule 6). `sameTime` false: the end of the `days`th following working day (start day
 * not counted); negative counts give the start of the `|days|`th previous working day. `sameTime` true: that
 * day at `t`'s wall time, moved into working time (forward; backward to the previous closing for negative
 * counts).
 */
export function addDays(engine: Engine, t: EpochMs, days: number, sameTime: boolean): EpochMs {
  seekDay(engine, t);
  if (days === 0) {
    if (sameTime) return addTime(engine, t, 0, true);
    if (isWorkingDay() && dayEnd() >= t) return dayEnd();
    walkDays(engine, 1, 1, t);
    return dayEnd();
  }
  const startDay = dayChunk.firstDay + dayJ;
  const direction = days > 0 ? 1 : -1;
  walkDays(engine, Math.abs(days), direction, t);
  if (!sameTime) return direction === 1 ? dayEnd() : dayOpen();
  // The same wall time on the target day, in the zone of that day's version.
  const targetDay = dayChunk.firstDay + dayJ;
  const timeOfDay = t + versionForDay(engine, startDay).zone.offsetAt(t) - startDay * DAY;
  const at = resolveWall(versionForDay(engine, targetDay).zone, targetDay * DAY + timeOfDay);
  return direction === 1
    ? addTime(engine, at, 0, true)
    : isOpen(engine, at)
      ? at
      : subtractTime(engine, at, 0, true);
}

/** DST adjustments taken on interval edges in `[from, to)`. */
export function dstNotesIn(engine: Engine, from: EpochMs, to: EpochMs): DstNote[] {
  const out: DstNote[] = [];
  if (to <= from) return out;
  let chunk = chunkAt(engine, from);
  for (;;) {
    for (const note of chunk.notes) if (note.at >= from && note.at < to) out.push(note);
    if (chunk.end >= to) return out;
    chunk = chunkOf(engine, chunk.index + 1);
  }
}
