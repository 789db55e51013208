// Bundle size per entry point (issue 13): each entry of the built package (dist/<entry>.js, the "import"
// condition) bundled with esbuild as a consumer's bundler would for a browser — ESM, minified, every
// dependency bundled, tree-shaken, all of the entry's exports kept — reported in KB minified and minified +
// gzip, with the bytes each dependency puts in the bundle (esbuild's metafile). esbuild comes from
// node_modules (installed for tsup). Run after `npm run build`: `node bench/bundle.mjs` (part of
// `npm run bench`). Writes the section "bundle" of bench/results/latest.md.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { DEPENDENCIES, dependencyRoots, packageOf, root } from "./packages.mjs";
import { machineLine, writeSection } from "./results.mjs";
import { contractInput } from "./tickets.mjs";

// ---------------------------------------------------------------------------------------------- parameters
const ENTRIES = [
  ["slakit", "index"],
  ["slakit/calendar", "calendar"],
  ["slakit/contracts", "contracts"],
  ["slakit/escalation", "escalation"],
  ["slakit/reporting", "reporting"],
  ["slakit/schema", "schema"],
];
const PLATFORM = "browser";
const GZIP_LEVEL = 9;

const esbuild = await import("esbuild");
const owner = dependencyRoots();
const kb = (bytes) => (bytes / 1024).toFixed(1);
const rows = [];
const warnings = new Map(); // text → entries
let fullBundle = null;
for (const [entry, file] of ENTRIES) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [join(root, "dist", `${file}.js`)],
    bundle: true,
    format: "esm",
    platform: PLATFORM,
    minify: true,
    treeShaking: true,
    write: false,
    metafile: true,
    outfile: join(root, "bench", "results", `bundle-${file}.js`),
    logLevel: "silent",
  });
  for (const w of result.warnings) {
    const text = w.text.replace(/chunk-[\w-]+\.js/, "chunk-….js");
    warnings.set(text, new Set([...(warnings.get(text) ?? []), entry]));
  }
  const output = result.outputFiles.find((o) => o.path.endsWith(".js"));
  if (entry === "slakit") fullBundle = output.contents;
  const meta = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  const bytes = new Map();
  for (const [path, { bytesInOutput }] of Object.entries(meta.inputs)) {
    const p = packageOf(path) ?? "slakit";
    const key = p === "slakit" ? "slakit" : (owner.get(p) ?? p);
    bytes.set(key, (bytes.get(key) ?? 0) + bytesInOutput);
  }
  rows.push({
    entry,
    min: output.contents.length,
    gzip: gzipSync(output.contents, { level: GZIP_LEVEL }).length,
    bytes,
  });
}

const others = [...new Set(rows.flatMap((r) => [...r.bytes.keys()]))].filter(
  (k) => k !== "slakit" && !DEPENDENCIES.includes(k),
);
const columns = [...DEPENDENCIES, ...others];
const lines = [
  "## Bundle size per entry point (bench/bundle.mjs)",
  "",
  `${machineLine()} · esbuild ${esbuild.version}, \`dist/<entry>.js\` bundled for platform ${PLATFORM}, ESM, minified, every dependency bundled, all exports of the entry kept. KB = 1,024 bytes; gzip level ${GZIP_LEVEL}.`,
  "",
  `| entry | min KB | min + gzip KB | slakit code KB | ${columns.map((c) => `${c} KB`).join(" | ")} |`,
  `|---|---:|---:|---:|${"---:|".repeat(columns.length)}`,
];
for (const r of rows) {
  const dep = (c) => (r.bytes.has(c) ? kb(r.bytes.get(c)) : "—");
  lines.push(
    `| \`${r.entry}\` | ${kb(r.min)} | ${kb(r.gzip)} | ${kb(r.bytes.get("slakit") ?? 0)} | ${columns.map(dep).join(" | ")} |`,
  );
}
lines.push(
  "",
  "Per-dependency columns are esbuild's bytes in the minified output (before gzip), the dependency together with",
  "the packages it depends on (json-rules-engine: jsonpath-plus, hash-it, eventemitter2, clone; rrule: tslib).",
);
const heavy = rows.filter(
  (r) => r.entry !== "slakit" && r.entry !== "slakit/contracts" && r.bytes.has("json-rules-engine"),
);
for (const r of heavy) {
  lines.push(
    "",
    `- \`${r.entry}\` carries json-rules-engine (${kb(r.bytes.get("json-rules-engine"))} KB min) although it never classifies a ticket.`,
  );
}

// Does the bundle work? The whole-package bundle, loaded in this process: a seed contract parsed, its
// inspections planned (rrule), a ticket classified (json-rules-engine), and one evaluated on the bench contract.
const tmp = mkdtempSync(join(os.tmpdir(), "slakit-bundle-"));
let smoke;
try {
  const file = join(tmp, "slakit.mjs");
  writeFileSync(file, fullBundle);
  const s = await import(pathToFileURL(file).href);
  const input = JSON.parse(
    readFileSync(join(root, "examples", "contracts", "seed-002-network-levels.json"), "utf8"),
  );
  const contract = s.parseContract(input);
  const plan = s.inspectionPlan(contract, "2025-01-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00");
  const level = await s.classifyTicket(contract, {});
  const status = s.evaluateTicket(
    s.parseContract(contractInput),
    { id: "T-1", level, events: [{ type: "opened", at: "2025-03-03T09:00:00+08:00" }] },
    "2025-03-03T10:00:00+08:00",
  );
  if (!(plan.length > 0 && typeof level === "string" && status.targets.length > 0))
    throw new Error("empty results");
  smoke = `parseContract, inspectionPlan (${plan.length} inspections), classifyTicket ("${level}") and evaluateTicket ran on it`;
} catch (e) {
  smoke = null;
  lines.push("", `✖ the bundled \`slakit\` does not work: ${e?.message ?? e}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (smoke) lines.push("", `- The whole-package bundle works when loaded: ${smoke}.`);
for (const [text, entries] of warnings) lines.push(`- esbuild warned (${[...entries].join(", ")}): ${text}`);
const md = lines.join("\n");
console.log(`\n${md}\n`);
writeSection("bundle", md);
if (!smoke) process.exit(1);
