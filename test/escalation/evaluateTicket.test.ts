// evaluateTicket, worked examples on the seed contracts of examples/contracts/, grouped by the rule they show.
// Every expected value is computed by hand in the comment above it (local times are Asia/Shanghai, +08:00, no
// DST; "Z" values subtract 8 h).
import { describe, expect, test } from "vitest";
import type { Ticket } from "../../src/escalation/index.js";
import { evaluateTicket, explainTarget } from "../../src/escalation/index.js";
import {
  brief,
  ev,
  pausingContract,
  seed,
  states,
  steps,
  stepsContract,
  target,
  weekendPauseTicket,
} from "./helpers.js";

const H = 3_600_000;
const M = 60_000;

describe("business-day deadlines: the end of business of the Nth following working day", () => {
  describe("seed 004: a ticket opened on Friday evening before the National Day holiday week", () => {
    // office: Mon–Fri 09:00–18:00 (9 h), holidays 2025-10-01…10-08, make-up working days Sun 09-28 and Sat 10-11;
    // service: 24x7. Level "fault": response PT4H (service), fix P2D (office), plan P2D (service, breachOf fix),
    // answer PT24H (service). usability and performance have no duration for "fault": left out.
    const contract = seed("seed-004-software");
    const opened: Ticket = { id: "T-004", level: "fault", events: [ev("opened", "2025-09-26T19:00:00")] };

    test("Mon 18:00 exactly: fix is due but not breached, plan waits", () => {
      const s = evaluateTicket(contract, opened, "2025-09-29T18:00:00+08:00");
      expect(s.phase).toBe("warranty"); // term 2025-03-01 + P1Y (contractPeriod, kind warranty)
      expect(states(s)).toEqual([
        "response/0:breached",
        "fix/0:running",
        "plan/0:pending",
        "answer/0:breached",
      ]);
      // response: 24x7, Fri 19:00 + 4 h = Fri 23:00 (15:00Z); breached from 15:00:00.001Z.
      // elapsed Fri 19:00 → Mon 18:00 = 5 h + 24 h + 24 h + 18 h = 71 h.
      expect(brief(target(s, "response"))).toEqual({
        id: "response",
        cycle: 0,
        state: "breached",
        level: "fault",
        startedAt: "2025-09-26T11:00:00.000Z",
        dueAt: "2025-09-26T15:00:00.000Z",
        lastCompliantAt: "2025-09-26T15:00:00.000Z",
        breachedAt: "2025-09-26T15:00:00.001Z",
        elapsedMs: 71 * H,
        remainingMs: 0,
        pausedMs: 0,
      });
      // fix: P2D from Fri 19:00; the start day is not counted; working day 1 = Sun 09-28 (make-up), day 2 = Mon
      // 09-29: due at its close, Mon 18:00 (10:00Z). Working time so far: Sun 9 h + Mon 9 h = 18 h = the budget.
      expect(brief(target(s, "fix"))).toEqual({
        id: "fix",
        cycle: 0,
        state: "running",
        level: "fault",
        startedAt: "2025-09-26T11:00:00.000Z",
        dueAt: "2025-09-29T10:00:00.000Z",
        lastCompliantAt: "2025-09-29T10:00:00.000Z",
        elapsedMs: 18 * H,
        remainingMs: 0,
        pausedMs: 0,
      });
      expect(target(s, "fix").targetMs).toBeUndefined(); // a business-day target has no ms target
      // answer: 24x7, Fri 19:00 + 24 h = Sat 19:00 (11:00Z).
      expect(target(s, "answer").breachedAt?.toISOString()).toBe("2025-09-27T11:00:00.001Z");
      // The next change: fix breached one millisecond after Mon 18:00 (which also starts plan).
      expect(s.nextCheckAt?.toISOString()).toBe("2025-09-29T10:00:00.001Z");
    });

    test("fixed at Mon 23:00: late although no working time passed after 18:00 (rule 6)", () => {
      const s = evaluateTicket(
        contract,
        { ...opened, events: [...opened.events, ev("resolved", "2025-09-29T23:00:00")] },
        "2025-10-02T00:00:00+08:00",
      );
      expect(brief(target(s, "fix"))).toMatchObject({
        state: "breached",
        stoppedAt: "2025-09-29T15:00:00.000Z",
        breachedAt: "2025-09-29T10:00:00.001Z",
        elapsedMs: 18 * H,
      });
      // plan ran from Mon 18:00 and "resolved" is one of its stop events: met after 5 h.
      expect(brief(target(s, "plan"))).toMatchObject({
        state: "met",
        startedAt: "2025-09-29T10:00:00.000Z",
        stoppedAt: "2025-09-29T15:00:00.000Z",
        elapsedMs: 5 * H,
      });
    });
  });

  describe("seed 003: business hours around the holiday week", () => {
    // office Mon–Fri 09:00–18:00; response general PT2H / emergency PT30M; answer general P1D; initialSolution
    // emergency PT2H. No default level: tickets give theirs.
    const contract = seed("seed-003-it-support");

    test("opened Friday 19:00: the make-up Sunday counts", () => {
      const s = evaluateTicket(
        contract,
        { id: "T-003b", level: "general", events: [ev("opened", "2025-09-26T19:00:00")] },
        "2025-09-28T10:00:00+08:00",
      );
      // response: first working time Sun 09-28 09:00; + 2 h = 11:00 (03:00Z). answer P1D: Sun 09-28 18:00 (10:00Z).
      expect(target(s, "response").dueAt?.toISOString()).toBe("2025-09-28T03:00:00.000Z");
      expect(target(s, "response").elapsedMs).toBe(1 * H); // Sun 09:00–10:00
      expect(target(s, "answer").dueAt?.toISOString()).toBe("2025-09-28T10:00:00.000Z");
    });
  });

  describe("seed 001: the survey at close", () => {
    // 24x7; engineerResponse PT1H with remind30 (after PT30M), remind45 and reassign45 (after PT45M).
    const contract = seed("seed-001-network-desk");
    const opened = ev("opened", "2025-03-03T09:00:00"); // 01:00Z

    test("the survey at close: P0D is the end of the closing day", () => {
      const events = [
        opened,
        ev("engineerResponded", "2025-03-03T09:10:00"),
        ev("closed", "2025-03-03T15:00:00"),
      ];
      // 24x7: the closing day ends at 24:00 = Tue 00:00 (2025-03-03T16:00Z).
      const open = evaluateTicket(contract, { id: "S", events }, "2025-03-03T23:00:00+08:00");
      expect(brief(target(open, "satisfactionSurvey"))).toMatchObject({
        state: "running",
        dueAt: "2025-03-03T16:00:00.000Z",
      });
      expect(open.closedAt?.toISOString()).toBe("2025-03-03T07:00:00.000Z");
      const late = evaluateTicket(contract, { id: "S", events }, Date.parse("2025-03-03T16:00:00.001Z"));
      expect(target(late, "satisfactionSurvey").state).toBe("breached");
      const sent = evaluateTicket(
        contract,
        { id: "S", events: [...events, ev("surveySent", "2025-03-03T15:05:00")] },
        "2025-03-04T12:00:00+08:00",
      );
      expect(target(sent, "satisfactionSurvey").state).toBe("met");
    });
  });
});

describe("dueAt and lastCompliantAt: a deadline at the close is met up to the next opening", () => {
  describe("seed 003: business hours around the holiday week", () => {
    // office Mon–Fri 09:00–18:00; response general PT2H / emergency PT30M; answer general P1D; initialSolution
    // emergency PT2H. No default level: tickets give theirs.
    const contract = seed("seed-003-it-support");

    test("a 2 h response opened Tue 16:00 before the holidays: dueAt Tue 18:00, lastCompliantAt Thu 10-09 09:00", () => {
      const t: Ticket = { id: "T-003a", level: "general", events: [ev("opened", "2025-09-30T16:00:00")] };
      const s = evaluateTicket(contract, t, "2025-10-05T12:00:00+08:00");
      // Tue 16:00–18:00 is the whole 2 h: dueAt Tue 18:00 (10:00Z); the next working instant is Thu 10-09 09:00
      // (01:00Z) after the holidays 10-01…10-08: still not breached during the holiday.
      expect(brief(target(s, "response"))).toMatchObject({
        state: "running",
        dueAt: "2025-09-30T10:00:00.000Z",
        lastCompliantAt: "2025-10-09T01:00:00.000Z",
        elapsedMs: 2 * H,
        remainingMs: 0,
      });
      // answer P1D: the next working day after Tue is Thu 10-09, closing 18:00 (10:00Z).
      expect(target(s, "answer").dueAt?.toISOString()).toBe("2025-10-09T10:00:00.000Z");
      expect(s.nextCheckAt?.toISOString()).toBe("2025-10-09T01:00:00.001Z");
      const onTime = evaluateTicket(
        contract,
        { ...t, events: [...t.events, ev("responded", "2025-10-09T09:00:00")] },
        "2025-10-09T12:00:00+08:00",
      );
      expect(target(onTime, "response").state).toBe("met"); // exactly at lastCompliantAt: met (I25)
      const late = evaluateTicket(
        contract,
        { ...t, events: [...t.events, { type: "responded", at: Date.parse("2025-10-09T01:00:00.001Z") }] },
        "2025-10-09T12:00:00+08:00",
      );
      expect(target(late, "response").state).toBe("breached");
    });
  });
});

describe("pauses: a pause across a weekend (seed 003 with a resolution target that pauses)", () => {
  // Added to seed 003: resolve, office, PT16H for "general", paused while the status is "waitingCustomer"; and the
  // same with a waitingCustomer/customerReplied event pair.
  const contract = pausingContract();
  const ticket = weekendPauseTicket;

  test("the weekend costs nothing; the working hours paused are credited back", () => {
    const s = evaluateTicket(contract, ticket, "2025-03-10T11:30:00+08:00");
    // Elapsed before the pause: Thu 10:00–18:00 (8 h) + Fri 09:00–16:00 (7 h) = 15 h. Paused working time: Fri
    // 16:00–18:00 (2 h) + Mon 09:00–11:00 (2 h) = 4 h; the weekend is not working time. 1 h left at Mon 11:00 →
    // dueAt Mon 12:00 (04:00Z) = start + (16 h + 4 h) of working time. At 11:30: 15.5 h elapsed.
    for (const id of ["resolve", "resolveByEvents"]) {
      expect(brief(target(s, id))).toEqual({
        id,
        cycle: 0,
        state: "running",
        level: "general",
        startedAt: "2025-03-06T02:00:00.000Z",
        dueAt: "2025-03-10T04:00:00.000Z",
        lastCompliantAt: "2025-03-10T04:00:00.000Z",
        elapsedMs: 15.5 * H,
        remainingMs: 0.5 * H,
        pausedMs: 4 * H,
      });
    }
    // Without the pause the deadline would be Fri 17:00 (Thu 8 h + Fri 8 h): the pause moved it later.
    const unpaused = evaluateTicket(
      contract,
      { ...ticket, events: ticket.events.slice(0, 1) },
      "2025-03-07T12:00:00+08:00",
    );
    expect(target(unpaused, "resolve").dueAt?.toISOString()).toBe("2025-03-07T09:00:00.000Z");
  });

  test("while paused on Saturday there is no deadline", () => {
    const s = evaluateTicket(contract, ticket, "2025-03-08T12:00:00+08:00");
    // 15 h elapsed, 1 h left; paused working time so far Fri 16:00–18:00 = 2 h.
    expect(brief(target(s, "resolve"))).toMatchObject({
      state: "paused",
      dueAt: null,
      lastCompliantAt: null,
      elapsedMs: 15 * H,
      remainingMs: 1 * H,
      pausedMs: 2 * H,
    });
  });
});

describe("a step that fired stays due when a level change moves its time (red-team W6)", () => {
  // Seed 001 (24x7 desk) plus "fix": systemDown PT1H, general PT4H, a step at 50 %; onLevelChange recompute.
  // Opened 09:00 as systemDown: the 50 % step is at 09:30. Lowered to general at 09:45: under PT4H the step
  // would be at 11:00, but it already fired at 09:30 and stays due there. Resolved at 10:30.
  const contract = seed("seed-001-network-desk", (c) => {
    c.targets = [
      ...c.targets,
      {
        id: "fix",
        calendar: "desk",
        start: { event: "opened" },
        stop: { event: "resolved" },
        duration: { systemDown: "PT1H", general: "PT4H" },
        escalations: [{ id: "half", at: { percent: 50 }, action: "notify" }],
      },
    ];
  });
  const events = [
    ev("opened", "2025-03-03T09:00:00"),
    ev("levelChanged", "2025-03-03T09:45:00", { level: "general" }),
    ev("resolved", "2025-03-03T10:30:00"),
  ];
  const ticket: Ticket = { id: "T-9", level: "systemDown", events };
  const half = (now: string) =>
    evaluateTicket(contract, ticket, `${now}+08:00`).escalations.find((e) => e.key === "T-9/fix/0/half");

  test("due at 09:40, and still due at 09:30 after the change (09:50) and after the stop (10:40)", () => {
    for (const now of ["2025-03-03T09:40:00", "2025-03-03T09:50:00", "2025-03-03T10:40:00"]) {
      expect([now, half(now)?.state, half(now)?.at?.toISOString()]).toEqual([
        now,
        "due",
        "2025-03-03T01:30:00.000Z",
      ]);
    }
  });

  test("a step not yet fired at the change takes the new time: lowered at 09:20, the step moves to 11:00", () => {
    const early: Ticket = {
      ...ticket,
      events: [
        events[0],
        ev("levelChanged", "2025-03-03T09:20:00", { level: "general" }),
      ] as Ticket["events"],
    };
    const s = evaluateTicket(contract, early, "2025-03-03T09:50:00+08:00");
    const step = s.escalations.find((e) => e.key === "T-9/fix/0/half");
    // general PT4H from 09:00: 50 % = 2 h → 11:00 (03:00Z).
    expect([step?.state, step?.at?.toISOString()]).toEqual(["scheduled", "2025-03-03T03:00:00.000Z"]);
  });
});

describe("level changes: seed 003, a level raised mid-ticket", () => {
  const contract = seed("seed-003-it-support");
  const opened = ev("opened", "2025-03-03T09:00:00"); // Monday

  test("before the change: general", () => {
    const s = evaluateTicket(
      contract,
      { id: "L", level: "general", events: [opened] },
      "2025-03-03T09:19:00+08:00",
    );
    // response PT2H → 11:00 (03:00Z); answer P1D → Tue 18:00 (10:00Z); initialSolution has no general duration.
    expect(states(s)).toEqual(["response/0:running", "answer/0:running"]);
    expect(target(s, "response").dueAt?.toISOString()).toBe("2025-03-03T03:00:00.000Z");
    expect(target(s, "answer").dueAt?.toISOString()).toBe("2025-03-04T10:00:00.000Z");
  });

  test("raised to emergency at 09:20: recomputed from the original start", () => {
    const t: Ticket = {
      id: "L",
      level: "general",
      events: [opened, ev("levelChanged", "2025-03-03T09:20:00", { level: "emergency" })],
    };
    const s = evaluateTicket(contract, t, "2025-03-03T09:25:00+08:00");
    // response: 30 min from 09:00 → 09:30 (01:30Z); 25 min elapsed, 5 left. answer: general only → left out.
    // initialSolution: emergency PT2H from the original start 09:00 → 11:00 (03:00Z).
    expect(s.level).toBe("emergency");
    expect(states(s)).toEqual(["response/0:running", "initialSolution/0:running"]);
    expect(brief(target(s, "response"))).toMatchObject({
      level: "emergency",
      startedAt: "2025-03-03T01:00:00.000Z",
      dueAt: "2025-03-03T01:30:00.000Z",
      elapsedMs: 25 * M,
      remainingMs: 5 * M,
    });
    expect(target(s, "response").targetMs).toBe(30 * M);
    expect(brief(target(s, "initialSolution"))).toMatchObject({
      startedAt: "2025-03-03T01:00:00.000Z",
      dueAt: "2025-03-03T03:00:00.000Z",
    });
  });

  test("raised at 10:00: the recomputed deadline is already past, so the breach shows at once", () => {
    const t: Ticket = {
      id: "L",
      level: "general",
      events: [opened, ev("levelChanged", "2025-03-03T10:00:00", { level: "emergency" })],
    };
    // At 09:59 the 2 h target runs; from 10:00 the 30 min target applies: due 09:30, breached from 09:30:00.001.
    expect(target(evaluateTicket(contract, t, "2025-03-03T09:59:00+08:00"), "response").state).toBe(
      "running",
    );
    const s = evaluateTicket(contract, t, "2025-03-03T10:00:00+08:00");
    expect(brief(target(s, "response"))).toMatchObject({
      state: "breached",
      dueAt: "2025-03-03T01:30:00.000Z",
      breachedAt: "2025-03-03T01:30:00.001Z",
    });
  });

  test("a breach is final: lowering the level afterwards does not undo it", () => {
    const t: Ticket = {
      id: "L",
      level: "emergency",
      events: [opened, ev("levelChanged", "2025-03-03T10:00:00", { level: "general" })],
    };
    const s = evaluateTicket(contract, t, "2025-03-03T10:30:00+08:00");
    // response was breached at 09:30:00.001 under emergency: it keeps that level. initialSolution (emergency,
    // due 11:00, not breached at 10:00) has no general duration: left out. answer now applies: P1D → Tue 18:00.
    expect(s.level).toBe("general");
    expect(states(s)).toEqual(["response/0:breached", "answer/0:running"]);
    expect(target(s, "response").level).toBe("emergency");
    expect(target(s, "answer").dueAt?.toISOString()).toBe("2025-03-04T10:00:00.000Z");
  });

  test("onLevelChange restart: a new cycle from the change", () => {
    const restart = seed("seed-003-it-support", (c) => {
      c.onLevelChange = "restart";
    });
    const t: Ticket = {
      id: "L",
      level: "general",
      events: [opened, ev("levelChanged", "2025-03-03T09:20:00", { level: "emergency" })],
    };
    const s = evaluateTicket(restart, t, "2025-03-03T09:25:00+08:00");
    // response: cycle 0 cancelled at 09:20 after 20 min; cycle 1 from 09:20 with 30 min → 09:50 (01:50Z).
    // answer: cycle 0 (general) cancelled; its cycle 1 would be emergency: left out. initialSolution: its cycle 0
    // ran under general (not subject, left out); cycle 1 from 09:20 + 2 h → 11:20 (03:20Z).
    expect(states(s)).toEqual([
      "response/0:cancelled",
      "response/1:running",
      "answer/0:cancelled",
      "initialSolution/1:running",
    ]);
    expect(brief(target(s, "response", 0))).toMatchObject({
      stoppedAt: "2025-03-03T01:20:00.000Z",
      elapsedMs: 20 * M,
    });
    expect(target(s, "response", 1).dueAt?.toISOString()).toBe("2025-03-03T01:50:00.000Z");
    expect(target(s, "initialSolution", 1).dueAt?.toISOString()).toBe("2025-03-03T03:20:00.000Z");
  });
});

describe("chains: a breachOf clock starts at its parent's lastCompliantAt once breached, and is cancelled when it is met", () => {
  describe("a parent on business hours used up at the close: the child starts when the parent's breach does", () => {
    // seed 004 with fix = PT16H on office (Mon–Fri 09:00–18:00); plan = P2D on the 24x7 service calendar.
    // Opened Thu 2025-10-16 11:00: Thu 11:00–18:00 = 7 h, Fri 09:00–18:00 = 9 h: used up Fri 10-17 18:00, which
    // ends a working period, so fix's lastCompliantAt is the next opening, Mon 10-20 09:00 (01:00Z), and it is
    // breached from 01:00:00.001Z. The plan starts there, not on Friday evening.
    const contract = seed("seed-004-software", (c) => {
      c.targets = c.targets.map((t) => (t.id === "fix" ? { ...t, duration: { fault: "PT16H" } } : t));
    });
    const ticket: Ticket = { id: "T-chain", level: "fault", events: [ev("opened", "2025-10-16T11:00:00")] };

    test("Mon 08:59: fix used up but not breached; the plan is pending and has not started", () => {
      const s = evaluateTicket(contract, ticket, "2025-10-20T08:59:00+08:00");
      expect(target(s, "fix")).toMatchObject({ state: "running", remainingMs: 0 });
      expect(target(s, "fix").dueAt?.toISOString()).toBe("2025-10-17T10:00:00.000Z");
      expect(target(s, "fix").lastCompliantAt?.toISOString()).toBe("2025-10-20T01:00:00.000Z");
      expect(target(s, "plan").state).toBe("pending");
      expect(target(s, "plan").startedAt).toBeNull();
      expect(s.nextCheckAt?.toISOString()).toBe("2025-10-20T01:00:00.001Z");
    });

    test("Mon 10:00: fix breached at Mon 09:00:00.001; the plan runs from Mon 09:00, due Thu 00:00", () => {
      const s = evaluateTicket(contract, ticket, "2025-10-20T10:00:00+08:00");
      expect(target(s, "fix").state).toBe("breached");
      expect(target(s, "fix").breachedAt?.toISOString()).toBe("2025-10-20T01:00:00.001Z");
      // plan: P2D on 24x7 from Mon 09:00: Mon not counted, day 1 = Tue 10-21, day 2 = Wed 10-22, ending at 24:00
      // = Thu 10-23 00:00+08 = 2025-10-22T16:00Z. Budget 15 h + 24 h + 24 h = 63 h; 1 h elapsed.
      expect(brief(target(s, "plan"))).toEqual({
        id: "plan",
        cycle: 0,
        state: "running",
        level: "fault",
        startedAt: "2025-10-20T01:00:00.000Z",
        dueAt: "2025-10-22T16:00:00.000Z",
        lastCompliantAt: "2025-10-22T16:00:00.000Z",
        elapsedMs: H,
        remainingMs: 62 * H,
        pausedMs: 0,
      });
    });
  });

  describe("seed 004: fix, then plan", () => {
    // office: Mon–Fri 09:00–18:00 (9 h), holidays 2025-10-01…10-08, make-up working days Sun 09-28 and Sat 10-11;
    // service: 24x7. Level "fault": response PT4H (service), fix P2D (office), plan P2D (service, breachOf fix),
    // answer PT24H (service). usability and performance have no duration for "fault": left out.
    const contract = seed("seed-004-software");
    const opened: Ticket = { id: "T-004", level: "fault", events: [ev("opened", "2025-09-26T19:00:00")] };

    test("one millisecond later the chained plan runs from fix's lastCompliantAt (its dueAt: a business-day deadline)", () => {
      const s = evaluateTicket(contract, opened, Date.parse("2025-09-29T10:00:00.001Z"));
      expect(target(s, "fix").state).toBe("breached");
      expect(target(s, "fix").breachedAt?.toISOString()).toBe("2025-09-29T10:00:00.001Z");
      // plan: P2D on the 24x7 service calendar from Mon 18:00: Mon not counted, day 1 = Tue 09-30, day 2 = Wed
      // 10-01 (every day works on 24x7), ending at 24:00 = Thu 10-02 00:00+08 = 2025-10-01T16:00Z.
      // Budget 6 h + 24 h + 24 h = 54 h; 1 ms elapsed.
      expect(brief(target(s, "plan"))).toEqual({
        id: "plan",
        cycle: 0,
        state: "running",
        level: "fault",
        startedAt: "2025-09-29T10:00:00.000Z",
        dueAt: "2025-10-01T16:00:00.000Z",
        lastCompliantAt: "2025-10-01T16:00:00.000Z",
        elapsedMs: 1,
        remainingMs: 54 * H - 1,
        pausedMs: 0,
      });
      expect(s.nextCheckAt?.toISOString()).toBe("2025-10-01T16:00:00.001Z");
    });

    test("fixed at Mon 17:59: met, and the plan is cancelled", () => {
      const s = evaluateTicket(
        contract,
        { ...opened, events: [...opened.events, ev("resolved", "2025-09-29T17:59:00")] },
        "2025-10-02T00:00:00+08:00",
      );
      // 18 h budget, stopped 1 min before the close: elapsed 18 h − 1 min.
      expect(brief(target(s, "fix"))).toMatchObject({
        state: "met",
        stoppedAt: "2025-09-29T09:59:00.000Z",
        elapsedMs: 18 * H - M,
      });
      expect(brief(target(s, "plan"))).toEqual({
        id: "plan",
        cycle: 0,
        state: "cancelled",
        level: "fault",
        startedAt: null,
        dueAt: null,
        lastCompliantAt: null,
        stoppedAt: "2025-09-29T09:59:00.000Z",
        elapsedMs: 0,
        remainingMs: 0,
        pausedMs: 0,
      });
      expect(s.resolvedAt?.toISOString()).toBe("2025-09-29T09:59:00.000Z");
    });
  });

  describe("seed 000: the chain started by a breach", () => {
    // 24x7. response PT30M (onSiteResponse), resolve PT1H (resolved), seniorOnSite PT2H from resolve's breach
    // (seniorOnSite or resolved), restore PT8H (restored or resolved), problemReport PT24H from resolved.
    // Term: 2020-02-29 + 5 years of warranty (to 2025-02-28 24:00), then 3 years "afterWarranty".
    const contract = seed("seed-000-school");
    const base = [ev("opened", "2025-04-01T10:00:00"), ev("onSiteResponse", "2025-04-01T10:20:00")];

    test("at 11:00 exactly the 1 h target is used up but met; the senior engineer's clock waits", () => {
      const s = evaluateTicket(contract, { id: "C", events: base }, "2025-04-01T11:00:00+08:00");
      expect(s.level).toBe("general"); // the contract's default
      expect(s.phase).toBe("postWarranty");
      expect(states(s)).toEqual([
        "response/0:met",
        "resolve/0:running",
        "seniorOnSite/0:pending",
        "restore/0:running",
        "problemReport/0:pending",
      ]);
      expect(brief(target(s, "resolve"))).toMatchObject({
        dueAt: "2025-04-01T03:00:00.000Z",
        elapsedMs: 1 * H,
        remainingMs: 0,
      });
      expect(s.nextCheckAt?.toISOString()).toBe("2025-04-01T03:00:00.001Z");
    });

    test("one millisecond later: resolve breached, the senior engineer is due within 2 h of 11:00", () => {
      const s = evaluateTicket(contract, { id: "C", events: base }, Date.parse("2025-04-01T03:00:00.001Z"));
      expect(target(s, "resolve").breachedAt?.toISOString()).toBe("2025-04-01T03:00:00.001Z");
      // seniorOnSite starts at resolve's dueAt 11:00 (03:00Z): due 13:00 (05:00Z). Next change: its breach
      // (05:00:00.001Z) comes before restore's (18:00 = 10:00Z).
      expect(brief(target(s, "seniorOnSite"))).toEqual({
        id: "seniorOnSite",
        cycle: 0,
        state: "running",
        level: "general",
        startedAt: "2025-04-01T03:00:00.000Z",
        dueAt: "2025-04-01T05:00:00.000Z",
        lastCompliantAt: "2025-04-01T05:00:00.000Z",
        elapsedMs: 1,
        remainingMs: 2 * H - 1,
        pausedMs: 0,
      });
      expect(s.nextCheckAt?.toISOString()).toBe("2025-04-01T05:00:00.001Z");
    });

    test("the whole story: senior on site 12:30, restored 17:30, resolved 17:45, report next morning", () => {
      const events = [
        ...base,
        ev("seniorOnSite", "2025-04-01T12:30:00"),
        ev("restored", "2025-04-01T17:30:00"),
        ev("resolved", "2025-04-01T17:45:00"),
        ev("reportDelivered", "2025-04-02T09:00:00"),
      ];
      const s = evaluateTicket(contract, { id: "C", events }, "2025-04-03T00:00:00Z");
      expect(states(s)).toEqual([
        "response/0:met",
        "resolve/0:breached",
        "seniorOnSite/0:met",
        "restore/0:met",
        "problemReport/0:met",
      ]);
      // resolve: 10:00 → 17:45 = 7 h 45 min, late. seniorOnSite: 11:00 → 12:30 = 1.5 h ≤ 2 h. restore: 7.5 h ≤ 8 h.
      // problemReport: 17:45 → next day 09:00 = 15 h 15 min ≤ 24 h (due next day 17:45 = 09:45Z).
      expect(brief(target(s, "resolve"))).toMatchObject({
        stoppedAt: "2025-04-01T09:45:00.000Z",
        elapsedMs: 7.75 * H,
      });
      expect(brief(target(s, "seniorOnSite"))).toMatchObject({
        startedAt: "2025-04-01T03:00:00.000Z",
        stoppedAt: "2025-04-01T04:30:00.000Z",
        elapsedMs: 1.5 * H,
      });
      expect(target(s, "restore").elapsedMs).toBe(7.5 * H);
      expect(brief(target(s, "problemReport"))).toMatchObject({
        startedAt: "2025-04-01T09:45:00.000Z",
        dueAt: "2025-04-02T09:45:00.000Z",
        elapsedMs: 15.25 * H,
      });
      expect(s.resolvedAt?.toISOString()).toBe("2025-04-01T09:45:00.000Z");
      expect(s.nextCheckAt).toBeNull();
    });

    test("solved in 50 minutes: the senior engineer's clock is cancelled", () => {
      const s = evaluateTicket(
        contract,
        { id: "C", events: [...base, ev("resolved", "2025-04-01T10:50:00")] },
        "2025-04-01T12:00:00+08:00",
      );
      expect(states(s)).toEqual([
        "response/0:met",
        "resolve/0:met",
        "seniorOnSite/0:cancelled",
        "restore/0:met",
        "problemReport/0:running",
      ]);
      expect(brief(target(s, "seniorOnSite"))).toMatchObject({
        startedAt: null,
        stoppedAt: "2025-04-01T02:50:00.000Z",
      });
      // problemReport from 10:50: due next day 10:50 (02:50Z).
      expect(s.nextCheckAt?.toISOString()).toBe("2025-04-02T02:50:00.001Z");
    });
  });
});

describe("cycles: a start event after a stop begins a new cycle", () => {
  describe("seed 000: a reopened ticket", () => {
    // seed 000, 24x7: resolve PT1H; seniorOnSite PT2H from resolve's breach; restore PT8H; problemReport PT24H.
    const base = [ev("opened", "2025-04-01T10:00:00"), ev("onSiteResponse", "2025-04-01T10:20:00")];

    test("a reopened ticket starts a new cycle of a target whose start names reopened", () => {
      const reopen = seed("seed-000-school", (c) => {
        c.targets = c.targets.map((t) =>
          t.id === "resolve" ? { ...t, start: { event: ["opened", "reopened"] } } : t,
        );
      });
      const events = [
        ...base,
        ev("resolved", "2025-04-01T10:40:00"),
        ev("reportDelivered", "2025-04-01T15:00:00"),
        ev("reopened", "2025-04-01T16:00:00"),
      ];
      const s = evaluateTicket(reopen, { id: "R", events }, "2025-04-01T16:30:00+08:00");
      // resolve cycle 0 met after 40 min; cycle 1 from 16:00 due 17:00 (09:00Z). seniorOnSite: cycle 0 cancelled with
      // resolve's cycle 0, cycle 1 waits on resolve's cycle 1. restore was stopped by the first resolution.
      expect(states(s)).toEqual([
        "response/0:met",
        "resolve/0:met",
        "resolve/1:running",
        "seniorOnSite/0:cancelled",
        "seniorOnSite/1:pending",
        "restore/0:met",
        "problemReport/0:met",
      ]);
      expect(target(s, "resolve", 0).elapsedMs).toBe(40 * M);
      expect(brief(target(s, "resolve", 1))).toMatchObject({
        startedAt: "2025-04-01T08:00:00.000Z",
        dueAt: "2025-04-01T09:00:00.000Z",
        elapsedMs: 30 * M,
      });
      expect(target(s, "problemReport").elapsedMs).toBe(4 * H + 20 * M); // 10:40 → 15:00
      expect(s.resolvedAt).toBeNull(); // reopened after the resolution
      expect(s.nextCheckAt?.toISOString()).toBe("2025-04-01T09:00:00.001Z");

      // Resolved again at 18:00: cycle 1 late; the senior engineer's cycle 1 ran 17:00 → 18:00 and was stopped by
      // the resolution (met); a second problem report is due 24 h after 18:00.
      const later = evaluateTicket(
        reopen,
        { id: "R", events: [...events, ev("resolved", "2025-04-01T18:00:00")] },
        "2025-04-01T19:00:00+08:00",
      );
      expect(states(later)).toEqual([
        "response/0:met",
        "resolve/0:met",
        "resolve/1:breached",
        "seniorOnSite/0:cancelled",
        "seniorOnSite/1:met",
        "restore/0:met",
        "problemReport/0:met",
        "problemReport/1:running",
      ]);
      expect(brief(target(later, "seniorOnSite", 1))).toMatchObject({
        startedAt: "2025-04-01T09:00:00.000Z",
        stoppedAt: "2025-04-01T10:00:00.000Z",
        elapsedMs: 1 * H,
      });
      expect(target(later, "problemReport", 1).dueAt?.toISOString()).toBe("2025-04-02T10:00:00.000Z");
    });
  });
});

describe("phases: the phase at opening decides which targets apply", () => {
  describe("seed 000", () => {
    // Term: 2020-02-29 + 5 years of warranty (to 2025-02-28 24:00), then 3 years "afterWarranty".

    test("the phase at opening selects targets", () => {
      const phased = seed("seed-000-school", (c) => {
        c.targets = c.targets.map((t) => (t.id === "response" ? { ...t, phases: ["warranty"] } : t));
      });
      // 2024-06-01 is inside the warranty (to 2025-02-28 24:00); 2025-04-01 is after it.
      const inWarranty = evaluateTicket(
        phased,
        { id: "P", events: [ev("opened", "2024-06-01T10:00:00")] },
        "2024-06-01T10:05:00+08:00",
      );
      expect(inWarranty.phase).toBe("warranty");
      expect(states(inWarranty)[0]).toBe("response/0:running");
      const after = evaluateTicket(
        phased,
        { id: "P", events: [ev("opened", "2025-04-01T10:00:00")] },
        "2025-04-01T10:05:00+08:00",
      );
      expect(after.phase).toBe("postWarranty");
      expect(states(after).some((x) => x.startsWith("response/"))).toBe(false);
      expect(
        explainTarget(
          phased,
          { id: "P", events: [ev("opened", "2025-04-01T10:00:00")] },
          "response",
          "2025-04-01T10:05:00+08:00",
        ),
      ).toMatchObject({ applies: false });
    });
  });
});

describe("escalation steps", () => {
  describe("seed 001: the desk's ladder (remind at 30 and 45 min, reassign at 45)", () => {
    // 24x7; engineerResponse PT1H with remind30 (after PT30M), remind45 and reassign45 (after PT45M).
    const contract = seed("seed-001-network-desk");
    const opened = ev("opened", "2025-03-03T09:00:00"); // 01:00Z

    test("at 09:40: the first reminder is due, the others come at 09:45", () => {
      const s = evaluateTicket(contract, { id: "T-001", events: [opened] }, "2025-03-03T09:40:00+08:00");
      expect(steps(s)).toEqual([
        "T-001/engineerResponse/0/remind30 due 2025-03-03T01:30:00.000Z",
        "T-001/engineerResponse/0/remind45 scheduled 2025-03-03T01:45:00.000Z",
        "T-001/engineerResponse/0/reassign45 scheduled 2025-03-03T01:45:00.000Z",
      ]);
      expect(s.escalations[2]).toMatchObject({
        action: "reassign",
        to: ["desk"],
        stepId: "reassign45",
        cycle: 0,
      });
      expect(s.nextCheckAt?.toISOString()).toBe("2025-03-03T01:45:00.000Z");
    });

    test("a response at 09:44 skips the 45-minute steps; a response exactly at 09:45 too", () => {
      for (const at of ["2025-03-03T09:44:00", "2025-03-03T09:45:00"]) {
        const s = evaluateTicket(
          contract,
          { id: "T-001", events: [opened, ev("engineerResponded", at)] },
          "2025-03-03T10:30:00+08:00",
        );
        expect(target(s, "engineerResponse").state).toBe("met");
        expect(steps(s)).toEqual([
          "T-001/engineerResponse/0/remind30 due 2025-03-03T01:30:00.000Z",
          "T-001/engineerResponse/0/remind45 skipped -",
          "T-001/engineerResponse/0/reassign45 skipped -",
        ]);
        expect(s.nextCheckAt).toBeNull();
      }
    });

    test("a response at 09:50: every step had fired, the target is met", () => {
      const s = evaluateTicket(
        contract,
        { id: "T-001", events: [opened, ev("engineerResponded", "2025-03-03T09:50:00")] },
        "2025-03-03T10:30:00+08:00",
      );
      expect(s.escalations.map((e) => e.state)).toEqual(["due", "due", "due"]);
      expect(target(s, "engineerResponse").state).toBe("met");
    });
  });

  describe("before and after dueAt on business hours (I26)", () => {
    // Added to seed 003: reply PT3H and reply4 PT4H on office (Mon–Fri 09:00–18:00) with steps.
    const contract = stepsContract();
    const opened = ev("opened", "2025-03-03T15:00:00"); // Monday 07:00Z

    test("step times", () => {
      const s = evaluateTicket(
        contract,
        { id: "B", level: "general", events: [opened] },
        "2025-03-03T18:30:00+08:00",
      );
      // reply: Mon 15:00–18:00 = 3 h → dueAt Mon 18:00 (10:00Z), lastCompliantAt Tue 09:00 (01:00Z); at 18:30 still
      // not breached. half: 1.5 h → 16:30 (08:30Z). warn: 18:00 minus 1 h of working time → 17:00 (09:00Z). late:
      // 18:00 plus 30 min of working time → Tue 09:30 (01:30Z), never at night.
      // reply4: Mon 3 h + Tue 09:00–10:00 → dueAt Tue 10:00 (02:00Z); warn 1 h before → Tue 09:00 (01:00Z), not Mon 17:00.
      expect(brief(target(s, "reply"))).toMatchObject({
        state: "running",
        dueAt: "2025-03-03T10:00:00.000Z",
        lastCompliantAt: "2025-03-04T01:00:00.000Z",
        remainingMs: 0,
      });
      expect(steps(s)).toEqual([
        "B/reply/0/half due 2025-03-03T08:30:00.000Z",
        "B/reply/0/warn due 2025-03-03T09:00:00.000Z",
        "B/reply/0/late scheduled 2025-03-04T01:30:00.000Z",
        "B/reply4/0/warn scheduled 2025-03-04T01:00:00.000Z",
      ]);
      // Next change: Tue 09:00 (reply4's warning); reply is breached at 09:00:00.001.
      expect(s.nextCheckAt?.toISOString()).toBe("2025-03-04T01:00:00.000Z");
    });

    test("a reply at Tue 09:00 is on time and skips the late step", () => {
      const s = evaluateTicket(
        contract,
        { id: "B", level: "general", events: [opened, ev("replied", "2025-03-04T09:00:00")] },
        "2025-03-04T12:00:00+08:00",
      );
      expect(target(s, "reply").state).toBe("met");
      expect(steps(s)[2]).toBe("B/reply/0/late skipped -");
      // reply4 (due Tue 10:00): its 09:00 warning coincides with the stop: skipped (a stop at the step's time wins).
      expect(steps(s)[3]).toBe("B/reply4/0/warn skipped -");
    });
  });
});

describe("nextCheckAt: the next step time or breach", () => {
  describe("seed 001: the desk's ladder", () => {
    // 24x7; engineerResponse PT1H with remind30 (after PT30M), remind45 and reassign45 (after PT45M).
    const contract = seed("seed-001-network-desk");
    const opened = ev("opened", "2025-03-03T09:00:00"); // 01:00Z

    test("at 09:45 all three are due; next: the breach after 10:00", () => {
      const s = evaluateTicket(contract, { id: "T-001", events: [opened] }, "2025-03-03T09:45:00+08:00");
      expect(s.escalations.map((e) => e.state)).toEqual(["due", "due", "due"]);
      expect(s.nextCheckAt?.toISOString()).toBe("2025-03-03T02:00:00.001Z");
    });
  });
});

describe("the TSDoc example", () => {
  test("evaluateTicket's example (seed 001)", () => {
    const s = evaluateTicket(
      seed("seed-001-network-desk"),
      {
        id: "T-1",
        level: "general",
        events: [{ type: "opened", at: "2025-03-03T09:00:00+08:00" }],
      },
      "2025-03-03T09:40:00+08:00",
    );
    expect(s.targets[0]?.state).toBe("running");
    expect(s.targets[0]?.dueAt?.toISOString()).toBe("2025-03-03T02:00:00.000Z");
    expect(s.escalations.map((e) => e.state)).toEqual(["due", "scheduled", "scheduled"]);
    expect(s.nextCheckAt?.toISOString()).toBe("2025-03-03T01:45:00.000Z");
  });
});

describe("nextCheck: what changes at nextCheckAt, and the key to fire", () => {
  // Seed 001 (24x7 desk): engineerResponse PT1H from 09:00, reminders at 30 and 45 min, reassignment at 45 min.
  const desk = seed("seed-001-network-desk");
  const ticket: Ticket = { id: "N/1", events: [ev("opened", "2025-03-03T09:00:00")] };
  const at = (now: string) => evaluateTicket(desk, ticket, `${now}+08:00`);

  test("09:10: the 30-minute reminder at 09:30 (01:30Z), its key escaped", () => {
    const s = at("2025-03-03T09:10:00");
    expect(s.nextCheck).toEqual({
      at: new Date("2025-03-03T01:30:00Z"),
      changes: [
        {
          kind: "step",
          key: "N%2F1/engineerResponse/0/remind30",
          targetId: "engineerResponse",
          cycle: 0,
          stepId: "remind30",
        },
      ],
    });
    expect(s.nextCheck?.at).toEqual(s.nextCheckAt);
  });

  test("09:40: two steps at 09:45, in the contract's order", () => {
    expect(
      at("2025-03-03T09:40:00").nextCheck?.changes.map((c) => (c.kind === "step" ? c.key : c.kind)),
    ).toEqual(["N%2F1/engineerResponse/0/remind45", "N%2F1/engineerResponse/0/reassign45"]);
  });

  test("09:50: the breach one millisecond after 10:00; answered: nothing left, null", () => {
    expect(at("2025-03-03T09:50:00").nextCheck).toEqual({
      at: new Date("2025-03-03T02:00:00.001Z"),
      changes: [{ kind: "breach", targetId: "engineerResponse", cycle: 0 }],
    });
    const answered = evaluateTicket(
      desk,
      { ...ticket, events: [...ticket.events, ev("engineerResponded", "2025-03-03T09:20:00")] },
      "2025-03-03T09:50:00+08:00",
    );
    expect([answered.nextCheckAt, answered.nextCheck]).toEqual([null, null]);
  });
});
