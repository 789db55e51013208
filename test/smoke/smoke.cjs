// Post-build smoke test (CJS): requires the BUILT package by its own name (Node package self-reference
// through package.json "name" + "exports"), checks the public names and runs one real computation.
const assert = require("node:assert/strict");
const root = require("slakit");
const calendar = require("slakit/calendar");
const contracts = require("slakit/contracts");
const escalation = require("slakit/escalation");
const reporting = require("slakit/reporting");
const schema = require("slakit/schema");

const expected = {
  "slakit/calendar": [
    calendar,
    ["compileCalendar", "addBusinessTime", "businessTimeBetween", "addBusinessDays"],
  ],
  "slakit/contracts": [contracts, ["parseContract", "safeParseContract", "classifyTicket", "coverageAt"]],
  "slakit/escalation": [escalation, ["evaluateTicket", "explainTarget", "formatStepKey", "parseStepKey"]],
  "slakit/reporting": [reporting, ["buildReport", "mergeReports", "renderReport"]],
  slakit: [root, ["compileCalendar", "parseContract", "evaluateTicket", "buildReport"]],
};
for (const [specifier, [mod, names]] of Object.entries(expected)) {
  for (const name of names)
    assert.equal(typeof mod[name], "function", `${specifier}: ${name} is not a function`);
}
assert.ok(
  Object.values(schema).some((v) => v !== null && typeof v === "object"),
  "slakit/schema exports no JSON Schema object",
);

const cal = calendar.compileCalendar({ timezone: "Asia/Shanghai", week: { mon: [["09:00", "18:00"]] } });
const due = calendar.addBusinessTime(cal, "2025-01-06T09:00:00+08:00", "PT2H");
assert.ok(due instanceof Date, "addBusinessTime must return a Date");
assert.equal(due.toISOString(), "2025-01-06T03:00:00.000Z");
assert.equal(root.addBusinessTime(cal, "2025-01-06T09:00:00+08:00", "PT2H").getTime(), due.getTime());

console.log("smoke ok (cjs)");
