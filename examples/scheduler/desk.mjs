// The desk's two entry points, each one PostgreSQL transaction:
//
//   recordEvent(...)  a ticket changes (opened, responded, resolved, ...): store the event, evaluate, fire, re-schedule
//   checkTicket(...)  the ticket's job wakes up at its nextCheckAt:           evaluate, fire, re-schedule
//
// Both end in `evaluateAndSchedule`: one slakit evaluation (stepsOwed), the owed steps written to fired_steps and
// notifications, and the ticket's single pending job moved to the new nextCheckAt (graphile-worker job key
// `checkTicket:<ticket id>`, replace mode) or removed, all under the ticket's row lock and in the same transaction.
import { stepsOwed } from "./steps-owed.mjs";

/** The task the workers run; also the job key's prefix (one job key per ticket). */
export const TASK = "checkTicket";
export const jobKeyOf = (ticketId) => `${TASK}:${ticketId}`;

/**
 * What the desk's functions need: the parsed contracts by id, the clock, who is firing (for fired_steps.fired_by)
 * and a stats object the functions add their timings to (`slakitMs`, `evaluations`, `fired`, `refused`).
 */
export function deskContext({ contracts, clock, firedBy = "desk" }) {
  return { contracts, clock, firedBy, stats: newStats() };
}

export function newStats() {
  return { evaluations: 0, slakitMs: 0, fired: 0, refused: 0 };
}

/**
 * Records one event of a ticket and re-evaluates the ticket, in one transaction. An `opened` event creates the
 * ticket. The event is stamped with the desk's clock unless it carries its own `at` (a backdated event, e.g. an
 * e-mail received earlier): an event at or before the ticket's `checked_at` changes what was due then, so
 * `checked_at` moves back to just before it, and the next evaluation looks again from there (steps fired before
 * are then refused by the fired_steps key).
 *
 * @param pool - A pg.Pool.
 * @param ctx - From `deskContext`.
 * @param ticket - `{ id, contractId, level?, channel? }` (level and channel are read when the ticket is created).
 * @param event - A slakit TicketEvent without `seq` (the desk numbers events in the order it records them);
 *   `at` optional.
 */
export async function recordEvent(pool, ctx, ticket, event) {
  return inTransaction(pool, async (client) => {
    if (event.type === "opened") {
      await client.query(
        "INSERT INTO tickets (id, contract_id, level, channel) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
        [ticket.id, ticket.contractId, ticket.level ?? null, ticket.channel ?? null],
      );
    }
    const row = await lockTicket(client, ticket.id);
    const { type, at: given, seq: _ignored, ...data } = event;
    // The desk's own stamps never fall at or before the ticket's last evaluation (which did not see the event).
    const at =
      given === undefined
        ? Math.max(ctx.clock.now(), (row.since ?? Number.NEGATIVE_INFINITY) + 1)
        : toMs(given);
    const seq = row.ticket.events.length === 0 ? 0 : row.ticket.events.at(-1).seq + 1;
    await client.query(
      "INSERT INTO ticket_events (ticket_id, seq, type, at, data) VALUES ($1, $2, $3, $4, $5)",
      [ticket.id, seq, type, new Date(at), data],
    );
    row.ticket.events.push({ ...data, type, at, seq });
    const since = row.since === null ? null : Math.min(row.since, at - 1);
    await evaluateAndSchedule(client, ctx, row, since, Math.max(at, ctx.clock.now()));
  });
}

/**
 * The job: re-evaluates a ticket at its wake-up, in one transaction. `now` is the desk's clock, but never before
 * the instant the job was scheduled for (`notBefore`: a worker whose clock lags the database's must not evaluate
 * too early and loop) nor before the ticket's previous evaluation.
 */
export async function checkTicket(pool, ctx, ticketId, notBefore) {
  return inTransaction(pool, async (client) => {
    const row = await lockTicket(client, ticketId);
    const now = Math.max(ctx.clock.now(), notBefore, row.since ?? Number.NEGATIVE_INFINITY);
    await evaluateAndSchedule(client, ctx, row, row.since, now);
  });
}

/**
 * The heart of the scheduler: evaluate the ticket at `now` (one slakit call), fire the steps owed, and move the
 * ticket's one job to the new nextCheckAt. Runs inside the caller's transaction, with the ticket row locked.
 */
async function evaluateAndSchedule(client, ctx, row, since, now) {
  const contract = ctx.contracts.get(row.contractId);
  if (contract === undefined) throw new Error(`ticket ${row.id}: unknown contract "${row.contractId}"`);

  const started = performance.now();
  const { status, owed } = stepsOwed(contract, row.ticket, since, now);
  ctx.stats.slakitMs += performance.now() - started;
  ctx.stats.evaluations += 1;

  if (owed.length > 0) await fire(client, ctx, row.id, owed, now);
  await reschedule(client, ctx, row.id, now, status.nextCheckAt);
}

/**
 * Fires steps: one fired_steps row per step key (the primary key refuses a key fired before) and, for each row
 * actually inserted, its notification. One statement, inside the ticket's transaction: both rows commit together
 * or not at all.
 */
async function fire(client, ctx, ticketId, steps, now) {
  const rows = steps.map((step) => ({
    key: step.key,
    action: step.action,
    due_at: step.at.toISOString(),
    recipients: step.to,
    tier: step.tier ?? null,
  }));
  const { rowCount } = await client.query(
    `WITH steps AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb)
         AS s(key text, action text, due_at timestamptz, recipients text[], tier text)
     ), fired AS (
       INSERT INTO fired_steps (step_key, ticket_id, action, due_at, fired_at, fired_by)
       SELECT key, $1, action, due_at, $3, $4 FROM steps
       ON CONFLICT (step_key) DO NOTHING
       RETURNING step_key
     )
     INSERT INTO notifications (step_key, ticket_id, action, recipients, tier)
     SELECT steps.key, $1, steps.action, steps.recipients, steps.tier FROM steps JOIN fired ON fired.step_key = steps.key`,
    [ticketId, JSON.stringify(rows), new Date(now), ctx.firedBy],
  );
  ctx.stats.fired += rowCount;
  ctx.stats.refused += steps.length - rowCount;
}

/**
 * Records where the ticket's evaluation stands (checked_at, next_check_at) and moves its single job to
 * `nextCheckAt` (replace mode), or removes the job when there is nothing to wait for. One statement.
 */
async function reschedule(client, ctx, ticketId, now, nextCheckAt) {
  const params = [ticketId, new Date(now), nextCheckAt, jobKeyOf(ticketId)];
  if (nextCheckAt === null) {
    await client.query(
      `WITH checked AS (UPDATE tickets SET checked_at = $2, next_check_at = $3 WHERE id = $1)
       SELECT graphile_worker.remove_job($4)`,
      params,
    );
    return;
  }
  const at = nextCheckAt.getTime();
  const { rows } = await client.query(
    `WITH checked AS (UPDATE tickets SET checked_at = $2, next_check_at = $3 WHERE id = $1)
     SELECT graphile_worker.add_job($5, json_build_object('ticketId', $1::text, 'at', $6::bigint),
       run_at := $7, job_key := $4, job_key_mode := 'replace') AS job`,
    [...params, TASK, at, new Date(ctx.clock.realOf(at))],
  );
  // graphile-worker documents a rare null under heavy contention on one key; the row lock rules that out here.
  if (rows[0].job === null) throw new Error(`ticket ${ticketId}: add_job returned null`);
}

/**
 * Locks the ticket's row for the rest of the transaction (evaluations of one ticket run one after the other) and
 * reads it with its events: `{ id, contractId, since, ticket }`, `ticket` as slakit reads it.
 *
 * Two statements, on purpose: in READ COMMITTED, a statement that had to wait for the row lock sees the locked
 * row as committed by the transaction it waited for, but every other table as of its own start. Joining the
 * events into the locking query would miss the event that transaction had just recorded.
 */
async function lockTicket(client, ticketId) {
  const { rows } = await client.query(
    "SELECT contract_id, level, channel, checked_at FROM tickets WHERE id = $1 FOR UPDATE",
    [ticketId],
  );
  if (rows.length === 0) throw new Error(`ticket ${ticketId}: not found`);
  const [r] = rows;
  const { rows: events } = await client.query(
    "SELECT seq, type, at, data FROM ticket_events WHERE ticket_id = $1 ORDER BY seq",
    [ticketId],
  );
  return {
    id: ticketId,
    contractId: r.contract_id,
    since: r.checked_at === null ? null : r.checked_at.getTime(),
    ticket: ticketOf(ticketId, r.level, r.channel, events),
  };
}

/** The ticket as slakit reads it, from its row and its event rows: `{ id, level?, channel?, events }`. */
export function ticketOf(id, level, channel, eventRows) {
  const ticket = {
    id,
    events: eventRows.map((e) => ({ ...e.data, type: e.type, at: e.at.getTime(), seq: e.seq })),
  };
  if (level !== null) ticket.level = level;
  if (channel !== null) ticket.channel = channel;
  return ticket;
}

async function inTransaction(pool, work) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const toMs = (at) => (typeof at === "number" ? at : new Date(at).getTime());
