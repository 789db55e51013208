/**
 * Inspection compliance: the inspections planned for the window matched against those performed.
 * @internal
 * @module
 */
import type { EpochMs } from "../calendar/kernel.js";
import { compareText } from "../contracts/kernel.js";
import type { InspectionItem, InspectionSummary } from "./types.js";
import { iso } from "./window.js";

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
