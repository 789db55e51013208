/**
 * The report as Markdown tables (CommonMark + GFM tables).
 * @internal
 * @module
 */
import { percentText } from "../kpis.js";
import type { ServiceReport } from "../types.js";
import {
  dur,
  kpiBasis,
  kpiTally,
  kpiThreshold,
  kpiValue,
  levelName,
  localTime,
  pct,
  statusText,
  TARGET_COLUMNS,
  targetName,
  targetRows,
  windowText,
} from "./format.js";

/** Most breach rows printed in Markdown and HTML; the rest are counted. @internal */
export const PRINTED_BREACHES = 200;

/** Escapes text for a Markdown table cell or line: no markup, no HTML, no column breaks. @internal */
export function mdText(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ").replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/** A GFM table; every header and cell is escaped here (`mdText`), so no caller writes a cell raw. */
function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]): string =>
    `| ${cells.map((c) => mdText(String(c))).join(" | ")} |`;
  const align = `| ${header.map(() => "---").join(" | ")} |`;
  return [line(header), align, ...rows.map(line)].join("\n");
}

/** A count or other value interpolated in a Markdown line, escaped. */
function md(value: string | number): string {
  return mdText(String(value));
}

const STATUS_MARK = { pass: "✅ pass", fail: "❌ fail", noData: "➖ no data" } as const;

/** Renders a report as Markdown. @internal */
export function renderMarkdown(r: ServiceReport): string {
  const out: string[] = [];
  const title = r.contract.name ?? r.contract.id;
  out.push(`# Service report: ${mdText(title)}`);
  out.push("");
  out.push(
    `Contract \`${r.contract.id.replace(/`/g, "'")}\` · zone ${mdText(r.contract.timezone)} · period ${mdText(windowText(r))} (tickets opened from ${mdText(localTime(r, r.window.from))} to before ${mdText(localTime(r, r.window.to))}) · evaluated at ${mdText(localTime(r, r.window.now))}`,
  );
  out.push("");
  const tally = kpiTally(r);
  out.push("## Summary");
  out.push("");
  out.push(
    `- Tickets opened: ${md(r.tickets.count)} (resolved ${md(r.tickets.resolved)}, closed ${md(r.tickets.closed)})`,
  );
  if (r.tickets.outsideWindow > 0)
    out.push(
      `- Not counted (opened outside the period or after the evaluation): ${md(r.tickets.outsideWindow)}`,
    );
  if (r.skipped.count > 0) out.push(`- Skipped (could not be evaluated): ${md(r.skipped.count)}`);
  out.push(`- Breaches: ${md(r.breaches.total)}`);
  out.push(`- KPIs: ${tally.pass} pass, ${tally.fail} fail, ${tally.noData} without data`);
  out.push("");

  out.push("## KPIs");
  out.push("");
  if (r.kpis.length === 0) out.push("The contract states no KPIs.");
  else {
    out.push(
      table(
        ["KPI", "Target", "Actual", "Basis", "Status"],
        r.kpis.map((k) => [
          `${k.label} [${k.id}]`,
          kpiThreshold(k),
          kpiValue(k),
          k.status === "noData" ? (k.note ?? "") : kpiBasis(k),
          STATUS_MARK[k.status] ?? statusText(k),
        ]),
      ),
    );
  }
  out.push("");

  out.push("## Compliance per target and level");
  out.push("");
  out.push(
    "Compliance = met / decided (met + breached + open and already breached). Elapsed working time over stopped cycles; median and p90 by nearest rank.",
  );
  out.push("");
  if (r.targets.length === 0) out.push("No target cycles.");
  else {
    out.push(table(TARGET_COLUMNS, targetRows(r)));
  }
  out.push("");

  out.push("## Satisfaction per channel");
  out.push("");
  if (r.satisfaction.length === 0) out.push("No surveys.");
  else {
    out.push(
      table(
        ["Channel", "Satisfied", "Surveys", "Rate", "Target"],
        r.satisfaction.map((s) => [
          s.channel,
          String(s.satisfied),
          String(s.surveys),
          pct(s.rate),
          s.min === null ? "—" : `≥ ${percentText(s.min)}`,
        ]),
      ),
    );
  }
  out.push("");

  out.push("## Tickets per channel");
  out.push("");
  if (r.channels.length === 0) out.push("No tickets.");
  else {
    out.push(
      table(
        ["Channel", "Tickets", "Resolved", "Mean handling time (wall clock)"],
        r.channels.map((c) => [
          c.channel ?? "(none)",
          String(c.tickets),
          String(c.resolved),
          dur(c.meanHandlingMs),
        ]),
      ),
    );
  }
  out.push("");

  out.push("## Tickets and breaches per day");
  out.push("");
  if (r.days.length === 0) out.push("No tickets or breaches.");
  else
    out.push(
      table(
        ["Date", "Opened", "Breaches"],
        r.days.map((d) => [d.date, String(d.opened), String(d.breaches)]),
      ),
    );
  out.push("");

  out.push("## Inspections");
  out.push("");
  if (r.inspections.items.length === 0) out.push("No inspections planned in this period.");
  else {
    if (!r.inspections.provided) out.push("No performed inspections were given to this report.\n");
    out.push(
      table(
        ["Inspection", "From", "Due", "Required", "Done", "State"],
        r.inspections.items.map((i) => [
          i.inspectionId,
          localTime(r, i.from),
          localTime(r, i.dueAt),
          String(i.required),
          String(i.done),
          i.state,
        ]),
      ),
    );
  }
  out.push("");

  if (r.escalations.length > 0) {
    out.push("## Escalation steps");
    out.push("");
    out.push(
      table(
        ["Target", "Step", "Action", "Due", "Skipped", "Scheduled"],
        r.escalations.map((e) => [
          targetName(r, e.targetId),
          e.stepId,
          e.action,
          String(e.due),
          String(e.skipped),
          String(e.scheduled),
        ]),
      ),
    );
    out.push("");
  }

  out.push("## Breaches");
  out.push("");
  const shown = r.breaches.items.slice(0, PRINTED_BREACHES);
  if (r.breaches.total === 0) out.push("No breaches.");
  else {
    out.push(
      table(
        ["Ticket", "Target", "Cycle", "Level", "Due", "Breached at", "Stopped"],
        shown.map((b) => [
          b.ticketId,
          targetName(r, b.targetId),
          String(b.cycle),
          levelName(r, b.level),
          localTime(r, b.dueAt),
          localTime(r, b.breachedAt),
          b.stoppedAt === null ? "open" : localTime(r, b.stoppedAt),
        ]),
      ),
    );
    if (shown.length < r.breaches.total) {
      out.push("");
      out.push(`The first ${md(shown.length)} of ${md(r.breaches.total)} breaches, by breach time.`);
    }
  }
  out.push("");
  return out.join("\n");
}
