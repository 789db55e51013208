// Shared inputs of the contract tests: a small contract that uses every feature, and the seed examples.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { SlaError } from "../../src/calendar/index.js";
import {
  type Contract,
  type ContractIssue,
  parseContract,
  safeParseContract,
} from "../../src/contracts/index.js";

// biome-ignore lint/suspicious/noExplicitAny: hostile tests mutate the input freely
export type Mutable = any;

/** A valid contract touching every part of the model; each call returns a fresh copy. */
export function baseInput(): Mutable {
  return {
    id: "acme-helpdesk",
    name: "ACME helpdesk",
    timezone: "Asia/Shanghai",
    calendars: {
      office: {
        timezone: "Asia/Shanghai",
        week: {
          mon: [["09:00", "18:00"]],
          tue: [["09:00", "18:00"]],
          wed: [["09:00", "18:00"]],
          thu: [["09:00", "18:00"]],
          fri: [["09:00", "18:00"]],
        },
        holidays: ["2025-10-01", { from: "2025-10-02", to: "2025-10-08", name: "National Day" }],
        overrides: { "2025-09-28": [["09:00", "18:00"]] },
      },
      hotline: { timezone: "Asia/Shanghai", week: "24x7" },
    },
    term: {
      startEvent: "acceptance signed",
      startDate: "2020-02-29",
      phases: [
        { name: "warranty", kind: "warranty", length: "P5Y" },
        { name: "maintenance", kind: "postWarranty", length: "P3Y" },
      ],
    },
    tiers: ["desk", "engineer", "expert"],
    levels: [
      {
        id: "major",
        when: {
          any: [
            { fact: "systemDown", operator: "equal", value: true },
            { fact: "outageMinutes", operator: "greaterThan", value: 10 },
          ],
        },
      },
      { id: "minor" },
    ],
    defaultLevel: "minor",
    targets: [
      {
        id: "response",
        calendar: "hotline",
        start: { event: "opened" },
        stop: { event: "responded" },
        duration: { major: "PT30M", "*": "PT2H" },
        escalations: [
          { id: "remind", at: { after: "PT20M" }, action: "notify", to: ["engineer"] },
          { id: "up", at: { percent: 100 }, action: "escalate", tier: "expert" },
        ],
      },
      {
        id: "resolve",
        calendar: "office",
        start: { event: "opened" },
        stop: { event: "resolved" },
        pause: { event: "waitingForCustomer", resumeEvent: "customerReplied" },
        duration: "P2D",
      },
      {
        id: "plan",
        calendar: "office",
        start: { breachOf: "resolve" },
        stop: { event: "planDelivered" },
        duration: "P2D",
      },
    ],
    inspections: [
      {
        id: "monthly",
        rrule: "FREQ=MONTHLY;BYMONTHDAY=1",
        start: "2025-01-01",
        time: "09:00",
        due: "P7D",
        calendar: "hotline",
      },
      { id: "yearly", atLeast: 1, per: "year" },
      { id: "named", dates: ["2025-09-26"] },
    ],
    kpis: [
      { id: "sat", kind: "satisfaction", channel: "phone", min: 0.95 },
      { id: "resp", kind: "targetCompliance", target: "response", level: "major", min: 0.9 },
    ],
  };
}

export const EXAMPLES = [
  "seed-000-school",
  "seed-001-network-desk",
  "seed-002-network-levels",
  "seed-003-it-support",
  "seed-004-software",
] as const;

/** The parsed JSON of an example contract. */
export function exampleJson(name: (typeof EXAMPLES)[number]): Mutable {
  const url = new URL(`../../examples/contracts/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), "utf8"));
}

/** The compiled example contract. */
export function example(name: (typeof EXAMPLES)[number]): Contract {
  return parseContract(exampleJson(name));
}

/**
 * Parses, expecting a rejection within 50 ms that lists `code` at `path`; returns all issues. The time is the best
 * of three runs, so that a busy machine (test files run in parallel) does not fail the budget.
 */
export function expectIssue(input: unknown, code: string, path: string): readonly ContractIssue[] {
  let ms = Number.POSITIVE_INFINITY;
  let result = safeParseContract(input);
  for (let i = 0; i < 3 && ms >= 50; i++) {
    const t0 = performance.now();
    result = safeParseContract(input);
    ms = Math.min(ms, performance.now() - t0);
  }
  expect(result.success).toBe(false);
  if (result.success) return [];
  expect(result.error).toBeInstanceOf(SlaError);
  expect(result.error.code).toBe("E_CONTRACT");
  expect(result.error.issues).toContainEqual(expect.objectContaining({ code, path }));
  expect(ms).toBeLessThan(50);
  return result.error.issues;
}
