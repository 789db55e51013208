// Post-build check (`npm run check:dist`): the built package, imported by its own name through package.json
// "exports", ships the JSON Schema as a file, `slakit/schema.json`, equal to `contractJsonSchema` of
// `slakit/schema` in ESM and in CommonJS; and safeParseContract's result has `data` (and `contract`, deprecated,
// the same object).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { safeParseContract } from "slakit/contracts";
import { contractJsonSchema } from "slakit/schema";
import schemaFile from "slakit/schema.json" with { type: "json" };

const require = createRequire(import.meta.url);
assert.deepEqual(schemaFile, contractJsonSchema, "slakit/schema.json differs from slakit/schema (ESM)");
assert.deepEqual(require("slakit/schema.json"), contractJsonSchema, "slakit/schema.json differs (CJS)");
assert.deepEqual(
  require("slakit/schema").contractJsonSchema,
  contractJsonSchema,
  "slakit/schema differs (CJS)",
);

const [example] = contractJsonSchema.examples;
const esm = safeParseContract(example);
assert.equal(esm.success, true, "the schema's example contract does not parse");
assert.equal(esm.contract, esm.data, "safeParseContract: contract and data are not the same object (ESM)");
assert.equal("$schema" in esm.data.input, false, '"$schema" was kept in contract.input');
const cjs = require("slakit/contracts").safeParseContract(example);
assert.equal(cjs.contract, cjs.data, "safeParseContract: contract and data are not the same object (CJS)");

console.log("exports ok (slakit/schema.json, safeParseContract data)");
