/**
 * The mergeable state behind a report: counts, sums, value summaries, maxima and kept-first lists. A report is
 * this state plus figures derived from it; `mergeReports` rebuilds the state from two reports, adds it up and
 * derives the figures again, so a merged report is the report over the union of the tickets.
 * @internal
 * @module
 */
import { civilFromDays, type EpochMs, formatDateKey } from "../calendar/civil.js";
import { describeValue, SlaError } from "../calendar/errors.js";
import { getZone, localDayOf, type Zone } from "../calendar/zone.js";
import type { ContractInput, KpiInput } from "../contracts/types.js";
import type { TargetStatus, TicketStatus } from "../escalation/types.js";
import { compareText, hashText, stableStringify } from "./canonical.js";
import { deriveInspections, type PlanItem } from "./inspections.js";
import { deriveKpis } from "./kpis.js";
import { addValue, mergeSummary, nearestRank, newSummary, sortedCounts, type ValueSummary } from "./stats.js";
import { type FirstN, finishFirstN, newFirstN, offer, offerKept } from "./topn.js";
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
import { iso, localDate, type ResolvedOptions } from "./window.js";

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
  readonly days: Map<string, { opened: number; breaches: number }>;
  readonly escalations: Map<string, EscalationAcc>;
  readonly breaches: FirstN<BreachRow>;
  readonly rows: FirstN<TicketTargetRow>;
  /** Performed inspections by `id\0at`; `undefined` when none were given. */
  performed: Map<string, { inspectionId: string; at: string }> | undefined;
  readonly plan: readonly PlanItem[];
  skippedCount: number;
  readonly skipped: FirstN<SkipSample>;
  /** Local day number → `YYYY-MM-DD`. */
  readonly dateCache: Map<number, string>;
}

function dateOf(state: ReportState, t: EpochMs): string {
  const day = localDayOf(state.zone, t);
  let text = state.dateCache.get(day);
  if (text === undefined) {
    text = formatDateKey(civilFromDays(day));
    state.dateCache.set(day, text);
  }
  return text;
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
    breaches: newFirstN(
      init.options.breaches === "all" ? Number.POSITIVE_INFINITY : init.options.breaches,
      breachComparator(targetOrder),
      (b) => Date.parse(b.breachedAt),
    ),
    rows: newFirstN(rowsCap(init.options.rows), rowComparator(targetOrder), (r) => Date.parse(r.openedAt)),
    dateCache: new Map(),
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

function dayOf(state: ReportState, date: string): { opened: number; breaches: number } {
  let d = state.days.get(date);
  if (d === undefined) {
    d = { opened: 0, breaches: 0 };
    state.days.set(date, d);
  }
  return d;
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

function allTargets(state: ReportState): TargetAcc[] {
  const out: TargetAcc[] = [];
  for (const byLevel of state.targets.values()) out.push(...byLevel.values());
  return out;
}

function time(d: Date | null | undefined): EpochMs | undefined {
  if (d === null || d === undefined) return undefined;
  const t = d.getTime();
  return Number.isFinite(t) ? t : undefined;
}

function isoOrNull(d: Date | null | undefined): string | null {
  const t = time(d);
  return t === undefined ? null : iso(t);
}

/** The counted outcome of one target cycle at `now`. @internal */
export function outcomeOf(s: TargetStatus, now: EpochMs): CycleOutcome {
  switch (s.state) {
    case "met":
      return "met";
    case "breached":
      return time(s.stoppedAt) !== undefined ? "breached" : "openBreached";
    case "running":
    case "paused": {
      const b = time(s.breachedAt);
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
export function addStatus(state: ReportState, status: TicketStatus): void {
  const openedAt = time(status.openedAt);
  if (openedAt === undefined) badStatus("openedAt as a valid Date", status.openedAt, "openedAt");
  if (typeof status.id !== "string") badStatus("id as a string", status.id, "id");
  if (openedAt < state.from || openedAt >= state.to || openedAt > state.now) {
    state.outsideWindow += 1;
    return;
  }
  state.count += 1;
  const resolvedAt = time(status.resolvedAt);
  if (resolvedAt !== undefined) state.resolved += 1;
  if (time(status.closedAt) !== undefined) state.closed += 1;
  bump(state.byLevel, String(status.level));
  bump(state.byPhase, String(status.phase));
  dayOf(state, dateOf(state, openedAt)).opened += 1;

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

  for (const step of status.escalations) {
    const key = `${step.targetId}\u0000${step.stepId}\u0000${step.action}`;
    let e = state.escalations.get(key);
    if (e === undefined) {
      e = {
        targetId: step.targetId,
        stepId: step.stepId,
        action: step.action,
        due: 0,
        skipped: 0,
        scheduled: 0,
      };
      state.escalations.set(key, e);
    }
    if (step.state === "due") e.due += 1;
    else if (step.state === "skipped") e.skipped += 1;
    else e.scheduled += 1;
  }

  let openedIso: string | undefined;
  for (const t of status.targets) {
    const outcome = outcomeOf(t, state.now);
    const level = String(t.level);
    const acc = targetAcc(state, t.id, level);
    acc[outcome] += 1;
    const elapsed = t.elapsedMs;
    if (!Number.isSafeInteger(elapsed) || elapsed < 0)
      badStatus("elapsedMs as a non-negative integer", elapsed, `targets.${t.id}.elapsedMs`);
    if (outcome === "met" || outcome === "breached") addValue(acc.elapsed, elapsed);

    const breachedAt = time(t.breachedAt);
    const isBreach = (outcome === "breached" || outcome === "openBreached") && breachedAt !== undefined;
    if (isBreach) {
      const date = dateOf(state, breachedAt);
      dayOf(state, date).breaches += 1;
      const list = state.breaches;
      list.total += 1;
      if (breachedAt <= list.thresholdKey) {
        offerKept(list, {
          ticketId: status.id,
          targetId: t.id,
          cycle: t.cycle,
          level,
          dueAt: isoOrNull(t.dueAt),
          breachedAt: iso(breachedAt),
          stoppedAt: outcome === "breached" ? isoOrNull(t.stoppedAt) : null,
          date,
        });
      }
    }

    const rowsOption = state.options.rows;
    if (rowsOption === "breaches" && !(outcome === "breached" || outcome === "openBreached")) continue;
    const rows = state.rows;
    rows.total += 1;
    if (rows.cap === 0) continue;
    if (openedAt > rows.thresholdKey) continue;
    openedIso ??= iso(openedAt);
    offerKept(rows, {
      ticketId: status.id,
      openedAt: openedIso,
      resolvedAt: resolvedAt === undefined ? null : iso(resolvedAt),
      channel,
      phase: String(status.phase),
      targetId: t.id,
      cycle: t.cycle,
      level,
      outcome,
      startedAt: isoOrNull(t.startedAt),
      dueAt: isoOrNull(t.dueAt),
      stoppedAt: isoOrNull(t.stoppedAt),
      breachedAt: isoOrNull(t.breachedAt),
      elapsedMs: elapsed,
      pausedMs: t.pausedMs,
      targetMs: t.targetMs === undefined ? null : t.targetMs,
    });
  }
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
    for (const pair of el.histogram) e.counts.set(count(pair[0], where), count(pair[1], where));
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
    state.days.set(text(d.date, p("days")), {
      opened: count(d.opened, p("days")),
      breaches: count(d.breaches, p("days")),
    });
  }
  for (const e of r.escalations) {
    const where = p("escalations");
    const item = {
      targetId: text(e.targetId, where),
      stepId: text(e.stepId, where),
      action: text(e.action, where),
      due: count(e.due, where),
      skipped: count(e.skipped, where),
      scheduled: count(e.scheduled, where),
    };
    state.escalations.set(`${item.targetId}\u0000${item.stepId}\u0000${item.action}`, item);
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
  for (const [k, e] of b.escalations) {
    const mine = a.escalations.get(k);
    if (mine === undefined) a.escalations.set(k, { ...e });
    else {
      mine.due += e.due;
      mine.skipped += e.skipped;
      mine.scheduled += e.scheduled;
    }
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
    escalations: [...state.escalations.values()]
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
