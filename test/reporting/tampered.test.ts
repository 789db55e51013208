/**
 * Report parts that did not come from buildReport (hand-written, from "another engine", tampered): mergeReports
 * and renderReport read every value they use, refuse instants without an offset and figures that contradict
 * each other with the JSON path, and never let a raw TypeError out (red-team findings W8, R4, C4, C6).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { SlaError } from "../../src/errors.js";
import { buildReportFromStatuses } from "../../src/reporting/from-statuses.js";
import { mergeReports } from "../../src/reporting/merge.js";
import { renderReport } from "../../src/reporting/render/index.js";
import type { ServiceReport } from "../../src/reporting/types.js";
import { contract } from "./fixtures.js";
import { options, plan, statuses } from "./worked.js";

// biome-ignore lint/suspicious/noExplicitAny: tampering with parsed JSON on purpose
type Json = any;

const worked = buildReportFromStatuses(contract, statuses, options, plan);
const empty = buildReportFromStatuses(contract, [], options, plan);
const json = (r: ServiceReport): Json => JSON.parse(JSON.stringify(r));

function error(f: () => unknown): SlaError {
  try {
    f();
  } catch (e) {
    if (e instanceof SlaError) return e;
    throw e;
  }
  throw new Error("expected an SlaError");
}

/** The code and path of the error of merging the empty report with a tampered copy of the worked one. */
function refusal(tamper: (part: Json) => void): [string, string] {
  const part = json(worked);
  tamper(part);
  const e = error(() => mergeReports(empty, part));
  return [e.code, e.path];
}

describe("W8: instants are read with toEpochMs, never in the host's zone", () => {
  it("refuses an instant without an offset, with its path", () => {
    // "2025-10-05T01:00:00" is 01:00 in UTC, 09:00 in Shanghai, 21:00 the day before in New York: ambiguous.
    expect(
      refusal((p) => {
        p.inspections.items[0].from = "2025-10-05T01:00:00";
      }),
    ).toEqual(["E_INSTANT", "b.inspections.items[0].from"]);
    expect(
      refusal((p) => {
        p.window.now = "2025-11-01T00:00:00";
      }),
    ).toEqual(["E_INSTANT", "b.window.now"]);
    expect(
      refusal((p) => {
        p.inspections.performed[0].at = "2025-09-20 02:00";
      }),
    ).toEqual(["E_INSTANT", "b.inspections.performed[0].at"]);
    expect(
      refusal((p) => {
        p.rows.items[0].openedAt = "2025-10-01T09:00:00";
      }),
    ).toEqual(["E_INSTANT", "b.rows.items[0].openedAt"]);
    expect(
      refusal((p) => {
        p.window.from = 1_759_248_000_000; // epoch ms: a report writes text
      }),
    ).toEqual(["E_OPTION", "b.window.from"]);
  });

  it("reads an instant written with another offset as the same instant, and writes it in UTC", () => {
    const part = json(worked);
    // The monthly item's window opens 2025-10-01 00:00 in Shanghai = 2025-09-30T16:00:00.000Z.
    part.inspections.items[0].from = "2025-10-01T00:00:00+08:00";
    part.window.now = "2025-11-01T00:00:00+08:00"; // = 2025-10-31T16:00:00.000Z, the report's now
    part.rows.items[0].openedAt = "2025-10-01T09:00:00+08:00"; // T1, = 2025-10-01T01:00:00.000Z
    const merged = mergeReports(empty, part);
    expect(merged).toEqual(mergeReports(empty, worked));
    expect(merged.inspections.items[0]?.from).toBe("2025-09-30T16:00:00.000Z");
    expect(merged.rows.items[0]?.openedAt).toBe("2025-10-01T01:00:00.000Z");
  });

  it("refuses figures that contradict each other", () => {
    // consultation: 2 satisfied of 3 surveys. 1000 satisfied of 3 would be a rate of 333 and a pass.
    expect(
      refusal((p) => {
        p.satisfaction[0].satisfied = 1000;
      }),
    ).toEqual(["E_OPTION", "b.satisfaction[0].satisfied"]);
    // 6 tickets, 4 resolved: 7 resolved is impossible.
    expect(
      refusal((p) => {
        p.tickets.resolved = 7;
      }),
    ).toEqual(["E_OPTION", "b.tickets.resolved"]);
    // consultation: 4 tickets, 3 resolved.
    expect(
      refusal((p) => {
        p.channels[0].resolved = 5;
      }),
    ).toEqual(["E_OPTION", "b.channels[0].resolved"]);
    // response / level2: 3 stopped cycles of 1, 2 and 5 min, histogram [[60000,1],[120000,1],[300000,1]].
    // Counting 2 for 1 min makes 4 values for a count of 3.
    expect(
      refusal((p) => {
        p.targets[1].elapsed.histogram[0][1] = 2;
      }),
    ).toEqual(["E_OPTION", "b.targets[1].elapsed.histogram"]);
    // min 60000 > max 30000.
    expect(
      refusal((p) => {
        p.targets[1].elapsed.maxMs = 30_000;
      }),
    ).toEqual(["E_OPTION", "b.targets[1].elapsed.minMs"]);
    // Sum 480000 of 3 values in [60000, 300000]: 3 × 300000 = 900000 ≥ 480000 ≥ 180000; 1000000 is outside.
    expect(
      refusal((p) => {
        p.targets[1].elapsed.sumMs = 1_000_000;
      }),
    ).toEqual(["E_OPTION", "b.targets[1].elapsed.sumMs"]);
    // 6 tickets over the dates; one more opened on 10-01 makes 7.
    expect(
      refusal((p) => {
        p.days[0].opened = 2;
      }),
    ).toEqual(["E_OPTION", "b.days"]);
    // Rows count every cycle: response 2 + 4, resolve 2 + 4, problemReport 2 + 3 (level1 + level2) = 17;
    // 18 contradicts the targets.
    expect(
      refusal((p) => {
        p.rows.total = 18;
        p.rows.truncated = 1;
      }),
    ).toEqual(["E_OPTION", "b.rows.total"]);
    expect(
      refusal((p) => {
        p.rows.truncated = 1;
      }),
    ).toEqual(["E_OPTION", "b.rows.truncated"]);
  });
});

describe("R4: a tampered part is an SlaError with its path, never a raw TypeError, never merged", () => {
  it("refuses malformed KPIs, rows, breaches and samples", () => {
    expect(
      refusal((p) => {
        p.contract.kpis = [null];
      }),
    ).toEqual(["E_OPTION", "b.contract.kpis[0]"]);
    expect(
      refusal((p) => {
        p.rows.items[0] = null;
      }),
    ).toEqual(["E_OPTION", "b.rows.items[0]"]);
    expect(
      refusal((p) => {
        p.breaches.items[0] = 5;
      }),
    ).toEqual(["E_OPTION", "b.breaches.items[0]"]);
    expect(
      refusal((p) => {
        p.skipped.sample = [null];
        p.skipped.count = 1;
      }),
    ).toEqual(["E_OPTION", "b.skipped.sample[0]"]);
    expect(
      refusal((p) => {
        p.contract.targets[0] = null;
      }),
    ).toEqual(["E_OPTION", "b.contract.targets[0]"]);
    expect(
      refusal((p) => {
        p.targets[0].counts = undefined;
      }),
    ).toEqual(["E_OPTION", "b.targets[0].counts"]);
  });

  const leaves: (string | number)[][] = [];
  (function walk(v: unknown, path: (string | number)[]): void {
    leaves.push(path);
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        walk(x, [...path, i]);
      });
    } else if (typeof v === "object" && v !== null)
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  })(json(worked), []);
  const replacement = fc.constantFrom<unknown>(
    null,
    undefined,
    5,
    -1,
    1.5,
    Number.NaN,
    "x",
    "<img src=x onerror=alert(1)>",
    "2025-10-05T01:00:00",
    [],
    [null],
    {},
    true,
  );

  test.prop([fc.integer({ min: 1, max: leaves.length - 1 }), replacement], { seed: 4242, numRuns: 2000 })(
    "replacing any one value of a part gives a report or an SlaError, in mergeReports and renderReport",
    (i, value) => {
      const part = json(worked);
      const path = leaves[i] as (string | number)[];
      let holder = part;
      for (const key of path.slice(0, -1)) holder = holder[key];
      holder[path[path.length - 1] as string | number] = value;
      for (const run of [
        () => mergeReports(empty, part),
        () => mergeReports(part),
        () => renderReport(part, "html"),
        () => renderReport(part, "markdown"),
        () => renderReport(part, "csv"),
      ]) {
        try {
          run();
        } catch (e) {
          expect(e).toBeInstanceOf(SlaError);
          // Named by the reader of the value, not by the last guard ("a part is malformed" at "").
          expect((e as SlaError).path).not.toBe("");
        }
      }
    },
  );
});

describe("C4: KPI labels never read NaN or undefined", () => {
  it("refuses a KPI without a channel or with a threshold that is not a ratio", () => {
    // kpis[0] is { id: "satConsultation", kind: "satisfaction", channel: "consultation", min: 0.98 }.
    expect(
      refusal((p) => {
        p.contract.kpis[0].min = "abc";
      }),
    ).toEqual(["E_OPTION", "b.contract.kpis[0].min"]);
    expect(
      refusal((p) => {
        p.contract.kpis[0] = { id: "s", kind: "satisfaction" };
      }),
    ).toEqual(["E_OPTION", "b.contract.kpis[0].channel"]);
    expect(
      refusal((p) => {
        p.contract.kpis[0].kind = "nps";
      }),
    ).toEqual(["E_OPTION", "b.contract.kpis[0].kind"]);
    expect(
      refusal((p) => {
        p.contract.kpis[3].max = "six minutes"; // handlingConsultation, max "PT6M"
      }),
    ).toEqual(["E_DURATION", "b.contract.kpis[3].max"]);
  });

  test.prop([fc.constantFrom("markdown", "html" as const)], { seed: 7, numRuns: 2 })(
    "no label of a merged report reads NaN or undefined",
    (format) => {
      const merged = mergeReports(empty, json(worked));
      for (const k of merged.kpis) expect(k.label).not.toMatch(/NaN|undefined/);
      expect(renderReport(merged, format)).not.toMatch(/NaN|undefined/);
    },
  );
});

describe("C6: a part given twice is refused", () => {
  it("refuses mergeReports(r, r) and a shard given twice among many", () => {
    const e = error(() => mergeReports(worked, worked));
    expect([e.code, e.path]).toEqual(["E_OPTION", "b.rows"]);
    expect(e.message).toMatchInlineSnapshot(`
      "Reports over disjoint tickets expected: ticket "T1" is in a and b (a part given twice counts its tickets twice)
        → at b.rows"
    `);
    const [t1, t2, ...rest] = statuses;
    const a = buildReportFromStatuses(contract, [t1 as never], options, plan);
    const b = buildReportFromStatuses(contract, [t2 as never], options, plan);
    const c = buildReportFromStatuses(contract, rest, options, plan);
    expect(mergeReports(a, b, c)).toEqual(worked);
    const twice = error(() => mergeReports(a, b, c, json(b)));
    expect([twice.code, twice.path]).toEqual(["E_OPTION", "parts[3].rows"]);
  });

  it("cannot see an overlap among tickets no part kept a row or breach of (documented)", () => {
    const none = { ...options, rows: 0, breaches: 0 };
    const r = buildReportFromStatuses(contract, statuses, none, plan);
    // 6 tickets counted twice: 12. This is the documented limit of the check.
    expect(mergeReports(r, r).tickets.count).toBe(12);
  });
});
