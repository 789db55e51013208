// Properties of parseContract over generated contracts: a JSON round trip of `contract.input` parses to the same
// contract, and no input whatsoever makes it throw anything but a ContractValidationError.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import {
  type Contract,
  ContractValidationError,
  coverageAt,
  inspectionPlan,
  parseContract,
  safeParseContract,
} from "../../src/contracts/index.js";
import { baseInput, type Mutable } from "./fixtures.js";

const id = fc
  .stringMatching(/^[a-z][a-zA-Z0-9_-]{0,7}$/)
  .filter((s) => s !== "constructor" && s !== "prototype");
const zone = fc.constantFrom("Asia/Shanghai", "Europe/Berlin", "America/New_York", "Pacific/Chatham", "UTC");
const two = (n: number) => String(n).padStart(2, "0");
const interval = fc
  .tuple(fc.integer({ min: 0, max: 46 }), fc.integer({ min: 1, max: 48 }))
  .map(([a, len]) => [a, Math.min(48, a + len)] as const)
  .filter(([a, b]) => b > a)
  .map(([a, b]) => [
    `${two(Math.floor(a / 2))}:${a % 2 ? "30" : "00"}`,
    b === 48 ? "24:00" : `${two(Math.floor(b / 2))}:${b % 2 ? "30" : "00"}`,
  ]);
const week = fc.oneof(
  fc.constant("24x7"),
  fc.record(
    { mon: fc.constant([["09:00", "18:00"]]), tue: interval.map((i) => [i]), sat: interval.map((i) => [i]) },
    { requiredKeys: ["mon"] },
  ),
);
const date = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const calendar = fc.record(
  {
    timezone: zone,
    week,
    holidays: fc.array(date, { maxLength: 3 }),
    overrides: fc.dictionary(date, fc.constant([["10:00", "12:00"]]), { maxKeys: 2 }),
  },
  { requiredKeys: ["timezone", "week"] },
);
const timeDuration = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }),
  fc
    .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => (h === 0 && m === 0 ? "PT0S" : `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}`)),
);
const duration = fc.oneof(
  timeDuration,
  fc.integer({ min: 0, max: 30 }).map((n) => `P${n}D`),
  fc.integer({ min: 1, max: 4 }).map((n) => `P${n}W`),
);
const number = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
const leaf = fc.oneof(
  fc.record({
    fact: fc.constant("n"),
    operator: fc.constantFrom("lessThan", "greaterThanInclusive"),
    value: number,
  }),
  fc.record({ fact: fc.constant("b"), operator: fc.constantFrom("equal", "notEqual"), value: fc.boolean() }),
  fc.record({
    fact: fc.constant("s"),
    operator: fc.constantFrom("in", "notIn"),
    value: fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    fact: fc.constant("tags"),
    operator: fc.constantFrom("contains", "doesNotContain"),
    value: fc.string({ maxLength: 5 }),
  }),
);
const { condition } = fc.letrec<{ condition: Mutable }>((tie) => ({
  condition: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie("condition"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("condition"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie("condition") }),
  ),
}));
const RRULES = [
  "FREQ=DAILY",
  "FREQ=WEEKLY;BYDAY=MO,FR",
  "FREQ=MONTHLY;BYMONTHDAY=1",
  "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1",
  "FREQ=MONTHLY;BYDAY=-1FR;COUNT=12",
];

const contractInput = fc
  .record({
    id,
    timezone: zone,
    calendars: fc
      .uniqueArray(id, { minLength: 1, maxLength: 3 })
      .chain((names) => fc.tuple(...names.map(() => calendar)).map((cals) => ({ names, cals }))),
    levels: fc
      .uniqueArray(id, { minLength: 1, maxLength: 4 })
      .chain((ids) =>
        fc.tuple(...ids.map(() => fc.option(condition, { nil: undefined }))).map((whens) => ({ ids, whens })),
      ),
    targetIds: fc.uniqueArray(id, { maxLength: 5 }),
    seeds: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    durations: fc.array(duration, { minLength: 20, maxLength: 20 }),
    term: fc.option(
      fc.record({
        startDate: date,
        counting: fc.constantFrom("exclusive", "inclusive"),
        years: fc.integer({ min: 1, max: 10 }),
        months: fc.integer({ min: 0, max: 11 }),
      }),
      { nil: undefined },
    ),
    inspectionDates: fc.array(date, { minLength: 1, maxLength: 3 }),
    name: fc.option(
      fc.string({ maxLength: 30 }).filter((s) => !/[\uD800-\uDFFF]/.test(s)),
      { nil: undefined },
    ),
  })
  .map((g) => {
    const pick = <T>(list: readonly T[], i: number): T =>
      list[(g.seeds[i % g.seeds.length] as number) % list.length] as T;
    const calendars = Object.fromEntries(g.calendars.names.map((n, i) => [n, g.calendars.cals[i]]));
    const levels = g.levels.ids.map((lid, i) =>
      g.levels.whens[i] === undefined ? { id: lid } : { id: lid, when: g.levels.whens[i] },
    );
    const targets = g.targetIds.map((tid, i) => {
      const perLevel = (g.seeds[i] as number) % 2 === 0;
      const durationValue = perLevel
        ? Object.fromEntries(
            g.levels.ids
              .filter((_, j) => (g.seeds[i + j] as number) % 3 !== 0)
              .map((l, j) => [l, g.durations[(i + j) % 20]])
              .concat([["*", g.durations[i]]]),
          )
        : g.durations[i];
      return {
        id: tid,
        calendar: pick(g.calendars.names, i),
        start:
          i > 0 && (g.seeds[i + 5] as number) % 3 === 0
            ? { breachOf: pick(g.targetIds.slice(0, i), i) }
            : { event: (g.seeds[i + 7] as number) % 2 ? "opened" : ["opened", "reopened"] },
        stop: { event: `done${i}` },
        ...((g.seeds[i + 9] as number) % 2
          ? { pause: { event: "hold", resumeEvent: "unhold" } }
          : { pause: { statuses: ["waiting"] } }),
        duration: durationValue,
        ...((g.seeds[i + 11] as number) % 2
          ? {
              escalations: [
                { id: "s1", at: { after: "PT10M" }, action: "notify", to: ["desk"] },
                {
                  id: "s2",
                  at: { percent: (g.seeds[i] as number) % 1001 },
                  action: "escalate",
                  tier: "expert",
                },
              ],
            }
          : {}),
      };
    });
    const input: Mutable = {
      id: g.id,
      timezone: g.timezone,
      calendars,
      tiers: ["desk", "expert"],
      levels,
      targets,
      inspections: [
        { id: "r", rrule: pick(RRULES, 3), start: pick(g.inspectionDates, 1), time: "09:30", due: "P2D" },
        { id: "a", atLeast: 1 + ((g.seeds[2] as number) % 4), per: pick(["month", "quarter", "year"], 4) },
        { id: "d", dates: [...new Set(g.inspectionDates)] },
      ],
      kpis:
        targets.length > 0 ? [{ id: "k", kind: "targetCompliance", target: targets[0]?.id, min: 0.9 }] : [],
    };
    if (g.name !== undefined) input.name = g.name;
    if ((g.seeds[20] as number) % 2) input.defaultLevel = pick(g.levels.ids, 21);
    if (g.term !== undefined) {
      input.term = {
        startEvent: "acceptance",
        startDate: g.term.startDate,
        counting: g.term.counting,
        phases: [
          {
            name: "w",
            kind: "warranty",
            length: `P${g.term.years}Y${g.term.months ? `${g.term.months}M` : ""}`,
          },
          { name: "m", kind: "postWarranty", length: "P3Y" },
        ],
      };
    }
    return input;
  });

function view(c: Contract) {
  const levels = [...c.levels.map((l) => l.id), "unlisted"];
  return {
    input: c.input,
    calendars: [...c.calendars.keys()],
    events: [...c.eventTypes].sort(),
    defaultLevel: c.defaultLevel,
    targets: c.targets.map((t) => ({
      id: t.id,
      start: t.start,
      stop: t.stopEvents,
      pause: t.pause,
      steps: t.steps,
      onLevelChange: t.onLevelChange,
      durations: levels.map((l) => t.durationFor(l)),
    })),
    coverage: coverageAt(c, "2030-06-01T00:00:00Z"),
    plan: inspectionPlan(c, "2030-01-01T00:00:00Z", "2031-01-01T00:00:00Z").map((i) => [
      i.inspectionId,
      i.scheduledAt.getTime(),
      i.dueAt.getTime(),
    ]),
  };
}

test.prop([contractInput], { seed: 20_251_122, numRuns: 1000 })(
  "round trip: parse(JSON.parse(JSON.stringify(parse(x).input))) equals parse(x)",
  (input) => {
    const first = safeParseContract(input);
    if (!first.success) throw new Error(first.error.message);
    const again = parseContract(JSON.parse(JSON.stringify(first.contract.input)));
    expect(view(again)).toEqual(view(first.contract));
  },
);

test.prop([fc.jsonValue({ maxDepth: 6 })], { seed: 1, numRuns: 1000 })(
  "any JSON value: a contract or a ContractValidationError",
  (value) => {
    const result = safeParseContract(value);
    if (!result.success) expect(result.error).toBeInstanceOf(ContractValidationError);
  },
);

// Replace one value anywhere in a valid contract with arbitrary JSON: never a crash, never an unlisted error.
function paths(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      paths(v, [...prefix, i], out);
    });
  } else if (typeof value === "object" && value !== null)
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}
const basePaths = paths(baseInput()).filter((p) => p.length > 0);
test.prop([fc.nat(), fc.jsonValue({ maxDepth: 3 })], { seed: 2, numRuns: 1000 })(
  "one value replaced: a contract or issues with paths",
  (i, replacement) => {
    const input = baseInput();
    const path = basePaths[i % basePaths.length] as (string | number)[];
    let node: Mutable = input;
    for (const seg of path.slice(0, -1)) node = node[seg];
    node[path[path.length - 1] as string | number] = replacement;
    const result = safeParseContract(input);
    if (!result.success) {
      expect(result.error.issues.length).toBeGreaterThan(0);
      for (const issue of result.error.issues) expect(typeof issue.path).toBe("string");
    }
  },
);
