// Runs every example script (examples/*.mjs, *.cjs) against the built package, as `npm run examples` does, and
// checks its key lines. The examples import "slakit/…" by name, which resolves to dist/: the package is built
// first when dist/ is missing or older than any file in src/ (`npm test` builds only after the unit tests).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const examples = join(root, "examples");
const entries = ["index", "calendar", "contracts", "escalation", "reporting", "schema"];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function distIsFresh(): boolean {
  const built = entries.flatMap((name) => [
    join(root, "dist", `${name}.js`),
    join(root, "dist", `${name}.cjs`),
  ]);
  if (!built.every((file) => existsSync(file))) return false;
  const oldest = Math.min(...built.map((file) => statSync(file).mtimeMs));
  return oldest >= newestMtime(join(root, "src"));
}

beforeAll(() => {
  if (distIsFresh()) return;
  const tsup = join(root, "node_modules", "tsup", "dist", "cli-default.js");
  execFileSync(process.execPath, [tsup], { cwd: root, stdio: "pipe", timeout: 120_000 });
}, 130_000);

function run(name: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(examples, name)], {
    cwd: root,
    encoding: "utf8",
    timeout: 90_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scripts = readdirSync(examples)
  .filter((name) => /\.(mjs|cjs)$/.test(name) && name !== "run-all.mjs")
  .sort();

/** Lines each example must print (besides "<name>: all checks passed"), as regular expressions. */
const keyLines: Record<string, readonly RegExp[]> = {
  "seed-000-school.mjs": [
    /at 2025-10-01 11:30: met breached running running pending +next check 2025-10-01 13:00/,
    /Started 2025-10-01 11:00 \(\+08:00\) by the breach of "resolve"/,
    /Tickets: 160 opened/,
    /KPI Mean handling time \(consultation\) ≤ 6 min +PASS/,
    /merge of two halves = whole report/,
    /Reports written: examples\/out\/seed-000-school\/2025-10\.md/,
  ],
  "seed-001-network-desk.mjs": [
    /at 2025-10-09 14:30: running +remind30:due remind45:scheduled reassign45:scheduled +next check 2025-10-09 14:45/,
    /at 2025-10-09 14:50: running +remind30:due remind45:due reassign45:due +next check 2025-10-09 15:00/,
    /remind30 +due \d+, skipped \d+, scheduled 0/,
    /merge of two halves = whole report/,
  ],
  "seed-002-network-levels.mjs": [
    /\{"otherBusinessOutageMinutes":10\} +→ level1/,
    /\{"otherBusinessOutageMinutes":9,"functionAffected":true\} +→ level3/,
    /KPI Inspections done ≥ 100 % +FAIL +50\.00 % \(1\/2\)/,
  ],
  "seed-003-it-support.mjs": [
    /\(a\) emergency Fri 10 Oct 17:50: response due 2025-10-11 09:20/,
    /\(b\) general Tue 30 Sep 17:00: response due 2025-10-09 10:00, answer due 2025-10-09 18:00/,
    /\(d\) paused 13 working hours: answer due 2025-10-16 13:00/,
    /Paused 1 time, 13 h 0 min of working time/,
  ],
  "seed-004-software.mjs": [
    /at 2025-10-10 19:00: response:met fix:breached plan:running answer:met +next check 2025-10-13 00:00/,
    /F-2 paused 6 working hours: fix due 2025-10-16 15:00/,
    /dueAt = start \+ 26 h 0 min of working time = 2025-10-10 18:00/,
  ],
  "helpdesk-pglite.mjs": [
    /SEED-001-\d+ reassign45 reassign → desk/,
    /each exactly once and on time/,
    /Scheduler: \d+ wake-ups, 0 wasted/,
  ],
};

describe.each(scripts)("examples/%s", (name) => {
  test("runs against the built package and prints its key figures", () => {
    const { status, stdout, stderr } = run(name);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain(`${name.replace(/\.(mjs|cjs)$/, "")}: all checks passed`);
    for (const line of keyLines[name] ?? []) expect(stdout).toMatch(line);
  });
});

test("every seed example has its key lines listed here", () => {
  for (const name of scripts.filter((n) => n.startsWith("seed-") || n.startsWith("helpdesk-"))) {
    expect(keyLines[name], name).toBeDefined();
  }
  expect(Object.keys(keyLines).every((name) => scripts.includes(name))).toBe(true);
});

test("the seed examples wrote their reports in four formats; the HTML is self-contained with charts", () => {
  for (const [dir, name] of [
    ["seed-000-school", "2025-10"],
    ["seed-001-network-desk", "2025-10"],
    ["seed-002-network-levels", "2025-09-15_2025-10-14"],
    ["seed-003-it-support", "2025-10"],
    ["seed-004-software", "2025-10"],
  ] as const) {
    const base = join(examples, "out", dir, name);
    for (const ext of ["md", "html", "csv", "json"])
      expect(existsSync(`${base}.${ext}`), `${base}.${ext}`).toBe(true);
    const html = readFileSync(`${base}.html`, "utf8");
    expect(html).toMatch(/<svg/);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);
    expect(JSON.parse(readFileSync(`${base}.json`, "utf8")).format).toBe("slakit.report/1");
  }
});
