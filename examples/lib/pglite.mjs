// An in-memory PGlite database that starts fast: creating a fresh one runs initdb inside WebAssembly (several
// seconds); loading an initialised data directory takes a fraction of that. The first run saves such a template
// to examples/out/.cache/ (generated, not committed); later runs load it. Any problem with the template
// (missing, from another PGlite version, corrupt) falls back to a fresh database.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";

// The template belongs to one PGlite version (its package.json is not exported: found next to its entry point).
const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
const { version } = JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8"));
const cacheDir = join(dirname(fileURLToPath(import.meta.url)), "..", "out", ".cache");
const template = join(cacheDir, `pglite-${version}-datadir.tar.gz`);

/** A new, empty, in-memory PGlite database. */
export async function openPglite() {
  if (existsSync(template)) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([readFileSync(template)]) });
    } catch {
      // fall through: build a fresh one and replace the template
    }
  }
  const db = await PGlite.create();
  try {
    const dump = await db.dumpDataDir("gzip");
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${template}.${process.pid}.tmp`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, template); // atomic: a concurrent run sees the old file or the new one
  } catch {
    // the template is an optimisation only
  }
  return db;
}
