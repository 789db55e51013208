/**
 * A target's escalation steps: ids once each within the target, a time that is working time (`after`,
 * `beforeDue`, `afterDue`) or a percentage of the duration, and a `tier` among the contract's tiers (one that an
 * `"escalate"` step needs).
 * @internal
 * @module
 */
import { parseDuration } from "../../calendar/kernel.js";
import { describeValue } from "../../errors.js";
import type { CompiledStep } from "../types.js";
import type { CompileContext } from "./context.js";
import type { RawNode } from "./raw.js";

/**
 * Checks the contract's `tiers` (each once) and fills `ctx.tierNames`, which steps refer to.
 * @internal
 */
export function collectTiers(ctx: CompileContext): void {
  const tiers = ctx.root.field("tiers");
  const checkTier = ctx.duplicateCheck("tier id");
  for (const tier of tiers.items()) checkTier(tier);
  const names = tiers.texts();
  ctx.tierNames = {
    noun: "tier",
    names,
    instead: names.length === 0 ? ": the contract lists no tiers" : undefined,
  };
}

/**
 * Checks a target's `escalations`.
 * @returns The steps that are complete (id, time and action), in order.
 * @internal
 */
export function compileSteps(ctx: CompileContext, escalations: RawNode): CompiledStep[] {
  const steps: CompiledStep[] = [];
  const checkId = ctx.duplicateCheck("step id");
  for (const step of escalations.objects()) {
    const id = step.field("id");
    checkId(id);
    const at = stepTime(ctx, step.field("at"));
    const action = step.field("action").text;
    const tier = step.field("tier");
    if (tier.present) ctx.refer(ctx.tierNames, tier);
    if (action === "escalate" && tier.text === undefined)
      ctx.issues.add("E_MISSING", tier.path, 'An "escalate" step needs the tier it escalates to');
    if (id.text !== undefined && at !== undefined && action !== undefined) {
      steps.push(
        Object.freeze({
          id: id.text,
          at: Object.freeze(at),
          action,
          to: Object.freeze(step.field("to").texts()),
          tier: tier.text,
        }),
      );
    }
  }
  return steps;
}

/** When a step fires; the last of its fields wins (the schema allows one). */
function stepTime(ctx: CompileContext, at: RawNode): CompiledStep["at"] | undefined {
  let time: CompiledStep["at"] | undefined;
  for (const kind of ["after", "beforeDue", "afterDue"] as const) {
    const node = at.field(kind);
    if (!node.present) continue;
    const parsed = ctx.issues.run(() => parseDuration(node.value, node.path));
    if (parsed?.kind === "time") time = { kind, ms: parsed.ms };
    else if (parsed !== undefined) {
      ctx.issues.add(
        "E_DURATION",
        node.path,
        `Escalation times are working time such as "PT30M", received ${describeValue(node.value)} (business days)`,
      );
    }
  }
  const percent = at.field("percent").value;
  return typeof percent === "number" ? { kind: "percent", percent } : time;
}
