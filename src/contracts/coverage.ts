/**
 * `coverageAt`: which phase of the contract term (warranty, post-warranty maintenance) is in force at an instant.
 * @module
 */

import { type EpochMs, type Instant, toEpochMs } from "../calendar/kernel.js";
import { type CompiledPhase, compiledOf } from "./compiled.js";
import type { Contract } from "./types.js";

/**
 * The phase of the contract term at an instant. `from` (inclusive) and `until` (exclusive) bound the phase: the
 * contract covers `at` while `from <= at < until`.
 *
 * - `"before"`: before the term starts (`until` is its start);
 * - `"warranty"` / `"postWarranty"`: in that phase (`name` is the phase's name);
 * - `"expired"`: after the last phase (`from` is when it ended);
 * - `"none"`: the contract has no term.
 *
 * @category Contracts
 */
export interface Coverage {
  /** Where `at` lies in the term: before it, in a phase of that kind, after its last phase, or no term at all. */
  readonly phase: "before" | "warranty" | "postWarranty" | "expired" | "none";
  /** The phase's name, e.g. `"maintenance"`. */
  readonly name?: string;
  /** First covered instant of the phase (inclusive). */
  readonly from?: Date;
  /** First instant after the phase (exclusive). */
  readonly until?: Date;
}

/**
 * The phase of the contract term in force at an instant (the Chinese Civil Code's rule for periods). The term starts at local midnight of its start date (the day of acceptance is covered). Counting
 * `"exclusive"` (the default), the start day is not counted: the first phase's last day is the same-numbered day
 * `length` later (the month's last day if that month has none), ending at 24:00 in the contract's zone;
 * `"inclusive"` counts the start day, so the last day is one day earlier. Each next phase starts when the
 * previous one ends and is counted from the previous phase's last day by the same rule.
 *
 * @param contract - A contract from `parseContract`.
 * @param at - The instant: `Date`, epoch milliseconds, or an ISO 8601 string with an offset.
 * @returns The phase, with its bounds.
 * @throws SlaError `E_INSTANT` / `E_INSTANT_RANGE` for a bad instant; `E_TYPE` for a contract not made by
 *   `parseContract`.
 * @example
 * ```ts
 * // Acceptance signed 2020-02-29 in Asia/Shanghai; 5 years of warranty, then 3 years of maintenance.
 * coverageAt(contract, "2025-02-28T23:59:59.999+08:00"); //=> { phase: "warranty", name: "warranty", from: 2020-02-28T16:00Z, until: 2025-02-28T16:00Z }
 * coverageAt(contract, "2025-03-01T00:00:00+08:00");     //=> { phase: "postWarranty", name: "maintenance", from: 2025-02-28T16:00Z, until: 2028-02-28T16:00Z }
 * coverageAt(contract, "2028-02-29T00:00:00+08:00");     //=> { phase: "expired", from: 2028-02-28T16:00Z }
 * ```
 * Gotchas: from a start on the 29th–31st the same-numbered day may be missing: 2020-02-29 + 5 years ends on
 * 2025-02-28 (at 24:00). Chained phases are counted from the previous phase's last day, so the 3 years after it
 * end on 2028-02-28, not on 2028-02-29.
 * @category Contracts
 */
export function coverageAt(contract: Contract, at: Instant): Coverage {
  const phases = compiledOf(contract).phases ?? [];
  const found = phaseAt(phases, toEpochMs(at, "at"));
  if (found === "none") return Object.freeze({ phase: "none" });
  if (found === "before")
    return Object.freeze({ phase: "before", until: new Date((phases[0] as CompiledPhase).from) });
  if (found === "expired")
    return Object.freeze({
      phase: "expired",
      from: new Date((phases[phases.length - 1] as CompiledPhase).until),
    });
  return Object.freeze({
    phase: found.kind,
    name: found.name,
    from: new Date(found.from),
    until: new Date(found.until),
  });
}

/**
 * The phase of the term in force at an instant: the phase itself, or `"before"` the term, `"expired"` after it,
 * `"none"` without a term. The one implementation behind {@link coverageAt} and ticket evaluation.
 * @internal
 */
export function phaseAt(
  phases: readonly CompiledPhase[] | undefined,
  t: EpochMs,
): CompiledPhase | "before" | "expired" | "none" {
  if (phases === undefined || phases.length === 0) return "none";
  if (t < (phases[0] as CompiledPhase).from) return "before";
  for (const p of phases) if (t < p.until) return p;
  return "expired";
}
