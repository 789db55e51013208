// A worker process: runs the ticket jobs (task "checkTicket") from graphile-worker. Start as many as you like, on
// as many machines as you like; they share the work through the job queue and never fire a step twice.
//
//   PGHOST=... PGDATABASE=... SCHEDULER_CONTRACTS=contracts.json node examples/scheduler/worker.mjs
//
// Environment: the PG* variables (db.mjs); SCHEDULER_CONTRACTS, a JSON file holding an array of contracts (slakit
// contract JSON); SCHEDULER_CLOCK (clock.mjs; default: real time); SCHEDULER_CONCURRENCY (jobs at once, default
// 4); SCHEDULER_POLL_MS (how often to look for jobs that became due, default 2000); SCHEDULER_HEARTBEAT_MS (default
// 5000) and SCHEDULER_DEAD_AFTER_MS (default 30000): crash recovery, see `sweepDeadWorkers`.
//
// Prints one JSON line {"ready":{"poolId","pid"}} when it runs; on SIGTERM or SIGINT it finishes the jobs in hand,
// prints {"stats":{...}} and exits 0.
import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { run } from "graphile-worker";
import { parseContract } from "slakit/contracts";
import { clockFromEnv } from "./clock.mjs";
import { connectionFromEnv, openPool, quietLogger } from "./db.mjs";
import { checkTicket, deskContext, TASK } from "./desk.mjs";

const env = process.env;
const concurrency = Number(env.SCHEDULER_CONCURRENCY || 4);
const pollInterval = Number(env.SCHEDULER_POLL_MS || 2000);
const heartbeatMs = Number(env.SCHEDULER_HEARTBEAT_MS || 5000);
const deadAfterMs = Number(env.SCHEDULER_DEAD_AFTER_MS || 30_000);

const contracts = new Map();
for (const input of JSON.parse(readFileSync(env.SCHEDULER_CONTRACTS, "utf8"))) {
  const contract = parseContract(input);
  contracts.set(contract.id, contract);
}
// graphile-worker's connections and the desk's transactions share one pool.
const pool = openPool({
  ...connectionFromEnv(),
  max: concurrency + 4,
  application_name: `scheduler-worker-${process.pid}`,
});
const ctx = deskContext({ contracts, clock: clockFromEnv() });
/** Per job: [real start − scheduled run_at (ms), wall time in the handler (ms), of which in slakit (ms)]. */
const jobs = [];

async function runJob(payload, helpers) {
  const started = performance.now();
  const late = Date.now() - helpers.job.run_at.getTime();
  const slakitBefore = ctx.stats.slakitMs;
  await checkTicket(pool, ctx, payload.ticketId, payload.at);
  jobs.push([late, performance.now() - started, ctx.stats.slakitMs - slakitBefore]);
}

const events = new EventEmitter();
let poolId = null;
events.on("pool:create", ({ workerPool }) => {
  poolId = workerPool.id; // jobs are locked_by this id
  ctx.firedBy = poolId;
});
const runner = await run({
  pgPool: pool,
  concurrency,
  pollInterval,
  noHandleSignals: true,
  logger: quietLogger,
  events,
  taskList: { [TASK]: runJob },
});
await heartbeat();
const timer = setInterval(() => {
  heartbeat()
    .then(sweepDeadWorkers)
    .catch((error) => console.error(`worker ${poolId}: heartbeat/sweep failed: ${error.message}`));
}, heartbeatMs);
console.log(JSON.stringify({ ready: { poolId, pid: process.pid } }));

/** This pool is alive. */
async function heartbeat() {
  await pool.query(
    `INSERT INTO scheduler_workers (pool_id, pid) VALUES ($1, $2)
     ON CONFLICT (pool_id) DO UPDATE SET heartbeat_real = now()`,
    [poolId, process.pid],
  );
}

/**
 * Crash recovery. A worker killed mid-job leaves its jobs locked (graphile-worker would retry them only after 4
 * hours). Any live worker unlocks the jobs of pools that have locked jobs for longer than SCHEDULER_DEAD_AFTER_MS
 * without a fresh heartbeat. Unlocking a pool that is only slow is safe here: the ticket's row lock, its
 * checked_at and the fired_steps key make a second run of a job fire nothing twice.
 */
async function sweepDeadWorkers() {
  const { rows } = await pool.query(
    `SELECT DISTINCT locked_by FROM graphile_worker.jobs
      WHERE locked_by IS NOT NULL AND locked_at < now() - $1 * interval '1 millisecond'
        AND locked_by NOT IN (SELECT pool_id FROM scheduler_workers
                               WHERE heartbeat_real >= now() - $1 * interval '1 millisecond')`,
    [deadAfterMs],
  );
  await pool.query(
    "DELETE FROM scheduler_workers WHERE heartbeat_real < now() - $1 * interval '1 millisecond'",
    [deadAfterMs],
  );
  if (rows.length === 0) return;
  const dead = rows.map((r) => r.locked_by);
  await pool.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [dead]);
  console.error(`worker ${poolId}: unlocked the jobs of dead pools ${dead.join(", ")}`);
}

async function shutDown(signal) {
  clearInterval(timer);
  await runner.stop(signal);
  await pool.query("DELETE FROM scheduler_workers WHERE pool_id = $1", [poolId]).catch(() => {});
  await pool.end();
  const cpu = process.cpuUsage();
  console.log(
    JSON.stringify({
      stats: { poolId, pid: process.pid, ...ctx.stats, cpuMs: (cpu.user + cpu.system) / 1000, jobs },
    }),
  );
  process.exit(0);
}
process.once("SIGTERM", () => shutDown("SIGTERM"));
process.once("SIGINT", () => shutDown("SIGINT"));
