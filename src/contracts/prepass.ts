/**
 * The first look at an untrusted contract, before any schema sees it: a walk that measures its size as JSON text
 * (without serialising it), caps nesting, detects cycles, and flags keys that could pollute prototypes
 * (`__proto__`, `constructor`, `prototype`) and values that are not JSON.
 * @internal
 * @module
 */
import { describeValue, joinPath } from "../errors.js";
import { IssueList } from "./compile/context.js";
import { ContractValidationError } from "./errors.js";
import { isPlainObject } from "./plain-object.js";

/**
 * Input limits of a contract, enforced before parsing.
 * @category Contracts
 */
export const CONTRACT_LIMITS = Object.freeze({
  /** Largest contract, in characters of its JSON text (about 1 MB). */
  jsonCharacters: 1_000_000,
  /** Most values (objects, arrays, strings, numbers, …) in a contract. */
  nodes: 100_000,
  /** Deepest nesting of objects and arrays. */
  depth: 64,
  /** Deepest nesting of a fault-level condition (`all` / `any` / `not`). */
  conditionDepth: 16,
  /** Most nodes of one fault-level condition. */
  conditionNodes: 1000,
  /** Most issues listed in one error. */
  issues: 200,
});

/**
 * The top-level key that names the contract's JSON Schema for editors (`"$schema": "./node_modules/slakit/dist/schema.json"`).
 * It is checked here and dropped: it tells an editor where the schema is and says nothing about the contract, so
 * `contract.input`, and with it a report's contract fingerprint, is the same with or without it.
 * @internal
 */
export const SCHEMA_KEY = "$schema";

/** Longest `$schema` reference, in characters. @internal */
export const SCHEMA_REFERENCE_MAX = 2048;

/** Keys that can reach an object's prototype: rejected wherever they appear. @internal */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * The path, inside a fault-level condition, at which its nesting first exceeds the limit; `undefined` when the
 * segments do not lead that deep into a `levels[i].when`.
 * @internal
 */
export function conditionDepthPath(segments: readonly (string | number)[]): string | undefined {
  if (
    segments.length < 3 ||
    segments[0] !== "levels" ||
    typeof segments[1] !== "number" ||
    segments[2] !== "when"
  ) {
    return undefined;
  }
  let path = joinPath(joinPath("levels", segments[1]), "when");
  let depth = 1;
  for (let i = 3; i < segments.length; i++) {
    const seg = segments[i] as string | number;
    path = joinPath(path, seg);
    if (seg === "all" || seg === "any") {
      const next = segments[i + 1];
      if (typeof next !== "number") return undefined;
      path = joinPath(path, next);
      i++;
    } else if (seg !== "not") return undefined;
    depth++;
    if (depth > CONTRACT_LIMITS.conditionDepth) return path;
  }
  return undefined;
}

function fatal(
  code: "E_LIMIT" | "E_TYPE" | "E_CONDITION_DEPTH",
  path: string,
  message: string,
): ContractValidationError {
  return new ContractValidationError([{ code, path, message }]);
}

/**
 * Walks the input once and copies it. Throws at once (refusing the input) when it is too large, too deep or cyclic;
 * returns the other problems as issues, and a plain copy of the data without the flagged keys and values (so that
 * getters run once and nothing later reads the caller's objects again), and without the top-level `"$schema"`.
 *
 * @throws ContractValidationError with one `E_LIMIT`, `E_CONDITION_DEPTH` or `E_TYPE` (cycle) issue.
 * @internal
 */
export function prepass(input: unknown): { issues: IssueList; data: unknown } {
  const issues = new IssueList();
  let characters = 0;
  let nodes = 0;
  const stack = new Set<object>();
  const conditionNodes = new Map<unknown, number>();
  const segments: (string | number)[] = [];
  const pathOf = (): string => segments.reduce<string>((p, s) => joinPath(p, s), "");

  const visit = (value: unknown, depth: number): unknown => {
    let copy: unknown = value;
    nodes++;
    if (nodes > CONTRACT_LIMITS.nodes) {
      throw fatal(
        "E_LIMIT",
        "",
        `Contract has more than ${CONTRACT_LIMITS.nodes} values; refused before parsing`,
      );
    }
    switch (typeof value) {
      case "string":
        characters += value.length + 2;
        break;
      case "number":
        characters += 8;
        break;
      case "boolean":
        characters += 5;
        break;
      case "undefined":
        break;
      case "object": {
        if (value === null) {
          characters += 4;
          break;
        }
        if (depth >= CONTRACT_LIMITS.depth) {
          const inCondition = conditionDepthPath(segments);
          if (inCondition !== undefined) {
            throw fatal(
              "E_CONDITION_DEPTH",
              inCondition,
              `Condition nested deeper than ${CONTRACT_LIMITS.conditionDepth} levels; refused before parsing`,
            );
          }
          throw fatal(
            "E_LIMIT",
            pathOf(),
            `Contract nested deeper than ${CONTRACT_LIMITS.depth} levels; refused before parsing`,
          );
        }
        if (stack.has(value))
          throw fatal(
            "E_TYPE",
            pathOf(),
            "Contract contains a cycle (an object inside itself); expected JSON data",
          );
        if (Array.isArray(value)) {
          if (nodes + value.length > CONTRACT_LIMITS.nodes) {
            throw fatal(
              "E_LIMIT",
              "",
              `Contract has more than ${CONTRACT_LIMITS.nodes} values; refused before parsing`,
            );
          }
          characters += 2 + value.length;
          stack.add(value);
          const items: unknown[] = [];
          for (let i = 0; i < value.length; i++) {
            segments.push(i);
            items.push(visit(value[i], depth + 1));
            segments.pop();
          }
          stack.delete(value);
          copy = items;
        } else if (isPlainObject(value)) {
          characters += 2;
          if (segments.length >= 3 && segments[0] === "levels" && segments[2] === "when") {
            const level = segments[1] as string | number;
            const count = (conditionNodes.get(level) ?? 0) + 1;
            conditionNodes.set(level, count);
            if (count > CONTRACT_LIMITS.conditionNodes) {
              throw fatal(
                "E_LIMIT",
                joinPath(joinPath("levels", level), "when"),
                `Condition has more than ${CONTRACT_LIMITS.conditionNodes} nodes; refused before parsing`,
              );
            }
          }
          stack.add(value);
          const fields: Record<string, unknown> = {};
          const keys = Object.keys(value);
          if (nodes + keys.length > CONTRACT_LIMITS.nodes) {
            throw fatal(
              "E_LIMIT",
              "",
              `Contract has more than ${CONTRACT_LIMITS.nodes} values; refused before parsing`,
            );
          }
          for (const key of keys) {
            characters += key.length + 4;
            segments.push(key);
            if (FORBIDDEN_KEYS.has(key)) {
              issues.add(
                "E_UNKNOWN_KEY",
                pathOf(),
                `Key ${JSON.stringify(key)} is not allowed anywhere in a contract (it could change object prototypes)`,
              );
            } else if (segments.length === 1 && key === SCHEMA_KEY) {
              checkSchemaReference(visit(value[key], depth + 1), issues);
            } else {
              const item = visit(value[key], depth + 1);
              if (item !== undefined)
                Object.defineProperty(fields, key, {
                  value: item,
                  enumerable: true,
                  writable: true,
                  configurable: true,
                });
            }
            segments.pop();
          }
          stack.delete(value);
          copy = fields;
        } else {
          issues.add(
            "E_TYPE",
            pathOf(),
            `Expected JSON data (an object, array, string, number, boolean or null), received ${describeKind(value)}`,
          );
          copy = undefined;
        }
        break;
      }
      default:
        issues.add(
          "E_TYPE",
          pathOf(),
          `Expected JSON data (an object, array, string, number, boolean or null), received a ${typeof value}`,
        );
        copy = undefined;
    }
    if (characters > CONTRACT_LIMITS.jsonCharacters) {
      throw fatal(
        "E_LIMIT",
        "",
        `Contract is larger than ${CONTRACT_LIMITS.jsonCharacters} characters of JSON; refused before parsing`,
      );
    }
    return copy;
  };

  let data: unknown;
  try {
    data = visit(input, 0);
  } catch (error) {
    if (error instanceof ContractValidationError) throw error;
    if (error instanceof RangeError)
      throw fatal("E_LIMIT", pathOf(), "Contract is nested too deeply to read; refused before parsing");
    throw fatal(
      "E_TYPE",
      pathOf(),
      `Contract could not be read as JSON data: ${error instanceof Error ? error.name : "error"}`,
    );
  }
  return { issues, data };
}

/** Checks the value of the top-level `"$schema"` key, which is then dropped (see {@link SCHEMA_KEY}). */
function checkSchemaReference(value: unknown, issues: IssueList): void {
  if (value === undefined) return;
  if (typeof value !== "string") {
    issues.add(
      "E_TYPE",
      SCHEMA_KEY,
      `Expected the URL or path of a JSON Schema (a string), received ${describeValue(value)}`,
    );
  } else if (value.length > SCHEMA_REFERENCE_MAX) {
    issues.add(
      "E_LIMIT",
      SCHEMA_KEY,
      `Text of ${value.length} characters is longer than ${SCHEMA_REFERENCE_MAX}; expected the URL or path of a JSON Schema`,
    );
  }
}

function describeKind(value: object): string {
  if (value instanceof Date) return "a Date";
  if (value instanceof Map) return "a Map";
  if (value instanceof Set) return "a Set";
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor
    ?.name;
  return typeof name === "string" && name !== ""
    ? `an instance of ${name.slice(0, 40)}`
    : describeValue(value);
}
