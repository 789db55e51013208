// Post-build step of `npm run build`: writes the contract's JSON Schema, as the built `slakit/schema` entry
// generates it, to dist/schema.json (package.json exports it as `slakit/schema.json`). Editors and tools that
// read files (a contract's "$schema", VS Code's json.schemas, CI validators) use the file; code imports
// `contractJsonSchema` from `slakit/schema`. test/package/schema-file.test.ts checks that the two are equal.
// Usage: node scripts/write-schema.mjs [build directory, default dist/]
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir =
  process.argv[2] === undefined
    ? fileURLToPath(new URL("../dist/", import.meta.url))
    : resolve(process.argv[2]);
const { contractJsonSchema } = await import(pathToFileURL(resolve(dir, "schema.js")).href);
if (typeof contractJsonSchema !== "object" || contractJsonSchema === null) {
  throw new Error(`${dir}/schema.js exports no contractJsonSchema: run tsup first`);
}
const target = resolve(dir, "schema.json");
const text = `${JSON.stringify(contractJsonSchema, null, 2)}\n`;
writeFileSync(target, text);
console.log(`wrote ${target} (${text.length} characters)`);
