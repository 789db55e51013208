/**
 * `explainTarget`: the evidence behind one target cycle's deadline, in data and in plain words.
 * @module
 */

import {
  civilFromDays,
  DAY,
  dstNotesIn,
  forEachPeriod,
  formatDateKey,
  getZone,
  type Instant,
  workingTimeBetween,
  type Zone,
} from "../calendar/kernel.js";
import type { Contract } from "../contracts/index.js";
import { describeValue, SlaError } from "../errors.js";
import { BREACHED, type Cycle, dueOf, LIVE, lastCompliantOf, type TargetRun } from "./clock.js";
import { asDate, cycleStatus, type Fold, foldTicket, Output, pendingStatus } from "./evaluate.js";
import type { TargetPlan } from "./plan.js";
import type {
  ExplainedDst,
  ExplainedPause,
  ExplainedPeriod,
  ExplainTargetOptions,
  Explanation,
  TargetStatus,
  Ticket,
} from "./types.js";

/** At most this many periods and DST notes are listed. */
const MAX_PERIODS = 1000;
const MAX_DST = 100;

const STOP_LISTING = { stop: true };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** `"2025-09-26 19:00 (+08:00)"`: local wall time in the zone, seconds shown only when not zero. */
function formatLocal(zone: Zone, t: number): string {
  const offset = zone.offsetAt(t);
  const wall = t + offset;
  const day = Math.floor(wall / DAY);
  const ms = wall - day * DAY;
  const h = Math.floor(ms / 3_600_000);
  const mi = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const rest = ms % 1000;
  const abs = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? "-" : "+";
  const time = `${pad(h)}:${pad(mi)}${s !== 0 || rest !== 0 ? `:${pad(s)}` : ""}${rest !== 0 ? `.${pad(rest, 3)}` : ""}`;
  return `${formatDateKey(civilFromDays(day))} ${time} (${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`;
}

/** `"1 h 30 min"`, `"45 min"`, `"0 min"`, `"2 h 0 min 1 s"`. */
export function formatMs(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const mi = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const rest = ms % 1000;
  let text = h > 0 ? `${h} h ${mi} min` : `${mi} min`;
  if (s !== 0 || rest !== 0) text += ` ${s}${rest !== 0 ? `.${pad(rest, 3)}` : ""} s`;
  return text;
}

function formatWall(wall: number): string {
  const day = Math.floor(wall / DAY);
  const ms = wall - day * DAY;
  return `${formatDateKey(civilFromDays(day))}T${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}`;
}

/** The working periods of `[from, to)` minus the pauses (flat `[start, end, …]`, sorted). */
function consumedPeriods(
  tp: TargetPlan,
  from: number,
  to: number,
  pauses: readonly number[],
): { list: ExplainedPeriod[]; truncated: boolean } {
  const list: ExplainedPeriod[] = [];
  let truncated = false;
  let pi = 0;
  const push = (s: number, e: number) => {
    if (e <= s) return;
    if (list.length >= MAX_PERIODS) {
      truncated = true;
      throw STOP_LISTING;
    }
    const last = list[list.length - 1];
    if (last !== undefined && last.end.getTime() === s) {
      list[list.length - 1] = { start: last.start, end: new Date(e), workingMs: last.workingMs + (e - s) };
    } else list.push({ start: new Date(s), end: new Date(e), workingMs: e - s });
  };
  try {
    forEachPeriod(tp.engine, from, to, (s, e) => {
      let cursor = s;
      while (pi < pauses.length && (pauses[pi + 1] as number) <= cursor) pi += 2;
      let k = pi;
      while (k < pauses.length && (pauses[k] as number) < e) {
        const ps = pauses[k] as number;
        const pe = pauses[k + 1] as number;
        if (ps > cursor) push(cursor, ps);
        cursor = Math.max(cursor, pe);
        if (cursor >= e) break;
        k += 2;
      }
      if (cursor < e) push(cursor, e);
    });
  } catch (e) {
    if (e !== STOP_LISTING) throw e;
  }
  return { list, truncated };
}

function notApplicable(ev: Fold, tp: TargetPlan, reason: string, cycle: number, level: string): Explanation {
  return {
    ticketId: ev.ticketId,
    targetId: tp.id,
    applies: false,
    reason,
    cycle,
    level,
    duration: null,
    timezone: tp.target.calendar.timezone,
    startedBy: null,
    startedAt: null,
    pauses: [],
    periods: [],
    periodsTruncated: false,
    dst: [],
    arithmetic: { budgetMs: 0, pausedBeforeDueMs: 0, dueAt: null, lastCompliantAt: null },
    text: `Target "${tp.id}" does not apply to ticket "${ev.ticketId}": ${reason}.`,
  };
}

function startWords(tp: TargetPlan): string {
  const start = tp.target.start;
  if ("breachOf" in start) return `the breach of "${start.breachOf}"`;
  return start.events.map((e) => `"${e}"`).join(" or ");
}

function durationWords(c: Cycle): string {
  const dur = c.dur;
  if (dur === null) return "no duration";
  if (dur.kind === "time") return `${formatMs(dur.ms)} of working time`;
  return `${dur.days} business day${dur.days === 1 ? "" : "s"}`;
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
  const ev = foldTicket(contract, ticket, now, opts);
  const index = typeof targetId === "string" ? ev.plan.byId.get(targetId) : undefined;
  if (index === undefined) {
    throw new SlaError("E_REF_UNKNOWN", `Unknown target ${describeValue(targetId)}`, "targetId");
  }
  const tp = ev.plan.targets[index] as TargetPlan;
  const run = ev.runs[index] as TargetRun | null;
  const level = ev.events.finalLevel;
  if (run === null) {
    const reason =
      tp.parent !== -1 && ev.runs[tp.parent] === null
        ? `the target it is chained to ("${ev.plan.targets[tp.parent]?.id}") does not apply`
        : `it applies in the phases ${JSON.stringify(tp.target.phases)}, and the ticket was opened in phase "${ev.coverage.name ?? ev.coverage.phase}"`;
    return notApplicable(ev, tp, reason, 0, level);
  }
  const wanted = opts?.cycle;
  let cycle: Cycle | undefined;
  if (wanted === undefined) cycle = run.pending ? undefined : run.cycles[run.cycles.length - 1];
  else {
    cycle = run.cycles.find((c) => c.n === wanted);
    if (cycle === undefined && !(run.pending && run.pendingCycle === wanted)) {
      throw new SlaError(
        "E_REF_UNKNOWN",
        `Target "${tp.id}" has no cycle ${describeValue(wanted)}`,
        "options.cycle",
      );
    }
  }
  const zone = getZone(tp.target.calendar.timezone);
  if (cycle === undefined) {
    if (!run.pending)
      return notApplicable(ev, tp, `level "${level}" is not subject to it`, run.pendingCycle, level);
    const status = pendingStatus<Date>(tp, run, ev, null) as TargetStatus;
    return {
      ticketId: ev.ticketId,
      targetId: tp.id,
      applies: true,
      cycle: run.pendingCycle,
      status,
      level: run.pendingLevel,
      duration: null,
      timezone: tp.target.calendar.timezone,
      startedBy: null,
      startedAt: null,
      pauses: [],
      periods: [],
      periodsTruncated: false,
      dst: [],
      arithmetic: { budgetMs: 0, pausedBeforeDueMs: 0, dueAt: null, lastCompliantAt: null },
      text: `Target "${tp.id}", cycle ${run.pendingCycle}, level "${run.pendingLevel}": not started at ${formatLocal(zone, ev.now)}; it starts at ${startWords(tp)}.`,
    };
  }
  if (cycle.dur === null) {
    return notApplicable(ev, tp, `level "${cycle.level}" is not subject to it`, cycle.n, cycle.level);
  }
  const status = cycleStatus(tp, cycle, ev, null, new Output(asDate)) as TargetStatus;
  return explainCycle(ev, tp, cycle, status, zone);
}

function explainCycle(ev: Fold, tp: TargetPlan, c: Cycle, status: TargetStatus, zone: Zone): Explanation {
  const base = {
    ticketId: ev.ticketId,
    targetId: tp.id,
    applies: true,
    cycle: c.n,
    status,
    level: c.level,
    timezone: tp.target.calendar.timezone,
    startedBy: c.startedBy,
  };
  const at = (t: number) => formatLocal(zone, t);
  const head = `Target "${tp.id}", cycle ${c.n}, level "${c.level}": ${durationWords(c)} on a calendar in ${tp.target.calendar.timezone}.`;
  if (Number.isNaN(c.start)) {
    return {
      ...base,
      duration: null,
      startedAt: null,
      pauses: [],
      periods: [],
      periodsTruncated: false,
      dst: [],
      arithmetic: { budgetMs: 0, pausedBeforeDueMs: 0, dueAt: null, lastCompliantAt: null },
      text: `${head} Never started: it starts at the breach of "${ev.plan.targets[tp.parent]?.id}", which was met or cancelled at ${at(c.end)}; so this clock is cancelled.`,
    };
  }
  const now = ev.now;
  const live = c.outcome === LIVE;
  const due = dueOf(tp, c);
  const lc = lastCompliantOf(tp, c, due);
  // Pauses: completed ones, plus the one lasting at `now`.
  const flat = (c.pauses ?? []).slice();
  const pauses: ExplainedPause[] = [];
  for (let i = 0; i < flat.length; i += 3) {
    pauses.push({
      start: new Date(flat[i] as number),
      end: new Date(flat[i + 1] as number),
      workingMs: flat[i + 2] as number,
    });
  }
  if (live && !c.running) {
    pauses.push({
      start: new Date(c.pauseStart),
      end: null,
      workingMs: workingTimeBetween(tp.engine, c.pauseStart, now),
    });
    flat.push(c.pauseStart, Number.POSITIVE_INFINITY, 0);
  }
  const bounds: number[] = [];
  for (let i = 0; i < flat.length; i += 3) bounds.push(flat[i] as number, flat[i + 1] as number);
  const windowEnd = !Number.isNaN(due) ? due : live ? now : c.end;
  const { list: periods, truncated } = consumedPeriods(tp, c.start, windowEnd, bounds);
  const dst: ExplainedDst[] = dstNotesIn(tp.engine, c.start, Math.max(windowEnd, live ? now : c.end))
    .slice(0, MAX_DST)
    .map((n) => ({ wall: formatWall(n.wall), at: new Date(n.at), kind: n.kind }));
  const pausedBeforeDue = !Number.isNaN(due)
    ? workingTimeBetween(tp.engine, c.start, due) - c.budget
    : c.pausedMs;
  const duration =
    c.dur !== null && c.dur.kind === "days"
      ? { kind: "days" as const, days: c.dur.days, budgetMs: c.budget }
      : { kind: "time" as const, budgetMs: c.budget };

  // Plain words.
  const parts: string[] = [head];
  parts.push(
    `Started ${at(c.start)} by ${c.startedBy.startsWith("breachOf:") ? `the breach of "${c.startedBy.slice(9)}" (at its dueAt)` : `"${c.startedBy}"`}.`,
  );
  if (c.days && c.dur?.kind === "days") {
    parts.push(
      `${c.dur.days} business day${c.dur.days === 1 ? " ends" : "s end"} at the close of business of the ${ordinal(c.dur.days)} working day after the start day: a budget of ${formatMs(c.budget)} of working time from the start.`,
    );
  }
  if (pauses.length > 0) {
    const total = pauses.reduce((s, p) => s + p.workingMs, 0);
    parts.push(
      `Paused ${pauses.length} time${pauses.length === 1 ? "" : "s"}, ${formatMs(total)} of working time in all, credited back to the clock.`,
    );
  }
  if (!Number.isNaN(due)) {
    parts.push(
      `dueAt = start + ${formatMs(c.budget)}${pausedBeforeDue > 0 ? ` + ${formatMs(pausedBeforeDue)} paused` : ""} of working time = ${at(due)}` +
        (periods.length > 0 && !truncated
          ? `, over ${periods.length} working period${periods.length === 1 ? "" : "s"}`
          : "") +
        ".",
    );
    if (c.days) parts.push(`A business-day target is a deadline: late at any instant after ${at(due)}.`);
    else if (lc !== due)
      parts.push(
        `lastCompliantAt = ${at(lc)}, the next working instant after dueAt: still on time up to then.`,
      );
    else parts.push("lastCompliantAt = dueAt.");
  } else {
    parts.push(
      `No deadline while the clock is paused: ${formatMs(Math.max(0, c.budget - status.elapsedMs))} of working time remain.`,
    );
  }
  if (dst.length > 0)
    parts.push(
      `Daylight-saving adjustments on the way: ${dst.map((d) => `${d.wall} → ${d.kind}`).join(", ")}.`,
    );
  const stateWords =
    status.state === "breached"
      ? `breached${status.breachedAt ? ` from ${at(status.breachedAt.getTime())}` : ""}`
      : status.state;
  if (live) {
    parts.push(
      `At ${at(now)}: ${stateWords}, ${formatMs(status.elapsedMs)} elapsed${status.state === "breached" ? "" : `, ${formatMs(status.remainingMs)} left`}.`,
    );
  } else {
    parts.push(
      `Ended ${at(c.end)} by "${c.endedBy}" after ${formatMs(status.elapsedMs)} of working time: ${c.outcome === BREACHED ? stateWords : status.state}.`,
    );
  }
  return {
    ...base,
    duration,
    startedAt: new Date(c.start),
    pauses,
    periods,
    periodsTruncated: truncated,
    dst,
    arithmetic: {
      budgetMs: c.budget,
      pausedBeforeDueMs: pausedBeforeDue,
      dueAt: !Number.isNaN(due) ? new Date(due) : null,
      lastCompliantAt: !Number.isNaN(lc) ? new Date(lc) : null,
    },
    text: parts.join(" "),
  };
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}
