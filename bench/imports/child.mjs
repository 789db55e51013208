// Child of bench/imports.mjs, run in a fresh `node` process: imports one specifier and prints, as JSON, the
// time of the import() itself and the time from process start (performance.now()'s origin) to the import
// resolved. With IMPORT_LIST=1 (and --import ./bench/imports/register.mjs) it also prints the modules loaded:
// the ESM URLs the loader hook recorded and the CommonJS files in the require cache.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const specifier = process.argv[2];
const t0 = performance.now();
if (specifier !== "none") await import(specifier);
const t1 = performance.now();
const result = { importMs: t1 - t0, sinceStartMs: t1 };
if (process.env.IMPORT_LIST === "1") {
  const esm = readFileSync(process.env.IMPORT_LOG, "utf8").split("\n").filter(Boolean);
  const cjs = Object.keys(createRequire(import.meta.url)("node:module")._cache);
  result.modules = [...new Set([...esm, ...cjs.map((f) => `file://${f}`)])];
}
process.stdout.write(JSON.stringify(result));
