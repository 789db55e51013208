/**
 * The breaches figure: every late target cycle counted, the first `breaches` of them (by breach instant) kept.
 * @internal
 * @module
 */
import type { EpochMs } from "../../calendar/kernel.js";
import { compareText, stableStringify } from "../../contracts/kernel.js";
import type { TargetEvaluation } from "../../escalation/kernel.js";
import { byOrder } from "../context.js";
import { admits, keep } from "../first-n.js";
import { iso, isoKey, localDate } from "../instant-text.js";
import { isLate, outcomeOf } from "../outcome.js";
import {
  expectConsistent,
  readCount,
  readDate,
  readInstant,
  readIsoTextOrNull,
  readText,
} from "../report-json.js";
import type { BreachRow } from "../types.js";
import { compareInstants, keptListFigure, textOrNull } from "./kept.js";

/** A breach before formatting: instants as epoch ms. */
/** @internal */
export interface BreachDraft {
  readonly ticketId: string;
  readonly targetId: string;
  readonly cycle: number;
  readonly level: string;
  readonly dueAt: EpochMs | null;
  readonly breachedAt: EpochMs;
  readonly stoppedAt: EpochMs | null;
  readonly date: string;
}

/** The breach row of a draft, instants formatted by `format`. */
function breachRowOf(d: BreachDraft, format: (t: EpochMs) => string = iso): BreachRow {
  return {
    ticketId: d.ticketId,
    targetId: d.targetId,
    cycle: d.cycle,
    level: d.level,
    dueAt: textOrNull(d.dueAt, format),
    breachedAt: format(d.breachedAt),
    stoppedAt: textOrNull(d.stoppedAt, format),
    date: d.date,
  };
}

/** The `breaches` section. @internal */
export const breachesFigure = keptListFigure<BreachRow, BreachDraft, "breaches">({
  section: "breaches",
  cap: (context) =>
    context.options.breaches === "all" ? Number.POSITIVE_INFINITY : context.options.breaches,
  compareItems:
    ({ targetOrder }) =>
    (a, b) =>
      compareText(a.breachedAt, b.breachedAt) ||
      compareText(a.ticketId, b.ticketId) ||
      byOrder(targetOrder, a.targetId, b.targetId) ||
      a.cycle - b.cycle ||
      // Only duplicate ticket ids reach here: order by every remaining field so the order stays total.
      compareText(stableStringify(a), stableStringify(b)),
  compareDrafts:
    ({ targetOrder }) =>
    (a, b) =>
      compareInstants(a.breachedAt, b.breachedAt) ||
      compareText(a.ticketId, b.ticketId) ||
      byOrder(targetOrder, a.targetId, b.targetId) ||
      a.cycle - b.cycle ||
      compareText(stableStringify(breachRowOf(a)), stableStringify(breachRowOf(b))),
  format: breachRowOf,
  read(x, path, context) {
    const at = (key: string): string => `${path}.${key}`;
    const breachedAt = readInstant(x.breachedAt, at("breachedAt"));
    const date = readDate(x.date, at("date"));
    expectConsistent(
      date === localDate(context.zone, breachedAt),
      "date is not the local date of breachedAt",
      at("date"),
    );
    return {
      ticketId: readText(x.ticketId, at("ticketId")),
      targetId: readText(x.targetId, at("targetId")),
      cycle: readCount(x.cycle, at("cycle")),
      level: readText(x.level, at("level")),
      dueAt: readIsoTextOrNull(x.dueAt, at("dueAt")),
      breachedAt: iso(breachedAt),
      stoppedAt: readIsoTextOrNull(x.stoppedAt, at("stoppedAt")),
      date,
    };
  },
  add(acc, e, context) {
    const targets = e.targets;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i] as TargetEvaluation;
      const breachedAt = t.breachedAt;
      if (breachedAt === null) continue;
      const outcome = outcomeOf(t, context.now);
      if (!isLate(outcome)) continue;
      acc.items.total += 1;
      // Check the key before building: after the first few thousand, almost no breach is among the first.
      const key = isoKey(breachedAt);
      if (!admits(acc.drafts, key)) continue;
      const draft: BreachDraft = {
        ticketId: e.ticketId,
        targetId: t.id,
        cycle: t.cycle,
        level: t.level,
        dueAt: t.dueAt,
        breachedAt,
        stoppedAt: outcome === "breached" ? t.stoppedAt : null,
        date: localDate(context.zone, breachedAt),
      };
      keep(acc.drafts, draft, key);
    }
  },
});
