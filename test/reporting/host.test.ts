import { afterEach, describe, expect, it } from "vitest";
import { buildReportFromStatuses } from "../../src/reporting/from-statuses.js";
import { renderReport } from "../../src/reporting/render/index.js";
import { contract } from "./fixtures.js";
import { options, plan, statuses } from "./worked.js";

const ZONES = [
  "UTC",
  "Asia/Shanghai",
  "America/New_York",
  "Pacific/Chatham",
  "Pacific/Kiritimati",
  "America/St_Johns",
];
const original = process.env.TZ;

function everything(): string[] {
  const report = buildReportFromStatuses(contract, statuses, options, plan);
  return [
    JSON.stringify(report),
    ...(["markdown", "html", "csv", "json"] as const).map((f) => renderReport(report, f)),
  ];
}

describe("host independence", () => {
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it("builds and renders the same bytes under any host time zone", () => {
    const outputs = ZONES.map((zone) => {
      process.env.TZ = zone;
      // The switch took effect (Node re-reads TZ): local offsets differ between these zones.
      const offset = new Date(Date.UTC(2025, 0, 15)).getTimezoneOffset();
      return { zone, offset, output: everything() };
    });
    expect(new Set(outputs.map((o) => o.offset)).size).toBe(ZONES.length);
    for (const o of outputs.slice(1)) expect(o.output).toEqual(outputs[0]?.output);
  });
});
