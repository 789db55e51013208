/**
 * Judging the contract's KPIs from the mergeable figures of a report. Every comparison is exact: ratios are
 * compared as integer cross-products against the threshold's decimal digits (BigInt), so display rounding
 * never flips a verdict.
 * @internal
 * @module
 */
import { DAY, parseDuration } from "../calendar/kernel.js";
import type { KpiInput } from "../contracts/index.js";
import { type KpiRule, kpiRule } from "../contracts/kernel.js";
import { describeValue } from "../errors.js";
import type { ReportBody } from "./figure.js";
import { failRead, readObject, readText, readWord } from "./report-json.js";
import type { KpiResult } from "./types.js";

/** `x` as an exact fraction `n / d` of its shortest decimal representation. @internal */
export function decimalFraction(x: number): [bigint, bigint] {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (m === null) return [0n, 1n]; // NaN or Infinity never reach here: contracts validate thresholds
  const [, sign, int, frac = "", exp = "0"] = m;
  let n = BigInt(`${sign}${int}${frac}`);
  let d = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e >= 0) n *= 10n ** BigInt(e);
  else d *= 10n ** BigInt(-e);
  return [n, d];
}

/** `num / den >= x` exactly (`den > 0`). @internal */
export function ratioAtLeast(num: number, den: number, x: number): boolean {
  const [n, d] = decimalFraction(x);
  return BigInt(num) * d >= n * BigInt(den);
}

/** `num / den <= x` exactly (`den > 0`). @internal */
export function ratioAtMost(num: number, den: number, x: number): boolean {
  const [n, d] = decimalFraction(x);
  return BigInt(num) * d <= n * BigInt(den);
}

/** `0.98` → `"98 %"`, `0.955` → `"95.5 %"`. @internal */
export function percentText(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(12))} %`;
}

/** `360000` → `"6 min"`, `5400000` → `"1 h 30 min"`, `1500` → `"1.5 s"`. @internal */
export function durationText(ms: number): string {
  if (ms < 60_000) return `${Number((ms / 1000).toPrecision(12))} s`;
  const parts: string[] = [];
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.round((ms % 60_000) / 100) / 10;
  if (d > 0) parts.push(`${d} d`);
  if (h > 0) parts.push(`${h} h`);
  if (m > 0) parts.push(`${m} min`);
  if (s > 0) parts.push(`${s} s`);
  return parts.join(" ");
}

function judge(
  def: KpiInput,
  { unit, comparison, threshold }: KpiRule,
  label: string,
  numerator: number,
  denominator: number,
  note: string,
): KpiResult {
  const base = {
    id: def.id,
    kind: def.kind,
    definition: def,
    label,
    unit,
    comparison,
    threshold,
    numerator,
    denominator,
  };
  if (denominator === 0) return { ...base, status: "noData", value: null, note };
  const ok =
    comparison === "atLeast"
      ? ratioAtLeast(numerator, denominator, threshold)
      : ratioAtMost(numerator, denominator, threshold);
  return { ...base, status: ok ? "pass" : "fail", value: numerator / denominator };
}

function judgeKpi(def: KpiInput, rule: KpiRule, r: ReportBody): KpiResult {
  switch (def.kind) {
    case "satisfaction": {
      const s = r.satisfaction.find((c) => c.channel === def.channel);
      const label = `Satisfaction (${def.channel}) ≥ ${percentText(rule.threshold)}`;
      const note = `no surveys of channel "${def.channel}"`;
      return judge(def, rule, label, s?.satisfied ?? 0, s?.surveys ?? 0, note);
    }
    case "meanHandlingTime": {
      const c = r.channels.find((x) => x.channel === def.channel);
      const label = `Mean handling time (${def.channel}) ≤ ${durationText(rule.threshold)}`;
      const note = `no resolved tickets of channel "${def.channel}"`;
      return judge(def, rule, label, c?.handlingSumMs ?? 0, c?.resolved ?? 0, note);
    }
    case "resolutionRate": {
      let tickets = r.tickets.count;
      let resolved = r.tickets.resolved;
      if (def.channel !== undefined) {
        const c = r.channels.find((x) => x.channel === def.channel);
        tickets = c?.tickets ?? 0;
        resolved = c?.resolved ?? 0;
      }
      const scope = def.channel === undefined ? "" : ` (${def.channel})`;
      const note = def.channel === undefined ? "no tickets" : `no tickets of channel "${def.channel}"`;
      return judge(
        def,
        rule,
        `Resolution rate${scope} ≥ ${percentText(rule.threshold)}`,
        resolved,
        tickets,
        note,
      );
    }
    case "targetCompliance": {
      let met = 0;
      let decided = 0;
      for (const t of r.targets) {
        if (t.targetId !== def.target || (def.level !== undefined && t.level !== def.level)) continue;
        met += t.counts.met;
        decided += t.decided;
      }
      const scope = def.level === undefined ? def.target : `${def.target}, ${def.level}`;
      const label = `Compliance (${scope}) ≥ ${percentText(rule.threshold)}`;
      return judge(def, rule, label, met, decided, "no decided cycles of this target");
    }
    case "inspectionCompliance": {
      const i = r.inspections;
      const note = !i.provided ? "no performed inspections were given" : "no inspection was due";
      const label = `Inspections done ≥ ${percentText(rule.threshold)}`;
      return judge(def, rule, label, i.done, i.provided ? i.due : 0, note);
    }
    default:
      return unknownKpi(def);
  }
}

function unknownKpi(def: KpiInput): KpiResult {
  const unknown = def as { id: string; kind: string };
  return {
    id: unknown.id,
    kind: unknown.kind as KpiInput["kind"],
    definition: def,
    label: `Unknown KPI kind ${unknown.kind}`,
    status: "noData",
    unit: "ratio",
    comparison: "atLeast",
    threshold: 0,
    value: null,
    numerator: 0,
    denominator: 0,
    note: `unknown KPI kind "${unknown.kind}"`,
  };
}

/**
 * Judges each KPI of the contract against the report's figures.
 *
 * - `satisfaction`: satisfied / all surveys of that channel answered on the report's tickets by `now`.
 * - `meanHandlingTime`: mean wall-clock time from opening to resolution of the resolved tickets of the
 *   channel; passes when the mean is at most `max` (exactly on target passes).
 * - `resolutionRate`: resolved / all tickets (of the channel, if given).
 * - `targetCompliance`: met / decided cycles of the target (at the level, if given).
 * - `inspectionCompliance`: planned inspections done / done or due.
 *
 * A KPI without data (no surveys, no tickets, nothing decided, nothing due) is `"noData"`, never a pass.
 *
 * @param defs - The KPIs as the report's contract section states them.
 * @param rules - How each is judged, in the same order (the compiled contract's); `undefined` to derive
 *   them from the definitions with `kpiRule` (a report read back).
 * @param r - The report's figures.
 * @returns One verdict per KPI, in order.
 * @internal
 */
export function deriveKpis(
  defs: readonly KpiInput[],
  rules: readonly KpiRule[] | undefined,
  r: ReportBody,
): KpiResult[] {
  return defs.map((def, i) => judgeKpi(def, rules?.[i] ?? kpiRule(def), r));
}

const KPI_KINDS: readonly KpiInput["kind"][] = [
  "satisfaction",
  "meanHandlingTime",
  "resolutionRate",
  "targetCompliance",
  "inspectionCompliance",
];

/** A non-empty string; fails at `path` otherwise. */
function readName(v: unknown, path: string): string {
  const text = readText(v, path);
  if (text.length === 0) failRead("expected a non-empty string", path);
  return text;
}

/** A ratio from 0 to 1; fails at `path` otherwise. */
function readRatio(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1)
    failRead(`expected a ratio from 0 to 1, received ${describeValue(v)}`, path);
  return v;
}

/**
 * A KPI of a report read back, checked field by field as `parseContract` would accept it (its references are
 * not checked: the report holds no contract to check them against), copied with only its known fields. So a
 * tampered KPI (`null`, no channel, `min: "abc"`, an unknown kind) is refused with its path rather than judged
 * into a label such as `"Satisfaction (undefined) ≥ NaN %"`.
 *
 * @param v - `contract.kpis[i]` of the report.
 * @param path - Its JSON path, e.g. `"a.contract.kpis[0]"`.
 * @returns The KPI.
 * @throws SlaError `E_OPTION` at the malformed field, `E_DURATION` at `….max` for a bad handling-time maximum.
 * @internal
 */
export function readKpi(v: unknown, path: string): KpiInput {
  const o = readObject(v, path);
  const common: { id: string; name?: string; description?: string } = { id: readName(o.id, `${path}.id`) };
  if (o.name !== undefined) common.name = readText(o.name, `${path}.name`);
  if (o.description !== undefined) common.description = readText(o.description, `${path}.description`);
  const kind = readWord(o.kind, KPI_KINDS, `${path}.kind`);
  const at = (key: string): string => `${path}.${key}`;
  switch (kind) {
    case "satisfaction":
      return {
        ...common,
        kind,
        channel: readName(o.channel, at("channel")),
        min: readRatio(o.min, at("min")),
      };
    case "meanHandlingTime": {
      const max = o.max;
      parseDuration(max, at("max")); // throws E_DURATION at the path
      return { ...common, kind, channel: readName(o.channel, at("channel")), max: max as string | number };
    }
    case "resolutionRate":
      return {
        ...common,
        kind,
        min: readRatio(o.min, at("min")),
        ...(o.channel === undefined ? {} : { channel: readName(o.channel, at("channel")) }),
      };
    case "targetCompliance":
      return {
        ...common,
        kind,
        target: readName(o.target, at("target")),
        ...(o.level === undefined ? {} : { level: readName(o.level, at("level")) }),
        min: readRatio(o.min, at("min")),
      };
    default:
      return { ...common, kind, min: readRatio(o.min, at("min")) };
  }
}
