/**
 * A ticket's event stream made ready for evaluation: validated, cut at `now`, ordered (see `order.ts`),
 * everything before the opening set aside, types numbered. Columns of plain arrays made per call, no per-event
 * objects. See the decisions table on `evaluateTicket`.
 * @internal
 * @module
 */

import { type EpochMs, epochMsOf, MAX_INPUT, MIN_INPUT, type Zone } from "../calendar/kernel.js";
import type { CompiledContract } from "../contracts/kernel.js";
import { describeValue, SlaError } from "../errors.js";
import type { SurveyEvaluation } from "./evaluation.js";
import { type CutEvents, orderEvents } from "./order.js";
import { BUILTIN_EVENT, type Prepared } from "./prepare.js";
import type { Ticket, TicketEvent } from "./types.js";
import type { Warnings } from "./warnings.js";

/** Default and largest number of events per ticket. @internal */
export const MAX_EVENTS = 1_000_000;

/** The counted events of a ticket, from its opening up to `now`, in order, as columns. @internal */
export interface Events {
  readonly count: number;
  readonly at: readonly EpochMs[];
  /** The event type's number (`CompiledContract.eventNumbers`). */
  readonly type: readonly number[];
  /** The new level (for `levelChanged`) or status (for `statusChanged` and `opened`); otherwise undefined. */
  readonly value: readonly (string | undefined)[];
  /** Index in the input. */
  readonly inputIndex: readonly number[];
  readonly openedAt: EpochMs;
  readonly initialLevel: string;
  readonly initialStatus: string | undefined;
  /** The level after the last `levelChanged`. */
  readonly finalLevel: string;
  /** `null` unless resolved (and not reopened since). */
  readonly resolvedAt: EpochMs | null;
  /** `null` unless closed (and not reopened since). */
  readonly closedAt: EpochMs | null;
  readonly surveys: readonly SurveyEvaluation[];
}

const NO_SURVEYS: readonly SurveyEvaluation[] = Object.freeze([]);

/** The cut, with each event's type number (-1 for a type the contract does not know). */
interface Cut extends CutEvents {
  readonly type: readonly number[];
  /** Whether an `opened` event comes after `now` (then `now` is before the opening, not a missing opening). */
  readonly futureOpened: boolean;
}

/**
 * Validates and orders a ticket's events.
 *
 * @param prepared - The contract's compiled form.
 * @param ticket - The ticket (its `id` already checked).
 * @param now - The instant of evaluation.
 * @param strict - Refuse unknown event types instead of ignoring them with a warning.
 * @param maxEvents - The largest number of events accepted.
 * @param zone - The zone that instants without an offset are read in (the `timezone` option), if any.
 * @param warnings - Receives what was tolerated or ignored.
 * @returns The counted events as columns.
 * @throws SlaError `E_TYPE`, `E_LIMIT`, `E_INSTANT`, `E_INSTANT_RANGE`, `E_EVENT`, `E_EVENT_CONFLICT`,
 *   `E_EVENT_TYPE` (strict), `E_LEVEL`, `E_NOW_INVALID`.
 * @internal
 */
export function readEvents(
  prepared: Prepared,
  ticket: Ticket,
  now: EpochMs,
  strict: boolean,
  maxEvents: number,
  zone: Zone | undefined,
  warnings: Warnings,
): Events {
  const input = eventList(ticket, maxEvents);
  const cut = cutAtNow(input, prepared.compiled, now, zone);
  const kept = orderEvents(input, cut);
  const count = kept === null ? cut.count : kept.length;
  const start = openingOf(cut, kept, count, now);
  for (let k = 0; k < start; k++) {
    const i = cut.inputIndex[positionOf(kept, k)] as number;
    warnings.add(
      "EVENT_BEFORE_OPENING",
      `Event ${i} ("${(input[i] as TicketEvent).type}") comes before the opening and is ignored`,
      i,
    );
  }
  return columnsOf({ prepared, ticket, input, cut, kept, start, count, strict, warnings });
}

/** The cut position of the `k`-th event in order (`kept`: from `orderEvents`, `null` for the cut's own order). */
function positionOf(kept: readonly number[] | null, k: number): number {
  return kept === null ? k : (kept[k] as number);
}

function eventList(ticket: Ticket, maxEvents: number): readonly TicketEvent[] {
  const input = ticket.events;
  if (!Array.isArray(input)) {
    throw new SlaError(
      "E_TYPE",
      `Expected the ticket's events as an array, received ${describeValue(input)}`,
      "events",
    );
  }
  if (input.length > maxEvents) {
    throw new SlaError(
      "E_LIMIT",
      `A ticket may have at most ${maxEvents} events, received ${input.length}`,
      "events",
    );
  }
  return input;
}

/** An event's instant: integer epoch ms in range as they are (the path of an error is made only for others). */
function instantOf(value: unknown, i: number, zone: Zone | undefined): EpochMs {
  return typeof value === "number" && value >= MIN_INPUT && value < MAX_INPUT && Number.isInteger(value)
    ? value
    : epochMsOf(value, `events[${i}].at`, zone);
}

/** Validates the shape and instant of every event and keeps those at or before `now`. */
function cutAtNow(
  input: readonly TicketEvent[],
  compiled: CompiledContract,
  now: EpochMs,
  zone: Zone | undefined,
): Cut {
  const at: number[] = [];
  const inputIndex: number[] = [];
  const type: number[] = [];
  const numbers = compiled.eventNumbers;
  let count = 0;
  let sorted = true;
  let tied = false;
  let futureOpened = false;
  let lastAt = Number.NEGATIVE_INFINITY;
  let lastSeq = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < input.length; i++) {
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
    const t = instantOf(e.at, i, zone);
    const seq = e.seq;
    if (seq !== undefined && (typeof seq !== "number" || !Number.isFinite(seq))) {
      throw new SlaError(
        "E_EVENT",
        `Expected seq as a finite number, received ${describeValue(seq)}`,
        `events[${i}].seq`,
      );
    }
    if (t > now) {
      if (name === "opened") futureOpened = true;
      continue;
    }
    const s = seq ?? Number.NEGATIVE_INFINITY;
    if (t < lastAt || (t === lastAt && s <= lastSeq)) {
      if (t < lastAt || s < lastSeq) sorted = false;
      else tied = true;
    }
    lastAt = t;
    lastSeq = s;
    at[count] = t;
    inputIndex[count] = i;
    type[count] = numbers.get(name) ?? -1;
    count++;
  }
  return { count, at, inputIndex, type, sorted, tied, futureOpened };
}

/** The ordered position of the opening: the first `opened` event. */
function openingOf(cut: Cut, kept: readonly number[] | null, count: number, now: EpochMs): number {
  for (let k = 0; k < count; k++) if (cut.type[positionOf(kept, k)] === BUILTIN_EVENT.opened) return k;
  if (cut.futureOpened) {
    throw new SlaError(
      "E_NOW_INVALID",
      `now (${new Date(now).toISOString()}) is before the ticket was opened`,
      "now",
    );
  }
  throw new SlaError("E_EVENT", 'The ticket has no "opened" event', "events");
}

/** What {@link columnsOf} reads. */
interface Ordered {
  readonly prepared: Prepared;
  readonly ticket: Ticket;
  readonly input: readonly TicketEvent[];
  readonly cut: Cut;
  /** The order (from `orderEvents`). */
  readonly kept: readonly number[] | null;
  /** Ordered index of the opening, and the number of ordered events. */
  readonly start: number;
  readonly count: number;
  readonly strict: boolean;
  readonly warnings: Warnings;
}

/** The columns from the opening on; levels, statuses and surveys checked. */
function columnsOf(o: Ordered): Events {
  const { cut, input, kept } = o;
  const openedPosition = positionOf(kept, o.start);
  const openedIndex = cut.inputIndex[openedPosition] as number;
  const opened = input[openedIndex] as TicketEvent;
  const initialLevel = levelAtOpening(o.prepared, o.ticket, opened, openedIndex);
  if (opened.status !== undefined && typeof opened.status !== "string") {
    throw new SlaError(
      "E_EVENT",
      `Expected status as a string, received ${describeValue(opened.status)}`,
      `events[${openedIndex}].status`,
    );
  }
  const at: number[] = [];
  const type: number[] = [];
  const value: (string | undefined)[] = [];
  const inputIndex: number[] = [];
  const levels = o.prepared.compiled.levels;
  let n = 0;
  let level = initialLevel;
  let resolvedAt: EpochMs | null = null;
  let closedAt: EpochMs | null = null;
  let surveys: SurveyEvaluation[] | null = null;
  for (let k = o.start; k < o.count; k++) {
    const c = positionOf(kept, k);
    const i = cut.inputIndex[c] as number;
    const e = input[i] as TicketEvent;
    const t = cut.at[c] as number;
    const ty = cut.type[c] as number;
    let v: string | undefined;
    switch (ty) {
      case -1:
        unknownType(o, e, i);
        continue;
      case BUILTIN_EVENT.opened:
        if (k !== o.start) {
          o.warnings.add("SECOND_OPENED", `Event ${i} opens the ticket a second time and is ignored`, i);
          continue;
        }
        v = opened.status;
        break;
      case BUILTIN_EVENT.levelChanged:
        v = newLevel(levels, e, i);
        level = v;
        break;
      case BUILTIN_EVENT.statusChanged:
        v = newStatus(e, i);
        break;
      case BUILTIN_EVENT.resolved:
        resolvedAt = t;
        break;
      case BUILTIN_EVENT.closed:
        closedAt = t;
        break;
      case BUILTIN_EVENT.reopened:
        resolvedAt = null;
        closedAt = null;
        break;
      case BUILTIN_EVENT.survey:
        surveys ??= [];
        surveys.push(surveyOf(o.ticket, e, i, t));
        break;
    }
    at[n] = t;
    type[n] = ty;
    value[n] = v;
    inputIndex[n] = i;
    n++;
  }
  return {
    count: n,
    at,
    type,
    value,
    inputIndex,
    openedAt: cut.at[openedPosition] as number,
    initialLevel,
    initialStatus: opened.status,
    finalLevel: level,
    resolvedAt,
    closedAt,
    surveys: surveys ?? NO_SURVEYS,
  };
}

function unknownType(o: Ordered, e: TicketEvent, i: number): void {
  if (o.strict) {
    throw new SlaError(
      "E_EVENT_TYPE",
      `Unknown event type ${describeValue(e.type)}: the contract does not name it`,
      `events[${i}].type`,
    );
  }
  o.warnings.add(
    "UNKNOWN_EVENT_TYPE",
    `Event ${i} has the unknown type ${describeValue(e.type)} and is ignored`,
    i,
  );
}

function newLevel(levels: ReadonlySet<string>, e: TicketEvent, i: number): string {
  const v = e.level;
  if (typeof v !== "string" || !levels.has(v)) {
    throw new SlaError(
      "E_LEVEL",
      `Expected the new level as one of the contract's level ids, received ${describeValue(v)}`,
      `events[${i}].level`,
    );
  }
  return v;
}

function newStatus(e: TicketEvent, i: number): string {
  const v = e.status;
  if (typeof v !== "string") {
    throw new SlaError(
      "E_EVENT",
      `Expected the new status as a string, received ${describeValue(v)}`,
      `events[${i}].status`,
    );
  }
  return v;
}

function surveyOf(ticket: Ticket, e: TicketEvent, i: number, at: EpochMs): SurveyEvaluation {
  const channel = e.channel ?? ticket.channel;
  const satisfied = e.satisfied;
  if (typeof channel !== "string" || typeof satisfied !== "boolean") {
    throw new SlaError(
      "E_EVENT",
      "A survey needs a channel (on the event or the ticket) and satisfied: true or false",
      `events[${i}]`,
    );
  }
  return { channel, satisfied, at };
}

function checkLevel(levels: ReadonlySet<string>, id: unknown, path: string): string {
  if (typeof id !== "string" || !levels.has(id)) {
    const known = [...levels].map((l) => `"${l}"`).join(", ");
    throw new SlaError(
      "E_LEVEL",
      `Unknown fault level ${describeValue(id)}; the contract's levels are ${known}`,
      path,
    );
  }
  return id;
}

/** Level at opening: ticket.level, else the opened event's, else the contract's default. */
function levelAtOpening(
  prepared: Prepared,
  ticket: Ticket,
  opened: TicketEvent,
  openedIndex: number,
): string {
  const levels = prepared.compiled.levels;
  if (ticket.level !== undefined) return checkLevel(levels, ticket.level, "level");
  if (opened.level !== undefined) return checkLevel(levels, opened.level, `events[${openedIndex}].level`);
  if (prepared.defaultLevel !== undefined)
    return checkLevel(levels, prepared.defaultLevel, "contract.defaultLevel");
  throw new SlaError(
    "E_LEVEL",
    "The ticket has no fault level: give ticket.level (e.g. from classifyTicket), a level on the opened event, or a defaultLevel in the contract",
    "level",
  );
}
