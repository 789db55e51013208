/**
 * The rows figure: one row per ticket-target cycle (or per late cycle, with `rows: "breaches"`), the first
 * `rows` of them (by opening) kept for the CSV.
 * @internal
 * @module
 */
import type { EpochMs } from "../../calendar/kernel.js";
import { compareText, stableStringify } from "../../contracts/kernel.js";
import type { TargetEvaluation } from "../../escalation/kernel.js";
import { byOrder } from "../context.js";
import { admits, keep } from "../first-n.js";
import { iso, isoKey } from "../instant-text.js";
import { isLate, outcomeOf } from "../outcome.js";
import {
  failConsistency,
  readCount,
  readCountOrNull,
  readIsoText,
  readIsoTextOrNull,
  readText,
  readTextOrNull,
  readWord,
} from "../report-json.js";
import type { CycleOutcome, TicketTargetRow } from "../types.js";
import { compareInstants, keptListFigure, rowsCap, textOrNull } from "./kept.js";

/** A row before formatting: instants as epoch ms. */
/** @internal */
export interface RowDraft {
  readonly ticketId: string;
  readonly openedAt: EpochMs;
  readonly resolvedAt: EpochMs | null;
  readonly channel: string | null;
  readonly phase: string;
  readonly targetId: string;
  readonly cycle: number;
  readonly level: string;
  readonly outcome: CycleOutcome;
  readonly startedAt: EpochMs | null;
  readonly dueAt: EpochMs | null;
  readonly stoppedAt: EpochMs | null;
  readonly breachedAt: EpochMs | null;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  readonly targetMs: number | null;
}

/** The row of a draft, instants formatted by `format`. */
function rowOf(d: RowDraft, format: (t: EpochMs) => string = iso): TicketTargetRow {
  return {
    ticketId: d.ticketId,
    openedAt: format(d.openedAt),
    resolvedAt: textOrNull(d.resolvedAt, format),
    channel: d.channel,
    phase: d.phase,
    targetId: d.targetId,
    cycle: d.cycle,
    level: d.level,
    outcome: d.outcome,
    startedAt: textOrNull(d.startedAt, format),
    dueAt: textOrNull(d.dueAt, format),
    stoppedAt: textOrNull(d.stoppedAt, format),
    breachedAt: textOrNull(d.breachedAt, format),
    elapsedMs: d.elapsedMs,
    pausedMs: d.pausedMs,
    targetMs: d.targetMs,
  };
}

const OUTCOMES: readonly CycleOutcome[] = ["met", "breached", "open", "openBreached", "pending", "cancelled"];

/** The `rows` section. @internal */
export const rowsFigure = keptListFigure<TicketTargetRow, RowDraft, "rows">({
  section: "rows",
  cap: (context) => rowsCap(context.options.rows),
  compareItems:
    ({ targetOrder }) =>
    (a, b) =>
      compareText(a.openedAt, b.openedAt) ||
      compareText(a.ticketId, b.ticketId) ||
      byOrder(targetOrder, a.targetId, b.targetId) ||
      a.cycle - b.cycle ||
      // Only duplicate ticket ids reach here: order by every remaining field so the order stays total.
      compareText(stableStringify(a), stableStringify(b)),
  compareDrafts:
    ({ targetOrder }) =>
    (a, b) =>
      compareInstants(a.openedAt, b.openedAt) ||
      compareText(a.ticketId, b.ticketId) ||
      byOrder(targetOrder, a.targetId, b.targetId) ||
      a.cycle - b.cycle ||
      compareText(stableStringify(rowOf(a)), stableStringify(rowOf(b))),
  format: rowOf,
  read(x, path, context) {
    const at = (key: string): string => `${path}.${key}`;
    const outcome = readWord(x.outcome, OUTCOMES, at("outcome"));
    if (context.options.rows === "breaches" && !isLate(outcome))
      failConsistency('a row that is not late in a report of rows: "breaches"', at("outcome"));
    return {
      ticketId: readText(x.ticketId, at("ticketId")),
      openedAt: readIsoText(x.openedAt, at("openedAt")),
      resolvedAt: readIsoTextOrNull(x.resolvedAt, at("resolvedAt")),
      channel: readTextOrNull(x.channel, at("channel")),
      phase: readText(x.phase, at("phase")),
      targetId: readText(x.targetId, at("targetId")),
      cycle: readCount(x.cycle, at("cycle")),
      level: readText(x.level, at("level")),
      outcome,
      startedAt: readIsoTextOrNull(x.startedAt, at("startedAt")),
      dueAt: readIsoTextOrNull(x.dueAt, at("dueAt")),
      stoppedAt: readIsoTextOrNull(x.stoppedAt, at("stoppedAt")),
      breachedAt: readIsoTextOrNull(x.breachedAt, at("breachedAt")),
      elapsedMs: readCount(x.elapsedMs, at("elapsedMs")),
      pausedMs: readCount(x.pausedMs, at("pausedMs")),
      targetMs: readCountOrNull(x.targetMs, at("targetMs")),
    };
  },
  add(acc, e, context) {
    const onlyLate = context.options.rows === "breaches";
    const channel = typeof e.channel === "string" ? e.channel : null;
    // Every row of a ticket has its opening as key: check it before building any.
    const key = isoKey(e.openedAt);
    const targets = e.targets;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i] as TargetEvaluation;
      const outcome = outcomeOf(t, context.now);
      if (onlyLate && !isLate(outcome)) continue;
      acc.items.total += 1;
      if (!admits(acc.drafts, key)) continue;
      const draft: RowDraft = {
        ticketId: e.ticketId,
        openedAt: e.openedAt,
        resolvedAt: e.resolvedAt,
        channel,
        phase: e.phase,
        targetId: t.id,
        cycle: t.cycle,
        level: t.level,
        outcome,
        startedAt: t.startedAt,
        dueAt: t.dueAt,
        stoppedAt: t.stoppedAt,
        breachedAt: t.breachedAt,
        elapsedMs: t.elapsedMs,
        pausedMs: t.pausedMs,
        targetMs: t.targetMs === undefined ? null : t.targetMs,
      };
      keep(acc.drafts, draft, key);
    }
  },
});
