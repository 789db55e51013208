// The reference scheduler (examples/scheduler/: PostgreSQL + graphile-worker, 3 worker processes) under load:
//   1. a backlog: 3,000 seed-001 cases opened while no worker runs, whose wake-ups are all due when 3 workers
//      start: jobs/s to drain it, and where the time goes (inside slakit, the desk's SQL, the queue);
//   2. a steady day: seed-001 cases and bench-contract tickets whose events arrive over accelerated time: how
//      late steps fire (real firing time vs the real instant of the step's `at`), p50/p99.
// Needs PostgreSQL (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE; defaults 127.0.0.1:5432, postgres/postgres):
// without one it prints why and skips (exit 0). Run after `npm run build`: node bench/scheduler.mjs (part of
// `npm run bench`). BENCH_QUICK=1 runs a smaller load.
import pg from "pg";
import { parseContract } from "slakit/contracts";
import { contractJson } from "../examples/lib/common.mjs";
import { generateTickets } from "../examples/lib/generate.mjs";
import { acceleratedClock } from "../examples/scheduler/clock.mjs";
import {
  connectionFromEnv,
  HOW_TO_START_POSTGRES,
  installSchema,
  openPool,
} from "../examples/scheduler/db.mjs";
import { deskContext } from "../examples/scheduler/desk.mjs";
import {
  createDatabase,
  dropDatabase,
  feedOf,
  runDesk,
  simulate,
  spawnWorker,
  waitForJobsUpTo,
} from "../examples/scheduler/simulate.mjs";
import { contractInput, makeTicket, mulberry32 } from "./tickets.mjs";

const QUICK = process.env.BENCH_QUICK === "1";
const WORKERS = 3;
const CONCURRENCY = 4;
const HOUR = 3_600_000;
const day = Date.parse("2025-10-13T00:00:00+08:00");
const database = `slakit_bench_scheduler_${process.pid}`;

const connection = connectionFromEnv();
try {
  const client = new pg.Client(connection);
  await client.connect();
  await client.end();
} catch (error) {
  console.log(
    `bench/scheduler.mjs: SKIPPED, no PostgreSQL reachable at ${connection.host}:${connection.port} ` +
      `(${error.message}); ${HOW_TO_START_POSTGRES}`,
  );
  process.exit(0);
}

const seed001 = contractJson("seed-001-network-desk");
const deskContract = parseContract(seed001);
const quiet = () => {};
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const fmt = (x, digits = 0) => x.toLocaleString("en-US", { maximumFractionDigits: digits });

/** Phase 1: a backlog of wake-ups, drained by 3 workers that start once it is there. */
async function backlog(count) {
  await createDatabase(database);
  const pool = openPool({ ...connectionFromEnv(database), max: 8 });
  try {
    await installSchema(pool);
    const clock = acceleratedClock({ simStart: day, realStart: Date.now(), speed: 1440 });
    const contracts = new Map([[deskContract.id, deskContract]]);
    // Only the openings: no engineer responds, so every case owes remind30, remind45 and reassign45.
    const { tickets } = generateTickets(deskContract, {
      period: { dates: { from: "2025-10-13", to: "2025-10-13" } },
      count,
      seed: 3,
    });
    const items = feedOf(
      tickets.map((ticket) => ({
        contractId: deskContract.id,
        ticket: { ...ticket, events: [{ ...ticket.events[0], at: day }] },
      })),
    );
    const desk = deskContext({ contracts, clock });
    const fedAt = performance.now();
    await runDesk(pool, desk, items, Number.POSITIVE_INFINITY);
    const deskMs = performance.now() - fedAt;
    // Wait until every first wake-up (opening + 30 min) is due.
    const { rows } = await pool.query("SELECT max(run_at) AS last FROM graphile_worker.jobs");
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, rows[0].last.getTime() - Date.now() + 50)),
    );
    const dueUntil = Date.now();
    const { rows: due } = await pool.query(
      "SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE run_at <= $1",
      [new Date(dueUntil)],
    );
    const file = await contractsFile([seed001]);
    const workerOptions = {
      database,
      contractsFile: file.path,
      clock,
      concurrency: CONCURRENCY,
      pollMs: 100,
      heartbeatMs: 1000,
      deadAfterMs: 30_000,
      log: console.error,
    };
    const workers = Array.from({ length: WORKERS }, () => spawnWorker(workerOptions));
    const startedAt = Date.now();
    await Promise.all(workers.map((w) => w.ready));
    const readyAt = Date.now();
    await waitForJobsUpTo(pool, dueUntil, 300_000);
    const drainMs = Date.now() - readyAt;
    for (const w of workers) w.child.kill("SIGTERM");
    const stats = (await Promise.all(workers.map((w) => w.done))).map((d) => d.stats);
    file.remove();
    const { rows: fired } = await pool.query(
      "SELECT count(*)::int AS n FROM fired_steps WHERE fired_by <> 'desk'",
    );
    return { count, deskMs, jobs: due[0].n, startMs: readyAt - startedAt, drainMs, stats, fired: fired[0].n };
  } finally {
    await pool.end();
    await dropDatabase(database);
  }
}

/** Phase 2: a steady day of arriving events; how late the steps fire. */
async function steadyDay(deskCount, benchCount, speed) {
  const { tickets } = generateTickets(deskContract, {
    period: { dates: { from: "2025-10-13", to: "2025-10-13" } },
    count: deskCount,
    seed: 4,
  });
  const rnd = mulberry32(4);
  const office = Array.from({ length: benchCount }, (_, i) => ({
    contractId: "bench",
    ticket: makeTicket(rnd, i, day + Math.floor(rnd() * 24 * 3600) * 1000).ticket,
  }));
  await createDatabase(database);
  try {
    const summary = await simulate({
      database,
      contracts: [seed001, contractInput],
      tickets: [...tickets.map((ticket) => ({ contractId: deskContract.id, ticket })), ...office],
      simStart: day,
      simEnd: day + 26 * HOUR,
      speed,
      workers: WORKERS,
      concurrency: CONCURRENCY,
      log: quiet,
    });
    const client = new pg.Client(connectionFromEnv(database));
    await client.connect();
    const { rows } = await client.query(
      `SELECT extract(epoch FROM fired_real) * 1000 AS fired_real, extract(epoch FROM due_at) * 1000 AS due_at
         FROM fired_steps WHERE fired_by <> 'desk'`,
    );
    await client.end();
    const { realStart, simStart } = summary.clock;
    const lateMs = rows
      .map((r) => Number(r.fired_real) - (realStart + (Number(r.due_at) - simStart) / speed))
      .sort((a, b) => a - b);
    const wakeLate = summary.workers.flatMap((w) => w.jobs.map((j) => j[0])).sort((a, b) => a - b);
    return { summary, lateMs, wakeLate };
  } finally {
    await dropDatabase(database);
  }
}

async function contractsFile(inputs) {
  const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "slakit-bench-"));
  const path = join(dir, "contracts.json");
  writeFileSync(path, JSON.stringify(inputs));
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

console.log(
  `\nScheduler (examples/scheduler/): PostgreSQL + graphile-worker, ${WORKERS} worker processes x ${CONCURRENCY} jobs`,
);
const b = await backlog(QUICK ? 800 : 3000);
const handlerMs = b.stats.reduce((n, s) => n + s.jobs.reduce((m, j) => m + j[1], 0), 0);
const slakitMs = b.stats.reduce((n, s) => n + s.jobs.reduce((m, j) => m + j[2], 0), 0);
const ran = b.stats.reduce((n, s) => n + s.jobs.length, 0);
const capacityMs = WORKERS * CONCURRENCY * b.drainMs;
const share = (ms) => `${((100 * ms) / capacityMs).toFixed(1)} %`;
console.log("| measure | value |");
console.log("|---|---:|");
console.log(
  `| desk: ${fmt(b.count)} openings recorded (one transaction each: event, evaluation, job) | ${fmt((1000 * b.count) / b.deskMs)} events/s |`,
);
console.log(
  `| backlog of ${fmt(b.jobs)} due wake-ups (${fmt(b.fired)} steps fired), drained by ${WORKERS} workers | ${fmt((1000 * ran) / b.drainMs)} jobs/s (${fmt(b.drainMs)} ms) |`,
);
const slakitPerJob = b.stats.flatMap((s) => s.jobs.map((j) => j[2])).sort((x, y) => x - y);
console.log(
  `| per job, mean: in slakit / the job's SQL transaction / in all (slakit's median ${fmt(1000 * percentile(slakitPerJob, 50))} µs: the mean includes each process's first calls) | ${fmt((1000 * slakitMs) / ran)} µs / ${fmt((handlerMs - slakitMs) / ran, 2)} ms / ${fmt(handlerMs / ran, 2)} ms |`,
);
console.log(
  `| worker time while draining (${WORKERS} x ${CONCURRENCY} slots): slakit / desk SQL / queue (fetch, lock, complete, waiting) | ${share(slakitMs)} / ${share(handlerMs - slakitMs)} / ${share(capacityMs - handlerMs)} |`,
);

const speed = QUICK ? 2880 : 1440;
const { summary, lateMs, wakeLate } = await steadyDay(QUICK ? 400 : 800, QUICK ? 100 : 200, speed);
console.log(
  `| steady day (26 h at x${speed}): ${fmt(summary.tickets)} tickets, ${fmt(summary.eventsFed)} events, ${fmt(lateMs.length)} steps fired by the workers | desk lag at the end ${fmt(Math.max(0, summary.deskLagMs))} ms |`,
);
console.log(
  `| lateness of a step: real firing time − real instant of its \`at\`, p50 / p99 / max | ${fmt(percentile(lateMs, 50))} / ${fmt(percentile(lateMs, 99))} / ${fmt(lateMs.at(-1))} ms |`,
);
console.log(
  `| lateness of a wake-up: job start − its run_at, p50 / p99 (poll every 100 ms) | ${fmt(percentile(wakeLate, 50))} / ${fmt(percentile(wakeLate, 99))} ms |`,
);
