/**
 * The frozen `Contract` of a valid contract, and the `CompiledContract` it carries for `escalation` and
 * `reporting`: event types numbered, targets' rules parents first with each event type's roles, durations by
 * level, phases and inspections, KPI rules.
 * @internal
 * @module
 */
import { type Calendar, engineOf, type ParsedDuration, type Zone } from "../../calendar/kernel.js";
import { canonicalFingerprint } from "../canonical.js";
import {
  BUILTIN_EVENT,
  COMPILED,
  type CompiledContract,
  type CompiledInspection,
  type CompiledPhase,
  EVENT_ROLE,
  type FactInfo,
  type TargetRules,
} from "../compiled.js";
import { frozenCopy, readonlyMap, readonlySet } from "../freeze.js";
import type {
  CompiledTarget,
  ConditionInput,
  Contract,
  ContractInput,
  LevelInput,
  TargetInput,
} from "../types.js";
import type { LevelRule } from "./conditions.js";
import { compileKpis } from "./kpis.js";
import { compileTarget, dependencyOrder, type TargetPart } from "./targets.js";

/** What the checks of a valid contract found, for building it. @internal */
export interface ContractParts {
  /** The contract data (after the prepass), valid. */
  readonly data: unknown;
  readonly zone: Zone;
  readonly calendars: ReadonlyMap<string, Calendar>;
  readonly eventTypes: ReadonlySet<string>;
  /** One per target, in document order. */
  readonly targets: readonly TargetPart[];
  readonly phases: readonly CompiledPhase[] | undefined;
  readonly inspections: readonly CompiledInspection[];
  readonly facts: ReadonlyMap<string, FactInfo>;
  readonly rules: readonly LevelRule[];
}

/**
 * The frozen contract: a frozen copy of the input, the public compiled targets in dependency order, and the
 * compiled form under {@link COMPILED}.
 * @internal
 */
export function buildContract(parts: ContractParts): Contract {
  const input = frozenCopy(parts.data) as ContractInput;
  const inputTargets = new Map(input.targets.map((t) => [t.id, t]));
  const onLevelChange = input.onLevelChange === "restart" ? "restart" : "recompute";
  const targets = dependencyOrder(parts.targets).map((part) =>
    compileTarget(part, inputTargets.get(part.id) as TargetInput, onLevelChange),
  );
  const rules = parts.rules.map((r) =>
    Object.freeze({ ...r, when: (input.levels[r.index] as LevelInput).when as ConditionInput }),
  );
  return Object.freeze({
    id: input.id,
    input,
    timezone: input.timezone,
    calendars: readonlyMap(parts.calendars),
    levels: input.levels as readonly LevelInput[],
    defaultLevel: input.defaultLevel,
    targets: Object.freeze(targets),
    eventTypes: readonlySet(parts.eventTypes),
    [COMPILED]: compiledForm(input, parts, targets, rules),
  });
}

/** The compiled form of a valid contract: what `escalation` and `reporting` read. */
function compiledForm(
  input: ContractInput,
  parts: ContractParts,
  targets: readonly CompiledTarget[],
  rules: CompiledContract["rules"],
): CompiledContract {
  const eventTypes = [...parts.eventTypes];
  const eventNumbers = new Map(eventTypes.map((name, i) => [name, i]));
  const targetIndex = new Map(targets.map((t, i) => [t.id, i]));
  const levelIds = input.levels.map((l) => l.id);
  return Object.freeze({
    zone: parts.zone,
    fingerprint: canonicalFingerprint(input),
    eventTypes: Object.freeze(eventTypes),
    eventNumbers: readonlyMap(eventNumbers),
    levels: readonlySet(levelIds),
    levelIndex: readonlyMap(new Map(levelIds.map((id, i) => [id, i]))),
    targets: Object.freeze(
      targets.map((t, index) => targetRules(t, index, { eventNumbers, targetIndex, levelIds })),
    ),
    targetIndex: readonlyMap(targetIndex),
    phases: parts.phases === undefined ? undefined : Object.freeze([...parts.phases]),
    inspections: Object.freeze([...parts.inspections]),
    kpis: compileKpis(input.kpis),
    facts: readonlyMap(parts.facts),
    rules: Object.freeze(rules),
  });
}

/** The numbering tables a target's rules refer to. */
interface Numbering {
  readonly eventNumbers: ReadonlyMap<string, number>;
  readonly targetIndex: ReadonlyMap<string, number>;
  readonly levelIds: readonly string[];
}

/** One target's rules: event types by number with their roles, the `breachOf` parent by index. */
function targetRules(t: CompiledTarget, index: number, numbering: Numbering): TargetRules {
  const { eventNumbers, targetIndex } = numbering;
  const numbers = (names: readonly string[]) =>
    Object.freeze(names.map((n) => eventNumbers.get(n) as number));
  return Object.freeze({
    index,
    id: t.id,
    target: t,
    engine: engineOf(t.calendar),
    roles: eventRoles(t, eventNumbers),
    parent: "breachOf" in t.start ? (targetIndex.get(t.start.breachOf) as number) : -1,
    startEvents: "events" in t.start ? numbers(t.start.events) : Object.freeze([]),
    stopEvents: numbers(t.stopEvents),
    resetEvents: numbers(t.resetEvents),
    cancelEvents: numbers(t.cancelEvents),
    pause:
      t.pause === undefined
        ? undefined
        : t.pause.kind === "events"
          ? Object.freeze({
              kind: "events" as const,
              pauseEvent: eventNumbers.get(t.pause.event) as number,
              resumeEvent: eventNumbers.get(t.pause.resumeEvent) as number,
            })
          : Object.freeze({ kind: "statuses" as const, statuses: readonlySet(t.pause.statuses) }),
    durationByLevel: durationByLevel(t, numbering.levelIds),
    appliesInPhases: t.phases === undefined ? undefined : readonlySet(t.phases),
  });
}

/** The duration of each level of the contract that is subject to the target. */
function durationByLevel(
  t: CompiledTarget,
  levelIds: readonly string[],
): ReadonlyMap<string, ParsedDuration> {
  const durations = new Map<string, ParsedDuration>();
  for (const level of levelIds) {
    const duration = t.durationFor(level);
    if (duration !== undefined) durations.set(level, duration);
  }
  return readonlyMap(durations);
}

/** The {@link EVENT_ROLE} bits of every event type for one target. */
function eventRoles(t: CompiledTarget, eventNumbers: ReadonlyMap<string, number>): readonly number[] {
  const roles = new Array<number>(eventNumbers.size).fill(0);
  const mark = (names: readonly string[], bit: number) => {
    for (const name of names) {
      const n = eventNumbers.get(name) as number;
      roles[n] = (roles[n] as number) | bit;
    }
  };
  roles[BUILTIN_EVENT.levelChanged] = EVENT_ROLE.level;
  if ("events" in t.start) mark(t.start.events, EVENT_ROLE.start);
  mark(t.stopEvents, EVENT_ROLE.stop);
  mark(t.resetEvents, EVENT_ROLE.reset);
  mark(t.cancelEvents, EVENT_ROLE.cancel);
  if (t.pause?.kind === "events") {
    mark([t.pause.event], EVENT_ROLE.pause);
    mark([t.pause.resumeEvent], EVENT_ROLE.resume);
  } else if (t.pause?.kind === "statuses") {
    roles[BUILTIN_EVENT.statusChanged] = (roles[BUILTIN_EVENT.statusChanged] as number) | EVENT_ROLE.status;
  }
  return Object.freeze(roles);
}
