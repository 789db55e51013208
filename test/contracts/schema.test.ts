// slakit/schema: the contract's JSON Schema, checked with an independent validator (ajv, draft 2020-12).
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { contractJsonSchema } from "../../src/schema.js";
import { baseInput, type Mutable } from "./fixtures.js";

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(contractJsonSchema);

test("is draft 2020-12, titled, frozen", () => {
  expect(contractJsonSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  expect(contractJsonSchema.title).toBe("slakit service contract");
  expect(Object.isFrozen(contractJsonSchema)).toBe(true);
  expect(Object.isFrozen(contractJsonSchema.properties)).toBe(true);
});

test("accepts the base test contract", () => {
  expect(validate(baseInput()), JSON.stringify(validate.errors)).toBe(true);
});

describe("rejects what parseContract rejects by shape", () => {
  test.each<[string, (c: Mutable) => void]>([
    [
      "an unknown field",
      (c) => {
        c.targets[0].duratoin = "PT1H";
      },
    ],
    [
      "a missing field",
      (c) => {
        delete c.targets[0].calendar;
      },
    ],
    [
      "a duration that is not ISO 8601",
      (c) => {
        c.targets[1].duration = "4 hours";
      },
    ],
    [
      "a negative duration",
      (c) => {
        c.targets[1].duration = -1;
      },
    ],
    [
      "a duration in years",
      (c) => {
        c.targets[1].duration = "P1Y";
      },
    ],
    [
      "a number as a string",
      (c) => {
        c.kpis[0].min = "0.95";
      },
    ],
    [
      "a ratio above 1",
      (c) => {
        c.kpis[0].min = 95;
      },
    ],
    [
      "an unknown operator",
      (c) => {
        c.levels[0].when.any[0].operator = "eqaul";
      },
    ],
    [
      "json-rules-engine's path",
      (c) => {
        c.levels[0].when.any[0].path = "$.x";
      },
    ],
    [
      "a time 24:00 as a start",
      (c) => {
        c.calendars.office.week.mon = [["24:00", "24:00"]];
      },
    ],
    [
      "a date without zero padding",
      (c) => {
        c.term.startDate = "2020-2-29";
      },
    ],
    [
      "an id with a space",
      (c) => {
        c.levels[1].id = "level 2";
      },
    ],
    [
      "an unknown KPI kind",
      (c) => {
        c.kpis[0].kind = "happiness";
      },
    ],
    [
      "both event and breachOf",
      (c) => {
        c.targets[0].start = { event: "opened", breachOf: "resolve" };
      },
    ],
    [
      "no levels",
      (c) => {
        c.levels = [];
      },
    ],
  ])("%s", (_label, fn) => {
    const c = baseInput();
    fn(c);
    expect(validate(c)).toBe(false);
  });
});

test("conditions are recursive through $defs", () => {
  const c = baseInput();
  c.levels[0].when = { not: { all: [{ any: [{ fact: "a", operator: "equal", value: true }] }] } };
  expect(validate(c)).toBe(true);
  c.levels[0].when.not.all[0].any[0].value = { nested: true };
  expect(validate(c)).toBe(false);
});
