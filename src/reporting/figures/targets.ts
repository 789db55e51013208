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
import { arrayAt, failRead, readCount, readText } from "../report-json.js";
import {
  addValue,
  mergeSummary,
  nearestRank,
  newSummary,
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

/** Reads one `TargetSummary` of a report back into the accumulator. */
function readTarget(acc: TargetsAcc, t: TargetSummary, path: string): void {
  const where = `${path}.targets.${String(t.targetId)}`;
  const counted = targetAcc(acc, readText(t.targetId, where), readText(t.level, where));
  counted.met += readCount(t.counts.met, where);
  counted.breached += readCount(t.counts.breached, where);
  counted.open += readCount(t.counts.open, where);
  counted.openBreached += readCount(t.counts.openBreached, where);
  counted.pending += readCount(t.counts.pending, where);
  counted.cancelled += readCount(t.counts.cancelled, where);
  const e = counted.elapsed;
  const el = t.elapsed;
  e.count = readCount(el.count, where);
  e.sum = readCount(el.sumMs, where);
  e.min = el.minMs === null ? Number.POSITIVE_INFINITY : readCount(el.minMs, where);
  e.max = el.maxMs === null ? Number.NEGATIVE_INFINITY : readCount(el.maxMs, where);
  if (typeof el.exact !== "boolean") failRead("elapsed.exact is not a boolean", where);
  e.exact = el.exact;
  for (const pair of el.histogram) restoreCount(e, readCount(pair[0], where), readCount(pair[1], where));
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
    const targets = arrayAt(report as unknown as Record<string, unknown>, "targets", path) as TargetSummary[];
    for (const t of targets) readTarget(acc, t, path);
    return acc;
  },
};
