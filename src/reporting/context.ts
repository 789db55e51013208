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
import type { ResolvedOptions } from "./options.js";
import { arrayAt, failRead, isObject } from "./report-json.js";
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

interface Sections {
  readonly contract: ServiceReport["contract"];
  readonly window: ServiceReport["window"];
  readonly options: ServiceReport["options"];
}

function contextOfSections(
  sections: Sections,
  plan: readonly PlanItem[],
  kpiRules: ReportContext["kpiRules"],
  performed: ReportContext["performed"],
): ReportContext {
  return {
    contract: sections.contract,
    window: sections.window,
    options: sections.options,
    zone: getZone(sections.contract.timezone, "contract.timezone"),
    from: Date.parse(sections.window.from),
    to: Date.parse(sections.window.to),
    now: Date.parse(sections.window.now),
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
    window: {
      from: iso(options.from),
      to: iso(options.to),
      now: iso(options.now),
      firstDate: localDate(options.zone, options.from),
      lastDate: localDate(options.zone, options.to - 1),
    },
    options: { rows: options.rows, breaches: options.breaches, exactValues: options.exactValues },
  };
  return contextOfSections(sections, plan, compiled.kpis, options.inspections);
}

function checkSections(report: unknown, path: string): asserts report is ServiceReport {
  if (!isObject(report) || report.format !== "slakit.report/1") {
    failRead(`format "slakit.report/1" missing, received ${describeValue(report)}`, path);
  }
  const r = report as unknown as ServiceReport;
  if (
    !isObject(r.contract) ||
    !isObject(r.window) ||
    !isObject(r.options) ||
    !isObject(r.tickets) ||
    !isObject(r.inspections)
  ) {
    failRead("contract, window, options, tickets or inspections missing", path);
  }
}

function checkOptions(o: ServiceReport["options"], path: string): void {
  const capOk = (v: unknown, words: readonly string[]): boolean =>
    (typeof v === "string" && words.includes(v)) ||
    (typeof v === "number" && Number.isSafeInteger(v) && v >= 0);
  if (!capOk(o.rows, ["all", "breaches"]) || !capOk(o.breaches, ["all"]) || !capOk(o.exactValues, [])) {
    failRead("options.rows, options.breaches or options.exactValues is malformed", `${path}.options`);
  }
}

/**
 * The context of a report read back (built here or parsed from JSON): its header checked, its plan read.
 *
 * @param report - The report.
 * @param path - Its name in messages (`"a"`, `"b"`).
 * @returns The context.
 * @throws SlaError `E_OPTION` when the value is not a report of this format.
 * @internal
 */
export function readContext(report: unknown, path: string): ReportContext {
  checkSections(report, path);
  const plan = readPlan(
    arrayAt(report.inspections as unknown as Record<string, unknown>, "items", `${path}.inspections`),
    `${path}.inspections`,
  );
  checkOptions(report.options, path);
  if (typeof report.contract.fingerprint !== "string" || !Array.isArray(report.contract.kpis)) {
    failRead("contract.fingerprint or contract.kpis is malformed", `${path}.contract`);
  }
  const context = contextOfSections(report, plan, undefined, undefined);
  if (!Number.isFinite(context.from) || !Number.isFinite(context.to) || !Number.isFinite(context.now)) {
    failRead("window.from, window.to or window.now is not an instant", `${path}.window`);
  }
  return context;
}
