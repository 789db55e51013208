/**
 * The mergeable state behind a report: counts, sums, value summaries, maxima and kept-first lists. A report is
 * this state plus figures derived from it; `mergeReports` rebuilds the state from two reports, adds it up and
 * derives the figures again, so a merged report is the report over the union of the tickets.
 * @internal
 * @module
 */

import {
  civilFromDays,
  type EpochMs,
  formatDateKey,
  getZone,
  localDayOf,
  type Zone,
} from "../calendar/kernel.js";
import type { ContractInput, KpiInput } from "../contracts/index.js";
import { compareText, hashText, stableStringify } from "../contracts/kernel.js";
import { describeValue, SlaError } from "../errors.js";
import type { TargetStatus, TicketStatus } from "../escalation/index.js";
import type { AtInstants } from "../escalation/kernel.js";
import { deriveInspections, type PlanItem } from "./inspections.js";
import { deriveKpis } from "./kpis.js";
import {
  addValue,
  mergeSummary,
  nearestRank,
  newSummary,
  restoreCount,
  sortedCounts,
  type ValueSummary,
} from "./stats.js";
import { admits, drainFirstN, type FirstN, finishFirstN, keep, newFirstN, offer, offerKept } from "./topn.js";
import type {
  BreachRow,
  ChannelSatisfaction,
  CycleOutcome,
  ElapsedStats,
  ReportRowsOption,
  ServiceReport,
  TargetSummary,
  TicketTargetRow,
} from "./types.js";
import { iso, isoKey, localDate, type ResolvedOptions } from "./window.js";

/** What reporting reads from a contract (a `Contract` has all of it). @internal */
export interface ReportContract {
  readonly id: string;
  readonly timezone: string;
  readonly input: ContractInput;
}

interface TargetAcc {
  readonly targetId: string;
  readonly level: string;
  met: number;
  breached: number;
  open: number;
  openBreached: number;
  pending: number;
  cancelled: number;
  readonly elapsed: ValueSummary;
}

interface ChannelAcc {
  tickets: number;
  resolved: number;
  handlingSumMs: number;
}

interface EscalationAcc {
  readonly targetId: string;
  readonly stepId: string;
  readonly action: string;
  due: number;
  skipped: number;
  scheduled: number;
}

interface DayAcc {
  readonly date: string;
  opened: number;
  breaches: number;
}

/**
 * A breach of a counted ticket before formatting: instants as numbers (`undefined` for none). Most candidates
 * are displaced by later ones, so they are kept this way, one small object each, and only the first `cap`
 * are formatted (`breachOf`), by `settle`.
 */
interface BreachDraft {
  readonly ticketId: string;
  readonly targetId: string;
  readonly cycle: number;
  readonly level: string;
  readonly dueAt: EpochMs | undefined;
  readonly breachedAt: EpochMs;
  readonly stoppedAt: EpochMs | undefined;
  readonly date: string;
}

/** A row of a counted ticket before formatting, as {@link BreachDraft}; formatted by `rowOf`. */
interface RowDraft {
  readonly ticketId: string;
  readonly openedAt: EpochMs;
  readonly resolvedAt: EpochMs | undefined;
  readonly channel: string | null;
  readonly phase: string;
  readonly targetId: string;
  readonly cycle: number;
  readonly level: string;
  readonly outcome: CycleOutcome;
  readonly startedAt: EpochMs | undefined;
  readonly dueAt: EpochMs | undefined;
  readonly stoppedAt: EpochMs | undefined;
  readonly breachedAt: EpochMs | undefined;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  readonly targetMs: number | null;
}

interface SkipSample {
  readonly ticketId: string;
  readonly code: string;
  readonly message: string;
}

/** The mutable state of a report under construction. @internal */
export interface ReportState {
  readonly contract: ServiceReport["contract"];
  readonly window: ServiceReport["window"];
  readonly options: ServiceReport["options"];
  readonly zone: Zone;
  readonly from: EpochMs;
  readonly to: EpochMs;
  readonly now: EpochMs;
  readonly targetOrder: ReadonlyMap<string, number>;
  readonly levelOrder: ReadonlyMap<string, number>;
  count: number;
  resolved: number;
  closed: number;
  outsideWindow: number;
  readonly byLevel: Map<string, number>;
  readonly byPhase: Map<string, number>;
  /** Per target id, per level. */
  readonly targets: Map<string, Map<string, TargetAcc>>;
  readonly surveys: Map<string, { satisfied: number; surveys: number }>;
  readonly channels: Map<string | null, ChannelAcc>;
  /** Per local date `YYYY-MM-DD`. */
  readonly days: Map<string, DayAcc>;
  /** The same, per local day number. */
  readonly dayNumbers: Map<number, DayAcc>;
  /** Per target id, step id, action. */
  readonly escalations: Map<string, Map<string, Map<string, EscalationAcc>>>;
  readonly breaches: FirstN<BreachRow>;
  readonly rows: FirstN<TicketTargetRow>;
  /** Breaches and rows of the tickets counted here, until `settle` formats the first into the lists above. */
  readonly breachDrafts: FirstN<BreachDraft>;
  readonly rowDrafts: FirstN<RowDraft>;
  /**
   * Per position in a status's `targets` (`escalations`), the accumulators last used there: statuses of one
   * contract list them in the same order, so trying those first usually saves the lookups by id.
   */
  readonly targetHints: TargetAcc[][];
  readonly escalationHints: EscalationAcc[];
  /** Performed inspections by `id\0at`; `undefined` when none were given. */
  performed: Map<string, { inspectionId: string; at: string }> | undefined;
  readonly plan: readonly PlanItem[];
  skippedCount: number;
  readonly skipped: FirstN<SkipSample>;
}

/** The counts of the local day of an instant in the contract's zone. */
function dayAt(state: ReportState, t: EpochMs): DayAcc {
  const day = localDayOf(state.zone, t);
  let d = state.dayNumbers.get(day);
  if (d === undefined) {
    d = dayOf(state, formatDateKey(civilFromDays(day)));
    state.dayNumbers.set(day, d);
  }
  return d;
}

const SKIP_SAMPLE = 20;

function orderOf(ids: readonly { readonly id: string }[]): Map<string, number> {
  const m = new Map<string, number>();
  ids.forEach(({ id }, i) => {
    if (!m.has(id)) m.set(id, i);
  });
  return m;
}

/** Compares two ids by a declared order, unknown ids after the known ones, by code point. @internal */
export function byOrder(order: ReadonlyMap<string, number>, a: string, b: string): number {
  const ia = order.get(a);
  const ib = order.get(b);
  if (ia !== undefined && ib !== undefined) return ia - ib;
  if (ia !== undefined) return -1;
  if (ib !== undefined) return 1;
  return compareText(a, b);
}

function cmpNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareText(a, b);
}

function rowComparator(
  targetOrder: ReadonlyMap<string, number>,
): (a: TicketTargetRow, b: TicketTargetRow) => number {
  return (a, b) =>
    compareText(a.openedAt, b.openedAt) ||
    compareText(a.ticketId, b.ticketId) ||
    byOrder(targetOrder, a.targetId, b.targetId) ||
    a.cycle - b.cycle ||
    // Only duplicate ticket ids reach here: order by every remaining field so the order stays total.
    compareText(stableStringify(a), stableStringify(b));
}

function breachComparator(targetOrder: ReadonlyMap<string, number>): (a: BreachRow, b: BreachRow) => number {
  return (a, b) =>
    compareText(a.breachedAt, b.breachedAt) ||
    compareText(a.ticketId, b.ticketId) ||
    byOrder(targetOrder, a.targetId, b.targetId) ||
    a.cycle - b.cycle ||
    compareText(stableStringify(a), stableStringify(b));
}

/** Compares instants as `compareText(iso(a), iso(b))` does, formatting only outside years 1000–9999. */
function compareInstants(a: EpochMs, b: EpochMs): number {
  if (a === b) return 0;
  const ka = isoKey(a);
  const kb = isoKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return compareText(iso(a), iso(b));
}

/** `rowComparator` of the formatted rows. */
function rowDraftComparator(targetOrder: ReadonlyMap<string, number>): (a: RowDraft, b: RowDraft) => number {
  return (a, b) =>
    compareInstants(a.openedAt, b.openedAt) ||
    compareText(a.ticketId, b.ticketId) ||
    byOrder(targetOrder, a.targetId, b.targetId) ||
    a.cycle - b.cycle ||
    compareText(stableStringify(rowOf(a)), stableStringify(rowOf(b)));
}

/** `breachComparator` of the formatted breaches. */
function breachDraftComparator(
  targetOrder: ReadonlyMap<string, number>,
): (a: BreachDraft, b: BreachDraft) => number {
  return (a, b) =>
    compareInstants(a.breachedAt, b.breachedAt) ||
    compareText(a.ticketId, b.ticketId) ||
    byOrder(targetOrder, a.targetId, b.targetId) ||
    a.cycle - b.cycle ||
    compareText(stableStringify(breachOf(a)), stableStringify(breachOf(b)));
}

/**
 * `iso`, reusing the texts of the last few instants: a ticket's rows, formatted one after the other, repeat
 * its opening, resolution and due instants.
 */
function isoMemo(): (t: EpochMs) => string {
  const size = 4;
  const times = new Float64Array(size).fill(Number.NaN);
  const texts = new Array<string>(size).fill("");
  let next = 0;
  return (t) => {
    for (let i = 0; i < size; i++) if (times[i] === t) return texts[i] as string;
    const text = iso(t);
    times[next] = t;
    texts[next] = text;
    next = (next + 1) % size;
    return text;
  };
}

function textOrNull(t: EpochMs | undefined, format: (t: EpochMs) => string): string | null {
  return t === undefined ? null : format(t);
}

function breachOf(d: BreachDraft, format: (t: EpochMs) => string = iso): BreachRow {
  return {
    ticketId: d.ticketId,
    targetId: d.targetId,
    cycle: d.cycle,
    level: d.level,
    dueAt: textOrNull(d.dueAt, format),
    breachedAt: format(d.breachedAt),
    stoppedAt: textOrNull(d.stoppedAt, format),
    date: d.date,
  };
}

function rowOf(d: RowDraft, format: (t: EpochMs) => string = iso): TicketTargetRow {
  return {
    ticketId: d.ticketId,
    openedAt: format(d.openedAt),
    resolvedAt: textOrNull(d.resolvedAt, format),
    channel: d.channel,
    phase: d.phase,
    targetId: d.targetId,
    cycle: d.cycle,
    level: d.level,
    outcome: d.outcome,
    startedAt: textOrNull(d.startedAt, format),
    dueAt: textOrNull(d.dueAt, format),
    stoppedAt: textOrNull(d.stoppedAt, format),
    breachedAt: textOrNull(d.breachedAt, format),
    elapsedMs: d.elapsedMs,
    pausedMs: d.pausedMs,
    targetMs: d.targetMs,
  };
}

/**
 * Formats the first drafts into the kept lists, which then hold the first of everything counted. Called before
 * a state is read or merged; the drafts are emptied.
 */
function settle(state: ReportState): void {
  const format = isoMemo();
  for (const d of drainFirstN(state.breachDrafts)) offerKept(state.breaches, breachOf(d, format));
  for (const d of drainFirstN(state.rowDrafts)) offerKept(state.rows, rowOf(d, format));
}

function compareSkip(a: SkipSample, b: SkipSample): number {
  return (
    compareText(a.ticketId, b.ticketId) || compareText(a.code, b.code) || compareText(a.message, b.message)
  );
}

function rowsCap(rows: ReportRowsOption): number {
  return typeof rows === "number" ? rows : Number.POSITIVE_INFINITY;
}

function nameOf(x: { readonly name?: string | undefined }): string | null {
  return typeof x.name === "string" ? x.name : null;
}

/**
 * The contract part of a report: id, zone, a fingerprint of the input, target and level order, KPIs.
 * @internal
 */
export function contractInfo(contract: ReportContract): ServiceReport["contract"] {
  const cached = infoCache.get(contract);
  if (cached !== undefined) return cached;
  const input = contract.input;
  const info: ServiceReport["contract"] = {
    id: contract.id,
    name: typeof input.name === "string" ? input.name : null,
    timezone: contract.timezone,
    fingerprint: hashText(stableStringify(input)),
    targets: input.targets.map((t) => ({ id: t.id, name: nameOf(t) })),
    levels: input.levels.map((l) => ({ id: l.id, name: nameOf(l) })),
    kpis: JSON.parse(JSON.stringify(input.kpis ?? [])) as KpiInput[],
  };
  // Contracts are immutable (parseContract freezes them): describe each once.
  if (Object.isFrozen(contract)) infoCache.set(contract, deepFreeze(info));
  return info;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const infoCache = new WeakMap<object, ServiceReport["contract"]>();

interface StateInit {
  readonly contract: ServiceReport["contract"];
  readonly window: ServiceReport["window"];
  readonly options: ServiceReport["options"];
  readonly plan: readonly PlanItem[];
}

function newState(init: StateInit): ReportState {
  const zone = getZone(init.contract.timezone, "contract.timezone");
  const targetOrder = orderOf(init.contract.targets);
  const breachesCap = init.options.breaches === "all" ? Number.POSITIVE_INFINITY : init.options.breaches;
  return {
    contract: init.contract,
    window: init.window,
    options: init.options,
    zone,
    from: Date.parse(init.window.from),
    to: Date.parse(init.window.to),
    now: Date.parse(init.window.now),
    targetOrder,
    levelOrder: orderOf(init.contract.levels),
    count: 0,
    resolved: 0,
    closed: 0,
    outsideWindow: 0,
    byLevel: new Map(),
    byPhase: new Map(),
    targets: new Map(),
    surveys: new Map(),
    channels: new Map(),
    days: new Map(),
    escalations: new Map(),
    dayNumbers: new Map(),
    breaches: newFirstN(breachesCap, breachComparator(targetOrder)),
    rows: newFirstN(rowsCap(init.options.rows), rowComparator(targetOrder)),
    breachDrafts: newFirstN(breachesCap, breachDraftComparator(targetOrder), true),
    rowDrafts: newFirstN(rowsCap(init.options.rows), rowDraftComparator(targetOrder), true),
    targetHints: [],
    escalationHints: [],
    performed: undefined,
    plan: init.plan,
    skippedCount: 0,
    skipped: newFirstN(SKIP_SAMPLE, compareSkip),
  };
}

/**
 * A new, empty report state for a contract and validated options.
 * @internal
 */
export function createState(
  contract: ReportContract,
  options: ResolvedOptions,
  plan: readonly PlanItem[],
): ReportState {
  const state = newState({
    contract: contractInfo(contract),
    window: {
      from: iso(options.from),
      to: iso(options.to),
      now: iso(options.now),
      firstDate: localDate(options.zone, options.from),
      lastDate: localDate(options.zone, options.to - 1),
    },
    options: { rows: options.rows, breaches: options.breaches, exactValues: options.exactValues },
    plan,
  });
  if (options.inspections !== undefined) {
    state.performed = new Map();
    for (const { inspectionId, at } of options.inspections) {
      const atIso = iso(at);
      state.performed.set(`${inspectionId}\u0000${atIso}`, { inspectionId, at: atIso });
    }
  }
  return state;
}

function bump<K>(map: Map<K, number>, key: K, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

function dayOf(state: ReportState, date: string): DayAcc {
  let d = state.days.get(date);
  if (d === undefined) {
    d = { date, opened: 0, breaches: 0 };
    state.days.set(date, d);
  }
  return d;
}

function escalationAcc(state: ReportState, targetId: string, stepId: string, action: string): EscalationAcc {
  let bySteps = state.escalations.get(targetId);
  if (bySteps === undefined) {
    bySteps = new Map();
    state.escalations.set(targetId, bySteps);
  }
  let byAction = bySteps.get(stepId);
  if (byAction === undefined) {
    byAction = new Map();
    bySteps.set(stepId, byAction);
  }
  let e = byAction.get(action);
  if (e === undefined) {
    e = { targetId, stepId, action, due: 0, skipped: 0, scheduled: 0 };
    byAction.set(action, e);
  }
  return e;
}

function allEscalations(state: ReportState): EscalationAcc[] {
  const out: EscalationAcc[] = [];
  for (const bySteps of state.escalations.values()) {
    for (const byAction of bySteps.values()) out.push(...byAction.values());
  }
  return out;
}

function targetAcc(state: ReportState, targetId: string, level: string): TargetAcc {
  let byLevel = state.targets.get(targetId);
  if (byLevel === undefined) {
    byLevel = new Map();
    state.targets.set(targetId, byLevel);
  }
  let acc = byLevel.get(level);
  if (acc === undefined) {
    acc = {
      targetId,
      level,
      met: 0,
      breached: 0,
      open: 0,
      openBreached: 0,
      pending: 0,
      cancelled: 0,
      elapsed: newSummary(state.options.exactValues),
    };
    byLevel.set(level, acc);
  }
  return acc;
}

/** Hints are kept for this many positions, and this many accumulators (levels) per position. */
const HINT_POSITIONS = 64;
const HINTS_PER_POSITION = 4;

/** `targetAcc` for the target at position `i` of a status. */
function targetAt(state: ReportState, i: number, targetId: string, level: string): TargetAcc {
  const hints = state.targetHints[i];
  if (hints !== undefined) {
    for (const acc of hints) if (acc.level === level && acc.targetId === targetId) return acc;
  }
  const acc = targetAcc(state, targetId, level);
  if (hints !== undefined) {
    if (hints.length < HINTS_PER_POSITION) hints.push(acc);
  } else if (i < HINT_POSITIONS) {
    state.targetHints[i] = [acc];
  }
  return acc;
}

/** `escalationAcc` for the step at position `i` of a status. */
function escalationAt(
  state: ReportState,
  i: number,
  targetId: string,
  stepId: string,
  action: string,
): EscalationAcc {
  const hints = state.escalationHints;
  const hint = hints[i];
  if (hint !== undefined && hint.stepId === stepId && hint.targetId === targetId && hint.action === action) {
    return hint;
  }
  // A target with several cycles shifts the steps after it: the step is usually at another position.
  let acc: EscalationAcc | undefined;
  for (const h of hints) {
    if (h.stepId === stepId && h.targetId === targetId && h.action === action) {
      acc = h;
      break;
    }
  }
  acc ??= escalationAcc(state, targetId, stepId, action);
  if (i < HINT_POSITIONS) state.escalationHints[i] = acc;
  return acc;
}

function countOutcome(acc: TargetAcc, outcome: CycleOutcome): void {
  switch (outcome) {
    case "met":
      acc.met += 1;
      break;
    case "breached":
      acc.breached += 1;
      break;
    case "open":
      acc.open += 1;
      break;
    case "openBreached":
      acc.openBreached += 1;
      break;
    case "pending":
      acc.pending += 1;
      break;
    default:
      acc.cancelled += 1;
  }
}

function allTargets(state: ReportState): TargetAcc[] {
  const out: TargetAcc[] = [];
  for (const byLevel of state.targets.values()) out.push(...byLevel.values());
  return out;
}

/**
 * A status as counted: the public `TicketStatus` (from `buildReportFromStatuses`), or the same with instants as
 * epoch ms (what `buildReport` evaluates, without a `Date` per instant).
 * @internal
 */
export type CountedStatus = TicketStatus | AtInstants<TicketStatus, EpochMs>;
type CountedTarget = TargetStatus | AtInstants<TargetStatus, EpochMs>;

/**
 * The epoch ms of a status instant (`undefined` for none, or for an invalid `Date`); `target` is the index of
 * the target status it belongs to, for the error path.
 */
function time(d: Date | EpochMs | null | undefined, field: string, target = -1): EpochMs | undefined {
  if (typeof d === "number") return Number.isFinite(d) ? d : undefined;
  if (d === null || d === undefined) return undefined;
  if (typeof d !== "object" || typeof d.getTime !== "function") {
    badStatus("an instant as a Date", d, target === -1 ? field : `targets[${target}].${field}`);
  }
  const t = d.getTime();
  return Number.isFinite(t) ? t : undefined;
}

/** The counted outcome of one target cycle at `now`. @internal */
export function outcomeOf(s: CountedTarget, now: EpochMs, i: number): CycleOutcome {
  switch (s.state) {
    case "met":
      return "met";
    case "breached":
      return time(s.stoppedAt, "stoppedAt", i) !== undefined ? "breached" : "openBreached";
    case "running":
    case "paused": {
      const b = time(s.breachedAt, "breachedAt", i);
      return b !== undefined && b <= now ? "openBreached" : "open";
    }
    case "pending":
      return "pending";
    default:
      return "cancelled";
  }
}

function badStatus(what: string, value: unknown, path: string): never {
  throw new SlaError("E_TYPE", `Expected ${what} in a ticket status, received ${describeValue(value)}`, path);
}

/**
 * Counts one ticket's status into the state (or as outside the window).
 * @throws SlaError `E_TYPE` for a malformed status, `E_LIMIT` when a sum outgrows exact integers.
 * @internal
 */
export function addStatus(state: ReportState, status: CountedStatus): void {
  const openedAt = time(status.openedAt, "openedAt");
  if (openedAt === undefined) badStatus("openedAt as a valid Date", status.openedAt, "openedAt");
  if (typeof status.id !== "string") badStatus("id as a string", status.id, "id");
  if (openedAt < state.from || openedAt >= state.to || openedAt > state.now) {
    state.outsideWindow += 1;
    return;
  }
  state.count += 1;
  const resolvedAt = time(status.resolvedAt, "resolvedAt");
  if (resolvedAt !== undefined) state.resolved += 1;
  if (time(status.closedAt, "closedAt") !== undefined) state.closed += 1;
  bump(state.byLevel, String(status.level));
  bump(state.byPhase, String(status.phase));
  dayAt(state, openedAt).opened += 1;

  const channel = typeof status.channel === "string" ? status.channel : null;
  let ch = state.channels.get(channel);
  if (ch === undefined) {
    ch = { tickets: 0, resolved: 0, handlingSumMs: 0 };
    state.channels.set(channel, ch);
  }
  ch.tickets += 1;
  if (resolvedAt !== undefined) {
    ch.resolved += 1;
    const sum = ch.handlingSumMs + Math.max(0, resolvedAt - openedAt);
    if (!Number.isSafeInteger(sum)) {
      throw new SlaError("E_LIMIT", "The sum of handling times exceeds the exact integer range", "tickets");
    }
    ch.handlingSumMs = sum;
  }

  for (const survey of status.surveys) {
    const key = String(survey.channel);
    let s = state.surveys.get(key);
    if (s === undefined) {
      s = { satisfied: 0, surveys: 0 };
      state.surveys.set(key, s);
    }
    s.surveys += 1;
    if (survey.satisfied === true) s.satisfied += 1;
  }

  const escalations = status.escalations;
  for (let i = 0; i < escalations.length; i++) {
    const step = escalations[i] as (typeof escalations)[number];
    const e = escalationAt(state, i, step.targetId, step.stepId, step.action);
    if (step.state === "due") e.due += 1;
    else if (step.state === "skipped") e.skipped += 1;
    else e.scheduled += 1;
  }

  const targets = status.targets;
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i] as CountedTarget;
    const outcome = outcomeOf(t, state.now, i);
    const level = String(t.level);
    const acc = targetAt(state, i, t.id, level);
    countOutcome(acc, outcome);
    const elapsed = t.elapsedMs;
    if (!Number.isSafeInteger(elapsed) || elapsed < 0)
      badStatus("elapsedMs as a non-negative integer", elapsed, `targets.${t.id}.elapsedMs`);
    if (outcome === "met" || outcome === "breached") addValue(acc.elapsed, elapsed);

    const late = outcome === "breached" || outcome === "openBreached";
    const breachedAt = late ? time(t.breachedAt, "breachedAt", i) : undefined;
    if (breachedAt !== undefined) addBreach(state, status.id, t, i, level, outcome, breachedAt);
    if (state.options.rows === "breaches" && !late) continue;
    state.rows.total += 1;
    // Check the key before building: after the first few thousand, almost no row is among the first.
    const drafts = state.rowDrafts;
    const key = isoKey(openedAt);
    if (!admits(drafts, key)) continue;
    const draft: RowDraft = {
      ticketId: status.id,
      openedAt,
      resolvedAt,
      channel,
      phase: String(status.phase),
      targetId: t.id,
      cycle: t.cycle,
      level,
      outcome,
      startedAt: time(t.startedAt, "startedAt", i),
      dueAt: time(t.dueAt, "dueAt", i),
      stoppedAt: time(t.stoppedAt, "stoppedAt", i),
      breachedAt: time(t.breachedAt, "breachedAt", i),
      elapsedMs: elapsed,
      pausedMs: t.pausedMs,
      targetMs: t.targetMs === undefined ? null : t.targetMs,
    };
    keep(drafts, draft, key);
  }
}

/** Counts a breach on its local date, and keeps it if it may be among the first. */
function addBreach(
  state: ReportState,
  ticketId: string,
  t: CountedTarget,
  i: number,
  level: string,
  outcome: CycleOutcome,
  breachedAt: EpochMs,
): void {
  const day = dayAt(state, breachedAt);
  day.breaches += 1;
  state.breaches.total += 1;
  const drafts = state.breachDrafts;
  const key = isoKey(breachedAt);
  if (!admits(drafts, key)) return;
  const draft: BreachDraft = {
    ticketId,
    targetId: t.id,
    cycle: t.cycle,
    level,
    dueAt: time(t.dueAt, "dueAt", i),
    breachedAt,
    stoppedAt: outcome === "breached" ? time(t.stoppedAt, "stoppedAt", i) : undefined,
    date: day.date,
  };
  keep(drafts, draft, key);
}

/** Counts a ticket that could not be evaluated. @internal */
export function addSkipped(state: ReportState, ticketId: string, code: string, message: string): void {
  state.skippedCount += 1;
  offer(state.skipped, {
    ticketId,
    code,
    message: message.length > 300 ? `${message.slice(0, 299)}…` : message,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// From a report back to a state, and merging

function fail(what: string, path: string): never {
  throw new SlaError("E_OPTION", `Expected a ServiceReport from buildReport: ${what}`, path);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function arrayAt(obj: Record<string, unknown>, key: string, path: string): unknown[] {
  const v = obj[key];
  if (!Array.isArray(v)) fail(`${key} is not an array`, `${path}.${key}`);
  return v;
}

function text(v: unknown, path: string): string {
  if (typeof v !== "string") fail(`expected a string, received ${describeValue(v)}`, path);
  return v;
}

function count(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0)
    fail(`expected a count, received ${describeValue(v)}`, path);
  return v;
}

/**
 * Rebuilds the mergeable state of a report (built here or parsed from JSON).
 * @throws SlaError `E_OPTION` when the value is not a report of this format.
 * @internal
 */
export function stateFromReport(report: unknown, path: string): ReportState {
  if (!isObject(report) || report.format !== "slakit.report/1") {
    fail(`format "slakit.report/1" missing, received ${describeValue(report)}`, path);
  }
  const r = report as unknown as ServiceReport;
  if (
    !isObject(r.contract) ||
    !isObject(r.window) ||
    !isObject(r.options) ||
    !isObject(r.tickets) ||
    !isObject(r.inspections)
  ) {
    fail("contract, window, options, tickets or inspections missing", path);
  }
  const plan: PlanItem[] = arrayAt(
    r.inspections as unknown as Record<string, unknown>,
    "items",
    `${path}.inspections`,
  ).map((item, i) => {
    const it = item as Record<string, unknown>;
    const from = Date.parse(String(it.from));
    const dueAt = Date.parse(String(it.dueAt));
    if (!Number.isFinite(from) || !Number.isFinite(dueAt) || typeof it.inspectionId !== "string") {
      fail("malformed inspection item", `${path}.inspections.items[${i}]`);
    }
    return {
      inspectionId: it.inspectionId,
      from,
      dueAt,
      required: count(it.required, `${path}.inspections.items[${i}].required`),
    };
  });
  const o = r.options;
  const capOk = (v: unknown, words: readonly string[]): boolean =>
    (typeof v === "string" && words.includes(v)) ||
    (typeof v === "number" && Number.isSafeInteger(v) && v >= 0);
  if (!capOk(o.rows, ["all", "breaches"]) || !capOk(o.breaches, ["all"]) || !capOk(o.exactValues, [])) {
    fail("options.rows, options.breaches or options.exactValues is malformed", `${path}.options`);
  }
  if (typeof r.contract.fingerprint !== "string" || !Array.isArray(r.contract.kpis)) {
    fail("contract.fingerprint or contract.kpis is malformed", `${path}.contract`);
  }
  const state = newState({ contract: r.contract, window: r.window, options: r.options, plan });
  if (!Number.isFinite(state.from) || !Number.isFinite(state.to) || !Number.isFinite(state.now)) {
    fail("window.from, window.to or window.now is not an instant", `${path}.window`);
  }
  state.count = count(r.tickets.count, `${path}.tickets.count`);
  state.resolved = count(r.tickets.resolved, `${path}.tickets.resolved`);
  state.closed = count(r.tickets.closed, `${path}.tickets.closed`);
  state.outsideWindow = count(r.tickets.outsideWindow, `${path}.tickets.outsideWindow`);
  const p = (key: string): string => `${path}.${key}`;
  for (const x of r.tickets.byLevel)
    bump(state.byLevel, text(x.level, p("tickets.byLevel")), count(x.count, p("tickets.byLevel")));
  for (const x of r.tickets.byPhase)
    bump(state.byPhase, text(x.phase, p("tickets.byPhase")), count(x.count, p("tickets.byPhase")));
  for (const t of arrayAt(r as unknown as Record<string, unknown>, "targets", path) as TargetSummary[]) {
    const where = p(`targets.${String(t.targetId)}`);
    const acc = targetAcc(state, text(t.targetId, where), text(t.level, where));
    acc.met += count(t.counts.met, where);
    acc.breached += count(t.counts.breached, where);
    acc.open += count(t.counts.open, where);
    acc.openBreached += count(t.counts.openBreached, where);
    acc.pending += count(t.counts.pending, where);
    acc.cancelled += count(t.counts.cancelled, where);
    const e = acc.elapsed;
    const el = t.elapsed;
    e.count = count(el.count, where);
    e.sum = count(el.sumMs, where);
    e.min = el.minMs === null ? Number.POSITIVE_INFINITY : count(el.minMs, where);
    e.max = el.maxMs === null ? Number.NEGATIVE_INFINITY : count(el.maxMs, where);
    if (typeof el.exact !== "boolean") fail("elapsed.exact is not a boolean", where);
    e.exact = el.exact;
    for (const pair of el.histogram) restoreCount(e, count(pair[0], where), count(pair[1], where));
  }
  for (const x of r.satisfaction) {
    const where = p("satisfaction");
    const surveys = count(x.surveys, where);
    if (surveys > 0)
      state.surveys.set(text(x.channel, where), { satisfied: count(x.satisfied, where), surveys });
  }
  for (const c of r.channels) {
    const where = p("channels");
    state.channels.set(c.channel === null ? null : text(c.channel, where), {
      tickets: count(c.tickets, where),
      resolved: count(c.resolved, where),
      handlingSumMs: count(c.handlingSumMs, where),
    });
  }
  for (const d of r.days) {
    const date = text(d.date, p("days"));
    state.days.set(date, {
      date,
      opened: count(d.opened, p("days")),
      breaches: count(d.breaches, p("days")),
    });
  }
  for (const e of r.escalations) {
    const where = p("escalations");
    const acc = escalationAcc(state, text(e.targetId, where), text(e.stepId, where), text(e.action, where));
    acc.due = count(e.due, where);
    acc.skipped = count(e.skipped, where);
    acc.scheduled = count(e.scheduled, where);
  }
  state.breaches.total = count(r.breaches.total, `${path}.breaches.total`);
  for (const b of r.breaches.items) offerKept(state.breaches, b);
  state.rows.total = count(r.rows.total, `${path}.rows.total`);
  for (const row of r.rows.items) offerKept(state.rows, row);
  if (r.inspections.provided) {
    state.performed = new Map();
    for (const p of r.inspections.performed) state.performed.set(`${p.inspectionId}\u0000${p.at}`, { ...p });
  }
  state.skippedCount = count(r.skipped.count, `${path}.skipped.count`);
  for (const s of r.skipped.sample) offer(state.skipped, s);
  return state;
}

/**
 * Whether two reports can be merged: same format, contract (fingerprint), window and options.
 * @throws SlaError `E_OPTION` naming what differs.
 * @internal
 */
export function checkMergeable(a: ReportState, b: ReportState): void {
  const differs = (what: string, x: unknown, y: unknown): never => {
    throw new SlaError(
      "E_OPTION",
      `Reports can only be merged when they have the same ${what}: ${describeValue(x)} and ${describeValue(y)}`,
      what,
    );
  };
  if (a.contract.id !== b.contract.id) differs("contract.id", a.contract.id, b.contract.id);
  if (a.contract.fingerprint !== b.contract.fingerprint)
    differs("contract.fingerprint", a.contract.fingerprint, b.contract.fingerprint);
  if (a.from !== b.from) differs("window.from", a.window.from, b.window.from);
  if (a.to !== b.to) differs("window.to", a.window.to, b.window.to);
  if (a.now !== b.now) differs("window.now", a.window.now, b.window.now);
  if (a.options.rows !== b.options.rows) differs("options.rows", a.options.rows, b.options.rows);
  if (a.options.breaches !== b.options.breaches)
    differs("options.breaches", a.options.breaches, b.options.breaches);
  if (a.options.exactValues !== b.options.exactValues)
    differs("options.exactValues", a.options.exactValues, b.options.exactValues);
  if (stableStringify(a.plan) !== stableStringify(b.plan))
    differs("inspection plan", "the first", "the second");
}

/** Adds everything of `b` into `a`. @internal */
export function absorb(a: ReportState, b: ReportState): void {
  settle(a);
  settle(b);
  a.count += b.count;
  a.resolved += b.resolved;
  a.closed += b.closed;
  a.outsideWindow += b.outsideWindow;
  for (const [k, n] of b.byLevel) bump(a.byLevel, k, n);
  for (const [k, n] of b.byPhase) bump(a.byPhase, k, n);
  for (const t of allTargets(b)) {
    const acc = targetAcc(a, t.targetId, t.level);
    acc.met += t.met;
    acc.breached += t.breached;
    acc.open += t.open;
    acc.openBreached += t.openBreached;
    acc.pending += t.pending;
    acc.cancelled += t.cancelled;
    mergeSummary(acc.elapsed, t.elapsed);
  }
  for (const [k, s] of b.surveys) {
    const mine = a.surveys.get(k);
    if (mine === undefined) a.surveys.set(k, { ...s });
    else {
      mine.satisfied += s.satisfied;
      mine.surveys += s.surveys;
    }
  }
  for (const [k, c] of b.channels) {
    const mine = a.channels.get(k);
    if (mine === undefined) a.channels.set(k, { ...c });
    else {
      mine.tickets += c.tickets;
      mine.resolved += c.resolved;
      mine.handlingSumMs += c.handlingSumMs;
      if (!Number.isSafeInteger(mine.handlingSumMs)) {
        throw new SlaError("E_LIMIT", "The sum of handling times exceeds the exact integer range", "tickets");
      }
    }
  }
  for (const [k, d] of b.days) {
    const mine = dayOf(a, k);
    mine.opened += d.opened;
    mine.breaches += d.breaches;
  }
  for (const e of allEscalations(b)) {
    const mine = escalationAcc(a, e.targetId, e.stepId, e.action);
    mine.due += e.due;
    mine.skipped += e.skipped;
    mine.scheduled += e.scheduled;
  }
  a.breaches.total += b.breaches.total;
  for (const item of b.breaches.items) offerKept(a.breaches, item);
  a.rows.total += b.rows.total;
  for (const item of b.rows.items) offerKept(a.rows, item);
  if (b.performed !== undefined) {
    a.performed ??= new Map();
    for (const [k, p] of b.performed) a.performed.set(k, p);
  }
  a.skippedCount += b.skippedCount;
  for (const s of finishFirstN(b.skipped)) offer(a.skipped, s);
  a.skipped.total = a.skippedCount;
}

// ---------------------------------------------------------------------------------------------------------------
// Derived figures

function elapsedStats(s: ValueSummary): ElapsedStats {
  const histogram = sortedCounts(s);
  if (s.count === 0) {
    return {
      count: 0,
      sumMs: 0,
      meanMs: null,
      medianMs: null,
      p90Ms: null,
      minMs: null,
      maxMs: null,
      exact: s.exact,
      histogram,
    };
  }
  const clamp = (v: number): number => Math.min(s.max, Math.max(s.min, v));
  return {
    count: s.count,
    sumMs: s.sum,
    meanMs: s.sum / s.count,
    medianMs: clamp(nearestRank(histogram, s.count, 50)),
    p90Ms: clamp(nearestRank(histogram, s.count, 90)),
    minMs: s.min,
    maxMs: s.max,
    exact: s.exact,
    histogram,
  };
}

const PHASE_ORDER = new Map(["before", "warranty", "postWarranty", "expired", "none"].map((p, i) => [p, i]));

/**
 * The report of a state: every derived figure recomputed from the mergeable parts, in a canonical order.
 * @internal
 */
export function finishState(state: ReportState): ServiceReport {
  settle(state);
  const { targetOrder, levelOrder } = state;
  const targets: TargetSummary[] = allTargets(state)
    .sort((a, b) => byOrder(targetOrder, a.targetId, b.targetId) || byOrder(levelOrder, a.level, b.level))
    .map((t) => {
      const decided = t.met + t.breached + t.openBreached;
      return {
        targetId: t.targetId,
        level: t.level,
        counts: {
          met: t.met,
          breached: t.breached,
          open: t.open,
          openBreached: t.openBreached,
          pending: t.pending,
          cancelled: t.cancelled,
        },
        decided,
        compliance: decided === 0 ? null : t.met / decided,
        elapsed: elapsedStats(t.elapsed),
      };
    });

  const kpiDefs = state.contract.kpis;
  const minByChannel = new Map<string, number>();
  for (const k of kpiDefs) {
    if (k.kind === "satisfaction" && !minByChannel.has(k.channel)) minByChannel.set(k.channel, k.min);
  }
  const satChannels = new Set<string>([...state.surveys.keys(), ...minByChannel.keys()]);
  const satisfaction: ChannelSatisfaction[] = [...satChannels].sort(compareText).map((channel) => {
    const s = state.surveys.get(channel) ?? { satisfied: 0, surveys: 0 };
    return {
      channel,
      satisfied: s.satisfied,
      surveys: s.surveys,
      rate: s.surveys === 0 ? null : s.satisfied / s.surveys,
      min: minByChannel.get(channel) ?? null,
    };
  });

  const channels = [...state.channels]
    .sort((a, b) => cmpNullable(a[0], b[0]))
    .map(([channel, c]) => ({
      channel,
      tickets: c.tickets,
      resolved: c.resolved,
      handlingSumMs: c.handlingSumMs,
      meanHandlingMs: c.resolved === 0 ? null : c.handlingSumMs / c.resolved,
    }));

  const inspections = deriveInspections(state.plan, state.performed, state.now);
  const report: Omit<ServiceReport, "kpis"> = {
    format: "slakit.report/1",
    contract: state.contract,
    window: state.window,
    options: state.options,
    tickets: {
      count: state.count,
      resolved: state.resolved,
      closed: state.closed,
      outsideWindow: state.outsideWindow,
      byLevel: [...state.byLevel]
        .sort((a, b) => byOrder(levelOrder, a[0], b[0]))
        .map(([level, n]) => ({ level, count: n })),
      byPhase: [...state.byPhase]
        .sort((a, b) => byOrder(PHASE_ORDER, a[0], b[0]))
        .map(([phase, n]) => ({ phase, count: n })),
    },
    targets,
    satisfaction,
    channels,
    days: [...state.days]
      .sort((a, b) => compareText(a[0], b[0]))
      .map(([date, d]) => ({ date, opened: d.opened, breaches: d.breaches })),
    escalations: allEscalations(state)
      .sort(
        (a, b) =>
          byOrder(targetOrder, a.targetId, b.targetId) ||
          compareText(a.stepId, b.stepId) ||
          compareText(a.action, b.action),
      )
      .map((e) => ({ ...e })),
    inspections,
    breaches: keptList(state.breaches),
    rows: keptList(state.rows),
    skipped: { count: state.skippedCount, sample: finishFirstN(state.skipped).map((s) => ({ ...s })) },
  };
  const kpis = deriveKpis(kpiDefs, report);
  // Key order here is the order of ServiceReport's fields; the JSON renderer sorts keys anyway.
  const { format, contract, window, options, tickets, ...rest } = report;
  return { format, contract, window, options, tickets, kpis, ...rest };
}

function keptList<T>(list: FirstN<T>): { total: number; truncated: number; items: T[] } {
  const items = finishFirstN(list).slice();
  return { total: list.total, truncated: list.total - items.length, items };
}
