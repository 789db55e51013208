/**
 * The inspections a contract plans over a report's window, as plan items.
 * @internal
 * @module
 */
import type { EpochMs } from "../calendar/kernel.js";
import type { Contract } from "../contracts/index.js";
import { compiledOf, planInspections } from "../contracts/kernel.js";
import type { PlanItem } from "./inspections.js";

/**
 * Planned inspection items of the contract whose scheduled instant is in `[from, to)`. A recurring or named
 * inspection counts when done in `[scheduledAt, dueAt]`; an "at least N per period" item when done in
 * `[periodStart, periodEnd)`.
 * @throws SlaError `E_LIMIT` when the window holds more than 10,000 planned inspections.
 * @internal
 */
export function planFor(contract: Contract, from: EpochMs, to: EpochMs): PlanItem[] {
  const compiled = compiledOf(contract);
  if (compiled.inspections.length === 0) return [];
  return planInspections(compiled, from, to).map((due) => ({
    inspectionId: due.inspectionId,
    from: due.scheduledAt,
    // An "at least" period ends before its end instant; the other items are due at dueAt inclusive.
    dueAt: due.kind === "atLeast" ? due.dueAt - 1 : due.dueAt,
    required: due.required,
  }));
}
