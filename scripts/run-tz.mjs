#!/usr/bin/env node
// Runs the test suite once per host time zone (and with varied locales), sequentially, failing fast.
// SPEC.md 3.9: results must not depend on the host TZ, locale or clock.
// Usage: node scripts/run-tz.mjs [extra vitest args...]
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const vitestBin = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");

/** @type {{ TZ: string; LANG: string }[]} */
const runs = [
  { TZ: "UTC", LANG: "C.UTF-8" },
  { TZ: "Asia/Shanghai", LANG: "zh_CN.UTF-8" },
  { TZ: "America/New_York", LANG: "en_US.UTF-8" },
  { TZ: "Pacific/Chatham", LANG: "de_DE.UTF-8" },
];

const started = Date.now();
for (const [i, run] of runs.entries()) {
  console.log(`\n=== [${i + 1}/${runs.length}] vitest run  TZ=${run.TZ}  LANG=LC_ALL=${run.LANG} ===\n`);
  const env = { ...process.env, TZ: run.TZ, LANG: run.LANG, LC_ALL: run.LANG };
  const result = spawnSync(process.execPath, [vitestBin, "run", ...process.argv.slice(2)], {
    stdio: "inherit",
    env,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(
      `\n✖ test suite failed under TZ=${run.TZ} LANG=${run.LANG} (exit ${result.status ?? result.signal})`,
    );
    process.exit(result.status ?? 1);
  }
}
console.log(
  `\n✔ test suite passed under ${runs.length} time zones in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
