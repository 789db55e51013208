// slakit/schema.json: the JSON Schema shipped as a file (dist/schema.json, written after tsup by
// scripts/write-schema.mjs) is `contractJsonSchema`, byte for byte as `JSON.stringify(schema, null, 2)`.
// The build step is run here on a build of the schema entry alone, in a directory of its own; the package's
// dist/schema.json is checked too when dist/ is up to date with src/ (as in `npm test`, which builds first).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { contractJsonSchema } from "../../src/schema.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// Inside the repository, so that the build's `import "zod"` resolves to node_modules.
const scratch = join(root, "node_modules", ".cache", "slakit-schema-file-test");
const expectedText = `${JSON.stringify(contractJsonSchema, null, 2)}\n`;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

beforeAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  const tsup = join(root, "node_modules", "tsup", "dist", "cli-default.js");
  const args = [tsup, "--entry.schema", "src/schema.ts", "--format", "esm", "--no-dts", "--out-dir", scratch];
  execFileSync(process.execPath, args, { cwd: root, stdio: "pipe", timeout: 120_000 });
  execFileSync(process.execPath, [join(root, "scripts", "write-schema.mjs"), scratch], {
    cwd: root,
    stdio: "pipe",
    timeout: 60_000,
  });
}, 180_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

test("the build step writes contractJsonSchema as JSON, two-space indented, with a final newline", () => {
  const text = readFileSync(join(scratch, "schema.json"), "utf8");
  expect(text === expectedText).toBe(true); // compared as a boolean: a failure would print 136 kB twice
  expect(JSON.parse(text)).toEqual(contractJsonSchema);
  expect(
    text.startsWith('{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "title": '),
  ).toBe(true);
});

test("package.json exports it as slakit/schema.json and builds it in `npm run build`", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    exports: Record<string, unknown>;
    files: string[];
    scripts: Record<string, string>;
  };
  expect(pkg.exports["./schema.json"]).toBe("./dist/schema.json");
  expect(pkg.files).toEqual(["dist", "CHANGELOG.md"]); // npm adds README and LICENSE itself
  expect(pkg.scripts.build).toBe("tsup && node scripts/write-schema.mjs");
});

const dist = join(root, "dist");
const distIsFresh =
  existsSync(join(dist, "schema.json")) &&
  existsSync(join(dist, "schema.js")) &&
  statSync(join(dist, "schema.json")).mtimeMs >= newestMtime(join(root, "src")) &&
  statSync(join(dist, "schema.json")).mtimeMs >= statSync(join(dist, "schema.js")).mtimeMs;

test(`the package's dist/schema.json is contractJsonSchema (${distIsFresh ? "dist/ is up to date" : "dist/ is older than src/: the scratch build stands for it"})`, () => {
  const file = distIsFresh ? join(dist, "schema.json") : join(scratch, "schema.json");
  expect(readFileSync(file, "utf8") === expectedText).toBe(true);
});
