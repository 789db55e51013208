// The ticket workload shared by bench/escalation.mjs and bench/report.mjs (issues 4 and 5): a contract with
// 4 targets and escalation ladders on two business-hours calendars (Shanghai and New York), and tickets of
// about 12 events generated deterministically (mulberry32).
import { mulberry32 } from "./workload.mjs";

export { mulberry32 };

const HOUR = 3_600_000;

const office = (timezone, hours, holidays) => ({
  timezone,
  week: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, hours])),
  holidays,
});
export const LEVELS = ["level1", "level2", "level3"];
export const contractInput = {
  id: "bench",
  timezone: "Asia/Shanghai",
  tiers: ["desk", "expert"],
  calendars: {
    cn: office(
      "Asia/Shanghai",
      [
        ["09:00", "12:00"],
        ["13:00", "18:00"],
      ],
      [{ from: "2025-10-01", to: "2025-10-08" }, "2025-01-01", "2026-01-01"],
    ),
    ny: office(
      "America/New_York",
      [
        ["08:00", "12:00"],
        ["13:00", "17:00"],
      ],
      ["2025-07-04", "2025-12-25"],
    ),
  },
  levels: LEVELS.map((id) => ({ id })),
  defaultLevel: "level3",
  eventTypes: ["engineerResponded", "onSite", "waitingCustomer", "customerReplied", "restored"],
  targets: [
    {
      id: "response",
      calendar: "cn",
      start: { event: "opened" },
      stop: { event: "engineerResponded" },
      duration: { level1: "PT30M", level2: "PT2H", "*": "PT4H" },
      escalations: [
        { id: "r50", at: { percent: 50 }, action: "notify", to: ["engineer"] },
        { id: "r75", at: { percent: 75 }, action: "notify", to: ["engineer"] },
        { id: "reassign", at: { after: "PT45M" }, action: "reassign", to: ["desk"] },
      ],
    },
    {
      id: "resolve",
      calendar: "cn",
      start: { event: ["opened", "reopened"] },
      stop: { event: "resolved" },
      pause: { event: "waitingCustomer", resumeEvent: "customerReplied" },
      duration: { level1: "PT4H", level2: "PT8H", "*": "PT16H" },
      escalations: [
        { id: "warn", at: { beforeDue: "PT1H" }, action: "notify", to: ["lead"] },
        { id: "late", at: { afterDue: "PT1H" }, action: "escalate", tier: "expert" },
      ],
    },
    {
      id: "restore",
      calendar: "ny",
      start: { event: "opened" },
      stop: { event: "restored" },
      pause: { statuses: ["waiting"] },
      duration: "P2D",
      escalations: [{ id: "half", at: { percent: 50 }, action: "notify" }],
    },
    {
      id: "onsite",
      calendar: "ny",
      start: { event: "opened" },
      stop: { event: "onSite" },
      duration: "PT8H",
      escalations: [
        { id: "a", at: { after: "PT4H" }, action: "notify" },
        { id: "b", at: { afterDue: "PT0S" }, action: "escalate", tier: "expert" },
      ],
    },
  ],
};

/**
 * One ticket's life: opened, acknowledged, waits on the customer, comes back, sometimes a level change, on
 * site, restored, resolved, sometimes reopened and resolved again, a survey, closed. Returns the ticket and an
 * instant somewhere inside its life.
 */
export function makeTicket(rnd, i, opened) {
  let t = opened;
  let seq = 0;
  const events = [{ type: "opened", at: t, seq: seq++ }];
  const push = (type, extra) => {
    t += 60_000 + Math.floor(rnd() * 3 * HOUR);
    events.push({ type, at: t, seq: seq++, ...extra });
  };
  push("statusChanged", { status: "open" });
  push("engineerResponded");
  push("statusChanged", { status: "waiting" });
  push("waitingCustomer");
  push("customerReplied");
  push("statusChanged", { status: "open" });
  if (rnd() < 0.3) push("levelChanged", { level: LEVELS[Math.floor(rnd() * 3)] });
  push("onSite");
  push("restored");
  push("resolved");
  if (rnd() < 0.2) {
    push("reopened");
    push("resolved");
  }
  push("survey", { channel: "phone", satisfied: rnd() < 0.9 });
  push("closed");
  const ticket = { id: `T-${i}`, level: LEVELS[Math.floor(rnd() * 3)], events };
  return { ticket, inside: events[Math.floor(rnd() * events.length)].at + Math.floor(rnd() * 4 * HOUR) };
}

/**
 * The tickets of bench/escalation.mjs and bench/limit.mjs: `count` tickets opened at seeded instants in the 300
 * days from Monday 2025-01-06 (UTC), each with an evaluation instant inside its life.
 */
export function escalationWorkload(count = 100_000) {
  const rnd = mulberry32(20250101);
  const base = Date.UTC(2025, 0, 6);
  const tickets = [];
  const nows = [];
  for (let i = 0; i < count; i++) {
    const opened = base + Math.floor(rnd() * 300) * 86_400_000 + Math.floor(rnd() * 86_400) * 1000;
    const { ticket, inside } = makeTicket(rnd, i, opened);
    tickets.push(ticket);
    nows.push(inside);
  }
  return { tickets, nows };
}
