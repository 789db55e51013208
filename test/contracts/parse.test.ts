// parseContract: what the compiled, frozen contract holds.
import { describe, expect, test } from "vitest";
import { BUILTIN_EVENT_TYPES, parseContract, safeParseContract } from "../../src/contracts/index.js";
import { buildReport } from "../../src/reporting/index.js";
import { baseInput, type Mutable } from "./fixtures.js";

describe("the compiled contract", () => {
  const contract = parseContract(baseInput());

  test("keeps a frozen copy of its input", () => {
    expect(contract.input).toEqual(baseInput());
    expect(Object.isFrozen(contract)).toBe(true);
    expect(Object.isFrozen(contract.input)).toBe(true);
    expect(Object.isFrozen(contract.input.targets[0]?.escalations)).toBe(true);
    expect(Object.isFrozen(contract.targets)).toBe(true);
    expect(Object.isFrozen(contract.targets[0]?.steps[0])).toBe(true);
    const given = baseInput();
    const copy = parseContract(given);
    given.targets[0].duration = "PT9H";
    expect(copy.input.targets[0]?.duration).toEqual({ major: "PT30M", "*": "PT2H" });
  });

  test("its maps and sets cannot be changed, even through a cast", () => {
    expect((contract.calendars as Mutable).set).toBeUndefined();
    expect((contract.eventTypes as Mutable).add).toBeUndefined();
    expect([...contract.calendars.keys()]).toEqual(["office", "hotline"]);
    expect(contract.calendars.get("hotline")?.timezone).toBe("Asia/Shanghai");
  });

  test("targets come in dependency order: a breachOf target after the target it depends on", () => {
    const input = baseInput();
    input.targets = [input.targets[2], input.targets[0], input.targets[1]]; // plan, response, resolve
    expect(parseContract(input).targets.map((t) => t.id)).toEqual(["response", "resolve", "plan"]);
    expect(contract.targets.map((t) => t.id)).toEqual(["response", "resolve", "plan"]);
  });

  test("durationFor: per level, '*' for the others, undefined when a level is not subject", () => {
    const [response, resolve] = contract.targets;
    expect(response?.durationFor("major")).toEqual({ kind: "time", ms: 30 * 60_000 });
    expect(response?.durationFor("minor")).toEqual({ kind: "time", ms: 2 * 3_600_000 });
    expect(resolve?.durationFor("minor")).toEqual({ kind: "days", days: 2, weeks: false });
    const input = baseInput();
    input.targets[0].duration = { major: "PT30M" };
    expect(parseContract(input).targets[0]?.durationFor("minor")).toBeUndefined();
  });

  test("start, stop, pause and steps", () => {
    const [response, resolve, plan] = contract.targets;
    expect(response?.start).toEqual({ events: ["opened"] });
    expect(plan?.start).toEqual({ breachOf: "resolve" });
    expect(resolve?.stopEvents).toEqual(["resolved"]);
    expect(resolve?.resetEvents).toEqual([]);
    expect(resolve?.pause).toEqual({
      kind: "events",
      event: "waitingForCustomer",
      resumeEvent: "customerReplied",
    });
    expect(response?.steps).toEqual([
      {
        id: "remind",
        at: { kind: "after", ms: 20 * 60_000 },
        action: "notify",
        to: ["engineer"],
        tier: undefined,
      },
      { id: "up", at: { kind: "percent", percent: 100 }, action: "escalate", to: [], tier: "expert" },
    ]);
    expect(response?.calendar).toBe(contract.calendars.get("hotline"));
    expect(response?.onLevelChange).toBe("recompute");
    expect(response?.phases).toBeUndefined();
  });

  test("pause by statuses, resets, cancels, onLevelChange defaults", () => {
    const input = baseInput();
    input.onLevelChange = "restart";
    input.targets[1].pause = { statuses: ["waiting", "onHold"] };
    input.targets[1].reset = { event: ["customerUpdate"] };
    input.targets[1].cancel = { event: "withdrawn" };
    input.targets[0].onLevelChange = "recompute";
    input.targets[0].phases = ["warranty", "maintenance"];
    const c = parseContract(input);
    expect(c.targets[1]?.pause).toEqual({ kind: "statuses", statuses: ["waiting", "onHold"] });
    expect(c.targets[1]?.resetEvents).toEqual(["customerUpdate"]);
    expect(c.targets[1]?.cancelEvents).toEqual(["withdrawn"]);
    expect(c.targets[1]?.onLevelChange).toBe("restart");
    expect(c.targets[0]?.onLevelChange).toBe("recompute");
    expect(c.targets[0]?.phases).toEqual(["warranty", "maintenance"]);
    expect([...c.eventTypes]).toEqual(expect.arrayContaining(["customerUpdate", "withdrawn"]));
  });

  test("eventTypes: built-ins, the targets' events, and the declared ones", () => {
    const input = baseInput();
    input.eventTypes = ["callback"];
    expect([...parseContract(input).eventTypes].sort()).toEqual(
      [
        ...BUILTIN_EVENT_TYPES,
        "responded",
        "waitingForCustomer",
        "customerReplied",
        "planDelivered",
        "callback",
      ].sort(),
    );
  });

  test("defaults and levels", () => {
    expect(contract.id).toBe("acme-helpdesk");
    expect(contract.timezone).toBe("Asia/Shanghai");
    expect(contract.defaultLevel).toBe("minor");
    expect(contract.levels.map((l) => l.id)).toEqual(["major", "minor"]);
  });
});

describe("input handling", () => {
  test("getters run once: the input is copied before it is checked", () => {
    let reads = 0;
    const input = baseInput();
    Object.defineProperty(input, "name", {
      enumerable: true,
      get: () => {
        reads++;
        return reads === 1 ? "first" : 42;
      },
    });
    expect(parseContract(input).input.name).toBe("first");
    expect(reads).toBe(1);
  });
  test("-0 in a condition is written as 0; undefined members are dropped", () => {
    const input = baseInput();
    input.levels[0].when.any[1].value = -0;
    input.name = undefined;
    const c = parseContract(input);
    const when = c.input.levels[0]?.when as Mutable;
    expect(Object.is(when.any[1].value, 0)).toBe(true);
    expect("name" in c.input).toBe(false);
  });
  test("safeParseContract's two results", () => {
    const ok = safeParseContract(baseInput());
    expect(ok.success).toBe(true);
    if (ok.success) {
      // Like zod: the contract is `data`; `contract` is its deprecated alias, the very same object.
      expect(ok.data.id).toBe("acme-helpdesk");
      expect(ok.contract).toBe(ok.data);
      expect(ok.data.input).toEqual(baseInput());
      expect(Object.keys(ok).sort()).toEqual(["contract", "data", "success"]);
      expect(Object.isFrozen(ok)).toBe(true);
    }
    const bad = safeParseContract({});
    expect(bad.success).toBe(false);
    expect(bad.data).toBeUndefined();
    expect(Object.keys(bad).sort()).toEqual(["error", "success"]);
    if (!bad.success)
      expect(bad.error.issues.map((i) => i.path)).toEqual([
        "id",
        "timezone",
        "calendars",
        "levels",
        "targets",
      ]);
  });
  test("a calendar with no working time compiles (searches on it fail later, with E_NO_WORKING_TIME)", () => {
    const input = baseInput();
    input.calendars.office = { timezone: "Asia/Shanghai", week: {} };
    expect(safeParseContract(input).success).toBe(true);
  });
  test("a condition 16 levels deep and a rule with many parts are accepted", () => {
    const input = baseInput();
    input.inspections[0].rrule = "FREQ=YEARLY;INTERVAL=2;BYMONTH=1,7;BYDAY=1MO,-1FR;BYSETPOS=1,-1;WKST=SU";
    expect(safeParseContract(input).success).toBe(true);
  });
});

describe('a top-level "$schema" (a pointer to the JSON Schema, for editors)', () => {
  const withSchema = (value: unknown): Mutable => ({ $schema: value, ...baseInput() });

  test.each([
    "https://unpkg.com/slakit/dist/schema.json",
    "./node_modules/slakit/dist/schema.json",
    "../schema.json",
    "",
  ])("%j is accepted and dropped: contract.input is the input without it", (ref) => {
    const contract = parseContract(withSchema(ref));
    expect(contract.input).toEqual(baseInput());
    expect("$schema" in contract.input).toBe(false);
  });

  test("does not change the report's contract fingerprint", () => {
    const options = { period: { month: "2025-10" }, now: "2025-11-01T00:00:00+08:00" } as const;
    const plain = buildReport(parseContract(baseInput()), [], options);
    const pointed = buildReport(
      parseContract(withSchema("https://unpkg.com/slakit/dist/schema.json")),
      [],
      options,
    );
    expect(pointed.contract.fingerprint).toBe(plain.contract.fingerprint);
  });

  test("a JSON round trip of the input of a contract that had one parses to an equal input", () => {
    const first = parseContract(withSchema("./schema.json"));
    expect(parseContract(JSON.parse(JSON.stringify(first.input))).input).toEqual(first.input);
  });

  test("must be a string of at most 2048 characters", () => {
    const notText = safeParseContract(withSchema(42));
    expect(notText.success).toBe(false);
    if (!notText.success)
      expect(notText.error.issues).toEqual([
        {
          code: "E_TYPE",
          path: "$schema",
          pathSegments: ["$schema"], // one top-level key
          message: "Expected the URL or path of a JSON Schema (a string), received 42",
        },
      ]);
    const tooLong = safeParseContract(withSchema(`https://example.com/${"a".repeat(2029)}`)); // 20 + 2029 = 2049
    expect(tooLong.success).toBe(false);
    if (!tooLong.success)
      expect(tooLong.error.issues).toEqual([
        {
          code: "E_LIMIT",
          path: "$schema",
          pathSegments: ["$schema"], // one top-level key
          message: "Text of 2049 characters is longer than 2048; expected the URL or path of a JSON Schema",
        },
      ]);
    expect(safeParseContract(withSchema(`https://example.com/${"a".repeat(2028)}`)).success).toBe(true);
  });

  test("is reported with the contract's other issues", () => {
    const input = withSchema(["schema.json"]);
    delete input.timezone;
    const result = safeParseContract(input);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.error.issues.map((i) => [i.code, i.path])).toEqual([
        ["E_TYPE", "$schema"],
        ["E_MISSING", "timezone"],
      ]);
  });

  test("is allowed only at the top: anywhere else it is an unknown field", () => {
    const input = baseInput();
    input.calendars.office.$schema = "./schema.json";
    const result = safeParseContract(input);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.error.issues.map((i) => [i.code, i.path])).toEqual([
        ["E_UNKNOWN_KEY", "calendars.office.$schema"],
      ]);
  });

  test('a misspelt "$schema" is an unknown field, with a suggestion', () => {
    const input: Mutable = { $shema: "./schema.json", ...baseInput() };
    const result = safeParseContract(input);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.error.issues[0]?.message).toBe('Unknown field "$shema": did you mean "$schema"?');
  });
});
