import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  addValue,
  bucketOf,
  mergeSummary,
  nearestRank,
  newSummary,
  sortedCounts,
} from "../../src/reporting/summary.js";

describe("nearest-rank percentiles", () => {
  it("takes the smallest value with at least ⌈p·n/100⌉ values at or below it", () => {
    const ten = Array.from({ length: 10 }, (_, i) => [i + 1, 1] as [number, number]);
    // n = 10: median rank ⌈5⌉ = 5 → 5; p90 rank ⌈9⌉ = 9 → 9.
    expect(nearestRank(ten, 10, 50)).toBe(5);
    expect(nearestRank(ten, 10, 90)).toBe(9);
    const eleven = [...ten, [11, 1] as [number, number]];
    // n = 11: median rank ⌈5.5⌉ = 6 → 6; p90 rank ⌈9.9⌉ = 10 → 10.
    expect(nearestRank(eleven, 11, 50)).toBe(6);
    expect(nearestRank(eleven, 11, 90)).toBe(10);
    // Counts: values 1 ×3, 7 ×1 → n = 4; median rank 2 → 1; p90 rank ⌈3.6⌉ = 4 → 7.
    expect(
      nearestRank(
        [
          [1, 3],
          [7, 1],
        ],
        4,
        50,
      ),
    ).toBe(1);
    expect(
      nearestRank(
        [
          [1, 3],
          [7, 1],
        ],
        4,
        90,
      ),
    ).toBe(7);
  });
});

describe("value summaries", () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 45 })], { seed: 7, numRuns: 1000 })(
    "a bucket holds its value within a relative 2^-10, and buckets are idempotent",
    (v) => {
      const b = bucketOf(v);
      expect(b).toBeLessThanOrEqual(v);
      expect(v - b).toBeLessThanOrEqual(v * 2 ** -10);
      expect(bucketOf(b)).toBe(b);
      if (v < 2048) expect(b).toBe(v);
    },
  );

  test.prop(
    [
      fc.array(fc.integer({ min: 0, max: 10 ** 10 }), { maxLength: 60 }),
      fc.array(fc.integer({ min: 0, max: 10 ** 10 }), { maxLength: 60 }),
      fc.integer({ min: 0, max: 50 }),
    ],
    { seed: 8, numRuns: 1000 },
  )("summaries of two parts merge into the summary of the union, exact or bucketed", (xs, ys, cap) => {
    const a = newSummary(cap);
    const b = newSummary(cap);
    const all = newSummary(cap);
    for (const x of xs) addValue(a, x);
    for (const y of ys) addValue(b, y);
    for (const v of [...ys, ...xs]) addValue(all, v);
    mergeSummary(a, b);
    expect({ ...a, counts: sortedCounts(a) }).toEqual({ ...all, counts: sortedCounts(all) });
    expect(all.exact).toBe(new Set([...xs, ...ys]).size <= cap);
  });
});
