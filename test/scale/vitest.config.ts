import { defineConfig } from "vitest/config";

// The scale tests: a real PostgreSQL, worker processes, minutes of accelerated time. Run once (not under every
// time zone like the rest of the suite): `npm run test:scale`, after `eval "$(bash .ci/postgres.sh start)"`.
export default defineConfig({
  test: {
    include: ["test/scale/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
