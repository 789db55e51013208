// The hostile contract inputs of research/anchors-reliability.md §3.1, each asserted by code AND path, each
// rejected in under 50 ms (measured after one warm-up parse, which builds the schemas).
import { beforeAll, describe, expect, test } from "vitest";
import { ContractValidationError, parseContract, safeParseContract } from "../../src/contracts/index.js";
import { baseInput, expectIssue, type Mutable } from "./fixtures.js";

beforeAll(() => {
  parseContract(baseInput());
  safeParseContract({});
});

const mutated = (fn: (c: Mutable) => void): Mutable => {
  const c = baseInput();
  fn(c);
  return c;
};

test("the base contract is valid", () => {
  expect(safeParseContract(baseInput()).success).toBe(true);
});

describe("H1–H2: zones", () => {
  test.each(["Europe/Lodnon", "Mars/Olympus", "+05:30", "UTC+3", "america/new_york", ""])(
    "calendar zone %j",
    (zone) => {
      expectIssue(
        mutated((c) => {
          c.calendars.office.timezone = zone;
        }),
        "E_TZ_UNKNOWN",
        "calendars.office.timezone",
      );
    },
  );
  test("the contract's own zone", () => {
    const issues = expectIssue(
      mutated((c) => {
        c.timezone = "Europe/Lodnon";
      }),
      "E_TZ_UNKNOWN",
      "timezone",
    );
    expect(issues[0]?.message).toBe('Unknown IANA time zone "Europe/Lodnon": did you mean "Europe/London"?');
  });
  test("a zone that is not a string is a type error", () => {
    expectIssue(
      mutated((c) => {
        c.timezone = 8;
      }),
      "E_TYPE",
      "timezone",
    );
  });
});

describe("H3–H6: working hours", () => {
  test("H3 end before start without the overnight flag", () => {
    expectIssue(
      mutated((c) => {
        c.calendars.office.week.mon = [["17:00", "09:00"]];
      }),
      "E_INTERVAL_ORDER",
      "calendars.office.week.mon[0]",
    );
  });
  test("H4 zero-length interval", () => {
    expectIssue(
      mutated((c) => {
        c.calendars.office.week.mon = [["09:00", "09:00"]];
      }),
      "E_INTERVAL_EMPTY",
      "calendars.office.week.mon[0]",
    );
  });
  test("H5 overlapping intervals", () => {
    expectIssue(
      mutated((c) => {
        c.calendars.office.week.mon = [
          ["09:00", "12:00"],
          ["11:00", "13:00"],
        ];
      }),
      "E_INTERVAL_OVERLAP",
      "calendars.office.week.mon[1]",
    );
  });
  test.each(["24:00", "24:01", "25:00", "9:00", "09:60", "09:00:00.5", " 09:00", "０９:００", "٠٩:٠٠"])(
    "H6 start time %j",
    (time) => {
      expectIssue(
        mutated((c) => {
          c.calendars.office.week.mon = [[time, "18:00"]];
        }),
        "E_TIME_SYNTAX",
        "calendars.office.week.mon[0][0]",
      );
    },
  );
  test("a calendar's unknown field", () => {
    expectIssue(
      mutated((c) => {
        c.calendars.office.weeek = {};
      }),
      "E_UNKNOWN_KEY",
      "calendars.office.weeek",
    );
  });
});

describe("H8: impossible dates", () => {
  test.each(["2023-02-29", "2024-04-31", "2024-1-1"])("holiday %j", (date) => {
    expectIssue(
      mutated((c) => {
        c.calendars.office.holidays = [date];
      }),
      "E_DATE_SYNTAX",
      "calendars.office.holidays[0]",
    );
  });
  test("term start date", () => {
    expectIssue(
      mutated((c) => {
        c.term.startDate = "2023-02-29";
      }),
      "E_DATE_SYNTAX",
      "term.startDate",
    );
  });
  test("inspection start and named dates", () => {
    expectIssue(
      mutated((c) => {
        c.inspections[0].start = "2024-04-31";
      }),
      "E_DATE_SYNTAX",
      "inspections[0].start",
    );
    expectIssue(
      mutated((c) => {
        c.inspections[2].dates = ["2025-13-01"];
      }),
      "E_DATE_SYNTAX",
      "inspections[2].dates[0]",
    );
  });
});

describe("H11–H12: targets and durations", () => {
  test.each([-1, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e308, 2 ** 53 + 1, 4.5, "240", true, null, [1]])(
    "duration %j",
    (value) => {
      expectIssue(
        mutated((c) => {
          c.targets[1].duration = value;
        }),
        "E_DURATION",
        "targets[1].duration",
      );
    },
  );
  test.each(
    [
      "PT",
      "P",
      "PT-4H",
      "PT4.5H",
      "P1Y",
      "pt4h",
      "PT4H ",
      "PT99999999999H",
      "P1DT2H",
      `PT${"0".repeat(100_000)}1H`,
    ].map((v) => [v.slice(0, 20), v]),
  )("duration string %j", (_label, value) => {
    expectIssue(
      mutated((c) => {
        c.targets[1].duration = value;
      }),
      "E_DURATION",
      "targets[1].duration",
    );
  });
  test("an empty duration map", () => {
    expectIssue(
      mutated((c) => {
        c.targets[1].duration = {};
      }),
      "E_MISSING",
      "targets[1].duration",
    );
  });
  test("a duration per level", () => {
    expectIssue(
      mutated((c) => {
        c.targets[0].duration.major = "30";
      }),
      "E_DURATION",
      "targets[0].duration.major",
    );
  });
  test("an escalation time in business days", () => {
    expectIssue(
      mutated((c) => {
        c.targets[0].escalations[0].at = { after: "P1D" };
      }),
      "E_DURATION",
      "targets[0].escalations[0].at.after",
    );
  });
  test("a percentage out of range", () => {
    expectIssue(
      mutated((c) => {
        c.targets[0].escalations[1].at = { percent: 1001 };
      }),
      "E_TYPE",
      "targets[0].escalations[1].at.percent",
    );
  });
  test("a phase length that is not years and months", () => {
    expectIssue(
      mutated((c) => {
        c.term.phases[0].length = "P5D";
      }),
      "E_DURATION",
      "term.phases[0].length",
    );
    expectIssue(
      mutated((c) => {
        c.term.phases[0].length = "P0Y";
      }),
      "E_DURATION",
      "term.phases[0].length",
    );
  });
});

describe("H13: huge sizes are refused before parsing", () => {
  test("a million holidays", () => {
    const holidays = Array.from({ length: 1_000_000 }, () => "2025-10-01");
    const issues = expectIssue(
      mutated((c) => {
        c.calendars.office.holidays = holidays;
      }),
      "E_LIMIT",
      "",
    );
    expect(issues).toHaveLength(1);
  });
  test("100,000 intervals in a day", () => {
    const day = Array.from({ length: 100_000 }, () => ["09:00", "10:00"]);
    expectIssue(
      mutated((c) => {
        c.calendars.office.week.mon = day;
      }),
      "E_LIMIT",
      "",
    );
  });
  test("a 10 MB contract, with other problems the schema never sees", () => {
    const issues = expectIssue(
      mutated((c) => {
        c.name = "x".repeat(10_000_000);
        c.timezone = "Mars/Olympus";
      }),
      "E_LIMIT",
      "",
    );
    expect(issues).toEqual([
      {
        code: "E_LIMIT",
        path: "",
        message: "Contract is larger than 1000000 characters of JSON; refused before parsing",
        pathSegments: [],
      },
    ]);
  });
  test("the size is measured without serialising: a shared subtree counts every time", () => {
    const shared = {
      timezone: "Asia/Shanghai",
      week: "24x7",
      holidays: Array.from({ length: 5000 }, () => "2025-10-01"),
    };
    const calendars = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`c${i}`, shared]));
    expectIssue(
      mutated((c) => {
        c.calendars = calendars;
      }),
      "E_LIMIT",
      "",
    );
  });
  test("nesting deeper than 64 levels", () => {
    let deep: Mutable = "x";
    for (let i = 0; i < 100; i++) deep = [deep];
    expectIssue(
      mutated((c) => {
        c.eventTypes = deep;
      }),
      "E_LIMIT",
      "eventTypes[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]",
    );
  });
  test("more than 48 intervals in a day (a calendar limit)", () => {
    const day = Array.from({ length: 49 }, (_, i) => [
      `${String(i % 24).padStart(2, "0")}:00`,
      `${String(i % 24).padStart(2, "0")}:30`,
    ]);
    expectIssue(
      mutated((c) => {
        c.calendars.office.week.mon = day;
      }),
      "E_LIMIT",
      "calendars.office.week.mon",
    );
  });
});

describe("H14–H16: recurrence rules", () => {
  test.each([
    ["FREQ=FORTNIGHTLY", "E_RRULE_INVALID"],
    ["hello world", "E_RRULE_INVALID"],
    ["FREQ=DAILY;BYHOUR=25", "E_RRULE_INVALID"],
    ["BYMONTHDAY=30;BYMONTH=2", "E_RRULE_INVALID"],
    ["FREQ=YEARLY;BYMONTHDAY=30;BYMONTH=2", "E_RRULE_EMPTY"],
    ["FREQ=DAILY;COUNT=-1", "E_RRULE_INVALID"],
    ["FREQ=DAILY;INTERVAL=0", "E_RRULE_INVALID"],
    ["FREQ=DAILY;TZID=Mars/Olympus", "E_RRULE_INVALID"],
    ["DTSTART:20250101T090000Z", "E_RRULE_INVALID"],
    ["RRULE:FREQ=DAILY", "E_RRULE_INVALID"],
    ["FREQ=DAILY;WHEN=NOW", "E_RRULE_INVALID"],
    ["FREQ=DAILY;COUNT=3;UNTIL=20250201", "E_RRULE_INVALID"],
    ["FREQ=DAILY;UNTIL=20250101T000000Z", "E_RRULE_INVALID"],
    ["FREQ=DAILY;UNTIL=20241231", "E_RRULE_EMPTY"],
    ["FREQ=WEEKLY;BYDAY=2MO", "E_RRULE_INVALID"],
    ["FREQ=MONTHLY;BYDAY=6MO", "E_RRULE_INVALID"],
    ["FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6", "E_RRULE_EMPTY"],
    ["FREQ=MONTHLY;INTERVAL=12;BYMONTH=2", "E_RRULE_EMPTY"],
    ["FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29", "E_RRULE_EMPTY"],
    ["FREQ=SECONDLY", "E_RRULE_INVALID"],
    ["FREQ=HOURLY;INTERVAL=2;BYHOUR=1", "E_RRULE_INVALID"],
    ["FREQ=DAILY;INTERVAL=7;BYDAY=MO", "E_RRULE_EMPTY"],
    ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "E_RRULE_EMPTY"],
    ["FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=1", "E_RRULE_INVALID"],
    ["FREQ=DAILY;;", "E_RRULE_INVALID"],
    ["", "E_RRULE_INVALID"],
  ])("%j → %s", (rrule, code) => {
    // 2025-01-01 is a Wednesday: a 7-day lattice from it never meets a Monday.
    expectIssue(
      mutated((c) => {
        c.inspections[0].rrule = rrule;
      }),
      code,
      "inspections[0].rrule",
    );
  });
  test("H16 an RRULE with 50 KB of white space is capped before rrule sees it", () => {
    expectIssue(
      mutated((c) => {
        c.inspections[0].rrule = `FREQ=DAILY${" ".repeat(50_000)}x`;
      }),
      "E_LIMIT",
      "inspections[0].rrule",
    );
  });
  test("the message names the part", () => {
    const issues = expectIssue(
      mutated((c) => {
        c.inspections[0].rrule = "FREQ=DAILY;BYHOUR=25";
      }),
      "E_RRULE_INVALID",
      "inspections[0].rrule",
    );
    expect(issues[0]?.message).toMatchInlineSnapshot(
      `"BYHOUR=25 ("25" is not an hour, 0–23): BYHOUR is not supported; an inspection takes its time of day from the field "time""`,
    );
  });
  test("an inspection time of 24:00", () => {
    expectIssue(
      mutated((c) => {
        c.inspections[0].time = "24:00";
      }),
      "E_TIME_SYNTAX",
      "inspections[0].time",
    );
  });
});

describe("H17: prototype-pollution keys neither pollute nor vanish", () => {
  const cases: [string, string, string][] = [
    ["top level", '{"__proto__": {"polluted": "yes"}}', "__proto__"],
    [
      "a holiday map",
      '{"calendars": {"office": {"overrides": {"__proto__": {"polluted": "yes"}}}}}',
      "calendars.office.overrides.__proto__",
    ],
    ["a duration map", '{"targets": [{"duration": {"__proto__": "PT1H"}}]}', "targets[0].duration.__proto__"],
    [
      "calendars",
      '{"calendars": {"constructor": {"timezone": "Asia/Shanghai", "week": "24x7"}}}',
      "calendars.constructor",
    ],
    ["a level", '{"levels": [{"prototype": {"polluted": "yes"}}]}', "levels[0].prototype"],
  ];
  test.each(cases)("in %s", (_label, patch, path) => {
    const input = baseInput();
    const merged = mergeJson(input, JSON.parse(patch));
    const issues = expectIssue(merged, "E_UNKNOWN_KEY", path);
    expect(issues.find((i) => i.path === path)?.message).toContain("is not allowed anywhere in a contract");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
  test("a contract's objects keep Object.prototype", () => {
    const contract = parseContract(baseInput());
    expect(Object.getPrototypeOf(contract.input)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(contract.input.calendars)).toBe(Object.prototype);
  });
});

/** Deep-merges parsed JSON without ever assigning through `__proto__` (keys are defined as own properties). */
function mergeJson(base: Mutable, patch: Mutable): Mutable {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) return patch;
  const out: Mutable = Array.isArray(base) ? [...base] : { ...base };
  for (const key of Object.keys(patch)) {
    const merged = mergeJson(base?.[key === "__proto__" ? "" : key], patch[key]);
    Object.defineProperty(out, key, { value: merged, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

describe("H18: conditions", () => {
  const nest = (depth: number): Mutable => {
    let c: Mutable = { fact: "systemDown", operator: "equal", value: true };
    for (let i = 1; i < depth; i++) c = { not: c };
    return c;
  };
  const at17 = `levels[0].when${".not".repeat(16)}`;
  test("nested 5000 deep: refused before parsing", () => {
    expectIssue(
      mutated((c) => {
        c.levels[0].when = nest(5000);
      }),
      "E_CONDITION_DEPTH",
      at17,
    );
  });
  test("nested 17 deep", () => {
    expectIssue(
      mutated((c) => {
        c.levels[0].when = nest(17);
      }),
      "E_CONDITION_DEPTH",
      at17,
    );
  });
  test("nested 16 deep is accepted", () => {
    expect(
      safeParseContract(
        mutated((c) => {
          c.levels[0].when = nest(16);
        }),
      ).success,
    ).toBe(true);
  });
  test("a cyclic condition", () => {
    const cyclic: Mutable = { any: [] };
    cyclic.any.push(cyclic);
    expectIssue(
      mutated((c) => {
        c.levels[0].when = cyclic;
      }),
      "E_TYPE",
      "levels[0].when.any[0]",
    );
  });
  test("more than 1000 nodes", () => {
    const any = Array.from({ length: 100 }, () => ({
      any: Array.from({ length: 11 }, () => ({ fact: "a", operator: "equal", value: 1 })),
    }));
    expectIssue(
      mutated((c) => {
        c.levels[0].when = { any };
      }),
      "E_LIMIT",
      "levels[0].when",
    );
  });
  test("an unknown operator, found at parse time", () => {
    const issues = expectIssue(
      mutated((c) => {
        c.levels[0].when = { fact: "systemDown", operator: "eqaul", value: true };
      }),
      "E_CONDITION",
      "levels[0].when.operator",
    );
    expect(issues[0]?.message).toContain('did you mean "equal"?');
  });
  test.each(["path", "params", "condition", "priority"])("json-rules-engine's %j", (key) => {
    expectIssue(
      mutated((c) => {
        c.levels[0].when = { fact: "systemDown", operator: "equal", value: true, [key]: "$.x" };
      }),
      "E_CONDITION",
      `levels[0].when.${key}`,
    );
  });
  test("a number compared as a string", () => {
    expectIssue(
      mutated((c) => {
        c.levels[0].when = { fact: "outageMinutes", operator: "greaterThan", value: "10" };
      }),
      "E_CONDITION",
      "levels[0].when.value",
    );
  });
  test("one fact compared as two types", () => {
    expectIssue(
      mutated((c) => {
        c.levels[0].when = {
          all: [
            { fact: "x", operator: "equal", value: true },
            { fact: "x", operator: "lessThan", value: 3 },
          ],
        };
      }),
      "E_CONDITION",
      "levels[0].when.all[1].fact",
    );
  });
  test("in needs a list of one type", () => {
    expectIssue(
      mutated((c) => {
        c.levels[0].when = { fact: "x", operator: "in", value: ["a", 1] };
      }),
      "E_CONDITION",
      "levels[0].when.value",
    );
    expectIssue(
      mutated((c) => {
        c.levels[0].when = { fact: "x", operator: "in", value: "a" };
      }),
      "E_CONDITION",
      "levels[0].when.value",
    );
  });
  test("an empty all", () => {
    expectIssue(
      mutated((c) => {
        c.levels[0].when = { all: [] };
      }),
      "E_MISSING",
      "levels[0].when.all",
    );
  });
  test("a condition with both all and any", () => {
    expectIssue(
      mutated((c) => {
        c.levels[0].when = { all: [], any: [] };
      }),
      "E_CONDITION",
      "levels[0].when",
    );
  });
});

describe("H19: Unicode in ids and names", () => {
  test.each([
    "a\u0000b",
    "\u202Eevil",
    "a\u200Db",
    "\uD800",
    "e\u0301",
    "é",
    "level 1",
    "1st",
    "constructor",
  ])("id %j", (id) => {
    expectIssue(
      mutated((c) => {
        c.levels[1].id = id;
        c.defaultLevel = undefined;
      }),
      "E_TYPE",
      "levels[1].id",
    );
  });
  test("a lone surrogate in a name", () => {
    expectIssue(
      mutated((c) => {
        c.name = "ACME \uD800";
      }),
      "E_TYPE",
      "name",
    );
  });
  test("a name over 200 characters", () => {
    expectIssue(
      mutated((c) => {
        c.name = "x".repeat(201);
      }),
      "E_LIMIT",
      "name",
    );
  });
});

describe("H20: duplicates", () => {
  test("duplicate JSON keys cannot be seen: JSON.parse keeps the last (parseContract takes parsed values)", () => {
    const contract = parseContract(
      JSON.parse(JSON.stringify(baseInput()).replace('"name":"ACME helpdesk"', '"name":"a","name":"b"')),
    );
    expect(contract.input.name).toBe("b");
  });
  test.each([
    [
      "levels",
      (c: Mutable) => {
        c.levels[1].id = "major";
      },
      "levels[1].id",
    ],
    [
      "targets",
      (c: Mutable) => {
        c.targets[1].id = "response";
      },
      "targets[1].id",
    ],
    [
      "steps",
      (c: Mutable) => {
        c.targets[0].escalations[1].id = "remind";
      },
      "targets[0].escalations[1].id",
    ],
    [
      "inspections",
      (c: Mutable) => {
        c.inspections[1].id = "monthly";
      },
      "inspections[1].id",
    ],
    [
      "kpis",
      (c: Mutable) => {
        c.kpis[1].id = "sat";
      },
      "kpis[1].id",
    ],
    [
      "phases",
      (c: Mutable) => {
        c.term.phases[1].name = "warranty";
      },
      "term.phases[1].name",
    ],
    [
      "tiers",
      (c: Mutable) => {
        c.tiers.push("desk");
      },
      "tiers[3]",
    ],
  ])("duplicate ids in %s", (_label, fn, path) => {
    expectIssue(mutated(fn), "E_CONTRACT", path);
  });
});

describe("H21: references", () => {
  test.each([
    [
      "a target's calendar",
      (c: Mutable) => {
        c.targets[0].calendar = "ofice";
      },
      "targets[0].calendar",
      'did you mean "office"',
    ],
    [
      "a level in a duration map",
      (c: Mutable) => {
        c.targets[0].duration = { majr: "PT1H" };
      },
      "targets[0].duration.majr",
      'did you mean "major"',
    ],
    [
      "the default level",
      (c: Mutable) => {
        c.defaultLevel = "medium";
      },
      "defaultLevel",
      "",
    ],
    [
      "breachOf",
      (c: Mutable) => {
        c.targets[2].start = { breachOf: "reslove" };
      },
      "targets[2].start.breachOf",
      'did you mean "resolve"',
    ],
    [
      "a tier",
      (c: Mutable) => {
        c.targets[0].escalations[1].tier = "vendor";
      },
      "targets[0].escalations[1].tier",
      "",
    ],
    [
      "a phase",
      (c: Mutable) => {
        c.targets[0].phases = ["warranty", "maintenence"];
      },
      "targets[0].phases[1]",
      'did you mean "maintenance"',
    ],
    [
      "an inspection's calendar",
      (c: Mutable) => {
        c.inspections[0].calendar = "desk";
      },
      "inspections[0].calendar",
      "",
    ],
    [
      "a KPI's target",
      (c: Mutable) => {
        c.kpis[1].target = "respond";
      },
      "kpis[1].target",
      'did you mean "response"',
    ],
    [
      "a KPI's level",
      (c: Mutable) => {
        c.kpis[1].level = "critical";
      },
      "kpis[1].level",
      "",
    ],
  ])("%s", (_label, fn, path, hint) => {
    const issues = expectIssue(mutated(fn), "E_REF_UNKNOWN", path);
    expect(issues.find((i) => i.path === path)?.message).toContain(hint);
  });
  test("a phase without a term", () => {
    expectIssue(
      mutated((c) => {
        c.term = undefined;
        c.targets[0].phases = ["warranty2"];
      }),
      "E_REF_UNKNOWN",
      "targets[0].phases[0]",
    );
  });
  test("a breachOf cycle", () => {
    expectIssue(
      mutated((c) => {
        c.targets[1].start = { breachOf: "plan" };
      }),
      "E_CONTRACT",
      "targets[1].start.breachOf",
    );
  });
  test("a target started by its own breach", () => {
    expectIssue(
      mutated((c) => {
        c.targets[1].start = { breachOf: "resolve" };
      }),
      "E_CONTRACT",
      "targets[1].start.breachOf",
    );
  });
  test("an escalate step without a tier", () => {
    expectIssue(
      mutated((c) => {
        c.targets[0].escalations[1].tier = undefined;
      }),
      "E_MISSING",
      "targets[0].escalations[1].tier",
    );
  });
  test("ladder order is free: steps out of order, at the same offset, or after the deadline are accepted", () => {
    const c = mutated((x) => {
      x.targets[0].escalations = [
        { id: "late", at: { after: "PT5H" }, action: "notify" },
        { id: "a", at: { after: "PT10M" }, action: "notify" },
        { id: "b", at: { after: "PT10M" }, action: "reassign" },
        { id: "c", at: { afterDue: "PT1H" }, action: "notify" },
      ];
    });
    expect(safeParseContract(c).success).toBe(true);
  });
});

describe("H22: unknown fields", () => {
  test.each([
    [
      (c: Mutable) => {
        c.targets[0].duratoin = "PT1H";
      },
      "targets[0].duratoin",
      '"duration"',
    ],
    [
      (c: Mutable) => {
        c.kpi = [];
      },
      "kpi",
      '"kpis"',
    ],
    [
      (c: Mutable) => {
        c.levels[0].wen = {};
      },
      "levels[0].wen",
      '"when"',
    ],
    [
      (c: Mutable) => {
        c.term.phases[0].lenght = "P1Y";
      },
      "term.phases[0].lenght",
      '"length"',
    ],
  ])("%#", (fn, path, suggestion) => {
    const issues = expectIssue(mutated(fn), "E_UNKNOWN_KEY", path);
    expect(issues.find((i) => i.path === path)?.message).toContain(`did you mean ${suggestion}?`);
  });
});

describe("H23: type confusion, no coercion", () => {
  test.each([
    [
      (c: Mutable) => {
        c.levels = "major";
      },
      "levels",
    ],
    [
      (c: Mutable) => {
        c.targets[0].stop = "responded";
      },
      "targets[0].stop",
    ],
    [
      (c: Mutable) => {
        c.calendars = [];
      },
      "calendars",
    ],
    [
      (c: Mutable) => {
        c.kpis[0].min = "0.95";
      },
      "kpis[0].min",
    ],
    [
      (c: Mutable) => {
        c.kpis[0].min = 95;
      },
      "kpis[0].min",
    ],
    [
      (c: Mutable) => {
        c.inspections[1].atLeast = "1";
      },
      "inspections[1].atLeast",
    ],
    [
      (c: Mutable) => {
        c.inspections[1].atLeast = 1.5;
      },
      "inspections[1].atLeast",
    ],
    [
      (c: Mutable) => {
        c.targets[0].escalations[0].at.percent = "50";
        c.targets[0].escalations[0].at.after = undefined;
      },
      "targets[0].escalations[0].at.percent",
    ],
    [
      (c: Mutable) => {
        c.term.counting = "both";
      },
      "term.counting",
    ],
    [
      (c: Mutable) => {
        c.id = null;
      },
      "id",
    ],
    [
      (c: Mutable) => {
        c.calendars.office.week = "24/7";
      },
      "calendars.office.week",
    ],
    [
      (c: Mutable) => {
        c.eventTypes = [new Date(0)];
      },
      "eventTypes[0]",
    ],
    [
      (c: Mutable) => {
        c.eventTypes = [() => 1];
      },
      "eventTypes[0]",
    ],
  ])("%#: %s", (fn, path) => {
    expectIssue(mutated(fn), "E_TYPE", path);
  });
  test.each([null, undefined, 42, "contract", [], new Date(0)])("the whole input %j", (input) => {
    expectIssue(input, "E_TYPE", "");
  });
  test("a missing field", () => {
    expectIssue(
      mutated((c) => {
        c.targets[0].calendar = undefined;
      }),
      "E_MISSING",
      "targets[0].calendar",
    );
  });
  test("a start that is neither an event nor a breach", () => {
    expectIssue(
      mutated((c) => {
        c.targets[0].start = { at: "opened" };
      }),
      "E_MISSING",
      "targets[0].start",
    );
    expectIssue(
      mutated((c) => {
        c.targets[0].start = { event: "opened", breachOf: "resolve" };
      }),
      "E_TYPE",
      "targets[0].start",
    );
  });
  test("an unknown KPI kind", () => {
    expectIssue(
      mutated((c) => {
        c.kpis[0].kind = "happiness";
      }),
      "E_TYPE",
      "kpis[0].kind",
    );
  });
});

describe("reporting", () => {
  test("every issue is listed, with its path, in one error", () => {
    const input = mutated((c) => {
      c.calendars.office.timezone = "Europe/Lodnon";
      c.targets[0].resposne = true;
      c.targets[1].duration = "PT4.5H";
      c.targets[2].start = { breachOf: "nope" };
      c.levels[0].when.any[1].value = "10";
    });
    let error: unknown;
    try {
      parseContract(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContractValidationError);
    const e = error as ContractValidationError;
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([
      ["E_UNKNOWN_KEY", "targets[0].resposne"],
      ["E_DURATION", "targets[1].duration"],
      ["E_TZ_UNKNOWN", "calendars.office.timezone"],
      ["E_CONDITION", "levels[0].when.any[1].value"],
      ["E_REF_UNKNOWN", "targets[2].start.breachOf"],
    ]);
    expect(e.message).toMatchInlineSnapshot(`
      "Invalid contract: 5 issues
      ✖ Unknown field "resposne"; expected one of "id", "name", "description", "calendar", "start", "stop", "pause", "reset", "cancel", "duration", "phases", "onLevelChange", …
        → at targets[0].resposne
      ✖ Expected an ISO 8601 duration such as "PT30M", "PT4H" or "P2D", received "PT4.5H"
        → at targets[1].duration
      ✖ Unknown IANA time zone "Europe/Lodnon": did you mean "Europe/London"?
        → at calendars.office.timezone
      ✖ greaterThan compares numbers: expected a number, received "10"
        → at levels[0].when.any[1].value
      ✖ Unknown target "nope"; expected one of "response", "resolve", "plan"
        → at targets[2].start.breachOf"
    `);
  });
  test("the issue list is capped", () => {
    const input = mutated((c) => {
      c.eventTypes = Array.from({ length: 400 }, () => 1);
    });
    const result = safeParseContract(input);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues).toHaveLength(201);
      expect(result.error.issues[200]).toEqual({
        code: "E_LIMIT",
        path: "",
        message: "200 more issues not listed",
        pathSegments: [],
      });
    }
  });
  test("a non-SlaError is never thrown for arbitrary values", () => {
    for (const value of [
      Symbol("x"),
      10n,
      () => 1,
      new Map(),
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error("boom");
          },
        },
      ),
    ]) {
      const result = safeParseContract(value);
      expect(result.success).toBe(false);
    }
  });
});
