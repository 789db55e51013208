/**
 * What `parseContract` compiles besides the public `Contract` fields, kept out of the public type and looked up by
 * contract identity.
 * @internal
 * @module
 */
import type { Calendar } from "../calendar/calendar.js";
import type { EpochMs } from "../calendar/civil.js";
import { describeValue, SlaError } from "../calendar/errors.js";
import type { Recurrence } from "../calendar/recurrence.js";
import type { Duration } from "../calendar/values.js";
import type { ConditionInput, Contract } from "./types.js";

/** The type a condition gives a fact. @internal */
export type FactType = "number" | "string" | "boolean" | "array<number>" | "array<string>" | "array<boolean>";

/** A fact name's type and the condition that fixed it, for messages. @internal */
export interface FactInfo {
  readonly type: FactType;
  readonly operator: string;
  readonly path: string;
}

/** A phase with its instants. @internal */
export interface CompiledPhase {
  readonly name: string;
  readonly kind: "warranty" | "postWarranty";
  readonly from: EpochMs;
  readonly until: EpochMs;
}

/** A compiled inspection obligation. @internal */
export type CompiledInspection =
  | {
      readonly kind: "recurring";
      readonly id: string;
      readonly name: string | undefined;
      readonly rec: Recurrence;
      readonly timeSeconds: number;
      readonly due: Duration | undefined;
      readonly calendar: Calendar | undefined;
    }
  | {
      readonly kind: "atLeast";
      readonly id: string;
      readonly name: string | undefined;
      readonly atLeast: number;
      readonly per: "month" | "quarter" | "year";
    }
  | {
      readonly kind: "named";
      readonly id: string;
      readonly name: string | undefined;
      /** Local day numbers, ascending, unique. */
      readonly days: readonly number[];
      readonly timeSeconds: number;
      readonly due: Duration | undefined;
      readonly calendar: Calendar | undefined;
    };

/** @internal */
export interface ContractInternals {
  readonly phases: readonly CompiledPhase[] | undefined;
  readonly inspections: readonly CompiledInspection[];
  readonly facts: ReadonlyMap<string, FactInfo>;
  /** Levels with a condition, in order. */
  readonly rules: readonly { readonly index: number; readonly id: string; readonly when: ConditionInput }[];
}

const internals = new WeakMap<object, ContractInternals>();

/** @internal */
export function registerInternals(contract: Contract, data: ContractInternals): void {
  internals.set(contract, data);
}

/**
 * The compiled internals of a contract made by `parseContract`.
 * @throws SlaError `E_TYPE` for anything else.
 * @internal
 */
export function internalsOf(contract: unknown): ContractInternals {
  const data = typeof contract === "object" && contract !== null ? internals.get(contract) : undefined;
  if (data === undefined) {
    throw new SlaError(
      "E_TYPE",
      `Expected a Contract from parseContract(), received ${describeValue(contract)}`,
      "contract",
    );
  }
  return data;
}
