// classifyTicket against a hand-written table of facts for the seed 002 levels, and its typing rules.
import { describe, expect, test } from "vitest";
import { classifyTicket, parseContract } from "../../src/contracts/index.js";
import { baseInput, example, type Mutable } from "./fixtures.js";

const seed002 = example("seed-002-network-levels");

describe("seed 002: three fault levels", () => {
  // level 1: system down or service interrupted, basic function lost; other business interrupted 10 minutes or
  // more ("10分钟以上" includes 10); critical data lost. level 2: service directly affected, capacity partly
  // lost, risk of collapse. level 3: function or performance affected, critical business not; also the default.
  const table: [Mutable, string][] = [
    [{ systemDown: true }, "level1"],
    [{ serviceInterrupted: true }, "level1"],
    [{ basicFunctionLost: true }, "level1"],
    [{ otherBusinessOutageMinutes: 10 }, "level1"],
    [{ otherBusinessOutageMinutes: 45 }, "level1"],
    [{ otherBusinessOutageMinutes: 9.5 }, "level3"],
    [{ otherBusinessOutageMinutes: 0 }, "level3"],
    [{ criticalDataLost: true }, "level1"],
    [{ serviceAffected: true }, "level2"],
    [{ capacityPartlyLost: true }, "level2"],
    [{ riskOfCollapse: true }, "level2"],
    [{ riskOfCollapse: true, criticalDataLost: true }, "level1"],
    [{ serviceAffected: true, otherBusinessOutageMinutes: 3 }, "level2"],
    [{ functionAffected: true }, "level3"],
    [{ performanceAffected: true, criticalBusinessAffected: false }, "level3"],
    [{ functionAffected: true, criticalBusinessAffected: true }, "level3"],
    [{ systemDown: false, serviceAffected: false, riskOfCollapse: false }, "level3"],
    [{}, "level3"],
    [{ systemDown: undefined }, "level3"],
  ];
  test.each(table)("%j → %s", async (facts, level) => {
    await expect(classifyTicket(seed002, facts)).resolves.toBe(level);
  });
});

describe("facts are typed: no coercion", () => {
  test.each([
    [{ otherBusinessOutageMinutes: "45" }, "facts.otherBusinessOutageMinutes"],
    [{ otherBusinessOutageMinutes: Number.POSITIVE_INFINITY }, "facts.otherBusinessOutageMinutes"],
    [{ otherBusinessOutageMinutes: Number.NaN }, "facts.otherBusinessOutageMinutes"],
    [{ otherBusinessOutageMinutes: null }, "facts.otherBusinessOutageMinutes"],
    [{ systemDown: "true" }, "facts.systemDown"],
    [{ systemDown: 1 }, "facts.systemDown"],
    [{ systemDown: [true] }, "facts.systemDown"],
  ])("%j", async (facts, path) => {
    await expect(classifyTicket(seed002, facts as Mutable)).rejects.toMatchObject({ code: "E_TYPE", path });
  });
  test("the message names the fact, the type and the condition", async () => {
    await expect(classifyTicket(seed002, { otherBusinessOutageMinutes: "45" } as Mutable)).rejects.toThrow(
      'Fact "otherBusinessOutageMinutes" must be a number (compared with greaterThanInclusive at levels[0].when.any[3]), received "45"',
    );
  });
  test("an unknown (misspelt) fact", async () => {
    await expect(classifyTicket(seed002, { sytemDown: true })).rejects.toMatchObject({
      code: "E_REF_UNKNOWN",
      path: "facts.sytemDown",
    });
    await expect(classifyTicket(seed002, { sytemDown: true })).rejects.toThrow('did you mean "systemDown"?');
    await expect(classifyTicket(seed002, JSON.parse('{"__proto__": true}'))).rejects.toMatchObject({
      code: "E_REF_UNKNOWN",
    });
  });
  test.each([null, [], "systemDown", 1])("facts %j", async (facts) => {
    await expect(classifyTicket(seed002, facts as Mutable)).rejects.toMatchObject({
      code: "E_TYPE",
      path: "facts",
    });
  });
  test("too many facts", async () => {
    const facts = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`f${i}`, true]));
    await expect(classifyTicket(seed002, facts)).rejects.toMatchObject({ code: "E_LIMIT", path: "facts" });
  });
  test("not a contract", async () => {
    await expect(classifyTicket({ id: "x" } as Mutable, {})).rejects.toMatchObject({
      code: "E_TYPE",
      path: "contract",
    });
  });
});

describe("levels, defaults and operators", () => {
  const seed003 = example("seed-003-it-support");
  test("seed 003: an unclassified general request matches no level and the contract has no default", async () => {
    await expect(classifyTicket(seed003, { urgent: true })).resolves.toBe("emergency");
    await expect(classifyTicket(seed003, { category: "network" })).resolves.toBe("general");
    await expect(classifyTicket(seed003, { urgent: false, category: "hardware" })).resolves.toBe("general");
    await expect(classifyTicket(seed003, { category: "printer" })).rejects.toMatchObject({
      code: "E_LEVEL",
      path: "facts",
    });
  });

  const ops = (() => {
    const input = baseInput();
    input.levels = [
      { id: "bare", when: { fact: "n", operator: "lessThan", value: 0 } },
      { id: "inList", when: { fact: "region", operator: "in", value: ["north", "south"] } },
      {
        id: "notInList",
        when: {
          all: [
            { fact: "region", operator: "notIn", value: ["north", "south"] },
            { fact: "n", operator: "greaterThanInclusive", value: 100 },
          ],
        },
      },
      { id: "tagged", when: { fact: "tags", operator: "contains", value: "vip" } },
      {
        id: "untagged",
        when: {
          all: [
            { fact: "tags", operator: "doesNotContain", value: "vip" },
            { fact: "n", operator: "lessThanInclusive", value: 5 },
          ],
        },
      },
      { id: "different", when: { fact: "region", operator: "notEqual", value: "east" } },
      { id: "other" },
    ];
    input.defaultLevel = "other";
    input.targets[0].duration = "PT1H";
    input.kpis = [];
    return parseContract(input);
  })();
  test.each([
    [{ n: -1 }, "bare"],
    [{ n: 0 }, "other"],
    [{ region: "south" }, "inList"],
    [{ region: "west", n: 100 }, "notInList"],
    [{ region: "west", n: 99 }, "different"],
    [{ tags: ["a", "vip"] }, "tagged"],
    [{ tags: [], n: 5 }, "untagged"],
    [{ tags: [] }, "other"],
    [{ region: "east" }, "other"],
    // A missing fact makes every comparison on it false, negative operators included.
    [{ n: 200 }, "other"],
  ])("%j → %s", async (facts, level) => {
    await expect(classifyTicket(ops, facts as Mutable)).resolves.toBe(level);
  });
  test("a list fact must hold values of its type", async () => {
    await expect(classifyTicket(ops, { tags: ["vip", 1] } as Mutable)).rejects.toMatchObject({
      code: "E_TYPE",
      path: "facts.tags",
    });
    await expect(classifyTicket(ops, { tags: "vip" } as Mutable)).rejects.toMatchObject({
      code: "E_TYPE",
      path: "facts.tags",
    });
  });
  test("many classifications at once agree with one at a time (one engine per contract)", async () => {
    const facts = Array.from({ length: 200 }, (_, i) => ({ otherBusinessOutageMinutes: i % 20 }));
    const all = await Promise.all(facts.map((f) => classifyTicket(seed002, f)));
    expect(all).toEqual(facts.map((f) => (f.otherBusinessOutageMinutes >= 10 ? "level1" : "level3")));
  });
  test("the contract is not changed by classification", async () => {
    const before = JSON.stringify(seed002.input);
    await classifyTicket(seed002, { systemDown: true });
    expect(JSON.stringify(seed002.input)).toBe(before);
  });
});
