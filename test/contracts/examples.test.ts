// The five seed contracts: each parses, carries every number of SPEC.md §1 for its source, and computes as the
// source says on a few worked tickets.
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { addBusinessTime } from "../../src/calendar/index.js";
import { classifyTicket, coverageAt, inspectionPlan, parseContract } from "../../src/contracts/index.js";
import { contractJsonSchema } from "../../src/schema.js";
import { EXAMPLES, example, exampleJson } from "./fixtures.js";

describe.each(EXAMPLES)("%s", (name) => {
  test("parses, and its JSON Schema (an independent validator) accepts it", () => {
    const contract = parseContract(exampleJson(name));
    expect(contract.id).toBe(name);
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(contractJsonSchema);
    expect(validate(exampleJson(name)), JSON.stringify(validate.errors)).toBe(true);
  });
});

function durations(name: (typeof EXAMPLES)[number]) {
  const contract = example(name);
  return Object.fromEntries(contract.targets.map((t) => [t.id, t.input.duration]));
}

test("seed 000: 30 min on site, 1 h solved, senior on site within 2 h of the breach, 8 h restored, report 24 h", () => {
  const c = example("seed-000-school");
  expect(durations("seed-000-school")).toEqual({
    response: { general: "PT30M", major: "PT30M" },
    resolve: { general: "PT1H", major: "PT1H" },
    seniorOnSite: { general: "PT2H", major: "PT2H" },
    restore: { general: "PT8H", major: "PT8H" },
    problemReport: { general: "PT24H", major: "PT24H" },
  });
  expect(c.targets.find((t) => t.id === "seniorOnSite")?.start).toEqual({ breachOf: "resolve" });
  expect(c.targets.find((t) => t.id === "problemReport")?.start).toEqual({ events: ["resolved"] });
  expect(c.calendars.get("allHours")?.spec.week).toBe("24x7");
  expect(c.input.term?.phases.map((p) => p.length)).toEqual(["P5Y", "P3Y"]);
  expect(c.input.inspections).toEqual([expect.objectContaining({ atLeast: 1, per: "year" })]);
  expect(c.input.kpis?.map((k) => [k.kind, "min" in k ? k.min : k.max])).toEqual([
    ["satisfaction", 0.98],
    ["satisfaction", 0.95],
    ["satisfaction", 0.95],
    ["targetCompliance", 1],
    ["targetCompliance", 1],
    ["meanHandlingTime", "PT6M"],
    ["inspectionCompliance", 1],
  ]);
  expect(coverageAt(c, "2025-02-28T12:00:00+08:00").phase).toBe("warranty");
});

test("seed 001: 1 h response, reminders at 30 and 45 min, reassignment at 45 min, four tiers, monthly report within a week", async () => {
  const c = example("seed-001-network-desk");
  const response = c.targets.find((t) => t.id === "engineerResponse");
  expect(response?.durationFor("general")).toEqual({ kind: "time", ms: 3_600_000 });
  expect(response?.steps.map((s) => [s.id, s.at, s.action])).toEqual([
    ["remind30", { kind: "after", ms: 1_800_000 }, "notify"],
    ["remind45", { kind: "after", ms: 2_700_000 }, "notify"],
    ["reassign45", { kind: "after", ms: 2_700_000 }, "reassign"],
  ]);
  expect(c.input.tiers).toEqual(["desk", "engineer", "expert", "vendor"]);
  expect(c.input.inspections).toEqual([
    expect.objectContaining({ rrule: "FREQ=MONTHLY;BYMONTHDAY=1", due: "P7D" }),
  ]);
  await expect(classifyTicket(c, { businessStopped: true })).resolves.toBe("systemDown");
  await expect(classifyTicket(c, {})).resolves.toBe("general");
});

test("seed 002: quarterly inspections on calendar quarters, inspections before named periods", () => {
  const c = example("seed-002-network-levels");
  const plan = inspectionPlan(c, "2025-01-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00");
  expect(
    plan
      .filter((i) => i.inspectionId === "quarterlyInspection")
      .map((i) => i.scheduledAt.toISOString().slice(0, 10)),
  ).toEqual(["2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01"]);
  expect(JSON.stringify(c.input.levels)).toContain('"operator":"greaterThanInclusive","value":10');
});

test("seed 003: 30 min / 2 h responses, 1 working day answer, 2 h initial solution, on office hours with China's holidays", () => {
  const c = example("seed-003-it-support");
  expect(durations("seed-003-it-support")).toEqual({
    response: { emergency: "PT30M", general: "PT2H" },
    answer: { general: "P1D" },
    initialSolution: { emergency: "PT2H" },
  });
  const office = c.calendars.get("office");
  if (office === undefined) throw new Error("no office calendar");
  // Opened Tuesday 2025-09-30 17:00: 1 working day → the end of the next working day, which is Thursday
  // 2025-10-09 after National Day (10-01…10-08); the make-up Saturday 10-11 comes later.
  expect(addBusinessTime(office, "2025-09-30T17:00:00+08:00", "P1D").toISOString()).toBe(
    "2025-10-09T10:00:00.000Z",
  );
  // A general request opened Friday 2025-09-26 17:00 must be answered by 2 working hours: Sunday 09-28 is a
  // make-up working day, so 10:00 on 09-28.
  expect(addBusinessTime(office, "2025-09-26T17:00:00+08:00", "PT2H").toISOString()).toBe(
    "2025-09-28T02:00:00.000Z",
  );
});

test("seed 004: 4 h response, 2 working days to fix, then a plan in 2 days; 2 weeks, 1 month, 24 h; 3 years after the contract", () => {
  const c = example("seed-004-software");
  expect(durations("seed-004-software")).toEqual({
    response: { fault: "PT4H" },
    fix: { fault: "P2D" },
    plan: { fault: "P2D" },
    usability: { usability: "P14D" },
    performance: { performance: "P30D" },
    answer: "PT24H",
  });
  expect(c.targets.map((t) => t.id).indexOf("plan")).toBeGreaterThan(
    c.targets.map((t) => t.id).indexOf("fix"),
  );
  expect(c.input.term?.phases.map((p) => [p.kind, p.length])).toEqual([
    ["warranty", "P1Y"],
    ["postWarranty", "P3Y"],
  ]);
  expect(coverageAt(c, "2027-06-01T00:00:00+08:00")).toMatchObject({
    phase: "postWarranty",
    name: "freeMaintenance",
  });
  // Fixed within 2 working days from Friday 2025-09-26 15:00: the start day is not counted, Sunday 09-28 is a
  // make-up working day (the 1st), Monday 09-29 the 2nd: due at its 18:00.
  const office = c.calendars.get("office");
  if (office === undefined) throw new Error("no office calendar");
  expect(addBusinessTime(office, "2025-09-26T15:00:00+08:00", "P2D").toISOString()).toBe(
    "2025-09-29T10:00:00.000Z",
  );
});
