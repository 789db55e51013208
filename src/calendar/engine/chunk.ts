/**
 * The compiled calendar's storage: working intervals as instants, built lazily per local month into typed
 * arrays with prefix sums and index buckets, so that every query is a binary search plus a few comparisons.
 * @internal
 * @module
 */
import { SlaError } from "../../errors.js";
import { DAY, type DurationMs, daysFromCivil, type EpochMs, HOUR, monthStartDay } from "../civil.js";
import { dayBreaks, daySeconds } from "../day-hours.js";
import type { CompiledVersion, DaySeconds } from "../spec.js";
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

/**
 * Resolves a day's wall-clock intervals to instants clipped to the day `[start, nextStart)` and appends the
 * non-empty ones to `out` (flat `[s, e, …]`, in wall-clock order, which need not be instant order). `stable` is
 * the zone's offset when no transition is near.
 */
function resolveRanges(
  v: CompiledVersion,
  day: number,
  ranges: DaySeconds,
  start: EpochMs,
  nextStart: EpochMs,
  stable: number | undefined,
  notes: DstNote[],
  out: number[],
): void {
  const wall0 = day * DAY;
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
    if (s < e) out.push(s, e); // else empty after DST resolution or clipping
  }
}

/** The instants of `ranges` (flat, any order, may overlap) outside every interval of `cut` (flat, any order). */
function subtractRanges(ranges: readonly number[], cut: readonly number[]): number[] {
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

/**
 * Appends the union of a day's resolved intervals (flat `[s, e, …]`) to `starts`/`ends`, sorted by start and
 * with overlapping or touching intervals merged (SPEC 3.2: working time is the measure of the union). Wall-clock
 * order is not instant order: an interval inside a DST gap moves forward by the gap (02:15 → 03:15) and can then
 * start after the next interval does.
 */
function appendUnion(flat: readonly number[], starts: number[], ends: number[]): void {
  let inOrder = true; // the usual case: no interval moved by a DST gap
  for (let k = 2; k < flat.length && inOrder; k += 2)
    inOrder = (flat[k] as number) >= (flat[k - 2] as number);
  let order: number[] | undefined;
  if (!inOrder) {
    order = [];
    for (let k = 0; k < flat.length; k += 2) order.push(k);
    order.sort((a, b) => (flat[a] as number) - (flat[b] as number));
  }
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < flat.length; i += 2) {
    const k = order === undefined ? i : (order[i / 2] as number);
    const s = flat[k] as number;
    const e = flat[k + 1] as number;
    if (s <= lastEnd) {
      lastEnd = Math.max(lastEnd, e);
      ends[ends.length - 1] = lastEnd;
    } else {
      starts.push(s);
      ends.push(e);
      lastEnd = e;
    }
  }
}

/**
 * The instant a local day begins. Versions partition time: a date begins at its 00:00 in its own version's
 * zone, but never before the date before it begins (a version moving the zone east by more than a day's worth,
 * UTC−11 → UTC+14, would otherwise start its first date inside the previous one and count that time twice; the
 * previous date is then empty). Offsets differ by at most 26 h, so the date before is the only one that can
 * begin later.
 */
function dayBegins(engine: Engine, day: number): EpochMs {
  const v = versionForDay(engine, day);
  const own = localMidnight(v.zone, day);
  const previous = versionForDay(engine, day - 1);
  return previous === v ? own : Math.max(own, localMidnight(previous.zone, day - 1));
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
  let nextStart = dayBegins(engine, firstDay);
  const resolved: number[] = []; // one day's resolved intervals, flat, in wall-clock order
  const cutAt: number[] = []; // and its resolved breaks
  for (let j = 0; j < days; j++) {
    const day = firstDay + j;
    const v = versionForDay(engine, day);
    const start = nextStart;
    nextStart = dayBegins(engine, day + 1);
    dayStart[j] = start;
    dayIv[j] = starts.length;
    const ranges = daySeconds(v, day);
    if (ranges.length === 0) continue;
    // Usually no transition is near: every edge is then its wall time minus one offset.
    const wall0 = day * DAY;
    const stable = v.zone.stableOffset(wall0 - 2 * DAY, wall0 + 3 * DAY);
    resolved.length = 0;
    resolveRanges(v, day, ranges, start, nextStart, stable, notes, resolved);
    // A break is removed as instants, resolved like the hours: removing time never adds any (in wall-clock
    // time, a break's edge in a DST gap could resolve before the hours' own edge).
    const cut = dayBreaks(v, day);
    if (cut.length === 0) appendUnion(resolved, starts, ends);
    else {
      cutAt.length = 0;
      resolveRanges(v, day, cut, start, nextStart, stable, notes, cutAt);
      appendUnion(subtractRanges(resolved, cutAt), starts, ends);
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
