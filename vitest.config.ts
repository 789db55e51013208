import { defineConfig } from "vitest/config";

/**
 * Two projects:
 * - `unit`: every example and law; `npm test` runs it under four host time zones and locales
 *   (`scripts/run-tz.mjs`), since results must not depend on them.
 * - `scale`: the slow suites that need real parts or big inputs (the PostgreSQL scheduler, the 1M-ticket
 *   report, the examples against the built package), run once each, in one time zone.
 */
const SCALE = ["test/scale/**/*.test.ts", "test/reporting/scale.test.ts", "test/examples/examples.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/smoke/**", "node_modules/**", "dist/**", ...SCALE],
        },
      },
      {
        extends: true,
        // Minutes of accelerated time and worker processes: longer timeouts, one file at a time.
        test: {
          name: "scale",
          include: SCALE,
          exclude: ["node_modules/**", "dist/**"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
