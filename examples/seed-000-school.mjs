// Seed 000: the school's digital-teaching system, 7x24. On site within 30 min, solved within 1 h; if not solved
// in 1 h, a senior engineer on site within 2 h (a target started by the other's breach); restored within 8 h of
// the report; a problem report within 24 h after each resolution. KPIs: satisfaction per channel (98 % / 95 %),
// consultations handled in under 6 minutes on average, general faults solved in 1 h, major faults restored in
// 8 h, the yearly inspection.
// Run: npm run examples (builds the package first). Expected values were worked out by hand where marked.
import assert from "node:assert/strict";
import { classifyTicket } from "slakit/contracts";
import { evaluateTicket, explainTarget } from "slakit/escalation";
import { buildReport } from "slakit/reporting";
import { checkReport, loadContract, local, printSummary, writeReports } from "./lib/common.mjs";
import { generateTickets, MINUTE } from "./lib/generate.mjs";

const contract = loadContract("seed-000-school");

// ---------------------------------------------------------------------------------------------------------
// 1. The breach chain on one hand-built ticket, reported on National Day (the calendar is 7x24: holidays do not
//    matter). All times +08:00.
const chain = {
  id: "T-CHAIN",
  level: "general",
  channel: "onSite",
  events: [
    { type: "opened", at: "2025-10-01T10:00:00+08:00" },
    { type: "onSiteResponse", at: "2025-10-01T10:20:00+08:00" }, // within 30 min: met
    // not solved by 11:00: "resolve" is breached at 11:00:00.001 and "seniorOnSite" starts at 11:00, due 13:00
    { type: "seniorOnSite", at: "2025-10-01T12:40:00+08:00" }, // met
    { type: "restored", at: "2025-10-01T15:30:00+08:00" }, // within 8 h (due 18:00): met
    { type: "resolved", at: "2025-10-01T16:10:00+08:00" }, // problem report due 2 Oct 16:10
    { type: "reportDelivered", at: "2025-10-02T09:00:00+08:00" }, // met
  ],
};

const states = (s) => Object.fromEntries(s.targets.map((t) => [t.id, t.state]));
const ladder = [
  // [now, expected states, expected nextCheckAt (UTC): the next breach, 1 ms after lastCompliantAt]
  ["2025-10-01T10:10:00+08:00", "running running pending running pending", "2025-10-01T02:30:00.001Z"],
  ["2025-10-01T10:40:00+08:00", "met running pending running pending", "2025-10-01T03:00:00.001Z"],
  ["2025-10-01T11:30:00+08:00", "met breached running running pending", "2025-10-01T05:00:00.001Z"],
  ["2025-10-01T12:50:00+08:00", "met breached met running pending", "2025-10-01T10:00:00.001Z"],
  ["2025-10-01T16:30:00+08:00", "met breached met met running", "2025-10-02T08:10:00.001Z"],
  ["2025-10-03T00:00:00+08:00", "met breached met met met", null],
];
console.log("Breach chain of T-CHAIN (response, resolve, seniorOnSite, restore, problemReport):");
for (const [now, expected, next] of ladder) {
  const s = evaluateTicket(contract, chain, now);
  const got = Object.values(states(s)).join(" ");
  console.log(`  at ${local(now)}: ${got.padEnd(40)} next check ${local(s.nextCheckAt)}`);
  assert.equal(got, expected);
  assert.equal(s.nextCheckAt?.toISOString() ?? null, next);
}
const atEnd = evaluateTicket(contract, chain, "2025-10-03T00:00:00+08:00");
const byId = Object.fromEntries(atEnd.targets.map((t) => [t.id, t]));
assert.equal(byId.resolve.breachedAt.toISOString(), "2025-10-01T03:00:00.001Z"); // 11:00:00.001 +08:00
assert.equal(byId.seniorOnSite.startedAt.toISOString(), "2025-10-01T03:00:00.000Z"); // started at 11:00
assert.equal(byId.seniorOnSite.dueAt.toISOString(), "2025-10-01T05:00:00.000Z"); // 11:00 + 2 h = 13:00
assert.equal(byId.seniorOnSite.elapsedMs, 100 * MINUTE); // 11:00 → 12:40
assert.equal(byId.restore.dueAt.toISOString(), "2025-10-01T10:00:00.000Z"); // 10:00 + 8 h = 18:00
assert.equal(byId.problemReport.dueAt.toISOString(), "2025-10-02T08:10:00.000Z"); // 16:10 + 24 h
assert.equal(byId.problemReport.elapsedMs, 16 * 60 * MINUTE + 50 * MINUTE); // 16:10 → 09:00 next day

const explanation = explainTarget(contract, chain, "seniorOnSite", "2025-10-01T11:30:00+08:00");
console.log(`\nexplainTarget(seniorOnSite) at 11:30:\n  ${explanation.text}`);
assert.equal(explanation.startedBy, "breachOf:resolve");

// A crash is a major fault; a question is a consultation; anything else is a general fault.
assert.equal(await classifyTicket(contract, { systemCrashed: true }), "major");
assert.equal(await classifyTicket(contract, { consultation: true }), "consultation");
assert.equal(await classifyTicket(contract, {}), "general");

// ---------------------------------------------------------------------------------------------------------
// 2. October 2025: a generated month of consultations and faults, evaluated on Monday 3 November 09:00.
const now = "2025-11-03T09:00:00+08:00";
const period = { month: "2025-10" };
const { tickets, inspections } = generateTickets(contract, { period });
const statuses = tickets.map((t) => evaluateTicket(contract, t, now));
const options = { period, now, inspections };
const report = buildReport(contract, tickets, options);
console.log(`\nOctober 2025, evaluated at ${local(now)}:`);
printSummary(report);
checkReport(contract, tickets, statuses, report, options);

// The generator's facts say what each ticket is; the contract's rules agree on every one.
for (const t of tickets)
  assert.equal(await classifyTicket(contract, t.facts), statuses.find((s) => s.id === t.id).level);

// Worked from the raw events, independently of the library (7x24: working time is wall-clock time).
const nowMs = Date.parse(now);
const first = (t, type) => t.events.find((e) => e.type === type && Date.parse(e.at) <= nowMs);
const openedMs = (t) => Date.parse(t.events[0].at);
let responseMet = 0;
let responseLate = 0;
for (const t of tickets.filter((x) => x.level !== "consultation")) {
  const r = first(t, "onSiteResponse");
  const elapsed = (r ? Date.parse(r.at) : nowMs) - openedMs(t);
  if (elapsed > 30 * MINUTE) responseLate += 1;
  else if (r) responseMet += 1;
}
const response = report.targets.filter((s) => s.targetId === "response");
assert.equal(
  response.reduce((n, s) => n + s.counts.met, 0),
  responseMet,
);
assert.equal(
  response.reduce((n, s) => n + s.counts.breached + s.counts.openBreached, 0),
  responseLate,
);

// Mean handling time of consultations: opening to resolution, wall-clock, against 6 minutes.
const consultations = tickets.filter((t) => t.channel === "consultation" && first(t, "resolved"));
const meanMs =
  consultations.reduce((sum, t) => sum + Date.parse(first(t, "resolved").at) - openedMs(t), 0) /
  consultations.length;
const handling = report.kpis.find((k) => k.id === "consultationHandlingTime");
assert.equal(handling.value, meanMs);
assert.equal(handling.status, meanMs <= 6 * MINUTE ? "pass" : "fail");
console.log(
  `Consultations: ${consultations.length}, mean handling ${(meanMs / MINUTE).toFixed(2)} min (KPI ≤ 6 min)`,
);

// Surveys per channel, against 98 % (consultation) and 95 % (on site, product).
for (const [id, channel, min] of [
  ["consultationSatisfaction", "consultation", 0.98],
  ["onSiteSatisfaction", "onSite", 0.95],
  ["productSatisfaction", "product", 0.95],
]) {
  const answers = tickets.flatMap((t) =>
    t.events.filter((e) => e.type === "survey" && e.channel === channel && Date.parse(e.at) <= nowMs),
  );
  const satisfied = answers.filter((e) => e.satisfied).length;
  const kpi = report.kpis.find((k) => k.id === id);
  assert.deepEqual([kpi.numerator, kpi.denominator], [satisfied, answers.length]);
  assert.equal(kpi.status, satisfied >= min * answers.length ? "pass" : "fail");
}

// Reopened tickets owe a second problem report: a second cycle of the target.
const reopened = tickets.filter((t) =>
  t.events.some((e) => e.type === "reopened" && Date.parse(e.at) <= nowMs),
);
const secondReports = statuses
  .flatMap((s) => s.targets)
  .filter((t) => t.id === "problemReport" && t.cycle === 1);
assert.equal(secondReports.length, reopened.length);
console.log(`Reopened: ${reopened.length} tickets, each with a second problem-report cycle`);

// The yearly inspection is planned per calendar year: a month has no plan item, the year 2025 has one, done.
assert.equal(report.kpis.find((k) => k.id === "inspections").status, "noData");
const year = buildReport(contract, tickets, { period: { year: "2025" }, now, inspections });
const yearly = year.inspections.items.find((i) => i.inspectionId === "yearlyInspection");
assert.equal(yearly.state, "done");
console.log(`Inspection 2025: ${yearly.state} (${inspections[0].at}), due by ${local(yearly.dueAt)}`);

writeReports(report, "seed-000-school", "2025-10");
console.log("seed-000-school: all checks passed");
