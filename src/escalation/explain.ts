/**
 * `explainTarget`: the evidence behind one target cycle's deadline, as data (the English is in
 * `explain-text.ts`).
 * @module
 */

import {
  civilFromDays,
  DAY,
  dstNotesIn,
  type EpochMs,
  forEachPeriod,
  formatDateKey,
  getZone,
  type Instant,
  workingTimeBetween,
  type Zone,
} from "../calendar/kernel.js";
import type { Contract } from "../contracts/index.js";
import type { TargetRules } from "../contracts/kernel.js";
import { describeValue, SlaError } from "../errors.js";
import { dueAtOf, lastCompliantAtOf } from "./deadlines.js";
import {
  cycleEvaluation,
  type Fold,
  foldTicket,
  neverStartedEvaluation,
  pendingEvaluation,
} from "./evaluate.js";
import { type Cycle, hasStarted, type StartedCycle, type TargetRun } from "./evaluation.js";
import {
  type CycleHead,
  cycleText,
  neverStartedText,
  notApplicableText,
  pendingText,
  startWords,
} from "./explain-text.js";
import { toTargetStatus } from "./status.js";
import { nextCheck } from "./steps.js";
import type {
  ExplainedDst,
  ExplainedPause,
  ExplainedPeriod,
  ExplainTargetOptions,
  Explanation,
  Ticket,
} from "./types.js";

/** At most this many periods and DST notes are listed. */
const MAX_PERIODS = 1000;
const MAX_DST = 100;

/** The fields of an explanation without evidence (no start, no deadline), fresh for each. */
function noEvidence(): Pick<Explanation, "pauses" | "periods" | "periodsTruncated" | "dst" | "arithmetic"> {
  return {
    pauses: [],
    periods: [],
    periodsTruncated: false,
    dst: [],
    arithmetic: { budgetMs: 0, pausedBeforeDueMs: 0, dueAt: null, lastCompliantAt: null },
  };
}

/**
 * Explains one target cycle of a ticket: the level and duration applied, the start, the pauses with the
 * working time each took, the working periods the clock ran in up to its deadline, the DST resolutions taken on
 * the way, and the arithmetic that gives `dueAt` and `lastCompliantAt` — as data and as an English `text`.
 * Replaying the evidence gives the deadline: the lengths of `periods` add up to the budget and the last one ends
 * at `dueAt`.
 *
 * @param contract - A contract from `parseContract`.
 * @param ticket - The ticket, as for `evaluateTicket`.
 * @param targetId - The target's id.
 * @param now - The instant of evaluation.
 * @param opts - `cycle`: which cycle (default: the last); plus the options of `evaluateTicket`.
 * @returns The explanation; `applies: false` with a `reason` when the target does not apply to the ticket.
 * @throws SlaError `E_REF_UNKNOWN` for an unknown target id or cycle, and every error of `evaluateTicket`.
 * @example
 * ```ts
 * // Seed 003: office Mon–Fri 09:00–18:00 (Asia/Shanghai); response within 2 h for "general"; opened Mon 17:00
 * const x = explainTarget(contract, { id: "T-2", level: "general",
 *   events: [{ type: "opened", at: "2025-03-03T17:00:00+08:00" }] }, "response", "2025-03-04T09:30:00+08:00");
 * x.periods.map((p) => p.workingMs); //=> [3600000, 3600000] (Mon 17:00–18:00, Tue 09:00–10:00)
 * x.arithmetic.dueAt;                //=> 2025-03-04T02:00:00.000Z (Tue 10:00 +08:00)
 * x.text;
 * //=> 'Target "response", cycle 0, level "general": 2 h 0 min of working time on a calendar in Asia/Shanghai.
 * //    Started 2025-03-03 17:00 (+08:00) by "opened". dueAt = start + 2 h 0 min of working time =
 * //    2025-03-04 10:00 (+08:00), over 2 working periods. lastCompliantAt = dueAt. At 2025-03-04 09:30 (+08:00):
 * //    running, 1 h 30 min elapsed, 30 min left.'
 * ```
 * Gotchas: for a business-day target the budget is the working time from the start to the end of business of
 * the Nth following working day, so a pause extends it by the working time paused, as for any target.
 * @category Escalation
 */
export function explainTarget(
  contract: Contract,
  ticket: Ticket,
  targetId: string,
  now: Instant,
  opts?: ExplainTargetOptions,
): Explanation {
  const fold = foldTicket(contract, ticket, now, opts);
  const compiled = fold.prepared.compiled;
  const index = typeof targetId === "string" ? compiled.targetIndex.get(targetId) : undefined;
  if (index === undefined) {
    throw new SlaError("E_REF_UNKNOWN", `Unknown target ${describeValue(targetId)}`, "targetId");
  }
  const rules = compiled.targets[index] as TargetRules;
  const run = fold.runs[index] as TargetRun | null;
  const level = fold.events.finalLevel;
  if (run === null) return notApplicable(fold, rules, whyNotApplying(fold, rules), 0, level);
  const cycle = chosenCycle(run, opts?.cycle);
  const zone = getZone(rules.target.calendar.timezone);
  if (cycle === undefined) {
    if (!run.pending)
      return notApplicable(fold, rules, `level "${level}" is not subject to it`, run.pendingCycle, level);
    return pendingExplanation(fold, run, zone);
  }
  if (cycle.duration === null) {
    return notApplicable(
      fold,
      rules,
      `level "${cycle.level}" is not subject to it`,
      cycle.index,
      cycle.level,
    );
  }
  if (!hasStarted(cycle)) return neverStartedExplanation(fold, rules, cycle, zone);
  return explainCycle(fold, rules, cycle, zone);
}

/** Why a target does not apply to the ticket at all: its phases, or its chain's parent. */
function whyNotApplying(fold: Fold, rules: TargetRules): string {
  const compiled = fold.prepared.compiled;
  if (rules.parent !== -1 && fold.runs[rules.parent] === null) {
    return `the target it is chained to ("${compiled.targets[rules.parent]?.id}") does not apply`;
  }
  const phase = fold.phase;
  const name = typeof phase === "string" ? phase : phase.name;
  return `it applies in the phases ${JSON.stringify(rules.target.phases)}, and the ticket was opened in phase "${name}"`;
}

/** The cycle asked for (default: the last one; `undefined` for the pending one). */
function chosenCycle(run: TargetRun, wanted: number | undefined): Cycle | undefined {
  if (wanted === undefined) return run.pending ? undefined : run.cycles[run.cycles.length - 1];
  const cycle = run.cycles.find((c) => c.index === wanted);
  if (cycle === undefined && !(run.pending && run.pendingCycle === wanted)) {
    throw new SlaError(
      "E_REF_UNKNOWN",
      `Target "${run.rules.id}" has no cycle ${describeValue(wanted)}`,
      "options.cycle",
    );
  }
  return cycle;
}

function notApplicable(
  fold: Fold,
  rules: TargetRules,
  reason: string,
  cycle: number,
  level: string,
): Explanation {
  return {
    ticketId: fold.ticketId,
    targetId: rules.id,
    applies: false,
    reason,
    cycle,
    level,
    duration: null,
    timezone: rules.target.calendar.timezone,
    startedBy: null,
    startedAt: null,
    ...noEvidence(),
    text: notApplicableText(rules.id, fold.ticketId, reason),
  };
}

function pendingExplanation(fold: Fold, run: TargetRun, zone: Zone): Explanation {
  const rules = run.rules;
  return {
    ticketId: fold.ticketId,
    targetId: rules.id,
    applies: true,
    cycle: run.pendingCycle,
    status: toTargetStatus(pendingEvaluation(run)),
    level: run.pendingLevel,
    duration: null,
    timezone: rules.target.calendar.timezone,
    startedBy: null,
    startedAt: null,
    ...noEvidence(),
    text: pendingText({
      targetId: rules.id,
      cycle: run.pendingCycle,
      level: run.pendingLevel,
      zone,
      now: fold.now,
      startWords: startWords(rules.target.start),
    }),
  };
}

function headOf(rules: TargetRules, c: Cycle, zone: Zone): CycleHead {
  return {
    targetId: rules.id,
    cycle: c.index,
    level: c.level,
    duration: c.duration,
    timezone: rules.target.calendar.timezone,
    zone,
  };
}

function neverStartedExplanation(fold: Fold, rules: TargetRules, c: Cycle, zone: Zone): Explanation {
  const parentId = fold.prepared.compiled.targets[rules.parent]?.id;
  return {
    ticketId: fold.ticketId,
    targetId: rules.id,
    applies: true,
    cycle: c.index,
    status: toTargetStatus(neverStartedEvaluation(rules, c)),
    level: c.level,
    timezone: rules.target.calendar.timezone,
    startedBy: c.startedBy,
    duration: null,
    startedAt: null,
    ...noEvidence(),
    text: neverStartedText(headOf(rules, c, zone), parentId, c.endedAt as EpochMs),
  };
}

/** A pause with its bounds in ms; `end` is `null` while it lasts at `now`. */
interface PauseSpan {
  readonly start: EpochMs;
  readonly end: EpochMs | null;
  readonly workingMs: number;
}

/** The completed pauses, plus the one lasting at `now`. */
function pausesOf(rules: TargetRules, c: StartedCycle, now: EpochMs): PauseSpan[] {
  const pauses: PauseSpan[] = c.pauses.slice();
  if (c.endedAt === null && c.pausedSince !== null) {
    pauses.push({
      start: c.pausedSince,
      end: null,
      workingMs: workingTimeBetween(rules.engine, c.pausedSince, now),
    });
  }
  return pauses;
}

function explainCycle(fold: Fold, rules: TargetRules, c: StartedCycle, zone: Zone): Explanation {
  const now = fold.now;
  const engine = rules.engine;
  const dueAt = dueAtOf(rules, c);
  const lastCompliantAt = lastCompliantAtOf(rules, c, dueAt);
  const status = cycleEvaluation(rules, c, now, dueAt, lastCompliantAt, nextCheck());
  const pauses = pausesOf(rules, c, now);
  const stateEnd = c.endedAt ?? now;
  const windowEnd = dueAt ?? stateEnd;
  const { list: periods, truncated } = consumedPeriods(rules, c.startedAt, windowEnd, pauses);
  const dst: ExplainedDst[] = dstNotesIn(engine, c.startedAt, Math.max(windowEnd, stateEnd))
    .slice(0, MAX_DST)
    .map((n) => ({ wall: formatWall(n.wall), at: new Date(n.at), kind: n.kind }));
  const pausedBeforeDueMs =
    dueAt !== null ? workingTimeBetween(engine, c.startedAt, dueAt) - c.budgetMs : c.pausedMs;
  const duration =
    c.duration !== null && c.duration.kind === "days"
      ? { kind: "days" as const, days: c.duration.days, budgetMs: c.budgetMs }
      : { kind: "time" as const, budgetMs: c.budgetMs };
  const text = cycleText({
    ...headOf(rules, c, zone),
    startedAt: c.startedAt,
    startedBy: c.startedBy,
    budgetMs: c.budgetMs,
    businessDays: c.businessDays,
    pauseCount: pauses.length,
    pausedTotalMs: pauses.reduce((sum, p) => sum + p.workingMs, 0),
    dueAt,
    lastCompliantAt,
    pausedBeforeDueMs,
    periodCount: periods.length,
    periodsTruncated: truncated,
    dst,
    status,
    now,
    endedAt: c.endedAt,
    endedBy: c.endedBy,
    outcome: c.outcome,
  });
  return {
    ticketId: fold.ticketId,
    targetId: rules.id,
    applies: true,
    cycle: c.index,
    status: toTargetStatus(status),
    level: c.level,
    timezone: rules.target.calendar.timezone,
    startedBy: c.startedBy,
    duration,
    startedAt: new Date(c.startedAt),
    pauses: pauses.map(
      (p): ExplainedPause => ({
        start: new Date(p.start),
        end: p.end === null ? null : new Date(p.end),
        workingMs: p.workingMs,
      }),
    ),
    periods: periods.map(
      (p): ExplainedPeriod => ({ start: new Date(p.start), end: new Date(p.end), workingMs: p.workingMs }),
    ),
    periodsTruncated: truncated,
    dst,
    arithmetic: {
      budgetMs: c.budgetMs,
      pausedBeforeDueMs,
      dueAt: dueAt === null ? null : new Date(dueAt),
      lastCompliantAt: lastCompliantAt === null ? null : new Date(lastCompliantAt),
    },
    text,
  };
}

/** `"2025-03-09T02:30:00"`: a wall-clock time (epoch ms of the local fields) as written in a calendar. */
function formatWall(wall: number): string {
  const day = Math.floor(wall / DAY);
  const ms = wall - day * DAY;
  return `${formatDateKey(civilFromDays(day))}T${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** A working period the clock ran in, in ms. */
interface Period {
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly workingMs: number;
}

/**
 * The working periods of `[from, to)` minus the pauses (sorted), touching pieces merged; at most
 * {@link MAX_PERIODS}, the listing stopped at the first one beyond.
 */
function consumedPeriods(
  rules: TargetRules,
  from: EpochMs,
  to: EpochMs,
  pauses: readonly PauseSpan[],
): { list: Period[]; truncated: boolean } {
  const list: Period[] = [];
  let truncated = false;
  let first = 0;
  /** Adds `[s, e)`; `false` once the list is full. */
  const add = (s: EpochMs, e: EpochMs): boolean => {
    if (e <= s) return true;
    if (list.length >= MAX_PERIODS) {
      truncated = true;
      return false;
    }
    const last = list[list.length - 1];
    if (last !== undefined && last.end === s) {
      list[list.length - 1] = { start: last.start, end: e, workingMs: last.workingMs + (e - s) };
    } else list.push({ start: s, end: e, workingMs: e - s });
    return true;
  };
  forEachPeriod(rules.engine, from, to, (s, e) => {
    let cursor = s;
    while (first < pauses.length && pauseEnd(pauses[first] as PauseSpan) <= cursor) first++;
    for (let k = first; k < pauses.length && (pauses[k] as PauseSpan).start < e; k++) {
      const pause = pauses[k] as PauseSpan;
      if (pause.start > cursor && !add(cursor, pause.start)) return false;
      cursor = Math.max(cursor, pauseEnd(pause));
      if (cursor >= e) break;
    }
    return cursor >= e || add(cursor, e);
  });
  return { list, truncated };
}

function pauseEnd(p: PauseSpan): EpochMs {
  return p.end ?? Number.POSITIVE_INFINITY;
}
