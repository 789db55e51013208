/**
 * `inspectionPlan`: the inspections (and reports) a contract requires in a window.
 * @module
 */

import {
  addWorkingDays,
  addWorkingTime,
  DAY,
  type EpochMs,
  engineOf,
  expandRecurrence,
  type Instant,
  localDayOf,
  localMidnight,
  nextPeriodStart,
  resolveWall,
  startOfPeriod,
  toEpochMs,
} from "../calendar/kernel.js";
import { SlaError } from "../errors.js";
import { type CompiledContract, type CompiledInspection, compiledOf } from "./compiled.js";
import type { Contract } from "./types.js";

/** Most items `inspectionPlan` returns in one call. */
const MAX_ITEMS = 10_000;

/**
 * One inspection obligation in a plan.
 *
 * - `"recurring"`: an occurrence of an RRULE, due `due` after it (or at it);
 * - `"named"`: a date the customer named;
 * - `"atLeast"`: `required` inspections somewhere in `[periodStart, periodEnd)`; `scheduledAt` is the period's
 *   start and `dueAt` its end.
 *
 * @category Contracts
 */
export interface InspectionDue {
  /** Id of the contract's inspection this item comes from. */
  readonly inspectionId: string;
  /** That inspection's display name, when the contract gives one. */
  readonly name?: string;
  /** Which form of inspection rule it comes from: an RRULE, named dates, or at least N per period. */
  readonly kind: "recurring" | "named" | "atLeast";
  /** When the inspection is scheduled (the occurrence, the named date's time, or the period's start). */
  readonly scheduledAt: Date;
  /** When it (or its report) is due: `scheduledAt` plus the inspection's `due` on its calendar, or the period's end. */
  readonly dueAt: Date;
  /** How many inspections are required: 1, or the `atLeast` count. */
  readonly required: number;
  /** For `"atLeast"`: the period's first instant (local midnight). */
  readonly periodStart?: Date;
  /** For `"atLeast"`: the period's end (exclusive; the next period's local midnight). */
  readonly periodEnd?: Date;
}

/**
 * One planned inspection in epoch ms, as reports count it: done when performed in `[from, dueAt]`.
 * @internal
 */
export interface PlannedInspection {
  readonly inspectionId: string;
  readonly name: string | undefined;
  readonly kind: "recurring" | "named" | "atLeast";
  readonly scheduledAt: EpochMs;
  readonly dueAt: EpochMs;
  readonly required: number;
}

/**
 * The inspections of a compiled contract scheduled in `[fromMs, toMs)`, in epoch ms, ordered by `scheduledAt`
 * then by the order of the contract's inspections: what {@link inspectionPlan} returns, without `Date`s.
 * @throws SlaError `E_LIMIT` beyond 10,000 items; `E_NO_WORKING_TIME` when a `due` calendar has no working time.
 * @internal
 */
export function planInspections(
  compiled: CompiledContract,
  fromMs: EpochMs,
  toMs: EpochMs,
): PlannedInspection[] {
  if (toMs <= fromMs) return [];
  const zone = compiled.zone;
  const items: { order: number; item: PlannedInspection }[] = [];
  const add = (order: number, item: PlannedInspection) => {
    items.push({ order, item });
    if (items.length > MAX_ITEMS) {
      throw new SlaError(
        "E_LIMIT",
        `The window holds more than ${MAX_ITEMS} inspections; ask for a shorter window`,
        "to",
      );
    }
  };
  const dueAfter = (i: CompiledInspection & { kind: "recurring" | "named" }, t: EpochMs): EpochMs => {
    if (i.due === undefined || i.calendar === undefined) return t;
    const engine = engineOf(i.calendar);
    return i.due.kind === "days"
      ? addWorkingDays(engine, t, i.due.days, false)
      : addWorkingTime(engine, t, i.due.ms, "dueAt");
  };
  compiled.inspections.forEach((inspection, order) => {
    const base = { inspectionId: inspection.id, name: inspection.name };
    switch (inspection.kind) {
      case "recurring": {
        const times = expandRecurrence(
          zone.id,
          inspection.rec,
          inspection.timeSeconds,
          fromMs,
          toMs,
          MAX_ITEMS - items.length,
        );
        for (const t of times) {
          add(order, {
            ...base,
            kind: "recurring",
            scheduledAt: t,
            dueAt: dueAfter(inspection, t),
            required: 1,
          });
        }
        break;
      }
      case "named": {
        for (const day of inspection.days) {
          const t = resolveWall(zone, day * DAY + inspection.timeSeconds * 1000);
          if (t < fromMs || t >= toMs) continue;
          add(order, { ...base, kind: "named", scheduledAt: t, dueAt: dueAfter(inspection, t), required: 1 });
        }
        break;
      }
      case "atLeast": {
        let day = startOfPeriod(localDayOf(zone, fromMs), inspection.per);
        let start = localMidnight(zone, day);
        while (start < toMs) {
          const nextDay = nextPeriodStart(day, inspection.per);
          const end = localMidnight(zone, nextDay);
          if (start >= fromMs) {
            add(order, {
              ...base,
              kind: "atLeast",
              scheduledAt: start,
              dueAt: end,
              required: inspection.atLeast,
            });
          }
          day = nextDay;
          start = end;
        }
        break;
      }
    }
  });
  items.sort((a, b) => a.item.scheduledAt - b.item.scheduledAt || a.order - b.order);
  return items.map((x) => x.item);
}

/**
 * The inspections due in a window: each item's `scheduledAt` lies in `[from, to)`. Recurring inspections follow
 * their RFC 5545 RRULE, expanded as local dates in the contract's zone (rrule without its own time-zone handling)
 * and placed at the inspection's `time` there; their `dueAt` adds `due` on the inspection's calendar
 * (`"P7D"`: the end of the 7th following business day; `"PT48H"`: 48 hours of working time). "At least N per
 * month / quarter / year" rules give one item per period, periods cut at local midnight of the month's,
 * quarter's or year's first day. Named dates give one item each.
 *
 * @param contract - A contract from `parseContract`.
 * @param from - Window start (inclusive): `Date`, epoch milliseconds, or an ISO 8601 string with an offset.
 * @param to - Window end (exclusive); an empty plan when `to <= from`.
 * @returns The items, ordered by `scheduledAt`, then by the order of the contract's inspections.
 * @throws SlaError `E_INSTANT` / `E_INSTANT_RANGE` for a bad bound; `E_LIMIT` beyond 10,000 items (ask for a
 *   shorter window); `E_NO_WORKING_TIME` when a `due` calendar has no working time ahead.
 * @example
 * ```ts
 * // Seed 001: performance report collected on the 1st of each month at 09:00 and due within a week (P7D, 7x24).
 * inspectionPlan(contract, "2025-03-01T00:00:00+08:00", "2025-05-01T00:00:00+08:00");
 * //=> [{ inspectionId: "performanceReport", kind: "recurring", scheduledAt: 2025-03-01T01:00Z, dueAt: 2025-03-08T16:00Z, required: 1, … },
 * //    { inspectionId: "performanceReport", kind: "recurring", scheduledAt: 2025-04-01T01:00Z, dueAt: 2025-04-08T16:00Z, required: 1, … }]
 * ```
 * Gotchas: an occurrence keeps its local time across DST (09:00 stays 09:00); one that falls in a DST gap moves
 * forward by the gap (02:30 → 03:30). A monthly rule on day 31 skips shorter months (RFC 5545); write
 * `BYMONTHDAY=-1` for the last day. Quarters are calendar quarters only with `FREQ=YEARLY;BYMONTH=1,4,7,10`.
 * @category Contracts
 */
export function inspectionPlan(contract: Contract, from: Instant, to: Instant): InspectionDue[] {
  const compiled = compiledOf(contract);
  const fromMs = toEpochMs(from, "from");
  const toMs = toEpochMs(to, "to");
  return planInspections(compiled, fromMs, toMs).map(
    ({ inspectionId, name, kind, scheduledAt, dueAt, required }) =>
      Object.freeze({
        inspectionId,
        ...(name === undefined ? {} : { name }),
        kind,
        scheduledAt: new Date(scheduledAt),
        dueAt: new Date(dueAt),
        required,
        ...(kind === "atLeast" ? { periodStart: new Date(scheduledAt), periodEnd: new Date(dueAt) } : {}),
      }),
  );
}
