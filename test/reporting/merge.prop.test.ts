import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { TicketStatus } from "../../src/escalation/types.js";
import { buildReportFromStatuses } from "../../src/reporting/from-statuses.js";
import { mergeReports } from "../../src/reporting/merge.js";
import type { BuildReportOptions, PerformedInspection } from "../../src/reporting/types.js";
import { baseOptions, keepOptions, performed, ticketStatuses } from "./arbitraries.js";
import { contract } from "./fixtures.js";
import { plan } from "./worked.js";

const params = { seed: 20251101, numRuns: 1000 } as const;

function optionsWith(keep: object, inspections: PerformedInspection[] | undefined): BuildReportOptions {
  return { ...baseOptions, ...keep, ...(inspections === undefined ? {} : { inspections }) };
}

function union(
  a: PerformedInspection[] | undefined,
  b: PerformedInspection[] | undefined,
): PerformedInspection[] | undefined {
  return a === undefined && b === undefined ? undefined : [...(a ?? []), ...(b ?? [])];
}

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("mergeReports", () => {
  test.prop(
    [
      ticketStatuses(16),
      fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
      keepOptions,
      performed,
      performed,
    ],
    params,
  )(
    "reports over parts add up to the report over all tickets (also after a JSON round trip)",
    (statuses, side, keep, inspA, inspB) => {
      const partA: TicketStatus[] = [];
      const partB: TicketStatus[] = [];
      statuses.forEach((s, i) => {
        (side[i] ? partA : partB).push(s);
      });
      const a = buildReportFromStatuses(contract, partA, optionsWith(keep, inspA), plan);
      const b = buildReportFromStatuses(contract, partB, optionsWith(keep, inspB), plan);
      const all = buildReportFromStatuses(contract, statuses, optionsWith(keep, union(inspA, inspB)), plan);
      expect(mergeReports(a, b)).toEqual(all);
      expect(mergeReports(json(a), json(b))).toEqual(all);
      expect(json(all)).toEqual(all);
    },
  );

  test.prop([ticketStatuses(8, "a"), ticketStatuses(8, "b"), ticketStatuses(8, "c"), keepOptions], params)(
    "merging is commutative and associative",
    (x, y, z, keep) => {
      const [a, b, c] = [x, y, z].map((s) =>
        buildReportFromStatuses(contract, s, { ...baseOptions, ...keep }, plan),
      ) as [
        ReturnType<typeof buildReportFromStatuses>,
        ReturnType<typeof buildReportFromStatuses>,
        ReturnType<typeof buildReportFromStatuses>,
      ];
      expect(mergeReports(a, b)).toEqual(mergeReports(b, a));
      expect(mergeReports(mergeReports(a, b), c)).toEqual(mergeReports(a, mergeReports(b, c)));
    },
  );

  test.prop([ticketStatuses(16), keepOptions], params)(
    "the order of the tickets does not matter",
    (statuses, keep) => {
      const options = { ...baseOptions, ...keep };
      const forward = buildReportFromStatuses(contract, statuses, options, plan);
      const backward = buildReportFromStatuses(contract, [...statuses].reverse(), options, plan);
      expect(backward).toEqual(forward);
    },
  );
});
