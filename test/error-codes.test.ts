/**
 * The error-code table (guides/error-codes.md) covers every code of the unions in src/errors.ts and nothing
 * else. The expected codes come from the TypeScript checker (the resolved union types), not from the parser of
 * scripts/error-codes.mjs, so a bug there cannot hide a missing code.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { readErrorCodes, renderErrorCodes } from "../scripts/error-codes.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const errorsPath = join(root, "src", "errors.ts");
const errorsText = readFileSync(errorsPath, "utf8");
const page = readFileSync(join(root, "guides", "error-codes.md"), "utf8");

/** The string literals of each `…ErrorCode` type alias of src/errors.ts, as the checker resolves them. */
function resolvedUnions(): Map<string, string[]> {
  const program = ts.createProgram([errorsPath], { strict: true, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(errorsPath) as ts.SourceFile;
  const out = new Map<string, string[]>();
  for (const statement of source.statements) {
    if (!ts.isTypeAliasDeclaration(statement) || !statement.name.text.endsWith("ErrorCode")) continue;
    const type = checker.getTypeAtLocation(statement.name);
    const parts = type.isUnion() ? type.types : [type];
    out.set(
      statement.name.text,
      parts.map((t) => {
        if (!t.isStringLiteral()) throw new Error(`${statement.name.text} has a non-literal member`);
        return t.value;
      }),
    );
  }
  return out;
}

/** The table rows of the page, per `## …: \`Union\`` section. */
function pageTables(): Map<string, { code: string; meaning: string; fix: string }[]> {
  const out = new Map<string, { code: string; meaning: string; fix: string }[]>();
  let current: { code: string; meaning: string; fix: string }[] | undefined;
  for (const line of page.split("\n")) {
    const heading = /^## .*`(\w+ErrorCode)`$/.exec(line);
    if (heading !== null) {
      current = [];
      out.set(heading[1] as string, current);
      continue;
    }
    const row = /^\| `(E_[A-Z_]+)` \| (.+) \| (.+) \|$/.exec(line);
    if (row !== null)
      current?.push({ code: row[1] as string, meaning: row[2] as string, fix: row[3] as string });
  }
  return out;
}

describe("error codes page", () => {
  const unions = resolvedUnions();
  const tables = pageTables();

  test("lists every code of SlaErrorCode exactly once, and no other", () => {
    const all = unions.get("SlaErrorCode") ?? [];
    const listed = [...tables.values()].flat().map((r) => r.code);
    // 5 common + 14 calendar + 4 contract + 6 escalation codes, counted in src/errors.ts by hand.
    expect(all).toHaveLength(29);
    expect([...listed].sort()).toEqual([...all].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  test("has one table per code union, with that union's codes", () => {
    const groups = [...unions.keys()].filter((name) => name !== "SlaErrorCode").sort();
    expect([...tables.keys()].sort()).toEqual(groups);
    for (const [name, rows] of tables) {
      expect(rows.map((r) => r.code).sort(), name).toEqual([...(unions.get(name) ?? [])].sort());
    }
  });

  test("gives every code a meaning and a fix", () => {
    for (const row of [...tables.values()].flat()) {
      expect(row.meaning.length, row.code).toBeGreaterThan(20);
      expect(row.fix.length, row.code).toBeGreaterThan(10);
    }
  });

  test("is what scripts/error-codes.mjs writes from src/errors.ts (npm run docs checks the same)", () => {
    expect(renderErrorCodes(readErrorCodes(errorsText))).toBe(page);
    expect(() =>
      execFileSync(process.execPath, [join(root, "scripts", "error-codes.mjs"), "--check"], {
        stdio: "pipe",
      }),
    ).not.toThrow();
  });
});

describe("scripts/error-codes.mjs refuses a table that drifted", () => {
  test("a code of a union without an entry", () => {
    const text = errorsText.replace(/ \* - `E_DAYS`: /, " * - Not a code: ");
    expect(() => readErrorCodes(text)).toThrow(/CalendarErrorCode: undocumented E_DAYS/);
  });

  test("an entry for a code that no union has", () => {
    const text = errorsText.replace(/\n {2}\| "E_EVENT_TYPE"(;?)/, "$1");
    expect(text).not.toContain('"E_EVENT_TYPE"');
    expect(() => readErrorCodes(text)).toThrow(/documented but not in the union E_EVENT_TYPE/);
  });

  test("an entry without a fix", () => {
    const text = errorsText.replace("Fix: remove it, or give it a length.", "Remove it.");
    expect(() => readErrorCodes(text)).toThrow(/E_INTERVAL_EMPTY has no " Fix: "/);
  });

  test("a code union that SlaErrorCode leaves out", () => {
    const text = errorsText.replace(" | EscalationErrorCode;", ";");
    expect(() => readErrorCodes(text)).toThrow(/SlaErrorCode is .* but the code unions are/);
  });
});
