/**
 * KPIs: ids once each, the target and level a `targetCompliance` KPI names, the working-time maximum of a
 * `meanHandlingTime` KPI; and how each KPI of a valid contract is judged ({@link kpiRule}).
 * @internal
 * @module
 */
import { DAY, parseDuration } from "../../calendar/kernel.js";
import { describeValue } from "../../errors.js";
import type { CompiledKpi, KpiRule } from "../compiled.js";
import type { KpiInput } from "../types.js";
import type { CompileContext } from "./context.js";

/**
 * Checks the contract's `kpis` against the targets and levels.
 * @internal
 */
export function checkKpis(ctx: CompileContext): void {
  const checkId = ctx.duplicateCheck("KPI id");
  for (const kpi of ctx.root.field("kpis").objects()) {
    checkId(kpi.field("id"));
    const kind = kpi.field("kind").value;
    if (kind === "targetCompliance") {
      ctx.refer(ctx.targetNames, kpi.field("target"));
      ctx.refer(ctx.levelNames, kpi.field("level"));
    }
    if (kind !== "meanHandlingTime") continue;
    const max = kpi.field("max");
    const parsed = ctx.duration(max);
    if (parsed !== undefined && parsed.kind !== "time") {
      ctx.issues.add(
        "E_DURATION",
        max.path,
        `A handling time is working time such as "PT6M", received ${describeValue(max.value)}`,
      );
    }
  }
}

/**
 * How a KPI is judged. Ratios pass at or above their minimum; a mean handling time passes at or below its
 * maximum, in ms (a `"P…D"` maximum, which `parseContract` refuses but a hand-written report part may carry,
 * counts days of 24 h: handling time is wall-clock time).
 *
 * @param def - A KPI of a contract (or of a report part).
 * @returns Its unit, the comparison that passes and the threshold in that unit.
 * @example
 * ```ts
 * kpiRule({ id: "t", kind: "meanHandlingTime", channel: "phone", max: "PT6M" });
 * //=> { unit: "ms", comparison: "atMost", threshold: 360000 }
 * ```
 * @internal
 */
export function kpiRule(def: KpiInput): KpiRule {
  switch (def.kind) {
    case "meanHandlingTime": {
      const parsed = parseDuration(def.max, "kpis.max");
      return {
        unit: "ms",
        comparison: "atMost",
        threshold: parsed.kind === "time" ? parsed.ms : parsed.days * DAY,
      };
    }
    case "satisfaction":
    case "resolutionRate":
    case "targetCompliance":
    case "inspectionCompliance":
      return { unit: "ratio", comparison: "atLeast", threshold: def.min };
    default:
      return { unit: "ratio", comparison: "atLeast", threshold: 0 };
  }
}

/** The KPIs of a valid contract with their rules. @internal */
export function compileKpis(kpis: readonly KpiInput[] | undefined): readonly CompiledKpi[] {
  return Object.freeze(
    (kpis ?? []).map((definition) => Object.freeze({ definition, ...kpiRule(definition) })),
  );
}
