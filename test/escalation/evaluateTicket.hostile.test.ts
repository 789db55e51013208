// Irregular and hostile event streams given to evaluateTicket: each case with the outcome documented in the
// decisions table of its TSDoc, and re-entrancy.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { SlaError } from "../../src/calendar/index.js";
import type { Contract } from "../../src/contracts/index.js";
import type { Ticket, TicketEvent, TicketStatus } from "../../src/escalation/index.js";
import { evaluateTicket } from "../../src/escalation/index.js";
import { ev, seed, states, target } from "./helpers.js";

const H = 3_600_000;
const M = 60_000;

// Seed 001 (24x7 desk) with a resolution target that pauses on an event pair.
const contract = seed("seed-001-network-desk", (c) => {
  c.targets = [
    ...c.targets,
    {
      id: "resolve",
      calendar: "desk",
      start: { event: "opened" },
      stop: { event: "resolved" },
      duration: "PT8H",
      pause: { event: "waitingCustomer", resumeEvent: "customerReplied" },
    },
  ];
});
const T0 = Date.parse("2025-03-03T01:00:00Z"); // Mon 09:00 +08:00
const at = (minutes: number) => T0 + minutes * M;
const NOW = at(600);

function error(fn: () => unknown): SlaError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SlaError) return e;
    throw new Error(`expected an SlaError, got ${String(e)}`);
  }
  throw new Error("expected an SlaError, got a result");
}

const run = (
  events: TicketEvent[],
  now: number | string | Date = NOW,
  c: Contract = contract,
  opts?: { strict?: boolean; maxEvents?: number },
): TicketStatus => evaluateTicket(c, { id: "H", events }, now, opts);

const story: TicketEvent[] = [
  { type: "opened", at: at(0), seq: 0 },
  { type: "waitingCustomer", at: at(60), seq: 1 },
  { type: "customerReplied", at: at(120), seq: 2 },
  { type: "engineerResponded", at: at(130), seq: 3 },
  { type: "resolved", at: at(300), seq: 4 },
];

describe("order and duplicates (H24, H25)", () => {
  test("out of order: sorted by (at, seq)", () => {
    expect(run([story[3], story[1], story[4], story[0], story[2]] as TicketEvent[])).toEqual(run(story));
  });

  test("a missing seq sorts before any seq at the same instant, then input order", () => {
    // The resume has no seq and so comes before the pause (seq 1) at the same instant: a resume without a pause
    // (warning), then the pause, which lasts.
    const s = run([
      story[0] as TicketEvent,
      { type: "waitingCustomer", at: at(60), seq: 1 },
      { type: "customerReplied", at: at(60) },
    ]);
    expect(s.warnings.map((w) => w.code)).toEqual(["RESUME_WITHOUT_PAUSE"]);
    expect(target(s, "resolve").state).toBe("paused");
  });

  test("exact duplicates are dropped, with or without seq, silently", () => {
    const dupes = [
      ...story,
      { ...story[1] } as TicketEvent,
      { type: "survey", at: at(310), channel: "phone", satisfied: true },
      { type: "survey", at: at(310), channel: "phone", satisfied: true },
    ];
    const once = [...story, { type: "survey", at: at(310), channel: "phone", satisfied: true }];
    expect(run(dupes)).toEqual(run(once));
    expect(run(dupes).surveys).toHaveLength(1);
  });

  test("the same (at, seq) with different content: E_EVENT_CONFLICT at the later event", () => {
    const e = error(() => run([...story, { type: "resolved", at: at(60), seq: 1 }]));
    expect(e.code).toBe("E_EVENT_CONFLICT");
    expect(e.path).toBe("events[5]");
  });

  test("the same seq at different instants is fine: seq only breaks ties", () => {
    const s = run(story.map((e) => ({ ...e, seq: 0 })));
    expect(s).toEqual(run(story));
  });
});

describe("duplicates are judged alike whatever the run's length (red-team W3, R3)", () => {
  // `k` unrelated events share the instant (distinct statuses on an unknown type: a warning each, no effect).
  const padding = (k: number, t: number): TicketEvent[] =>
    Array.from({ length: k }, (_, i) => ({ type: "note", at: t, status: `s${i}` }));
  const counts = [0, 1, 6, 7, 8, 9, 20];
  const outcome = (f: () => TicketStatus): string => {
    try {
      const s = f();
      return `surveys ${s.surveys.map((v) => `${v.channel}:${v.satisfied}`).join(",")}`;
    } catch (e) {
      if (e instanceof SlaError) return `${e.code} at ${e.path}`;
      return `raw ${String(e)}`;
    }
  };

  test('a survey on channel "undefined" and one on the ticket\'s channel are both kept', () => {
    for (const k of counts) {
      const events: TicketEvent[] = [
        { type: "opened", at: at(0) },
        { type: "survey", at: at(30), channel: "undefined", satisfied: true },
        { type: "survey", at: at(30), satisfied: true },
        ...padding(k, at(30)),
      ];
      const s = evaluateTicket(contract, { id: "W3", channel: "web", events }, NOW);
      expect([k, s.surveys.map((v) => v.channel).sort()]).toEqual([k, ["undefined", "web"]]);
    }
  });

  test('satisfied: "true" beside satisfied: true is the same E_EVENT at any run length (never a duplicate)', () => {
    const results = counts.map((k) =>
      outcome(() =>
        run([
          { type: "opened", at: at(0) },
          { type: "survey", at: at(30), channel: "web", satisfied: true },
          { type: "survey", at: at(30), channel: "web", satisfied: "true" as unknown as boolean },
          ...padding(k, at(30)),
        ]),
      ),
    );
    // The invalid survey is input event 2 whatever follows it.
    expect(results[0]).toMatch(/^E_EVENT at events\[2\]/);
    expect(new Set(results)).toEqual(new Set([results[0]]));
  });

  test("a symbol, or an object whose toString throws, in a field: a typed answer, the same at any length", () => {
    const hostile = [
      Symbol("x"),
      {
        toString: () => {
          throw new Error("no");
        },
      },
      Object.create(null),
    ];
    for (const value of hostile) {
      const results = counts.map((k) =>
        outcome(() =>
          run([
            { type: "opened", at: at(0) },
            ...padding(k, at(30)),
            { type: "note", at: at(30), status: value as unknown as string },
            { type: "note", at: at(30), status: value as unknown as string },
          ]),
        ),
      );
      expect(results.filter((r) => r.startsWith("raw"))).toEqual([]);
      expect(new Set(results).size).toBe(1);
    }
  });
});

test("law: padding an instant with unrelated events never changes which surveys are kept (W3)", () => {
  const field = fc.constantFrom<unknown>(undefined, "undefined", "web", true, "true", "\u0000web");
  const survey = fc.record({ channel: field, satisfied: fc.constantFrom<unknown>(true, false) });
  const outcomeOf = (events: TicketEvent[]): string => {
    try {
      const s = evaluateTicket(contract, { id: "P", channel: "web", events }, NOW);
      return JSON.stringify(s.surveys.map((v) => [v.channel, v.satisfied]).sort());
    } catch (e) {
      return e instanceof SlaError ? e.code : `raw ${String(e)}`;
    }
  };
  fc.assert(
    fc.property(
      fc.array(survey, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 1, max: 20 }),
      (surveys, k) => {
        const base: TicketEvent[] = [
          { type: "opened", at: at(0) },
          ...surveys.map((v) => ({ type: "survey", at: at(30), ...v }) as TicketEvent),
        ];
        const padded = [
          ...base,
          ...Array.from({ length: k }, (_, i) => ({ type: "note", at: at(30), status: `p${i}` })),
        ];
        expect(outcomeOf(padded)).toBe(outcomeOf(base));
      },
    ),
    { seed: 20251207, numRuns: 300 },
  );
});

describe("pauses and clock states (H26)", () => {
  test("a resume without a pause is ignored with a warning", () => {
    const s = run([story[0] as TicketEvent, { type: "customerReplied", at: at(30), seq: 1 }]);
    expect(s.warnings).toEqual([
      {
        code: "RESUME_WITHOUT_PAUSE",
        message: 'Event 1 ("customerReplied") resumes a clock that is not paused and is ignored',
        index: 1,
      },
    ]);
    expect(target(s, "resolve").pausedMs).toBe(0);
  });

  test("a pause while paused is ignored with a warning: the pause runs from the first", () => {
    const s = run([
      story[0] as TicketEvent,
      { type: "waitingCustomer", at: at(60) },
      { type: "waitingCustomer", at: at(90) },
      { type: "customerReplied", at: at(120) },
    ]);
    expect(s.warnings.map((w) => [w.code, w.index])).toEqual([["DOUBLE_PAUSE", 2]]);
    expect(target(s, "resolve").pausedMs).toBe(1 * H); // 10:00 → 11:00
  });

  test("stop before start, a second stop, a start while running: no effect, no warning", () => {
    const s = run([
      { type: "resolved", at: at(0), seq: -1 }, // before the opening: warned as such, not as a stop
      story[0] as TicketEvent,
      { type: "engineerResponded", at: at(10) },
      { type: "engineerResponded", at: at(20) },
    ]);
    expect(s.warnings.map((w) => w.code)).toEqual(["EVENT_BEFORE_OPENING"]);
    expect(target(s, "engineerResponse")).toMatchObject({ state: "met", elapsedMs: 10 * M });
  });

  test("events after closed are processed: an obligation can still be met after closing", () => {
    const c = seed("seed-000-school");
    const s = evaluateTicket(
      c,
      {
        id: "C",
        events: [
          ev("opened", "2025-04-01T10:00:00"),
          ev("resolved", "2025-04-01T10:30:00"),
          ev("closed", "2025-04-01T10:31:00"),
          ev("reportDelivered", "2025-04-01T15:00:00"),
        ],
      },
      "2025-04-02T00:00:00+08:00",
    );
    expect(target(s, "problemReport").state).toBe("met");
    expect(s.warnings).toEqual([]);
  });

  test("a second opened is ignored with a warning", () => {
    const s = run([...story, { type: "opened", at: at(200), seq: 9 }]);
    expect(s.warnings.map((w) => [w.code, w.index])).toEqual([["SECOND_OPENED", 5]]);
    expect(s.openedAt.getTime()).toBe(T0);
  });

  test("a chained parent breached again while the child still runs: one clock, a warning", () => {
    const c = seed("seed-001-network-desk", (x) => {
      x.eventTypes = ["assigned", "nudge", "fixed"];
      x.targets = [
        {
          id: "ack",
          calendar: "desk",
          start: { event: "opened" },
          stop: { event: "ackd" },
          reset: { event: "nudge" },
          duration: "PT1H",
        },
        {
          id: "chase",
          calendar: "desk",
          start: { breachOf: "ack" },
          stop: { event: "fixed" },
          duration: "PT8H",
        },
      ];
    });
    // ack cycle 0: 09:00 → due 10:00, breached; chase starts 10:00. nudge at 10:30 → ack cycle 1, due 11:30, breached
    // at 11:30:00.001 while chase still runs: no second chase clock.
    const s = evaluateTicket(
      c,
      {
        id: "X",
        events: [
          { type: "opened", at: at(0) },
          { type: "nudge", at: at(90) },
        ],
      },
      at(200),
    );
    expect(states(s)).toEqual(["ack/0:breached", "ack/1:breached", "chase/0:running"]);
    expect(s.warnings.map((w) => w.code)).toEqual(["CHAIN_ALREADY_RUNNING"]);
  });
});

describe("opening, types, causality (H27, H28)", () => {
  test("events before the opening are ignored with a warning each", () => {
    const s = run([
      { type: "engineerResponded", at: at(-10) },
      { type: "waitingCustomer", at: at(-5) },
      ...story,
    ]);
    expect(s.warnings.map((w) => [w.code, w.index])).toEqual([
      ["EVENT_BEFORE_OPENING", 0],
      ["EVENT_BEFORE_OPENING", 1],
    ]);
    expect({ ...s, warnings: [] }).toEqual(run(story));
  });

  test("unknown types: a warning, or E_EVENT_TYPE in strict mode", () => {
    const events = [...story, { type: "teleported", at: at(20), seq: 9 }];
    const s = run(events);
    expect(s.warnings).toEqual([
      {
        code: "UNKNOWN_EVENT_TYPE",
        message: 'Event 5 has the unknown type "teleported" and is ignored',
        index: 5,
      },
    ]);
    const e = error(() => run(events, NOW, contract, { strict: true }));
    expect([e.code, e.path]).toEqual(["E_EVENT_TYPE", "events[5].type"]);
  });

  test("events after now are ignored without a warning", () => {
    const future = [
      ...story,
      { type: "teleported", at: at(700) },
      { type: "opened", at: at(800) },
      { type: "levelChanged", at: at(900), level: "nope" },
    ];
    expect(run(future)).toEqual(run(story));
  });

  test("no opened event: E_EVENT; now before the opening: E_NOW_INVALID", () => {
    expect(error(() => run(story.slice(1))).code).toBe("E_EVENT");
    const e = error(() => run(story, at(-1)));
    expect([e.code, e.path]).toEqual(["E_NOW_INVALID", "now"]);
  });

  test("more than 1,000 warnings: the first 1,000 and a count", () => {
    const events: TicketEvent[] = [story[0] as TicketEvent];
    for (let i = 1; i <= 1500; i++) events.push({ type: "mystery", at: at(0) + i, seq: i });
    const s = run(events);
    expect(s.warnings).toHaveLength(1001);
    expect(s.warnings[1000]).toEqual({
      code: "WARNINGS_TRUNCATED",
      message: "500 more warnings were not listed",
    });
  });
});

describe("bad values (H29, H30, H33, H34)", () => {
  const withAt = (value: unknown): TicketEvent[] => [
    ...story.slice(0, 3),
    { type: "engineerResponded", at: value } as TicketEvent,
  ];
  test.each([
    ["2024-02-30T09:00:00Z", "E_INSTANT"],
    ["2025-01-01T09:00:00", "E_INSTANT"], // no offset: ambiguous
    ["1", "E_INSTANT"],
    ["2016-12-31T23:59:60Z", "E_INSTANT"],
    ["2025-01-01T09:00:00.123456789Z", "E_INSTANT"],
    [1.5, "E_INSTANT"],
    [Number.NaN, "E_INSTANT"],
    [new Date(Number.NaN), "E_INSTANT"],
    [null, "E_INSTANT"],
    ["9999-01-01T00:00:00Z", "E_INSTANT_RANGE"],
    [-1e15, "E_INSTANT_RANGE"],
  ])("at = %s → %s at events[3].at", (value, code) => {
    const e = error(() => run(withAt(value)));
    expect([e.code, e.path]).toEqual([code, "events[3].at"]);
  });

  test.each([[Number.NaN], [new Date("x")], ["2025-03-03T12:00:00"], [undefined], [{}]])(
    "now = %s → E_NOW_INVALID",
    (now) => {
      const e = error(() => evaluateTicket(contract, { id: "H", events: story }, now as never));
      expect([e.code, e.path]).toEqual(["E_NOW_INVALID", "now"]);
    },
  );

  test("levels: unknown on a change, on the ticket, or none at all", () => {
    let e = error(() => run([...story, { type: "levelChanged", at: at(5), seq: 8, level: "urgent" }]));
    expect([e.code, e.path]).toEqual(["E_LEVEL", "events[5].level"]);
    e = error(() => evaluateTicket(contract, { id: "H", level: "urgent", events: story }, NOW));
    expect([e.code, e.path]).toEqual(["E_LEVEL", "level"]);
    e = error(() => evaluateTicket(seed("seed-003-it-support"), { id: "H", events: story }, NOW)); // no defaultLevel
    expect(e.code).toBe("E_LEVEL");
    expect(e.message).toMatch(/no fault level/);
  });

  test("shapes: contract, ticket, events, seq, options", () => {
    expect(error(() => evaluateTicket({} as Contract, { id: "H", events: story }, NOW)).code).toBe("E_TYPE");
    expect(error(() => evaluateTicket(contract, null as unknown as Ticket, NOW)).code).toBe("E_TYPE");
    expect(error(() => evaluateTicket(contract, { id: 7 } as unknown as Ticket, NOW)).code).toBe("E_TYPE");
    expect(
      error(() => evaluateTicket(contract, { id: "H", events: "x" } as unknown as Ticket, NOW)).code,
    ).toBe("E_TYPE");
    expect(error(() => run([null as unknown as TicketEvent]))).toMatchObject({
      code: "E_EVENT",
      path: "events[0]",
    });
    expect(error(() => run([{ at: at(0) } as TicketEvent]))).toMatchObject({
      code: "E_EVENT",
      path: "events[0].type",
    });
    expect(error(() => run([{ type: "opened", at: at(0), seq: Number.POSITIVE_INFINITY }]))).toMatchObject({
      code: "E_EVENT",
      path: "events[0].seq",
    });
    expect(error(() => run([...story, { type: "statusChanged", at: at(1), seq: 7 }]))).toMatchObject({
      code: "E_EVENT",
      path: "events[5].status",
    });
    expect(error(() => run(story, NOW, contract, { maxEvents: -1 })).code).toBe("E_OPTION");
    expect(error(() => run(story, NOW, contract, { maxEvents: 4 }))).toMatchObject({
      code: "E_LIMIT",
      path: "events",
    });
  });
});

describe("size (H31)", () => {
  test("a ticket with 1,000,000 events evaluates in bounded time and memory", () => {
    // Opened, then 999,999 events: pause/resume pairs one second apart, every 1000th a status change; delivered
    // in reversed blocks of 1000 so that the sort has work to do.
    const n = 1_000_000;
    const events: TicketEvent[] = new Array(n);
    events[0] = { type: "opened", at: T0, seq: 0 };
    for (let i = 1; i < n; i++) {
      const type = i % 1000 === 0 ? "statusChanged" : i % 2 === 1 ? "waitingCustomer" : "customerReplied";
      events[i] =
        type === "statusChanged"
          ? { type, at: T0 + i * 1000, seq: i, status: "open" }
          : { type, at: T0 + i * 1000, seq: i };
    }
    for (let b = 1; b + 1000 <= n; b += 1000)
      events
        .slice(b, b + 1000)
        .reverse()
        .forEach((e, k) => {
          events[b + k] = e;
        });
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const s = evaluateTicket(contract, { id: "big", events }, T0 + n * 1000);
    const ms = performance.now() - started;
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    // Odd seconds pause, even seconds resume, except that each multiple of 1000 s is a status change instead:
    // the pause begun at 999 s lasts, the pause at 1001 s is a DOUBLE_PAUSE (999 of them), 1002 s resumes.
    // Running: 0–1 s, then 1 s after each of the 499,999 even seconds 2…999,998 minus the 999 multiples of 1000:
    // 1 + 499,000 = 499,001 s (24x7, so working time is wall time) — far over the 8 h target. Paused: the rest of
    // the 1,000,000 s, including the pause open since 999,999 s.
    const r = target(s, "resolve");
    expect(r).toMatchObject({ state: "breached", elapsedMs: 499_001_000, pausedMs: 500_999_000 });
    expect(s.warnings).toHaveLength(999);
    expect(new Set(s.warnings.map((w) => w.code))).toEqual(new Set(["DOUBLE_PAUSE"]));
    expect(ms).toBeLessThan(20_000);
    expect(heapGrowth).toBeLessThan(400 * 1024 * 1024);
  }, 60_000);

  test("200,000 events at one instant without seq (duplicate detection stays linear)", () => {
    const events: TicketEvent[] = [{ type: "opened", at: T0 }];
    for (let i = 0; i < 200_000; i++)
      events.push({ type: "statusChanged", at: T0 + 5, status: `s${i % 50_000}` });
    const started = performance.now();
    const s = run(events, T0 + 10);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(s.warnings).toEqual([]);
  }, 60_000);
});

describe("output cap (red-team H1): at most 1,000,000 entries, statuses and steps together", () => {
  // 20 targets that reset on every "update", each with 49 steps: a cycle costs 1 status + 49 steps = 50 entries,
  // so one round of cycles costs 20 × 50 = 1,000. The opening and 999 updates give 1,000 rounds: exactly
  // 1,000,000 entries. One more update is too many.
  const resetting = seed("seed-001-network-desk", (c) => {
    c.eventTypes = [...(c.eventTypes ?? []), "update"];
    c.targets = Array.from({ length: 20 }, (_, k) => ({
      id: `u${k}`,
      calendar: "desk",
      start: { event: "opened" },
      stop: { event: "closed" },
      reset: { event: "update" },
      duration: "PT1H",
      escalations: Array.from({ length: 49 }, (_, i) => ({
        id: `s${i}`,
        at: { after: `PT${i + 1}S` },
        action: "notify" as const,
      })),
    }));
  });
  const ticket = (updates: number): Ticket => ({
    id: "H1",
    events: [
      { type: "opened", at: at(0) },
      ...Array.from({ length: updates }, (_, i) => ({ type: "update", at: at(0) + (i + 1) * 1000 })),
    ],
  });

  test("999 updates: 20,000 statuses and 980,000 steps are returned", () => {
    const s = evaluateTicket(resetting, ticket(999), NOW);
    expect([s.targets.length, s.escalations.length]).toEqual([20_000, 980_000]);
  });

  test("1,000 updates: E_LIMIT at events, before the result is built", () => {
    // Targets u0…u18 take 19 × 1,001 × 50 = 950,950 entries; u19's 982nd cycle passes 1,000,000.
    const e = error(() => evaluateTicket(resetting, ticket(1000), NOW));
    expect([e.code, e.path]).toEqual(["E_LIMIT", "events"]);
    expect(e.message).toContain('target "u19" reached 982 cycles');
  });
});

describe("re-entrancy: evaluation keeps no state between calls", () => {
  test("an event's `at` getter that evaluates another ticket leaves the outer result exactly as without it", () => {
    // Plain seed 001 (24x7 desk): engineerResponse PT1H with steps after 30, 45 and 45 min; satisfactionSurvey P0D
    // from "closed". The outer ticket opens Mon 09:00 (01:00Z) and is answered at 09:20 (01:20Z); now 09:30.
    const desk = seed("seed-001-network-desk");
    const now = "2025-03-03T09:30:00+08:00";
    const inner: Ticket = { id: "INNER", events: [ev("opened", "2025-03-03T06:00:00")] };
    const innerStates: string[] = [];
    const responded = {
      type: "engineerResponded",
      get at(): string {
        const s = evaluateTicket(desk, inner, now);
        innerStates.push(`${target(s, "engineerResponse").state} ${s.openedAt.toISOString()}`);
        return "2025-03-03T09:20:00+08:00";
      },
    };
    const plain: Ticket = {
      id: "OUTER",
      events: [ev("opened", "2025-03-03T09:00:00"), ev("engineerResponded", "2025-03-03T09:20:00")],
    };
    const outer = evaluateTicket(
      desk,
      { id: "OUTER", events: [plain.events[0] as TicketEvent, responded] },
      now,
    );
    // The inner ticket (06:00 = 22:00Z the day before) was due at 07:00: breached at 09:30.
    expect(innerStates).toEqual(["breached 2025-03-02T22:00:00.000Z"]);
    expect(outer).toStrictEqual(evaluateTicket(desk, plain, now));
    // By hand: met after 20 min of the hour (40 min left); dueAt 10:00 (02:00Z), lastCompliantAt the same (24x7);
    // every step comes after the stop at 20 min (30, 45, 45 min): skipped. The survey waits for "closed": pending,
    // a business-day target (no targetMs). Nothing is scheduled: nextCheckAt null. No term: phase "none".
    expect(outer).toStrictEqual({
      id: "OUTER",
      level: "general",
      phase: "none",
      openedAt: new Date("2025-03-03T01:00:00Z"),
      resolvedAt: null,
      closedAt: null,
      channel: undefined,
      targets: [
        {
          id: "engineerResponse",
          cycle: 0,
          state: "met",
          level: "general",
          targetMs: H,
          startedAt: new Date("2025-03-03T01:00:00Z"),
          dueAt: new Date("2025-03-03T02:00:00Z"),
          lastCompliantAt: new Date("2025-03-03T02:00:00Z"),
          stoppedAt: new Date("2025-03-03T01:20:00Z"),
          elapsedMs: 20 * M,
          remainingMs: 40 * M,
          pausedMs: 0,
        },
        {
          id: "satisfactionSurvey",
          cycle: 0,
          state: "pending",
          level: "general",
          targetMs: undefined,
          startedAt: null,
          dueAt: null,
          lastCompliantAt: null,
          elapsedMs: 0,
          remainingMs: 0,
          pausedMs: 0,
        },
      ],
      escalations: ["remind30", "remind45", "reassign45"].map((stepId) => ({
        key: `OUTER/engineerResponse/0/${stepId}`,
        ticketId: "OUTER",
        targetId: "engineerResponse",
        cycle: 0,
        stepId,
        action: stepId === "reassign45" ? "reassign" : "notify",
        to: [stepId === "reassign45" ? "desk" : "engineer"],
        state: "skipped",
        at: null,
      })),
      surveys: [],
      nextCheckAt: null,
      nextCheck: null,
      warnings: [],
    });
  });
});
