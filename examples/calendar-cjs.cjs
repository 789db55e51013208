// The same package from CommonJS: require("slakit/calendar") resolves to the .cjs build.
const assert = require("node:assert/strict");
const { compileCalendar, addBusinessTime, SlaError } = require("slakit/calendar");

// Berlin office, Mon–Fri 09:00–17:00. Friday 2025-03-28 16:00 + 2 working hours: 1 h on Friday, then the
// clocks go forward on Sunday 30 March (which is closed anyway), so Monday 31 March 10:00 CEST = 08:00Z.
const berlin = compileCalendar({
  timezone: "Europe/Berlin",
  week: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["09:00", "17:00"]]])),
});
const due = addBusinessTime(berlin, "2025-03-28T16:00:00+01:00", "PT2H");
console.log("Berlin, Fri 16:00 + 2 working hours:", due.toISOString());
assert.equal(due.toISOString(), "2025-03-31T08:00:00.000Z");

try {
  compileCalendar({ timezone: "Europe/Lodnon", week: "24x7" });
  assert.fail("expected an error");
} catch (error) {
  assert.ok(error instanceof SlaError);
  console.log(`${error.code}: ${error.message}`);
  assert.equal(error.code, "E_TZ_UNKNOWN");
}
console.log("calendar-cjs: all checks passed");
