/**
 * `breachOf` chains: a chained target's clock starts at its parent's `lastCompliantAt` once the parent is
 * breached (the parent's breach begins just after it; a `dueAt` that ends a working period would start the child
 * while the parent is still compliant), and is cancelled when the parent is met. The parent's folded cycles become the child's triggers.
 * @internal
 * @module
 */
import type { EpochMs } from "../calendar/kernel.js";
import { dueAtOf, lastCompliantAtOf } from "./deadlines.js";
import { hasStarted, type TargetRun } from "./evaluation.js";

/** What one parent cycle does to the chained clock, and when. @internal */
export interface ChainTrigger {
  readonly at: EpochMs;
  /** `"start"`: the parent was breached (at its `lastCompliantAt`); `"cancel"`: it was met or cancelled (at its end). */
  readonly action: "start" | "cancel";
}

/** The triggers of a chained target, consumed in order as the events are folded. @internal */
export interface Chain {
  readonly triggers: readonly ChainTrigger[];
  /** What starts the chained clock: `"breachOf:<parent>"`. */
  readonly startedBy: string;
  /** Whether the parent's clock runs (or waits to start) and is not breached at `now`: the child is pending. */
  readonly parentWaiting: boolean;
  /** The next trigger not applied yet. */
  next: number;
}

/**
 * The triggers a folded parent gives its chained target at `now`.
 *
 * @param parent - The parent's folded clock.
 * @param now - The instant of evaluation: a live parent cycle counts as breached once `lastCompliantAt < now`.
 * @internal
 */
export function chainFrom(parent: TargetRun, now: EpochMs): Chain {
  const rules = parent.rules;
  const triggers: ChainTrigger[] = [];
  let waiting = parent.pending;
  for (const pc of parent.cycles) {
    if (pc.duration === null) continue;
    waiting = false;
    if (!hasStarted(pc)) {
      triggers.push({ at: pc.endedAt as EpochMs, action: "cancel" });
      continue;
    }
    const due = dueAtOf(rules, pc);
    const lc = lastCompliantAtOf(rules, pc, due);
    let breached: boolean;
    if (pc.outcome === "live") {
      breached = lc !== null && lc < now;
      if (!breached) {
        waiting = true;
        continue;
      }
    } else breached = pc.outcome === "breached";
    // A breached cycle has a lastCompliantAt (a stopped clock is projected from its end; a live one was tested).
    if (breached) triggers.push({ at: (lc ?? due) as EpochMs, action: "start" });
    else triggers.push({ at: pc.endedAt as EpochMs, action: "cancel" });
  }
  return { triggers, startedBy: `breachOf:${rules.id}`, parentWaiting: waiting, next: 0 };
}

/** The next trigger at or before `limit`, marked applied; `undefined` when there is none. @internal */
export function takeTrigger(chain: Chain, limit: EpochMs): ChainTrigger | undefined {
  const trigger = chain.triggers[chain.next];
  if (trigger === undefined || trigger.at > limit) return undefined;
  chain.next++;
  return trigger;
}
