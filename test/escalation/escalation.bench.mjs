// Proposal for bench/escalation.mjs (the tooling helper owns bench/): evaluateTicket throughput on the issue's
// workload — 100,000 tickets of about 12 events, 4 targets with escalation ladders on business-hours calendars —
// and heap growth over repeated passes. Run after `npm run build`: `node --expose-gc test/escalation/escalation.bench.mjs`.
// SLAKIT_ESCALATION / SLAKIT_CONTRACTS may point at other builds. Throughput is measured in CPU time
// (process.cpuUsage), so that a busy machine distorts it less than wall time.
const esc = await import(process.env.SLAKIT_ESCALATION ?? "slakit/escalation");
const con = await import(process.env.SLAKIT_CONTRACTS ?? "slakit/contracts");

const HOUR = 3_600_000;
const N = 100_000;
const RUNS = 5;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const office = (timezone, hours, holidays) => ({
  timezone,
  week: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, hours])),
  holidays,
});
const LEVELS = ["level1", "level2", "level3"];
const contract = con.parseContract({
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
});

// A realistic life: opened, acknowledged, waits on the customer, comes back, sometimes a level change, on site,
// restored, resolved, sometimes reopened and resolved again, a survey, closed; `now` somewhere inside it.
const rnd = mulberry32(20250101);
const base = Date.UTC(2025, 0, 6);
const tickets = [];
const nows = [];
for (let i = 0; i < N; i++) {
  let t = base + Math.floor(rnd() * 300) * 86_400_000 + Math.floor(rnd() * 86_400) * 1000;
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
  tickets.push({ id: `T-${i}`, level: LEVELS[Math.floor(rnd() * 3)], events });
  nows.push(events[Math.floor(rnd() * events.length)].at + Math.floor(rnd() * 4 * HOUR));
}

let sink = 0;
const pass = () => {
  for (let i = 0; i < N; i++) sink += esc.evaluateTicket(contract, tickets[i], nows[i]).targets.length;
};
pass(); // warm-up (compiles the calendars' years)
const rates = [];
for (let r = 0; r < RUNS; r++) {
  const c0 = process.cpuUsage();
  pass();
  const c = process.cpuUsage(c0);
  rates.push(N / ((c.user + c.system) / 1e6));
}
rates.sort((a, b) => a - b);
const heap = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};
const before = heap();
for (let r = 0; r < 3; r++) pass();
const growth = heap() - before;
const fmt = (x) => Math.round(x).toLocaleString("en-US");
console.log(
  `| evaluateTicket (12 events, 4 targets, 8 steps) | ${fmt(rates[RUNS >> 1])}/s median, ${fmt(rates[RUNS - 1])}/s best | goal ≥ 250,000/s |`,
);
console.log(
  `| heap growth over 3 more passes of ${fmt(N)} tickets | ${(growth / 1024).toFixed(0)} KB${globalThis.gc ? "" : " (run with --expose-gc)"} | must not grow |`,
);
if (sink === 0) console.log("no targets?");
