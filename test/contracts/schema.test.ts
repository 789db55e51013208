// slakit/schema: the contract's JSON Schema, checked with an independent validator (ajv, draft 2020-12), and what
// it tells an editor: a description on every field, a readable message on every pattern, an example contract.
import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { parseContract, safeParseContract } from "../../src/contracts/index.js";
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

type Node = { readonly [key: string]: unknown };
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
const defs = (contractJsonSchema.$defs ?? {}) as Record<string, Node>;
/** A schema with its `$ref` (into `$defs`) followed: the referring schema's own keywords win. */
function resolved(node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const target = defs[ref.replace("#/$defs/", "")];
  if (target === undefined) throw new Error(`dangling $ref ${ref}`);
  return { ...target, ...node };
}

/**
 * Every schema of a field in the JSON Schema, by path: object properties, record keys and values, list items
 * and pair members; through unions (`anyOf`, `oneOf`) and `$defs`.
 */
function fields(): Map<string, Node> {
  const out = new Map<string, Node>();
  const walk = (node: unknown, path: string, isField: boolean): void => {
    if (!isNode(node)) return;
    if (isField) out.set(path, node);
    if (isNode(node.properties))
      for (const [k, v] of Object.entries(node.properties)) walk(v, `${path}.${k}`, true);
    if (isNode(node.additionalProperties)) walk(node.additionalProperties, `${path}{value}`, true);
    if (isNode(node.propertyNames)) walk(node.propertyNames, `${path}{key}`, true);
    if (isNode(node.items)) walk(node.items, `${path}[]`, true);
    if (Array.isArray(node.prefixItems))
      node.prefixItems.forEach((v, i) => {
        walk(v, `${path}[${i}]`, true);
      });
    for (const k of ["anyOf", "oneOf"]) {
      const branches = node[k];
      if (Array.isArray(branches))
        branches.forEach((v, i) => {
          walk(v, `${path}|${i}`, false);
        });
    }
  };
  walk(contractJsonSchema, "", false);
  for (const [name, def] of Object.entries(defs)) walk(def, `$defs.${name}`, false);
  return out;
}

/** Every schema node (anywhere), with its path. */
function nodes(): [string, Node][] {
  const out: [string, Node][] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value))
      value.forEach((v, i) => {
        walk(v, `${path}/${i}`);
      });
    else if (isNode(value)) {
      out.push([path, value]);
      for (const [k, v] of Object.entries(value)) if (k !== "examples") walk(v, `${path}/${k}`);
    }
  };
  walk(contractJsonSchema, "");
  return out;
}

describe("what the schema tells an editor", () => {
  const all = fields();

  test("it reaches every part of the contract (a guard on the walk itself)", () => {
    // 15 top-level fields (14 of ContractInput and "$schema"), and some deep ones.
    expect([...all.keys()].filter((p) => /^\.[^.[{|]+$/.test(p))).toHaveLength(15);
    for (const path of [
      ".calendars{key}",
      ".calendars{value}.week|1.mon[]|0[1]",
      ".calendars{value}.versions[].week|1.sun[]|1.overnight",
      ".calendars{value}.overrides{key}",
      ".targets[].duration|1{key}",
      ".targets[].escalations[].at|1.percent",
      ".kpis[]|3.level",
      "$defs.condition|0.fact",
      "$defs.condition|1.all[]",
    ])
      expect(all.has(path), path).toBe(true);
    expect(all.size).toBeGreaterThan(250); // 283 when written
  });

  test("every field has a description", () => {
    const missing = [...all].filter(([, node]) => typeof resolved(node).description !== "string");
    expect(missing.map(([path]) => path)).toEqual([]);
    for (const [path, node] of all)
      expect((resolved(node).description as string).length, path).toBeGreaterThan(10);
  });

  test("descriptions are written for a contract author: sentences with example values", () => {
    const top = contractJsonSchema.properties as Record<string, Node>;
    expect(top.timezone?.description).toBe(
      'IANA time zone of the contract, e.g. "Asia/Shanghai": the zone of term dates, inspections and report periods.',
    );
    expect(top.calendars?.description).toMatch(/^Named calendars, e\.g\. \{ "office": /);
    for (const [path, node] of all) expect(resolved(node).description, path).toMatch(/^["{A-Z0-9]|^true /);
  });

  test("every pattern has a readable patternErrorMessage next to it", () => {
    const patterned = nodes().filter(([, node]) => typeof node.pattern === "string");
    expect(patterned.length).toBeGreaterThan(100);
    const bare = patterned.filter(([, node]) => typeof node.patternErrorMessage !== "string");
    expect(bare.map(([path]) => path)).toEqual([]);
    for (const [path, node] of patterned) expect(node.patternErrorMessage, path).toMatch(/^Expected .+\.$/);
    const messages = new Set(patterned.map(([, node]) => node.patternErrorMessage));
    expect(messages.size).toBe(10); // one per pattern: id, word, fact, date, time, end time, duration, length, holiday, level key
  });

  test("no marker of parseContract's own messages leaks into the schema", () => {
    // The markers start with a NUL character (schemas.ts MARK): look in every string, keys included.
    const strings: string[] = [];
    JSON.parse(JSON.stringify(contractJsonSchema), (key, value: unknown) => {
      strings.push(key);
      if (typeof value === "string") strings.push(value);
      return value;
    });
    expect(strings.length).toBeGreaterThan(1000);
    expect(strings.filter((t) => t.includes("\u0000") || t.includes("slakit:{"))).toEqual([]);
  });

  test("the recursive condition is a named definition", () => {
    expect(Object.keys(defs)).toEqual(["condition"]);
  });
});

describe("ajv in its default strict mode", () => {
  const strict = new Ajv2020({ keywords: ["patternErrorMessage"] });

  test('compiles the schema once "patternErrorMessage" is named: it is the only keyword not of JSON Schema', () => {
    expect(() => strict.compile(contractJsonSchema)).not.toThrow();
    expect(() => new Ajv2020().compile(contractJsonSchema)).toThrow(/unknown keyword: "patternErrorMessage"/);
  });

  const validateStrict = strict.compile(contractJsonSchema);
  const shipped = readdirSync(new URL("../../examples/contracts/", import.meta.url)).filter((f) =>
    f.endsWith(".json"),
  );

  test("there are shipped contracts to check", () => {
    expect(shipped.length).toBeGreaterThanOrEqual(5);
  });

  test.each(shipped)("accepts the shipped contract %s", (file) => {
    const json = JSON.parse(
      readFileSync(new URL(`../../examples/contracts/${file}`, import.meta.url), "utf8"),
    ) as unknown;
    expect(validateStrict(json), JSON.stringify(validateStrict.errors)).toBe(true);
    expect(safeParseContract(json).success).toBe(true);
  });

  test("accepts the schema's own example, which parseContract accepts too", () => {
    const examples = contractJsonSchema.examples as unknown[];
    expect(examples).toHaveLength(1);
    const [example] = examples;
    expect(validateStrict(example), JSON.stringify(validateStrict.errors)).toBe(true);
    const contract = parseContract(example);
    expect(contract.targets.map((t) => [t.id, t.durationFor("urgent"), t.durationFor("normal")])).toEqual([
      ["response", { kind: "time", ms: 30 * 60_000 }, { kind: "time", ms: 4 * 3_600_000 }],
    ]);
    expect("$schema" in contract.input).toBe(false);
  });
});

describe('a top-level "$schema": the JSON Schema and parseContract agree', () => {
  test.each<[string, unknown, boolean]>([
    ["a URL", "https://unpkg.com/slakit/dist/schema.json", true],
    ["a relative path", "./node_modules/slakit/dist/schema.json", true],
    ["2048 characters", "x".repeat(2048), true],
    ["2049 characters", "x".repeat(2049), false],
    ["a number", 42, false],
    ["null", null, false],
    ["a list", ["schema.json"], false],
  ])("%s", (_label, value, ok) => {
    const input = { $schema: value, ...baseInput() };
    expect(validate(input)).toBe(ok);
    expect(safeParseContract(input).success).toBe(ok);
  });
  test("inside a calendar it is an unknown field for both", () => {
    const input = baseInput();
    input.calendars.office.$schema = "./schema.json";
    expect(validate(input)).toBe(false);
    expect(safeParseContract(input).success).toBe(false);
  });
});
