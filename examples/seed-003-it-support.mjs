// Seed 003: IT support on office hours (Mon–Fri 09:00–18:00, Asia/Shanghai, with China's 2025 holidays and
// make-up working days). Emergencies: a response within 30 min and an initial solution within 2 h; general
// requests: a response within 2 h and an answer within 1 working day. All of it is working time: a request made
// after hours waits for the next opening, and National Day (1–8 October 2025) stops every clock.
// Run: npm run examples (builds the package first). Expected values were worked out by hand where marked.
import assert from "node:assert/strict";
import { classifyTicket, parseContract } from "slakit/contracts";
import { evaluateTicket, explainTarget } from "slakit/escalation";
import { buildReport } from "slakit/reporting";
import { checkReport, contractJson, local, printSummary, writeReports } from "./lib/common.mjs";
import { generateTickets, HOUR } from "./lib/generate.mjs";

// The contract as written, plus one host decision the source leaves open: the 1-working-day answer clock
// pauses while the ticket waits for the customer (status "waitingForCustomer").
const input = contractJson("seed-003-it-support");
const contract = parseContract({
  ...input,
  targets: input.targets.map((t) =>
    t.id === "answer" ? { ...t, pause: { statuses: ["waitingForCustomer"] } } : t,
  ),
});

const target = (status, id) => status.targets.find((t) => t.id === id);
const at = (status, id, field) => target(status, id)[field]?.toISOString() ?? null;
const ticket = (id, level, events) => ({ id, level, channel: "support", events });

// ---------------------------------------------------------------------------------------------------------
// 1. Office-hours responses on hand-built tickets (all times +08:00).
console.log("Office-hours deadlines:");

// (a) An emergency on Friday 10 October at 17:50. 30 min of working time: 10 min on Friday, then Saturday
//     11 October is a make-up working day: 09:00 + 20 min = 09:20. The 2-h initial solution: 10 min + 1 h 50 min
//     = Saturday 10:50.
const a = evaluateTicket(
  contract,
  ticket("A", "emergency", [{ type: "opened", at: "2025-10-10T17:50:00+08:00" }]),
  "2025-10-10T17:55:00+08:00",
);
assert.equal(at(a, "response", "dueAt"), "2025-10-11T01:20:00.000Z");
assert.equal(at(a, "initialSolution", "dueAt"), "2025-10-11T02:50:00.000Z");
assert.equal(a.nextCheckAt.toISOString(), "2025-10-11T01:20:00.001Z"); // nothing happens over the night
console.log(
  `  (a) emergency Fri 10 Oct 17:50: response due ${local(at(a, "response", "dueAt"))} (make-up Saturday)`,
);

// (b) A general request on Tuesday 30 September at 17:00, on the eve of National Day. 2 h of working time: 1 h on
//     Tuesday, nothing 1–8 October, 1 h on Thursday 9 October: 10:00. The answer (1 working day): the start day is
//     not counted, the first working day after it is 9 October, ending at 18:00.
const b = evaluateTicket(
  contract,
  ticket("B", "general", [{ type: "opened", at: "2025-09-30T17:00:00+08:00" }]),
  "2025-09-30T17:30:00+08:00",
);
assert.equal(at(b, "response", "dueAt"), "2025-10-09T02:00:00.000Z");
assert.equal(at(b, "answer", "dueAt"), "2025-10-09T10:00:00.000Z");
console.log(
  `  (b) general Tue 30 Sep 17:00: response due ${local(at(b, "response", "dueAt"))}, answer due ${local(at(b, "answer", "dueAt"))}`,
);

// (c) Two deadlines: a general request on Wednesday 15 October at 16:00 uses up its 2 h at 18:00 (dueAt), but is
//     not late until the next opening, Thursday 09:00 (lastCompliantAt). A response at Thursday 09:00 is on time.
const cEvents = [
  { type: "opened", at: "2025-10-15T16:00:00+08:00" },
  { type: "responded", at: "2025-10-16T09:00:00+08:00" },
];
const c = evaluateTicket(contract, ticket("C", "general", cEvents), "2025-10-16T12:00:00+08:00");
assert.deepEqual(
  [at(c, "response", "dueAt"), at(c, "response", "lastCompliantAt"), target(c, "response").state],
  ["2025-10-15T10:00:00.000Z", "2025-10-16T01:00:00.000Z", "met"],
);
console.log(
  `  (c) general Wed 15 Oct 16:00: dueAt ${local(at(c, "response", "dueAt"))}, lastCompliantAt ${local(at(c, "response", "lastCompliantAt"))}; responded Thu 09:00: met`,
);

// (d) A pause: a general request on Monday 13 October at 10:00, waiting for the customer from 11:00 Monday to
//     15:00 Tuesday — 7 h + 6 h = 13 h of working time. The answer's deadline (end of Tuesday: 8 h + 9 h = 17 h of
//     working time) moves by 13 h: 10:00 Mon + 30 h of working time = Thursday 16 October 13:00.
const dTicket = ticket("D", "general", [
  { type: "opened", at: "2025-10-13T10:00:00+08:00" },
  { type: "responded", at: "2025-10-13T10:30:00+08:00" },
  { type: "statusChanged", status: "waitingForCustomer", at: "2025-10-13T11:00:00+08:00" },
  { type: "statusChanged", status: "inProgress", at: "2025-10-14T15:00:00+08:00" },
  { type: "answered", at: "2025-10-16T11:00:00+08:00" },
]);
const d = evaluateTicket(contract, dTicket, "2025-10-17T09:00:00+08:00");
assert.equal(target(d, "answer").pausedMs, 13 * HOUR);
assert.equal(at(d, "answer", "dueAt"), "2025-10-16T05:00:00.000Z");
assert.equal(target(d, "answer").state, "met");
const paused = evaluateTicket(contract, dTicket, "2025-10-14T10:00:00+08:00");
assert.equal(target(paused, "answer").state, "paused");
assert.equal(at(paused, "answer", "dueAt"), null); // unknown while the pause lasts
console.log(
  `  (d) paused 13 working hours: answer due ${local(at(d, "answer", "dueAt"))} instead of Tue 14 Oct 18:00`,
);

// (e) Reclassified: a general request on Monday 20 October at 14:00, not yet answered, is found urgent at 14:45.
//     The response clock is recomputed with the emergency's 30 min from the original start: due 14:30, so it is
//     breached at once; the initial solution (2 h) runs from 14:00 too; the answer target does not apply to
//     emergencies.
const eTicket = ticket("E", "general", [
  { type: "opened", at: "2025-10-20T14:00:00+08:00" },
  { type: "levelChanged", level: "emergency", at: "2025-10-20T14:45:00+08:00" },
]);
const e = evaluateTicket(contract, eTicket, "2025-10-20T14:50:00+08:00");
assert.deepEqual(
  e.targets.map((t) => [t.id, t.level, t.state]),
  [
    ["response", "emergency", "breached"],
    ["initialSolution", "emergency", "running"],
  ],
);
assert.equal(at(e, "response", "breachedAt"), "2025-10-20T06:30:00.001Z");
assert.equal(at(e, "initialSolution", "dueAt"), "2025-10-20T08:00:00.000Z");
console.log(`  (e) reclassified at 14:45: response breached from ${local(at(e, "response", "breachedAt"))}`);

console.log(
  `\nexplainTarget(answer) for (d):\n  ${explainTarget(contract, dTicket, "answer", "2025-10-17T09:00:00+08:00").text}`,
);

// Problems are classified: urgent ones are emergencies, the rest must be hardware, software or network.
assert.equal(await classifyTicket(contract, { urgent: true, category: "network" }), "emergency");
assert.equal(await classifyTicket(contract, { category: "software" }), "general");
// An unclassified request matches no level, and the contract names no default: an error, not a guess.
await assert.rejects(classifyTicket(contract, { category: "printer" }), { code: "E_LEVEL" });

// ---------------------------------------------------------------------------------------------------------
// 2. October 2025 (National Day week included), evaluated on Monday 3 November 09:00.
const now = "2025-11-03T09:00:00+08:00";
const period = { month: "2025-10" };
const { tickets } = generateTickets(contract, { period });
const statuses = tickets.map((t) => evaluateTicket(contract, t, now));
const options = { period, now };
const report = buildReport(contract, tickets, options);
console.log(`\nOctober 2025, evaluated at ${local(now)}:`);
printSummary(report);
checkReport(contract, tickets, statuses, report, options);

for (const t of tickets)
  assert.equal(await classifyTicket(contract, t.facts), statuses.find((s) => s.id === t.id).level);

// Requests opened during the holiday are answered after it: no response clock ran from 1 to 8 October.
const holiday = statuses.filter(
  (s) => s.openedAt >= new Date("2025-09-30T16:00:00Z") && s.openedAt < new Date("2025-10-08T16:00:00Z"),
);
for (const s of holiday) {
  const r = target(s, "response");
  assert.ok(r.dueAt >= new Date("2025-10-09T01:00:00Z"), `${s.id}: response due after the holiday`);
}
assert.ok(holiday.length > 0);
console.log(
  `Opened during National Day: ${holiday.length} tickets, every response due on 9 October or later`,
);

// Pauses taken: the generated waits for the customer are credited back to the answer clocks.
const pausedCycles = statuses.flatMap((s) => s.targets).filter((t) => t.id === "answer" && t.pausedMs > 0);
const waits = tickets.filter((t) => t.events.some((x) => x.status === "waitingForCustomer"));
assert.equal(pausedCycles.length, waits.length);
console.log(`Answer clocks paused while waiting for the customer: ${pausedCycles.length}`);

// Resolution rate, worked from the events: resolved (and not reopened since) by now, over all tickets.
const nowMs = Date.parse(now);
const resolved = tickets.filter((t) => {
  const last = t.events
    .filter((x) => Date.parse(x.at) <= nowMs && (x.type === "resolved" || x.type === "reopened"))
    .at(-1);
  return last?.type === "resolved";
}).length;
const rate = report.kpis.find((k) => k.id === "resolutionRate");
assert.deepEqual([rate.numerator, rate.denominator], [resolved, tickets.length]);
// The response KPI is the response target's compliance over both levels.
const responses = report.targets.filter((s) => s.targetId === "response");
const met = responses.reduce((n, s) => n + s.counts.met, 0);
const decided = responses.reduce((n, s) => n + s.decided, 0);
assert.equal(report.kpis.find((k) => k.id === "responseTime").value, met / decided);
assert.ok(responses.some((s) => s.counts.breached > 0) && met / decided > 0.8);

writeReports(report, "seed-003-it-support", "2025-10");
console.log("seed-003-it-support: all checks passed");
