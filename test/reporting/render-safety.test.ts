/**
 * renderReport on reports that did not come from buildReport (red-team C1) and CSV cells that a spreadsheet
 * could run as formulas (C2).
 */
import { describe, expect, it } from "vitest";
import { SlaError } from "../../src/errors.js";
import { buildReportFromStatuses } from "../../src/reporting/from-statuses.js";
import { csvField } from "../../src/reporting/render/csv.js";
import { renderReport } from "../../src/reporting/render/index.js";
import type { ReportFormat, ServiceReport } from "../../src/reporting/types.js";
import { contract } from "./fixtures.js";
import { options, plan, statuses } from "./worked.js";

// biome-ignore lint/suspicious/noExplicitAny: tampering with parsed JSON on purpose
type Json = any;
const worked = buildReportFromStatuses(contract, statuses, options, plan);
const FORMATS: ReportFormat[] = ["markdown", "html", "csv", "json"];

function refusal(tamper: (r: Json) => void, format: ReportFormat): [string, string] {
  const r = JSON.parse(JSON.stringify(worked));
  tamper(r);
  try {
    renderReport(r as ServiceReport, format);
  } catch (e) {
    if (e instanceof SlaError) return [e.code, e.path];
    throw e;
  }
  throw new Error("expected an SlaError");
}

describe("C1: renderReport writes nothing of a tampered report raw", () => {
  it("refuses markup where the report has counts, dates and states, in every format", () => {
    const form = `<form action=https://evil.example><button>Log in</button></form>`;
    for (const format of FORMATS) {
      expect(refusal((r) => (r.tickets.count = form), format)).toEqual(["E_OPTION", "report.tickets.count"]);
      expect(refusal((r) => (r.tickets.resolved = "<img src=x onerror=alert(1)>"), format)).toEqual([
        "E_OPTION",
        "report.tickets.resolved",
      ]);
      expect(refusal((r) => (r.breaches.total = form), format)).toEqual([
        "E_OPTION",
        "report.breaches.total",
      ]);
      expect(refusal((r) => (r.days[0].date = `2025-10-01${form}`), format)).toEqual([
        "E_OPTION",
        "report.days[0].date",
      ]);
      expect(refusal((r) => (r.window.firstDate = form), format)).toEqual([
        "E_OPTION",
        "report.window.firstDate",
      ]);
      expect(refusal((r) => (r.contract.kpis[0].min = "abc"), format)).toEqual([
        "E_OPTION",
        "report.contract.kpis[0].min",
      ]);
    }
  });

  it("renders derived figures computed again from the counts, not as the report wrote them", () => {
    const r = JSON.parse(JSON.stringify(worked));
    const form = "<form action=https://evil.example>";
    r.inspections.items[0].state = form;
    r.targets[0].compliance = form;
    r.kpis[0].label = form;
    for (const format of FORMATS) {
      const text = renderReport(r as ServiceReport, format);
      expect(text).not.toContain("<form");
      expect(text).toBe(renderReport(worked, format));
    }
  });
});

describe("C2: CSV cells a spreadsheet could run as a formula get a leading '", () => {
  it("prefixes =, +, -, @, their fullwidth forms and leading whitespace", () => {
    // OWASP's list, as before.
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\t=1+1")).toBe("'\t=1+1");
    // CR, LF: prefixed, then quoted because the field holds a line break (RFC 4180).
    expect(csvField("\r=1+1")).toBe(`"'\r=1+1"`);
    expect(csvField("\n=1+1")).toBe(`"'\n=1+1"`);
    // Leading space (a spreadsheet that trims cells sees "=1+1").
    expect(csvField(" =1+1")).toBe("' =1+1");
    // Fullwidth ＝ U+FF1D, ＋ U+FF0B, － U+FF0D, ＠ U+FF20.
    expect(csvField("\uFF1D1+1")).toBe("'\uFF1D1+1");
    expect(csvField("\uFF0B1")).toBe("'\uFF0B1");
    expect(csvField("\uFF0D1")).toBe("'\uFF0D1");
    expect(csvField("\uFF20A1")).toBe("'\uFF20A1");
    // Ideographic space U+3000 and no-break space U+00A0 are whitespace too.
    expect(csvField("\u3000=1")).toBe("'\u3000=1");
    expect(csvField("\u00A0=1")).toBe("'\u00A0=1");
    // Plain cells and numbers stay as they are.
    expect(csvField("T-1")).toBe("T-1");
    expect(csvField("consultation")).toBe("consultation");
    expect(csvField(120000)).toBe("120000");
    expect(csvField(null)).toBe("");
    expect(csvField('a,b"c')).toBe(`"a,b""c"`);
  });
});
