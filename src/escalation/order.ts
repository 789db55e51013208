/**
 * The order of a ticket's events: by `(at, seq)`, a missing `seq` before any `seq` at the same instant, then input
 * order (a stable sort); exact duplicates dropped; the same `(at, seq)` with different content a conflict.
 * @internal
 * @module
 */
import { SlaError } from "../errors.js";
import type { TicketEvent } from "./types.js";

/** The events kept at or before `now`, in input order, as columns (positions `0 … count - 1`). @internal */
export interface CutEvents {
  readonly count: number;
  readonly at: readonly number[];
  /** Index of each event in the input. */
  readonly inputIndex: readonly number[];
  /** Whether the events come in `(at, seq)` order already (ties allowed). */
  readonly sorted: boolean;
  /** Whether two neighbours share their `(at, seq)`: possible duplicates. */
  readonly tied: boolean;
}

/** A run of events with equal `(at, seq)`: positions `order[from … to)`, in order. */
interface Run {
  readonly input: readonly TicketEvent[];
  readonly cut: CutEvents;
  readonly order: readonly number[];
  readonly from: number;
  readonly to: number;
}

/** Runs up to this length compare events pairwise; longer ones by a content key. */
const PAIRWISE_RUN = 8;

/**
 * The positions of the cut events in `(at, seq)` order with duplicates dropped.
 *
 * @param input - The ticket's events, as given.
 * @param cut - The events kept at or before `now`.
 * @returns The positions in order, or `null` when the cut is in order already and has no ties (most streams).
 * @throws SlaError `E_EVENT_CONFLICT` for the same `(at, seq)` with different content, at the later event.
 * @internal
 */
export function orderEvents(input: readonly TicketEvent[], cut: CutEvents): readonly number[] | null {
  if (cut.sorted && !cut.tied) return null;
  const m = cut.count;
  const seqs: number[] = new Array<number>(m);
  for (let k = 0; k < m; k++) seqs[k] = (input[cut.inputIndex[k] as number] as TicketEvent).seq ?? NO_SEQ;
  const order = Array.from({ length: m }, (_, k) => k);
  if (!cut.sorted) order.sort((a, b) => compareAtSeq(cut.at, seqs, a, b));
  const kept: number[] = [];
  for (let p = 0; p < m; ) {
    const first = order[p] as number;
    let q = p + 1;
    while (q < m && cut.at[order[q] as number] === cut.at[first] && seqs[order[q] as number] === seqs[first])
      q++;
    kept.push(first);
    if (q - p > 1) {
      const run: Run = { input, cut, order, from: p, to: q };
      if (seqs[first] !== NO_SEQ) checkNoConflict(run);
      else keepDistinct(run, kept);
    }
    p = q;
  }
  return kept;
}

/** A missing `seq` sorts before any `seq`. */
const NO_SEQ = Number.NEGATIVE_INFINITY;

function compareAtSeq(at: readonly number[], seqs: readonly number[], a: number, b: number): number {
  const d = (at[a] as number) - (at[b] as number);
  if (d !== 0) return d;
  const sa = seqs[a] as number;
  const sb = seqs[b] as number;
  return sa < sb ? -1 : sa > sb ? 1 : a - b;
}

function eventAt(run: Run, r: number): TicketEvent {
  return run.input[run.cut.inputIndex[run.order[r] as number] as number] as TicketEvent;
}

/** Events with the same `(at, seq)` must be duplicates (they are dropped). */
function checkNoConflict(run: Run): void {
  const firstEvent = eventAt(run, run.from);
  for (let r = run.from + 1; r < run.to; r++) {
    if (!sameContent(firstEvent, eventAt(run, r))) {
      const j = run.cut.inputIndex[run.order[run.from] as number] as number;
      const i = run.cut.inputIndex[run.order[r] as number] as number;
      throw new SlaError(
        "E_EVENT_CONFLICT",
        `Events ${j} and ${i} have the same instant and seq (${String(firstEvent.seq)}) but different content`,
        `events[${i}]`,
      );
    }
  }
}

/** Without `seq`: keeps the events of the run (after its first) whose content is new. */
function keepDistinct(run: Run, kept: number[]): void {
  if (run.to - run.from <= PAIRWISE_RUN) {
    for (let r = run.from + 1; r < run.to; r++) {
      const e = eventAt(run, r);
      let duplicate = false;
      for (let s = run.from; s < r && !duplicate; s++) duplicate = sameContent(eventAt(run, s), e);
      if (!duplicate) kept.push(run.order[r] as number);
    }
    return;
  }
  // Long runs: bucket by a hash of the fields, then confirm with the same equality as above, so the rule does
  // not depend on the run's length (a hash may collide; equality decides).
  const buckets = new Map<string, TicketEvent[]>();
  const first = eventAt(run, run.from);
  buckets.set(contentHash(first), [first]);
  for (let r = run.from + 1; r < run.to; r++) {
    const e = eventAt(run, r);
    const hash = contentHash(e);
    const bucket = buckets.get(hash);
    if (bucket === undefined) buckets.set(hash, [e]);
    else if (bucket.some((b) => sameContent(b, e))) continue;
    else bucket.push(e);
    kept.push(run.order[r] as number);
  }
}

function sameContent(a: TicketEvent, b: TicketEvent): boolean {
  return (
    a.type === b.type &&
    a.level === b.level &&
    a.status === b.status &&
    a.channel === b.channel &&
    a.satisfied === b.satisfied
  );
}

/**
 * A hash of the fields {@link sameContent} compares: equal content gives equal hashes. Strings are
 * length-prefixed, other values contribute only their type (and a number's or boolean's text), so no value
 * (a symbol, an object whose `toString` throws) can make it throw.
 */
function contentHash(e: TicketEvent): string {
  return `${fieldHash(e.type)}${fieldHash(e.level)}${fieldHash(e.status)}${fieldHash(e.channel)}${fieldHash(e.satisfied)}`;
}

function fieldHash(v: unknown): string {
  switch (typeof v) {
    case "string":
      return `s${v.length}:${v}`;
    case "number":
    case "boolean":
      return `${(typeof v)[0]}${String(v)};`;
    default:
      return `${typeof v};`;
  }
}
