/**
 * The counted outcome of a target cycle at the report's `now`.
 * @internal
 * @module
 */
import type { EpochMs } from "../calendar/kernel.js";
import type { TargetEvaluation } from "../escalation/kernel.js";
import type { CycleOutcome } from "./types.js";

/**
 * How a report counts one target cycle at `now`: stopped in time (`met`) or late (`breached`), running or paused
 * and not yet late (`open`) or already late (`openBreached`), `pending` or `cancelled`. A cycle in state
 * `breached` that has not stopped is `openBreached`.
 *
 * @param target - The cycle.
 * @param now - The instant the report is evaluated at.
 * @returns Its outcome.
 * @example
 * ```ts
 * outcomeOf({ ...cycle, state: "running", breachedAt: now - 1 }, now); //=> "openBreached"
 * outcomeOf({ ...cycle, state: "running", breachedAt: now + 1 }, now); //=> "open"
 * ```
 * @internal
 */
export function outcomeOf(target: TargetEvaluation, now: EpochMs): CycleOutcome {
  switch (target.state) {
    case "met":
      return "met";
    case "breached":
      return target.stoppedAt !== null ? "breached" : "openBreached";
    case "running":
    case "paused": {
      const b = target.breachedAt;
      return b !== null && b <= now ? "openBreached" : "open";
    }
    case "pending":
      return "pending";
    default:
      return "cancelled";
  }
}

/** Whether an outcome is late: breached, stopped or not. @internal */
export function isLate(outcome: CycleOutcome): boolean {
  return outcome === "breached" || outcome === "openBreached";
}
