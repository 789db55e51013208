/**
 * The HTML report: static checks (self-contained, escaped, accessible), then headless Chromium opens it from
 * disk and we check that the three charts are laid out and that the page logged nothing to the console.
 *
 * Chromium: Debian's `chromium` (or CHROMIUM_PATH). Without it the browser test is skipped with a message, except
 * in CI (`CI` set), where it must run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseContract } from "../../src/contracts/index.js";
import { buildReportFromStatuses } from "../../src/reporting/from-statuses.js";
import { renderReport } from "../../src/reporting/render/index.js";
import type { ServiceReport } from "../../src/reporting/types.js";
import { contract, contractInput, status, target } from "./fixtures.js";
import { options, plan, statuses } from "./worked.js";

const report = buildReportFromStatuses(contract, statuses, options, plan);
const html = renderReport(report, "html");

/** A report whose every host-given text tries to break out of its context. */
function hostileReport(): ServiceReport {
  const evil = `"><img src=x onerror="console.error('xss')"><script>console.error('xss')</script>`;
  const input = { ...contractInput, name: `Evil ${evil}`, levels: [{ id: "level2", name: `L ${evil}` }] };
  const c = parseContract({ ...input, id: "evil-contract" });
  const s = status(`=HYPERLINK("http://x")${evil}`, {
    level: "level2",
    channel: `chan ${evil}`,
    opened: "2025-10-02T10:00:00+08:00",
    targets: [
      target("resolve", "level2", "breached", {
        due: "2025-10-02T11:00:00+08:00",
        breach: "2025-10-02T11:00:00.001+08:00",
        stop: "2025-10-02T12:00:00+08:00",
        elapsedMin: 120,
      }),
    ],
    surveys: [{ channel: `survey ${evil}`, satisfied: true, at: "2025-10-02T12:00:00+08:00" }],
  });
  return buildReportFromStatuses(c, [s], options, plan);
}

describe("HTML report, static", () => {
  it("is one self-contained document: no script, no external resource, a CSP that forbids loads", () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<iframe|@import|url\(/i);
    // The only URL is the SVG namespace.
    expect(html.match(/https?:\/\/[^"\s]+/g)?.every((u) => u === "http://www.w3.org/2000/svg")).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
  });

  it("has three charts, each with a title and a description of its figures, and tables with the figures", () => {
    const svgs = html.match(/<svg[^>]*>/g) ?? [];
    expect(svgs).toHaveLength(3);
    for (const svg of svgs)
      expect(svg).toMatch(/role="img" aria-labelledby="chart-\w+-title chart-\w+-desc"/);
    expect(html).toContain(
      '<title id="chart-compliance-title">Compliance per target and fault level</title>',
    );
    expect(html).toContain(
      '<desc id="chart-satisfaction-desc">consultation: 66.7 % (2 / 3), target 98.0 %; onSite: 100.0 % (1 / 1), target 95.0 %; product: no surveys, target 95.0 %</desc>',
    );
    expect(html).toContain(
      '<desc id="chart-breaches-desc">4 breaches in all; per day of the period: 2025-10-03: 1, 2025-10-04: 1, 2025-10-15: 2.</desc>',
    );
    expect(html.match(/<table>/g)).toHaveLength(8);
    expect(html).toContain("<caption>");
    expect(html).toContain('<th scope="col">');
  });

  it("draws breaches per day up to a quarter, per month beyond", () => {
    const quarter = renderReport(
      buildReportFromStatuses(contract, statuses, { ...options, period: { quarter: "2025-Q4" } }, plan),
      "html",
    );
    expect(quarter).toContain(
      '<title id="chart-breaches-title">Breaches per day (local dates, Asia/Shanghai)</title>',
    );
    const year = renderReport(
      buildReportFromStatuses(contract, statuses, { ...options, period: { year: "2025" } }, plan),
      "html",
    );
    expect(year).toContain(
      '<title id="chart-breaches-title">Breaches per month (local dates, Asia/Shanghai)</title>',
    );
    expect(year).toContain("per month of the period: 2025-10: 4.");
  });

  it("escapes every host-given text", () => {
    const evil = renderReport(hostileReport(), "html");
    expect(evil).not.toMatch(/<script|<img|onerror="/i);
    expect(evil).toContain(
      "Evil &#34;&#62;&#60;img src=x onerror=&#34;console.error(&#39;xss&#39;)&#34;&#62;",
    );
    const md = renderReport(hostileReport(), "markdown");
    // Every "<" in Markdown is backslash-escaped, so no HTML tag gets through.
    expect(md).not.toMatch(/(^|[^\\])</m);
    expect(md).toContain("\\<script\\>");
    const csv = renderReport(hostileReport(), "csv").split("\r\n")[1] ?? "";
    // A formula cell gets a leading quote; the field is quoted because it holds quotes.
    expect(csv.startsWith(`"'=HYPERLINK(""http://x"")`)).toBe(true);
  });
});

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => p !== undefined && p !== "" && existsSync(p));
}

const chromium = findChromium();
const inCi = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";
if (chromium === undefined && !inCi) {
  console.warn(
    "⚠ Skipping the headless-Chromium HTML test: chromium not found (apt-get install chromium, or set CHROMIUM_PATH).",
  );
}

describe.skipIf(chromium === undefined && !inCi)("HTML report in headless Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "slakit-html-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("renders its three charts with no console message, and catches one where there is", () => {
    expect(
      chromium,
      "chromium is required in CI: .ci/run installs it (apt-get install chromium)",
    ).toBeDefined();
    writeFileSync(join(dir, "report.html"), html);
    writeFileSync(join(dir, "hostile.html"), renderReport(hostileReport(), "html"));
    // Control: a page that does log, to prove the log is read.
    writeFileSync(
      join(dir, "control.html"),
      `<!DOCTYPE html><html><body><script>console.error("control-message")</script></body></html>`,
    );
    // A wrapper reads the laid-out charts of the reports (file:// frames need --allow-file-access-from-files).
    writeFileSync(
      join(dir, "wrapper.html"),
      `<!DOCTYPE html><html><body>
<iframe id="report" src="report.html" style="width:1000px;height:4000px"></iframe>
<iframe id="hostile" src="hostile.html" style="width:1000px;height:4000px"></iframe>
<iframe id="control" src="control.html"></iframe>
<pre id="out">pending</pre>
<script>
window.addEventListener("load", () => {
  const read = (id) => {
    const d = document.getElementById(id).contentDocument;
    return {
      title: d.title,
      tables: d.querySelectorAll("table").length,
      scripts: d.querySelectorAll("script, img").length,
      charts: [...d.querySelectorAll("svg.chart")].map((s) => {
        const box = s.getBoundingClientRect();
        return { width: Math.round(box.width), height: Math.round(box.height), title: s.querySelector("title").textContent, desc: s.querySelector("desc").textContent.length, bars: s.querySelectorAll("rect").length };
      }),
    };
  };
  document.getElementById("out").textContent = JSON.stringify({ report: read("report"), hostile: read("hostile") });
});
</script></body></html>`,
    );
    const result = spawnSync(
      chromium as string,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--user-data-dir=${join(dir, "profile")}`,
        "--allow-file-access-from-files",
        "--enable-logging=stderr",
        "--v=0",
        "--dump-dom",
        `file://${join(dir, "wrapper.html")}`,
      ],
      { encoding: "utf8", timeout: 90_000 },
    );
    expect(result.error).toBeUndefined();
    const out = /<pre id="out">(.*?)<\/pre>/s.exec(result.stdout)?.[1];
    expect(out, `no result from Chromium; stderr:\n${result.stderr}`).toBeDefined();
    const seen = JSON.parse(
      (out as string)
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">"),
    );

    expect(seen.report.title).toBe(
      "Service report: School digital-teaching system (seed 000), 2025-10-01 – 2025-10-31",
    );
    expect(seen.report.tables).toBe(8);
    expect(seen.report.charts.map((c: { title: string }) => c.title)).toEqual([
      "Compliance per target and fault level",
      "Breaches per day (local dates, Asia/Shanghai)",
      "Satisfaction per channel against target",
    ]);
    for (const chart of [...seen.report.charts, ...seen.hostile.charts]) {
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.height).toBeGreaterThan(40);
      expect(chart.desc).toBeGreaterThan(20);
    }
    // Bars drawn: 6 compliance bars, 3 days with breaches, 2 channels with surveys.
    expect(seen.report.charts.map((c: { bars: number }) => c.bars)).toEqual([6, 3, 2]);
    // The hostile texts stayed text.
    expect(seen.hostile.scripts).toBe(0);

    const consoleLines = result.stderr.split("\n").filter((l) => /CONSOLE/.test(l));
    expect(consoleLines.some((l) => l.includes("control-message"))).toBe(true);
    const fromReports = consoleLines.filter((l) => !l.includes("control.html"));
    expect(fromReports, "the reports logged to the console").toEqual([]);
  });
});
