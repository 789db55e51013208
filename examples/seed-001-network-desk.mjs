// Seed 001: network maintenance with case tracking. The 7x24 desk opens a case and assigns an engineer, who must
// respond to the customer within 1 h; the desk reminds the engineer at 30 and 45 minutes and reassigns the case
// at 45 minutes if there is still no response. A satisfaction form goes out when the case closes (the same
// day: P0D). Every month, performance data is collected on the 1st and the report delivered within a week.
// Run: npm run examples (builds the package first). Expected values were worked out by hand where marked.
import assert from "node:assert/strict";
import { evaluateTicket, explainTarget } from "slakit/escalation";
import { buildReport } from "slakit/reporting";
import { checkReport, loadContract, local, printSummary, writeReports } from "./lib/common.mjs";
import { generateTickets, MINUTE } from "./lib/generate.mjs";

const contract = loadContract("seed-001-network-desk");

// ---------------------------------------------------------------------------------------------------------
// 1. The reminder ladder on one hand-built case: opened Thursday 9 October 2025 at 14:00 (+08:00), the first
//    engineer never answers, the desk reassigns at 14:47 and the second engineer responds at 14:55.
const ladderCase = {
  id: "CASE-1",
  level: "general",
  channel: "case",
  events: [
    { type: "opened", at: "2025-10-09T14:00:00+08:00" },
    { type: "assigned", at: "2025-10-09T14:02:00+08:00" },
    { type: "assigned", at: "2025-10-09T14:47:00+08:00" }, // the host's reaction to "reassign45"
    { type: "engineerResponded", at: "2025-10-09T14:55:00+08:00" },
  ],
};
const steps = (s) => s.escalations.map((e) => `${e.stepId}:${e.state}`).join(" ");
const ladder = [
  // [now, expected steps, expected nextCheckAt (UTC)]
  [
    "2025-10-09T14:20:00+08:00",
    "remind30:scheduled remind45:scheduled reassign45:scheduled",
    "2025-10-09T06:30:00.000Z",
  ],
  [
    "2025-10-09T14:30:00+08:00",
    "remind30:due remind45:scheduled reassign45:scheduled",
    "2025-10-09T06:45:00.000Z",
  ],
  // after 45 minutes both steps are due; the next change is the breach at 15:00:00.001
  ["2025-10-09T14:50:00+08:00", "remind30:due remind45:due reassign45:due", "2025-10-09T07:00:00.001Z"],
  // responded at 14:55: met, nothing more to watch
  ["2025-10-09T15:10:00+08:00", "remind30:due remind45:due reassign45:due", null],
];
console.log("Escalation ladder of CASE-1 (respond within 1 h):");
for (const [now, expected, next] of ladder) {
  const s = evaluateTicket(contract, ladderCase, now);
  const target = s.targets.find((t) => t.id === "engineerResponse");
  console.log(
    `  at ${local(now)}: ${target.state.padEnd(8)} ${steps(s).padEnd(58)} next check ${local(s.nextCheckAt)}`,
  );
  assert.equal(steps(s), expected);
  assert.equal(s.nextCheckAt?.toISOString() ?? null, next);
}
const final = evaluateTicket(contract, ladderCase, "2025-10-09T15:10:00+08:00");
const response = final.targets.find((t) => t.id === "engineerResponse");
assert.equal(response.state, "met");
assert.equal(response.elapsedMs, 55 * MINUTE);
assert.equal(response.dueAt.toISOString(), "2025-10-09T07:00:00.000Z"); // 14:00 + 1 h = 15:00 +08:00
// Each step has a stable key: the host fires each exactly once (see examples/helpdesk-pglite.mjs).
assert.deepEqual(
  final.escalations.map((e) => [e.key, e.at.toISOString(), e.action]),
  [
    ["CASE-1/engineerResponse/0/remind30", "2025-10-09T06:30:00.000Z", "notify"],
    ["CASE-1/engineerResponse/0/remind45", "2025-10-09T06:45:00.000Z", "notify"],
    ["CASE-1/engineerResponse/0/reassign45", "2025-10-09T06:45:00.000Z", "reassign"],
  ],
);
// A case answered at 14:20 never reaches the reminders: they are skipped.
const quick = evaluateTicket(
  contract,
  {
    ...ladderCase,
    id: "CASE-2",
    events: [ladderCase.events[0], { type: "engineerResponded", at: "2025-10-09T14:20:00+08:00" }],
  },
  "2025-10-09T15:10:00+08:00",
);
assert.equal(steps(quick), "remind30:skipped remind45:skipped reassign45:skipped");

// The survey form is due by the end of the closing day (P0D): a case closed at 23:50 whose form leaves at 00:05
// is late.
const lateForm = evaluateTicket(
  contract,
  {
    id: "CASE-3",
    level: "general",
    events: [
      { type: "opened", at: "2025-10-20T21:00:00+08:00" },
      { type: "engineerResponded", at: "2025-10-20T21:10:00+08:00" },
      { type: "closed", at: "2025-10-20T23:50:00+08:00" },
      { type: "surveySent", at: "2025-10-21T00:05:00+08:00" },
    ],
  },
  "2025-10-21T09:00:00+08:00",
).targets.find((t) => t.id === "satisfactionSurvey");
assert.equal(lateForm.state, "breached");
assert.equal(lateForm.dueAt.toISOString(), "2025-10-20T16:00:00.000Z"); // 21 Oct 00:00 +08:00 = end of 20 Oct

console.log(`\nexplainTarget(engineerResponse) at 14:50:`);
console.log(`  ${explainTarget(contract, ladderCase, "engineerResponse", "2025-10-09T14:50:00+08:00").text}`);

// ---------------------------------------------------------------------------------------------------------
// 2. October 2025: a generated month of cases, evaluated on Monday 3 November 09:00, with the monthly
//    performance report (collected 1 October, due within the week) delivered on 6 October.
const now = "2025-11-03T09:00:00+08:00";
const period = { month: "2025-10" };
const { tickets, inspections } = generateTickets(contract, { period });
const statuses = tickets.map((t) => evaluateTicket(contract, t, now));
const options = { period, now, inspections };
const report = buildReport(contract, tickets, options);
console.log(`\nOctober 2025, evaluated at ${local(now)}:`);
printSummary(report);
checkReport(contract, tickets, statuses, report, options);

// The steps, worked from the raw events (7x24: working time is wall-clock time). A step is due when the clock
// ran past its time: the response came later than 30 (45) minutes after the opening.
const nowMs = Date.parse(now);
const responseMinutes = tickets.map((t) => {
  const r = t.events.find((e) => e.type === "engineerResponded" && Date.parse(e.at) <= nowMs);
  return ((r ? Date.parse(r.at) : nowMs) - Date.parse(t.events[0].at)) / MINUTE;
});
const expectDue = (minutes) => responseMinutes.filter((m) => m > minutes).length;
const counts = Object.fromEntries(report.escalations.map((e) => [e.stepId, e]));
console.log("Escalation steps:");
for (const [stepId, minutes] of [
  ["remind30", 30],
  ["remind45", 45],
  ["reassign45", 45],
]) {
  const c = counts[stepId];
  console.log(`  ${stepId.padEnd(10)} due ${c.due}, skipped ${c.skipped}, scheduled ${c.scheduled}`);
  assert.equal(c.due, expectDue(minutes));
  assert.equal(c.due + c.skipped + c.scheduled, tickets.length);
}
// Every reassignment the desk made (a second "assigned") follows a due reassign45 step.
const reassigned = tickets.filter((t) => t.events.filter((e) => e.type === "assigned").length > 1);
assert.ok(reassigned.every((t) => statuses.find((s) => s.id === t.id).escalations.at(-1).state === "due"));
const late = report.targets.filter((s) => s.targetId === "engineerResponse");
assert.equal(
  late.reduce((n, s) => n + s.counts.breached + s.counts.openBreached, 0),
  responseMinutes.filter((m) => m > 60).length,
);
console.log(`Reassigned: ${reassigned.length} cases; responses later than 1 h: ${expectDue(60)}`);

// The performance report of October: collected 1 October 09:00, due within 7 days (end of 8 October), done 6th.
const item = report.inspections.items.find((i) => i.inspectionId === "performanceReport");
assert.deepEqual(
  [item.from, item.dueAt, item.state],
  ["2025-10-01T01:00:00.000Z", "2025-10-08T16:00:00.000Z", "done"],
);

writeReports(report, "seed-001-network-desk", "2025-10");
console.log("seed-001-network-desk: all checks passed");
