/**
 * The English of `explainTarget`: local times, working times, and the sentences that walk through a deadline.
 * @internal
 * @module
 */
import {
  civilFromDays,
  DAY,
  type DurationMs,
  type EpochMs,
  formatDateKey,
  type ParsedDuration,
  type Zone,
} from "../calendar/kernel.js";
import type { CycleOutcome, TargetEvaluation } from "./evaluation.js";

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** `"2025-09-26 19:00 (+08:00)"`: local wall time in the zone, seconds shown only when not zero. @internal */
export function formatLocal(zone: Zone, t: EpochMs): string {
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

/** `"1 h 30 min"`, `"45 min"`, `"0 min"`, `"2 h 0 min 1 s"`. @internal */
export function formatMs(ms: DurationMs): string {
  const h = Math.floor(ms / 3_600_000);
  const mi = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const rest = ms % 1000;
  let text = h > 0 ? `${h} h ${mi} min` : `${mi} min`;
  if (s !== 0 || rest !== 0) text += ` ${s}${rest !== 0 ? `.${pad(rest, 3)}` : ""} s`;
  return text;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

/** `"2 h 0 min of working time"`, `"1 business day"`. */
function durationWords(duration: ParsedDuration | null): string {
  if (duration === null) return "no duration";
  if (duration.kind === "time") return `${formatMs(duration.ms)} of working time`;
  return plural(duration.days, "business day");
}

/** What starts a target: `the breach of "resolve"`, or its start events. @internal */
export function startWords(
  start: { readonly events: readonly string[] } | { readonly breachOf: string },
): string {
  if ("breachOf" in start) return `the breach of "${start.breachOf}"`;
  return start.events.map((e) => `"${e}"`).join(" or ");
}

/** Why a target does not apply. @internal */
export function notApplicableText(targetId: string, ticketId: string, reason: string): string {
  return `Target "${targetId}" does not apply to ticket "${ticketId}": ${reason}.`;
}

/** A clock that has not started. @internal */
export function pendingText(p: {
  readonly targetId: string;
  readonly cycle: number;
  readonly level: string;
  readonly zone: Zone;
  readonly now: EpochMs;
  readonly startWords: string;
}): string {
  return `Target "${p.targetId}", cycle ${p.cycle}, level "${p.level}": not started at ${formatLocal(p.zone, p.now)}; it starts at ${p.startWords}.`;
}

/** The head sentence of a cycle: target, cycle, level, duration and the calendar's zone. */
function headText(c: CycleHead): string {
  return `Target "${c.targetId}", cycle ${c.cycle}, level "${c.level}": ${durationWords(c.duration)} on a calendar in ${c.timezone}.`;
}

/** What every cycle's text begins with. @internal */
export interface CycleHead {
  readonly targetId: string;
  readonly cycle: number;
  readonly level: string;
  readonly duration: ParsedDuration | null;
  readonly timezone: string;
  readonly zone: Zone;
}

/** A chained clock cancelled before it started: its parent was met or cancelled at `endedAt`. @internal */
export function neverStartedText(c: CycleHead, parentId: string | undefined, endedAt: EpochMs): string {
  return `${headText(c)} Never started: it starts at the breach of "${parentId}", which was met or cancelled at ${formatLocal(c.zone, endedAt)}; so this clock is cancelled.`;
}

/** The facts the text of a started cycle walks through. @internal */
export interface CycleFacts extends CycleHead {
  readonly startedAt: EpochMs;
  readonly startedBy: string;
  readonly budgetMs: DurationMs;
  readonly businessDays: boolean;
  readonly pauseCount: number;
  /** Working time of all pauses, the one lasting at `now` included. */
  readonly pausedTotalMs: DurationMs;
  readonly dueAt: EpochMs | null;
  readonly lastCompliantAt: EpochMs | null;
  readonly pausedBeforeDueMs: DurationMs;
  readonly periodCount: number;
  readonly periodsTruncated: boolean;
  readonly dst: readonly { readonly wall: string; readonly kind: string }[];
  readonly status: TargetEvaluation;
  readonly now: EpochMs;
  readonly endedAt: EpochMs | null;
  readonly endedBy: string;
  readonly outcome: CycleOutcome;
}

/**
 * The plain-English walk through a started cycle: start, business days, pauses, the `dueAt` arithmetic,
 * `lastCompliantAt`, DST adjustments, and the state at `now` or at the end.
 * @internal
 */
export function cycleText(f: CycleFacts): string {
  const at = (t: EpochMs) => formatLocal(f.zone, t);
  const parts: string[] = [headText(f), `Started ${at(f.startedAt)} by ${startedByWords(f.startedBy)}.`];
  const duration = f.duration;
  if (f.businessDays && duration?.kind === "days") {
    parts.push(
      `${duration.days} business day${duration.days === 1 ? " ends" : "s end"} at the close of business of the ${ordinal(duration.days)} working day after the start day: a budget of ${formatMs(f.budgetMs)} of working time from the start.`,
    );
  }
  if (f.pauseCount > 0) {
    parts.push(
      `Paused ${plural(f.pauseCount, "time")}, ${formatMs(f.pausedTotalMs)} of working time in all, credited back to the clock.`,
    );
  }
  if (f.dueAt !== null) parts.push(...deadlineSentences(f, f.dueAt, at));
  else {
    parts.push(
      `No deadline while the clock is paused: ${formatMs(Math.max(0, f.budgetMs - f.status.elapsedMs))} of working time remain.`,
    );
  }
  if (f.dst.length > 0)
    parts.push(
      `Daylight-saving adjustments on the way: ${f.dst.map((d) => `${d.wall} → ${d.kind}`).join(", ")}.`,
    );
  parts.push(stateSentence(f, at));
  return parts.join(" ");
}

function startedByWords(startedBy: string): string {
  return startedBy.startsWith("breachOf:")
    ? `the breach of "${startedBy.slice(9)}" (at its dueAt)`
    : `"${startedBy}"`;
}

/** `dueAt = start + …`, then what `lastCompliantAt` is. */
function deadlineSentences(f: CycleFacts, dueAt: EpochMs, at: (t: EpochMs) => string): string[] {
  const paused = f.pausedBeforeDueMs > 0 ? ` + ${formatMs(f.pausedBeforeDueMs)} paused` : "";
  const over =
    f.periodCount > 0 && !f.periodsTruncated ? `, over ${plural(f.periodCount, "working period")}` : "";
  const sentences = [
    `dueAt = start + ${formatMs(f.budgetMs)}${paused} of working time = ${at(dueAt)}${over}.`,
  ];
  if (f.businessDays)
    sentences.push(`A business-day target is a deadline: late at any instant after ${at(dueAt)}.`);
  else if (f.lastCompliantAt === null) {
    // A clock paused exactly on its budget: on time while the pause lasts, late at the first working instant
    // after it ends, which is not known yet.
    sentences.push(
      "lastCompliantAt is not known yet: the clock is paused exactly on its budget, so it stays on time while the pause lasts and is late at the first working instant after the pause ends.",
    );
  } else if (f.lastCompliantAt !== dueAt) {
    sentences.push(
      `lastCompliantAt = ${at(f.lastCompliantAt)}, the next working instant after dueAt: still on time up to then.`,
    );
  } else sentences.push("lastCompliantAt = dueAt.");
  return sentences;
}

/** The state at `now` (a live clock) or at its end. */
function stateSentence(f: CycleFacts, at: (t: EpochMs) => string): string {
  const s = f.status;
  const stateWords =
    s.state === "breached" ? `breached${s.breachedAt !== null ? ` from ${at(s.breachedAt)}` : ""}` : s.state;
  if (f.endedAt === null) {
    return `At ${at(f.now)}: ${stateWords}, ${formatMs(s.elapsedMs)} elapsed${s.state === "breached" ? "" : `, ${formatMs(s.remainingMs)} left`}.`;
  }
  return `Ended ${at(f.endedAt)} by "${f.endedBy}" after ${formatMs(s.elapsedMs)} of working time: ${f.outcome === "breached" ? stateWords : s.state}.`;
}
