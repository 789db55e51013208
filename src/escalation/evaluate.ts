/**
 * `evaluateTicket`: the state of every clock of a ticket at `now`, the escalation steps, and the next instant
 * anything changes.
 * @module
 */

import {
  addWorkingTime,
  type Instant,
  subtractWorkingTime,
  toEpochMs,
  workingTimeBetween,
} from "../calendar/kernel.js";
import type { Contract } from "../contracts/index.js";
import { describeValue, SlaError } from "../errors.js";
import {
  BREACHED,
  type Cycle,
  dueOf,
  LIVE,
  lastCompliantOf,
  reach,
  runTarget,
  type TargetRun,
} from "./clock.js";
import type { Evaluation } from "./evaluation.js";
import { type Events, MAX_EVENTS, readEvents, Warnings } from "./events.js";
import {
  type Coverage,
  type Plan,
  phaseAt,
  planOf,
  type StepPlan,
  stepKey,
  type TargetPlan,
} from "./plan.js";
import type {
  AtInstants,
  EscalationStep,
  EvaluateTicketOptions,
  EvaluationWarning,
  TargetState,
  TargetStatus,
  Ticket,
  TicketStatus,
} from "./types.js";

const MIN_FAST = -2_208_988_800_000; // 1900-01-01T00:00:00Z
const MAX_FAST = 7_258_118_400_000; // 2200-01-01T00:00:00Z

/** Everything folded, before conversion to the public shape. @internal */
export interface Fold {
  readonly plan: Plan;
  readonly ticketId: string;
  readonly now: number;
  readonly events: Events;
  readonly coverage: Coverage;
  /** Per target index; `null` when the target does not apply (phase, or its chain's parent does not apply). */
  readonly runs: readonly (TargetRun | null)[];
  readonly warnings: readonly EvaluationWarning[];
}

function nowOf(now: Instant): number {
  if (typeof now === "number" && now >= MIN_FAST && now < MAX_FAST && Number.isInteger(now)) return now;
  try {
    return toEpochMs(now, "now");
  } catch (e) {
    const reason = e instanceof SlaError ? e.message.split("\n")[0] : String(e);
    throw new SlaError("E_NOW_INVALID", `Invalid now: ${reason}`, "now", { cause: e });
  }
}

const DEFAULT_OPTIONS = Object.freeze({ strict: false, maxEvents: MAX_EVENTS });

function optionsOf(opts: EvaluateTicketOptions | undefined): { strict: boolean; maxEvents: number } {
  if (opts === undefined) return DEFAULT_OPTIONS;
  if (typeof opts !== "object" || opts === null) {
    throw new SlaError(
      "E_OPTION",
      `Expected options as an object, received ${describeValue(opts)}`,
      "options",
    );
  }
  const { strict, maxEvents } = opts;
  if (strict !== undefined && typeof strict !== "boolean") {
    throw new SlaError(
      "E_OPTION",
      `Expected strict as a boolean, received ${describeValue(strict)}`,
      "options.strict",
    );
  }
  if (
    maxEvents !== undefined &&
    (!Number.isSafeInteger(maxEvents) || maxEvents < 0 || maxEvents > MAX_EVENTS)
  ) {
    throw new SlaError(
      "E_OPTION",
      `Expected maxEvents as an integer from 0 to ${MAX_EVENTS}, received ${describeValue(maxEvents)}`,
      "options.maxEvents",
    );
  }
  return { strict: strict === true, maxEvents: maxEvents ?? MAX_EVENTS };
}

function applies(tp: TargetPlan, coverage: Coverage): boolean {
  const phases = tp.target.phases;
  if (phases === undefined || phases === null || coverage.phase === "none") return true;
  return phases.includes(coverage.phase) || (coverage.name !== undefined && phases.includes(coverage.name));
}

/** Folds a ticket. @internal */
export function foldTicket(
  contract: Contract,
  ticket: Ticket,
  now: Instant,
  opts?: EvaluateTicketOptions,
): Fold {
  const plan = planOf(contract);
  if (typeof ticket !== "object" || ticket === null) {
    throw new SlaError("E_TYPE", `Expected a ticket object, received ${describeValue(ticket)}`, "ticket");
  }
  if (typeof ticket.id !== "string") {
    throw new SlaError(
      "E_TYPE",
      `Expected the ticket id as a string, received ${describeValue(ticket.id)}`,
      "id",
    );
  }
  const t = nowOf(now);
  const { strict, maxEvents } = optionsOf(opts);
  const warnings = new Warnings();
  const events = readEvents(contract, plan, ticket, t, strict, maxEvents, warnings);
  const coverage = phaseAt(plan, events.openedAt);
  const names = plan.names;
  const runs: (TargetRun | null)[] = [];
  for (let i = 0; i < plan.targets.length; i++) runs.push(null);
  for (const i of plan.order) {
    const tp = plan.targets[i] as TargetPlan;
    if (!applies(tp, coverage)) continue;
    let parent: TargetRun | null = null;
    if (tp.parent !== -1) {
      parent = runs[tp.parent] as TargetRun | null;
      if (parent === null) continue;
    }
    runs[i] = runTarget(tp, events, names, t, parent, warnings);
  }
  return { plan, ticketId: ticket.id, now: t, events, coverage, runs, warnings: warnings.finish() };
}

const STATE_NAMES: readonly TargetState[] = ["running", "met", "breached", "cancelled"];

/**
 * Output context: collects the next instant anything changes, and writes instants as `I`: `Date`s in the public
 * status, epoch ms inside a report (which would only read the `Date`s back).
 */
export class Output<I> {
  at = Number.POSITIVE_INFINITY;
  readonly date: (t: number) => I;

  constructor(date: (t: number) => I) {
    this.date = date;
  }

  orNull(t: number): I | null {
    return !Number.isNaN(t) ? this.date(t) : null;
  }
}

/** Instants as `Date`s. @internal */
export const asDate = (t: number): Date => new Date(t);
/** Instants as epoch ms. */
const asMs = (t: number): number => t;

type Status<I> = AtInstants<TargetStatus, I>;
type Step<I> = AtInstants<EscalationStep, I>;

/** The public status of one cycle, appending its steps to `steps`. @internal */
export function cycleStatus<I>(
  tp: TargetPlan,
  c: Cycle,
  ev: Fold,
  steps: Step<I>[] | null,
  next: Output<I>,
): Status<I> {
  const now = ev.now;
  const t = tp.target;
  if (Number.isNaN(c.start)) {
    // A chained clock whose parent was met: it never started.
    if (steps !== null)
      for (let k = 0; k < tp.steps.length; k++)
        steps.push(stepOf(ev.ticketId, tp, c.n, tp.steps[k] as StepPlan, "skipped", null));
    return statusLiteral(
      t.id,
      c.n,
      "cancelled",
      c.level,
      c.dur !== null && c.dur.kind === "time" ? c.dur.ms : undefined,
      null,
      null,
      null,
      next.date(c.end),
      null,
      0,
      0,
      0,
    );
  }
  const engine = tp.engine;
  const live = c.outcome === LIVE;
  const due = dueOf(tp, c);
  const lc = lastCompliantOf(tp, c, due);
  const breachAt = !Number.isNaN(lc) ? lc + 1 : Number.NaN;
  let outcome = c.outcome;
  let elapsed = c.acc;
  let paused = c.pausedMs;
  let state: TargetState;
  if (live) {
    if (c.running) elapsed += workingTimeBetween(engine, c.mark, now);
    else paused += workingTimeBetween(engine, c.pauseStart, now);
    if (breachAt <= now) {
      outcome = BREACHED;
      state = "breached";
    } else {
      state = c.running ? "running" : "paused";
      if (!Number.isNaN(breachAt) && breachAt < next.at) next.at = breachAt;
    }
  } else state = STATE_NAMES[outcome] as TargetState;
  const status = statusLiteral(
    t.id,
    c.n,
    state,
    c.level,
    c.days ? undefined : c.budget,
    next.date(c.start),
    next.orNull(due),
    next.orNull(lc),
    live ? null : next.date(c.end),
    outcome === BREACHED ? next.date(breachAt) : null,
    elapsed,
    outcome === BREACHED ? 0 : Math.max(0, c.budget - elapsed),
    paused,
  );
  if (steps !== null) {
    for (let k = 0; k < tp.steps.length; k++) {
      const sp = tp.steps[k] as StepPlan;
      const a = sp.step.at;
      let when = Number.NaN;
      let skip = false;
      switch (a.kind) {
        case "after":
        case "percent": {
          const x = a.kind === "after" ? a.ms : Math.floor((c.budget * a.percent) / 100);
          // A stopped clock that never reached x: skipped, nothing to compute.
          if (!live && x > c.acc) skip = true;
          else when = reach(tp, c, x, false);
          break;
        }
        case "beforeDue":
          if (!Number.isNaN(due)) {
            when =
              a.ms > c.budget && a.ms >= workingTimeBetween(engine, c.start, due)
                ? c.start
                : Math.max(c.start, subtractWorkingTime(engine, due, a.ms, "dueAt"));
          }
          break;
        default:
          if (!Number.isNaN(due)) {
            if (!live && due >= c.end) skip = true;
            else when = addWorkingTime(engine, due, a.ms, "dueAt");
          }
      }
      let s: EscalationStep["state"];
      if (!live) s = !skip && !Number.isNaN(when) && when < c.end ? "due" : "skipped";
      else if (!Number.isNaN(when) && when <= now) s = "due";
      else {
        s = "scheduled";
        if (!Number.isNaN(when) && when < next.at) next.at = when;
      }
      steps.push(stepOf(ev.ticketId, tp, c.n, sp, s, s === "skipped" ? null : next.orNull(when)));
    }
  }
  return status;
}

function stepOf<I>(
  ticketId: string,
  tp: TargetPlan,
  cycle: number,
  sp: StepPlan,
  state: EscalationStep["state"],
  at: I | null,
): Step<I> {
  const key = stepKey(ticketId, tp, sp, cycle);
  const step = sp.step;
  return step.tier === undefined
    ? { key, ticketId, targetId: tp.id, cycle, stepId: step.id, action: step.action, to: step.to, state, at }
    : {
        key,
        ticketId,
        targetId: tp.id,
        cycle,
        stepId: step.id,
        action: step.action,
        to: step.to,
        tier: step.tier,
        state,
        at,
      };
}

/** A `TargetStatus` with a fixed shape per combination of the optional fields. */
function statusLiteral<I>(
  id: string,
  cycle: number,
  state: TargetState,
  level: string,
  targetMs: number | undefined,
  startedAt: I | null,
  dueAt: I | null,
  lastCompliantAt: I | null,
  stoppedAt: I | null,
  breachedAt: I | null,
  elapsedMs: number,
  remainingMs: number,
  pausedMs: number,
): Status<I> {
  if (stoppedAt === null) {
    return breachedAt === null
      ? {
          id,
          cycle,
          state,
          level,
          targetMs,
          startedAt,
          dueAt,
          lastCompliantAt,
          elapsedMs,
          remainingMs,
          pausedMs,
        }
      : {
          id,
          cycle,
          state,
          level,
          targetMs,
          startedAt,
          dueAt,
          lastCompliantAt,
          breachedAt,
          elapsedMs,
          remainingMs,
          pausedMs,
        };
  }
  return breachedAt === null
    ? {
        id,
        cycle,
        state,
        level,
        targetMs,
        startedAt,
        dueAt,
        lastCompliantAt,
        stoppedAt,
        elapsedMs,
        remainingMs,
        pausedMs,
      }
    : {
        id,
        cycle,
        state,
        level,
        targetMs,
        startedAt,
        dueAt,
        lastCompliantAt,
        stoppedAt,
        breachedAt,
        elapsedMs,
        remainingMs,
        pausedMs,
      };
}

/** The `pending` entry of a clock that has not started. @internal */
export function pendingStatus<I>(
  tp: TargetPlan,
  run: TargetRun,
  ev: Fold,
  steps: Step<I>[] | null,
): Status<I> {
  const dur = tp.target.durationFor(run.pendingLevel);
  if (steps !== null)
    for (let k = 0; k < tp.steps.length; k++)
      steps.push(stepOf<I>(ev.ticketId, tp, run.pendingCycle, tp.steps[k] as StepPlan, "scheduled", null));
  const ms = dur !== undefined && dur.kind === "time" ? dur.ms : undefined;
  return statusLiteral<I>(
    tp.id,
    run.pendingCycle,
    "pending",
    run.pendingLevel,
    ms,
    null,
    null,
    null,
    null,
    null,
    0,
    ms ?? 0,
    0,
  );
}

/**
 * Evaluates a ticket against its contract at `now`: the state of every target's clock, its deadlines, the
 * escalation steps that are due, and when to look again. Synchronous and pure: the result depends only on the
 * arguments (never on the host's clock, zone or locale), and only on events at or before `now`.
 *
 * **Clocks.** A target starts at its start event (or, for `breachOf`, at its parent's `dueAt` once the parent is
 * breached — `pending` until then, `cancelled` when the parent is met), stops at a stop event (`met`, or
 * `breached` when stopped after `lastCompliantAt`), begins a new cycle at a reset event or at a start event
 * after it stopped (a reopened ticket), and is `cancelled` by a cancel event. It pauses between a pause/resume
 * event pair or while the ticket is in one of the pause statuses. Breached at t ⇔ working time elapsed at t >
 * target ⇔ t > `lastCompliantAt`. A business-day target (`"P2D"`) is a deadline: `dueAt` =
 * `lastCompliantAt` = the end of business of the Nth following working day (rule 6), breached at any later
 * instant; a pause extends it by the working time paused before it, exactly as for a working-time target.
 * `dueAt` with pauses is `start + (target + working time paused before dueAt)` of working time. While a pause
 * lasts at `now`, a deadline not yet reached is `null`. For a stopped clock, `dueAt` is where the deadline
 * stood, as if the clock had run on from the stop. `elapsedMs`, `remainingMs` and `pausedMs` are working ms
 * at `now` (or at the stop).
 *
 * **Levels.** Level at opening: `ticket.level`, else the `opened` event's `level`, else `contract.defaultLevel`,
 * else `E_LEVEL`. A `levelChanged` event applies to each running or paused clock that is not breached yet
 * (a breach is final): `"recompute"` (default) keeps the original start and the pauses and takes the new
 * level's duration (which may put the breach in the past: it then shows at once); `"restart"` ends the cycle
 * as `cancelled` and starts a new one at the change. A level without a duration for a target takes the target
 * out of the result (the clock still runs underneath, so a later change back recomputes from the original
 * start). A change to the current level does nothing.
 *
 * **Phase.** The contract phase at the opening decides which targets apply (`target.phases` lists phase kinds
 * or names); a chained target applies only where its parent does.
 *
 * **Escalation steps** fire at elapsed working time (`after`, pauses excluded), at `floor(target × percent /
 * 100)` ms of elapsed working time (rounded down: never late), at `beforeDue` = the target calendar's
 * `subtractBusinessTime(dueAt, X)` (not before the start), or at `afterDue` = `addBusinessTime(dueAt, X)`.
 * State: `due` once its time has come (`at <= now`) while the clock ran; `skipped` when the clock stopped,
 * was cancelled or restarted at or before the step's time, or never started (`at` is then `null`: it never
 * fires); `scheduled` otherwise (`at` is `null` while the clock waits to start or a pause keeps the step's time
 * open). Key: `ticket/target/cycle/step`, stable across evaluations: fire each key once.
 *
 * **Cycles** are numbered from 0 per target in the order the clocks started (a reset, a start event after a stop,
 * a restart on a level change, a chained clock per parent cycle); a clock started under a level the target does
 * not apply to keeps its number but is not listed.
 *
 * **`nextCheckAt`** is the earliest instant after `now` at which the status changes if no event arrives: a
 * step's time, or a clock's breach (`lastCompliantAt + 1 ms`, which also starts the clocks chained to it).
 * Elapsed and remaining times grow continuously and do not count as changes. `null` when nothing will change.
 *
 * **Irregular event streams**:
 *
 * | Input | Outcome |
 * |---|---|
 * | Events out of order | Sorted by `(at, seq)`, stably; a missing `seq` sorts before any `seq` at the same instant, then input order. |
 * | Exact duplicates | Same instant, `seq` and content (type, level, status, channel, satisfied): dropped silently, so re-delivery is idempotent. |
 * | Same `(at, seq)`, different content | `SlaError` `E_EVENT_CONFLICT` at `events[i]`. (Same `seq` at different instants is fine: `seq` only breaks ties.) |
 * | Resume without pause; pause while paused | Ignored with a `RESUME_WITHOUT_PAUSE` / `DOUBLE_PAUSE` warning. |
 * | Stop before start, stop after stop, cancel of a stopped clock | Ignored (no clock to act on). |
 * | Events after `closed` | Processed: `closed` affects only the targets that name it, so an obligation after resolution (the problem report) can still be met. |
 * | A start event after the clock stopped (reopened) | A new cycle. |
 * | A start event while the clock runs | Ignored. |
 * | A second `opened` | Ignored with a `SECOND_OPENED` warning. |
 * | Events before the opening | Ignored with an `EVENT_BEFORE_OPENING` warning each (sorted position before the first `opened`). |
 * | No `opened` event | `SlaError` `E_EVENT` at `events`. |
 * | Unknown event types | Ignored with an `UNKNOWN_EVENT_TYPE` warning; with `opts.strict`: `E_EVENT_TYPE` at `events[i].type`. |
 * | Events after `now` | Ignored, without a warning (causality: they never change the result). Their `at` must still be valid. |
 * | Bad instant | `SlaError` `E_INSTANT` (or `E_INSTANT_RANGE` outside 1900–2199) at `events[i].at`. |
 * | Not an object, no type, non-finite `seq`; `statusChanged` without a status; survey without channel or answer | `SlaError` `E_EVENT` at the event or field. |
 * | `levelChanged` to an unknown level | `SlaError` `E_LEVEL` at `events[i].level`. |
 * | `now` invalid | `SlaError` `E_NOW_INVALID` at `now`. |
 * | `now` before the opening | `SlaError` `E_NOW_INVALID` (never negative elapsed times). |
 * | More than `opts.maxEvents` (default 1,000,000) events | `SlaError` `E_LIMIT`; up to it: O(n log n) time, memory linear, no recursion. |
 * | More than 1,000 warnings | The first 1,000, then one `WARNINGS_TRUNCATED` with the count. |
 * | A chained parent breached again while its child still runs | No second clock; a `CHAIN_ALREADY_RUNNING` warning. |
 *
 * @param contract - A contract from `parseContract`.
 * @param ticket - The ticket: `id`, optional `level` and `channel`, and its events.
 * @param now - The instant of evaluation (`Date`, epoch ms, or an ISO string with an offset).
 * @param opts - `strict`: reject unknown event types; `maxEvents`: a lower cap on events.
 * @returns The status: one entry per target cycle in contract order (a `pending` entry for a clock that has not
 *   started; targets that do not apply are left out), the escalation steps, `nextCheckAt` and warnings.
 * @throws SlaError `E_TYPE` (not a contract or ticket), `E_OPTION`, `E_NOW_INVALID`, `E_LIMIT`, `E_INSTANT`,
 *   `E_INSTANT_RANGE`, `E_EVENT`, `E_EVENT_CONFLICT`, `E_EVENT_TYPE`, `E_LEVEL`, `E_NO_WORKING_TIME`.
 * @example
 * ```ts
 * // Seed 001: respond within 1 h (24x7); remind at 30 and 45 min, reassign at 45.
 * const status = evaluateTicket(contract, {
 *   id: "T-1",
 *   level: "general",
 *   events: [{ type: "opened", at: "2025-03-03T09:00:00+08:00" }],
 * }, "2025-03-03T09:40:00+08:00");
 * status.targets[0].state;                    //=> "running"
 * status.targets[0].dueAt;                    //=> 2025-03-03T02:00:00.000Z (10:00 +08:00)
 * status.escalations.map((s) => s.state);     //=> ["due", "scheduled", "scheduled"]
 * status.nextCheckAt;                         //=> 2025-03-03T01:45:00.000Z (09:45 +08:00)
 * ```
 * Gotchas: `dueAt` may be the end of a working day (Mon 18:00) while `lastCompliantAt` is the next opening
 * (Tue 09:00): a reply at Tue 09:00 is still on time. A business-day target ends at the close of business: a
 * reply at 23:00 that day is late.
 * @category Escalation
 */
export function evaluateTicket(
  contract: Contract,
  ticket: Ticket,
  now: Instant,
  opts?: EvaluateTicketOptions,
): TicketStatus {
  // The same type but for the optional fields (`stoppedAt`, `breachedAt`, `tier`): left out, never `undefined`.
  return statusOf(
    foldTicket(contract, ticket, now, opts),
    ticket.channel,
    new Output(asDate),
  ) as TicketStatus;
}

/**
 * `evaluateTicket` with instants as epoch ms (the status a report counts, without a `Date` per instant).
 * @internal
 */
export function evaluateTicketMs(
  contract: Contract,
  ticket: Ticket,
  now: Instant,
): AtInstants<TicketStatus, number> {
  return statusOf(foldTicket(contract, ticket, now), ticket.channel, new Output(asMs));
}

function statusOf<I>(ev: Fold, channel: string | undefined, next: Output<I>): AtInstants<TicketStatus, I> {
  const targets: Status<I>[] = [];
  const escalations: Step<I>[] = [];
  for (const run of ev.runs) {
    if (run === null) continue;
    const tp = run.plan;
    for (const c of run.cycles) if (c.dur !== null) targets.push(cycleStatus(tp, c, ev, escalations, next));
    if (run.pending) targets.push(pendingStatus(tp, run, ev, escalations));
  }
  const e = ev.events;
  const surveys: { channel: string; satisfied: boolean; at: I }[] = [];
  const flat = e.surveys;
  if (flat !== null) {
    for (let i = 0; i < flat.length; i += 3) {
      surveys.push({
        channel: flat[i] as string,
        satisfied: flat[i + 1] as boolean,
        at: next.date(flat[i + 2] as number),
      });
    }
  }
  return {
    id: ev.ticketId,
    level: e.finalLevel,
    phase: ev.coverage.phase,
    openedAt: next.date(e.openedAt),
    resolvedAt: next.orNull(e.resolvedAt),
    closedAt: next.orNull(e.closedAt),
    channel,
    targets,
    escalations,
    surveys,
    nextCheckAt: next.at === Number.POSITIVE_INFINITY ? null : next.date(next.at),
    warnings: ev.warnings,
  };
}

/**
 * A ticket's evaluation in epoch ms: what reports count.
 * @internal
 */
export function evaluate(
  contract: Contract,
  ticket: Ticket,
  now: Instant,
  opts?: EvaluateTicketOptions,
): Evaluation {
  const s = statusOf(foldTicket(contract, ticket, now, opts), ticket.channel, new Output(asMs));
  return {
    ticketId: s.id,
    now: nowOf(now),
    level: s.level,
    phase: s.phase,
    openedAt: s.openedAt,
    resolvedAt: s.resolvedAt,
    closedAt: s.closedAt,
    channel: s.channel,
    targets: s.targets.map((t) => ({
      id: t.id,
      cycle: t.cycle,
      state: t.state,
      level: t.level,
      targetMs: t.targetMs,
      startedAt: t.startedAt,
      dueAt: t.dueAt,
      lastCompliantAt: t.lastCompliantAt,
      stoppedAt: t.stoppedAt ?? null,
      breachedAt: t.breachedAt ?? null,
      elapsedMs: t.elapsedMs,
      remainingMs: t.remainingMs,
      pausedMs: t.pausedMs,
    })),
    steps: s.escalations.map((e) => ({
      targetId: e.targetId,
      cycle: e.cycle,
      stepId: e.stepId,
      action: e.action,
      to: e.to,
      tier: e.tier,
      state: e.state,
      at: e.at,
    })),
    surveys: s.surveys,
    nextCheckAt: s.nextCheckAt,
    warnings: s.warnings,
  };
}
