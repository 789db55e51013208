// A tiny helpdesk embedding slakit: cases and their events live in Postgres (PGlite, in memory); on every change
// the desk calls evaluateTicket and stores the case's nextCheckAt; a scheduler wakes at the earliest nextCheckAt,
// re-evaluates, and fires each due escalation step exactly once by its stable key (a PRIMARY KEY makes a second
// firing impossible, even with retries or several schedulers). The clock is virtual: one day of the seed-001
// desk (Monday 13 October 2025) runs in a few seconds, without sleeping.
// Run: npm run examples (builds the package first).
import assert from "node:assert/strict";
import { evaluateTicket } from "slakit/escalation";
import { loadContract, local } from "./lib/common.mjs";
import { generateTickets } from "./lib/generate.mjs";
import { openPglite } from "./lib/pglite.mjs";

const contract = loadContract("seed-001-network-desk");
const dayStart = Date.parse("2025-10-13T00:00:00+08:00");
const dayEnd = Date.parse("2025-10-14T00:00:00+08:00");

// The day's feed: what customers and engineers do. Reassignments are left out: the desk makes them itself when
// the "reassign45" step fires.
const { tickets } = generateTickets(contract, {
  period: { dates: { from: "2025-10-13", to: "2025-10-13" } },
  count: 24,
  seed: 7,
});
const feed = [];
for (const t of tickets) {
  let assigned = 0;
  for (const e of t.events) {
    if (e.type === "assigned" && assigned++ > 0) continue;
    if (Date.parse(e.at) < dayEnd) feed.push({ ticket: t, event: e });
  }
}
feed.sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.event.seq - b.event.seq);

const started = performance.now();
const db = await openPglite(); // new PGlite(), in memory (started from a cached template when there is one)
const ready = performance.now();
await db.exec(`
  CREATE TABLE cases (
    id text PRIMARY KEY,
    level text NOT NULL,
    channel text,
    next_check_at timestamptz,
    signature text NOT NULL DEFAULT ''
  );
  CREATE INDEX cases_next_check ON cases (next_check_at);
  CREATE TABLE events (
    case_id text NOT NULL REFERENCES cases (id),
    seq integer NOT NULL,
    type text NOT NULL,
    at timestamptz NOT NULL,
    level text,
    status text,
    channel text,
    satisfied boolean,
    PRIMARY KEY (case_id, seq)
  );
  CREATE TABLE fired (
    key text PRIMARY KEY,            -- ticket/target/cycle/step: each step fires once
    case_id text NOT NULL,
    action text NOT NULL,
    step_at timestamptz NOT NULL,    -- when the step was due
    fired_at timestamptz NOT NULL    -- when the desk fired it (virtual time)
  );
  CREATE TABLE breaches (
    case_id text NOT NULL,
    target text NOT NULL,
    cycle integer NOT NULL,
    breached_at timestamptz NOT NULL,
    PRIMARY KEY (case_id, target, cycle)
  );
`);

const hhmm = (ms) => local(new Date(ms)).slice(11);
const log = (ms, text) => console.log(`  [${hhmm(ms)}] ${text}`);
let evaluations = 0;
let duplicatesRefused = 0;

/** A case as slakit reads it: one query for the case and its events. */
async function loadTicket(id) {
  const { rows } = await db.query(
    `SELECT c.level AS case_level, c.channel AS case_channel, e.seq, e.type, e.at, e.level, e.status, e.channel, e.satisfied
       FROM cases c LEFT JOIN events e ON e.case_id = c.id WHERE c.id = $1 ORDER BY e.seq`,
    [id],
  );
  const events = rows.map((r) => {
    const e = { type: r.type, at: r.at.toISOString(), seq: r.seq };
    for (const k of ["level", "status", "channel", "satisfied"]) if (r[k] !== null) e[k] = r[k];
    return e;
  });
  const { case_level: level, case_channel: channel } = rows[0];
  return { id, level, ...(channel ? { channel } : {}), events };
}

async function appendEvent(id, e) {
  await db.query(
    `INSERT INTO events (case_id, seq, type, at, level, status, channel, satisfied)
     VALUES ($1, (SELECT coalesce(max(seq), -1) + 1 FROM events WHERE case_id = $1), $2, $3, $4, $5, $6, $7)`,
    [id, e.type, new Date(e.at), e.level ?? null, e.status ?? null, e.channel ?? null, e.satisfied ?? null],
  );
}

/** What the desk sees of a case: its targets' states and its steps' states. A wake-up must change it. */
const signatureOf = (s) =>
  [
    ...s.targets.map((t) => `${t.id}/${t.cycle}:${t.state}`),
    ...s.escalations.map((e) => `${e.key}:${e.state}`),
  ].join(" ");

/** Evaluates a case at `now`, fires what is due (once), records breaches, stores nextCheckAt. */
async function handle(id, now) {
  for (;;) {
    const status = evaluateTicket(contract, await loadTicket(id), now);
    evaluations += 1;
    // Every due step is offered to the table; the primary key lets through only those never fired before.
    const due = status.escalations.filter((step) => step.state === "due");
    let hostEvents = 0;
    if (due.length > 0) {
      const { rows } = await db.query(
        `INSERT INTO fired (key, case_id, action, step_at, fired_at)
         SELECT key, $2, action, step_at, $3 FROM unnest($1::text[], $4::text[], $5::timestamptz[]) AS s(key, action, step_at)
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        [
          due.map((s) => s.key),
          id,
          new Date(now),
          due.map((s) => s.action),
          due.map((s) => s.at.toISOString()),
        ],
      );
      const fresh = new Set(rows.map((r) => r.key));
      duplicatesRefused += due.length - fresh.size; // already fired on an earlier evaluation
      for (const step of due.filter((s) => fresh.has(s.key))) {
        log(now, `${id} ${step.stepId.padEnd(10)} ${step.action} → ${step.to.join(", ")}`);
        if (step.action === "reassign") {
          // The desk reassigns the case to another engineer: a new event, so the case is evaluated again.
          await appendEvent(id, { type: "assigned", at: new Date(now).toISOString() });
          hostEvents += 1;
        }
      }
    }
    const breached = status.targets.filter((t) => t.state === "breached");
    if (breached.length > 0) {
      const { rows } = await db.query(
        `INSERT INTO breaches SELECT $1, target, cycle, at FROM unnest($2::text[], $3::int[], $4::timestamptz[]) AS b(target, cycle, at)
         ON CONFLICT DO NOTHING RETURNING target`,
        [
          id,
          breached.map((t) => t.id),
          breached.map((t) => t.cycle),
          breached.map((t) => t.breachedAt.toISOString()),
        ],
      );
      for (const { target } of rows) {
        const t = breached.find((x) => x.id === target);
        log(now, `${id} BREACH of ${target} (due ${hhmm(t.dueAt.getTime())})`);
      }
    }
    if (hostEvents > 0) continue;
    // Store when to look again, and learn whether this evaluation changed what the desk sees.
    const signature = signatureOf(status);
    const {
      rows: [before],
    } = await db.query(
      "UPDATE cases SET next_check_at = $2, signature = $3 WHERE id = $1 RETURNING (SELECT signature FROM cases WHERE id = $1) AS old",
      [id, status.nextCheckAt, signature],
    );
    return before.old !== signature;
  }
}

// The loop: the next thing to happen is either the next event of the feed or the earliest wake-up.
console.log(
  `Helpdesk day ${local(new Date(dayStart)).slice(0, 10)}: ${tickets.length} cases, ${feed.length} events`,
);
let next = 0;
let wakeUps = 0;
let wasted = 0;
for (;;) {
  // The cases to wake next: those whose nextCheckAt is the earliest.
  const { rows: due } = await db.query(
    "SELECT id, next_check_at FROM cases WHERE next_check_at = (SELECT min(next_check_at) FROM cases) ORDER BY id",
  );
  const wakeAt = due.length === 0 ? Number.POSITIVE_INFINITY : due[0].next_check_at.getTime();
  const feedAt = next < feed.length ? Date.parse(feed[next].event.at) : Number.POSITIVE_INFINITY;
  const now = Math.min(wakeAt, feedAt);
  if (now >= dayEnd) break;
  if (feedAt <= wakeAt) {
    // Apply every event at this instant, then evaluate each case they touched.
    const touched = new Set();
    while (next < feed.length && Date.parse(feed[next].event.at) === now) {
      const { ticket, event } = feed[next++];
      if (event.type === "opened") {
        await db.query("INSERT INTO cases (id, level, channel) VALUES ($1, $2, $3)", [
          ticket.id,
          ticket.level,
          ticket.channel,
        ]);
      }
      await appendEvent(ticket.id, event);
      touched.add(ticket.id);
    }
    for (const id of touched) await handle(id, now);
  } else {
    for (const { id } of due) {
      wakeUps += 1;
      if (!(await handle(id, now))) wasted += 1;
    }
  }
}

// Checks: every step due by the end of the day fired exactly once, at its own time; nothing else fired.
const dueSteps = [];
for (const t of tickets) {
  const status = evaluateTicket(contract, await loadTicket(t.id), dayEnd - 1);
  dueSteps.push(...status.escalations.filter((s) => s.state === "due"));
}
const { rows: fired } = await db.query("SELECT key, step_at, fired_at FROM fired");
assert.deepEqual(
  fired.map((f) => f.key).sort(),
  dueSteps.map((s) => s.key).sort(),
  "each due step fired, once",
);
for (const f of fired) assert.equal(f.fired_at.getTime(), f.step_at.getTime(), `${f.key} fired on time`);
assert.equal(wasted, 0, "every wake-up changed something");
const {
  rows: [{ count: breaches }],
} = await db.query("SELECT count(*)::int AS count FROM breaches");
const perStep = {};
for (const s of dueSteps) perStep[s.stepId] = (perStep[s.stepId] ?? 0) + 1;
const byAction = Object.entries(perStep).map(([k, n]) => `${k} ${n}`);
assert.ok(fired.length > 0 && breaches > 0);
console.log(
  `\nFired ${fired.length} steps (${byAction.join(", ")}), each exactly once and on time; ${duplicatesRefused} repeat sightings refused by the key; ${breaches} breaches recorded.`,
);
console.log(
  `Scheduler: ${wakeUps} wake-ups, ${wasted} wasted; ${evaluations} evaluations in all (a poll of every case once a minute would take ${tickets.length * 1440}).`,
);
await db.close();
console.log(
  `(PGlite start ${((ready - started) / 1000).toFixed(1)} s, the day ${((performance.now() - ready) / 1000).toFixed(1)} s)`,
);
console.log("helpdesk-pglite: all checks passed");
