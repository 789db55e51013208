/**
 * The contracts module's one internal door for `escalation` and `reporting`: the compiled form of a contract and
 * the functions over it in epoch ms. Modules above import `contracts` only through `index.ts` (public) or this
 * file (an architecture test checks it).
 * @internal
 * @module
 */
export { canonicalFingerprint, compareText, hashText, stableStringify } from "./canonical.js";
export { kpiRule } from "./compile/kpis.js";
export {
  BUILTIN_EVENT,
  type CompiledContract,
  type CompiledInspection,
  type CompiledKpi,
  type CompiledPhase,
  compiledOf,
  EVENT_ROLE,
  type KpiRule,
  type TargetRules,
} from "./compiled.js";
export { phaseAt } from "./coverage.js";
export { type PlannedInspection, planInspections } from "./inspection-plan.js";
export { schemas } from "./schemas.js";
