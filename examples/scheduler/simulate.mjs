// The scheduler on an accelerated clock: N worker processes, a desk feeding ticket events as simulated time
// reaches them, workers killed with SIGKILL and restarted mid-run. Used by the demo below, by the scale test
// (test/scale/scheduler.test.ts) and by the bench (bench/scheduler.mjs).
//
// Demo (needs PostgreSQL: see README.md): node examples/scheduler/simulate.mjs
//   a day of the seed-001 network desk (600 cases) in about a minute, 3 workers, 2 of them killed on the way;
//   it creates (and drops) the database slakit_scheduler_demo.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseContract } from "slakit/contracts";
import { acceleratedClock } from "./clock.mjs";
import { connectionFromEnv, installSchema, openPool } from "./db.mjs";
import { deskContext, recordEvent } from "./desk.mjs";

const workerScript = fileURLToPath(new URL("worker.mjs", import.meta.url));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates an empty database (dropping one of that name first), through the PGDATABASE connection. */
export async function createDatabase(name) {
  const admin = openPool({ ...connectionFromEnv(), max: 1 });
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** Drops a database made by `createDatabase`. */
export async function dropDatabase(name) {
  const admin = openPool({ ...connectionFromEnv(), max: 1 });
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * Starts a worker process. Returns `{ child, ready, done }`: `ready` resolves with `{ poolId, pid }` once it runs
 * jobs, `done` with its stats when it stops after SIGTERM (null when it was killed).
 */
export function spawnWorker({
  database,
  contractsFile,
  clock,
  concurrency,
  pollMs,
  heartbeatMs,
  deadAfterMs,
  log,
}) {
  const child = spawn(process.execPath, [workerScript], {
    env: {
      ...process.env,
      PGDATABASE: database,
      SCHEDULER_CONTRACTS: contractsFile,
      SCHEDULER_CLOCK: JSON.stringify(clock.options),
      SCHEDULER_CONCURRENCY: String(concurrency),
      SCHEDULER_POLL_MS: String(pollMs),
      SCHEDULER_HEARTBEAT_MS: String(heartbeatMs),
      SCHEDULER_DEAD_AFTER_MS: String(deadAfterMs),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let onReady;
  let stats = null;
  const ready = new Promise((resolve) => {
    onReady = resolve;
  });
  let buffered = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk) => {
    buffered += chunk;
    for (let i = buffered.indexOf("\n"); i >= 0; i = buffered.indexOf("\n")) {
      const line = buffered.slice(0, i);
      buffered = buffered.slice(i + 1);
      if (line.startsWith('{"ready"')) onReady(JSON.parse(line).ready);
      else if (line.startsWith('{"stats"')) stats = JSON.parse(line).stats;
      else if (line.trim() !== "") log(`  worker ${child.pid}: ${line}`);
    }
  });
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => {
    for (const line of chunk.split("\n")) if (line.trim() !== "") log(`  worker ${child.pid}: ${line}`);
  });
  const done = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stats })));
  return { child, ready, done };
}

/**
 * The events of the tickets in the order the desk receives them: by their (generated) instant, then by ticket
 * and event order. Each item: `{ at, ticket: { id, contractId, level, channel }, event }`.
 */
export function feedOf(tickets) {
  const items = [];
  tickets.forEach(({ contractId, ticket }, order) => {
    const meta = { id: ticket.id, contractId, level: ticket.level, channel: ticket.channel };
    const events = [...ticket.events].sort((a, b) => ms(a.at) - ms(b.at) || (a.seq ?? 0) - (b.seq ?? 0));
    events.forEach((event, i) => {
      items.push({ at: ms(event.at), order, i, ticket: meta, event });
    });
  });
  return items.sort((a, b) => a.at - b.at || a.order - b.order || a.i - b.i);
}

/**
 * Feeds the desk: each event is recorded when the simulated clock reaches it (stamped with the clock, so a slow
 * desk records it a little later, as a real one would), one transaction per event, events of one ticket in order.
 * Stops with the events after `until`. Returns `{ fed }`.
 */
export async function runDesk(pool, ctx, items, until) {
  const chains = new Map();
  const errors = [];
  let next = 0;
  let fed = 0;
  while (next < items.length && items[next].at <= until) {
    const now = ctx.clock.now();
    while (next < items.length && items[next].at <= Math.min(now, until)) {
      const { ticket, event } = items[next++];
      const { at: _generated, seq: _seq, ...fields } = event;
      const previous = chains.get(ticket.id) ?? Promise.resolve();
      chains.set(
        ticket.id,
        previous
          .then(() => recordEvent(pool, ctx, ticket, fields))
          .then(() => {
            fed += 1;
          })
          .catch((error) => errors.push(error)),
      );
    }
    if (errors.length > 0) break;
    await sleep(5);
  }
  await Promise.all(chains.values());
  if (errors.length > 0) throw errors[0];
  return { fed };
}

/** Waits until no job due at or before the real instant `realUntil` is left (none pending, none locked). */
export async function waitForJobsUpTo(pool, realUntil, timeoutMs) {
  const started = Date.now();
  for (;;) {
    const { rows } = await pool.query(
      `SELECT count(*) FILTER (WHERE run_at <= $1 AND attempts < max_attempts)::int AS due,
              count(*) FILTER (WHERE last_error IS NOT NULL AND attempts < max_attempts)::int AS failing
         FROM graphile_worker.jobs`,
      [new Date(realUntil)],
    );
    const [{ due, failing }] = rows;
    if (failing > 0) {
      const { rows: errors } = await pool.query(
        "SELECT key, last_error FROM graphile_worker.jobs WHERE last_error IS NOT NULL LIMIT 3",
      );
      throw new Error(`${failing} job(s) failing, e.g. ${JSON.stringify(errors)}`);
    }
    if (due === 0) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${due} job(s) still due after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/**
 * Runs the scheduler over `tickets` from `simStart` to `simEnd` (simulated epoch ms) at `speed`, with `workers`
 * worker processes, `kills` of them killed (SIGKILL) at evenly spread moments and restarted `restartAfterMs`
 * later. The database `database` must exist and be empty (see `createDatabase`). Leaves the data in place for
 * checks; returns a summary.
 *
 * @param options - `{ database, contracts (contract JSON inputs), tickets ([{ contractId, ticket }]), simStart,
 *   simEnd, speed, workers = 3, concurrency = 4, pollMs = 100, kills = 0, restartAfterMs = 1000,
 *   heartbeatMs = 250, deadAfterMs = 3000, deskConnections = 6, log = console.log }`
 */
export async function simulate(options) {
  const {
    database,
    contracts,
    tickets,
    simStart,
    simEnd,
    speed,
    workers = 3,
    concurrency = 4,
    pollMs = 100,
    kills = 0,
    restartAfterMs = 1000,
    heartbeatMs = 250,
    deadAfterMs = 3000,
    deskConnections = 6,
    log = console.log,
  } = options;
  const dir = mkdtempSync(join(tmpdir(), "slakit-scheduler-"));
  const contractsFile = join(dir, "contracts.json");
  writeFileSync(contractsFile, JSON.stringify(contracts));
  const pool = openPool({ ...connectionFromEnv(database), max: deskConnections + 2 });
  try {
    await installSchema(pool);
    // The simulation starts a moment from now, when the workers are up.
    const clock = acceleratedClock({ simStart, realStart: Date.now() + 1500, speed });
    const workerOptions = {
      database,
      contractsFile,
      clock,
      concurrency,
      pollMs,
      heartbeatMs,
      deadAfterMs,
      log,
    };
    const running = [];
    for (let i = 0; i < workers; i++) running.push(spawnWorker(workerOptions));
    const ready = await Promise.all(running.map((w) => w.ready));
    log(`  ${workers} workers ready: ${ready.map((r) => `pid ${r.pid}`).join(", ")}`);
    await sleep(Math.max(0, clock.options.realStart - Date.now()));

    const parsed = new Map(contracts.map((input) => [input.id, parseContract(input)]));
    const ctx = deskContext({ contracts: parsed, clock });
    const items = feedOf(tickets);
    const realEnd = clock.realOf(simEnd);
    const killPlan = killSchedule(kills, clock.options.realStart, realEnd);
    const killed = [];
    const killer = (async () => {
      for (const [n, at] of killPlan.entries()) {
        await sleep(Math.max(0, at - Date.now()));
        const slot = n % running.length;
        const victim = running[slot];
        const { poolId } = await victim.ready;
        // Kill it in the middle of a transaction, if it opens one within 5 s.
        const midTransaction = await untilInTransaction(pool, victim.child.pid, 5000);
        victim.child.kill("SIGKILL");
        await victim.done;
        // The jobs it held: with their key, its transaction had not committed (the job runs again once unlocked);
        // without, it had committed and moved the key to the ticket's next job (the old one never runs again).
        const { rows } = await pool.query(
          `SELECT count(*) FILTER (WHERE key IS NOT NULL)::int AS uncommitted,
                  count(*) FILTER (WHERE key IS NULL)::int AS committed
             FROM graphile_worker.jobs WHERE locked_by = $1`,
          [poolId],
        );
        const kill = { simAt: clock.now(), poolId, midTransaction, ...rows[0] };
        killed.push(kill);
        log(
          `  SIGKILL worker ${victim.child.pid} at ${iso(kill.simAt)}${midTransaction ? " in a transaction" : ""}: ` +
            `${kill.uncommitted} job(s) left uncommitted, ${kill.committed} committed but not completed`,
        );
        await sleep(restartAfterMs);
        running[slot] = spawnWorker(workerOptions);
        await running[slot].ready;
      }
    })();
    const realStart = Date.now();
    const { fed } = await runDesk(pool, ctx, items, simEnd);
    await killer;
    const deskDoneReal = Date.now();
    await sleep(Math.max(0, realEnd - Date.now()));
    const drainMs = await waitForJobsUpTo(pool, realEnd, 90_000);
    for (const w of running) w.child.kill("SIGTERM");
    const stopped = await Promise.all(running.map((w) => w.done));
    const summary = {
      simStart,
      simEnd,
      speed,
      clock: clock.options,
      realEnd,
      tickets: tickets.length,
      eventsPlanned: items.filter((item) => item.at <= simEnd).length,
      eventsFed: fed,
      deskLagMs: deskDoneReal - realEnd,
      runMs: Date.now() - realStart,
      drainMs,
      kills: killed,
      desk: ctx.stats,
      workers: stopped.map((s) => s.stats),
    };
    return summary;
  } finally {
    await pool.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Waits until the worker process `pid` is inside a desk transaction (running one of its statements, or between
 * two of them: evaluating), at most `timeoutMs`. Returns whether it saw one.
 */
async function untilInTransaction(pool, pid, timeoutMs) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const { rows } = await pool.query(
      `SELECT 1 FROM pg_stat_activity WHERE application_name = $1
          AND (state = 'idle in transaction' OR (state = 'active' AND query ILIKE '%ticket%')) LIMIT 1`,
      [`scheduler-worker-${pid}`],
    );
    if (rows.length > 0) return true;
  }
  return false;
}

/** `n` kill instants spread evenly over the middle of the run (10 % to 80 % of it). */
function killSchedule(n, realStart, realEnd) {
  const span = realEnd - realStart;
  return Array.from({ length: n }, (_, i) => realStart + span * (0.1 + (0.7 * (i + 0.5)) / n));
}

const ms = (at) => (typeof at === "number" ? at : new Date(at).getTime());
const iso = (t) => `${new Date(t).toISOString().slice(0, 19)}Z`;

// ---------------------------------------------------------------------------------------------------------------
// The demo.

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { evaluateTicket } = await import("slakit/escalation");
  const { contractJson } = await import("../lib/common.mjs");
  const { generateTickets } = await import("../lib/generate.mjs");
  const { ticketOf } = await import("./desk.mjs");
  const input = contractJson("seed-001-network-desk");
  const contract = parseContract(input);
  const { tickets, from, to } = generateTickets(contract, {
    period: { dates: { from: "2025-10-13", to: "2025-10-13" } },
    count: 600,
    seed: 1,
  });
  const database = "slakit_scheduler_demo";
  console.log(
    `Scheduler demo: ${tickets.length} cases of ${contract.id}, 3 workers, one day x1440 (a minute)`,
  );
  await createDatabase(database);
  const summary = await simulate({
    database,
    contracts: [input],
    tickets: tickets.map((ticket) => ({ contractId: contract.id, ticket })),
    simStart: from,
    simEnd: to,
    speed: 1440,
    kills: 2,
  });
  // Every step due at the end of the day fired exactly once.
  const pool = openPool(connectionFromEnv(database));
  const owed = new Set();
  const { rows: stored } = await pool.query("SELECT id, level, channel FROM tickets");
  for (const t of stored) {
    const events = await pool.query(
      "SELECT seq, type, at, data FROM ticket_events WHERE ticket_id = $1 ORDER BY seq",
      [t.id],
    );
    const ticket = ticketOf(t.id, t.level, t.channel, events.rows);
    for (const step of evaluateTicket(contract, ticket, to).escalations)
      if (step.state === "due") owed.add(step.key);
  }
  const { rows } = await pool.query(
    "SELECT step_key, count(*)::int AS n FROM notifications GROUP BY step_key",
  );
  await pool.end();
  await dropDatabase(database);
  const missed = [...owed].filter((key) => !rows.some((r) => r.step_key === key));
  const twice = rows.filter((r) => r.n > 1);
  const jobs = summary.workers.reduce((n, w) => n + w.jobs.length, 0);
  console.log(
    `${summary.eventsFed} events recorded, ${jobs} jobs run by the surviving workers, ${summary.kills.length} workers killed`,
  );
  console.log(
    `Steps owed at the end of the day: ${owed.size}; fired: ${rows.length}; missed: ${missed.length}; fired twice: ${twice.length}`,
  );
  if (missed.length > 0 || twice.length > 0) process.exit(1);
  console.log("scheduler demo: all checks passed");
}
