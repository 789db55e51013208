#!/usr/bin/env node
// Runs the test suite the way CI does, failing fast:
// - the `unit` project (every example and law) once per host time zone, with varied locales: results must not
//   depend on the host's zone, locale or clock;
// - the `scale` project (real PostgreSQL, 1M-ticket report, examples against dist/) once, in one zone.
// The scale project needs a PostgreSQL: the one named by PGHOST (CI starts one), or else a throwaway cluster
// that this script starts with .ci/postgres.sh (installing Debian's postgresql when missing) and stops at the
// end. When neither is possible the scheduler's scale test fails; it never skips.
// Usage: node scripts/run-tz.mjs [extra vitest args...]
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const vitestBin = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");

/** @type {{ project: string; TZ: string; LANG: string }[]} */
const runs = [
  { project: "unit", TZ: "UTC", LANG: "C.UTF-8" },
  { project: "unit", TZ: "Asia/Shanghai", LANG: "zh_CN.UTF-8" },
  { project: "unit", TZ: "America/New_York", LANG: "en_US.UTF-8" },
  { project: "unit", TZ: "Pacific/Chatham", LANG: "de_DE.UTF-8" },
  { project: "scale", TZ: "America/Sao_Paulo", LANG: "pt_BR.UTF-8" },
];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
let stopPostgres = () => {};

/** PGHOST and friends from the environment, or from a throwaway cluster started for this run. */
function postgresEnv() {
  if (process.env.PGHOST) return {};
  const script = join(root, ".ci/postgres.sh");
  const started = spawnSync("bash", [script, "start"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (started.status !== 0) {
    console.error("run-tz: could not start a throwaway PostgreSQL; the scheduler's scale test will fail");
    return {};
  }
  stopPostgres = () => spawnSync("bash", [script, "stop"], { stdio: "inherit" });
  const env = {};
  for (const [, key, value] of started.stdout.matchAll(/\b(PG[A-Z]+)=(\S+)/g)) env[key] = value;
  return env;
}

const started = Date.now();
process.on("exit", () => stopPostgres());
for (const [i, run] of runs.entries()) {
  console.log(
    `\n=== [${i + 1}/${runs.length}] vitest run --project ${run.project}  TZ=${run.TZ}  LANG=LC_ALL=${run.LANG} ===\n`,
  );
  const env = { ...process.env, TZ: run.TZ, LANG: run.LANG, LC_ALL: run.LANG };
  if (run.project === "scale") Object.assign(env, postgresEnv());
  const result = spawnSync(
    process.execPath,
    [vitestBin, "run", "--project", run.project, ...process.argv.slice(2)],
    { stdio: "inherit", env },
  );
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(
      `\n✖ ${run.project} tests failed under TZ=${run.TZ} LANG=${run.LANG} (exit ${result.status ?? result.signal})`,
    );
    process.exit(result.status ?? 1);
  }
}
console.log(`\n✔ tests passed (${runs.length} runs) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
