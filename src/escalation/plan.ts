/**
 * A contract prepared for evaluation: event types numbered, each target's roles per event type in a byte
 * table, calendars' engines resolved, chains (`breachOf`) resolved to indexes. Built once per contract and
 * kept in a `WeakMap` (an internal memo: it changes no result and dies with the contract).
 * @internal
 * @module
 */

import { type Engine, engineOf, type ParsedDuration } from "../calendar/kernel.js";
import type { CompiledStep, CompiledTarget, Contract } from "../contracts/index.js";
import { type CompiledPhase, compiledOf, phaseAt as termPhaseAt } from "../contracts/kernel.js";
import { describeValue, SlaError } from "../errors.js";

/** Built-in event types get fixed numbers. */
export const OPENED = 0;
export const LEVEL_CHANGED = 1;
export const STATUS_CHANGED = 2;
export const RESOLVED = 3;
export const REOPENED = 4;
export const CLOSED = 5;
export const SURVEY = 6;
const BUILTINS = ["opened", "levelChanged", "statusChanged", "resolved", "reopened", "closed", "survey"];

/** Role bits of an event type for one target (0: the target ignores it). */
export const START = 1;
export const STOP = 2;
export const RESET = 4;
export const CANCEL = 8;
export const PAUSE = 16;
export const RESUME = 32;
/** A level change (every target follows the level). */
export const LEVEL = 64;
/** A status change, for a target paused by statuses. */
export const STATUS = 128;

/** No pause rule, a pause/resume event pair, or pausing statuses. */
export const PAUSE_NONE = 0;
export const PAUSE_EVENTS = 1;
export const PAUSE_STATUSES = 2;

export interface TargetPlan {
  readonly target: CompiledTarget;
  readonly id: string;
  readonly index: number;
  readonly engine: Engine;
  /** Role bits per event type number. */
  readonly roles: Uint8Array;
  /** Index of the `breachOf` parent, or -1. */
  readonly parent: number;
  readonly pauseKind: 0 | 1 | 2;
  readonly statuses: ReadonlySet<string>;
  readonly onLevelChange: "recompute" | "restart";
  readonly steps: readonly StepPlan[];
  /** `durationFor` memo: `null` for a level not subject to the target. */
  readonly durations: Map<string, ParsedDuration | null>;
  lastLevel: string;
  lastDuration: ParsedDuration | null;
}

/** An escalation step, with the tails of its keys (`/target/cycle/step`) by cycle, built on first use. */
export interface StepPlan {
  readonly step: CompiledStep;
  readonly keyTails: string[];
}

/** At most this many cycles get their key tails kept. */
const KEPT_KEY_TAILS = 16;

/** A step's key: `ticket/target/cycle/step`. */
export function stepKey(ticketId: string, tp: TargetPlan, sp: StepPlan, cycle: number): string {
  let tail = sp.keyTails[cycle];
  if (tail === undefined) {
    tail = `/${tp.id}/${cycle}/${sp.step.id}`;
    if (cycle < KEPT_KEY_TAILS) sp.keyTails[cycle] = tail;
  }
  return ticketId + tail;
}

export interface Plan {
  /** Every event type the contract knows → its number. */
  readonly types: ReadonlyMap<string, number>;
  /** Event type names by number. */
  readonly names: readonly string[];
  /** Targets in contract order. */
  readonly targets: readonly TargetPlan[];
  /** Evaluation order: every `breachOf` parent before its child. */
  readonly order: readonly number[];
  readonly byId: ReadonlyMap<string, number>;
  readonly levels: ReadonlySet<string>;
  /** The phases of the contract term with their instants (from `parseContract`), or `undefined` without a term. */
  readonly phases: readonly CompiledPhase[] | undefined;
}

/** The phase of the contract term in force at an instant (what `coverageAt` says, without allocating). */
export interface Coverage {
  readonly phase: "before" | "warranty" | "postWarranty" | "expired" | "none";
  readonly name?: string;
}

const NO_TERM: Coverage = Object.freeze({ phase: "none" });
const BEFORE: Coverage = Object.freeze({ phase: "before" });
const EXPIRED: Coverage = Object.freeze({ phase: "expired" });

/** The phase at `t`, as `coverageAt` of `slakit/contracts` computes it. */
export function phaseAt(plan: Plan, t: number): Coverage {
  const found = termPhaseAt(plan.phases, t);
  if (found === "none") return NO_TERM;
  if (found === "before") return BEFORE;
  if (found === "expired") return EXPIRED;
  return { phase: found.kind, name: found.name };
}

const plans = new WeakMap<object, Plan>();

function notAContract(value: unknown): SlaError {
  return new SlaError(
    "E_TYPE",
    `Expected a Contract from parseContract(), received ${describeValue(value)}`,
    "contract",
  );
}

/** The plan of a contract (built on first use). */
export function planOf(contract: Contract): Plan {
  if (typeof contract !== "object" || contract === null) throw notAContract(contract);
  let plan = plans.get(contract);
  if (plan === undefined) {
    const { phases } = compiledOf(contract);
    plan = buildPlan(contract, contract.targets, phases);
    plans.set(contract, plan);
  }
  return plan;
}

function asList(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : value;
}

function buildPlan(
  contract: Contract,
  targets: readonly CompiledTarget[],
  phases: readonly CompiledPhase[] | undefined,
): Plan {
  const types = new Map<string, number>();
  const add = (name: string) => {
    if (!types.has(name)) types.set(name, types.size);
  };
  for (const name of BUILTINS) add(name);
  for (const name of contract.eventTypes) add(name);
  for (const t of targets) {
    if ("events" in t.start) for (const name of t.start.events) add(name);
    for (const name of [...t.stopEvents, ...asList(t.resetEvents), ...asList(t.cancelEvents)]) add(name);
    if (t.pause?.kind === "events") {
      add(t.pause.event);
      add(t.pause.resumeEvent);
    }
  }
  const byId = new Map<string, number>();
  for (const [i, t] of targets.entries()) byId.set(t.id, i);
  const plans: TargetPlan[] = targets.map((t, index) => {
    const roles = new Uint8Array(types.size);
    roles[LEVEL_CHANGED] = LEVEL;
    const mark = (names: readonly string[], bit: number) => {
      for (const name of names) {
        const n = types.get(name) as number;
        roles[n] = (roles[n] as number) | bit;
      }
    };
    let parent = -1;
    if ("events" in t.start) mark(t.start.events, START);
    else {
      const p = byId.get(t.start.breachOf);
      if (p === undefined || p === index) {
        throw new SlaError(
          "E_REF_UNKNOWN",
          `Target "${t.id}" starts on the breach of an unknown target "${t.start.breachOf}"`,
          `targets[${index}].start.breachOf`,
        );
      }
      parent = p;
    }
    mark(t.stopEvents, STOP);
    mark(asList(t.resetEvents), RESET);
    mark(asList(t.cancelEvents), CANCEL);
    let pauseKind: 0 | 1 | 2 = PAUSE_NONE;
    let statuses: ReadonlySet<string> = new Set();
    if (t.pause?.kind === "events") {
      pauseKind = PAUSE_EVENTS;
      mark([t.pause.event], PAUSE);
      mark([t.pause.resumeEvent], RESUME);
    } else if (t.pause?.kind === "statuses") {
      pauseKind = PAUSE_STATUSES;
      statuses = new Set(t.pause.statuses);
      roles[STATUS_CHANGED] = (roles[STATUS_CHANGED] as number) | STATUS;
    }
    return {
      target: t,
      id: t.id,
      index,
      engine: engineOf(t.calendar),
      roles,
      parent,
      pauseKind,
      statuses,
      onLevelChange: t.onLevelChange === "restart" ? "restart" : "recompute",
      steps: (t.steps ?? []).map((step) => ({ step, keyTails: [] })),
      durations: new Map(),
      lastLevel: "",
      lastDuration: null,
    };
  });
  // Parents first; a cycle of breachOf references cannot be evaluated.
  const order: number[] = [];
  const placed = new Uint8Array(plans.length);
  for (let round = 0; order.length < plans.length; round++) {
    if (round > plans.length) {
      throw new SlaError("E_CONTRACT", "The targets' breachOf references form a cycle", "targets");
    }
    for (const p of plans) {
      if (placed[p.index] === 0 && (p.parent === -1 || placed[p.parent] === 1)) {
        placed[p.index] = 1;
        order.push(p.index);
      }
    }
  }
  return {
    types,
    names: [...types.keys()],
    targets: plans,
    order,
    byId,
    levels: new Set(contract.levels.map((l) => l.id)),
    phases,
  };
}

/** The duration of a target for a level, or `null` when the level is not subject to it. */
export function durationOf(tp: TargetPlan, level: string): ParsedDuration | null {
  if (level === tp.lastLevel) return tp.lastDuration;
  let d = tp.durations.get(level);
  if (d === undefined) {
    d = tp.target.durationFor(level) ?? null;
    tp.durations.set(level, d);
  }
  tp.lastLevel = level;
  tp.lastDuration = d;
  return d;
}
