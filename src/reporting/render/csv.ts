/**
 * The report's ticket-target rows as CSV (RFC 4180), safe to open in a spreadsheet.
 * @internal
 * @module
 */
import type { ServiceReport, TicketTargetRow } from "../types.js";

/** The CSV columns, in order: the fields of a `TicketTargetRow`. @internal */
export const CSV_COLUMNS: readonly (keyof TicketTargetRow)[] = [
  "ticketId",
  "openedAt",
  "resolvedAt",
  "channel",
  "phase",
  "targetId",
  "cycle",
  "level",
  "outcome",
  "startedAt",
  "dueAt",
  "stoppedAt",
  "breachedAt",
  "elapsedMs",
  "pausedMs",
  "targetMs",
];

/**
 * One CSV field: a cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
 * return) gets a leading `'`; a field holding a comma, quote, CR or LF is quoted, quotes doubled (RFC 4180).
 * @internal
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Renders the kept rows as CSV with a header line and CRLF line ends. @internal */
export function renderCsv(r: ServiceReport): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of r.rows.items) lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
