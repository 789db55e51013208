/**
 * `classifyTicket`: the fault level of a ticket from facts about it, with json-rules-engine evaluating the
 * contract's conditions.
 * @module
 */

import { Engine } from "json-rules-engine";
import { describeValue, joinPath, SlaError, suggest } from "../errors.js";
import { describeType } from "./compile/conditions.js";
import { type CompiledContract, compiledOf, type FactInfo } from "./compiled.js";
import { isPlainObject } from "./plain-object.js";
import type { ConditionInput, Contract } from "./types.js";

/**
 * Facts about a ticket, by the names the contract's conditions use: `{ systemDown: true, outageMinutes: 12 }`.
 * A value must have the type the conditions compare it as (numbers as numbers: `"45"` is not 45).
 * @category Contracts
 */
export type TicketFacts = {
  /**
   * A fact the conditions use (another name is `E_REF_UNKNOWN`), of the type they compare it as (else `E_TYPE`):
   * a string, a finite number, a boolean or a list of them. `undefined` counts as missing: every comparison on a
   * missing fact is false.
   */
  readonly [fact: string]: string | number | boolean | readonly (string | number | boolean)[] | undefined;
};

const MAX_FACTS = 1000;
const MAX_FACT_ITEMS = 1000;

// Strict operators: no coercion (json-rules-engine's own `greaterThan` accepts "45" through parseFloat, and
// `notEqual` is true for a fact that was not given). A fact that was not given makes every comparison false.
type Scalar = string | number | boolean;
const STRICT_OPERATORS: readonly [string, (fact: unknown, value: unknown) => boolean][] = [
  ["equal", (a, b) => a !== undefined && a === b],
  ["notEqual", (a, b) => a !== undefined && a !== b],
  ["lessThan", (a, b) => typeof a === "number" && a < (b as number)],
  ["lessThanInclusive", (a, b) => typeof a === "number" && a <= (b as number)],
  ["greaterThan", (a, b) => typeof a === "number" && a > (b as number)],
  ["greaterThanInclusive", (a, b) => typeof a === "number" && a >= (b as number)],
  ["in", (a, b) => a !== undefined && (b as Scalar[]).includes(a as Scalar)],
  ["notIn", (a, b) => a !== undefined && !(b as Scalar[]).includes(a as Scalar)],
  ["contains", (a, b) => Array.isArray(a) && a.includes(b)],
  ["doesNotContain", (a, b) => Array.isArray(a) && !a.includes(b)],
];

const engines = new WeakMap<CompiledContract, { engine: Engine; order: ReadonlyMap<string, number> }>();

function engineFor(data: CompiledContract): { engine: Engine; order: ReadonlyMap<string, number> } {
  let cached = engines.get(data);
  if (cached === undefined) {
    const engine = new Engine([], { allowUndefinedFacts: true, allowUndefinedConditions: false });
    for (const [name, fn] of STRICT_OPERATORS) engine.addOperator(name, fn);
    const order = new Map<string, number>();
    for (const rule of data.rules) {
      // A copy: the engine keeps what it is given; a bare comparison must be wrapped at the top level.
      const when = JSON.parse(JSON.stringify(rule.when)) as ConditionInput;
      const conditions = "all" in when || "any" in when || "not" in when ? when : { all: [when] };
      engine.addRule({ name: rule.id, conditions: conditions as never, event: { type: rule.id } });
      order.set(rule.id, rule.index);
    }
    cached = { engine, order };
    engines.set(data, cached);
  }
  return cached;
}

function matches(type: FactInfo["type"], value: unknown): boolean {
  const scalar = (t: string, v: unknown) => typeof v === t && (t !== "number" || Number.isFinite(v));
  if (type.startsWith("array<")) {
    const item = type.slice(6, -1);
    return Array.isArray(value) && value.length <= MAX_FACT_ITEMS && value.every((v) => scalar(item, v));
  }
  return scalar(type, value);
}

/**
 * Classifies a ticket into a fault level: the contract's levels are tried in order and the first whose condition
 * matches the facts wins; when none matches, the contract's `defaultLevel`. Conditions are evaluated by
 * json-rules-engine with strict operators (no coercion between types).
 *
 * @param contract - A contract from `parseContract`.
 * @param facts - Facts named as in the conditions; a fact left out makes every comparison on it false (so
 *   `{ not: { fact: "x", operator: "equal", value: true } }` holds when `x` is not given).
 * @returns The level id.
 * @throws SlaError (as a rejected promise) `E_TYPE` when `facts` is not an object or a fact's value does not have
 *   the type its conditions compare it as (`"45"` where a number is compared), at `facts.<name>`;
 *   `E_REF_UNKNOWN` for a fact no condition uses (a misspelling); `E_LIMIT` beyond 1000 facts; `E_LEVEL` when no
 *   level matches and the contract has no `defaultLevel`.
 * @example
 * ```ts
 * // Seed 002: level 1 when the system is down or other business is interrupted for 10 minutes or more.
 * await classifyTicket(contract, { systemDown: false, otherBusinessOutageMinutes: 12 }); //=> "level1"
 * await classifyTicket(contract, { otherBusinessOutageMinutes: "12" }); // rejects: E_TYPE at facts.otherBusinessOutageMinutes
 * ```
 * @category Contracts
 */
export async function classifyTicket(contract: Contract, facts: TicketFacts): Promise<string> {
  const data = compiledOf(contract);
  if (!isPlainObject(facts)) {
    throw new SlaError(
      "E_TYPE",
      `Expected facts as an object such as { "systemDown": true }, received ${describeValue(facts)}`,
      "facts",
    );
  }
  const keys = Object.keys(facts);
  if (keys.length > MAX_FACTS)
    throw new SlaError("E_LIMIT", `Too many facts: ${keys.length}, at most ${MAX_FACTS}`, "facts");
  const known = [...data.facts.keys()];
  const runtime: Record<string, unknown> = {};
  for (const key of keys) {
    const path = joinPath("facts", key);
    const info = data.facts.get(key);
    if (info === undefined || !Object.hasOwn(facts, key)) {
      const hint = known.length === 0 ? ": the contract's conditions use no facts" : suggest(key, known);
      throw new SlaError("E_REF_UNKNOWN", `Unknown fact ${JSON.stringify(key)}${hint}`, path);
    }
    const value = facts[key];
    if (value === undefined) continue;
    if (!matches(info.type, value)) {
      throw new SlaError(
        "E_TYPE",
        `Fact ${JSON.stringify(key)} must be ${describeType(info.type)} (compared with ${info.operator} at ${info.path}), received ${describeValue(value)}`,
        path,
      );
    }
    Object.defineProperty(runtime, key, { value, enumerable: true });
  }
  let level: string | undefined;
  if (data.rules.length > 0) {
    const { engine, order } = engineFor(data);
    const { events } = await engine.run(runtime);
    let best = Number.POSITIVE_INFINITY;
    for (const event of events) {
      const index = order.get(event.type);
      if (index !== undefined && index < best) {
        best = index;
        level = event.type;
      }
    }
  }
  level ??= contract.defaultLevel;
  if (level === undefined) {
    throw new SlaError(
      "E_LEVEL",
      "No fault level matches the facts and the contract has no defaultLevel",
      "facts",
    );
  }
  return level;
}
