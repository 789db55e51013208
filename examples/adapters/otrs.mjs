// OTRS / Znuny → slakit ticket.
//
// Input: one ticket as OTRS's `TicketGet` returns it with `Extended => 1` and all articles, plus its `History`
// list (the shape the Zammad migrator exports; the GenericInterface wrapper `{ Ticket: [ticket] }` is accepted
// too). OTRS writes server-local times without an offset ("2014-11-21 00:17:41"): the adapter keeps them as they
// are and returns the zone to read them in (option `timezone`, default "Europe/Berlin"). When the payload holds
// `CreateTimeUnix`, the zone is checked against it.
// Output: { ticket, timezone, reported, notes } (types in ./types.d.ts). Nothing of slakit is imported.
//
// Replies: every article. `by` is the article's sender type (agent, customer, system); `public` is
// `IsVisibleForCustomer` (OTRS 6 and later) or, for OTRS ≤ 5, an article type that is not internal.
// Statuses: `StateUpdate` history entries ("%%old%%new%%"); entering a state of type "closed" is `resolved` (OTRS
// has no separate "solved": its SolutionTime is the last time a closed-type state was set), leaving it `reopened`.
// Priorities: `PriorityUpdate` entries ("%%old name%%old id%%new name%%new id").

/** OTRS's default states and their state types (Kernel/System/State); pass `stateTypes` for others. */
const DEFAULT_STATE_TYPES = {
  new: "new",
  open: "open",
  "closed successful": "closed",
  "closed unsuccessful": "closed",
  "pending reminder": "pending reminder",
  "pending auto close+": "pending auto",
  "pending auto close-": "pending auto",
  removed: "removed",
  merged: "merged",
};

/** OTRS ≤ 5 article types that the customer does not see. */
const INTERNAL_ARTICLE_TYPES = new Set([
  "email-internal",
  "email-notification-int",
  "note-internal",
  "note-report",
  "chat-internal",
]);

/** Keys that only `TicketGet(Extended => 1)` returns: their presence means an absent FirstResponse is "none". */
const EXTENDED_KEYS = [
  "FirstResponse",
  "FirstResponseInMin",
  "FirstLock",
  "Closed",
  "SolutionTime",
  "SolutionInMin",
];
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const SECOND_MS = 1000;
const MINUTE_MS = 60_000;
const PROBE_MS = 36 * 3_600_000; // farther than any UTC offset, nearer than two DST changes

/**
 * Turns one OTRS ticket (TicketGet with history and articles) into a slakit ticket, with OTRS's own first
 * response and solution times.
 *
 * @param {object} payload - The ticket hash, or `{ Ticket: [ticket] }`.
 * @param {{ timezone?: string, stateTypes?: Record<string, string> }} [options] - The server's zone and extra
 *   state → state-type pairs.
 * @returns {{ ticket: object, timezone: string, reported: object, notes: string[] }}
 * @throws {Error} when Created is missing or not local time, when `CreateTimeUnix` contradicts the zone, or a
 *   state has no known type.
 */
export function fromOtrsTicket(payload, options = {}) {
  const ticket = Array.isArray(payload.Ticket) ? payload.Ticket[0] : payload;
  const timezone = options.timezone ?? "Europe/Berlin";
  const stateTypes = { ...DEFAULT_STATE_TYPES, ...options.stateTypes };
  const created = localTime(ticket.Created, "Created");
  checkZone(ticket, timezone);

  const history = [...(ticket.History ?? [])].sort(
    thenById(
      byLocalTime((entry) => entry.CreateTime),
      "HistoryID",
    ),
  );
  const creation = history.find((entry) => entry.HistoryType === "NewTicket");
  const articles = [...(ticket.Articles ?? ticket.Article ?? [])];
  articles.sort(
    thenById(
      byLocalTime((article) => article.Created ?? article.CreateTime),
      "ArticleID",
    ),
  );
  const events = [openedEvent(ticket, created, creation, articles[0])];
  const typeOf = (state) => {
    const type = stateTypes[state];
    if (type === undefined)
      throw new Error(`OTRS state "${state}" has no state type: pass options.stateTypes`);
    return type;
  };
  let closedNow = creation !== undefined && typeOf(newTicketParts(creation).state) === "closed";
  for (const entry of history) {
    if (entry.HistoryType === "StateUpdate") {
      const [, , to] = entry.Name.split("%%");
      events.push({ type: "statusChanged", at: entry.CreateTime, status: to });
      const closedAfter = typeOf(to) === "closed";
      if (closedAfter && !closedNow) events.push({ type: "resolved", at: entry.CreateTime });
      if (!closedAfter && closedNow) events.push({ type: "reopened", at: entry.CreateTime });
      closedNow = closedAfter;
    } else if (entry.HistoryType === "PriorityUpdate") {
      events.push({ type: "levelChanged", at: entry.CreateTime, level: entry.Name.split("%%")[3] });
    }
  }
  for (const article of articles) {
    events.push({
      type: "reply",
      at: localTime(article.Created ?? article.CreateTime, "article time"),
      ...author(article),
    });
  }
  events.sort(byLocalTime((event) => event.at));
  const notes = creation
    ? []
    : ["no NewTicket history entry: opening status and priority are the current ones"];
  return {
    ticket: { id: ticket.TicketID, events },
    timezone,
    reported: reportedTimes(ticket, timezone),
    notes,
  };
}

/** The `opened` event: status and priority from the NewTicket history entry, channel from the first article. */
function openedEvent(ticket, created, creation, first) {
  const parts = creation ? newTicketParts(creation) : { state: ticket.State, priority: ticket.Priority };
  const opened = { type: "opened", at: created, status: parts.state, level: parts.priority };
  const channel = first?.ArticleType ?? first?.CommunicationChannel;
  if (channel) opened.channel = channel;
  return opened;
}

/** A NewTicket entry's Name: "%%TicketNumber%%Queue%%Priority%%State%%TicketID". */
function newTicketParts(entry) {
  const [, , , priority, state] = entry.Name.split("%%");
  return { priority, state };
}

/** `by` and `public` of an article. */
function author(article) {
  const by = article.SenderType;
  if (by !== "agent" && by !== "customer" && by !== "system") {
    throw new Error(`OTRS article ${article.ArticleID}: unknown sender type "${by}"`);
  }
  const visible =
    article.IsVisibleForCustomer !== undefined
      ? Number(article.IsVisibleForCustomer) === 1
      : !INTERNAL_ARTICLE_TYPES.has(article.ArticleType);
  return { by, public: visible };
}

/** What OTRS says: FirstResponse / Closed (SolutionTime) instants and the working minutes it computed. */
function reportedTimes(ticket, timezone) {
  const reported = { precisionMs: SECOND_MS, businessPrecisionMs: MINUTE_MS };
  const extended = EXTENDED_KEYS.some((key) => key in ticket);
  const createdMs = wallToEpochMs(ticket.Created, timezone);
  const firstResponse = ticket.FirstResponse;
  if (firstResponse !== undefined || extended) {
    reported.firstReplyAt = firstResponse ?? null;
    reported.firstReplyMs = firstResponse ? wallToEpochMs(firstResponse, timezone) - createdMs : null;
    if ("FirstResponseInMin" in ticket) reported.firstReplyBusinessMs = ticket.FirstResponseInMin * MINUTE_MS;
  }
  const solution = ticket.SolutionTime ?? ticket.Closed;
  if (solution !== undefined || extended) {
    reported.resolutionAt = solution ?? null;
    reported.resolutionMs = solution ? wallToEpochMs(solution, timezone) - createdMs : null;
    if ("SolutionInMin" in ticket) reported.resolutionBusinessMs = ticket.SolutionInMin * MINUTE_MS;
  }
  return reported;
}

/** Throws if `CreateTimeUnix` (UTC seconds) does not show `Created` as wall time in `timezone`. */
function checkZone(ticket, timezone) {
  if (ticket.CreateTimeUnix === undefined) return;
  const wall = formatWall(Number(ticket.CreateTimeUnix) * SECOND_MS, timezone);
  if (wall !== ticket.Created) {
    throw new Error(
      `OTRS ticket ${ticket.TicketID}: CreateTimeUnix ${ticket.CreateTimeUnix} is ${wall} in ${timezone}, ` +
        `but Created is ${ticket.Created}: pass the server's zone as options.timezone`,
    );
  }
}

/** Checks that a value is OTRS local time "YYYY-MM-DD HH:MM:SS" and returns it unchanged. */
function localTime(value, what) {
  if (typeof value !== "string" || !LOCAL_TIME.test(value)) {
    throw new Error(`OTRS ${what}: expected "YYYY-MM-DD HH:MM:SS", received ${JSON.stringify(value)}`);
  }
  return value;
}

/** A stable comparator on OTRS local times (they sort as text). */
function byLocalTime(timeOf) {
  return (a, b) => (timeOf(a) < timeOf(b) ? -1 : timeOf(a) > timeOf(b) ? 1 : 0);
}

/** Breaks a comparator's ties by a numeric id field, so that the input order does not matter. */
function thenById(compare, idField) {
  return (a, b) => compare(a, b) || Number(a[idField]) - Number(b[idField]);
}

/**
 * The instant at which the clocks of `timezone` show `text`. In a repeated hour (DST overlap) the earlier
 * instant; a time in a DST gap does not exist and throws.
 */
function wallToEpochMs(text, timezone) {
  const m = LOCAL_TIME.exec(localTime(text, "time"));
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  const candidates = [
    asUtc - offsetMs(asUtc - PROBE_MS, timezone),
    asUtc - offsetMs(asUtc + PROBE_MS, timezone),
  ]
    .filter((t) => formatWall(t, timezone) === text)
    .sort((a, b) => a - b);
  if (candidates.length === 0) throw new Error(`OTRS time ${text} does not exist in ${timezone} (DST gap)`);
  return candidates[0];
}

/** The zone's offset from UTC at instant `t`, in ms. */
function offsetMs(t, timezone) {
  const m = LOCAL_TIME.exec(formatWall(t, timezone));
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) - Math.floor(t / SECOND_MS) * SECOND_MS;
}

const formatters = new Map();

/** Instant `t` as "YYYY-MM-DD HH:MM:SS" on the clocks of `timezone`. */
function formatWall(t, timezone) {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timezone, format);
  }
  const part = Object.fromEntries(format.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}
