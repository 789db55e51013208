/**
 * The tickets figure: tickets opened in the window, resolved and closed, per level and per term phase, and
 * those given but not counted.
 * @internal
 * @module
 */
import { describeValue } from "../../errors.js";
import { byOrder } from "../context.js";
import type { Figure } from "../figure.js";
import { arrayAt, expectConsistent, failRead, readCount, readObject, readText } from "../report-json.js";
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

function sumOf(map: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const n of map.values()) sum += n;
  return sum;
}

/** Reads `[{ <key>: id, count }]` into a tally (each id once). */
function readTally(into: Map<string, number>, items: readonly unknown[], key: string, path: string): void {
  items.forEach((item, i) => {
    const x = readObject(item, `${path}[${i}]`);
    const id = readText(x[key], `${path}[${i}].${key}`);
    if (into.has(id)) failRead(`${key} ${describeValue(id)} is listed twice`, `${path}[${i}].${key}`);
    into.set(id, readCount(x.count, `${path}[${i}].count`));
  });
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
    const where = `${path}.tickets`;
    const t = readObject(report.tickets, where);
    const p = (key: string): string => `${where}.${key}`;
    const acc: TicketsAcc = {
      count: readCount(t.count, p("count")),
      resolved: readCount(t.resolved, p("resolved")),
      closed: readCount(t.closed, p("closed")),
      outsideWindow: readCount(t.outsideWindow, p("outsideWindow")),
      byLevel: new Map(),
      byPhase: new Map(),
    };
    expectConsistent(acc.resolved <= acc.count, "more tickets resolved than counted", p("resolved"));
    expectConsistent(acc.closed <= acc.count, "more tickets closed than counted", p("closed"));
    readTally(acc.byLevel, arrayAt(t, "byLevel", where), "level", p("byLevel"));
    readTally(acc.byPhase, arrayAt(t, "byPhase", where), "phase", p("byPhase"));
    expectConsistent(
      sumOf(acc.byLevel) === acc.count,
      "tickets per level do not add up to count",
      p("byLevel"),
    );
    expectConsistent(
      sumOf(acc.byPhase) === acc.count,
      "tickets per phase do not add up to count",
      p("byPhase"),
    );
    return acc;
  },
};
