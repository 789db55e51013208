import { defineConfig } from "tsup";

export default defineConfig({
  // Output names match package.json "exports": dist/<name>.{js,cjs,d.ts,d.cts}.
  entry: {
    index: "src/index.ts",
    calendar: "src/calendar/index.ts",
    contracts: "src/contracts/index.ts",
    escalation: "src/escalation/index.ts",
    reporting: "src/reporting/index.ts",
    schema: "src/schema.ts",
  },
  format: ["esm", "cjs"],
  // tsup injects `baseUrl`, deprecated in TS 6 (TS5101): egoist/tsup#1389.
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
  tsconfig: "tsconfig.src.json",
  splitting: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  treeshake: true,
});
