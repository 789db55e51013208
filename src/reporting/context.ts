/**
 * What every figure of a report shares and never changes while tickets are counted: the contract, window and
 * options sections, the zone, the window's instants, the contract's target and level order, the inspection plan
 * and how the KPIs are judged. Made once per report: from a contract and options, or read back from a report.
 * @internal
 * @module
 */
import { type EpochMs, getZone, type Zone } from "../calendar/kernel.js";
import type { Contract, KpiInput } from "../contracts/index.js";
import { type CompiledContract, compareText, type KpiRule } from "../contracts/kernel.js";
import { describeValue, SlaError } from "../errors.js";
import { type PlanItem, readPlan } from "./figures/inspections.js";
import { iso, localDate } from "./instant-text.js";
import { readKpi } from "./kpis.js";
import type { ResolvedOptions } from "./options.js";
import {
  arrayAt,
  failRead,
  isObject,
  objectAt,
  readInstant,
  readObject,
  readText,
  readTextOrNull,
} from "./report-json.js";
import type { ServiceReport } from "./types.js";

/** The context of a report's figures. @internal */
export interface ReportContext {
  readonly contract: ServiceReport["contract"];
  readonly window: ServiceReport["window"];
  readonly options: ServiceReport["options"];
  readonly zone: Zone;
  readonly from: EpochMs;
  readonly to: EpochMs;
  readonly now: EpochMs;
  /** Target id → position in the contract. */
  readonly targetOrder: ReadonlyMap<string, number>;
  /** Level id → position in the contract. */
  readonly levelOrder: ReadonlyMap<string, number>;
  /** The inspections planned over the window. */
  readonly plan: readonly PlanItem[];
  /**
   * How each KPI of `contract.kpis` is judged, in that order (from the compiled contract); `undefined` for a
   * report read back, whose KPIs are judged by their definitions.
   */
  readonly kpiRules: readonly KpiRule[] | undefined;
  /** The performed inspections given to `buildReport`; `undefined` when none were given (or read back). */
  readonly performed: ResolvedOptions["inspections"];
}

/** What reporting reads of a contract before it is known to be one from `parseContract`. */
interface ContractShape {
  readonly id: string;
  readonly timezone: string;
  readonly input: { readonly targets: unknown; readonly levels: unknown };
}

/**
 * Checks that a value has the shape of a contract (id, zone, input with targets and levels).
 * @throws SlaError `E_TYPE` "Expected a contract from parseContract, …" at `contract`.
 * @internal
 */
export function checkContract(contract: unknown): asserts contract is Contract {
  const c = contract as Partial<ContractShape> | null;
  if (
    typeof c !== "object" ||
    c === null ||
    typeof c.id !== "string" ||
    typeof c.timezone !== "string" ||
    typeof c.input !== "object" ||
    c.input === null ||
    !Array.isArray(c.input.targets) ||
    !Array.isArray(c.input.levels)
  ) {
    throw new SlaError(
      "E_TYPE",
      `Expected a contract from parseContract, received ${describeValue(contract)}`,
      "contract",
    );
  }
}

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

function nameOf(x: { readonly name?: string | undefined }): string | null {
  return typeof x.name === "string" ? x.name : null;
}

/** The contract section of a report: id, name, zone, fingerprint, targets and levels with names, KPIs. */
function contractSection(contract: Contract, compiled: CompiledContract): ServiceReport["contract"] {
  const input = contract.input;
  return {
    id: contract.id,
    name: typeof input.name === "string" ? input.name : null,
    timezone: contract.timezone,
    fingerprint: compiled.fingerprint,
    targets: input.targets.map((t) => ({ id: t.id, name: nameOf(t) })),
    levels: input.levels.map((l) => ({ id: l.id, name: nameOf(l) })),
    kpis: JSON.parse(JSON.stringify(input.kpis ?? [])) as KpiInput[],
  };
}

/** The window section of a report: its instants as UTC text, and its first and last local dates. */
function windowSection(zone: Zone, from: EpochMs, to: EpochMs, now: EpochMs): ServiceReport["window"] {
  return {
    from: iso(from),
    to: iso(to),
    now: iso(now),
    firstDate: localDate(zone, from),
    lastDate: localDate(zone, to - 1),
  };
}

interface Sections {
  readonly contract: ServiceReport["contract"];
  readonly window: ServiceReport["window"];
  readonly options: ServiceReport["options"];
}

function contextOfSections(
  sections: Sections,
  zone: Zone,
  [from, to, now]: readonly [EpochMs, EpochMs, EpochMs],
  plan: readonly PlanItem[],
  kpiRules: ReportContext["kpiRules"],
  performed: ReportContext["performed"],
): ReportContext {
  return {
    contract: sections.contract,
    window: sections.window,
    options: sections.options,
    zone,
    from,
    to,
    now,
    targetOrder: orderOf(sections.contract.targets),
    levelOrder: orderOf(sections.contract.levels),
    plan,
    kpiRules,
    performed,
  };
}

/**
 * The context of a new report of a contract.
 *
 * @param contract - The contract (`parseContract`).
 * @param compiled - Its compiled form (`compiledOf(contract)`): fingerprint and KPI rules.
 * @param options - The validated options (`resolveOptions`).
 * @param plan - The inspections planned over the window.
 * @returns The context.
 * @internal
 */
export function contextOf(
  contract: Contract,
  compiled: CompiledContract,
  options: ResolvedOptions,
  plan: readonly PlanItem[],
): ReportContext {
  const sections: Sections = {
    contract: contractSection(contract, compiled),
    window: windowSection(options.zone, options.from, options.to, options.now),
    options: { rows: options.rows, breaches: options.breaches, exactValues: options.exactValues },
  };
  const instants = [options.from, options.to, options.now] as const;
  return contextOfSections(sections, options.zone, instants, plan, compiled.kpis, options.inspections);
}

function readOptions(o: Record<string, unknown>, path: string): ServiceReport["options"] {
  const capOk = (v: unknown, words: readonly string[]): boolean =>
    (typeof v === "string" && words.includes(v)) ||
    (typeof v === "number" && Number.isSafeInteger(v) && v >= 0);
  if (!capOk(o.rows, ["all", "breaches"]) || !capOk(o.breaches, ["all"]) || !capOk(o.exactValues, [])) {
    failRead("options.rows, options.breaches or options.exactValues is malformed", `${path}.options`);
  }
  return {
    rows: o.rows as ServiceReport["options"]["rows"],
    breaches: o.breaches as ServiceReport["options"]["breaches"],
    exactValues: o.exactValues as number,
  };
}

/** The targets or levels of a report's contract section: `{ id, name }` each. */
function readNamed(items: readonly unknown[], path: string): { id: string; name: string | null }[] {
  return items.map((item, i) => {
    const o = readObject(item, `${path}[${i}]`);
    return {
      id: readText(o.id, `${path}[${i}].id`),
      name: readTextOrNull(o.name ?? null, `${path}[${i}].name`),
    };
  });
}

function readContractSection(report: Record<string, unknown>, path: string): ServiceReport["contract"] {
  const where = `${path}.contract`;
  const c = objectAt(report, "contract", path);
  return {
    id: readText(c.id, `${where}.id`),
    name: readTextOrNull(c.name ?? null, `${where}.name`),
    timezone: readText(c.timezone, `${where}.timezone`),
    fingerprint: readText(c.fingerprint, `${where}.fingerprint`),
    targets: readNamed(arrayAt(c, "targets", where), `${where}.targets`),
    levels: readNamed(arrayAt(c, "levels", where), `${where}.levels`),
    kpis: arrayAt(c, "kpis", where).map((k, i) => readKpi(k, `${where}.kpis[${i}]`)),
  };
}

/**
 * The context of a report read back (built here or parsed from JSON): its header checked and rebuilt from the
 * values read (instants parsed with `toEpochMs`, the window's texts and local dates written again), its plan
 * read.
 *
 * @param report - The report.
 * @param path - Its name in messages (`"a"`, `"b"`, `"parts[2]"`).
 * @returns The context.
 * @throws SlaError `E_OPTION` with the path of the first malformed value when the value is not a report of
 *   this format; `E_INSTANT` / `E_INSTANT_RANGE` for a window instant without an offset or out of range;
 *   `E_TZ_UNKNOWN` for an unknown zone; `E_DURATION` for a KPI's malformed handling-time maximum.
 * @internal
 */
export function readContext(report: unknown, path: string): ReportContext {
  if (!isObject(report) || report.format !== "slakit.report/1") {
    failRead(`format "slakit.report/1" missing, received ${describeValue(report)}`, path);
  }
  const contract = readContractSection(report, path);
  const zone = getZone(contract.timezone, `${path}.contract.timezone`);
  const w = objectAt(report, "window", path);
  const from = readInstant(w.from, `${path}.window.from`);
  const to = readInstant(w.to, `${path}.window.to`);
  const now = readInstant(w.now, `${path}.window.now`);
  if (!(from < to)) failRead("window.from is not before window.to", `${path}.window`);
  const options = readOptions(objectAt(report, "options", path), path);
  const inspections = objectAt(report, "inspections", path);
  const plan = readPlan(arrayAt(inspections, "items", `${path}.inspections`), `${path}.inspections`);
  const window = windowSection(zone, from, to, now);
  if (w.firstDate !== window.firstDate || w.lastDate !== window.lastDate) {
    const key = w.firstDate !== window.firstDate ? "firstDate" : "lastDate";
    failRead(
      `window.${key} is not the local date of the window's ${key === "firstDate" ? "start" : "last millisecond"}`,
      `${path}.window.${key}`,
    );
  }
  const sections: Sections = { contract, window, options };
  return contextOfSections(sections, zone, [from, to, now], plan, undefined, undefined);
}
