// Jira Service Management → slakit ticket.
//
// Input: the JSON body of `GET /rest/servicedeskapi/request/{issueIdOrKey}?expand=status,comment,sla,participant`
// (one customer request with its status history, comments and SLA records in one payload), or the body of
// `GET /rest/servicedeskapi/request/{issueIdOrKey}/sla` alone (then there is no history: `ticket` is null).
// Output: { ticket, reported, notes } (types in ./types.d.ts). Nothing of slakit is imported.
//
// Replies: every comment; `public` is the comment's `public` flag ("Comment: For Customers" in JSM's SLA
// conditions). JSM's request API does not say whether an author is an agent: pass `agentAccountIds`; without it
// the reporter and the participants are customers and everybody else is an agent.
// Statuses: the status history (`status.values`, or `currentStatus` alone), names as JSM writes them; entering the
// status category DONE is `resolved`, leaving it `reopened`. JSM SLA goals decide their own start/stop conditions;
// the adapter only reads the cycles JSM recorded.

const FIRST_RESPONSE_SLA = /^time to first response$/i;
const RESOLUTION_SLA = /^time to resolution$/i;

/**
 * Turns one JSM customer request (with status history, comments and SLA records) into a slakit ticket, with
 * JSM's own SLA cycles.
 *
 * @param {object} payload - A customer request, or an SLA page `{ values: [{ name, completedCycles, … }] }`.
 * @param {{ agentAccountIds?: string[] }} [options] - The account ids of agents.
 * @returns {{ ticket: object | null, reported: object, notes: string[] }}
 * @throws {Error} when a request has no `createdDate` or an SLA cycle has no times.
 */
export function fromJsmRequest(payload, options = {}) {
  const slaPage = payload.sla ?? (isSlaPage(payload) ? payload : undefined);
  const reported = reportedCycles(slaPage?.values ?? []);
  const notes = [];
  if (!("createdDate" in payload)) {
    if (!slaPage) throw new Error("JSM payload: neither a customer request (createdDate) nor an SLA page");
    notes.push("SLA records only: no creation time, status history or comments, so no ticket");
    return { ticket: null, reported, notes };
  }
  const createdMs = instant(payload.createdDate, "createdDate");
  const statuses = (payload.status?.values ?? (payload.currentStatus ? [payload.currentStatus] : []))
    .map((entry) => ({ ...entry, at: instant(entry.statusDate, "statusDate") }))
    .sort((a, b) => a.at - b.at);
  const atOpening = statuses.filter((entry) => entry.at <= createdMs);
  for (const entry of atOpening.filter((e) => e.at < createdMs)) {
    notes.push(
      `status "${entry.status}" is dated ${entry.statusDate.iso8601}, before the request was created`,
    );
  }
  const openingStatus = atOpening.at(-1);
  const opened = { type: "opened", at: createdMs };
  if (openingStatus) opened.status = openingStatus.status;
  const events = [opened];
  let done = openingStatus?.statusCategory === "DONE";
  for (const entry of statuses.filter((e) => e.at > createdMs)) {
    events.push({ type: "statusChanged", at: entry.at, status: entry.status });
    const doneAfter = entry.statusCategory === "DONE";
    if (doneAfter && !done) events.push({ type: "resolved", at: entry.at });
    if (!doneAfter && done) events.push({ type: "reopened", at: entry.at });
    done = doneAfter;
  }
  const isAgent = agentTest(payload, options.agentAccountIds);
  for (const comment of payload.comment?.values ?? []) {
    const by = isAgent(comment.author?.accountId) ? "agent" : "customer";
    events.push({
      type: "reply",
      at: instant(comment.created, "comment.created"),
      by,
      public: comment.public === true,
    });
  }
  events.sort((a, b) => a.at - b.at);
  return { ticket: { id: payload.issueKey ?? payload.issueId, events }, reported, notes };
}

function isSlaPage(payload) {
  return Array.isArray(payload.values) && payload.values.every((value) => typeof value?.name === "string");
}

/** Returns a predicate: is this account an agent? */
function agentTest(request, agentAccountIds) {
  if (agentAccountIds) {
    const agents = new Set(agentAccountIds);
    return (accountId) => agents.has(accountId);
  }
  const customers = new Set([
    request.reporter?.accountId,
    ...(request.participants?.values ?? []).map((participant) => participant.accountId),
  ]);
  return (accountId) => !customers.has(accountId);
}

/** A JSM date object `{ epochMillis, iso8601, … }` as epoch ms. */
function instant(date, what) {
  if (typeof date?.epochMillis !== "number") throw new Error(`JSM ${what}: no epochMillis`);
  return date.epochMillis;
}

/**
 * What JSM says: every SLA with its cycles (epoch ms), plus the usual two figures: the first completed cycle of
 * "Time to first response" and the last completed cycle of "Time to resolution" (`null` while none completed).
 * JSM reports milliseconds of elapsed time on the goal's calendar, so calendar and business are the same figure.
 */
function reportedCycles(values) {
  const slas = values.map((sla) => ({
    name: sla.name,
    completedCycles: (sla.completedCycles ?? []).map((cycle) => ({
      startMs: instant(cycle.startTime, `${sla.name} startTime`),
      stopMs: instant(cycle.stopTime, `${sla.name} stopTime`),
      breachMs: cycle.breachTime?.epochMillis ?? null,
      breached: cycle.breached,
      goalMs: cycle.goalDuration?.millis ?? null,
      elapsedMs: cycle.elapsedTime.millis,
      remainingMs: cycle.remainingTime?.millis ?? null,
    })),
    ongoingCycle: sla.ongoingCycle
      ? {
          startMs: instant(sla.ongoingCycle.startTime, `${sla.name} ongoing startTime`),
          elapsedMs: sla.ongoingCycle.elapsedTime.millis,
          paused: sla.ongoingCycle.paused,
          withinCalendarHours: sla.ongoingCycle.withinCalendarHours,
        }
      : null,
  }));
  const reported = { precisionMs: 1, businessPrecisionMs: 1, slas };
  const firstResponse = slas.find((sla) => FIRST_RESPONSE_SLA.test(sla.name));
  if (firstResponse) {
    const elapsed = firstResponse.completedCycles[0]?.elapsedMs ?? null;
    reported.firstReplyMs = elapsed;
    reported.firstReplyBusinessMs = elapsed;
  }
  const resolution = slas.find((sla) => RESOLUTION_SLA.test(sla.name));
  if (resolution) {
    const elapsed = resolution.completedCycles.at(-1)?.elapsedMs ?? null;
    reported.resolutionMs = elapsed;
    reported.resolutionBusinessMs = elapsed;
  }
  return reported;
}
