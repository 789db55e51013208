// Zendesk Support → slakit ticket.
//
// Input: the JSON bodies of Zendesk's REST API for one ticket, under the keys Zendesk uses:
//   { ticket?, audits?, comments?, users?, ticket_metric?, ticket_metric_events? }
//   - ticket                GET /api/v2/tickets/{id}                  → body.ticket
//   - audits                GET /api/v2/tickets/{id}/audits           → body.audits (the history)
//   - comments              GET /api/v2/tickets/{id}/comments         → body.comments (when audits are not at hand)
//   - users                 GET /api/v2/users/show_many?ids=…         → body.users (to tell agents from end users)
//   - ticket_metric         GET /api/v2/tickets/{id}/metrics          → body.ticket_metric
//   - ticket_metric_events  GET /api/v2/incremental/ticket_metric_events → the records of this ticket
// Output: { ticket, reported, notes } (types in ./types.d.ts). Nothing of slakit is imported.
//
// Reply classification (Zendesk's own rules, see README.md):
//   - a comment's author is the comment event's `author_id`, not the audit's;
//   - a comment made by a business rule (the audit's `via.channel` is "rule": trigger or automation) or by the
//     Zendesk system user (-1) is by "system";
//   - otherwise the author's role decides: "agent" or "admin" → agent, "end-user" → customer; the requester is a
//     customer. An author of unknown role is an error: pass `users`.

const AGENT_ROLES = new Set(["agent", "admin"]);
const COMMENT_EVENT_TYPES = new Set(["Comment", "VoiceComment"]);
const ZENDESK_SYSTEM_USER = -1;
const MINUTE_MS = 60_000;

/**
 * Turns one Zendesk ticket's API records into a slakit ticket, with Zendesk's own reply and resolution times.
 *
 * @param {object} payload - `{ ticket?, audits?, comments?, users?, ticket_metric?, ticket_metric_events? }`.
 * @returns {{ ticket: object, reported: object, notes: string[] }}
 * @throws {Error} when the ticket id or creation time cannot be found, or a comment's author has no known role.
 */
export function fromZendeskAudits(payload) {
  const audits = [...(payload.audits ?? [])].sort(thenById(byTime((audit) => audit.created_at)));
  const creationAudit = audits.find((audit) => audit.events.some((event) => event.type === "Create"));
  const id = payload.ticket?.id ?? audits[0]?.ticket_id ?? payload.ticket_metric?.ticket_id;
  if (id === undefined) throw new Error("Zendesk payload: no ticket id in ticket, audits or ticket_metric");
  const createdAt = payload.ticket?.created_at ?? creationAudit?.created_at;
  if (createdAt === undefined)
    throw new Error(`Zendesk ticket ${id}: no creation time (no ticket, no Create audit)`);

  const requesterId = payload.ticket?.requester_id ?? createValue(creationAudit, "requester_id");
  const classify = authorClassifier(
    payload.users ?? [],
    requesterId === undefined ? undefined : Number(requesterId),
  );
  const events = [openedEvent(createdAt, creationAudit, payload.ticket)];
  const seenComments = new Set();
  for (const audit of audits) events.push(...auditEvents(audit, classify, seenComments));
  for (const comment of [...(payload.comments ?? [])].sort(thenById(byTime((c) => c.created_at)))) {
    if (seenComments.has(comment.id)) continue;
    seenComments.add(comment.id);
    events.push(replyEvent(comment.created_at, comment, classify, undefined));
  }
  const notes = [];
  if (audits.length === 0) {
    notes.push("no audits: status and priority changes, and the solve, are not in the history");
  }
  return {
    ticket: { id, events: events.sort(byTime((event) => event.at)) },
    reported: reportedTimes(payload),
    notes,
  };
}

/** The `opened` event: status and priority from the creation audit (the ticket record holds the current ones). */
function openedEvent(createdAt, creationAudit, ticket) {
  const opened = { type: "opened", at: createdAt };
  const status = createValue(creationAudit, "status");
  if (status) opened.status = status;
  const priority = createValue(creationAudit, "priority");
  if (priority) opened.level = priority;
  const channel = creationAudit?.via?.channel ?? ticket?.via?.channel;
  if (channel) opened.channel = channel;
  return opened;
}

/** The value of a `Create` event of the creation audit, or undefined. */
function createValue(creationAudit, fieldName) {
  const event = creationAudit?.events.find((e) => e.type === "Create" && e.field_name === fieldName);
  return event?.value ?? undefined;
}

/** The events of one audit: its comments, status changes and priority changes, in the audit's order. */
function auditEvents(audit, classify, seenComments) {
  const events = [];
  for (const event of audit.events) {
    if (COMMENT_EVENT_TYPES.has(event.type)) {
      seenComments.add(event.id);
      events.push(replyEvent(event.created_at ?? audit.created_at, event, classify, audit));
    } else if (event.type === "Change" && event.field_name === "status") {
      events.push(...statusEvents(audit.created_at, event.previous_value, event.value));
    } else if (event.type === "Change" && event.field_name === "priority" && event.value) {
      events.push({ type: "levelChanged", at: audit.created_at, level: event.value });
    }
  }
  return events;
}

/** A status change, plus `resolved` on entering "solved", `closed` on entering "closed", `reopened` on leaving. */
function statusEvents(at, from, to) {
  const events = [{ type: "statusChanged", at, status: to }];
  if (to === "solved") events.push({ type: "resolved", at });
  else if (to === "closed") events.push({ type: "closed", at });
  else if (from === "solved" || from === "closed") events.push({ type: "reopened", at });
  return events;
}

/** A `reply` event for a comment (audit event or comments-API record). */
function replyEvent(at, comment, classify, audit) {
  return { type: "reply", at, by: classify(comment.author_id, audit), public: comment.public === true };
}

/** Returns a function classifying a comment's author as agent, customer or system. */
function authorClassifier(users, requesterId) {
  const roles = new Map(users.map((user) => [user.id, user.role]));
  return (authorId, audit) => {
    if (audit?.via?.channel === "rule" || authorId === ZENDESK_SYSTEM_USER) return "system";
    const role = roles.get(authorId);
    if (role !== undefined) return AGENT_ROLES.has(role) ? "agent" : "customer";
    if (authorId === requesterId) return "customer";
    throw new Error(`Zendesk user ${authorId} wrote a comment but has no role in payload.users`);
  };
}

/**
 * What Zendesk says: the ticket metric record when present, else the `update_status` metric events
 * (first reply = `reply_time` instance 1). Zendesk reports whole minutes, rounded down.
 */
function reportedTimes(payload) {
  const reported = { precisionMs: MINUTE_MS, businessPrecisionMs: MINUTE_MS };
  const metric = payload.ticket_metric;
  if (metric) {
    setPair(reported, "firstReply", metric.reply_time_in_minutes);
    setPair(reported, "resolution", metric.full_resolution_time_in_minutes);
    setPair(reported, "firstResolution", metric.first_resolution_time_in_minutes);
    setPair(reported, "requesterWait", metric.requester_wait_time_in_minutes);
    reported.solvedAt = metric.solved_at ?? null;
  }
  const events = [...(payload.ticket_metric_events ?? [])].sort(thenById(byTime((event) => event.time)));
  const firstReply = events.filter(isUpdate("reply_time", 1)).at(-1);
  if (firstReply && reported.firstReplyMs === undefined) setPair(reported, "firstReply", firstReply.status);
  const requesterWait = events.filter(isUpdate("requester_wait_time")).at(-1);
  if (requesterWait && reported.requesterWaitMs === undefined) {
    setPair(reported, "requesterWait", requesterWait.status);
    reported.solvedAt = requesterWait.time;
  }
  return reported;
}

/** Predicate: an `update_status` event of the given metric (and instance). */
function isUpdate(metric, instanceId) {
  return (event) =>
    event.type === "update_status" &&
    event.metric === metric &&
    (instanceId === undefined || event.instance_id === instanceId);
}

/** Sets `<name>Ms` and `<name>BusinessMs` from Zendesk's `{ calendar, business }` minutes (null stays null). */
function setPair(reported, name, minutes) {
  reported[`${name}Ms`] = toMs(minutes?.calendar);
  reported[`${name}BusinessMs`] = toMs(minutes?.business);
}

function toMs(minutes) {
  return typeof minutes === "number" ? minutes * MINUTE_MS : null;
}

/** A stable comparator by an ISO-with-`Z` time read from each item. */
function byTime(timeOf) {
  return (a, b) => Date.parse(timeOf(a)) - Date.parse(timeOf(b));
}

/** Breaks a comparator's ties by the records' numeric `id`, so that the input order does not matter. */
function thenById(compare) {
  return (a, b) => compare(a, b) || a.id - b.id;
}
