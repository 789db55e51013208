/**
 * The report as one self-contained HTML file: inline CSS and SVG, no script, no network (a
 * Content-Security-Policy forbids every external load), readable from disk.
 * @internal
 * @module
 */

import { percentText } from "../kpis.js";
import type { ServiceReport } from "../types.js";
import {
  datesBetween,
  dur,
  kpiBasis,
  kpiTally,
  kpiThreshold,
  kpiValue,
  levelName,
  localTime,
  pct,
  TARGET_COLUMNS,
  targetName,
  targetRows,
  windowText,
} from "./format.js";
import { PRINTED_BREACHES } from "./markdown.js";
import { COLORS, type Column, columns, esc, type RatioBar, ratioBars } from "./svg.js";

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif;
  color: ${COLORS.text}; background: #fff; margin: 0; }
header, main, footer { max-width: 1160px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.2em; margin: 32px 0 8px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
.meta, .note { color: ${COLORS.muted}; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; padding: 0; list-style: none; }
.cards li { border: 1px solid #ccc; border-radius: 6px; padding: 8px 14px; min-width: 140px; }
.cards .n { display: block; font-size: 1.5em; font-weight: 600; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.92em; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nw { white-space: nowrap; }
.status { font-weight: 600; white-space: nowrap; }
.pass { color: ${COLORS.pass}; } .fail { color: ${COLORS.fail}; } .noData { color: ${COLORS.muted}; }
figure { margin: 8px 0 16px; }
figcaption { color: ${COLORS.muted}; font-size: 0.9em; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
.scroll { overflow-x: auto; }
footer { margin: 40px auto 24px; font-size: 0.85em; color: ${COLORS.muted}; }
@media print { h2 { break-after: avoid; } figure, table { break-inside: avoid; } }
`;

const STATUS_TEXT = { pass: "✔ pass", fail: "✘ fail", noData: "– no data" } as const;

type Cell = string | number | { readonly html: string; readonly cls?: string };

function td(cell: Cell): string {
  if (typeof cell === "number") return `<td class="num">${esc(String(cell))}</td>`;
  if (typeof cell === "string")
    return cell.length <= 24 ? `<td class="nw">${esc(cell)}</td>` : `<td>${esc(cell)}</td>`;
  return `<td${cell.cls === undefined ? "" : ` class="${cell.cls}"`}>${cell.html}</td>`;
}

function table(caption: string, header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const head = header.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  const body = rows
    .map((row) => {
      const [first, ...rest] = row;
      const head = first as Cell;
      const th = `<th scope="row">${typeof head === "object" ? head.html : esc(String(head))}</th>`;
      return `<tr>${th}${rest.map(td).join("")}</tr>`;
    })
    .join("\n");
  return `<div class="scroll"><table><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function section(id: string, title: string, content: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>\n${content}\n</section>`;
}

function complianceMin(r: ServiceReport, targetId: string, level: string): number | null {
  for (const k of r.contract.kpis) {
    if (
      k.kind === "targetCompliance" &&
      k.target === targetId &&
      (k.level === undefined || k.level === level)
    )
      return k.min;
  }
  return null;
}

function complianceChart(r: ServiceReport): string {
  const bars: RatioBar[] = r.targets.map((t) => ({
    label: `${targetName(r, t.targetId)} · ${levelName(r, t.level)}`,
    shortLabel: `${t.targetId} · ${t.level}`,
    value: t.compliance,
    min: complianceMin(r, t.targetId, t.level),
    valueText:
      t.compliance === null ? "nothing decided yet" : `${pct(t.compliance)} (${t.counts.met} / ${t.decided})`,
  }));
  const desc =
    bars.length === 0
      ? "No target cycles in this period."
      : bars
          .map((b) => `${b.label}: ${b.valueText}${b.min === null ? "" : `, minimum ${pct(b.min)}`}`)
          .join("; ");
  return ratioBars(
    { id: "chart-compliance", title: "Compliance per target and fault level", desc },
    bars,
    "No target cycles in this period.",
  );
}

function breachesChart(r: ServiceReport): { svg: string; note: string } {
  const dates = datesBetween(r.window.firstDate, r.window.lastDate, 3_700);
  const byDate = new Map(r.days.map((d) => [d.date, d.breaches]));
  let cols: Column[];
  let unit: string;
  if (dates.length <= 93) {
    unit = "day";
    const every = Math.ceil(dates.length / 16);
    cols = dates.map((d, i) => ({
      label: d,
      tick: i % every === 0 ? d.slice(5) : "",
      value: byDate.get(d) ?? 0,
    }));
  } else {
    unit = "month";
    const months = new Map<string, number>();
    for (const d of dates) months.set(d.slice(0, 7), (months.get(d.slice(0, 7)) ?? 0) + (byDate.get(d) ?? 0));
    const every = Math.ceil(months.size / 16);
    cols = [...months].map(([m, v], i) => ({ label: m, tick: i % every === 0 ? m : "", value: v }));
  }
  const inWindow = cols.reduce((s, c) => s + c.value, 0);
  const outside = r.days.reduce((s, d) => s + d.breaches, 0) - inWindow;
  const total = r.breaches.total;
  const nonzero = cols.filter((c) => c.value > 0).map((c) => `${c.label}: ${c.value}`);
  const desc = `${total} breaches in all; per ${unit} of the period: ${nonzero.length === 0 ? "none" : nonzero.join(", ")}${outside > 0 ? `; ${outside} on later dates` : ""}.`;
  const svg = columns(
    { id: "chart-breaches", title: `Breaches per ${unit} (local dates, ${r.contract.timezone})`, desc },
    cols,
    COLORS.fail,
    "No dates in this period.",
  );
  const note =
    outside > 0
      ? `${outside} breaches of tickets opened in the period happened after its last day and are not drawn.`
      : "";
  return { svg, note };
}

function satisfactionChart(r: ServiceReport): string {
  const bars: RatioBar[] = r.satisfaction.map((s) => ({
    label: s.channel,
    value: s.rate,
    min: s.min,
    valueText: s.rate === null ? "no surveys" : `${pct(s.rate)} (${s.satisfied} / ${s.surveys})`,
  }));
  const desc =
    bars.length === 0
      ? "No surveys in this period."
      : bars
          .map((b) => `${b.label}: ${b.valueText}${b.min === null ? "" : `, target ${pct(b.min)}`}`)
          .join("; ");
  return ratioBars(
    { id: "chart-satisfaction", title: "Satisfaction per channel against target", desc },
    bars,
    "No surveys in this period.",
  );
}

/** Renders a report as a self-contained HTML document. @internal */
export function renderHtml(r: ServiceReport): string {
  const title = r.contract.name ?? r.contract.id;
  const tally = kpiTally(r);
  const parts: string[] = [];
  parts.push(
    `<header><h1>Service report: ${esc(title)}</h1><p class="meta">Contract <code>${esc(r.contract.id)}</code> · ${esc(r.contract.timezone)} · period ${esc(windowText(r))} (tickets opened from ${esc(localTime(r, r.window.from))} to before ${esc(localTime(r, r.window.to))}) · evaluated at ${esc(localTime(r, r.window.now))}</p></header>`,
  );
  parts.push("<main>");
  const cards: [string, number][] = [
    ["tickets opened", r.tickets.count],
    ["resolved", r.tickets.resolved],
    ["breaches", r.breaches.total],
    ["KPIs passed", tally.pass],
    ["KPIs failed", tally.fail],
    ["KPIs without data", tally.noData],
  ];
  let summary = `<ul class="cards">${cards.map(([label, n]) => `<li><span class="n">${esc(String(n))}</span>${esc(label)}</li>`).join("")}</ul>`;
  const notes: string[] = [];
  if (r.tickets.outsideWindow > 0)
    notes.push(
      `Not counted: ${r.tickets.outsideWindow} ${r.tickets.outsideWindow === 1 ? "ticket" : "tickets"} opened outside the period or after the evaluation.`,
    );
  if (r.skipped.count > 0)
    notes.push(
      `Skipped: ${r.skipped.count} ${r.skipped.count === 1 ? "ticket" : "tickets"} that could not be evaluated.`,
    );
  if (notes.length > 0) summary += `<p class="note">${esc(notes.join(" "))}</p>`;
  parts.push(section("summary", "Summary", summary));

  parts.push(
    section(
      "kpis",
      "KPIs",
      r.kpis.length === 0
        ? `<p class="note">The contract states no KPIs.</p>`
        : table(
            "Every KPI of the contract against its target",
            ["KPI", "Target", "Actual", "Basis", "Status"],
            r.kpis.map((k) => [
              {
                html: `${esc(`${k.label} [${k.id}]`)}${
                  k.definition.description === undefined
                    ? ""
                    : `<br><small class="note">${esc(k.definition.description)}</small>`
                }`,
              },
              kpiThreshold(k),
              kpiValue(k),
              k.status === "noData" ? (k.note ?? "") : kpiBasis(k),
              { html: `<span class="status">${esc(STATUS_TEXT[k.status])}</span>`, cls: k.status },
            ]),
          ),
    ),
  );

  parts.push(
    section(
      "compliance",
      "Compliance per target and level",
      `<figure>${complianceChart(r)}<figcaption>Bars: met / decided cycles (met + breached + open and already breached). Dashed line: the contract's minimum.</figcaption></figure>` +
        table(
          "Target cycles by outcome, and elapsed working time of the stopped cycles (median and p90 by nearest rank)",
          TARGET_COLUMNS,
          targetRows(r),
        ),
    ),
  );

  const breaches = breachesChart(r);
  parts.push(
    section(
      "per-day",
      "Breaches over the period",
      `<figure>${breaches.svg}<figcaption>Breaches by the local date on which the target was exceeded.${breaches.note === "" ? "" : ` ${esc(breaches.note)}`}</figcaption></figure>` +
        (r.days.length === 0
          ? ""
          : table(
              "Tickets opened and breaches per local date (dates with either)",
              ["Date", "Opened", "Breaches"],
              r.days.map((d) => [d.date, d.opened, d.breaches]),
            )),
    ),
  );

  parts.push(
    section(
      "satisfaction",
      "Satisfaction per channel",
      `<figure>${satisfactionChart(r)}<figcaption>Bars: satisfied / answered surveys. Dashed line: the contract's target.</figcaption></figure>` +
        (r.satisfaction.length === 0
          ? ""
          : table(
              "Surveys per channel",
              ["Channel", "Satisfied", "Surveys", "Rate", "Target"],
              r.satisfaction.map((s) => [
                s.channel,
                s.satisfied,
                s.surveys,
                pct(s.rate),
                s.min === null ? "—" : `≥ ${percentText(s.min)}`,
              ]),
            )),
    ),
  );

  parts.push(
    section(
      "channels",
      "Tickets per channel",
      r.channels.length === 0
        ? `<p class="note">No tickets.</p>`
        : table(
            "Tickets, resolutions and mean handling time (wall clock, opening to resolution) per channel",
            ["Channel", "Tickets", "Resolved", "Mean handling time"],
            r.channels.map((c) => [c.channel ?? "(none)", c.tickets, c.resolved, dur(c.meanHandlingMs)]),
          ),
    ),
  );

  parts.push(
    section(
      "inspections",
      "Inspections",
      r.inspections.items.length === 0
        ? `<p class="note">No inspections planned in this period.</p>`
        : (r.inspections.provided
            ? ""
            : `<p class="note">No performed inspections were given to this report.</p>`) +
            table(
              `Planned inspections: ${r.inspections.done} done of ${r.inspections.due} done or due`,
              ["Inspection", "From", "Due", "Required", "Done", "State"],
              r.inspections.items.map((i) => [
                i.inspectionId,
                localTime(r, i.from),
                localTime(r, i.dueAt),
                i.required,
                i.done,
                i.state,
              ]),
            ),
    ),
  );

  if (r.escalations.length > 0) {
    parts.push(
      section(
        "escalations",
        "Escalation steps",
        table(
          "Escalation steps by state at the evaluation",
          ["Target", "Step", "Action", "Due", "Skipped", "Scheduled"],
          r.escalations.map((e) => [
            targetName(r, e.targetId),
            e.stepId,
            e.action,
            e.due,
            e.skipped,
            e.scheduled,
          ]),
        ),
      ),
    );
  }

  const shown = r.breaches.items.slice(0, PRINTED_BREACHES);
  parts.push(
    section(
      "breaches",
      "Breaches",
      r.breaches.total === 0
        ? `<p class="note">No breaches.</p>`
        : table(
            shown.length < r.breaches.total
              ? `The first ${shown.length} of ${r.breaches.total} breaches, by breach time`
              : `All ${r.breaches.total} breaches, by breach time`,
            ["Ticket", "Target", "Cycle", "Level", "Due", "Breached at", "Stopped"],
            shown.map((b) => [
              b.ticketId,
              targetName(r, b.targetId),
              b.cycle,
              levelName(r, b.level),
              localTime(r, b.dueAt),
              localTime(r, b.breachedAt),
              b.stoppedAt === null ? "still open" : localTime(r, b.stoppedAt),
            ]),
          ),
    ),
  );
  parts.push("</main>");
  parts.push(
    `<footer>Generated by slakit (report format ${esc(r.format)}, contract fingerprint ${esc(r.contract.fingerprint)}). Times are local to ${esc(r.contract.timezone)}.</footer>`,
  );

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`Service report: ${title}, ${windowText(r)}`)}</title>
<style>${CSS}</style>
</head>
<body>
${parts.join("\n")}
</body>
</html>
`;
}
