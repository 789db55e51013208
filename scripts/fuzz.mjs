#!/usr/bin/env node
// Long run of the calendar's differential fuzzer (test/calendar/differential.prop.test.ts): the same
// properties as the CI test, against the brute-force reference in test/calendar/reference.ts.
//   npm run fuzz                                  1,000,000 cases in total, base seed 20250309
//   FUZZ_RUNS=200000 FUZZ_SEED=42 npm run fuzz    another size or seed
//   FUZZ_BATCH=5000 npm run fuzz                  smaller batches: more counterexamples per run
// The cases are split evenly over the four properties and run in batches of FUZZ_BATCH (default 25,000),
// batch k of property p with seed FUZZ_SEED + p + 1000 k, so that one counterexample does not end the run.
// Prints progress, every counterexample (fast-check's report: seed, path and the shrunk case, replayable
// with fc.assert(..., { seed, path })), and a summary; exits 1 if any batch failed. Not part of `npm test`.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const vitestBin = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");

const runs = Number(process.env.FUZZ_RUNS ?? 1_000_000);
const seed = Number(process.env.FUZZ_SEED ?? 20_250_309);
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  console.error("FUZZ_RUNS must be a positive integer and FUZZ_SEED an integer");
  process.exit(2);
}

console.log(`calendar fuzz: ${runs} cases, base seed ${seed}, TZ=${process.env.TZ ?? "(host)"}`);
const started = Date.now();
const child = spawn(
  process.execPath,
  [vitestBin, "run", "test/calendar/differential.prop.test.ts", "--testTimeout=0", "--hookTimeout=0"],
  {
    cwd: root,
    env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), NO_COLOR: "1" },
    stdio: "pipe",
  },
);

/** The last progress line of each property: `fuzz <name>: <done>/<total> cases, <k> failing batches, <s> s`. */
const progress = new Map();
const counterexamples = [];
let buffer = "";
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  buffer += chunk.toString("utf8");
  const lines = buffer.split("\n");
  buffer = lines.pop() ?? "";
  for (const line of lines) {
    const plain = line.trim();
    const p = /^fuzz (\w+): (\d+)\/(\d+) cases, (\d+) failing batches, ([\d.]+) s/.exec(plain);
    if (p !== null) progress.set(p[1], { done: Number(p[2]), failing: Number(p[4]), seconds: Number(p[5]) });
    if (plain.startsWith("FUZZ COUNTEREXAMPLE")) counterexamples.push(plain);
  }
});
child.stderr.pipe(process.stderr);
child.on("close", (code) => {
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const done = [...progress.values()].reduce((sum, p) => sum + p.done, 0);
  console.log(
    `\n=== calendar fuzz summary: base seed ${seed}, ${done} of ${runs} cases in ${minutes} min ===`,
  );
  for (const [name, p] of progress) {
    console.log(
      `  ${name.padEnd(9)} ${String(p.done).padStart(8)} cases  ${p.failing} failing batches  ${p.seconds} s`,
    );
  }
  if (counterexamples.length > 0)
    console.log(`  counterexamples (reports above):\n    ${counterexamples.join("\n    ")}`);
  else if (code === 0) console.log("  no counterexample");
  process.exit(code ?? 1);
});
