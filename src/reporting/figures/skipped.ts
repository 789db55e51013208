/**
 * The skipped figure: tickets that could not be evaluated (option `invalidTickets: "skip"`), counted, the first
 * 20 by ticket id kept with their error.
 * @internal
 * @module
 */
import { compareText } from "../../contracts/kernel.js";
import type { Figure } from "../figure.js";
import { type FirstN, finishFirstN, newFirstN, offer } from "../first-n.js";
import { arrayAt, expectConsistent, readCount, readObject, readText } from "../report-json.js";
import type { SkippedTickets } from "../types.js";

interface SkipSample {
  readonly ticketId: string;
  readonly code: string;
  readonly message: string;
}

/** Skipped tickets: their count and a sample. @internal */
export interface SkippedAcc {
  count: number;
  readonly sample: FirstN<SkipSample>;
}

const SKIP_SAMPLE = 20;

function compareSkip(a: SkipSample, b: SkipSample): number {
  return (
    compareText(a.ticketId, b.ticketId) || compareText(a.code, b.code) || compareText(a.message, b.message)
  );
}

function emptySkipped(): SkippedAcc {
  return { count: 0, sample: newFirstN(SKIP_SAMPLE, compareSkip) };
}

/**
 * Counts a ticket that could not be evaluated, with its error (messages cut at 300 characters).
 * @internal
 */
export function countSkipped(acc: SkippedAcc, ticketId: string, code: string, message: string): void {
  acc.count += 1;
  offer(acc.sample, {
    ticketId,
    code,
    message: message.length > 300 ? `${message.slice(0, 299)}…` : message,
  });
}

/** The `skipped` section. @internal */
export const skippedFigure: Figure<SkippedAcc, { skipped: SkippedTickets }> = {
  empty: emptySkipped,
  add() {
    // Evaluated tickets are not skipped: see countSkipped.
  },
  absorb(into, from) {
    into.count += from.count;
    for (const s of finishFirstN(from.sample)) offer(into.sample, s);
    into.sample.total = into.count;
  },
  finish(acc) {
    return { skipped: { count: acc.count, sample: finishFirstN(acc.sample).map((s) => ({ ...s })) } };
  },
  read(report, path) {
    const where = `${path}.skipped`;
    const section = readObject(report.skipped, where);
    const acc = emptySkipped();
    acc.count = readCount(section.count, `${where}.count`);
    const sample = arrayAt(section, "sample", where);
    expectConsistent(sample.length <= SKIP_SAMPLE, "more samples than a report keeps", `${where}.sample`);
    sample.forEach((item, i) => {
      const s = readObject(item, `${where}.sample[${i}]`);
      offer(acc.sample, {
        ticketId: readText(s.ticketId, `${where}.sample[${i}].ticketId`),
        code: readText(s.code, `${where}.sample[${i}].code`),
        message: readText(s.message, `${where}.sample[${i}].message`),
      });
    });
    expectConsistent(sample.length <= acc.count, "more samples than skipped tickets", `${where}.sample`);
    return acc;
  },
};
