/**
 * Targets: ids once each, their calendar, durations per level, phases and escalation steps checked against the
 * contract's tables, `breachOf` chains without cycles and put in dependency order, and the event types they
 * name. {@link compileTarget} then makes the public `CompiledTarget` of a valid contract.
 * @internal
 * @module
 */
import type { Calendar, ParsedDuration } from "../../calendar/kernel.js";
import { BUILTIN_EVENT_TYPES, type CompiledStep, type CompiledTarget, type TargetInput } from "../types.js";
import { calendarAt } from "./calendars.js";
import type { CompileContext } from "./context.js";
import { RawNode } from "./raw.js";
import { compileSteps } from "./steps.js";

/** What the checks find out about one target, for building it once the contract is valid. @internal */
export interface TargetPart {
  readonly id: string;
  readonly path: string;
  readonly calendar: Calendar | undefined;
  /** The target it starts on the breach of, when that target exists. */
  readonly breachOf: string | undefined;
  /** Durations by level id, `"*"` for every other level (or for all, given one duration). */
  readonly durations: ReadonlyMap<string, ParsedDuration>;
  readonly steps: readonly CompiledStep[];
}

/**
 * Collects the target ids (each once) into `ctx.targetNames`, before any target is checked: a `breachOf` may
 * name a target further down.
 * @internal
 */
export function collectTargetIds(ctx: CompileContext): void {
  const ids: string[] = [];
  const checkId = ctx.duplicateCheck("target id");
  for (const target of ctx.root.field("targets").items()) {
    const id = target.field("id");
    checkId(id);
    if (id.text !== undefined) ids.push(id.text);
  }
  ctx.targetNames = { noun: "target", names: ids };
}

/**
 * Every event type the contract knows, in numbering order: the built-in types, the contract's `eventTypes`,
 * then those the targets name (start, stop, reset, cancel, pause and resume, target by target).
 * @internal
 */
export function collectEventTypes(root: RawNode): Set<string> {
  const types = new Set<string>(BUILTIN_EVENT_TYPES);
  const add = (names: readonly string[]) => {
    for (const name of names) types.add(name);
  };
  add(root.field("eventTypes").texts());
  for (const target of root.field("targets").objects()) {
    const start = target.field("start");
    if (start.isObject) add(start.field("event").names());
    for (const field of ["stop", "reset", "cancel"]) add(target.field(field).field("event").names());
    const pause = target.field("pause");
    for (const field of ["event", "resumeEvent"]) {
      const name = pause.field(field).text;
      if (name !== undefined) types.add(name);
    }
  }
  return types;
}

/**
 * Checks each target against the contract's tables (calendars, levels, targets, tiers, phases), then the
 * `breachOf` chains for cycles.
 * @returns One part per target that is an object, in document order.
 * @internal
 */
export function compileTargetParts(ctx: CompileContext): TargetPart[] {
  const parts: TargetPart[] = [];
  for (const target of ctx.root.field("targets").objects()) {
    const calendar = calendarAt(ctx, target.field("calendar"));
    const start = target.field("start").field("breachOf");
    const breachOf = ctx.refer(ctx.targetNames, start) ? (start.value as string) : undefined;
    const durations = readDurations(ctx, target.field("duration"));
    checkPhases(ctx, target.field("phases"));
    checkClockEvents(ctx, target);
    const steps = compileSteps(ctx, target.field("escalations"));
    parts.push({
      id: target.field("id").text ?? "",
      path: target.path,
      calendar,
      breachOf,
      durations,
      steps,
    });
  }
  checkBreachCycles(ctx, parts);
  return parts;
}

/** A target's `duration`: one for every level, or one per level id (each id a known level, or `"*"`). */
function readDurations(ctx: CompileContext, node: RawNode): Map<string, ParsedDuration> {
  const durations = new Map<string, ParsedDuration>();
  if (!node.isObject) {
    const parsed = ctx.duration(node);
    if (parsed !== undefined) durations.set("*", parsed);
    return durations;
  }
  const levels = node.keys();
  if (levels.length === 0)
    ctx.issues.add(
      "E_MISSING",
      node.path,
      'Expected a duration per level such as { "level1": "PT4H" }, received an empty object',
    );
  for (const level of levels) {
    const value = node.field(level);
    if (level !== "*") ctx.refer(ctx.levelNames, new RawNode(level, value.path)); // the key, at its path
    const parsed = ctx.duration(value);
    if (parsed !== undefined) durations.set(level, parsed);
  }
  return durations;
}

/**
 * Events that would undo themselves at the instant they act: a pause whose `event` is its `resumeEvent` pauses and
 * resumes the clock at the same instant (it never pauses), and an event that both starts and stops the clock
 * stops it as it starts. Each is an `E_CONTRACT` issue at the second role: `pause.resumeEvent`, or the `stop`
 * event (`stop.event`, or `stop.event[i]` in a list).
 */
function checkClockEvents(ctx: CompileContext, target: RawNode): void {
  const id = target.field("id").text;
  const of = id === undefined ? "" : ` of target ${JSON.stringify(id)}`;
  const pause = target.field("pause");
  const pauseEvent = pause.field("event").text;
  const resume = pause.field("resumeEvent");
  if (pauseEvent !== undefined && resume.text === pauseEvent) {
    ctx.issues.add(
      "E_CONTRACT",
      resume.path,
      `The pause${of} is ended by its own event ${JSON.stringify(pauseEvent)}: the clock would resume at the instant it pauses, so it never pauses; name another resumeEvent (or pause by "statuses")`,
    );
  }
  const starts = new Set(target.field("start").field("event").names());
  if (starts.size === 0) return;
  const stop = target.field("stop").field("event");
  const stops = typeof stop.value === "string" ? [stop] : stop.items();
  for (const event of stops) {
    const name = event.text;
    if (name !== undefined && starts.has(name)) {
      ctx.issues.add(
        "E_CONTRACT",
        event.path,
        `Event ${JSON.stringify(name)} both starts and stops the clock${of}: it would stop at the instant it starts; name different start and stop events`,
      );
    }
  }
}

/** A target's `phases`: each a kind (`"warranty"`, `"postWarranty"`) or the name of a phase of the term. */
function checkPhases(ctx: CompileContext, node: RawNode): void {
  for (const phase of node.items()) ctx.refer(ctx.phaseNames, phase);
}

/** Reports each `breachOf` chain that comes back to its target, once per cycle. */
function checkBreachCycles(ctx: CompileContext, parts: readonly TargetPart[]): void {
  const byId = new Map(parts.map((p) => [p.id, p]));
  const inCycle = new Set<string>();
  for (const part of parts) {
    const chain: string[] = [part.id];
    let next = part.breachOf;
    while (next !== undefined && !inCycle.has(part.id)) {
      if (next === part.id) {
        for (const id of chain) inCycle.add(id);
        ctx.issues.add("E_CONTRACT", `${part.path}.start.breachOf`, cycleMessage(chain));
        break;
      }
      if (chain.includes(next) || chain.length > parts.length) break; // a cycle not through this target
      chain.push(next);
      next = byId.get(next)?.breachOf;
    }
  }
}

function cycleMessage(chain: readonly string[]): string {
  const [first] = chain;
  return chain.length === 1
    ? `Target ${JSON.stringify(first)} cannot start on its own breach`
    : `Targets form a cycle of breachOf: ${[...chain, first].map((c) => JSON.stringify(c)).join(" → ")}`;
}

/**
 * The parts in dependency order: a target chained by `breachOf` after the target it depends on, otherwise in
 * document order (a valid contract has no cycles, so every part is placed).
 * @internal
 */
export function dependencyOrder<T extends { id: string; breachOf: string | undefined }>(
  parts: readonly T[],
): T[] {
  const done = new Set<string>();
  const out: T[] = [];
  let progress = true;
  while (out.length < parts.length && progress) {
    progress = false;
    for (const part of parts) {
      if (done.has(part.id)) continue;
      if (part.breachOf === undefined || done.has(part.breachOf)) {
        out.push(part);
        done.add(part.id);
        progress = true;
      }
    }
  }
  return out;
}

const names = (v: string | readonly string[]): readonly string[] =>
  Object.freeze(typeof v === "string" ? [v] : [...v]);

/**
 * The public form of a target of a valid contract.
 * @param part - What the checks found out about it.
 * @param input - Its validated input.
 * @param contractDefault - The contract's `onLevelChange`.
 * @internal
 */
export function compileTarget(
  part: TargetPart,
  input: TargetInput,
  contractDefault: "recompute" | "restart",
): CompiledTarget {
  const durations = part.durations;
  const fallback = durations.get("*");
  return Object.freeze({
    id: part.id,
    input,
    calendar: part.calendar as Calendar,
    start:
      "breachOf" in input.start
        ? Object.freeze({ breachOf: input.start.breachOf })
        : Object.freeze({ events: names(input.start.event) }),
    stopEvents: names(input.stop.event),
    resetEvents: input.reset === undefined ? Object.freeze([]) : names(input.reset.event),
    cancelEvents: input.cancel === undefined ? Object.freeze([]) : names(input.cancel.event),
    pause: compilePause(input.pause),
    durationFor: (level: string) => (durations.has(level) && level !== "*" ? durations.get(level) : fallback),
    phases: input.phases === undefined ? undefined : Object.freeze([...input.phases]),
    onLevelChange: input.onLevelChange ?? contractDefault,
    steps: Object.freeze([...part.steps]),
  });
}

function compilePause(pause: TargetInput["pause"]): CompiledTarget["pause"] {
  if (pause === undefined) return undefined;
  return "statuses" in pause
    ? Object.freeze({ kind: "statuses" as const, statuses: Object.freeze([...pause.statuses]) })
    : Object.freeze({ kind: "events" as const, event: pause.event, resumeEvent: pause.resumeEvent });
}
