// The semantic pass (`compileContract`, src/contracts/compile/) and what it leaves in the compiled contract:
// its own messages (pinned here on the pass itself, since the schema may report first at the same path), the one
// duplicate check, and the per-level durations, level positions and phase sets that escalation and reporting read.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { SlaError } from "../../src/calendar/index.js";
import { RawNode } from "../../src/contracts/compile/raw.js";
import { compileContract } from "../../src/contracts/compile.js";
import { issueFromError, messageWithoutPath } from "../../src/contracts/errors.js";
import { parseContract } from "../../src/contracts/index.js";
import { compiledOf } from "../../src/contracts/kernel.js";
import { baseInput, type Mutable } from "./fixtures.js";

const MINUTE = 60_000;

const mutated = (fn: (c: Mutable) => void): Mutable => {
  const c = baseInput();
  fn(c);
  return c;
};

const issuesOf = (input: unknown) => compileContract(input).issues;

describe("inspection times: 00:00 to 23:59:59, never 24:00", () => {
  const message = (time: string) =>
    `Expected a time of day "HH:MM" or "HH:MM:SS" (00:00–23:59), received ${JSON.stringify(time)}`;
  test.each(["24:00", "24:00:00", "24:30", "9:00", "12:60", "noon"])("%j is refused", (time) => {
    const issues = issuesOf(
      mutated((c) => {
        c.inspections[0].time = time;
      }),
    );
    expect(issues).toEqual([{ code: "E_TIME_SYNTAX", path: "inspections[0].time", message: message(time) }]);
  });
  test.each([
    ["00:00", 0],
    ["09:30", 9 * 3600 + 30 * 60], // 32 400 + 1 800
    ["23:59:59", 23 * 3600 + 59 * 60 + 59], // 82 800 + 3 540 + 59 = 86 399
  ])("%j is %i s after midnight", (time, seconds) => {
    const contract = parseContract(
      mutated((c) => {
        c.inspections[0].time = time;
      }),
    );
    expect(compiledOf(contract).inspections[0]).toMatchObject({ kind: "recurring", timeSeconds: seconds });
  });
});

describe("duplicates: each later use names the first", () => {
  test("three phases of one name", () => {
    const issues = issuesOf(
      mutated((c) => {
        c.term.phases = [1, 2, 3].map(() => ({ name: "care", kind: "postWarranty", length: "P1Y" }));
      }),
    );
    expect(issues).toEqual([
      {
        code: "E_CONTRACT",
        path: "term.phases[1].name",
        message: 'Duplicate phase name "care" (first at term.phases[0].name)',
      },
      {
        code: "E_CONTRACT",
        path: "term.phases[2].name",
        message: 'Duplicate phase name "care" (first at term.phases[0].name)',
      },
    ]);
  });
  test("a tier list with a value that is no string: the paths are those of the list", () => {
    const issues = issuesOf(
      mutated((c) => {
        c.tiers = [7, "desk", "engineer", "desk", "expert"];
      }),
    );
    expect(issues).toEqual([
      { code: "E_CONTRACT", path: "tiers[3]", message: 'Duplicate tier id "desk" (first at tiers[1])' },
    ]);
  });
  test("step ids are per target, target ids per contract", () => {
    const issues = issuesOf(
      mutated((c) => {
        c.targets[2].id = "response";
        c.targets[2].escalations = [{ id: "remind", at: { after: "PT1H" }, action: "notify" }];
      }),
    );
    expect(issues).toEqual([
      {
        code: "E_CONTRACT",
        path: "targets[2].id",
        message: 'Duplicate target id "response" (first at targets[0].id)',
      },
    ]);
  });
});

describe("references name what they refer to", () => {
  test("a tier when the contract lists none, a phase when it has no term", () => {
    const issues = issuesOf(
      mutated((c) => {
        delete c.tiers;
        delete c.term;
        c.targets[0].phases = ["warranty", "care"];
      }),
    );
    expect(issues).toEqual([
      {
        code: "E_REF_UNKNOWN",
        path: "targets[0].phases[1]",
        message: 'Unknown phase "care": the contract has no term',
      },
      {
        code: "E_REF_UNKNOWN",
        path: "targets[0].escalations[1].tier",
        message: 'Unknown tier "expert": the contract lists no tiers',
      },
    ]);
  });
  test("a level key of a duration map, with a suggestion", () => {
    expect(
      issuesOf(
        mutated((c) => {
          c.targets[0].duration = { majr: "PT30M" };
        }),
      ),
    ).toEqual([
      {
        code: "E_REF_UNKNOWN",
        path: "targets[0].duration.majr",
        message: 'Unknown fault level "majr": did you mean "major"?',
      },
    ]);
  });
});

describe("an SlaError as an issue", () => {
  test("the message loses the path line the error appends, and only that", () => {
    const error = new SlaError("E_DURATION", "Expected a duration → at most 1 year", "targets[0].duration");
    expect(error.message).toBe("Expected a duration → at most 1 year\n  → at targets[0].duration");
    expect(messageWithoutPath(error)).toBe("Expected a duration → at most 1 year");
    expect(issueFromError(error)).toEqual({
      code: "E_DURATION",
      path: "targets[0].duration",
      message: "Expected a duration → at most 1 year",
    });
  });
  test("an error without a path keeps its message", () => {
    expect(messageWithoutPath(new SlaError("E_TYPE", "Expected an object"))).toBe("Expected an object");
  });
});

describe("the raw reader", () => {
  test("fields of what is not a plain object are absent; inherited fields are never read", () => {
    const inherited = Object.create({ id: "inherited" }) as object;
    const root = new RawNode({ a: [1, "x", { id: "y" }], b: "text", c: inherited }, "");
    expect(root.field("b").field("length").present).toBe(false);
    expect(root.field("a").field("0").present).toBe(false);
    expect(root.field("c").isObject).toBe(false);
    expect(new RawNode({ __proto__: null, id: "own" }, "").field("id").text).toBe("own");
    expect(
      root
        .field("a")
        .items()
        .map((n) => n.path),
    ).toEqual(["a[0]", "a[1]", "a[2]"]);
    expect(
      root
        .field("a")
        .objects()
        .map((n) => [n.path, n.field("id").text]),
    ).toEqual([["a[2]", "y"]]);
    expect(root.field("a").texts()).toEqual(["x"]);
    expect(root.field("b").names()).toEqual(["text"]);
    expect(root.field("missing").items()).toEqual([]);
  });
});

describe("what the compiled contract carries for escalation and reporting", () => {
  test("the base contract: durations by level, level positions, phase sets", () => {
    const contract = parseContract(
      mutated((c) => {
        c.targets[2].duration = { major: "PT1H" };
        c.targets[1].phases = ["warranty", "maintenance"];
      }),
    );
    const compiled = compiledOf(contract);
    expect([...compiled.levelIndex]).toEqual([
      ["major", 0],
      ["minor", 1],
    ]);
    const [response, resolve, plan] = compiled.targets;
    // response: { major: "PT30M", "*": "PT2H" }: major 30 min = 1 800 000 ms, minor by "*" 2 h = 7 200 000 ms.
    expect([...(response?.durationByLevel ?? [])]).toEqual([
      ["major", { kind: "time", ms: 30 * MINUTE }],
      ["minor", { kind: "time", ms: 120 * MINUTE }],
    ]);
    expect([...(resolve?.durationByLevel ?? [])]).toEqual([
      ["major", { kind: "days", days: 2, weeks: false }],
      ["minor", { kind: "days", days: 2, weeks: false }],
    ]);
    // plan: only "major" has a duration, so "minor" is not subject to it.
    expect([...(plan?.durationByLevel ?? [])]).toEqual([["major", { kind: "time", ms: 60 * MINUTE }]]);
    expect(response?.appliesInPhases).toBeUndefined();
    expect([...(resolve?.appliesInPhases ?? [])]).toEqual(["warranty", "maintenance"]);
  });

  const levelIds = ["l0", "l1", "l2", "l3", "l4"];
  const perLevel = fc.record({
    levels: fc.subarray(levelIds, { minLength: 1 }),
    minutes: fc.dictionary(fc.constantFrom(...levelIds, "*"), fc.integer({ min: 1, max: 10_000 }), {
      minKeys: 1,
    }),
  });
  test.prop([perLevel], { seed: 20_260_110, numRuns: 200 })(
    "a level's duration is its own, else the '*' one, else none; levels keep their positions",
    ({ levels, minutes }) => {
      const own = Object.fromEntries(
        Object.entries(minutes).filter(([k]) => k === "*" || levels.includes(k)),
      );
      fc.pre(Object.keys(own).length > 0); // an empty duration map is invalid
      const input = mutated((c) => {
        c.levels = levels.map((id) => ({ id }));
        c.defaultLevel = levels[0];
        c.kpis = [];
        const duration = Object.fromEntries(Object.entries(own).map(([k, m]) => [k, `PT${m}M`]));
        c.targets = [{ ...c.targets[0], escalations: [], duration }];
      });
      const compiled = compiledOf(parseContract(input));
      const subject = levels.filter((level) => (own[level] ?? own["*"]) !== undefined);
      levels.forEach((level, i) => {
        expect(compiled.levelIndex.get(level)).toBe(i);
        const m = own[level] ?? own["*"];
        expect(compiled.targets[0]?.durationByLevel.get(level)).toEqual(
          m === undefined ? undefined : { kind: "time", ms: m * MINUTE },
        );
      });
      expect(compiled.targets[0]?.durationByLevel.size).toBe(subject.length);
    },
  );
});
