// Import cost per entry point (issue 13): for each of slakit's entry points, in fresh `node` processes, the
// time of the dynamic import() and the time from process start to the import resolved (measured inside the
// child with performance.now(); median of PROCESSES processes), and which heavy dependencies each entry loads
// (one more process with a loader hook recording every resolved module, plus the CommonJS require cache).
// Run after `npm run build`: `node bench/imports.mjs` (part of `npm run bench`). Writes the section "imports"
// of bench/results/latest.md.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { DEPENDENCIES, dependencyRoots, packageOf, root } from "./packages.mjs";
import { machineLine, median, writeSection } from "./results.mjs";

// ---------------------------------------------------------------------------------------------- parameters
const ENTRIES = [
  "slakit",
  "slakit/calendar",
  "slakit/contracts",
  "slakit/escalation",
  "slakit/reporting",
  "slakit/schema",
];
const PROCESSES = 9; // fresh processes per entry (median), interleaved across entries

const child = join(root, "bench", "imports", "child.mjs");
const register = join(root, "bench", "imports", "register.mjs");
const run = (args, env = {}) =>
  JSON.parse(
    execFileSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" }),
  );

// Timing, without any hook: rounds over all entries, so that a burst of load hits every entry alike.
const specs = ["none", ...ENTRIES];
const samples = Object.fromEntries(specs.map((s) => [s, []]));
for (let r = 0; r < PROCESSES; r++) for (const s of specs) samples[s].push(run([child, s]));

// Modules loaded, with the hook.
const tmp = mkdtempSync(join(os.tmpdir(), "slakit-imports-"));
const owner = dependencyRoots();
const loaded = {};
for (const s of specs) {
  const log = join(tmp, `${s.replace("/", "_")}.log`);
  writeFileSync(log, "");
  const r = run(["--import", register, child, s], { IMPORT_LIST: "1", IMPORT_LOG: log });
  const files = r.modules.filter((u) => u.startsWith("file:") && !u.includes("/bench/imports/"));
  const byPackage = new Map();
  for (const f of files) {
    const p = packageOf(f);
    if (p === null) continue;
    const key = p === "slakit" ? "slakit" : (owner.get(p) ?? p);
    byPackage.set(key, (byPackage.get(key) ?? 0) + 1);
  }
  loaded[s] = byPackage;
}
rmSync(tmp, { recursive: true, force: true });

const ms = (x) => x.toFixed(1);
const lines = [
  "## Import cost per entry point (bench/imports.mjs)",
  "",
  `${machineLine()} · median of ${PROCESSES} fresh \`node\` processes per entry (ESM, dynamic import() of the package name, from the built dist/).`,
  "",
  `| entry | import() ms | process start → import resolved, ms | slakit modules | ${DEPENDENCIES.map((d) => `${d} (modules)`).join(" | ")} |`,
  `|---|---:|---:|---:|${"---|".repeat(DEPENDENCIES.length)}`,
];
for (const s of specs) {
  const imp = median(samples[s].map((x) => x.importMs));
  const since = median(samples[s].map((x) => x.sinceStartMs));
  const l = loaded[s];
  const deps = DEPENDENCIES.map((d) => (l.has(d) ? `**loaded** (${l.get(d)})` : "—"));
  const label = s === "none" ? "(nothing: node's own start-up)" : `\`${s}\``;
  lines.push(`| ${label} | ${ms(imp)} | ${ms(since)} | ${l.get("slakit") ?? 0} | ${deps.join(" | ")} |`);
}
lines.push(
  "",
  "Modules are counted per runtime dependency with the packages it depends on (e.g. json-rules-engine with",
  "jsonpath-plus, hash-it, eventemitter2, clone). ESM modules are recorded by a loader hook (`--import",
  "bench/imports/register.mjs`, in a separate process, so that the hook does not slow the timed ones); CommonJS",
  "files required from CommonJS, which that hook does not see in Node 20, come from the require cache.",
);
const md = lines.join("\n");
console.log(`\n${md}\n`);
writeSection("imports", md);
