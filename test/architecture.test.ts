/**
 * The shape of `src/`, checked on every run:
 * - dependencies point one way, errors ← calendar ← contracts ← escalation ← reporting ← the root entry points;
 * - a module reaches a lower module only through its public `index.ts` or its internal door `kernel.ts`;
 * - only `calendar` imports rrule, only `contracts` (and the `slakit/schema` entry) zod and json-rules-engine;
 * - no module-level mutable state, except the memo tables listed below (caches of pure functions of immutable
 *   inputs, each with the reason it exists); constant lookup tables are named in SCREAMING_CASE;
 * - no comment cites a document that is not in the repository.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, test } from "vitest";

const src = resolve(dirname(fileURLToPath(import.meta.url)), "../src");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const files = walk(src).map((path) => ({
  path,
  name: relative(src, path).split("\\").join("/"),
  source: ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.ES2022, true),
}));

/** The layer of a file: its top directory, or the file itself for the root files. */
const LAYERS = ["errors", "calendar", "contracts", "escalation", "reporting", "entry"] as const;
function layerOf(name: string): (typeof LAYERS)[number] {
  const top = name.split("/")[0] as string;
  if (top === "errors.ts") return "errors";
  if (top === "index.ts" || top === "schema.ts") return "entry";
  return top as (typeof LAYERS)[number];
}

function importsOf(source: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      out.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const edges = files.flatMap((file) =>
  importsOf(file.source).map((spec) => {
    if (!spec.startsWith(".")) return { from: file.name, to: spec, external: true };
    const target = relative(src, resolve(dirname(file.path), spec.replace(/\.js$/, ".ts")))
      .split("\\")
      .join("/");
    return { from: file.name, to: target, external: false };
  }),
);

describe("architecture", () => {
  test("the checks see the source tree", () => {
    expect(files.length).toBeGreaterThan(40);
    expect(edges.filter((e) => !e.external).length).toBeGreaterThan(100);
  });

  test("dependencies point one way: errors ← calendar ← contracts ← escalation ← reporting ← entry points", () => {
    const upward = edges
      .filter((e) => !e.external)
      .filter((e) => LAYERS.indexOf(layerOf(e.to)) > LAYERS.indexOf(layerOf(e.from)))
      .map((e) => `${e.from} → ${e.to}`);
    expect(upward).toEqual([]);
  });

  test("a lower module is reached only through its index.ts or its kernel.ts", () => {
    const doors = (to: string) => to === "errors.ts" || /^[a-z]+\/(index|kernel)\.ts$/.test(to);
    const through = edges
      .filter((e) => !e.external && layerOf(e.from) !== layerOf(e.to))
      .filter((e) => !doors(e.to))
      .map((e) => `${e.from} → ${e.to}`);
    expect(through).toEqual([]);
  });

  test("heavy dependencies stay in their module; src uses no Node built-ins", () => {
    const owner: Record<string, readonly string[]> = {
      rrule: ["calendar"],
      zod: ["contracts", "entry"],
      "json-rules-engine": ["contracts"],
    };
    const wrong = edges
      .filter((e) => e.external)
      .filter((e) => !(owner[e.to] ?? []).includes(layerOf(e.from)))
      .map((e) => `${e.from} imports ${e.to}`);
    expect(wrong).toEqual([]);
  });

  test("no comment cites a document outside the repository", () => {
    const cites = files
      .filter((f) => /SPEC\.md|research\/|anchors-|red-team/.test(f.source.text))
      .map((f) => f.name);
    expect(cites).toEqual([]);
  });
});

/**
 * Module-level memo tables: caches of pure functions keyed by immutable inputs. They change no result (a test
 * calls each public function re-entrantly and with interleaved async work to show it), and each is bounded.
 */
const MEMOS: Readonly<Record<string, string>> = {
  "calendar/zone.ts:zones": "offset tables per IANA zone id: built lazily, immutable once built",
  "calendar/zone.ts:zoneNames": "Intl.supportedValuesOf('timeZone'), read once for did-you-mean suggestions",
  "calendar/calendar.ts:durations": "parsed duration strings (cleared at 1,024 entries)",
  "contracts/schemas.ts:built": "the zod schemas, built on first use rather than at import",
  "contracts/classify.ts:engines": "one json-rules-engine Engine per compiled contract (WeakMap)",
};

function moduleState(file: (typeof files)[number]): string[] {
  const found: string[] = [];
  for (const statement of file.source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const d of statement.declarationList.declarations) {
      const name = d.name.getText(file.source);
      const init = d.initializer;
      const mutableContainer =
        init !== undefined &&
        ts.isNewExpression(init) &&
        /^(Map|Set|WeakMap|WeakSet|Date|Array|\w+Array)$/.test(init.expression.getText(file.source));
      // A constant lookup table (SCREAMING_CASE, built from literals, never written) is not state.
      const table = mutableContainer && /^[A-Z][A-Z0-9_]*$/.test(name);
      if (!isConst || (mutableContainer && !table)) found.push(`${file.name}:${name}`);
    }
  }
  return found;
}

test("no module-level mutable state besides the listed memo tables", () => {
  const state = files.flatMap(moduleState);
  expect(state.filter((s) => !(s in MEMOS))).toEqual([]);
  // Every listed memo still exists (a stale entry would hide a new one of the same name).
  expect(Object.keys(MEMOS).filter((m) => !state.includes(m))).toEqual([]);
});
