// explainTarget: the evidence behind a deadline, worked by hand (local times Asia/Shanghai, +08:00, unless said).
import { describe, expect, test } from "vitest";
import type { Ticket } from "../../src/escalation/index.js";
import { evaluateTicket, explainTarget } from "../../src/escalation/index.js";
import { brief, ev, makeContract, pausingContract, seed, target, weekendPauseTicket } from "./helpers.js";

const H = 3_600_000;

describe("a business-day target", () => {
  describe("seed 004: a ticket opened on Friday evening before the National Day holiday week", () => {
    // office: Mon–Fri 09:00–18:00 (9 h), holidays 2025-10-01…10-08, make-up working days Sun 09-28 and Sat 10-11;
    // service: 24x7. Level "fault": response PT4H (service), fix P2D (office), plan P2D (service, breachOf fix),
    // answer PT24H (service). usability and performance have no duration for "fault": left out.
    const contract = seed("seed-004-software");
    const opened: Ticket = { id: "T-004", level: "fault", events: [ev("opened", "2025-09-26T19:00:00")] };

    test("explainTarget replays the business-day deadline from the working periods", () => {
      const x = explainTarget(contract, opened, "fix", "2025-09-29T12:00:00+08:00");
      // Sun 09-28 09:00–18:00 and Mon 09-29 09:00–18:00: 18 h, the budget; the last period ends at dueAt.
      expect(x.duration).toEqual({ kind: "days", days: 2, budgetMs: 18 * H });
      expect(x.periods.map((p) => [p.start.toISOString(), p.end.toISOString()])).toEqual([
        ["2025-09-28T01:00:00.000Z", "2025-09-28T10:00:00.000Z"],
        ["2025-09-29T01:00:00.000Z", "2025-09-29T10:00:00.000Z"],
      ]);
      expect(x.arithmetic.dueAt?.toISOString()).toBe("2025-09-29T10:00:00.000Z");
      expect(x.text).toContain("close of business of the 2nd working day");
    });
  });
});

describe("pauses: a pause across a weekend (seed 003 with a resolution target that pauses)", () => {
  // Added to seed 003: resolve, office, PT16H for "general", paused while the status is "waitingCustomer"; and the
  // same with a waitingCustomer/customerReplied event pair.
  const contract = pausingContract();
  const ticket = weekendPauseTicket;

  test("explainTarget: pauses, consumed periods and the arithmetic", () => {
    const x = explainTarget(contract, ticket, "resolve", "2025-03-10T11:30:00+08:00");
    expect(x.pauses).toEqual([
      { start: new Date("2025-03-07T08:00:00Z"), end: new Date("2025-03-10T03:00:00Z"), workingMs: 4 * H },
    ]);
    // Thu 10–18 (8 h), Fri 09–16 (7 h), Mon 11–12 (1 h): 16 h, ending at dueAt.
    expect(x.periods.map((p) => p.workingMs)).toEqual([8 * H, 7 * H, 1 * H]);
    expect(x.periods.at(-1)?.end.toISOString()).toBe("2025-03-10T04:00:00.000Z");
    expect(x.arithmetic).toEqual({
      budgetMs: 16 * H,
      pausedBeforeDueMs: 4 * H,
      dueAt: new Date("2025-03-10T04:00:00Z"),
      lastCompliantAt: new Date("2025-03-10T04:00:00Z"),
    });
    expect(x.text).toMatchInlineSnapshot(
      `"Target "resolve", cycle 0, level "general": 16 h 0 min of working time on a calendar in Asia/Shanghai. Started 2025-03-06 10:00 (+08:00) by "opened". Paused 1 time, 4 h 0 min of working time in all, credited back to the clock. dueAt = start + 16 h 0 min + 4 h 0 min paused of working time = 2025-03-10 12:00 (+08:00), over 3 working periods. lastCompliantAt = dueAt. At 2025-03-10 11:30 (+08:00): running, 15 h 30 min elapsed, 30 min left."`,
    );
  });
});

/** Paris, Mon–Tue 09:00–17:00; one target "fix", PT8H, pausing on "wait" until "back". */
function parisPauseContract() {
  return makeContract({
    id: "paris",
    name: "paris",
    timezone: "Europe/Paris",
    calendars: {
      office: { timezone: "Europe/Paris", week: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] } },
    },
    levels: [{ id: "p1" }],
    defaultLevel: "p1",
    eventTypes: ["wait", "back"],
    targets: [
      {
        id: "fix",
        calendar: "office",
        start: { event: "opened" },
        stop: { event: "resolved" },
        duration: "PT8H",
        pause: { event: "wait", resumeEvent: "back" },
      },
    ],
  });
}

describe("a clock paused exactly on its budget (red-team R1)", () => {
  // Paris, Mon–Tue 09:00–17:00; fix PT8H pausing on "wait" until "back". Opened Mon 2025-01-06 09:00: the 8 h are
  // used up at 17:00, when "wait" pauses the clock. At 20:00 it is paused on its budget: dueAt is Mon 17:00, and
  // lastCompliantAt is not known (it is the first working instant after a resume that has not come).
  const contract = parisPauseContract();
  const ticket: Ticket = {
    id: "R1",
    events: [
      { type: "opened", at: "2025-01-06T09:00:00+01:00" },
      { type: "wait", at: "2025-01-06T17:00:00+01:00" },
    ],
  };

  test("explainTarget answers, with no lastCompliantAt, as evaluateTicket does", () => {
    const now = "2025-01-06T20:00:00+01:00";
    const s = target(evaluateTicket(contract, ticket, now), "fix");
    expect([s.state, s.dueAt?.toISOString(), s.lastCompliantAt]).toEqual([
      "paused",
      "2025-01-06T16:00:00.000Z",
      null,
    ]);
    const x = explainTarget(contract, ticket, "fix", now);
    expect(x.arithmetic.lastCompliantAt).toBeNull();
    expect(x.arithmetic.dueAt?.toISOString()).toBe("2025-01-06T16:00:00.000Z");
    expect(x.text).toContain("lastCompliantAt is not known yet");
    expect(x.text).not.toContain("Invalid");
  });
});

describe("a cycle spanning more than 100 years (red-team S2): the periods are listed, not refused", () => {
  // Paris, Mon–Tue 09:00–17:00; fix PT8H pausing on "wait". Mon 1900-01-01: Paris kept Paris Mean Time, UTC+0:09:21
  // (tzdb, until 1911), so 09:00 PMT = 08:50:39Z. Opened 08:00Z (before the opening), "wait" at 09:00Z: the clock
  // ran 08:50:39Z → 09:00Z = 9 min 21 s = 561,000 ms, then is paused until now, 2150.
  const contract = parisPauseContract();
  const ticket: Ticket = {
    id: "S2",
    events: [
      { type: "opened", at: "1900-01-01T09:00:00+01:00" },
      { type: "wait", at: "1900-01-01T10:00:00+01:00" },
    ],
  };

  test("explainTarget at 2150 lists the one period the clock ran", () => {
    const x = explainTarget(contract, ticket, "fix", "2150-01-01T00:00:00+01:00");
    expect(x.periods.map((p) => [p.start.toISOString(), p.end.toISOString(), p.workingMs])).toEqual([
      ["1900-01-01T08:50:39.000Z", "1900-01-01T09:00:00.000Z", 561_000],
    ]);
    expect(x.status?.state).toBe("paused");
  });
});

describe("the TSDoc example", () => {
  test("explainTarget's example (seed 003)", () => {
    const x = explainTarget(
      seed("seed-003-it-support"),
      { id: "T-2", level: "general", events: [{ type: "opened", at: "2025-03-03T17:00:00+08:00" }] },
      "response",
      "2025-03-04T09:30:00+08:00",
    );
    // Mon 17:00–18:00 (1 h) + Tue 09:00–10:00 (1 h) = 2 h: dueAt Tue 10:00 (02:00Z); at 09:30, 1.5 h elapsed.
    expect(x.periods.map((p) => p.workingMs)).toEqual([H, H]);
    expect(x.arithmetic.dueAt?.toISOString()).toBe("2025-03-04T02:00:00.000Z");
    expect(x.text).toBe(
      'Target "response", cycle 0, level "general": 2 h 0 min of working time on a calendar in Asia/Shanghai. ' +
        'Started 2025-03-03 17:00 (+08:00) by "opened". dueAt = start + 2 h 0 min of working time = ' +
        "2025-03-04 10:00 (+08:00), over 2 working periods. lastCompliantAt = dueAt. At 2025-03-04 09:30 (+08:00): " +
        "running, 1 h 30 min elapsed, 30 min left.",
    );
  });
});

describe("errors, and a clock that has not started", () => {
  test("explainTarget: unknown target, unknown cycle, pending clock", () => {
    const c = seed("seed-000-school");
    const t: Ticket = { id: "E", events: [ev("opened", "2025-04-01T10:00:00")] };
    expect(() => explainTarget(c, t, "nope", "2025-04-01T10:30:00+08:00")).toThrow(
      expect.objectContaining({ code: "E_REF_UNKNOWN", path: "targetId" }),
    );
    expect(() => explainTarget(c, t, "resolve", "2025-04-01T10:30:00+08:00", { cycle: 5 })).toThrow(
      expect.objectContaining({ code: "E_REF_UNKNOWN" }),
    );
    const x = explainTarget(c, t, "seniorOnSite", "2025-04-01T10:30:00+08:00");
    expect(x).toMatchObject({ applies: true, startedAt: null, status: { state: "pending" } });
    expect(x.text).toBe(
      'Target "seniorOnSite", cycle 0, level "general": not started at 2025-04-01 10:30 (+08:00); it starts at the breach of "resolve".',
    );
  });
});

describe("DST: a working period ending in New York's spring-forward gap", () => {
  test("explainTarget reports the resolution taken", async () => {
    const { propertyContract } = await import("./arbitraries.js");
    const contract = propertyContract();
    // "update": PT1H on the "night" calendar (America/New_York, every day 00:00–02:30 and 20:00–24:00).
    // Sun 2025-03-09: clocks jump 02:00 EST → 03:00 EDT, so the wall end 02:30 falls in the gap and becomes
    // 03:30 EDT (rule 3: forward by the gap) = 07:30Z. Opened 01:30 EST (06:30Z): 1 h of working time ends
    // exactly at that end → dueAt 07:30Z; the next opening is 20:00 EDT = 2025-03-10T00:00Z (lastCompliantAt).
    const t: Ticket = { id: "D", events: [{ type: "opened", at: "2025-03-09T01:30:00-05:00" }] };
    const s = evaluateTicket(contract, t, "2025-03-09T12:00:00Z");
    expect(brief(target(s, "update"))).toMatchObject({
      state: "running",
      dueAt: "2025-03-09T07:30:00.000Z",
      lastCompliantAt: "2025-03-10T00:00:00.000Z",
      elapsedMs: H,
      remainingMs: 0,
    });
    const x = explainTarget(contract, t, "update", "2025-03-09T12:00:00Z");
    expect(x.dst).toContainEqual({
      wall: "2025-03-09T02:30:00",
      at: new Date("2025-03-09T07:30:00Z"),
      kind: "gap",
    });
    expect(x.periods).toEqual([
      { start: new Date("2025-03-09T06:30:00Z"), end: new Date("2025-03-09T07:30:00Z"), workingMs: H },
    ]);
    expect(x.text).toContain(
      "lastCompliantAt = 2025-03-09 20:00 (-04:00), the next working instant after dueAt",
    );
  });
});

describe("at most 1,000 periods are listed", () => {
  test("a 4,100-hour target on a split office day: the first 1,000 periods, then periodsTruncated", () => {
    const weekdays = ["mon", "tue", "wed", "thu", "fri"];
    const contract = makeContract({
      id: "long",
      timezone: "UTC",
      calendars: {
        split: {
          timezone: "UTC",
          week: Object.fromEntries(
            weekdays.map((d) => [
              d,
              [
                ["09:00", "12:00"],
                ["13:00", "18:00"],
              ],
            ]),
          ),
        },
      },
      levels: [{ id: "l", name: "l" }],
      defaultLevel: "l",
      eventTypes: ["done"],
      targets: [
        {
          id: "long",
          calendar: "split",
          start: { event: "opened" },
          stop: { event: "done" },
          duration: "PT4100H",
        },
      ],
    });
    const t: Ticket = { id: "X", events: [{ type: "opened", at: "2025-01-06T09:00:00Z" }] }; // a Monday
    const x = explainTarget(contract, t, "long", "2025-01-06T10:00:00Z");
    // Each working day has two periods, 09–12 (3 h) and 13–18 (5 h): 8 h a day; 4,100 h = 512 days × 8 h + 4 h.
    // Working day k (from 1 = Mon 2025-01-06) falls on weekday (k − 1) mod 5 of week ⌊(k − 1) / 5⌋.
    // Period 1,000 is the afternoon of day 500: week 99, Friday = 2025-01-06 + 99 × 7 + 4 = + 697 days =
    // 2026-12-04 (365 days to 2026-01-06, then 332 more). dueAt: day 513 (week 102, Wednesday, + 716 days =
    // 2026-12-23) after its morning's 3 h and 1 h of its afternoon: 14:00.
    expect(x.periods).toHaveLength(1000);
    expect(x.periodsTruncated).toBe(true);
    expect(x.periods[0]).toEqual({
      start: new Date("2025-01-06T09:00:00Z"),
      end: new Date("2025-01-06T12:00:00Z"),
      workingMs: 3 * H,
    });
    expect(x.periods[999]).toEqual({
      start: new Date("2026-12-04T13:00:00Z"),
      end: new Date("2026-12-04T18:00:00Z"),
      workingMs: 5 * H,
    });
    expect(x.arithmetic).toEqual({
      budgetMs: 4100 * H,
      pausedBeforeDueMs: 0,
      dueAt: new Date("2026-12-23T14:00:00Z"),
      lastCompliantAt: new Date("2026-12-23T14:00:00Z"),
    });
    // A cut list is not counted in the text.
    expect(x.text).toContain("dueAt = start + 4100 h 0 min of working time = 2026-12-23 14:00 (+00:00). ");
  });
});
