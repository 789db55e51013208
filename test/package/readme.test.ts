// The README's TypeScript blocks compile as written: each ```ts block is type-checked as a module of its own with
// the TypeScript compiler API, `slakit/*` mapped to src/, under plain `strict` (what a user's project has) and
// under this project's stricter settings. An HTML comment right before a block that starts with
// "<!-- test/package/readme.test.ts" holds declarations the block assumes (a sketch's free variables); they are
// type-checked with it.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { addBusinessTime, compileCalendar, SlaError, type TimeRange } from "../../src/calendar/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");

interface Block {
  /** 1-based line of the block's opening fence in README.md. */
  readonly line: number;
  readonly prelude: string;
  readonly code: string;
}

const PRELUDE_START = "<!-- test/package/readme.test.ts";

/** The ```ts blocks of a Markdown text, each with the declarations of the comment just before it. */
function tsBlocks(markdown: string): Block[] {
  const lines = markdown.split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== "```ts") continue;
    const end = lines.indexOf("```", i + 1);
    if (end < 0) throw new Error(`README.md:${i + 1}: unclosed code block`);
    let prelude = "";
    if (lines[i - 1] === "-->") {
      let start = i - 2;
      while (start >= 0 && !(lines[start] ?? "").startsWith(PRELUDE_START)) start--;
      if (start >= 0) prelude = lines.slice(start + 1, i - 1).join("\n");
    }
    blocks.push({ line: i + 1, prelude, code: lines.slice(i + 1, end).join("\n") });
    i = end;
  }
  return blocks;
}

/** The project's compiler options (tsconfig.json), for checking only. */
function projectOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (parsed === undefined) throw new Error("tsconfig.json could not be read");
  return parsed.options;
}

/** What a user's project has: strict mode, Node's module resolution, Node's types; nothing stricter. */
const USER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: ["node"],
  skipLibCheck: true,
};

/** `slakit` and `slakit/<entry>` resolve to the sources (an entry is a folder's index.ts, or src/schema.ts). */
const SLAKIT_PATHS = {
  slakit: [join(root, "src", "index.ts")],
  "slakit/*": [join(root, "src", "*", "index.ts"), join(root, "src", "*.ts")],
};

/**
 * Type-checks snippets as modules of their own (files that do not exist on disk, in test/package/, so that they
 * are ES modules like the package); returns the diagnostics, as "block:line:column TScode message".
 */
function typecheck(snippets: readonly string[], base: ts.CompilerOptions): string[] {
  const options: ts.CompilerOptions = { ...base, noEmit: true, paths: SLAKIT_PATHS, types: ["node"] };
  const files = new Map(
    snippets.map((text, i) => [
      join(root, "test", "package", `readme-block-${i + 1}.ts`),
      `${text}\nexport {};\n`,
    ]),
  );
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError) => {
    const text = files.get(name);
    return text === undefined
      ? getSourceFile(name, version, onError)
      : ts.createSourceFile(name, text, version);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, " ");
    if (d.file === undefined) return `TS${d.code} ${message}`;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    const name = d.file.fileName.slice(d.file.fileName.lastIndexOf("/") + 1);
    return `${name}:${line + 1}:${character + 1} TS${d.code} ${message}`;
  });
}

const blocks = tsBlocks(readme);
const sources = blocks.map((b) => (b.prelude === "" ? b.code : `${b.prelude}\n${b.code}`));

test("the README has TypeScript blocks: the quick start, the end-to-end example and the report sketch", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(3);
  expect(blocks[0]?.code).toContain('from "slakit/calendar"');
  expect(blocks.some((b) => b.code.includes("evaluateTicket(contract, ticket, now)"))).toBe(true);
  expect(blocks.filter((b) => b.prelude !== "")).toHaveLength(1);
});

test("no block reads a file: the examples run from the package alone", () => {
  for (const block of blocks)
    expect(block.code, `README.md:${block.line}`).not.toMatch(/readFileSync|examples\//);
});

describe("every ```ts block type-checks", () => {
  test("under strict (a user's project)", () => {
    expect(typecheck(sources, USER_OPTIONS)).toEqual([]);
  }, 60_000);
  test("under this project's settings (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes)", () => {
    expect(typecheck(sources, projectOptions())).toEqual([]);
  }, 60_000);
});

describe("the check can fail", () => {
  test("a type error and an unknown entry point are reported, at their block and line", () => {
    const diagnostics = typecheck(
      [
        'import { compileCalendar } from "slakit/calendar";\ncompileCalendar({ timezone: 8, week: "24x7" });',
        'import { nothing } from "slakit/nowhere";\nnothing;',
      ],
      USER_OPTIONS,
    );
    expect(diagnostics).toHaveLength(2);
    expect(diagnostics[0]).toMatch(/^readme-block-1\.ts:2:\d+ TS2322 /);
    expect(diagnostics[1]).toMatch(/^readme-block-2\.ts:1:\d+ TS2307 Cannot find module 'slakit\/nowhere'/);
  }, 60_000);

  test("hours written without `as const` type-check (TimeRange admits string[]), a wrong pair does not", () => {
    const diagnostics = typecheck(
      [
        [
          'import { compileCalendar } from "slakit/calendar";',
          'const day = [["09:00", "12:00"], ["13:00", "18:00"]];',
          'compileCalendar({ timezone: "UTC", week: { mon: day }, overrides: { "2025-01-01": day } });',
          'compileCalendar({ timezone: "UTC", week: { mon: [[9, 18]] } });',
        ].join("\n"),
      ],
      USER_OPTIONS,
    );
    // One TS2322 per number of [9, 18], both on line 4; lines 1 to 3 are clean.
    expect(diagnostics).toHaveLength(2);
    for (const d of diagnostics) expect(d).toMatch(/^readme-block-1\.ts:4:\d+ TS2322 /);
  }, 60_000);

  test("the declarations before a block are found", () => {
    const [block] = tsBlocks(
      [
        "text",
        "<!-- test/package/readme.test.ts: with",
        "declare const x: number;",
        "-->",
        "```ts",
        "x;",
        "```",
      ].join("\n"),
    );
    expect(block).toEqual({ line: 5, prelude: "declare const x: number;", code: "x;" });
  });
});

describe("an interval typed as string[] is checked at run time: exactly two times", () => {
  test.each<[readonly string[], number]>([
    [[], 0],
    [["09:00"], 1],
    [["09:00", "12:00", "18:00"], 3],
  ])("%j is refused with E_TYPE at its path", (range, length) => {
    const day: TimeRange[] = [["08:00", "09:00"], range];
    let error: unknown;
    try {
      compileCalendar({ timezone: "UTC", week: { mon: day } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SlaError);
    expect(error).toMatchObject({ code: "E_TYPE", path: "week.mon[1]" });
    expect((error as SlaError).message).toContain(
      `Expected an interval ["HH:MM", "HH:MM"], received an array of ${length}`,
    );
  });
  test("a pair typed as string[] is a working interval", () => {
    const day: string[][] = [["09:00", "12:00"]];
    const calendar = compileCalendar({ timezone: "UTC", week: { mon: day } });
    // Monday 2025-01-06 09:00Z + 3 working hours = 12:00Z, the end of the only interval; + 4 h = next Monday 10:00Z.
    expect(addBusinessTime(calendar, "2025-01-06T09:00:00Z", "PT3H").toISOString()).toBe(
      "2025-01-06T12:00:00.000Z",
    );
    expect(addBusinessTime(calendar, "2025-01-06T09:00:00Z", "PT4H").toISOString()).toBe(
      "2025-01-13T10:00:00.000Z",
    );
  });
});
