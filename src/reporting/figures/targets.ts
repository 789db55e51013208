/**
 * The targets figure: per target and fault level, target cycles by outcome, compliance, and a summary of the
 * elapsed working time of the stopped cycles.
 * @internal
 * @module
 */
import type { TargetEvaluation } from "../../escalation/kernel.js";
import { byOrder, type ReportContext } from "../context.js";
import type { Figure } from "../figure.js";
import { outcomeOf } from "../outcome.js";
import {
  arrayAt,
  expectConsistent,
  failConsistency,
  failRead,
  objectAt,
  readArray,
  readBoolean,
  readCount,
  readCountOrNull,
  readObject,
  readText,
} from "../report-json.js";
import {
  addValue,
  bucketOf,
  mergeSummary,
  nearestRank,
  newSummary,
  reserveBuckets,
  restoreCount,
  sortedCounts,
  type ValueSummary,
} from "../summary.js";
import type { CycleOutcome, ElapsedStats, TargetSummary } from "../types.js";

/** The cycles of one target at one level. */
interface TargetAcc {
  readonly targetId: string;
  readonly level: string;
  met: number;
  breached: number;
  open: number;
  openBreached: number;
  pending: number;
  cancelled: number;
  readonly elapsed: ValueSummary;
}

/** The cycles per target and level. @internal */
export interface TargetsAcc {
  /** Per target id, per level. */
  readonly byTarget: Map<string, Map<string, TargetAcc>>;
  /** Distinct elapsed values kept exactly per summary. */
  readonly exactValues: number;
  /**
   * Per position in an evaluation's `targets`, the accumulators last used there: evaluations of one contract
   * list them in the same order, so trying those first usually saves the lookups by id.
   */
  readonly hints: TargetAcc[][];
}

/** Hints are kept for this many positions, and this many accumulators (levels) per position. */
const HINT_POSITIONS = 64;
const HINTS_PER_POSITION = 4;

function targetAcc(acc: TargetsAcc, targetId: string, level: string): TargetAcc {
  let byLevel = acc.byTarget.get(targetId);
  if (byLevel === undefined) {
    byLevel = new Map();
    acc.byTarget.set(targetId, byLevel);
  }
  let t = byLevel.get(level);
  if (t === undefined) {
    t = {
      targetId,
      level,
      met: 0,
      breached: 0,
      open: 0,
      openBreached: 0,
      pending: 0,
      cancelled: 0,
      elapsed: newSummary(acc.exactValues),
    };
    byLevel.set(level, t);
  }
  return t;
}

/** `targetAcc` for the target at position `i` of an evaluation. */
function targetAt(acc: TargetsAcc, i: number, targetId: string, level: string): TargetAcc {
  const hints = acc.hints[i];
  if (hints !== undefined) {
    for (const t of hints) if (t.level === level && t.targetId === targetId) return t;
  }
  const t = targetAcc(acc, targetId, level);
  if (hints !== undefined) {
    if (hints.length < HINTS_PER_POSITION) hints.push(t);
  } else if (i < HINT_POSITIONS) {
    acc.hints[i] = [t];
  }
  return t;
}

function countOutcome(t: TargetAcc, outcome: CycleOutcome): void {
  switch (outcome) {
    case "met":
      t.met += 1;
      break;
    case "breached":
      t.breached += 1;
      break;
    case "open":
      t.open += 1;
      break;
    case "openBreached":
      t.openBreached += 1;
      break;
    case "pending":
      t.pending += 1;
      break;
    default:
      t.cancelled += 1;
  }
}

function allTargets(acc: TargetsAcc): TargetAcc[] {
  const out: TargetAcc[] = [];
  for (const byLevel of acc.byTarget.values()) out.push(...byLevel.values());
  return out;
}

function elapsedStats(s: ValueSummary): ElapsedStats {
  const histogram = sortedCounts(s);
  if (s.count === 0) {
    return {
      count: 0,
      sumMs: 0,
      meanMs: null,
      medianMs: null,
      p90Ms: null,
      minMs: null,
      maxMs: null,
      exact: s.exact,
      histogram,
    };
  }
  const clamp = (v: number): number => Math.min(s.max, Math.max(s.min, v));
  return {
    count: s.count,
    sumMs: s.sum,
    meanMs: s.sum / s.count,
    medianMs: clamp(nearestRank(histogram, s.count, 50)),
    p90Ms: clamp(nearestRank(histogram, s.count, 90)),
    minMs: s.min,
    maxMs: s.max,
    exact: s.exact,
    histogram,
  };
}

function summaryOf(t: TargetAcc): TargetSummary {
  const decided = t.met + t.breached + t.openBreached;
  return {
    targetId: t.targetId,
    level: t.level,
    counts: {
      met: t.met,
      breached: t.breached,
      open: t.open,
      openBreached: t.openBreached,
      pending: t.pending,
      cancelled: t.cancelled,
    },
    decided,
    compliance: decided === 0 ? null : t.met / decided,
    elapsed: elapsedStats(t.elapsed),
  };
}

function emptyTargets(context: ReportContext): TargetsAcc {
  return { byTarget: new Map(), exactValues: context.options.exactValues, hints: [] };
}

function addCycle(acc: TargetsAcc, i: number, t: TargetEvaluation, context: ReportContext): void {
  const outcome = outcomeOf(t, context.now);
  const counted = targetAt(acc, i, t.id, t.level);
  countOutcome(counted, outcome);
  if (outcome === "met" || outcome === "breached") addValue(counted.elapsed, t.elapsedMs);
}

const OUTCOMES: readonly CycleOutcome[] = ["met", "breached", "open", "openBreached", "pending", "cancelled"];

/**
 * Reads the elapsed summary of a `TargetSummary` back into `e`, refusing figures that contradict each other:
 * a count that is not `met + breached`, a minimum above the maximum, a sum outside `[count·min, count·max]`,
 * histogram counts that do not add up to the count, keys out of order or outside `[min, max]`.
 */
function readElapsed(e: ValueSummary, el: Record<string, unknown>, stopped: number, where: string): void {
  const count = readCount(el.count, `${where}.count`);
  const sum = readCount(el.sumMs, `${where}.sumMs`);
  const min = readCountOrNull(el.minMs, `${where}.minMs`);
  const max = readCountOrNull(el.maxMs, `${where}.maxMs`);
  const exact = readBoolean(el.exact, `${where}.exact`);
  expectConsistent(count === stopped, "elapsed.count is not met + breached", `${where}.count`);
  if (count === 0) {
    expectConsistent(sum === 0 && min === null && max === null, "an empty summary has values", where);
  } else {
    if (min === null || max === null) failConsistency("a summary of values has no minMs or maxMs", where);
    expectConsistent(min <= max, "minMs is above maxMs", `${where}.minMs`);
    const [n, lo, hi, total] = [BigInt(count), BigInt(min), BigInt(max), BigInt(sum)];
    expectConsistent(
      n * lo <= total && total <= n * hi,
      "sumMs is outside count × [minMs, maxMs]",
      `${where}.sumMs`,
    );
  }
  e.count = count;
  e.sum = sum;
  e.min = min ?? Number.POSITIVE_INFINITY;
  e.max = max ?? Number.NEGATIVE_INFINITY;
  e.exact = exact;
  const histogram = arrayAt(el, "histogram", where);
  if (exact && histogram.length > e.cap)
    failConsistency("an exact summary has more values than exactValues", `${where}.histogram`);
  if (!exact && max !== null) reserveBuckets(e, max);
  const lowest = min === null ? 0 : exact ? min : bucketOf(min);
  let seen = 0;
  let last = -1;
  histogram.forEach((pair, i) => {
    const at = `${where}.histogram[${i}]`;
    const p = readArray(pair, at);
    if (p.length !== 2) failRead("expected a pair [valueMs, count]", at);
    const key = readCount(p[0], `${at}[0]`);
    const n = readCount(p[1], `${at}[1]`);
    expectConsistent(key > last, "histogram keys are not in increasing order", `${at}[0]`);
    expectConsistent(
      max !== null && key >= lowest && key <= max,
      "a histogram key is outside [minMs, maxMs]",
      `${at}[0]`,
    );
    last = key;
    seen += n;
    restoreCount(e, key, n);
  });
  expectConsistent(seen === count, "histogram counts do not add up to elapsed.count", `${where}.histogram`);
}

/** Reads one `TargetSummary` of a report back into the accumulator. */
function readTarget(acc: TargetsAcc, item: unknown, where: string): void {
  const t = readObject(item, where);
  const targetId = readText(t.targetId, `${where}.targetId`);
  const level = readText(t.level, `${where}.level`);
  if (acc.byTarget.get(targetId)?.has(level) === true)
    failRead("a target and level are listed twice", `${where}.level`);
  const counted = targetAcc(acc, targetId, level);
  const counts = objectAt(t, "counts", where);
  for (const outcome of OUTCOMES) counted[outcome] = readCount(counts[outcome], `${where}.counts.${outcome}`);
  readElapsed(
    counted.elapsed,
    objectAt(t, "elapsed", where),
    counted.met + counted.breached,
    `${where}.elapsed`,
  );
}

/** The `targets` section. @internal */
export const targetsFigure: Figure<TargetsAcc, { targets: TargetSummary[] }> = {
  empty: emptyTargets,
  add(acc, e, context) {
    const targets = e.targets;
    for (let i = 0; i < targets.length; i++) addCycle(acc, i, targets[i] as TargetEvaluation, context);
  },
  absorb(into, from) {
    for (const t of allTargets(from)) {
      const mine = targetAcc(into, t.targetId, t.level);
      mine.met += t.met;
      mine.breached += t.breached;
      mine.open += t.open;
      mine.openBreached += t.openBreached;
      mine.pending += t.pending;
      mine.cancelled += t.cancelled;
      mergeSummary(mine.elapsed, t.elapsed);
    }
  },
  finish(acc, { targetOrder, levelOrder }) {
    return {
      targets: allTargets(acc)
        .sort((a, b) => byOrder(targetOrder, a.targetId, b.targetId) || byOrder(levelOrder, a.level, b.level))
        .map(summaryOf),
    };
  },
  read(report, path, context) {
    const acc = emptyTargets(context);
    arrayAt(report as unknown as Record<string, unknown>, "targets", path).forEach((t, i) => {
      readTarget(acc, t, `${path}.targets[${i}]`);
    });
    return acc;
  },
};
