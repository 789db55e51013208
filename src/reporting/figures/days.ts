/**
 * The days figure: tickets opened and breaches (by the instant the target was exceeded) per local date of the
 * contract's zone.
 * @internal
 * @module
 */
import { civilFromDays, type EpochMs, formatDateKey, localDayOf } from "../../calendar/kernel.js";
import { compareText } from "../../contracts/kernel.js";
import type { TargetEvaluation } from "../../escalation/kernel.js";
import type { ReportContext } from "../context.js";
import type { Figure } from "../figure.js";
import { isLate, outcomeOf } from "../outcome.js";
import { arrayAt, failRead, readCount, readDate, readObject } from "../report-json.js";
import type { DayCount } from "../types.js";

interface DayAcc {
  readonly date: string;
  opened: number;
  breaches: number;
}

/** Counts per local date. @internal */
export interface DaysAcc {
  /** Per local date `YYYY-MM-DD`. */
  readonly byDate: Map<string, DayAcc>;
  /** The same, per local day number (saves formatting the date of each instant). */
  readonly byDayNumber: Map<number, DayAcc>;
}

function dayOfDate(acc: DaysAcc, date: string): DayAcc {
  let d = acc.byDate.get(date);
  if (d === undefined) {
    d = { date, opened: 0, breaches: 0 };
    acc.byDate.set(date, d);
  }
  return d;
}

/** The counts of the local day of an instant in the contract's zone. */
function dayAt(acc: DaysAcc, context: ReportContext, t: EpochMs): DayAcc {
  const day = localDayOf(context.zone, t);
  let d = acc.byDayNumber.get(day);
  if (d === undefined) {
    d = dayOfDate(acc, formatDateKey(civilFromDays(day)));
    acc.byDayNumber.set(day, d);
  }
  return d;
}

function emptyDays(): DaysAcc {
  return { byDate: new Map(), byDayNumber: new Map() };
}

/** The `days` section. @internal */
export const daysFigure: Figure<DaysAcc, { days: DayCount[] }> = {
  empty: emptyDays,
  add(acc, e, context) {
    dayAt(acc, context, e.openedAt).opened += 1;
    const targets = e.targets;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i] as TargetEvaluation;
      if (t.breachedAt !== null && isLate(outcomeOf(t, context.now)))
        dayAt(acc, context, t.breachedAt).breaches += 1;
    }
  },
  absorb(into, from) {
    for (const [k, d] of from.byDate) {
      const mine = dayOfDate(into, k);
      mine.opened += d.opened;
      mine.breaches += d.breaches;
    }
  },
  finish(acc) {
    return {
      days: [...acc.byDate]
        .sort((a, b) => compareText(a[0], b[0]))
        .map(([date, d]) => ({ date, opened: d.opened, breaches: d.breaches })),
    };
  },
  read(report, path) {
    const acc = emptyDays();
    arrayAt(report as unknown as Record<string, unknown>, "days", path).forEach((item, i) => {
      const where = `${path}.days[${i}]`;
      const d = readObject(item, where);
      const date = readDate(d.date, `${where}.date`);
      if (acc.byDate.has(date)) failRead("a date is listed twice", `${where}.date`);
      acc.byDate.set(date, {
        date,
        opened: readCount(d.opened, `${where}.opened`),
        breaches: readCount(d.breaches, `${where}.breaches`),
      });
    });
    return acc;
  },
};
