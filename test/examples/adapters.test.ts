/**
 * The helpdesk adapters of examples/adapters/ against real and documented payloads (issue 12, "Real history in").
 *
 * For every fixture: the adapter's ticket is well formed, and the first public agent reply and the resolution,
 * computed here by small functions that follow each vendor's own definition, agree with what the helpdesk itself
 * reports in the same payload (within the host's unit: Zendesk whole minutes, OTRS seconds, JSM milliseconds).
 * Business time is checked with slakit's calendar where the payload (or the vendor's documentation) gives the
 * hours. Every expected number is worked out by hand in the comment next to it; the sources and what each payload
 * lacks are in examples/adapters/fixtures/*.source.md.
 *
 * Next step, once `evaluateTicket` accepts `reply` events and the contract fields proposed in
 * examples/adapters/contracts/: for each row of `rows`, parse `contracts/<contract>` and expect the elapsed time of
 * `targets.firstReply` / `targets.resolution` to equal `history.firstReplyMs` / `history.resolutionMs`.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { fromJsmRequest } from "../../examples/adapters/jsm.mjs";
import { fromOtrsTicket } from "../../examples/adapters/otrs.mjs";
import type { AdapterEvent, AdapterResult, AdapterTicket, Reported } from "../../examples/adapters/types.js";
import { fromZendeskAudits } from "../../examples/adapters/zendesk.mjs";
import {
  businessTimeBetween,
  type CalendarSpec,
  compileCalendar,
  type TimeRange,
  type Weekday,
} from "../../src/calendar/index.js";

const adapters = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "examples", "adapters");
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(adapters, "fixtures", name), "utf8")) as Record<string, unknown>;
}

interface ProposedContract {
  readonly statusCategories?: Readonly<Record<string, string>>;
  readonly levelNames?: Readonly<Record<string, string>>;
  readonly targets: readonly { readonly id: string }[];
}

function contract(name: string): ProposedContract {
  return JSON.parse(readFileSync(join(adapters, "contracts", name), "utf8")) as ProposedContract;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading `at` values, independently of the adapters.

/** ISO with `Z` or offset, or epoch ms. Anything else is an error here. */
function absolute(at: string | number): number {
  if (typeof at === "number") return at;
  if (!/(?:Z|[+-]\d{2}:\d{2})$/.test(at)) throw new Error(`not an absolute instant: ${at}`);
  return Date.parse(at);
}

/**
 * OTRS local text read at a fixed offset. Ticket 730 lies on 2014-11-21, in CET (+01:00: German DST ended on
 * 2014-10-26 and began again on 2015-03-29); the offset is checked against the payload's CreateTimeUnix below.
 */
function cet(at: string | number): number {
  if (typeof at === "number") return at;
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(at)) throw new Error(`not OTRS local time: ${at}`);
  return Date.parse(`${at.replace(" ", "T")}+01:00`);
}

// ---------------------------------------------------------------------------------------------------------------
// The vendors' definitions, as small functions over the events.

interface Definition {
  /** Zendesk: the comment that creates the ticket never counts; OTRS counts an agent article made at creation. */
  readonly firstReplyStrictlyAfterOpening: boolean;
  /** Which solve ends the resolution: Zendesk full resolution and OTRS SolutionTime use the last one. */
  readonly resolution: "first" | "last";
}

function openedAt(ticket: AdapterTicket, clock: (at: string | number) => number): number {
  const opened = ticket.events.find((event) => event.type === "opened");
  if (!opened) throw new Error("no opened event");
  return clock(opened.at);
}

/** First public agent reply − opening, or null when there is none. */
function firstPublicAgentReplyMs(
  ticket: AdapterTicket,
  clock: (at: string | number) => number,
  definition: Definition,
): number | null {
  const start = openedAt(ticket, clock);
  const reply = ticket.events.find(
    (event) =>
      event.type === "reply" &&
      event.by === "agent" &&
      event.public &&
      (definition.firstReplyStrictlyAfterOpening ? clock(event.at) > start : clock(event.at) >= start),
  );
  return reply ? clock(reply.at) - start : null;
}

/** The first or last `resolved` − opening, or null when the history has none. */
function resolutionMs(
  ticket: AdapterTicket,
  clock: (at: string | number) => number,
  definition: Definition,
): number | null {
  const solves = ticket.events.filter((event) => event.type === "resolved");
  const solve = definition.resolution === "first" ? solves[0] : solves.at(-1);
  return solve ? clock(solve.at) - openedAt(ticket, clock) : null;
}

/** A history duration agrees with a reported one: both none, or reported ≤ history < reported + precision. */
function agrees(history: number | null, reported: number | null | undefined, precisionMs: number): boolean {
  if (reported === undefined) return false;
  if (history === null || reported === null) return history === reported;
  return reported <= history && history < reported + precisionMs;
}

// ---------------------------------------------------------------------------------------------------------------
// The table: one row per fixture, with the hand-worked numbers.

interface Row {
  readonly name: string;
  readonly file: string;
  readonly adapt: (payload: unknown) => AdapterResult<Reported>;
  readonly clock: (at: string | number) => number;
  readonly definition: Definition;
  /** null: the payload has no history at all. */
  readonly history: { readonly firstReplyMs: number | null; readonly resolutionMs: number | null } | null;
  /** What the host reports; undefined: the payload does not say. */
  readonly reported: { readonly firstReplyMs?: number | null; readonly resolutionMs?: number | null };
  /** Whether history and report can be compared, and why not when they cannot. */
  readonly comparable: { readonly firstReply: true | string; readonly resolution: true | string };
  readonly contract: string;
  readonly targets: { readonly firstReply: string; readonly resolution: string };
}

const zendesk: Definition = { firstReplyStrictlyAfterOpening: true, resolution: "last" };
const otrs: Definition = { firstReplyStrictlyAfterOpening: false, resolution: "last" };
const jsm: Definition = { firstReplyStrictlyAfterOpening: false, resolution: "last" };

const rows: readonly Row[] = [
  {
    name: "Zendesk #1 (d3v-airbyte, recorded by Airbyte)",
    file: "zendesk-airbyte-ticket-1.json",
    adapt: fromZendeskAudits,
    clock: absolute,
    definition: zendesk,
    history: {
      // 2020-12-11T18:34:09Z → 2021-06-24T08:05:49Z: 20 (rest of Dec) + 31 + 28 + 31 + 30 + 31 + 24 = 195 days,
      // minus 10 h 28 min 20 s (18:34:09 → 08:05:49) = 194 d 13 h 31 min 40 s = 280171 min 40 s.
      firstReplyMs: 194 * DAY + 13 * HOUR + 31 * MINUTE + 40 * SECOND,
      resolutionMs: null, // no audit in the recording: the solve is not in the history
    },
    reported: { firstReplyMs: 280171 * MINUTE }, // reply_time update_status { calendar: 280171 }
    comparable: { firstReply: true, resolution: "the recording holds no audits, so no solve in the history" },
    contract: "zendesk.json",
    targets: { firstReply: "firstReply", resolution: "fullResolution" },
  },
  {
    name: "Zendesk #145 (d3v-airbyte, recorded by Airbyte)",
    file: "zendesk-airbyte-ticket-145.json",
    adapt: fromZendeskAudits,
    clock: absolute,
    definition: zendesk,
    history: { firstReplyMs: null, resolutionMs: null }, // one private end-user voicemail; status stays new
    reported: { firstReplyMs: null, resolutionMs: null }, // ticket_metric: reply and full resolution null
    comparable: { firstReply: true, resolution: true },
    contract: "zendesk.json",
    targets: { firstReply: "firstReply", resolution: "fullResolution" },
  },
  {
    name: "OTRS #20141121305000012 (Zammad import fixture)",
    file: "otrs-zammad-ticket-730.json",
    adapt: (payload) => fromOtrsTicket(payload, { timezone: "Europe/Berlin" }),
    clock: cet,
    definition: otrs,
    history: {
      firstReplyMs: null, // the only agent article is an internal note; the auto-reply is by "system"
      resolutionMs: 3 * MINUTE + 28 * SECOND, // 00:17:40 → 00:21:08
    },
    reported: { firstReplyMs: null, resolutionMs: 208 * SECOND }, // no FirstResponse; SolutionTime 00:21:08
    comparable: { firstReply: true, resolution: true },
    contract: "otrs.json",
    targets: { firstReply: "firstResponse", resolution: "solution" },
  },
  {
    name: "JSM HELPDESK-1 (Atlassian documentation example)",
    file: "jsm-docs-request-helpdesk-1.json",
    adapt: fromJsmRequest,
    clock: absolute,
    definition: jsm,
    history: { firstReplyMs: null, resolutionMs: null }, // no comments, no status history expanded
    reported: {},
    comparable: {
      firstReply: "the documented request carries no SLA records",
      resolution: "the documented request carries no SLA records",
    },
    contract: "jsm.json",
    targets: { firstReply: "timeToFirstResponse", resolution: "timeToResolution" },
  },
  {
    name: "JSM request 101102 SLA (Atlassian documentation example)",
    file: "jsm-docs-request-101102-sla.json",
    adapt: fromJsmRequest,
    clock: absolute,
    definition: jsm,
    history: null,
    // First "Time To First Response" cycle 10:45:23 → 10:52:23 = 7 min; last completed "Time To Resolution"
    // cycle 2015-10-10T20:52:23 → 2015-10-11T02:15:23 = 5 h 23 min = 19 380 000 ms.
    reported: { firstReplyMs: 7 * MINUTE, resolutionMs: 5 * HOUR + 23 * MINUTE },
    comparable: {
      firstReply: "Atlassian documents no history of request 101102",
      resolution: "Atlassian documents no history of request 101102",
    },
    contract: "jsm.json",
    targets: { firstReply: "timeToFirstResponse", resolution: "timeToResolution" },
  },
];

const EVENT_TYPES = new Set([
  "opened",
  "reply",
  "statusChanged",
  "levelChanged",
  "resolved",
  "reopened",
  "closed",
]);

/** Every event has a known type, a readable instant and its fields; one opening, first; chronological order. */
function expectWellFormed(ticket: AdapterTicket, clock: (at: string | number) => number): void {
  expect(["string", "number"]).toContain(typeof ticket.id);
  expect(ticket.events.filter((event) => event.type === "opened")).toHaveLength(1);
  expect(ticket.events[0]?.type).toBe("opened");
  let previous = Number.NEGATIVE_INFINITY;
  for (const event of ticket.events) {
    expect(EVENT_TYPES.has(event.type)).toBe(true);
    const t = clock(event.at);
    expect(Number.isInteger(t)).toBe(true);
    expect(t).toBeGreaterThanOrEqual(previous);
    previous = t;
    expectFields(event);
  }
}

function expectFields(event: AdapterEvent): void {
  if (event.type === "reply") {
    expect(["agent", "customer", "system"]).toContain(event.by);
    expect(typeof event.public).toBe("boolean");
  } else if (event.type === "statusChanged") {
    expect(typeof event.status).toBe("string");
  } else if (event.type === "levelChanged") {
    expect(typeof event.level).toBe("string");
  }
}

describe.each(rows)("$name", (row) => {
  const result = row.adapt(fixture(row.file));

  test("the ticket is well formed (or absent when the payload has no history)", () => {
    if (row.history === null) {
      expect(result.ticket).toBeNull();
      return;
    }
    if (result.ticket === null) throw new Error("expected a ticket");
    expectWellFormed(result.ticket, row.clock);
  });

  test("first reply and resolution from the history, by the vendor's definition", () => {
    const ticket = result.ticket;
    if (row.history === null || ticket === null) {
      expect(ticket).toBe(row.history);
      return;
    }
    expect(firstPublicAgentReplyMs(ticket, row.clock, row.definition)).toBe(row.history.firstReplyMs);
    expect(resolutionMs(ticket, row.clock, row.definition)).toBe(row.history.resolutionMs);
  });

  test("what the helpdesk reports", () => {
    expect(result.reported.firstReplyMs).toBe(row.reported.firstReplyMs);
    expect(result.reported.resolutionMs).toBe(row.reported.resolutionMs);
  });

  test("history and report agree wherever the payload holds both", () => {
    for (const key of ["firstReply", "resolution"] as const) {
      const why = row.comparable[key];
      const reported = result.reported[`${key}Ms`];
      const history = row.history?.[`${key}Ms`];
      if (why === true) {
        expect(history).not.toBeUndefined();
        expect(agrees(history ?? null, reported, result.reported.precisionMs)).toBe(true);
      } else {
        // Not comparable: the payload lacks one side, as the source note says.
        expect(history === null || history === undefined || reported === undefined).toBe(true);
      }
    }
  });

  test("the proposed contract names every status and priority the adapter emits, and both targets", () => {
    const proposal = contract(row.contract);
    const ids = proposal.targets.map((target) => target.id);
    expect(ids).toContain(row.targets.firstReply);
    expect(ids).toContain(row.targets.resolution);
    for (const event of result.ticket?.events ?? []) {
      const status = event.type === "opened" || event.type === "statusChanged" ? event.status : undefined;
      if (status !== undefined) expect(proposal.statusCategories).toHaveProperty([status]);
      const level = event.type === "opened" || event.type === "levelChanged" ? event.level : undefined;
      if (level !== undefined) expect(proposal.levelNames).toHaveProperty([level]);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Business time and host-specific checks.

const WEEKDAYS: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** A Zendesk schedule's intervals (minutes from Sunday 00:00, each within one day) as a slakit week. */
function zendeskWeek(
  intervals: readonly { start_time: number; end_time: number }[],
): Record<string, TimeRange[]> {
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  const week: Record<string, TimeRange[]> = {};
  for (const { start_time, end_time } of intervals) {
    const day = Math.floor(start_time / 1440);
    const name = WEEKDAYS[day] as Weekday;
    const ranges = week[name] ?? [];
    ranges.push([hhmm(start_time - day * 1440), hhmm(end_time - day * 1440)]);
    week[name] = ranges;
  }
  return week;
}

describe("Zendesk business minutes", () => {
  const payload = fixture("zendesk-airbyte-ticket-1.json");
  const { reported } = fromZendeskAudits(payload);
  const schedule = (payload.schedules as { time_zone: string; intervals: [] }[])[0];
  if (!schedule) throw new Error("fixture has no schedule");
  // Rails' ActiveSupport::TimeZone::MAPPING: "New Caledonia" => "Pacific/Noumea" (UTC+11, no DST since 1979).
  expect(schedule.time_zone).toBe("New Caledonia");
  const week = zendeskWeek(schedule.intervals);
  const created = Date.parse("2020-12-11T18:34:09Z");

  test("the schedule reads Mon–Thu 09:00–17:00, Fri 10:30–18:30 (1980 = Mon 09:00 … 8310 = Fri 18:30)", () => {
    expect(week).toEqual({
      mon: [["09:00", "17:00"]],
      tue: [["09:00", "17:00"]],
      wed: [["09:00", "17:00"]],
      thu: [["09:00", "17:00"]],
      fri: [["10:30", "18:30"]],
    });
  });

  test("first reply: Zendesk's business minutes equal calendar minutes (no schedule existed before 2022-03-25)", () => {
    const always = compileCalendar({ timezone: "UTC", week: "24x7" });
    const replied = Date.parse("2021-06-24T08:05:49Z");
    expect(reported.firstReplyBusinessMs).toBe(280171 * MINUTE);
    expect(Math.floor(businessTimeBetween(always, created, replied) / MINUTE) * MINUTE).toBe(
      reported.firstReplyBusinessMs,
    );
    // Had the schedule applied: Sat 12-12 05:34 … Thu 06-24 19:05 local = 27 full weeks from Mon 12-14 to
    // Mon 06-21 (189 days) × 2400 min + Mon–Wed 3 × 480 + Thu 480 = 66720 min — not what Zendesk reports.
    const noumea = compileCalendar({ timezone: "Pacific/Noumea", week } as CalendarSpec);
    expect(businessTimeBetween(noumea, created, replied)).toBe(66720 * MINUTE);
  });

  test("requester wait: the schedule over the whole wait gives Zendesk's 300000 business minutes", () => {
    const solved = Date.parse("2023-05-06T22:04:16Z");
    expect(reported.solvedAt).toBe("2023-05-06T22:04:16Z");
    // Calendar: 2020-12-11 → 2023-05-06 = 365 + 365 + 146 days = 876 days, plus 18:34:09 → 22:04:16 = 3 h 30 min
    // 7 s: 1261650 min 7 s; Zendesk reports 1261650 (no pending status, so requester wait = full time).
    expect(reported.requesterWaitMs).toBe(1261650 * MINUTE);
    expect(agrees(solved - created, reported.requesterWaitMs, reported.precisionMs)).toBe(true);
    // Business: Sat 2020-12-12 05:34 → Sun 2023-05-07 09:04 local, both in a weekend: exactly the 125 weeks
    // Mon 2020-12-14 … Sun 2023-05-07 (875 days) × 2400 min = 300000 min.
    const noumea = compileCalendar({ timezone: "Pacific/Noumea", week } as CalendarSpec);
    expect(businessTimeBetween(noumea, created, solved)).toBe(300000 * MINUTE);
    expect(reported.requesterWaitBusinessMs).toBe(300000 * MINUTE);
  });

  test("a comment by a user of unknown role is an error, naming the user", () => {
    const { users: _users, ...withoutUsers } = payload;
    expect(() => fromZendeskAudits(withoutUsers)).toThrow(
      "Zendesk user 360786799676 wrote a comment but has no role in payload.users",
    );
  });

  test("comments of rule-made audits count as system replies", () => {
    const ticket = fromZendeskAudits({
      audits: [
        {
          id: 2,
          ticket_id: 9,
          created_at: "2024-01-01T10:00:00Z",
          author_id: 7,
          via: { channel: "rule", source: { rel: "trigger" } },
          events: [{ id: 20, type: "Comment", author_id: 7, public: true }],
        },
        {
          id: 1,
          ticket_id: 9,
          created_at: "2024-01-01T09:00:00Z",
          author_id: 8,
          via: { channel: "web" },
          events: [
            { id: 10, type: "Comment", author_id: 8, public: true },
            { id: 11, type: "Create", field_name: "requester_id", value: "8" },
            { id: 12, type: "Create", field_name: "status", value: "new" },
          ],
        },
      ],
      users: [{ id: 7, role: "agent" }],
    }).ticket;
    expect(ticket.events).toEqual([
      { type: "opened", at: "2024-01-01T09:00:00Z", status: "new", channel: "web" },
      { type: "reply", at: "2024-01-01T09:00:00Z", by: "customer", public: true },
      { type: "reply", at: "2024-01-01T10:00:00Z", by: "system", public: true },
    ]);
  });
});

describe("OTRS local time and working minutes", () => {
  const payload = fixture("otrs-zammad-ticket-730.json");
  const created = cet("2014-11-21 00:17:40");
  const closed = cet("2014-11-21 00:21:08");

  test("the payload's own CreateTimeUnix confirms +01:00 for Created", () => {
    expect(created).toBe(Number(payload.CreateTimeUnix) * SECOND); // 1416525460 = 2014-11-20T23:17:40Z
  });

  test("SolutionInMin 0: the span lies outside OTRS's default working hours (and is 3 min on a 24/7 clock)", () => {
    const { reported } = fromOtrsTicket(payload);
    const otrsDefault = compileCalendar({
      timezone: "Europe/Berlin",
      week: {
        mon: [["08:00", "21:00"]],
        tue: [["08:00", "21:00"]],
        wed: [["08:00", "21:00"]],
        thu: [["08:00", "21:00"]],
        fri: [["08:00", "21:00"]],
      },
    });
    expect(reported.resolutionBusinessMs).toBe(0);
    expect(businessTimeBetween(otrsDefault, created, closed)).toBe(0); // Friday 00:17–00:21
    const always = compileCalendar({ timezone: "UTC", week: "24x7" });
    expect(Math.floor(businessTimeBetween(always, created, closed) / MINUTE)).toBe(3); // 208 s
  });

  test("a zone that contradicts CreateTimeUnix is an error", () => {
    expect(() => fromOtrsTicket(payload, { timezone: "UTC" })).toThrow(
      "OTRS ticket 730: CreateTimeUnix 1416525460 is 2014-11-20 23:17:40 in UTC, but Created is 2014-11-21 00:17:40: pass the server's zone as options.timezone",
    );
  });

  test("the adapter keeps OTRS's texts and returns the zone to read them in", () => {
    const { ticket, timezone } = fromOtrsTicket(payload);
    expect(timezone).toBe("Europe/Berlin");
    expect(ticket.events[0]).toEqual({
      type: "opened",
      at: "2014-11-21 00:17:40",
      status: "open",
      level: "3 normal",
      channel: "phone",
    });
    expect(ticket.events.filter((event) => event.type === "reply")).toEqual([
      { type: "reply", at: "2014-11-21 00:17:41", by: "customer", public: true }, // phone
      { type: "reply", at: "2014-11-21 00:17:42", by: "system", public: true }, // auto-reply, email-external
      { type: "reply", at: "2014-11-21 00:17:43", by: "system", public: true }, // notification, email-notification-ext
      { type: "reply", at: "2014-11-21 00:21:08", by: "agent", public: false }, // note-internal
    ]);
  });

  test("an unknown state needs options.stateTypes", () => {
    const renamed = JSON.parse(
      JSON.stringify(payload).replace("%%open%%closed successful%%", "%%open%%erledigt%%"),
    );
    expect(() => fromOtrsTicket(renamed)).toThrow(
      'OTRS state "erledigt" has no state type: pass options.stateTypes',
    );
    const { ticket } = fromOtrsTicket(renamed, { stateTypes: { erledigt: "closed" } });
    expect(ticket.events.filter((event) => event.type === "resolved")).toEqual([
      { type: "resolved", at: "2014-11-21 00:21:08" },
    ]);
  });
});

describe("JSM documented SLA example", () => {
  const { reported, notes } = fromJsmRequest(fixture("jsm-docs-request-101102-sla.json"));
  const cycles = reported.slas.flatMap((sla) =>
    sla.completedCycles.map((cycle) => ({ sla: sla.name, ...cycle })),
  );

  test("six completed cycles; elapsed = stop − start and remaining = goal − elapsed in each (24/7, no pause)", () => {
    expect(cycles).toHaveLength(6);
    for (const cycle of cycles) {
      expect(cycle.stopMs - cycle.startMs).toBe(cycle.elapsedMs);
      expect(cycle.remainingMs).toBe((cycle.goalMs ?? Number.NaN) - cycle.elapsedMs);
    }
  });

  test("the example's breach flags and breach times do not follow from its goals", () => {
    // breached should be elapsed > goal: wrong for the second Resolution cycle (5 h 23 min < 20 h) and the second
    // Retrospective cycle (5 h 23 min < 40 h).
    const wrongFlags = cycles.filter((cycle) => cycle.breached !== cycle.elapsedMs > (cycle.goalMs ?? 0));
    expect(wrongFlags.map((cycle) => `${cycle.sla} ${cycle.startMs}`)).toEqual([
      "Time To Resolution 1444485143000",
      "Time To Retrospective 1444535543000",
    ]);
    // breachTime should be start + goal on a 24/7 calendar: it is in none of the six (e.g. start + 5 min for a
    // 4 h goal in the first cycle).
    expect(cycles.filter((cycle) => cycle.breachMs === cycle.startMs + (cycle.goalMs ?? 0))).toEqual([]);
  });

  test("no ticket: the payload holds SLA records only", () => {
    expect(notes).toEqual(["SLA records only: no creation time, status history or comments, so no ticket"]);
  });

  test("the documented HELPDESK-1 has a status dated before its creation: noted, used as opening status", () => {
    const result = fromJsmRequest(fixture("jsm-docs-request-helpdesk-1.json"));
    expect(result.ticket?.events).toEqual([
      { type: "opened", at: 1444290120000, status: "Waiting for Support" }, // 2015-10-08T14:42:00+0700
    ]);
    expect(result.notes).toEqual([
      'status "Waiting for Support" is dated 2015-10-08T14:01:00+0700, before the request was created',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Law: an adapter's output does not depend on the order in which the host lists audits, comments, metric events,
// history entries or articles.

function shuffledArrays(payload: Record<string, unknown>, keys: readonly string[]) {
  return fc.tuple(
    ...keys.map((key) => {
      const list = payload[key] as unknown[];
      return fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length });
    }),
  );
}

describe("order independence", () => {
  const z1 = fixture("zendesk-airbyte-ticket-1.json");
  const z145 = fixture("zendesk-airbyte-ticket-145.json");
  const o730 = fixture("otrs-zammad-ticket-730.json");

  test.prop([shuffledArrays(z1, ["comments", "ticket_metric_events"])], { seed: 1212, numRuns: 100 })(
    "Zendesk comments and metric events in any order give the same result",
    ([comments, metricEvents]) => {
      const shuffled = { ...z1, comments, ticket_metric_events: metricEvents };
      expect(fromZendeskAudits(shuffled)).toEqual(fromZendeskAudits(z1));
    },
  );

  test.prop([shuffledArrays(z145, ["audits"])], { seed: 1213, numRuns: 20 })(
    "Zendesk audits in any order give the same result",
    ([audits]) => {
      expect(fromZendeskAudits({ ...z145, audits })).toEqual(fromZendeskAudits(z145));
    },
  );

  test.prop([shuffledArrays(o730, ["History", "Articles"])], { seed: 1214, numRuns: 200 })(
    "OTRS history entries and articles in any order give the same result",
    ([history, articles]) => {
      expect(fromOtrsTicket({ ...o730, History: history, Articles: articles })).toEqual(fromOtrsTicket(o730));
    },
  );
});
