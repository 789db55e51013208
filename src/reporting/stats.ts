/**
 * Exact, mergeable summaries of millisecond values: counts per distinct value up to a cap, then a fixed
 * log-linear histogram (values truncated to 10 significant bits, relative error < 0.1 %). Both forms are a
 * deterministic function of the multiset of values seen, so summaries of disjoint parts merge into exactly the
 * summary of their union, in any order.
 * @internal
 * @module
 */
import { SlaError } from "../calendar/errors.js";

/** Values below `2^(PRECISION_BITS + 1)` ms (2.048 s) are always kept exactly. @internal */
export const PRECISION_BITS = 10;
const EXACT_BELOW = 2 ** (PRECISION_BITS + 1);

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
    // floor(log2 value) from the leading zeros of the 32-bit integer (about 50 days of milliseconds).
    const width = 2 ** (31 - Math.clz32(value) - PRECISION_BITS);
    return Math.floor(value / width) * width;
  }
  let width = 2 ** (32 - PRECISION_BITS);
  // width = 2^(floor(log2 value) - PRECISION_BITS), computed without floating-point logarithms.
  while (value / width >= EXACT_BELOW) width *= 2;
  return Math.floor(value / width) * width;
}

/** A mutable value summary. @internal */
export interface ValueSummary {
  count: number;
  sum: number;
  min: number;
  max: number;
  exact: boolean;
  /** value (or bucket lower bound) → count */
  readonly counts: Map<number, number>;
  /** Distinct values allowed before switching to buckets. */
  readonly cap: number;
}

/** A new, empty summary. @internal */
export function newSummary(cap: number): ValueSummary {
  return {
    count: 0,
    sum: 0,
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
    exact: true,
    counts: new Map(),
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

function toBuckets(s: ValueSummary): void {
  const entries = [...s.counts];
  s.counts.clear();
  for (const [value, n] of entries) {
    const key = bucketOf(value);
    s.counts.set(key, (s.counts.get(key) ?? 0) + n);
  }
  s.exact = false;
}

/** Adds `n` occurrences of a non-negative integer value. @internal */
export function addValue(s: ValueSummary, value: number, n = 1): void {
  addSum(s, value * n);
  s.count += n;
  if (value < s.min) s.min = value;
  if (value > s.max) s.max = value;
  const key = s.exact ? value : bucketOf(value);
  const before = s.counts.get(key);
  s.counts.set(key, (before ?? 0) + n);
  if (s.exact && before === undefined && s.counts.size > s.cap) toBuckets(s);
}

/** Adds every value of `other` into `s` (same cap). @internal */
export function mergeSummary(s: ValueSummary, other: ValueSummary): void {
  if (other.count === 0) return;
  addSum(s, other.sum);
  s.count += other.count;
  if (other.min < s.min) s.min = other.min;
  if (other.max > s.max) s.max = other.max;
  if (!other.exact && s.exact) toBuckets(s);
  for (const [value, n] of other.counts) {
    const key = s.exact ? value : bucketOf(value);
    s.counts.set(key, (s.counts.get(key) ?? 0) + n);
  }
  if (s.exact && s.counts.size > s.cap) toBuckets(s);
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
  return [...s.counts].sort((a, b) => a[0] - b[0]);
}
