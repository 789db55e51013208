/**
 * A ticket's event stream made ready for evaluation: validated, cut at `now`, sorted by `(at, seq)`, duplicates
 * dropped, everything before the opening set aside, types numbered. Columns of plain arrays, no per-event
 * objects. See the decisions table on `evaluateTicket`.
 * @internal
 * @module
 */

import { toEpochMs } from "../calendar/kernel.js";
import type { Contract } from "../contracts/index.js";
import { describeValue, SlaError } from "../errors.js";
import {
  CLOSED,
  LEVEL_CHANGED,
  OPENED,
  type Plan,
  REOPENED,
  RESOLVED,
  STATUS_CHANGED,
  SURVEY,
} from "./plan.js";
import type { EvaluationWarning, Ticket, TicketEvent } from "./types.js";

/** Default and largest number of events per ticket. */
export const MAX_EVENTS = 1_000_000;
/** At most this many warnings are listed. */
export const MAX_WARNINGS = 1000;

const MIN_FAST = -2_208_988_800_000; // 1900-01-01T00:00:00Z
const MAX_FAST = 7_258_118_400_000; // 2200-01-01T00:00:00Z

/** The counted events of a ticket, from its opening up to `now`, in order. */
export interface Events {
  readonly n: number;
  readonly at: number[];
  readonly type: number[];
  /** The new level (for `levelChanged`) or status (for `statusChanged`); otherwise undefined. */
  readonly value: (string | undefined)[];
  /** Index in the input. */
  readonly index: number[];
  readonly openedAt: number;
  readonly initialLevel: string;
  readonly initialStatus: string | undefined;
  readonly finalLevel: string;
  readonly resolvedAt: number;
  readonly closedAt: number;
  /** Surveys answered: flat `[channel, satisfied, at, …]`. */
  readonly surveys: (string | boolean | number)[] | null;
}

/** Collects warnings, at most `MAX_WARNINGS`. */
export class Warnings {
  private list: EvaluationWarning[] | null = null;
  private dropped = 0;
  private seen: Set<number> | null = null;

  add(code: EvaluationWarning["code"], message: string, index?: number): void {
    if (this.list === null) this.list = [];
    const list = this.list;
    if (list.length >= MAX_WARNINGS) {
      this.dropped++;
      return;
    }
    list.push(index === undefined ? { code, message } : { code, message, index });
  }

  /** Adds a warning about one event once, however many targets notice it. */
  once(code: EvaluationWarning["code"], message: string, index: number, slot: number): void {
    this.seen ??= new Set();
    const key = index * 8 + slot;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.add(code, message, index);
  }

  finish(): readonly EvaluationWarning[] {
    const list = this.list;
    if (list === null) return NO_WARNINGS;
    if (this.dropped > 0) {
      list.push({ code: "WARNINGS_TRUNCATED", message: `${this.dropped} more warnings were not listed` });
      this.dropped = 0;
    }
    return list;
  }
}

const NO_WARNINGS: readonly EvaluationWarning[] = Object.freeze([]);

function instantOf(value: unknown, i: number): number {
  return typeof value === "number" && value >= MIN_FAST && value < MAX_FAST && Number.isInteger(value)
    ? value
    : toEpochMs(value, `events[${i}].at`);
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

function contentKey(e: TicketEvent): string {
  return `${e.type}\u0000${e.level}\u0000${e.status}\u0000${e.channel}\u0000${e.satisfied}`;
}

function eventError(code: "E_EVENT" | "E_LEVEL", message: string, path: string): SlaError {
  return new SlaError(code, message, path);
}

/**
 * Validates and orders a ticket's events.
 * @throws SlaError `E_TYPE`, `E_LIMIT`, `E_INSTANT`, `E_INSTANT_RANGE`, `E_EVENT`, `E_EVENT_CONFLICT`,
 *   `E_EVENT_TYPE` (strict), `E_LEVEL`, `E_NOW_INVALID`.
 */
export function readEvents(
  contract: Contract,
  plan: Plan,
  ticket: Ticket,
  now: number,
  strict: boolean,
  maxEvents: number,
  warnings: Warnings,
): Events {
  const input = ticket.events;
  if (!Array.isArray(input)) {
    throw new SlaError(
      "E_TYPE",
      `Expected the ticket's events as an array, received ${describeValue(input)}`,
      "events",
    );
  }
  const total = input.length;
  if (total > maxEvents) {
    throw new SlaError(
      "E_LIMIT",
      `A ticket may have at most ${maxEvents} events, received ${total}`,
      "events",
    );
  }
  // 1. Validate the shape of every event and its instant; keep those at or before `now`.
  let m = 0;
  const cAt: number[] = [];
  const cIdx: number[] = [];
  // The type's number, or -1 for a type the contract does not know.
  const cType: number[] = [];
  const { types } = plan;
  let sorted = true;
  let lastAt = Number.NEGATIVE_INFINITY;
  let lastSeq = Number.NEGATIVE_INFINITY;
  let futureOpened = false;
  let tied = false;
  for (let i = 0; i < total; i++) {
    const e = input[i] as TicketEvent | null | undefined;
    if (typeof e !== "object" || e === null) {
      throw new SlaError("E_EVENT", `Expected an event object, received ${describeValue(e)}`, `events[${i}]`);
    }
    const name = e.type;
    if (typeof name !== "string" || name.length === 0) {
      throw new SlaError(
        "E_EVENT",
        `Expected the event's type as a non-empty string, received ${describeValue(name)}`,
        `events[${i}].type`,
      );
    }
    const at = instantOf(e.at, i);
    const seq = e.seq;
    if (seq !== undefined && (typeof seq !== "number" || !Number.isFinite(seq))) {
      throw new SlaError(
        "E_EVENT",
        `Expected seq as a finite number, received ${describeValue(seq)}`,
        `events[${i}].seq`,
      );
    }
    if (at > now) {
      if (name === "opened") futureOpened = true;
      continue;
    }
    const s = seq ?? Number.NEGATIVE_INFINITY;
    if (at < lastAt || (at === lastAt && s <= lastSeq)) {
      if (at < lastAt || s < lastSeq) sorted = false;
      else tied = true;
    }
    lastAt = at;
    lastSeq = s;
    cAt[m] = at;
    cIdx[m] = i;
    cType[m] = types.get(name) ?? -1;
    m++;
  }
  // 2. Order by (at, seq), missing seq first, then input order (a stable sort). 3. Drop exact duplicates; the
  // same (at, seq) with different content is a conflict. Most streams come sorted without ties: nothing to do.
  let kept: number[] | null = null;
  if (!sorted || tied) {
    const cSeq: number[] = new Array<number>(m);
    for (let k = 0; k < m; k++)
      cSeq[k] = (input[cIdx[k] as number] as TicketEvent).seq ?? Number.NEGATIVE_INFINITY;
    const order = Array.from({ length: m }, (_, k) => k);
    if (!sorted) {
      order.sort((a, b) => {
        const d = (cAt[a] as number) - (cAt[b] as number);
        if (d !== 0) return d;
        const sa = cSeq[a] as number;
        const sb = cSeq[b] as number;
        return sa < sb ? -1 : sa > sb ? 1 : a - b;
      });
    }
    kept = [];
    for (let p = 0; p < m; ) {
      const first = order[p] as number;
      let q = p + 1;
      while (q < m && cAt[order[q] as number] === cAt[first] && cSeq[order[q] as number] === cSeq[first]) q++;
      kept.push(first);
      if (q - p > 1) dedupeRun(input, order, p, q, cIdx, cSeq[first] !== Number.NEGATIVE_INFINITY, kept);
      p = q;
    }
  }
  const count = kept === null ? m : kept.length;
  // 4. The opening: the first `opened` event; what comes before it is ignored.
  let start = -1;
  for (let k = 0; k < count; k++) {
    if (cType[kept === null ? k : (kept[k] as number)] === OPENED) {
      start = k;
      break;
    }
  }
  if (start === -1) {
    if (futureOpened) {
      throw new SlaError(
        "E_NOW_INVALID",
        `now (${new Date(now).toISOString()}) is before the ticket was opened`,
        "now",
      );
    }
    throw new SlaError("E_EVENT", 'The ticket has no "opened" event', "events");
  }
  for (let k = 0; k < start; k++) {
    const i = cIdx[kept === null ? k : (kept[k] as number)] as number;
    warnings.add(
      "EVENT_BEFORE_OPENING",
      `Event ${i} ("${(input[i] as TicketEvent).type}") comes before the opening and is ignored`,
      i,
    );
  }
  // 5. Columns; levels, statuses and surveys checked.
  const openedC = kept === null ? start : (kept[start] as number);
  const openedIndex = cIdx[openedC] as number;
  const opened = input[openedIndex] as TicketEvent;
  const openedAt = cAt[openedC] as number;
  const initialLevel = resolveLevel(contract, plan, ticket, opened, openedIndex);
  if (opened.status !== undefined && typeof opened.status !== "string") {
    throw eventError(
      "E_EVENT",
      `Expected status as a string, received ${describeValue(opened.status)}`,
      `events[${openedIndex}].status`,
    );
  }
  const at: number[] = [];
  const type: number[] = [];
  const value: (string | undefined)[] = [];
  const index: number[] = [];
  let n = 0;
  let level = initialLevel;
  let resolvedAt = Number.NaN;
  let closedAt = Number.NaN;
  let surveys: (string | boolean | number)[] | null = null;
  for (let k = start; k < count; k++) {
    const c = kept === null ? k : (kept[k] as number);
    const i = cIdx[c] as number;
    const e = input[i] as TicketEvent;
    const t = cAt[c] as number;
    const ty = cType[c] as number;
    if (ty === -1) {
      if (strict) {
        throw new SlaError(
          "E_EVENT_TYPE",
          `Unknown event type ${describeValue(e.type)}: the contract does not name it`,
          `events[${i}].type`,
        );
      }
      warnings.add(
        "UNKNOWN_EVENT_TYPE",
        `Event ${i} has the unknown type ${describeValue(e.type)} and is ignored`,
        i,
      );
      continue;
    }
    let v: string | undefined;
    if (ty === OPENED) {
      if (k !== start) {
        warnings.add("SECOND_OPENED", `Event ${i} opens the ticket a second time and is ignored`, i);
        continue;
      }
      v = opened.status;
    } else if (ty === LEVEL_CHANGED) {
      v = e.level;
      if (typeof v !== "string" || !plan.levels.has(v)) {
        throw eventError(
          "E_LEVEL",
          `Expected the new level as one of the contract's level ids, received ${describeValue(v)}`,
          `events[${i}].level`,
        );
      }
      level = v;
    } else if (ty === STATUS_CHANGED) {
      v = e.status;
      if (typeof v !== "string") {
        throw eventError(
          "E_EVENT",
          `Expected the new status as a string, received ${describeValue(v)}`,
          `events[${i}].status`,
        );
      }
    } else if (ty === RESOLVED) {
      resolvedAt = t;
    } else if (ty === CLOSED) {
      closedAt = t;
    } else if (ty === REOPENED) {
      resolvedAt = Number.NaN;
      closedAt = Number.NaN;
    } else if (ty === SURVEY) {
      const channel = e.channel ?? ticket.channel;
      if (typeof channel !== "string" || typeof e.satisfied !== "boolean") {
        throw eventError(
          "E_EVENT",
          "A survey needs a channel (on the event or the ticket) and satisfied: true or false",
          `events[${i}]`,
        );
      }
      if (surveys === null) surveys = [];
      surveys.push(channel, e.satisfied, t);
    }
    at[n] = t;
    type[n] = ty;
    value[n] = v;
    index[n] = i;
    n++;
  }
  return {
    n,
    at,
    type,
    value,
    index,
    openedAt,
    initialLevel,
    initialStatus: opened.status,
    finalLevel: level,
    resolvedAt,
    closedAt,
    surveys,
  };
}

/** Handles a run `order[p..q)` of events with equal `(at, seq)`: appends the ones to keep after the first. */
function dedupeRun(
  input: readonly TicketEvent[],
  order: readonly number[],
  p: number,
  q: number,
  cIdx: readonly number[],
  hasSeq: boolean,
  kept: number[],
): void {
  const firstEvent = input[cIdx[order[p] as number] as number] as TicketEvent;
  if (hasSeq) {
    for (let r = p + 1; r < q; r++) {
      const i = cIdx[order[r] as number] as number;
      if (!sameContent(firstEvent, input[i] as TicketEvent)) {
        const j = cIdx[order[p] as number] as number;
        throw new SlaError(
          "E_EVENT_CONFLICT",
          `Events ${j} and ${i} have the same instant and seq (${String(firstEvent.seq)}) but different content`,
          `events[${i}]`,
        );
      }
    }
    return;
  }
  if (q - p <= 8) {
    for (let r = p + 1; r < q; r++) {
      const e = input[cIdx[order[r] as number] as number] as TicketEvent;
      let duplicate = false;
      for (let s = p; s < r && !duplicate; s++)
        duplicate = sameContent(input[cIdx[order[s] as number] as number] as TicketEvent, e);
      if (!duplicate) kept.push(order[r] as number);
    }
    return;
  }
  const seen = new Set<string>([contentKey(firstEvent)]);
  for (let r = p + 1; r < q; r++) {
    const key = contentKey(input[cIdx[order[r] as number] as number] as TicketEvent);
    if (!seen.has(key)) {
      seen.add(key);
      kept.push(order[r] as number);
    }
  }
}

function checkLevel(plan: Plan, id: unknown, path: string): string {
  if (typeof id !== "string" || !plan.levels.has(id)) {
    const known = [...plan.levels].map((l) => `"${l}"`).join(", ");
    throw new SlaError(
      "E_LEVEL",
      `Unknown fault level ${describeValue(id)}; the contract's levels are ${known}`,
      path,
    );
  }
  return id;
}

/** Level at opening: ticket.level, else the opened event's, else the contract's default. */
function resolveLevel(
  contract: Contract,
  plan: Plan,
  ticket: Ticket,
  opened: TicketEvent,
  openedIndex: number,
): string {
  if (ticket.level !== undefined) return checkLevel(plan, ticket.level, "level");
  if (opened.level !== undefined) return checkLevel(plan, opened.level, `events[${openedIndex}].level`);
  if (contract.defaultLevel !== undefined && contract.defaultLevel !== null)
    return checkLevel(plan, contract.defaultLevel, "contract.defaultLevel");
  throw new SlaError(
    "E_LEVEL",
    "The ticket has no fault level: give ticket.level (e.g. from classifyTicket), a level on the opened event, or a defaultLevel in the contract",
    "level",
  );
}
