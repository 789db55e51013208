import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // test/scale/ needs PostgreSQL and runs once, apart: npm run test:scale (test/scale/vitest.config.ts).
    exclude: ["test/smoke/**", "test/scale/**", "node_modules/**", "dist/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
