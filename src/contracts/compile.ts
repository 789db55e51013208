/**
 * The checks zod cannot make (calendars, durations, references, conditions, recurrences, the term) and the
 * compiled, frozen `Contract`. Written defensively over the raw data so that it runs, and reports, even where the
 * schema found problems elsewhere.
 * @internal
 * @module
 */

import {
  type Calendar,
  type CalendarSpec,
  civilFromDays,
  compileCalendar,
  DAY,
  type DateKey,
  daysFromCivil,
  daysFromKey,
  daysInMonth,
  engineOf,
  getZone,
  type ParsedDuration,
  parseDateKey,
  parseDuration,
  parseRecurrence,
  type Recurrence,
  resolveWall,
  type Zone,
} from "../calendar/kernel.js";
import { joinPath } from "../errors.js";
import { canonicalFingerprint } from "./canonical.js";
import {
  BUILTIN_EVENT,
  COMPILED,
  type CompiledContract,
  type CompiledInspection,
  type CompiledPhase,
  EVENT_ROLE,
  type FactInfo,
  type FactType,
  kpiRule,
  type TargetRules,
} from "./compiled.js";
import type { IssueDraft } from "./errors.js";
import { CONTRACT_LIMITS } from "./prepass.js";
import { OPERATORS } from "./schemas.js";
import {
  BUILTIN_EVENT_TYPES,
  type CompiledStep,
  type CompiledTarget,
  type ConditionInput,
  type Contract,
  type ContractInput,
  type LevelInput,
  type TargetInput,
} from "./types.js";
import {
  describeValue,
  frozenCopy,
  IssueList,
  isPlainObject,
  own,
  readonlyMap,
  readonlySet,
  suggest,
} from "./util.js";

type Obj = Record<string, unknown>;

const asObject = (v: unknown): Obj | undefined => (isPlainObject(v) ? v : undefined);
const asArray = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** `"PnYnM"` → months, or `undefined`. */
function lengthMonths(text: string): number | undefined {
  const m = /^P(?=\d)(?:(\d{1,3})Y)?(?:(\d{1,4})M)?$/.exec(text);
  return m === null ? undefined : Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0);
}

/** Adds civil months to a day number: the same-numbered day, or the month's last day if it has none. */
function addMonths(day: number, months: number): number {
  const key = civilFromDays(day);
  const total = Math.floor(key / 10_000) * 12 + (Math.floor(key / 100) % 100) - 1 + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return daysFromCivil(y, m, Math.min(key % 100, daysInMonth(y, m)));
}

/** Seconds of a `"HH:MM"` / `"HH:MM:SS"` time of day (not 24:00), or `undefined`. */
function timeSeconds(text: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(text);
  return m === null ? undefined : Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}

function eventsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return asArray(value).filter((v): v is string => typeof v === "string");
}

/** Result of the semantic pass: the issues, and the compiled parts when there are none. @internal */
export interface Compiled {
  readonly issues: readonly IssueDraft[];
  /** Calendar paths whose compilation failed (zod's findings under them are superseded). */
  readonly failedCalendars: ReadonlySet<string>;
  build(): Contract;
}

/**
 * Checks everything the schema cannot and prepares the compiled contract.
 * @internal
 */
export function compileContract(data: unknown): Compiled {
  const issues = new IssueList();
  const failedCalendars = new Set<string>();
  const root = asObject(data) ?? {};

  // Zone.
  const timezone = asString(own(root, "timezone"));
  let zone: Zone | undefined;
  if (timezone !== undefined) zone = issues.run(() => getZone(timezone, "timezone"));

  // Calendars.
  const calendars = new Map<string, Calendar>();
  const calendarsObj = asObject(own(root, "calendars"));
  if (calendarsObj !== undefined) {
    for (const name of Object.keys(calendarsObj)) {
      const path = joinPath("calendars", name);
      const compiled = issues.run(() => compileCalendar(calendarsObj[name] as CalendarSpec, path));
      if (compiled === undefined) failedCalendars.add(path);
      else calendars.set(name, compiled);
    }
    if (Object.keys(calendarsObj).length === 0)
      issues.add("E_MISSING", "calendars", "A contract needs at least one calendar");
  }
  const calendarNames = calendarsObj === undefined ? [] : Object.keys(calendarsObj);
  const calendarRef = (value: unknown, path: string): Calendar | undefined => {
    if (typeof value !== "string") return undefined;
    const found = calendars.get(value);
    if (found === undefined && !calendarNames.includes(value)) {
      issues.add(
        "E_REF_UNKNOWN",
        path,
        `Unknown calendar ${JSON.stringify(value)}${suggest(value, calendarNames)}`,
      );
    }
    return found;
  };

  // Levels and their conditions.
  const levels = asArray(own(root, "levels"));
  const levelIds: string[] = [];
  const facts = new Map<string, FactInfo>();
  const rules: { index: number; id: string; when: ConditionInput }[] = [];
  const seenIds = (kind: string) => {
    const seen = new Map<string, string>();
    return (id: unknown, path: string): void => {
      if (typeof id !== "string") return;
      const first = seen.get(id);
      if (first !== undefined)
        issues.add("E_CONTRACT", path, `Duplicate ${kind} id ${JSON.stringify(id)} (first at ${first})`);
      else seen.set(id, path);
    };
  };
  const levelSeen = seenIds("level");
  levels.forEach((level, i) => {
    const obj = asObject(level);
    if (obj === undefined) return;
    const path = joinPath("levels", i);
    const id = asString(own(obj, "id"));
    levelSeen(id, joinPath(path, "id"));
    if (id !== undefined) levelIds.push(id);
    const when = own(obj, "when");
    if (when !== undefined) {
      const before = issues.issues.length;
      checkCondition(when, joinPath(path, "when"), facts, issues);
      if (id !== undefined && issues.issues.length === before)
        rules.push({ index: i, id, when: when as ConditionInput });
    }
  });
  const levelRef = (value: unknown, path: string): void => {
    if (typeof value === "string" && !levelIds.includes(value)) {
      issues.add(
        "E_REF_UNKNOWN",
        path,
        `Unknown fault level ${JSON.stringify(value)}${suggest(value, levelIds)}`,
      );
    }
  };
  levelRef(own(root, "defaultLevel"), "defaultLevel");

  // Term.
  let phases: CompiledPhase[] | undefined;
  const phaseNames: string[] = [];
  const termObj = asObject(own(root, "term"));
  if (termObj !== undefined) phases = compileTerm(termObj, zone, issues, phaseNames);

  // Tiers.
  const tiers = asArray(own(root, "tiers")).filter((t): t is string => typeof t === "string");
  const tierSeen = seenIds("tier");
  tiers.forEach((t, i) => {
    tierSeen(t, joinPath("tiers", i));
  });

  // Targets.
  const targets = asArray(own(root, "targets"));
  const targetIds: string[] = [];
  const targetSeen = seenIds("target");
  targets.forEach((t, i) => {
    const id = asString(own(asObject(t) ?? {}, "id"));
    targetSeen(id, joinPath(joinPath("targets", i), "id"));
    if (id !== undefined) targetIds.push(id);
  });
  const contractOnLevelChange = own(root, "onLevelChange") === "restart" ? "restart" : "recompute";
  const eventTypes = new Set<string>(BUILTIN_EVENT_TYPES);
  for (const e of asArray(own(root, "eventTypes"))) if (typeof e === "string") eventTypes.add(e);
  const targetParts: {
    id: string;
    path: string;
    calendar: Calendar | undefined;
    breachOf: string | undefined;
    durations: ReadonlyMap<string, ParsedDuration>;
    steps: CompiledStep[];
  }[] = [];
  targets.forEach((t, i) => {
    const obj = asObject(t);
    if (obj === undefined) return;
    const path = joinPath("targets", i);
    const id = asString(own(obj, "id")) ?? "";
    const calendar = calendarRef(own(obj, "calendar"), joinPath(path, "calendar"));
    const start = asObject(own(obj, "start"));
    let breachOf: string | undefined;
    if (start !== undefined) {
      breachOf = asString(own(start, "breachOf"));
      if (breachOf !== undefined && !targetIds.includes(breachOf)) {
        issues.add(
          "E_REF_UNKNOWN",
          joinPath(joinPath(path, "start"), "breachOf"),
          `Unknown target ${JSON.stringify(breachOf)}${suggest(breachOf, targetIds)}`,
        );
        breachOf = undefined;
      }
      for (const e of eventsOf(own(start, "event"))) eventTypes.add(e);
    }
    for (const field of ["stop", "reset", "cancel"])
      for (const e of eventsOf(own(asObject(own(obj, field)) ?? {}, "event"))) eventTypes.add(e);
    const pause = asObject(own(obj, "pause"));
    if (pause !== undefined) {
      for (const field of ["event", "resumeEvent"]) {
        const e = asString(own(pause, field));
        if (e !== undefined) eventTypes.add(e);
      }
    }
    // Durations.
    const durations = new Map<string, ParsedDuration>();
    const duration = own(obj, "duration");
    const durationPath = joinPath(path, "duration");
    if (typeof duration === "string" || typeof duration === "number") {
      const parsed = issues.run(() => parseDuration(duration, durationPath));
      if (parsed !== undefined) durations.set("*", parsed);
    } else if (isPlainObject(duration)) {
      const keys = Object.keys(duration);
      if (keys.length === 0)
        issues.add(
          "E_MISSING",
          durationPath,
          'Expected a duration per level such as { "level1": "PT4H" }, received an empty object',
        );
      for (const key of keys) {
        const at = joinPath(durationPath, key);
        if (key !== "*") levelRef(key, at);
        const value = duration[key];
        if (typeof value === "string" || typeof value === "number") {
          const parsed = issues.run(() => parseDuration(value, at));
          if (parsed !== undefined) durations.set(key, parsed);
        }
      }
    }
    // Phases.
    asArray(own(obj, "phases")).forEach((p, j) => {
      if (typeof p !== "string") return;
      if (p === "warranty" || p === "postWarranty" || phaseNames.includes(p)) return;
      const at = joinPath(joinPath(path, "phases"), j);
      if (termObj === undefined)
        issues.add("E_REF_UNKNOWN", at, `Unknown phase ${JSON.stringify(p)}: the contract has no term`);
      else
        issues.add(
          "E_REF_UNKNOWN",
          at,
          `Unknown phase ${JSON.stringify(p)}${suggest(p, ["warranty", "postWarranty", ...phaseNames])}`,
        );
    });
    // Escalation steps.
    const steps: CompiledStep[] = [];
    const stepSeen = seenIds("step");
    asArray(own(obj, "escalations")).forEach((s, j) => {
      const step = asObject(s);
      if (step === undefined) return;
      const at = joinPath(joinPath(path, "escalations"), j);
      const stepId = asString(own(step, "id"));
      stepSeen(stepId, joinPath(at, "id"));
      const when = asObject(own(step, "at")) ?? {};
      let compiledAt: CompiledStep["at"] | undefined;
      for (const kind of ["after", "beforeDue", "afterDue"] as const) {
        const value = own(when, kind);
        if (value === undefined) continue;
        const whenPath = joinPath(joinPath(at, "at"), kind);
        const parsed = issues.run(() => parseDuration(value, whenPath));
        if (parsed?.kind === "time") compiledAt = { kind, ms: parsed.ms };
        else if (parsed !== undefined) {
          issues.add(
            "E_DURATION",
            whenPath,
            `Escalation times are working time such as "PT30M", received ${describeValue(value)} (business days)`,
          );
        }
      }
      const percent = own(when, "percent");
      if (typeof percent === "number") compiledAt = { kind: "percent", percent };
      const action = asString(own(step, "action"));
      const tier = asString(own(step, "tier"));
      if (tier !== undefined && !tiers.includes(tier)) {
        issues.add(
          "E_REF_UNKNOWN",
          joinPath(at, "tier"),
          tiers.length === 0
            ? `Unknown tier ${JSON.stringify(tier)}: the contract lists no tiers`
            : `Unknown tier ${JSON.stringify(tier)}${suggest(tier, tiers)}`,
        );
      }
      if (action === "escalate" && tier === undefined) {
        issues.add("E_MISSING", joinPath(at, "tier"), 'An "escalate" step needs the tier it escalates to');
      }
      if (stepId !== undefined && compiledAt !== undefined && action !== undefined) {
        steps.push(
          Object.freeze({
            id: stepId,
            at: Object.freeze(compiledAt),
            action,
            to: Object.freeze(asArray(own(step, "to")).filter((r): r is string => typeof r === "string")),
            tier,
          }),
        );
      }
    });
    targetParts.push({ id, path, calendar, breachOf, durations, steps });
  });

  // breachOf chains: no cycles; dependencies first.
  const byId = new Map(targetParts.map((p) => [p.id, p]));
  const inCycle = new Set<string>();
  for (const part of targetParts) {
    const chain: string[] = [part.id];
    let next = part.breachOf;
    while (next !== undefined && !inCycle.has(part.id)) {
      if (next === part.id) {
        for (const id of chain) inCycle.add(id);
        issues.add(
          "E_CONTRACT",
          joinPath(joinPath(part.path, "start"), "breachOf"),
          chain.length === 1
            ? `Target ${JSON.stringify(part.id)} cannot start on its own breach`
            : `Targets form a cycle of breachOf: ${[...chain, part.id].map((c) => JSON.stringify(c)).join(" → ")}`,
        );
        break;
      }
      if (chain.includes(next) || chain.length > targetParts.length) break; // a cycle not through this target
      chain.push(next);
      next = byId.get(next)?.breachOf;
    }
  }

  // Inspections.
  const inspections: CompiledInspection[] = [];
  const inspectionSeen = seenIds("inspection");
  const defaultCalendarName = calendarNames[0];
  asArray(own(root, "inspections")).forEach((item, i) => {
    const obj = asObject(item);
    if (obj === undefined) return;
    const path = joinPath("inspections", i);
    const id = asString(own(obj, "id")) ?? "";
    inspectionSeen(own(obj, "id"), joinPath(path, "id"));
    const name = asString(own(obj, "name"));
    const timeText = asString(own(obj, "time"));
    let seconds = 0;
    if (timeText !== undefined) {
      const s = timeSeconds(timeText);
      if (s === undefined)
        issues.add(
          "E_TIME_SYNTAX",
          joinPath(path, "time"),
          `Expected a time of day "HH:MM" or "HH:MM:SS" (00:00–23:59), received ${describeValue(timeText)}`,
        );
      else seconds = s;
    }
    const due = own(obj, "due");
    const dueValue =
      typeof due === "string" || typeof due === "number"
        ? issues.run(() => parseDuration(due, joinPath(path, "due")))
        : undefined;
    const calendarValue = own(obj, "calendar");
    const calendar =
      calendarValue === undefined
        ? defaultCalendarName === undefined
          ? undefined
          : calendars.get(defaultCalendarName)
        : calendarRef(calendarValue, joinPath(path, "calendar"));
    if (own(obj, "rrule") !== undefined) {
      const startText = asString(own(obj, "start"));
      const startKey =
        startText === undefined ? undefined : dateKey(startText, joinPath(path, "start"), issues);
      if (startKey === undefined) return;
      const rec: Recurrence | undefined = issues.run(() =>
        parseRecurrence(own(obj, "rrule"), startKey, joinPath(path, "rrule")),
      );
      if (rec !== undefined)
        inspections.push({ kind: "recurring", id, name, rec, timeSeconds: seconds, due: dueValue, calendar });
    } else if (own(obj, "atLeast") !== undefined) {
      const atLeast = own(obj, "atLeast");
      const per = own(obj, "per");
      if (typeof atLeast === "number" && (per === "month" || per === "quarter" || per === "year")) {
        inspections.push({ kind: "atLeast", id, name, atLeast, per });
      }
    } else if (own(obj, "dates") !== undefined) {
      const days = new Set<number>();
      asArray(own(obj, "dates")).forEach((d, j) => {
        if (typeof d !== "string") return;
        const key = dateKey(d, joinPath(joinPath(path, "dates"), j), issues);
        if (key === undefined) return;
        const day = daysFromKey(key);
        if (days.has(day))
          issues.add("E_CONTRACT", joinPath(joinPath(path, "dates"), j), `Date ${d} is listed twice`);
        days.add(day);
      });
      inspections.push({
        kind: "named",
        id,
        name,
        days: Object.freeze([...days].sort((a, b) => a - b)),
        timeSeconds: seconds,
        due: dueValue,
        calendar,
      });
    }
  });

  // KPIs.
  const kpiSeen = seenIds("KPI");
  asArray(own(root, "kpis")).forEach((item, i) => {
    const obj = asObject(item);
    if (obj === undefined) return;
    const path = joinPath("kpis", i);
    kpiSeen(own(obj, "id"), joinPath(path, "id"));
    const target = own(obj, "target");
    if (
      own(obj, "kind") === "targetCompliance" &&
      typeof target === "string" &&
      !targetIds.includes(target)
    ) {
      issues.add(
        "E_REF_UNKNOWN",
        joinPath(path, "target"),
        `Unknown target ${JSON.stringify(target)}${suggest(target, targetIds)}`,
      );
    }
    if (own(obj, "kind") === "targetCompliance") levelRef(own(obj, "level"), joinPath(path, "level"));
    const max = own(obj, "max");
    if (own(obj, "kind") === "meanHandlingTime" && (typeof max === "string" || typeof max === "number")) {
      const parsed = issues.run(() => parseDuration(max, joinPath(path, "max")));
      if (parsed !== undefined && parsed.kind !== "time") {
        issues.add(
          "E_DURATION",
          joinPath(path, "max"),
          `A handling time is working time such as "PT6M", received ${describeValue(max)}`,
        );
      }
    }
  });

  return {
    issues: issues.issues,
    failedCalendars,
    build() {
      const input = frozenCopy(data) as ContractInput;
      const orderedParts = dependencyOrder(targetParts);
      const inputTargets = new Map(input.targets.map((t) => [t.id, t]));
      const compiledTargets = orderedParts.map((part) =>
        compileTarget(part, inputTargets.get(part.id) as TargetInput, contractOnLevelChange),
      );
      const compiled = compiledForm({
        input,
        zone: zone as Zone,
        eventTypes: [...eventTypes],
        targets: compiledTargets,
        phases,
        inspections,
        facts,
        rules: rules.map((r) =>
          Object.freeze({ ...r, when: (input.levels[r.index] as LevelInput).when as ConditionInput }),
        ),
      });
      const contract: Contract = Object.freeze({
        id: input.id,
        input,
        timezone: input.timezone,
        calendars: readonlyMap(calendars),
        levels: input.levels as readonly LevelInput[],
        defaultLevel: input.defaultLevel,
        targets: Object.freeze(compiledTargets),
        eventTypes: readonlySet(eventTypes),
        [COMPILED]: compiled,
      });
      return contract;
    },
  };
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

/** The compiled form of a valid contract: what `escalation` and `reporting` read. */
function compiledForm(parts: {
  input: ContractInput;
  zone: Zone;
  eventTypes: readonly string[];
  targets: readonly CompiledTarget[];
  phases: readonly CompiledPhase[] | undefined;
  inspections: readonly CompiledInspection[];
  facts: ReadonlyMap<string, FactInfo>;
  rules: CompiledContract["rules"];
}): CompiledContract {
  const eventNumbers = new Map(parts.eventTypes.map((name, i) => [name, i]));
  const numbers = (names: readonly string[]) =>
    Object.freeze(names.map((n) => eventNumbers.get(n) as number));
  const targetIndex = new Map(parts.targets.map((t, i) => [t.id, i]));
  const targets = parts.targets.map(
    (t, index): TargetRules =>
      Object.freeze({
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
      }),
  );
  return Object.freeze({
    zone: parts.zone,
    fingerprint: canonicalFingerprint(parts.input),
    eventTypes: Object.freeze([...parts.eventTypes]),
    eventNumbers: readonlyMap(eventNumbers),
    levels: readonlySet(parts.input.levels.map((l) => l.id)),
    targets: Object.freeze(targets),
    targetIndex: readonlyMap(targetIndex),
    phases: parts.phases === undefined ? undefined : Object.freeze([...parts.phases]),
    inspections: Object.freeze([...parts.inspections]),
    kpis: Object.freeze(
      (parts.input.kpis ?? []).map((definition) => Object.freeze({ definition, ...kpiRule(definition) })),
    ),
    facts: readonlyMap(parts.facts),
    rules: Object.freeze(parts.rules),
  });
}

function dateKey(text: string, path: string, issues: IssueList): DateKey | undefined {
  const key = parseDateKey(text);
  if (key === undefined) {
    issues.add("E_DATE_SYNTAX", path, `Expected a real date "YYYY-MM-DD", received ${describeValue(text)}`);
    return undefined;
  }
  const year = Math.floor(key / 10_000);
  if (year < 1900 || year > 2199) {
    issues.add("E_DATE_SYNTAX", path, `Date ${text} is outside 1900-01-01 … 2199-12-31`);
    return undefined;
  }
  return key;
}

function compileTerm(
  term: Obj,
  zone: Zone | undefined,
  issues: IssueList,
  phaseNames: string[],
): CompiledPhase[] | undefined {
  const startText = asString(own(term, "startDate"));
  const startKey = startText === undefined ? undefined : dateKey(startText, "term.startDate", issues);
  const inclusive = own(term, "counting") === "inclusive";
  const list = asArray(own(term, "phases"));
  const out: { name: string; kind: "warranty" | "postWarranty"; months: number }[] = [];
  const seen = new Map<string, string>();
  let totalMonths = 0;
  let valid = startKey !== undefined && zone !== undefined;
  list.forEach((p, i) => {
    const obj = asObject(p);
    if (obj === undefined) {
      valid = false;
      return;
    }
    const path = joinPath(joinPath("term", "phases"), i);
    const name = asString(own(obj, "name"));
    const kind = own(obj, "kind");
    if (name !== undefined) {
      const first = seen.get(name);
      if (first !== undefined)
        issues.add(
          "E_CONTRACT",
          joinPath(path, "name"),
          `Duplicate phase name ${JSON.stringify(name)} (first at ${first})`,
        );
      seen.set(name, joinPath(path, "name"));
      phaseNames.push(name);
      if ((name === "warranty" || name === "postWarranty") && typeof kind === "string" && kind !== name) {
        issues.add(
          "E_CONTRACT",
          joinPath(path, "name"),
          `A phase named ${JSON.stringify(name)} must be of kind ${JSON.stringify(name)}, not ${JSON.stringify(kind)}`,
        );
      }
    }
    const length = asString(own(obj, "length"));
    const months = length === undefined ? undefined : lengthMonths(length);
    if (length !== undefined && months === undefined) {
      issues.add(
        "E_DURATION",
        joinPath(path, "length"),
        `Expected a length in years and months such as "P5Y" or "P1Y6M", received ${describeValue(length)}`,
      );
    } else if (months === 0) {
      issues.add(
        "E_DURATION",
        joinPath(path, "length"),
        `A phase lasts at least one month, received ${describeValue(length)}`,
      );
    }
    if (
      months === undefined ||
      months === 0 ||
      name === undefined ||
      (kind !== "warranty" && kind !== "postWarranty")
    ) {
      valid = false;
      return;
    }
    totalMonths += months;
    if (totalMonths > 1200) {
      issues.add("E_LIMIT", joinPath(path, "length"), "The term is longer than 100 years");
      valid = false;
      return;
    }
    out.push({ name, kind, months });
  });
  if (!valid || startKey === undefined || zone === undefined) return undefined;
  const midnight = (day: number) => resolveWall(zone, day * DAY);
  const startDay = daysFromKey(startKey);
  let countFrom = startDay; // exclusive: the day of the event (not counted); inclusive: the first counted day
  let from = midnight(startDay);
  return out.map(({ name, kind, months }) => {
    let lastDay = addMonths(countFrom, months);
    if (inclusive) lastDay -= 1;
    const until = midnight(lastDay + 1);
    const phase: CompiledPhase = Object.freeze({ name, kind, from, until });
    from = until;
    countFrom = inclusive ? lastDay + 1 : lastDay;
    return phase;
  });
}

function checkCondition(
  root: unknown,
  rootPath: string,
  facts: Map<string, FactInfo>,
  issues: IssueList,
): void {
  let nodes = 0;
  let reportedSize = false;
  const visit = (node: unknown, path: string, depth: number): void => {
    const obj = asObject(node);
    if (obj === undefined) return;
    nodes++;
    if (nodes > CONTRACT_LIMITS.conditionNodes) {
      if (!reportedSize)
        issues.add("E_LIMIT", rootPath, `Condition has more than ${CONTRACT_LIMITS.conditionNodes} nodes`);
      reportedSize = true;
      return;
    }
    if (depth > CONTRACT_LIMITS.conditionDepth) {
      issues.add(
        "E_CONDITION_DEPTH",
        path,
        `Condition nested deeper than ${CONTRACT_LIMITS.conditionDepth} levels`,
      );
      return;
    }
    for (const key of ["all", "any"]) {
      const list = own(obj, key);
      if (Array.isArray(list)) {
        list.forEach((c, i) => {
          visit(c, joinPath(joinPath(path, key), i), depth + 1);
        });
      }
    }
    if (own(obj, "not") !== undefined) visit(own(obj, "not"), joinPath(path, "not"), depth + 1);
    const fact = own(obj, "fact");
    const operator = own(obj, "operator");
    if (
      typeof fact !== "string" ||
      typeof operator !== "string" ||
      !(OPERATORS as readonly string[]).includes(operator)
    )
      return;
    const value = own(obj, "value");
    const valuePath = joinPath(path, "value");
    let type: FactType | undefined;
    const scalarType = (v: unknown): "number" | "string" | "boolean" | undefined =>
      typeof v === "number" || typeof v === "string" || typeof v === "boolean"
        ? (typeof v as "number" | "string" | "boolean")
        : undefined;
    switch (operator) {
      case "lessThan":
      case "lessThanInclusive":
      case "greaterThan":
      case "greaterThanInclusive":
        if (typeof value === "number" && Number.isFinite(value)) type = "number";
        else
          issues.add(
            "E_CONDITION",
            valuePath,
            `${operator} compares numbers: expected a number, received ${describeValue(value)}`,
          );
        break;
      case "in":
      case "notIn": {
        const first = Array.isArray(value) ? scalarType(value[0]) : undefined;
        if (Array.isArray(value) && first !== undefined && value.every((v) => scalarType(v) === first))
          type = first;
        else
          issues.add(
            "E_CONDITION",
            valuePath,
            `${operator} needs a non-empty list of values of one type, received ${describeValue(value)}`,
          );
        break;
      }
      default: {
        const t = scalarType(value);
        if (t === undefined) {
          const hint =
            operator === "equal" || operator === "notEqual"
              ? `; use "${operator === "equal" ? "in" : "notIn"}" for a list`
              : "";
          issues.add(
            "E_CONDITION",
            valuePath,
            `${operator} compares one value (a string, number or boolean), received ${describeValue(value)}${hint}`,
          );
        } else type = operator === "contains" || operator === "doesNotContain" ? `array<${t}>` : t;
      }
    }
    if (type === undefined) return;
    const known = facts.get(fact);
    if (known === undefined) facts.set(fact, Object.freeze({ type, operator, path }));
    else if (known.type !== type) {
      issues.add(
        "E_CONDITION",
        joinPath(path, "fact"),
        `Fact ${JSON.stringify(fact)} is used as ${describeType(type)} here (${operator}) but as ${describeType(known.type)} at ${known.path} (${known.operator})`,
      );
    }
  };
  visit(root, rootPath, 1);
}

/** "a number", "a list of strings", … @internal */
export function describeType(type: FactType): string {
  return type.startsWith("array<") ? `a list of ${type.slice(6, -1)}s` : `a ${type}`;
}

function dependencyOrder<T extends { id: string; breachOf: string | undefined }>(parts: readonly T[]): T[] {
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

function compileTarget(
  part: {
    id: string;
    calendar: Calendar | undefined;
    breachOf: string | undefined;
    durations: ReadonlyMap<string, ParsedDuration>;
    steps: CompiledStep[];
  },
  input: TargetInput,
  contractDefault: "recompute" | "restart",
): CompiledTarget {
  const list = (v: string | readonly string[]): readonly string[] =>
    Object.freeze(typeof v === "string" ? [v] : [...v]);
  const start =
    "breachOf" in input.start
      ? Object.freeze({ breachOf: input.start.breachOf })
      : Object.freeze({ events: list(input.start.event) });
  const durations = part.durations;
  const fallback = durations.get("*");
  const pause =
    input.pause === undefined
      ? undefined
      : "statuses" in input.pause
        ? Object.freeze({ kind: "statuses" as const, statuses: Object.freeze([...input.pause.statuses]) })
        : Object.freeze({
            kind: "events" as const,
            event: input.pause.event,
            resumeEvent: input.pause.resumeEvent,
          });
  return Object.freeze({
    id: part.id,
    input,
    calendar: part.calendar as Calendar,
    start,
    stopEvents: list(input.stop.event),
    resetEvents: input.reset === undefined ? Object.freeze([]) : list(input.reset.event),
    cancelEvents: input.cancel === undefined ? Object.freeze([]) : list(input.cancel.event),
    pause,
    durationFor: (level: string) => (durations.has(level) && level !== "*" ? durations.get(level) : fallback),
    phases: input.phases === undefined ? undefined : Object.freeze([...input.phases]),
    onLevelChange: input.onLevelChange ?? contractDefault,
    steps: Object.freeze(part.steps),
  });
}
