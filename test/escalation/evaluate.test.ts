// evaluate: a ticket at now in epoch ms, the form reports count. Expected values by hand: seed 001 (24x7 desk,
// Asia/Shanghai +08:00); Mon 2025-03-03 00:00Z = 20,150 days × 86,400,000 = 1,740,960,000,000 ms.
import { describe, expect, test } from "vitest";
import { evaluate } from "../../src/escalation/kernel.js";
import { ev, seed } from "./helpers.js";

const DAY0 = 1_740_960_000_000; // 2025-03-03T00:00:00Z
const H = 3_600_000;
const M = 60_000;

describe("evaluate", () => {
  const desk = seed("seed-001-network-desk");
  const opened = ev("opened", "2025-03-03T09:00:00"); // 01:00Z

  test("the TSDoc example: instants in ms, every optional field present as null", () => {
    const e = evaluate(desk, { id: "T-1", level: "general", events: [opened] }, "2025-03-03T09:40:00+08:00");
    expect(e.now).toBe(DAY0 + H + 40 * M);
    expect(e.openedAt).toBe(DAY0 + H);
    // engineerResponse: PT1H from 09:00 → 10:00 (02:00Z); 40 min elapsed, 20 left; running: no stop, no breach.
    expect(e.targets[0]).toStrictEqual({
      id: "engineerResponse",
      cycle: 0,
      state: "running",
      level: "general",
      targetMs: H,
      startedAt: DAY0 + H,
      dueAt: DAY0 + 2 * H,
      lastCompliantAt: DAY0 + 2 * H,
      stoppedAt: null,
      breachedAt: null,
      elapsedMs: 40 * M,
      remainingMs: 20 * M,
      pausedMs: 0,
    });
    expect(e.targets[0]?.dueAt).toBe(1_740_967_200_000); // the TSDoc's figure
    // Steps at 30 min (09:30, due), 45 min (09:45, scheduled) twice; no keys, `tier` present as undefined.
    expect(e.steps).toStrictEqual([
      {
        targetId: "engineerResponse",
        cycle: 0,
        stepId: "remind30",
        action: "notify",
        to: ["engineer"],
        tier: undefined,
        state: "due",
        at: DAY0 + H + 30 * M,
      },
      {
        targetId: "engineerResponse",
        cycle: 0,
        stepId: "remind45",
        action: "notify",
        to: ["engineer"],
        tier: undefined,
        state: "scheduled",
        at: DAY0 + H + 45 * M,
      },
      {
        targetId: "engineerResponse",
        cycle: 0,
        stepId: "reassign45",
        action: "reassign",
        to: ["desk"],
        tier: undefined,
        state: "scheduled",
        at: DAY0 + H + 45 * M,
      },
    ]);
    // The next change: the 45-minute steps at 09:45 (01:45Z).
    expect(e.nextCheckAt).toBe(1_740_966_300_000);
  });

  test("a stopped and breached cycle, the pending survey, and a survey answer in ms", () => {
    const events = [
      opened,
      ev("engineerResponded", "2025-03-03T10:30:00"),
      { type: "survey", at: "2025-03-03T11:00:00+08:00", channel: "phone", satisfied: true },
    ];
    const e = evaluate(desk, { id: "T-2", events }, "2025-03-03T12:00:00+08:00");
    // Answered at 10:30 (02:30Z): 90 min elapsed of 60, breached from 10:00:00.001 (02:00Z + 1 ms).
    expect(e.targets[0]).toMatchObject({
      state: "breached",
      stoppedAt: DAY0 + 2 * H + 30 * M,
      breachedAt: DAY0 + 2 * H + 1,
      elapsedMs: 90 * M,
      remainingMs: 0,
    });
    // satisfactionSurvey waits for "closed": pending, P0D is a business-day target (no targetMs).
    expect(e.targets[1]).toStrictEqual({
      id: "satisfactionSurvey",
      cycle: 0,
      state: "pending",
      level: "general",
      targetMs: undefined,
      startedAt: null,
      dueAt: null,
      lastCompliantAt: null,
      stoppedAt: null,
      breachedAt: null,
      elapsedMs: 0,
      remainingMs: 0,
      pausedMs: 0,
    });
    expect(e.surveys).toStrictEqual([{ channel: "phone", satisfied: true, at: DAY0 + 3 * H }]);
    expect(e.resolvedAt).toBeNull();
    expect(e.nextCheckAt).toBeNull();
  });
});
