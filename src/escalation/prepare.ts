/**
 * What evaluation reads of a contract, all of it from its compiled form (`compiledOf`): event types numbered,
 * each target's rules with their role bits, parents before the targets chained to them, the term's phases in ms.
 * Nothing is derived again here, and nothing is kept between calls: the helpers below read the compiled form.
 * @internal
 * @module
 */
import type { EpochMs, ParsedDuration } from "../calendar/kernel.js";
import type { Contract } from "../contracts/index.js";
import {
  type CompiledContract,
  type CompiledPhase,
  compiledOf,
  phaseAt,
  type TargetRules,
} from "../contracts/kernel.js";
import type { TicketStatus } from "./types.js";

export { BUILTIN_EVENT, EVENT_ROLE } from "../contracts/kernel.js";

/** The compiled form of a contract and the fields of the contract evaluation reads. @internal */
export interface Prepared {
  readonly compiled: CompiledContract;
  readonly defaultLevel: string | undefined;
}

/**
 * The compiled form of a contract, for evaluation.
 *
 * @param contract - A contract from `parseContract`.
 * @returns Its compiled form and default level.
 * @throws SlaError `E_TYPE` for anything but a contract from `parseContract`.
 * @internal
 */
export function prepare(contract: Contract): Prepared {
  const compiled = compiledOf(contract);
  return { compiled, defaultLevel: contract.defaultLevel ?? undefined };
}

/** The duration of a target for a level, or `null` when the level is not subject to it. @internal */
export function durationFor(rules: TargetRules, level: string): ParsedDuration | null {
  return rules.target.durationFor(level) ?? null;
}

/** The phase of the contract term at an instant: a phase, `"before"`/`"expired"` the term, or `"none"`. @internal */
export type TermPhase = CompiledPhase | "before" | "expired" | "none";

/** The phase in force at the ticket's opening. @internal */
export function phaseAtOpening(compiled: CompiledContract, openedAt: EpochMs): TermPhase {
  return phaseAt(compiled.phases, openedAt);
}

/** The phase as `TicketStatus` names it. @internal */
export function phaseKind(phase: TermPhase): TicketStatus["phase"] {
  return typeof phase === "string" ? phase : phase.kind;
}

/** Whether a target applies in a phase: its `phases` list the phase's kind or name (or it lists none). @internal */
export function appliesIn(rules: TargetRules, phase: TermPhase): boolean {
  const phases = rules.target.phases;
  if (phases === undefined || phases === null || phase === "none") return true;
  if (typeof phase === "string") return phases.includes(phase);
  return phases.includes(phase.kind) || phases.includes(phase.name);
}
