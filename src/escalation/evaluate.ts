/**
 * `evaluate` and `evaluateTicket`: the state of every clock of a ticket at `now`, the escalation steps, and the
 * next instant anything changes — in epoch ms for reports, and as the public `TicketStatus`.
 * @module
 */

import {
  type EpochMs,
  epochMsOf,
  getZone,
  type Instant,
  workingTimeBetween,
  type Zone,
} from "../calendar/kernel.js";
import type { Contract } from "../contracts/index.js";
import type { TargetRules } from "../contracts/kernel.js";
import { describeValue, SlaError } from "../errors.js";
import { MAX_OUTPUT, type OutputBudget, runTarget } from "./clock.js";
import { dueAtOf, lastCompliantAtOf } from "./deadlines.js";
import {
  type Cycle,
  type Evaluation,
  hasStarted,
  type StartedCycle,
  type StepEvaluation,
  type TargetEvaluation,
  type TargetRun,
} from "./evaluation.js";
import { type Events, MAX_EVENTS, readEvents } from "./events.js";
import {
  appliesIn,
  durationFor,
  type Prepared,
  phaseAtOpening,
  phaseKind,
  prepare,
  type TermPhase,
} from "./prepare.js";
import { toTicketStatus } from "./status.js";
import { addCycleSteps, addIdleSteps, type NextCheck, nextCheck, noteChange } from "./steps.js";
import type { EvaluateTicketOptions, EvaluationWarning, Ticket, TicketStatus } from "./types.js";
import { Warnings } from "./warnings.js";

/** A ticket's events folded into its targets' clocks: what `evaluate` and `explainTarget` read. @internal */
export interface Fold {
  readonly prepared: Prepared;
  readonly ticketId: string;
  readonly now: EpochMs;
  readonly channel: string | undefined;
  readonly events: Events;
  readonly phase: TermPhase;
  /** Per target index; `null` when the target does not apply (phase, or its chain's parent does not apply). */
  readonly runs: readonly (TargetRun | null)[];
  readonly warnings: readonly EvaluationWarning[];
}

function nowOf(now: Instant, zone: Zone | undefined): EpochMs {
  try {
    return epochMsOf(now, "now", zone);
  } catch (e) {
    const reason = e instanceof SlaError ? e.message.split("\n")[0] : String(e);
    throw new SlaError("E_NOW_INVALID", `Invalid now: ${reason}`, "now", { cause: e });
  }
}

interface Options {
  readonly strict: boolean;
  readonly maxEvents: number;
  readonly zone: Zone | undefined;
}

const DEFAULT_OPTIONS: Options = Object.freeze({ strict: false, maxEvents: MAX_EVENTS, zone: undefined });

function optionsOf(opts: EvaluateTicketOptions | undefined): Options {
  if (opts === undefined) return DEFAULT_OPTIONS;
  if (typeof opts !== "object" || opts === null) {
    throw new SlaError(
      "E_OPTION",
      `Expected options as an object, received ${describeValue(opts)}`,
      "options",
    );
  }
  const { strict, maxEvents, timezone } = opts;
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
  const zone = timezone === undefined ? undefined : getZone(timezone, "options.timezone");
  return { strict: strict === true, maxEvents: maxEvents ?? MAX_EVENTS, zone };
}

/**
 * Folds a ticket's events into its targets' clocks, parents before the targets chained to them.
 *
 * @param contract - A contract from `parseContract`.
 * @param ticket - The ticket.
 * @param now - The instant of evaluation.
 * @param opts - `strict` and `maxEvents`, as for `evaluateTicket`.
 * @returns The fold: the counted events, the phase at opening, each target's run, the warnings.
 * @throws SlaError every error of `evaluateTicket`.
 * @internal
 */
export function foldTicket(
  contract: Contract,
  ticket: Ticket,
  now: Instant,
  opts?: EvaluateTicketOptions,
): Fold {
  const prepared = prepare(contract);
  if (typeof ticket !== "object" || ticket === null) {
    throw new SlaError("E_TYPE", `Expected a ticket object, received ${describeValue(ticket)}`, "ticket");
  }
  const ticketId = ticket.id;
  if (typeof ticketId !== "string") {
    throw new SlaError(
      "E_TYPE",
      `Expected the ticket id as a string, received ${describeValue(ticketId)}`,
      "id",
    );
  }
  const { strict, maxEvents, zone } = optionsOf(opts);
  const t = nowOf(now, zone);
  const warnings = new Warnings();
  const events = readEvents(prepared, ticket, t, strict, maxEvents, zone, warnings);
  const { compiled } = prepared;
  const phase = phaseAtOpening(compiled, events.openedAt);
  const runs: (TargetRun | null)[] = [];
  const output: OutputBudget = { left: MAX_OUTPUT };
  for (const rules of compiled.targets) {
    const parent = rules.parent === -1 ? null : (runs[rules.parent] ?? null);
    const applies = appliesIn(rules, phase) && (rules.parent === -1 || parent !== null);
    runs.push(applies ? runTarget(rules, events, compiled.eventTypes, t, parent, warnings, output) : null);
  }
  return {
    prepared,
    ticketId,
    now: t,
    channel: ticket.channel,
    events,
    phase,
    runs,
    warnings: warnings.finish(),
  };
}

/**
 * A cycle that started, at `now`: its state, deadlines and working times.
 *
 * @param rules - The cycle's target.
 * @param c - The cycle.
 * @param now - The instant of evaluation.
 * @param dueAt - Its `dueAt`, and its `lastCompliantAt` (from `deadlines.ts`).
 * @param lastCompliantAt - See `dueAt`.
 * @param next - Receives the breach of a live cycle not breached yet.
 * @internal
 */
export function cycleEvaluation(
  rules: TargetRules,
  c: StartedCycle,
  now: EpochMs,
  dueAt: EpochMs | null,
  lastCompliantAt: EpochMs | null,
  next: NextCheck,
): TargetEvaluation {
  const breachAt = lastCompliantAt !== null ? lastCompliantAt + 1 : null;
  let breached = c.outcome === "breached";
  let elapsedMs = c.elapsedBeforeMs;
  let pausedMs = c.pausedMs;
  let state: TargetEvaluation["state"];
  if (c.outcome === "live") {
    if (c.runningSince !== null) elapsedMs += workingTimeBetween(rules.engine, c.runningSince, now);
    else pausedMs += workingTimeBetween(rules.engine, c.pausedSince as EpochMs, now);
    if (breachAt !== null && breachAt <= now) {
      breached = true;
      state = "breached";
    } else {
      state = c.runningSince !== null ? "running" : "paused";
      if (breachAt !== null) noteChange(next, breachAt, rules.id, c.index, null);
    }
  } else state = c.outcome;
  return {
    id: rules.id,
    cycle: c.index,
    state,
    level: c.level,
    targetMs: c.businessDays ? undefined : c.budgetMs,
    startedAt: c.startedAt,
    dueAt,
    lastCompliantAt,
    stoppedAt: c.endedAt,
    breachedAt: breached ? breachAt : null,
    elapsedMs,
    remainingMs: breached ? 0 : Math.max(0, c.budgetMs - elapsedMs),
    pausedMs,
  };
}

/** A chained cycle cancelled before it started (its parent was met). @internal */
export function neverStartedEvaluation(rules: TargetRules, c: Cycle): TargetEvaluation {
  return {
    id: rules.id,
    cycle: c.index,
    state: "cancelled",
    level: c.level,
    targetMs: c.duration !== null && c.duration.kind === "time" ? c.duration.ms : undefined,
    startedAt: null,
    dueAt: null,
    lastCompliantAt: null,
    stoppedAt: c.endedAt,
    breachedAt: null,
    elapsedMs: 0,
    remainingMs: 0,
    pausedMs: 0,
  };
}

/** The `pending` entry of a clock that has not started. @internal */
export function pendingEvaluation(run: TargetRun): TargetEvaluation {
  const duration = durationFor(run.rules, run.pendingLevel);
  const targetMs = duration !== null && duration.kind === "time" ? duration.ms : undefined;
  return {
    id: run.rules.id,
    cycle: run.pendingCycle,
    state: "pending",
    level: run.pendingLevel,
    targetMs,
    startedAt: null,
    dueAt: null,
    lastCompliantAt: null,
    stoppedAt: null,
    breachedAt: null,
    elapsedMs: 0,
    remainingMs: targetMs ?? 0,
    pausedMs: 0,
  };
}

/** Appends a target's entries (one per cycle its level is subject to, then a pending one) and their steps. */
function addRun(
  run: TargetRun,
  now: EpochMs,
  next: NextCheck,
  targets: TargetEvaluation[],
  steps: StepEvaluation[],
): void {
  const rules = run.rules;
  for (const c of run.cycles) {
    if (c.duration === null) continue;
    if (!hasStarted(c)) {
      targets.push(neverStartedEvaluation(rules, c));
      addIdleSteps(rules, c.index, "skipped", steps);
      continue;
    }
    const dueAt = dueAtOf(rules, c);
    const lastCompliantAt = lastCompliantAtOf(rules, c, dueAt);
    targets.push(cycleEvaluation(rules, c, now, dueAt, lastCompliantAt, next));
    addCycleSteps(rules, c, now, dueAt, next, steps);
  }
  if (run.pending) {
    targets.push(pendingEvaluation(run));
    addIdleSteps(rules, run.pendingCycle, "scheduled", steps);
  }
}

/** The evaluation of a fold. @internal */
export function evaluationOf(fold: Fold): Evaluation {
  const targets: TargetEvaluation[] = [];
  const steps: StepEvaluation[] = [];
  const next = nextCheck();
  for (const run of fold.runs) if (run !== null) addRun(run, fold.now, next, targets, steps);
  const e = fold.events;
  return {
    ticketId: fold.ticketId,
    now: fold.now,
    level: e.finalLevel,
    phase: phaseKind(fold.phase),
    openedAt: e.openedAt,
    resolvedAt: e.resolvedAt,
    closedAt: e.closedAt,
    channel: fold.channel,
    targets,
    steps,
    surveys: e.surveys,
    nextCheckAt: next.at === Number.POSITIVE_INFINITY ? null : next.at,
    nextChanges: next.changes,
    warnings: fold.warnings,
  };
}

/**
 * Evaluates a ticket at `now` in epoch ms: what `evaluateTicket` reports, without a `Date` or a step key. What
 * reports count.
 *
 * @param contract - A contract from `parseContract`.
 * @param ticket - The ticket.
 * @param now - The instant of evaluation.
 * @param opts - `strict` and `maxEvents`, as for `evaluateTicket`.
 * @returns The evaluation: instants as epoch ms (`null` for none), every target entry with `stoppedAt` and
 *   `breachedAt` (`null` when absent), the steps without keys.
 * @throws SlaError every error of `evaluateTicket`.
 * @example
 * ```ts
 * // Seed 001: respond within 1 h (24x7), opened 09:00 +08:00, evaluated at 09:40.
 * const e = evaluate(contract, ticket, "2025-03-03T09:40:00+08:00");
 * e.targets[0].dueAt;  //=> 1740967200000 (10:00 +08:00)
 * e.nextCheckAt;       //=> 1740966300000 (09:45 +08:00)
 * ```
 * @internal
 */
export function evaluate(
  contract: Contract,
  ticket: Ticket,
  now: Instant,
  opts?: EvaluateTicketOptions,
): Evaluation {
  return evaluationOf(foldTicket(contract, ticket, now, opts));
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
  return toTicketStatus(evaluate(contract, ticket, now, opts));
}
