/**
 * Turns zod's issues into ours: a stable code, a path such as `targets[0].duration`, and a message that names
 * what was received and what was expected.
 * @internal
 * @module
 */

import type * as z from "zod";
import { parseDuration } from "../calendar/kernel.js";
import { describeValue, joinPath, SlaError, type SlaErrorCode, suggest } from "../errors.js";
import { messageWithoutPath as bareMessage, type IssueDraft } from "./errors.js";
import { isPlainObject } from "./plain-object.js";
import { type Marker, readMarker } from "./schemas.js";

type Segment = string | number;

/** The value at a path of the raw input, and whether it exists. */
function lookup(root: unknown, path: readonly Segment[]): { found: boolean; value: unknown } {
  let value = root;
  for (const seg of path) {
    if (Array.isArray(value) && typeof seg === "number") {
      if (seg >= value.length) return { found: false, value: undefined };
      value = value[seg];
    } else if (isPlainObject(value) && typeof seg === "string") {
      if (!Object.hasOwn(value, seg)) return { found: false, value: undefined };
      value = value[seg];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: value !== undefined, value };
}

function pathText(path: readonly Segment[]): string {
  return path.reduce<string>((p, s) => joinPath(p, s), "");
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  return typeof value;
}

function selects(selector: string, value: unknown): boolean {
  if (selector.startsWith("key:")) return isPlainObject(value) && Object.hasOwn(value, selector.slice(4));
  if (selector.startsWith("kind:")) return selector.slice(5).split("|").includes(kindOf(value));
  return false;
}

function received(value: unknown, found: boolean): string {
  return found ? describeValue(value) : "nothing";
}

/** A zod issue as a plain record (zod's own type is a union we only read). */
interface RawIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly errors?: readonly (readonly RawIssue[])[];
  readonly issues?: readonly RawIssue[];
  readonly values?: readonly unknown[];
  readonly expected?: string;
  readonly origin?: string;
  readonly maximum?: number | bigint;
  readonly minimum?: number | bigint;
  readonly note?: string;
  readonly discriminator?: string;
}

/**
 * Converts zod's issues (with paths relative to `base`) into contract issues.
 * @internal
 */
export function convertIssues(root: unknown, zodIssues: readonly z.core.$ZodIssue[]): IssueDraft[] {
  const out: IssueDraft[] = [];
  const push = (code: SlaErrorCode, path: string, message: string) => out.push({ code, path, message });

  const convert = (issue: RawIssue, base: readonly Segment[]): void => {
    const full: Segment[] = [...base, ...issue.path.map((s) => (typeof s === "number" ? s : String(s)))];
    const path = pathText(full);
    const { found, value } = lookup(root, full);
    const mark: Marker | undefined = readMarker(issue.message);
    const code: SlaErrorCode = mark?.c ?? "E_TYPE";
    const expected = mark?.e;

    switch (issue.code) {
      case "unrecognized_keys": {
        for (const key of issue.keys ?? []) {
          const hint = mark?.h?.[key];
          const at = joinPath(path, key);
          if (hint !== undefined)
            push(hint[0], at, `Field ${JSON.stringify(key)} is not allowed here: ${hint[1]}`);
          else
            push("E_UNKNOWN_KEY", at, `Unknown field ${JSON.stringify(key)}${suggest(key, mark?.k ?? [])}`);
        }
        return;
      }
      case "invalid_union": {
        const selectors = mark?.t;
        if (selectors !== undefined && found) {
          const matching = selectors.map((s, i) => (selects(s, value) ? i : -1)).filter((i) => i >= 0);
          const branch = matching.length === 1 ? issue.errors?.[matching[0] as number] : undefined;
          if (branch !== undefined) {
            for (const inner of branch) convert(inner, full);
            return;
          }
          if (matching.length > 1) {
            const keys = selectors
              .filter((s) => s.startsWith("key:") && selects(s, value))
              .map((s) => JSON.stringify(s.slice(4)));
            push(code, path, `Use only one of ${keys.join(", ")} in ${expected ?? "this object"}`);
            return;
          }
          if (isPlainObject(value) && selectors.every((s) => s.startsWith("key:"))) {
            const keys = selectors.map((s) => JSON.stringify(s.slice(4))).join(", ");
            const unknown = Object.keys(value).filter((k) => !selectors.includes(`key:${k}`));
            const hint =
              unknown.length > 0
                ? `; received fields ${unknown
                    .slice(0, 5)
                    .map((k) => JSON.stringify(k))
                    .join(", ")}`
                : "";
            push("E_MISSING", path, `Expected ${expected ?? "an object"}: it needs one of ${keys}${hint}`);
            return;
          }
        }
        if (issue.discriminator !== undefined) {
          push(
            code,
            path,
            `Expected ${expected ?? `a valid "${issue.discriminator}"`}, received ${received(value, found)}`,
          );
          return;
        }
        if (code === "E_DURATION" && found && (typeof value === "string" || typeof value === "number")) {
          push("E_DURATION", path, durationMessage(value));
          return;
        }
        push(
          found ? code : "E_MISSING",
          path,
          `Expected ${expected ?? "a valid value"}, received ${received(value, found)}`,
        );
        return;
      }
      case "invalid_type": {
        if (!found && full.length > 0) {
          const name = full.length > 0 ? String(full[full.length - 1]) : "value";
          push(
            "E_MISSING",
            path,
            `Missing required field ${JSON.stringify(name)}${expected === undefined ? "" : `: expected ${expected}`}`,
          );
          return;
        }
        if (code === "E_DURATION") {
          push(code, path, durationMessage(value));
          return;
        }
        push(
          code === "E_CONDITION" ? code : "E_TYPE",
          path,
          `Expected ${expected ?? zodExpected(issue)}, received ${received(value, found)}`,
        );
        return;
      }
      case "too_big": {
        if (issue.origin === "array" && Array.isArray(value)) {
          push(
            "E_LIMIT",
            path,
            `Too many entries: ${value.length}, at most ${String(issue.maximum)} (${expected ?? "a list"})`,
          );
          return;
        }
        if (issue.origin === "string" && typeof value === "string") {
          push(
            "E_LIMIT",
            path,
            `Text of ${value.length} characters is longer than ${String(issue.maximum)}${expected === undefined ? "" : `; expected ${expected}`}`,
          );
          return;
        }
        push(
          code,
          path,
          code === "E_DURATION"
            ? durationMessage(value)
            : `Expected ${expected ?? `at most ${String(issue.maximum)}`}, received ${received(value, found)}`,
        );
        return;
      }
      case "too_small": {
        if (code === "E_DURATION") {
          push(code, path, durationMessage(value));
          return;
        }
        if (issue.origin === "array" && Array.isArray(value)) {
          push(
            code === "E_TYPE" ? "E_MISSING" : code,
            path,
            `Expected ${expected ?? `at least ${String(issue.minimum)} entries`}, received an empty list`,
          );
          return;
        }
        push(
          code,
          path,
          `Expected ${expected ?? `at least ${String(issue.minimum)}`}, received ${received(value, found)}`,
        );
        return;
      }
      case "invalid_format":
      case "invalid_value":
      case "custom": {
        if (code === "E_DURATION") {
          push(code, path, durationMessage(value));
          return;
        }
        const words =
          expected ??
          (issue.values !== undefined
            ? `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`
            : "a valid value");
        const hint =
          issue.code === "invalid_value" && typeof value === "string" && issue.values !== undefined
            ? suggest(
                value,
                issue.values.filter((v): v is string => typeof v === "string"),
              ).replace(/^; expected one of .*$/, "")
            : "";
        push(code, path, `Expected ${words}, received ${received(value, found)}${hint}`);
        return;
      }
      case "invalid_key": {
        const key = full[full.length - 1];
        const inner = issue.issues?.[0];
        const innerMark = inner === undefined ? undefined : readMarker(inner.message);
        push(
          innerMark?.c ?? code,
          path,
          `Invalid key ${JSON.stringify(String(key))}: expected ${innerMark?.e ?? expected ?? "a valid key"}`,
        );
        return;
      }
      default:
        push(
          code,
          path,
          `${expected === undefined ? "Invalid value" : `Expected ${expected}`}, received ${received(value, found)}`,
        );
    }
  };

  for (const issue of zodIssues) convert(issue as unknown as RawIssue, []);
  return out;
}

function durationMessage(value: unknown): string {
  try {
    parseDuration(value);
    return `Expected an ISO 8601 duration such as "PT30M", "PT4H" or "P2D", received ${describeValue(value)}`;
  } catch (error) {
    return error instanceof SlaError
      ? bareMessage(error)
      : `Expected a duration, received ${describeValue(value)}`;
  }
}

function zodExpected(issue: RawIssue): string {
  switch (issue.expected) {
    case "int":
      return "a whole number";
    case "number":
      return "a finite number";
    case "string":
      return "a string";
    case "boolean":
      return "true or false";
    case "array":
      return "a list";
    case "object":
      return "an object";
    default:
      return issue.expected ?? "a valid value";
  }
}
