/**
 * No page of the documentation cites a file that is not in the repository: the TSDoc of `src/`, the README and
 * the guides (`guides/*.md`, the project documents of `npm run docs`) are scanned for references to documents that
 * live outside it (the product specification, research notes, sibling folders) and for repository paths and
 * Markdown files that do not exist. Such references render as dead links on the docs site and the npm page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SKIP = new Set(["node_modules", "dist", "docs", "coverage", ".git"]);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const repoFiles = walk(root).map((p) => relative(root, p).split("\\").join("/"));
const markdownNames = new Set(repoFiles.filter((p) => p.endsWith(".md")).map((p) => basename(p)));

/** Documents outside the repository, by the ways they get cited. */
const OUTSIDE: readonly [RegExp, string][] = [
  [/\bSPEC\.md\b/, "the product specification"],
  [/\bSPEC\s*§|§\s*\d/, "a section of the product specification"],
  [/\banchors-[a-z]+/, "a research note"],
  [/\bresearch\//, "the research folder"],
  [/\bred-team\b/, "a research note"],
  [/\barchitecture-review\b/, "a research note"],
  [/\.\.\/shared\b|\/work\//, "a folder outside the repository"],
];

/** Directories whose paths a page may name; a named path under them must exist. */
const REPO_PATH = /^(?:src|test|examples|bench|scripts|guides)\/[\w./-]*$/;

/**
 * The references of one text that point outside the repository or at nothing.
 * @param text - The text of a page or source file.
 * @param where - Its path from the repository root, to resolve relative links.
 */
function deadReferences(text: string, where: string): string[] {
  const found: string[] = [];
  for (const [pattern, what] of OUTSIDE) {
    const match = pattern.exec(text);
    if (match !== null) found.push(`${where}: cites ${what} (${JSON.stringify(match[0])})`);
  }
  for (const [, code] of text.matchAll(/`([^`\n]+)`/g)) {
    const token = code as string;
    if (REPO_PATH.test(token) && !existsSync(join(root, token))) found.push(`${where}: names ${token}`);
    else if (/^[\w.-]+\.md$/.test(token) && !markdownNames.has(token)) found.push(`${where}: names ${token}`);
  }
  if (where.endsWith(".md")) {
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const path = (target as string).split("#")[0] as string;
      // Absolute URLs are not files; docs/ is the site `npm run docs` generates (not committed).
      if (path === "" || /^[a-z]+:/.test(path) || path.startsWith("docs/")) continue;
      if (!existsSync(join(root, dirname(where), path))) found.push(`${where}: links to ${target}`);
    }
  }
  return found;
}

const pages = [
  "README.md",
  ...repoFiles.filter((p) => p.startsWith("guides/") && p.endsWith(".md")),
  ...repoFiles.filter((p) => p.startsWith("src/") && p.endsWith(".ts")),
];

describe("documentation references", () => {
  test("the pages scanned include the README, six guides and the sources", () => {
    expect(pages).toContain("README.md");
    expect(pages.filter((p) => p.startsWith("guides/")).sort()).toEqual([
      "guides/concepts.md",
      "guides/decisions.md",
      "guides/embedding.md",
      "guides/error-codes.md",
      "guides/index.md",
      "guides/reports.md",
      "guides/writing-a-contract.md",
    ]);
    expect(pages.filter((p) => p.startsWith("src/")).length).toBeGreaterThan(50);
  });

  test("no page cites a file that is not in the repository", () => {
    const dead = pages.flatMap((p) => deadReferences(readFileSync(join(root, p), "utf8"), p));
    expect(dead).toEqual([]);
  });

  test("the guides link to one another and to files that exist", () => {
    const index = readFileSync(join(root, "guides", "index.md"), "utf8");
    for (const page of [
      "concepts",
      "writing-a-contract",
      "embedding",
      "reports",
      "decisions",
      "error-codes",
    ]) {
      expect(index).toContain(`(./${page}.md)`);
    }
  });
});

describe("the scanner finds what it must", () => {
  test.each([
    ["see SPEC.md section 3", "guides/x.md", "cites the product specification"],
    ["as SPEC §3.2 says", "src/a.ts", "cites a section of the product specification"],
    ["from `anchors-aesthetics.md`", "src/a.ts", "cites a research note"],
    ["in /work/shared/research/notes", "README.md", "cites the research folder"],
    ["read ../shared/STYLE.md", "README.md", "cites a folder outside the repository"],
    ["see `examples/nothing-here.mjs`", "guides/x.md", "names examples/nothing-here.mjs"],
    ["see `HISTORY.md`", "src/a.ts", "names HISTORY.md"],
    ["[the spec](../spec/SLA.md)", "guides/x.md", "links to ../spec/SLA.md"],
  ])("%j", (text, where, message) => {
    expect(deadReferences(text, where).join("\n")).toContain(message);
  });

  test("references to files that exist pass", () => {
    const text =
      "`examples/scheduler/` and `src/errors.ts`, `CHANGELOG.md`, [reports](./reports.md#the-window-and-now), " +
      "[calendar](docs/modules/calendar.html), [typedoc](https://typedoc.org)";
    expect(deadReferences(text, "guides/x.md")).toEqual([]);
  });
});
