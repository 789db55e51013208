// Post-build step of `npm run build`: writes the contract's JSON Schema, as the built `slakit/schema` entry
// generates it, to dist/schema.json (package.json exports it as `slakit/schema.json`). Editors and tools that
// read files (a contract's "$schema", VS Code's json.schemas, CI validators) use the file; code imports
// `contractJsonSchema` from `slakit/schema`. test/package/schema-file.test.ts checks that the two are equal.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dist = new URL("../dist/", import.meta.url);
const { contractJsonSchema } = await import(new URL("schema.js", dist).href);
if (typeof contractJsonSchema !== "object" || contractJsonSchema === null) {
  throw new Error("dist/schema.js exports no contractJsonSchema: run tsup first");
}
const target = fileURLToPath(new URL("schema.json", dist));
const text = `${JSON.stringify(contractJsonSchema, null, 2)}\n`;
writeFileSync(target, text);
console.log(`wrote ${target} (${text.length} characters)`);
