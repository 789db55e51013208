// Seed 002: a network system with three fault levels — level 1 (major: system down, service interrupted, basic
// function lost, other business interrupted 10 minutes or more, critical data lost), level 2 (main: service
// affected, capacity partly lost, risk of collapse), level 3 (minor: function or performance affected, critical
// business not). A 7x24 hotline; a quarterly inspection plus one before each important period the customer
// names. The source gives no response times: the contract has levels and inspections, and no targets.
// Run: npm run examples (builds the package first). Expected values were worked out by hand where marked.
import assert from "node:assert/strict";
import { classifyTicket, inspectionPlan } from "slakit/contracts";
import { evaluateTicket, explainTarget } from "slakit/escalation";
import { buildReport } from "slakit/reporting";
import { checkReport, loadContract, local, printSummary, writeReports } from "./lib/common.mjs";
import { generateTickets } from "./lib/generate.mjs";

const contract = loadContract("seed-002-network-levels");

// ---------------------------------------------------------------------------------------------------------
// 1. Classification with the contract's rules (json-rules-engine conditions, tried in order: first match wins).
const cases = [
  [{ systemDown: true }, "level1"],
  [{ otherBusinessOutageMinutes: 10 }, "level1"], // "10分钟以上": 10 minutes or more — 10 itself is level 1
  [{ otherBusinessOutageMinutes: 9, functionAffected: true }, "level3"], // 9 minutes: not level 1
  [{ criticalDataLost: true, functionAffected: true }, "level1"], // level 1 comes first
  [{ riskOfCollapse: true }, "level2"],
  [{ serviceAffected: true, performanceAffected: true }, "level2"],
  [{ performanceAffected: true }, "level3"],
  // level 3 requires that critical business is not affected; with nothing of level 1 or 2 either, no rule
  // matches and the contract's default level applies — level 3 again
  [{ performanceAffected: true, criticalBusinessAffected: true }, "level3"],
  [{}, "level3"],
];
console.log("classifyTicket:");
for (const [facts, expected] of cases) {
  const level = await classifyTicket(contract, facts);
  console.log(`  ${JSON.stringify(facts).padEnd(58)} → ${level}`);
  assert.equal(level, expected);
}
// Facts are typed: a number given as text is an error, never silently coerced.
await assert.rejects(classifyTicket(contract, { otherBusinessOutageMinutes: "12" }), { code: "E_TYPE" });

// ---------------------------------------------------------------------------------------------------------
// 2. The inspections around National Day 2025: the named one before the holiday (26 September 09:00) and the
//    quarterly one (1 October 09:00).
const from = "2025-09-15T00:00:00+08:00";
const to = "2025-10-15T00:00:00+08:00";
const plan = inspectionPlan(contract, from, to);
console.log("\nInspections planned 15 Sep – 14 Oct 2025:");
for (const p of plan)
  console.log(`  ${p.inspectionId.padEnd(20)} ${local(p.scheduledAt)}, due by ${local(p.dueAt)}`);
assert.deepEqual(
  plan.map((p) => [p.inspectionId, p.scheduledAt.toISOString()]),
  [
    ["importantPeriods", "2025-09-26T01:00:00.000Z"],
    ["quarterlyInspection", "2025-10-01T01:00:00.000Z"],
  ],
);

// ---------------------------------------------------------------------------------------------------------
// 3. The month around National Day (15 September – 14 October 2025): generated tickets, classified from their
//    facts; some level-3 tickets grow into level 1 when the outage passes 10 minutes (a levelChanged event).
const now = "2025-10-15T09:00:00+08:00";
const period = { dates: { from: "2025-09-15", to: "2025-10-14" } };
const generated = generateTickets(contract, { period });
const tickets = [];
for (const t of generated.tickets) {
  const level = await classifyTicket(contract, t.facts);
  assert.equal(level, t.level, `${t.id}: the rules read the facts as the generator meant`);
  if (t.laterFacts) assert.equal(await classifyTicket(contract, t.laterFacts), "level1");
  tickets.push({ ...t, level });
}
const statuses = tickets.map((t) => evaluateTicket(contract, t, now));
const options = { period, now, inspections: generated.inspections };
const report = buildReport(contract, tickets, options);
console.log(`\n15 Sep – 14 Oct 2025, evaluated at ${local(now)}:`);
printSummary(report);
checkReport(contract, tickets, statuses, report, options);

// Tickets per final level, counted from the events: the opening level unless a levelChanged came by `now`.
const nowMs = Date.parse(now);
const finalLevel = (t) =>
  t.events.findLast((e) => e.type === "levelChanged" && Date.parse(e.at) <= nowMs)?.level ?? t.level;
for (const { level, count } of report.tickets.byLevel) {
  assert.equal(count, tickets.filter((t) => finalLevel(t) === level).length);
}
const grown = tickets.filter((t) => finalLevel(t) !== t.level).length;
console.log(`Reclassified from level 3 to level 1: ${grown} tickets`);
assert.ok(grown > 0);

// Inspections: the named one was done at 09:00 on 26 September as planned; the quarterly one, due 1 October
// 09:00 (a holiday), was done on 9 October — the contract gives it no window ("due"), so it counts as missed:
// 1 of 2 done, and the KPI (every inspection done) fails.
const kpi = report.kpis.find((k) => k.id === "inspections");
assert.deepEqual([kpi.numerator, kpi.denominator, kpi.status], [1, 2, "fail"]);
assert.deepEqual(
  report.inspections.items.map((i) => [i.inspectionId, i.state]),
  [
    ["importantPeriods", "done"],
    ["quarterlyInspection", "missed"],
  ],
);

// No targets: explainTarget says so in words instead of guessing.
const status = statuses[0];
assert.deepEqual([status.targets.length, status.nextCheckAt], [0, null]);
assert.throws(
  () => explainTarget(contract, tickets[0], "response", now),
  (error) => {
    console.log(`explainTarget(response): ${error.code}: ${error.message.split("\n")[0]}`);
    return error.code === "E_REF_UNKNOWN";
  },
);

writeReports(report, "seed-002-network-levels", "2025-09-15_2025-10-14");
console.log("seed-002-network-levels: all checks passed");
