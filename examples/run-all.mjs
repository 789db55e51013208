// Runs every example against the built package (ESM and CJS), failing on the first that fails.
// `npm run examples` builds first; each example asserts its own key figures.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const scripts = readdirSync(here)
  .filter((name) => /\.(mjs|cjs)$/.test(name) && name !== "run-all.mjs")
  .sort();

let passed = 0;
for (const name of scripts) {
  console.log(`\n▶ examples/${name}`);
  const result = spawnSync(process.execPath, [join(here, name)], { stdio: "inherit", cwd: join(here, "..") });
  if (result.status !== 0) {
    console.error(`✖ examples/${name} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  passed++;
}
console.log(`\n${passed} passed, 0 failed`);
