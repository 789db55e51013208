// coverageAt: worked examples at every phase boundary (the last covered instant and the first uncovered one).
// Expected instants are worked out by hand from SPEC.md rule 7 (Asia/Shanghai is UTC+8 all year).
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { SlaError } from "../../src/calendar/index.js";
import { coverageAt, parseContract } from "../../src/contracts/index.js";
import { baseInput, type Mutable } from "./fixtures.js";

function withTerm(term: Mutable, timezone = "Asia/Shanghai") {
  const input = baseInput();
  input.timezone = timezone;
  input.term = term;
  return parseContract(input);
}

const PHASES = [
  { name: "warranty", kind: "warranty", length: "P5Y" },
  { name: "maintenance", kind: "postWarranty", length: "P3Y" },
];

describe("acceptance signed 2020-02-29, 5 years of warranty then 3 years of maintenance", () => {
  const contract = withTerm({ startEvent: "acceptance", startDate: "2020-02-29", phases: PHASES });
  const at = (t: string) => coverageAt(contract, t);

  test("before the acceptance day", () => {
    expect(at("2020-02-28T23:59:59.999+08:00")).toEqual({
      phase: "before",
      until: new Date("2020-02-28T16:00:00Z"),
    });
  });
  test("the acceptance day itself is covered (from its local midnight)", () => {
    expect(at("2020-02-29T00:00:00+08:00")).toEqual({
      phase: "warranty",
      name: "warranty",
      from: new Date("2020-02-28T16:00:00Z"),
      until: new Date("2025-02-28T16:00:00Z"),
    });
  });
  test("2025 has no Feb 29: the warranty's last day is 2025-02-28, covered until 24:00", () => {
    expect(at("2025-02-28T23:59:59.999+08:00").phase).toBe("warranty");
    expect(at("2025-03-01T00:00:00+08:00")).toEqual({
      phase: "postWarranty",
      name: "maintenance",
      from: new Date("2025-02-28T16:00:00Z"),
      until: new Date("2028-02-28T16:00:00Z"),
    });
  });
  test("maintenance is counted from the warranty's last day: it ends at 24:00 of 2028-02-28", () => {
    expect(at("2028-02-28T23:59:59.999+08:00").phase).toBe("postWarranty");
    expect(at("2028-02-29T00:00:00+08:00")).toEqual({
      phase: "expired",
      from: new Date("2028-02-28T16:00:00Z"),
    });
  });
  test("instants in any form, any host zone", () => {
    expect(coverageAt(contract, Date.UTC(2025, 1, 28, 15, 59, 59, 999)).phase).toBe("warranty");
    expect(coverageAt(contract, new Date("2025-02-28T16:00:00Z")).phase).toBe("postWarranty");
  });
});

describe("counting inclusive: the start day counts, each phase ends a day earlier", () => {
  const contract = withTerm({
    startEvent: "acceptance",
    startDate: "2020-02-29",
    counting: "inclusive",
    phases: PHASES,
  });
  test("warranty: last day 2025-02-27", () => {
    expect(coverageAt(contract, "2025-02-27T23:59:59.999+08:00").phase).toBe("warranty");
    expect(coverageAt(contract, "2025-02-28T00:00:00+08:00")).toEqual({
      phase: "postWarranty",
      name: "maintenance",
      from: new Date("2025-02-27T16:00:00Z"),
      until: new Date("2028-02-27T16:00:00Z"),
    });
  });
  test("maintenance: from 2025-02-28, 3 years counting that day: last day 2028-02-27", () => {
    expect(coverageAt(contract, "2028-02-27T23:59:59.999+08:00").phase).toBe("postWarranty");
    expect(coverageAt(contract, "2028-02-28T00:00:00+08:00").phase).toBe("expired");
  });
});

describe("ordinary dates", () => {
  test("1 year from 2025-03-10: last day 2026-03-10 (exclusive) or 2026-03-09 (inclusive)", () => {
    const phases = [{ name: "warranty", kind: "warranty", length: "P1Y" }];
    const exclusive = withTerm({ startEvent: "x", startDate: "2025-03-10", phases });
    const inclusive = withTerm({ startEvent: "x", startDate: "2025-03-10", counting: "inclusive", phases });
    expect(coverageAt(exclusive, "2026-03-10T23:59:59.999+08:00").phase).toBe("warranty");
    expect(coverageAt(exclusive, "2026-03-11T00:00:00+08:00").phase).toBe("expired");
    expect(coverageAt(inclusive, "2026-03-09T23:59:59.999+08:00").phase).toBe("warranty");
    expect(coverageAt(inclusive, "2026-03-10T00:00:00+08:00").phase).toBe("expired");
  });
  test("months from the 31st: the month's last day when the same-numbered day is missing", () => {
    const contract = withTerm({
      startEvent: "x",
      startDate: "2025-01-31",
      phases: [
        { name: "first", kind: "warranty", length: "P1M" },
        { name: "second", kind: "postWarranty", length: "P1M" },
        { name: "third", kind: "postWarranty", length: "P1Y6M" },
      ],
    });
    // first: last day 2025-02-28; second: from 02-28 + 1 month = 03-28; third: 03-28 + 18 months = 2026-09-28.
    expect(coverageAt(contract, "2025-02-28T23:59:59.999+08:00").name).toBe("first");
    expect(coverageAt(contract, "2025-03-01T00:00:00+08:00").name).toBe("second");
    expect(coverageAt(contract, "2025-03-28T23:59:59.999+08:00").name).toBe("second");
    expect(coverageAt(contract, "2025-03-29T00:00:00+08:00").name).toBe("third");
    expect(coverageAt(contract, "2026-09-28T23:59:59.999+08:00").name).toBe("third");
    expect(coverageAt(contract, "2026-09-29T00:00:00+08:00").phase).toBe("expired");
  });
  test("midnight in the contract's zone, across DST (New York, EST then EDT)", () => {
    const contract = withTerm(
      { startEvent: "x", startDate: "2025-01-15", phases: [{ name: "w", kind: "warranty", length: "P6M" }] },
      "America/New_York",
    );
    expect(coverageAt(contract, "2025-01-15T05:00:00Z")).toEqual({
      phase: "warranty",
      name: "w",
      from: new Date("2025-01-15T05:00:00Z"),
      until: new Date("2025-07-16T04:00:00Z"),
    });
    expect(coverageAt(contract, "2025-01-15T04:59:59.999Z").phase).toBe("before");
  });
  test("a start date whose midnight does not exist (Santiago, clocks jump 00:00 → 01:00 on 2025-09-07)", () => {
    const contract = withTerm(
      { startEvent: "x", startDate: "2025-09-07", phases: [{ name: "w", kind: "warranty", length: "P1Y" }] },
      "America/Santiago",
    );
    expect(coverageAt(contract, "2025-09-07T03:59:59.999Z").phase).toBe("before");
    expect(coverageAt(contract, "2025-09-07T04:00:00Z").from).toEqual(new Date("2025-09-07T04:00:00Z"));
  });
});

describe("edge cases", () => {
  test("a contract without a term has phase none", () => {
    const input = baseInput();
    input.term = undefined;
    expect(coverageAt(parseContract(input), "2025-01-01T00:00:00Z")).toEqual({ phase: "none" });
  });
  test("bad instants and non-contracts", () => {
    const contract = withTerm({ startEvent: "x", startDate: "2025-01-01", phases: PHASES });
    expect(() => coverageAt(contract, "2025-01-01T00:00:00")).toThrow(
      expect.objectContaining({ code: "E_INSTANT", path: "at" }),
    );
    expect(() => coverageAt(contract, Number.NaN)).toThrow(SlaError);
    expect(() => coverageAt({ id: "fake" } as never, 0)).toThrow(
      expect.objectContaining({ code: "E_TYPE", path: "contract" }),
    );
  });
  test("results are frozen", () => {
    const contract = withTerm({ startEvent: "x", startDate: "2025-01-01", phases: PHASES });
    expect(Object.isFrozen(coverageAt(contract, "2026-01-01T00:00:00Z"))).toBe(true);
  });
});

const contract = withTerm({ startEvent: "x", startDate: "2020-02-29", phases: PHASES });
const ORDER = ["before", "warranty", "postWarranty", "expired"];
propTest.prop(
  [
    fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2030, 0, 1) }),
    fc.integer({ min: 0, max: 10 * 365 * 86_400_000 }),
  ],
  {
    seed: 20_250_301,
    numRuns: 1000,
  },
)("the phase never goes back as time grows, and each instant lies in [from, until)", (t, dt) => {
  const a = coverageAt(contract, t);
  const b = coverageAt(contract, t + dt);
  expect(ORDER.indexOf(b.phase)).toBeGreaterThanOrEqual(ORDER.indexOf(a.phase));
  if (a.from !== undefined) expect(a.from.getTime()).toBeLessThanOrEqual(t);
  if (a.until !== undefined) expect(a.until.getTime()).toBeGreaterThan(t);
});
