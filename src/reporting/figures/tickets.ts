/**
 * The tickets figure: tickets opened in the window, resolved and closed, per level and per term phase, and
 * those given but not counted.
 * @internal
 * @module
 */
import { byOrder } from "../context.js";
import type { Figure } from "../figure.js";
import { readCount, readText } from "../report-json.js";
import type { TicketTotals } from "../types.js";

/** The counts of the tickets. @internal */
export interface TicketsAcc {
  count: number;
  resolved: number;
  closed: number;
  outsideWindow: number;
  readonly byLevel: Map<string, number>;
  readonly byPhase: Map<string, number>;
}

const PHASE_ORDER = new Map(["before", "warranty", "postWarranty", "expired", "none"].map((p, i) => [p, i]));

function bump(map: Map<string, number>, key: string, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/**
 * Counts a ticket given to the report but opened outside its window or after `now`: counted nowhere else.
 * @internal
 */
export function countOutsideWindow(acc: TicketsAcc): void {
  acc.outsideWindow += 1;
}

/** The `tickets` section. @internal */
export const ticketsFigure: Figure<TicketsAcc, { tickets: TicketTotals }> = {
  empty() {
    return { count: 0, resolved: 0, closed: 0, outsideWindow: 0, byLevel: new Map(), byPhase: new Map() };
  },
  add(acc, e) {
    acc.count += 1;
    if (e.resolvedAt !== null) acc.resolved += 1;
    if (e.closedAt !== null) acc.closed += 1;
    bump(acc.byLevel, e.level);
    bump(acc.byPhase, e.phase);
  },
  absorb(into, from) {
    into.count += from.count;
    into.resolved += from.resolved;
    into.closed += from.closed;
    into.outsideWindow += from.outsideWindow;
    for (const [k, n] of from.byLevel) bump(into.byLevel, k, n);
    for (const [k, n] of from.byPhase) bump(into.byPhase, k, n);
  },
  finish(acc, context) {
    return {
      tickets: {
        count: acc.count,
        resolved: acc.resolved,
        closed: acc.closed,
        outsideWindow: acc.outsideWindow,
        byLevel: [...acc.byLevel]
          .sort((a, b) => byOrder(context.levelOrder, a[0], b[0]))
          .map(([level, n]) => ({ level, count: n })),
        byPhase: [...acc.byPhase]
          .sort((a, b) => byOrder(PHASE_ORDER, a[0], b[0]))
          .map(([phase, n]) => ({ phase, count: n })),
      },
    };
  },
  read(report, path) {
    const t = report.tickets;
    const p = (key: string): string => `${path}.tickets.${key}`;
    const acc: TicketsAcc = {
      count: readCount(t.count, p("count")),
      resolved: readCount(t.resolved, p("resolved")),
      closed: readCount(t.closed, p("closed")),
      outsideWindow: readCount(t.outsideWindow, p("outsideWindow")),
      byLevel: new Map(),
      byPhase: new Map(),
    };
    for (const x of t.byLevel)
      bump(acc.byLevel, readText(x.level, p("byLevel")), readCount(x.count, p("byLevel")));
    for (const x of t.byPhase)
      bump(acc.byPhase, readText(x.phase, p("byPhase")), readCount(x.count, p("byPhase")));
    return acc;
  },
};
