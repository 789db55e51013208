// Connecting to PostgreSQL, and installing the desk's tables and the job queue's.
import { readFileSync } from "node:fs";
import { Logger, runMigrations } from "graphile-worker";
import pg from "pg";

/**
 * Connection settings from the usual libpq variables, with defaults for a local server:
 * PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD (none), PGDATABASE (postgres).
 * @param database - A database name overriding PGDATABASE.
 */
export function connectionFromEnv(database, env = process.env) {
  const config = {
    host: env.PGHOST || "127.0.0.1",
    port: Number(env.PGPORT || 5432),
    user: env.PGUSER || "postgres",
    database: database ?? (env.PGDATABASE || "postgres"),
  };
  if (env.PGPASSWORD) config.password = env.PGPASSWORD;
  return config;
}

/** How to start a server, for error messages. */
export const HOW_TO_START_POSTGRES =
  'start one with `eval "$(bash .ci/postgres.sh start)"` (installs Debian\'s postgresql if needed and prints the ' +
  "PG* variables to export), or point PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE at a server you have";

/** A pg.Pool whose client errors (e.g. the server going away) are logged instead of crashing the process. */
export function openPool(config) {
  const pool = new pg.Pool(config);
  const logError = (error) => console.error(`pg: ${error.message}`);
  pool.on("error", logError);
  pool.on("connect", (client) => client.on("error", logError));
  return pool;
}

/** graphile-worker's logger, showing warnings and errors only. */
export const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`graphile-worker ${level}: ${message}`);
});

/** Creates the desk's tables (schema.sql) and the job queue's schema (graphile-worker's migrations). */
export async function installSchema(pool) {
  await pool.query(readFileSync(new URL("schema.sql", import.meta.url), "utf8"));
  await runMigrations({ pgPool: pool, logger: quietLogger });
}
