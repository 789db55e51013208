/**
 * The inspections figure: the inspections a contract plans over the window, matched against those performed
 * (a set: the same inspection given to several parts counts once).
 * @internal
 * @module
 */
import type { EpochMs } from "../../calendar/kernel.js";
import { type CompiledContract, compareText, planInspections } from "../../contracts/kernel.js";
import type { Figure } from "../figure.js";
import { iso } from "../instant-text.js";
import {
  arrayAt,
  failRead,
  readBoolean,
  readCount,
  readInstant,
  readObject,
  readText,
} from "../report-json.js";
import type { InspectionItem, InspectionSummary } from "../types.js";

/**
 * One planned inspection: `required` inspections with this id are due in `[from, dueAt]`.
 * @internal
 */
export interface PlanItem {
  readonly inspectionId: string;
  readonly from: EpochMs;
  readonly dueAt: EpochMs;
  readonly required: number;
}

/**
 * Planned inspection items of the contract whose scheduled instant is in `[from, to)`. A recurring or named
 * inspection counts when done in `[scheduledAt, dueAt]`; an "at least N per period" item when done in
 * `[periodStart, periodEnd)`.
 *
 * @param compiled - The compiled contract.
 * @param from - Start of the window (inclusive).
 * @param to - End of the window (exclusive).
 * @returns The plan items, in the order of `planInspections`.
 * @throws SlaError `E_LIMIT` when the window holds more than 10,000 planned inspections.
 * @internal
 */
export function planFor(compiled: CompiledContract, from: EpochMs, to: EpochMs): PlanItem[] {
  if (compiled.inspections.length === 0) return [];
  return planInspections(compiled, from, to).map((due) => ({
    inspectionId: due.inspectionId,
    from: due.scheduledAt,
    // An "at least" period ends before its end instant; the other items are due at dueAt inclusive.
    dueAt: due.kind === "atLeast" ? due.dueAt - 1 : due.dueAt,
    required: due.required,
  }));
}

/**
 * The plan of a report read back, from its `inspections.items`.
 * @throws SlaError `E_OPTION` at the malformed item.
 * @internal
 */
export function readPlan(items: readonly unknown[], path: string): PlanItem[] {
  return items.map((item, i) => {
    const where = `${path}.items[${i}]`;
    const it = readObject(item, where);
    const from = readInstant(it.from, `${where}.from`);
    const dueAt = readInstant(it.dueAt, `${where}.dueAt`);
    if (dueAt < from) failRead("an inspection item is due before its window starts", where);
    const required = readCount(it.required, `${where}.required`);
    if (required === 0) failRead("an inspection item requires at least 1 inspection", `${where}.required`);
    return { inspectionId: readText(it.inspectionId, `${where}.inspectionId`), from, dueAt, required };
  });
}

function comparePlan(a: PlanItem, b: PlanItem): number {
  return (
    a.dueAt - b.dueAt ||
    a.from - b.from ||
    compareText(a.inspectionId, b.inspectionId) ||
    a.required - b.required
  );
}

/**
 * Matches performed inspections to planned ones and counts compliance. Each performed inspection counts for
 * at most one planned item; items are served in order of their due instant, each taking the earliest unused
 * performed inspections inside its window (earliest-deadline-first, which matches as many as possible).
 *
 * @param plan - Planned items.
 * @param performed - Performed inspections, or `undefined` when none were given.
 * @param now - Items due after `now` and not done are `upcoming` and not counted.
 * @internal
 */
export function deriveInspections(
  plan: readonly PlanItem[],
  performed: ReadonlyMap<string, { readonly inspectionId: string; readonly at: string }> | undefined,
  now: EpochMs,
): InspectionSummary {
  const sortedPlan = [...plan].sort(comparePlan);
  const performedList = [...(performed?.values() ?? [])]
    .map((p) => ({ inspectionId: p.inspectionId, at: p.at }))
    .sort((a, b) => compareText(a.at, b.at) || compareText(a.inspectionId, b.inspectionId));
  const byId = new Map<string, { at: EpochMs; used: boolean }[]>();
  for (const p of performedList) {
    let list = byId.get(p.inspectionId);
    if (list === undefined) {
      list = [];
      byId.set(p.inspectionId, list);
    }
    list.push({ at: Date.parse(p.at), used: false });
  }
  let due = 0;
  let done = 0;
  const items: InspectionItem[] = sortedPlan.map((item) => {
    let matched = 0;
    for (const p of byId.get(item.inspectionId) ?? []) {
      if (matched >= item.required) break;
      if (p.used || p.at < item.from) continue;
      if (p.at > item.dueAt) break;
      p.used = true;
      matched += 1;
    }
    let state: InspectionItem["state"];
    if (matched >= item.required) state = "done";
    else if (item.dueAt > now) state = "upcoming";
    else state = performed === undefined ? "unknown" : "missed";
    if (state === "done") done += 1;
    if (state === "done" || state === "missed") due += 1;
    return {
      inspectionId: item.inspectionId,
      from: iso(item.from),
      dueAt: iso(item.dueAt),
      required: item.required,
      done: matched,
      state,
    };
  });
  return { provided: performed !== undefined, items, performed: performedList, due, done };
}

type Performed = Map<string, { readonly inspectionId: string; readonly at: string }>;

/** The performed inspections by `id\0at`; `undefined` when none were given. @internal */
export interface InspectionsAcc {
  performed: Performed | undefined;
}

function performedKey(inspectionId: string, at: string): string {
  return `${inspectionId}\u0000${at}`;
}

/** The `inspections` section. @internal */
export const inspectionsFigure: Figure<InspectionsAcc, { inspections: InspectionSummary }> = {
  empty(context) {
    if (context.performed === undefined) return { performed: undefined };
    const performed: Performed = new Map();
    for (const { inspectionId, at } of context.performed) {
      const atIso = iso(at);
      performed.set(performedKey(inspectionId, atIso), { inspectionId, at: atIso });
    }
    return { performed };
  },
  add() {
    // Inspections are given with the options, not counted from tickets.
  },
  absorb(into, from) {
    if (from.performed === undefined) return;
    into.performed ??= new Map();
    for (const [k, p] of from.performed) into.performed.set(k, p);
  },
  finish(acc, context) {
    return { inspections: deriveInspections(context.plan, acc.performed, context.now) };
  },
  read(report, path) {
    const where = `${path}.inspections`;
    const section = readObject(report.inspections, where);
    if (!readBoolean(section.provided, `${where}.provided`)) return { performed: undefined };
    const performed: Performed = new Map();
    arrayAt(section, "performed", where).forEach((item, i) => {
      const p = readObject(item, `${where}.performed[${i}]`);
      const inspectionId = readText(p.inspectionId, `${where}.performed[${i}].inspectionId`);
      const at = iso(readInstant(p.at, `${where}.performed[${i}].at`));
      performed.set(performedKey(inspectionId, at), { inspectionId, at });
    });
    return { performed };
  },
};
