// The README's TypeScript blocks compile as written: each ```ts block is type-checked as a module of its own with
// the TypeScript compiler API, `slakit/*` mapped to src/, under plain `strict` (what a user's project has) and
// under this project's stricter settings. A sketch whose free variables are left to the reader (the report sketch:
// `contract`, `shard`, `runWorker`, ...) gets their declarations from SKETCHES below, found by a line of the
// block; they are type-checked with it, and each must find exactly one block.
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
  readonly code: string;
}

/** A sketch of the README: a line of its block, and the declarations of what the sketch leaves to the reader. */
interface Sketch {
  readonly line: string;
  readonly declarations: string;
}

const SKETCHES: readonly Sketch[] = [
  {
    line: 'const part = await buildReportAsync(contract, cursorOverShard(shard), { period: { month: "2025-10" }, now });',
    declarations: [
      'import { writeFileSync } from "node:fs";',
      'import type { Contract } from "slakit/contracts";',
      'import type { Ticket } from "slakit/escalation";',
      'import { buildReportAsync, mergeReports, renderReport } from "slakit/reporting";',
      "declare const contract: Contract;",
      "declare const now: string;",
      "declare const shard: number;",
      "declare const shards: readonly number[];",
      "declare function cursorOverShard(shard: number): AsyncIterable<Ticket>;",
      "declare function postMessage(text: string): void;",
      "declare function runWorker(shard: number): Promise<string>;",
    ].join("\n"),
  },
];

/** The ```ts blocks of a Markdown text. */
function tsBlocks(markdown: string): Block[] {
  const lines = markdown.split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== "```ts") continue;
    const end = lines.indexOf("```", i + 1);
    if (end < 0) throw new Error(`README.md:${i + 1}: unclosed code block`);
    blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join("\n") });
    i = end;
  }
  return blocks;
}

/** The sketches whose line is a line of the block. */
function sketchesOf(block: Block): Sketch[] {
  const lines = block.code.split("\n");
  return SKETCHES.filter((sketch) => lines.includes(sketch.line));
}

/** The block as a module to type-check: the declarations of its sketch, if it is one, then the block. */
function moduleOf(block: Block): string {
  return [...sketchesOf(block).map((sketch) => sketch.declarations), block.code].join("\n");
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
const sources = blocks.map(moduleOf);

test("the README has TypeScript blocks: the quick start, the end-to-end example and the report sketch", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(3);
  expect(blocks[0]?.code).toContain('from "slakit/calendar"');
  expect(blocks.some((b) => b.code.includes("evaluateTicket(contract, ticket, now)"))).toBe(true);
});

test("each sketch's declarations belong to exactly one block", () => {
  for (const sketch of SKETCHES)
    expect(
      blocks.filter((b) => sketchesOf(b).includes(sketch)),
      sketch.line,
    ).toHaveLength(1);
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

  test("the report sketch does not type-check without its declarations", () => {
    const sketch = blocks.find((b) => sketchesOf(b).length > 0);
    expect(sketch).toBeDefined();
    const diagnostics = typecheck([sketch?.code ?? ""], USER_OPTIONS);
    // Each free variable of the sketch, once, is unknown without the declarations: TS2304 "Cannot
    // find name" for each, TS18004 for `now` (a shorthand property).
    const unknown = diagnostics.flatMap((d) => /TS(?:2304|18004) .*?'(\w+)'/.exec(d)?.[1] ?? []);
    expect(unknown.sort()).toEqual(
      [
        "buildReportAsync",
        "contract",
        "cursorOverShard",
        "mergeReports",
        "now",
        "postMessage",
        "renderReport",
        "runWorker",
        "shard",
        "shards",
        "writeFileSync",
      ].sort(),
    );
  }, 60_000);

  test("blocks are found with their lines", () => {
    const found = tsBlocks(["text", "```ts", "x;", "```", "", "```ts", "y;", "z;", "```"].join("\n"));
    expect(found).toEqual([
      { line: 2, code: "x;" },
      { line: 6, code: "y;\nz;" },
    ]);
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
