-- The desk's tables (the job queue, graphile-worker, keeps its own in the schema graphile_worker).
-- Instants are timestamptz. Every instant below is on the desk's clock (in the accelerated simulation, simulated
-- time), except the columns named *_real and the job queue's run_at, which are real time.

-- A ticket and where its evaluation stands.
CREATE TABLE IF NOT EXISTS tickets (
  id text PRIMARY KEY,
  contract_id text NOT NULL,
  level text,
  channel text,
  -- "since": the instant of the last evaluation whose firings are committed. Steps due then have been fired;
  -- the next evaluation fires what became due after it. NULL until the first evaluation.
  checked_at timestamptz,
  -- slakit's nextCheckAt at checked_at: when the ticket's one pending job runs (NULL: no job).
  next_check_at timestamptz
);

-- The ticket's event stream, in the order the desk recorded it. `data` holds the other fields of slakit's
-- TicketEvent (level, status, channel, satisfied, ...).
CREATE TABLE IF NOT EXISTS ticket_events (
  ticket_id text NOT NULL REFERENCES tickets (id),
  seq integer NOT NULL,
  type text NOT NULL,
  at timestamptz NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (ticket_id, seq)
);

-- Each escalation step fired, once: the primary key is slakit's step key, stored as opaque text.
CREATE TABLE IF NOT EXISTS fired_steps (
  step_key text PRIMARY KEY,
  ticket_id text NOT NULL REFERENCES tickets (id),
  action text NOT NULL,
  due_at timestamptz NOT NULL,                              -- the step's `at`
  fired_at timestamptz NOT NULL,                            -- the evaluation instant (`now`) that fired it
  fired_by text NOT NULL,                                   -- "desk", or the worker pool's id
  fired_real timestamptz NOT NULL DEFAULT clock_timestamp() -- real time of the insert
);

-- The notifications sent: a row here is the notification (an outbox a mailer or chat bridge would read). It is
-- written in the same transaction as its fired_steps row. step_key is deliberately not UNIQUE here, so that a
-- step sent twice would show.
CREATE TABLE IF NOT EXISTS notifications (
  id bigserial PRIMARY KEY,
  step_key text NOT NULL REFERENCES fired_steps (step_key),
  ticket_id text NOT NULL,
  action text NOT NULL,
  recipients text[] NOT NULL,
  tier text,
  created_real timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Live worker processes (one row per graphile-worker pool), for crash recovery: a pool whose heartbeat is stale
-- is dead, and the jobs it had locked are unlocked for the others (graphile_worker.force_unlock_workers).
CREATE TABLE IF NOT EXISTS scheduler_workers (
  pool_id text PRIMARY KEY,
  pid integer NOT NULL,
  started_real timestamptz NOT NULL DEFAULT now(),
  heartbeat_real timestamptz NOT NULL DEFAULT now()
);
