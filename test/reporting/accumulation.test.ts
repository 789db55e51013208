/**
 * The fast paths of accumulation against plain references: kept-first lists that reject by key, dense bucketed
 * summaries, ISO texts and their ordering keys, and rows and breaches kept as drafts until the end.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { TicketStatus } from "../../src/escalation/types.js";
import { admits, finishFirstN, keep, newFirstN } from "../../src/reporting/first-n.js";
import { buildReportFromStatuses } from "../../src/reporting/from-statuses.js";
import { iso, isoKey } from "../../src/reporting/instant-text.js";
import {
  addValue,
  bucketOf,
  mergeSummary,
  newSummary,
  restoreCount,
  sortedCounts,
  type ValueSummary,
} from "../../src/reporting/summary.js";
import { contract, status, target } from "./fixtures.js";

const params = { seed: 20251122, numRuns: 300 } as const;

describe("kept-first lists with a primary key", () => {
  test.prop(
    [
      fc.array(fc.tuple(fc.integer({ min: -3, max: 40 }), fc.integer({ min: 0, max: 5 })), {
        maxLength: 3000,
      }),
      fc.integer({ min: 0, max: 60 }),
    ],
    params,
  )("keep exactly the first cap items, whatever is rejected by key before it is built", (pairs, cap) => {
    // Items [key, tie]: ordered by key, then tie; a key of -3 stands for -Infinity (ordered among themselves by tie).
    const keyOf = ([k]: [number, number]): number => (k === -3 ? Number.NEGATIVE_INFINITY : k);
    const compare = (a: [number, number], b: [number, number]): number =>
      keyOf(a) - keyOf(b) || (keyOf(a) === keyOf(b) ? a[1] - b[1] : 0);
    const list = newFirstN<[number, number]>(cap, compare, true);
    let built = 0;
    for (const item of pairs) {
      list.total += 1;
      if (!admits(list, keyOf(item))) continue;
      built += 1;
      keep(list, item, keyOf(item));
    }
    expect(list.total).toBe(pairs.length);
    expect(list.items.length).toBeLessThanOrEqual(2 * cap + 1024);
    expect(finishFirstN(list)).toEqual(pairs.slice().sort(compare).slice(0, cap));
    if (cap === 0) expect(built).toBe(0);
  });
});

/** The summary as it was kept before dense buckets: one Map for exact values and buckets alike. */
class MapSummary {
  counts = new Map<number, number>();
  exact = true;
  constructor(readonly cap: number) {}
  add(value: number, n = 1): void {
    const key = this.exact ? value : bucketOf(value);
    const before = this.counts.get(key);
    this.counts.set(key, (before ?? 0) + n);
    if (this.exact && before === undefined && this.counts.size > this.cap) this.toBuckets();
  }
  toBuckets(): void {
    const entries = [...this.counts];
    this.counts.clear();
    for (const [v, n] of entries) this.counts.set(bucketOf(v), (this.counts.get(bucketOf(v)) ?? 0) + n);
    this.exact = false;
  }
  merge(other: MapSummary): void {
    if (!other.exact && this.exact) this.toBuckets();
    for (const [v, n] of other.counts) {
      const key = this.exact ? v : bucketOf(v);
      this.counts.set(key, (this.counts.get(key) ?? 0) + n);
    }
    if (this.exact && this.counts.size > this.cap) this.toBuckets();
  }
  sorted(): [number, number][] {
    return [...this.counts].sort((a, b) => a[0] - b[0]);
  }
}

const value = fc.oneof(
  fc.integer({ min: 0, max: 5000 }),
  fc.integer({ min: 0, max: 2 ** 33 }),
  fc.integer({ min: 0, max: 2 ** 44 }), // up to 160 of them sum below 2^53
);

describe("bucketed summaries", () => {
  test.prop(
    [
      fc.array(value, { maxLength: 80 }),
      fc.array(value, { maxLength: 80 }),
      fc.integer({ min: 0, max: 40 }),
      fc.array(
        fc.tuple(
          fc.oneof(
            fc.integer({ min: 0, max: 2 ** 34 }),
            fc.integer({ min: 0, max: 2 ** 34 }).map(bucketOf),
            fc.constantFrom(7, 2049, 4096), // repeated: the last pair wins
          ),
          fc.integer({ min: 0, max: 3 }),
        ),
        { maxLength: 6 },
      ),
      fc.boolean(),
    ],
    params,
  )(
    "count like one Map per summary, also read back from a report with odd keys and zero counts",
    (xs, ys, cap, restored, restoredExact) => {
      const s = newSummary(cap);
      const ref = new MapSummary(cap);
      for (const x of xs) {
        addValue(s, x);
        ref.add(x);
      }
      expect(s.exact).toBe(ref.exact);
      expect(sortedCounts(s)).toEqual(ref.sorted());

      // A summary read back from a report: its pairs are set as they were written (last one wins).
      const r: ValueSummary = newSummary(cap);
      const rRef = new MapSummary(cap);
      r.exact = restoredExact;
      rRef.exact = restoredExact;
      for (const [k, n] of restored) {
        r.count += n;
        restoreCount(r, k, n);
        rRef.counts.set(k, n);
      }
      expect(sortedCounts(r)).toEqual(rRef.sorted());

      const t = newSummary(cap);
      const tRef = new MapSummary(cap);
      for (const y of ys) {
        addValue(t, y);
        tRef.add(y);
      }
      mergeSummary(r, t);
      mergeSummary(r, s);
      if (t.count > 0) rRef.merge(tRef);
      if (s.count > 0) rRef.merge(ref);
      expect(r.exact).toBe(rRef.exact);
      expect(sortedCounts(r)).toEqual(rRef.sorted());
    },
  );
});

describe("ISO texts", () => {
  const instant = fc.oneof(
    fc.integer({ min: -8.64e15, max: 8.64e15 }),
    fc.integer({ min: -62_200_000_000_000, max: 253_500_000_000_000 }),
    fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }),
  );
  test.prop([instant, instant], { seed: 7, numRuns: 5000 })(
    "are Date#toISOString's, and isoKey orders instants as their texts compare",
    (a, b) => {
      expect(iso(a)).toBe(new Date(a).toISOString());
      if (isoKey(a) < isoKey(b)) expect(iso(a) < iso(b)).toBe(true);
    },
  );
});

describe("rows and breaches kept as drafts", () => {
  const opened = Date.parse("2025-10-01T00:00:00+08:00");
  // Breach instants whose texts do not sort as numbers: +010000-…, -000001-…, 0999-….
  const far = [Date.UTC(12000, 0, 1), Date.UTC(-1, 0, 1), Date.UTC(999, 0, 1), Date.UTC(2025, 9, 5)];
  const statuses: TicketStatus[] = Array.from({ length: 3000 }, (_, i) => {
    const at = opened + ((i * 7919) % 2000) * 60_000;
    const breach = new Date(i % 5 === 0 ? (far[i % 4] as number) : at + 3_600_000);
    const breached = target("resolve", "level1", "breached", {
      start: new Date(at).toISOString(),
      due: new Date(at + 3_600_000).toISOString(),
      stop: new Date(at + 7_200_000).toISOString(),
      elapsedMin: 120,
      targetMin: 60,
    });
    return status(i % 97 === 0 ? "dup" : `t${i}`, {
      level: "level1",
      opened: new Date(at).toISOString(),
      targets: [
        target("response", "level1", "met", { start: new Date(at).toISOString(), elapsedMin: 5 }),
        { ...breached, breachedAt: breach },
      ],
    });
  });
  const options = { period: { month: "2025-10" }, now: "2025-11-10T00:00:00+08:00" } as const;

  it("keep the first rows and breaches of all, in order, whatever the order of the tickets", () => {
    const all = buildReportFromStatuses(contract, statuses, { ...options, rows: "all", breaches: "all" });
    const byText = all.breaches.items.map((b) => b.breachedAt);
    expect(byText).toEqual(byText.slice().sort());
    for (const order of [statuses, statuses.slice().reverse()]) {
      for (const cap of [1, 7, 500]) {
        const some = buildReportFromStatuses(contract, order, { ...options, rows: cap, breaches: cap });
        expect(some.rows.items).toEqual(all.rows.items.slice(0, cap));
        expect(some.breaches.items).toEqual(all.breaches.items.slice(0, cap));
        expect(some.rows.total).toBe(all.rows.total);
        expect(some.breaches.total).toBe(all.breaches.total);
      }
    }
  });
});
