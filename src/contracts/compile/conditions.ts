/**
 * Fault levels and their conditions: level ids once each, the `defaultLevel` among them, and each condition
 * bounded (depth, size), with operators given values of the right type and every fact used as one type
 * throughout the contract.
 * @internal
 * @module
 */
import { describeValue } from "../../errors.js";
import type { FactInfo } from "../compiled.js";
import { CONTRACT_LIMITS } from "../prepass.js";
import { OPERATORS } from "../schemas.js";
import type { CompileContext } from "./context.js";
import type { RawNode } from "./raw.js";

/** The type a condition gives a fact. @internal */
export type FactType = "number" | "string" | "boolean" | "array<number>" | "array<string>" | "array<boolean>";

/**
 * A fact type in words, for messages.
 * @example
 * ```ts
 * describeType("number");        //=> "a number"
 * describeType("array<string>"); //=> "a list of strings"
 * ```
 * @internal
 */
export function describeType(type: FactType): string {
  return type.startsWith("array<") ? `a list of ${type.slice(6, -1)}s` : `a ${type}`;
}

/** A level whose condition is valid: its position in `levels` and its id. @internal */
export interface LevelRule {
  readonly index: number;
  readonly id: string;
}

/** What the levels section finds: the facts the conditions use, and the levels with a valid condition. @internal */
export interface LevelsCompiled {
  readonly facts: ReadonlyMap<string, FactInfo>;
  readonly rules: readonly LevelRule[];
}

/**
 * Checks the `levels` (ids, conditions) and the `defaultLevel`, and fills `ctx.levelNames`.
 * @internal
 */
export function compileLevels(ctx: CompileContext): LevelsCompiled {
  const facts = new Map<string, FactInfo>();
  const rules: LevelRule[] = [];
  const ids: string[] = [];
  const checkId = ctx.duplicateCheck("level id");
  ctx.root
    .field("levels")
    .items()
    .forEach((level, index) => {
      if (!level.isObject) return;
      const id = level.field("id");
      checkId(id);
      if (id.text !== undefined) ids.push(id.text);
      const when = level.field("when");
      if (!when.present) return;
      const before = ctx.issues.issues.length;
      checkCondition(ctx, when, facts);
      if (id.text !== undefined && ctx.issues.issues.length === before) rules.push({ index, id: id.text });
    });
  ctx.levelNames = { noun: "fault level", names: ids };
  ctx.refer(ctx.levelNames, ctx.root.field("defaultLevel"));
  return { facts, rules };
}

/**
 * Checks one condition tree: at most `CONTRACT_LIMITS.conditionNodes` nodes and `conditionDepth` levels, then
 * each leaf. Facts met for the first time are added to `facts`; a fact met again must have the same type.
 * @internal
 */
export function checkCondition(ctx: CompileContext, root: RawNode, facts: Map<string, FactInfo>): void {
  const { conditionNodes, conditionDepth } = CONTRACT_LIMITS;
  let nodes = 0;
  let reportedSize = false;
  const visit = (node: RawNode, depth: number): void => {
    if (!node.isObject) return;
    nodes++;
    if (nodes > conditionNodes) {
      if (!reportedSize)
        ctx.issues.add("E_LIMIT", root.path, `Condition has more than ${conditionNodes} nodes`);
      reportedSize = true;
      return;
    }
    if (depth > conditionDepth) {
      ctx.issues.add("E_CONDITION_DEPTH", node.path, `Condition nested deeper than ${conditionDepth} levels`);
      return;
    }
    for (const key of ["all", "any"]) {
      for (const child of node.field(key).items()) visit(child, depth + 1);
    }
    const not = node.field("not");
    if (not.present) visit(not, depth + 1);
    checkLeaf(ctx, node, facts);
  };
  visit(root, 1);
}

/** A `fact` / `operator` / `value` node: the value's type fixes the fact's type. */
function checkLeaf(ctx: CompileContext, node: RawNode, facts: Map<string, FactInfo>): void {
  const fact = node.field("fact").text;
  const operator = node.field("operator").text;
  if (fact === undefined || operator === undefined || !(OPERATORS as readonly string[]).includes(operator))
    return;
  const type = valueType(ctx, operator, node.field("value"));
  if (type === undefined) return;
  const known = facts.get(fact);
  if (known === undefined) facts.set(fact, Object.freeze({ type, operator, path: node.path }));
  else if (known.type !== type) {
    ctx.issues.add(
      "E_CONDITION",
      node.field("fact").path,
      `Fact ${JSON.stringify(fact)} is used as ${describeType(type)} here (${operator}) but as ${describeType(known.type)} at ${known.path} (${known.operator})`,
    );
  }
}

type Scalar = "number" | "string" | "boolean";

function scalarType(v: unknown): Scalar | undefined {
  return typeof v === "number" || typeof v === "string" || typeof v === "boolean"
    ? (typeof v as Scalar)
    : undefined;
}

/** The fact type an operator's value gives, or `undefined` with an issue when the value does not fit it. */
function valueType(ctx: CompileContext, operator: string, node: RawNode): FactType | undefined {
  const value = node.value;
  switch (operator) {
    case "lessThan":
    case "lessThanInclusive":
    case "greaterThan":
    case "greaterThanInclusive":
      if (typeof value === "number" && Number.isFinite(value)) return "number";
      ctx.issues.add(
        "E_CONDITION",
        node.path,
        `${operator} compares numbers: expected a number, received ${describeValue(value)}`,
      );
      return undefined;
    case "in":
    case "notIn": {
      const first = Array.isArray(value) ? scalarType(value[0]) : undefined;
      if (Array.isArray(value) && first !== undefined && value.every((v) => scalarType(v) === first))
        return first;
      ctx.issues.add(
        "E_CONDITION",
        node.path,
        `${operator} needs a non-empty list of values of one type, received ${describeValue(value)}`,
      );
      return undefined;
    }
    default:
      return singleValueType(ctx, operator, node);
  }
}

/** `equal`, `notEqual`, `contains`, `doesNotContain`: one scalar value. */
function singleValueType(ctx: CompileContext, operator: string, node: RawNode): FactType | undefined {
  const t = scalarType(node.value);
  if (t !== undefined) return operator === "contains" || operator === "doesNotContain" ? `array<${t}>` : t;
  const hint =
    operator === "equal" || operator === "notEqual"
      ? `; use "${operator === "equal" ? "in" : "notIn"}" for a list`
      : "";
  ctx.issues.add(
    "E_CONDITION",
    node.path,
    `${operator} compares one value (a string, number or boolean), received ${describeValue(node.value)}${hint}`,
  );
  return undefined;
}
