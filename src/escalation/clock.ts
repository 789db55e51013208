/**
 * One target's clock over a ticket's events, in integer epoch ms: cycles, pauses, level changes and chained
 * starts. Each role an event can play for the target (see `EVENT_ROLE`) has its handler below.
 * @internal
 * @module
 */
import type { EpochMs } from "../calendar/kernel.js";
import type { TargetRules } from "../contracts/kernel.js";
import { SlaError } from "../errors.js";
import { type Chain, type ChainTrigger, chainFrom, takeTrigger } from "./chain.js";
import {
  applyLevel,
  cancelledBeforeStart,
  finishCycle,
  openCycle,
  pauseCycle,
  resumeCycle,
} from "./cycle.js";
import { isBreachedAt } from "./deadlines.js";
import type { Cycle, StartedCycle, TargetRun } from "./evaluation.js";
import type { Events } from "./events.js";
import { durationFor, EVENT_ROLE } from "./prepare.js";
import { recordFiredSteps } from "./steps.js";
import type { Warnings } from "./warnings.js";

/** The fold of one target's clock while the events are read. */
interface Clock {
  readonly rules: TargetRules;
  /** Event type names by number. */
  readonly eventTypes: readonly string[];
  readonly cycles: Cycle[];
  readonly warnings: Warnings;
  /** What is left of the evaluation's output cap, shared by its targets. */
  readonly output: OutputBudget;
  /** The output entries one cycle costs: its status and its steps. */
  readonly cycleCost: number;
  /** The live cycle: running or paused. */
  current: StartedCycle | null;
  level: string;
  /** Whether the target's pause rule holds the clock: inside a pause/resume pair, or in a pausing status. */
  paused: boolean;
}

/**
 * At most this many entries (target statuses plus escalation steps) in one evaluation's result: events are
 * capped, but resets multiply them by targets and steps, and the result must not outgrow memory.
 * @internal
 */
export const MAX_OUTPUT = 1_000_000;

/** The output entries an evaluation may still produce (starts at {@link MAX_OUTPUT}). @internal */
export interface OutputBudget {
  left: number;
}

/** Roles that end the live cycle. */
const ENDS = EVENT_ROLE.stop | EVENT_ROLE.reset | EVENT_ROLE.cancel;

/**
 * Folds the events into the cycles of one target.
 *
 * @param rules - The target.
 * @param events - The ticket's counted events.
 * @param eventTypes - Event type names by number.
 * @param now - The instant of evaluation.
 * @param parent - The folded parent of a `breachOf` target, else `null`.
 * @param warnings - Receives `DOUBLE_PAUSE`, `RESUME_WITHOUT_PAUSE` and `CHAIN_ALREADY_RUNNING`.
 * @returns The target's cycles, and whether a `pending` entry follows them.
 * @internal
 */
export function runTarget(
  rules: TargetRules,
  events: Events,
  eventTypes: readonly string[],
  now: EpochMs,
  parent: TargetRun | null,
  warnings: Warnings,
  output: OutputBudget,
): TargetRun {
  const clock: Clock = {
    rules,
    eventTypes,
    cycles: [],
    warnings,
    output,
    cycleCost: 1 + rules.target.steps.length,
    current: null,
    level: events.initialLevel,
    paused:
      rules.pause?.kind === "statuses" &&
      events.initialStatus !== undefined &&
      rules.pause.statuses.has(events.initialStatus),
  };
  const chain = parent === null ? null : chainFrom(parent, now);
  const { at, type, value, inputIndex, count } = events;
  const roles = rules.roles;
  for (let k = 0; k < count; k++) {
    const t = at[k] as number;
    if (chain !== null) fireChain(clock, chain, t);
    const role = roles[type[k] as number] as number;
    if (role === 0) continue;
    if ((role & EVENT_ROLE.level) !== 0) onLevelChanged(clock, t, value[k] as string);
    else if ((role & EVENT_ROLE.status) !== 0) onStatusChanged(clock, t, value[k] as string);
    if (clock.current !== null) {
      if ((role & ENDS) !== 0) onEnd(clock, t, role, type[k] as number);
    } else if ((role & EVENT_ROLE.start) !== 0) onStart(clock, t, type[k] as number);
    if ((role & EVENT_ROLE.pause) !== 0) onPause(clock, t, inputIndex[k] as number, type[k] as number);
    if ((role & EVENT_ROLE.resume) !== 0) onResume(clock, t, inputIndex[k] as number, type[k] as number);
  }
  if (chain !== null) fireChain(clock, chain, now);
  const applicable = durationAtNow(clock) !== null;
  const pending =
    chain === null
      ? clock.cycles.length === 0 && applicable
      : clock.current === null && chain.parentWaiting && applicable;
  return {
    rules,
    cycles: clock.cycles,
    pending,
    pendingCycle: clock.cycles.length,
    pendingLevel: clock.level,
  };
}

/** The target's duration for the ticket's level at `now` (the last cycle's, when it has that level). */
function durationAtNow(clock: Clock): ReturnType<typeof durationFor> {
  const last = clock.cycles[clock.cycles.length - 1];
  return last !== undefined && last.level === clock.level
    ? last.duration
    : durationFor(clock.rules, clock.level);
}

/** Opens a cycle at `t` and makes it the live one. */
function startCycle(clock: Clock, t: EpochMs, startedBy: string): void {
  const c = openCycle(clock.rules, clock.cycles.length, t, startedBy, clock.level, clock.paused);
  addCycle(clock, c);
  clock.current = c;
}

/** Appends a cycle, or throws `E_LIMIT` when the result would exceed {@link MAX_OUTPUT} entries. */
function addCycle(clock: Clock, c: Cycle): void {
  clock.output.left -= clock.cycleCost;
  if (clock.output.left < 0) {
    throw new SlaError(
      "E_LIMIT",
      `The result would exceed 1,000,000 entries (target statuses and escalation steps): target "${clock.rules.id}" reached ${clock.cycles.length + 1} cycles`,
      "events",
    );
  }
  clock.cycles.push(c);
}

/** A start event: a new cycle (a start while the clock runs does nothing; the caller checks). */
function onStart(clock: Clock, t: EpochMs, type: number): void {
  startCycle(clock, t, clock.eventTypes[type] as string);
}

/** A stop (met), cancel, or reset (met, and a new cycle at once) of the live cycle. */
function onEnd(clock: Clock, t: EpochMs, role: number, type: number): void {
  const by = clock.eventTypes[type] as string;
  finishCycle(
    clock.rules,
    clock.current as StartedCycle,
    t,
    (role & EVENT_ROLE.cancel) !== 0 ? "cancelled" : "met",
    by,
  );
  clock.current = null;
  if ((role & (EVENT_ROLE.cancel | EVENT_ROLE.stop)) === 0) startCycle(clock, t, by);
}

/**
 * A level change: a live cycle not breached yet (a breach is final) takes the new level's duration from its
 * original start (`"recompute"`, its steps that fired before the change staying due) or ends and starts again
 * at the change (`"restart"`).
 */
function onLevelChanged(clock: Clock, t: EpochMs, level: string): void {
  if (level === clock.level) return;
  clock.level = level;
  const c = clock.current;
  if (c === null || isBreachedAt(clock.rules, c, t)) return;
  if (clock.rules.target.onLevelChange === "restart") {
    finishCycle(clock.rules, c, t, "cancelled", "levelChanged");
    startCycle(clock, t, "levelChanged");
  } else {
    recordFiredSteps(clock.rules, c, t);
    applyLevel(clock.rules, c, level);
  }
}

/** A status change, for a target that pauses in some statuses. */
function onStatusChanged(clock: Clock, t: EpochMs, status: string): void {
  const pause = clock.rules.pause;
  const paused = pause?.kind === "statuses" && pause.statuses.has(status);
  if (paused === clock.paused) return;
  clock.paused = paused;
  const c = clock.current;
  if (c === null) return;
  if (paused) pauseRunning(clock, c, t);
  else resumeCycle(clock.rules, c, t);
}

/** Pauses the live cycle, its steps that already fired kept where they fired. */
function pauseRunning(clock: Clock, c: StartedCycle, t: EpochMs): void {
  recordFiredSteps(clock.rules, c, t);
  pauseCycle(clock.rules, c, t);
}

/** Warns once that a pause or resume event is ignored. */
function ignored(
  clock: Clock,
  code: "DOUBLE_PAUSE" | "RESUME_WITHOUT_PAUSE",
  inputIndex: number,
  type: number,
): void {
  const what =
    code === "DOUBLE_PAUSE" ? "pauses a clock that is already paused" : "resumes a clock that is not paused";
  clock.warnings.once(
    code,
    `Event ${inputIndex} ("${clock.eventTypes[type]}") ${what} and is ignored`,
    inputIndex,
    code === "DOUBLE_PAUSE" ? "doublePause" : "resumeWithoutPause",
  );
}

/** The pause event of a pause/resume pair. */
function onPause(clock: Clock, t: EpochMs, inputIndex: number, type: number): void {
  const c = clock.current;
  if (clock.paused) ignored(clock, "DOUBLE_PAUSE", inputIndex, type);
  else {
    clock.paused = true;
    if (c !== null && c.runningSince !== null) pauseRunning(clock, c, t);
  }
}

/** The resume event of a pause/resume pair. */
function onResume(clock: Clock, t: EpochMs, inputIndex: number, type: number): void {
  const c = clock.current;
  if (!clock.paused) ignored(clock, "RESUME_WITHOUT_PAUSE", inputIndex, type);
  else {
    clock.paused = false;
    if (c !== null && c.runningSince === null) resumeCycle(clock.rules, c, t);
  }
}

/** Applies the chain's triggers at or before `limit`. */
function fireChain(clock: Clock, chain: Chain, limit: EpochMs): void {
  for (let trigger = takeTrigger(chain, limit); trigger !== undefined; trigger = takeTrigger(chain, limit)) {
    onTrigger(clock, chain, trigger);
  }
}

/** A parent cycle's breach starts the chained clock (unless it runs); its end without breach cancels it. */
function onTrigger(clock: Clock, chain: Chain, trigger: ChainTrigger): void {
  if (trigger.action === "start") {
    if (clock.current === null) startCycle(clock, trigger.at, chain.startedBy);
    else {
      const id = clock.rules.id;
      clock.warnings.add(
        "CHAIN_ALREADY_RUNNING",
        `The parent of "${id}" was breached again while "${id}" was running: no second clock`,
      );
    }
  } else if (clock.current === null) {
    addCycle(
      clock,
      cancelledBeforeStart(clock.rules, clock.cycles.length, trigger.at, chain.startedBy, clock.level),
    );
  }
}
