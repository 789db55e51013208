/**
 * Exact, mergeable summaries of millisecond values: counts per distinct value up to a cap, then a fixed
 * log-linear histogram (values truncated to 10 significant bits, relative error < 0.1 %). Both forms are a
 * deterministic function of the multiset of values seen, so summaries of disjoint parts merge into exactly the
 * summary of their union, in any order.
 * @internal
 * @module
 */
import { SlaError } from "../errors.js";

/** Values below `2^(PRECISION_BITS + 1)` ms (2.048 s) are always kept exactly. @internal */
export const PRECISION_BITS = 10;
const EXACT_BELOW = 2 ** (PRECISION_BITS + 1);

/** `2^i` for `i` from 0 to 63: bucket positions are turned into values without a `2 ** n` call each. */
const POW2: readonly number[] = Array.from({ length: 64 }, (_, i) => 2 ** i);

/** Default cap of distinct values kept exactly per summary. @internal */
export const DEFAULT_EXACT_VALUES = 10_000;

/**
 * The bucket a value falls in once a summary is bucketed: the value with all but its 11 leading binary digits
 * cleared (a lower bound; the bucket holds `[key, key + 2^(e - 10))` where `e = floor(log2 value)`).
 * @internal
 */
export function bucketOf(value: number): number {
  if (value < EXACT_BELOW) return value;
  if (value < 4_294_967_296) {
    // floor(log2 value) from the leading zeros of the 32-bit integer (about 50 days of milliseconds); integer
    // shifts, as `2 ** n` with a variable `n` is a slow call.
    const shift = 31 - Math.clz32(value) - PRECISION_BITS;
    return (value >>> shift) * (1 << shift);
  }
  let width = 2 ** (32 - PRECISION_BITS);
  // width = 2^(floor(log2 value) - PRECISION_BITS), computed without floating-point logarithms.
  while (value / width >= EXACT_BELOW) width *= 2;
  return Math.floor(value / width) * width;
}

/**
 * The position of a value's bucket in a dense array ordered by bucket: the values below 2048 first, then 1024
 * buckets per power of two. Below 2^53 it is under 45,056.
 */
function bucketIndex(value: number): number {
  if (value < EXACT_BELOW) return value;
  if (value < 4_294_967_296) {
    const shift = 31 - Math.clz32(value) - PRECISION_BITS;
    return shift * 1024 + (value >>> shift);
  }
  let shift = 32 - PRECISION_BITS;
  while (value / (POW2[shift] as number) >= EXACT_BELOW) shift += 1;
  return shift * 1024 + Math.floor(value / (POW2[shift] as number));
}

/** The length of a dense bucket array that holds every safe integer's bucket (53 powers of two, 1024 each). */
const MAX_BUCKETS_LENGTH = 54 * 1024;

/** The bucket (its lower bound, `bucketOf`) at a position of the dense array. */
function bucketAt(index: number): number {
  if (index < EXACT_BELOW) return index;
  const shift = (index >>> 10) - 1;
  return (index - shift * 1024) * (POW2[shift] as number);
}

/** A mutable value summary. @internal */
export interface ValueSummary {
  count: number;
  sum: number;
  min: number;
  max: number;
  exact: boolean;
  /** The values (exact) or buckets (once not) and their counts. */
  readonly counts: SummaryCounts;
  /** Distinct values allowed before switching to buckets. */
  readonly cap: number;
}

/** The counts of a summary. @internal */
export interface SummaryCounts {
  /**
   * While exact: value → count. Once bucketed, the counts that `buckets` does not hold: read back from a report
   * under a key that is not a bucket's or with a count of 0 (so they come out as they came in); usually none.
   */
  readonly byKey: Map<number, number>;
  /**
   * Once bucketed: the count of each bucket, by `bucketIndex` (a plain array: no hashing, and already in order),
   * grown 1024 buckets at a time up to the largest value's. Empty while exact.
   */
  buckets: Float64Array;
}

/** A new, empty summary. @internal */
export function newSummary(cap: number): ValueSummary {
  return {
    count: 0,
    sum: 0,
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
    exact: true,
    counts: { byKey: new Map(), buckets: new Float64Array(0) },
    cap,
  };
}

function addSum(s: ValueSummary, value: number): void {
  const sum = s.sum + value;
  if (!Number.isSafeInteger(sum)) {
    throw new SlaError(
      "E_LIMIT",
      `The sum of elapsed times exceeds ${Number.MAX_SAFE_INTEGER} ms and cannot be kept exactly; report over fewer tickets or a shorter period`,
      "tickets",
    );
  }
  s.sum = sum;
}

/**
 * The dense array of a bucketed summary, grown to hold position `index`: to the next multiple of 1024, and at
 * least to twice its length, so that growing value by value copies it only a logarithmic number of times.
 */
function bucketsFor(s: ValueSummary, index: number): Float64Array {
  const old = s.counts.buckets;
  if (index < old.length) return old;
  const needed = ((index >>> 10) + 1) * 1024;
  const grown = new Float64Array(Math.min(Math.max(needed, 2 * old.length), MAX_BUCKETS_LENGTH));
  grown.set(old);
  s.counts.buckets = grown;
  return grown;
}

/**
 * Sizes the dense array of a bucketed summary once for values up to `max` (before restoring or merging many
 * counts into it). @internal
 */
export function reserveBuckets(s: ValueSummary, max: number): void {
  if (max >= 0) bucketsFor(s, bucketIndex(max));
}

/** Adds `n` to the bucket of `value` in a bucketed summary. */
function addToBucket(s: ValueSummary, value: number, n: number): void {
  if (s.counts.byKey.size !== 0) {
    const key = bucketOf(value);
    const before = s.counts.byKey.get(key);
    if (before !== undefined) {
      s.counts.byKey.set(key, before + n);
      return;
    }
  }
  const index = bucketIndex(value);
  const buckets = bucketsFor(s, index);
  // A bucket counted 0 times still shows (as a Map entry did): keep it aside.
  if (n === 0 && buckets[index] === 0) s.counts.byKey.set(bucketOf(value), 0);
  else buckets[index] = (buckets[index] as number) + n;
}

function toBuckets(s: ValueSummary): void {
  const entries = [...s.counts.byKey];
  s.counts.byKey.clear();
  s.exact = false;
  reserveBuckets(s, s.max); // allocate once
  for (const [value, n] of entries) addToBucket(s, value, n);
}

/** Adds `n` occurrences of a non-negative integer value. @internal */
export function addValue(s: ValueSummary, value: number, n = 1): void {
  addSum(s, value * n);
  s.count += n;
  if (value < s.min) s.min = value;
  if (value > s.max) s.max = value;
  if (!s.exact) {
    addToBucket(s, value, n);
    return;
  }
  const before = s.counts.byKey.get(value);
  s.counts.byKey.set(value, (before ?? 0) + n);
  if (before === undefined && s.counts.byKey.size > s.cap) toBuckets(s);
}

/**
 * Sets the count of a value (or, bucketed, of a key) read back from a report, as it was written.
 * @internal
 */
export function restoreCount(s: ValueSummary, key: number, n: number): void {
  const regular = !s.exact && bucketOf(key) === key;
  if (regular) {
    const index = bucketIndex(key);
    if (n !== 0 || index < s.counts.buckets.length) bucketsFor(s, index)[index] = n;
  }
  if (regular && n !== 0) s.counts.byKey.delete(key);
  else s.counts.byKey.set(key, n);
}

/** Adds every value of `other` into `s` (same cap). @internal */
export function mergeSummary(s: ValueSummary, other: ValueSummary): void {
  if (other.count === 0) return;
  addSum(s, other.sum);
  s.count += other.count;
  if (other.min < s.min) s.min = other.min;
  if (other.max > s.max) s.max = other.max;
  if (!other.exact && s.exact) toBuckets(s);
  if (!s.exact) reserveBuckets(s, s.max); // size once for both parts' values
  for (const [value, n] of entries(other)) {
    if (s.exact) s.counts.byKey.set(value, (s.counts.byKey.get(value) ?? 0) + n);
    else addToBucket(s, value, n);
  }
  if (s.exact && s.counts.byKey.size > s.cap) toBuckets(s);
}

/** The `[value, count]` pairs of a summary, in no particular order. */
function entries(s: ValueSummary): [number, number][] {
  const out = [...s.counts.byKey];
  const buckets = s.counts.buckets;
  for (let i = 0; i < buckets.length; i++) {
    const n = buckets[i] as number;
    if (n !== 0) out.push([bucketAt(i), n]);
  }
  return out;
}

/**
 * The nearest-rank percentile: the smallest value `v` such that at least `ceil(p / 100 * n)` values are `<= v`
 * (rank at least 1). For `p = 50` and an even count this is the lower of the two middle values.
 * @param sorted - `[value, count]` pairs sorted by value.
 * @param count - Total count (> 0).
 * @param p - Percentile, an integer 1–100.
 * @internal
 */
export function nearestRank(
  sorted: readonly (readonly [number, number])[],
  count: number,
  p: number,
): number {
  const rank = Math.max(1, Math.ceil((p * count) / 100));
  let seen = 0;
  for (const [value, n] of sorted) {
    seen += n;
    if (seen >= rank) return value;
  }
  return (sorted[sorted.length - 1] as readonly [number, number])[0];
}

/** Sorted `[value, count]` pairs of a summary. @internal */
export function sortedCounts(s: ValueSummary): [number, number][] {
  const aside = [...s.counts.byKey].sort((a, b) => a[0] - b[0]);
  if (s.counts.buckets.length === 0) return aside;
  // The dense buckets come in order: merge the (usually no) counts kept aside into them.
  const out: [number, number][] = [];
  const buckets = s.counts.buckets;
  let j = 0;
  for (let i = 0; i < buckets.length; i++) {
    const n = buckets[i] as number;
    if (n === 0) continue;
    const key = bucketAt(i);
    while (j < aside.length && (aside[j] as [number, number])[0] < key)
      out.push(aside[j++] as [number, number]);
    out.push([key, n]);
  }
  while (j < aside.length) out.push(aside[j++] as [number, number]);
  return out;
}
