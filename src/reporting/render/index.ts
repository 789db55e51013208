/**
 * `renderReport`: Markdown, HTML, CSV and JSON views of a report.
 * @module
 */

import { stableStringify } from "../../contracts/kernel.js";
import { describeValue, SlaError } from "../../errors.js";
import { checkedReport } from "../merge.js";
import type { ReportFormat, ServiceReport } from "../types.js";
import { renderCsv } from "./csv.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";

const FORMATS: readonly ReportFormat[] = ["markdown", "html", "csv", "json"];

/**
 * Renders a report for people or spreadsheets.
 *
 * - `"markdown"`: a summary and tables (KPIs, compliance per target and level, satisfaction, channels, days,
 *   inspections, escalations, the first 200 breaches). Table cells are escaped.
 * - `"html"`: one self-contained file (inline CSS and SVG, no script, a Content-Security-Policy that blocks
 *   every network load) with three charts: compliance per target and level (bars, dashed minimum),
 *   breaches per local day of the period, satisfaction per channel (bars, dashed target); each chart has a
 *   `<title>`, a `<desc>` stating its figures, and a table beside it. All text is escaped.
 * - `"csv"`: one line per kept ticket-target cycle (`report.rows`, see the `rows` option of `buildReport`),
 *   RFC 4180 quoting, CRLF line ends, and cells that a spreadsheet could run as a formula (starting with `=`,
 *   `+`, `-`, `@`, their fullwidth forms `＝＋－＠`, or whitespace: space, tab, CR, LF) prefixed with `'`. A report that kept fewer rows than it counted (`rows.truncated > 0`)
 *   prints only the kept ones.
 * - `"json"`: the report itself, keys sorted at every level, indented by 2: byte-stable for the same report.
 *
 * Dates and times are shown in the contract's zone; numbers are formatted without the host's locale.
 *
 * The report is checked first as `mergeReports` checks a part (every value's type, instants with an offset,
 * figures that add up, KPIs that are KPIs), and rendered from the values read: a report changed by hand after
 * `buildReport` (say, parsed from JSON and edited) is refused with `E_OPTION` and the path of its first bad
 * value (`report.tickets.count`, …) rather than written into the output. Every interpolated text is escaped
 * as well (HTML entities; Markdown backslashes), numbers included.
 *
 * @param report - A report from `buildReport` or `mergeReports` (also after a JSON round trip).
 * @param format - `"markdown"`, `"html"`, `"csv"` or `"json"`.
 * @returns The rendered text.
 * @throws SlaError `E_OPTION` for an unknown format, a value that is not a report, or a malformed or
 *   inconsistent report (with the path of the value); `E_INSTANT` / `E_INSTANT_RANGE` for an instant without
 *   an offset or out of range.
 * @example
 * ```ts
 * const report = buildReport(contract, tickets, { period: { month: "2025-10" }, now: "2025-11-01T00:00:00+08:00" });
 * renderReport(report, "csv").split("\r\n")[0];
 * //=> "ticketId,openedAt,resolvedAt,channel,phase,targetId,cycle,level,outcome,startedAt,dueAt,stoppedAt,breachedAt,elapsedMs,pausedMs,targetMs"
 * renderReport(report, "html").startsWith("<!DOCTYPE html>"); //=> true
 * ```
 * @category Reporting
 */
export function renderReport(report: ServiceReport, format: ReportFormat): string {
  if (!FORMATS.includes(format)) {
    throw new SlaError(
      "E_OPTION",
      `Expected a format "markdown", "html", "csv" or "json", received ${describeValue(format)}`,
      "format",
    );
  }
  const r = report as unknown as Record<string, unknown> | null;
  if (typeof r !== "object" || r === null || r.format !== "slakit.report/1") {
    throw new SlaError(
      "E_OPTION",
      `Expected a ServiceReport (format "slakit.report/1"), received ${describeValue(report)}`,
      "report",
    );
  }
  // Read back and written again: a tampered report is refused with the path of its first bad value, and every
  // number and text rendered below is one the readers checked (numbers are numbers, instants canonical).
  const checked = checkedReport(report, "report");
  try {
    switch (format) {
      case "markdown":
        return renderMarkdown(checked);
      case "html":
        return renderHtml(checked);
      case "csv":
        return renderCsv(checked);
      default:
        return `${stableStringify(checked, 2)}\n`;
    }
  } catch (e) {
    if (e instanceof SlaError) throw e;
    throw new SlaError(
      "E_OPTION",
      "Expected a ServiceReport from buildReport: the report is malformed",
      "report",
      { cause: e },
    );
  }
}
