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
 * Where a cell starts that a spreadsheet may run as a formula: `=`, `+`, `-`, `@` (OWASP's list, with tab and
 * CR), their fullwidth forms `＝` `＋` `－` `＠` (East-Asian input conversion turns them into the ASCII ones), and
 * any whitespace, LF and space included (a spreadsheet that trims cells would see the formula behind it).
 */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\s]/u;

/**
 * One CSV field: a cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, their fullwidth
 * forms `＝＋－＠`, or whitespace: space, tab, CR, LF, …) gets a leading `'`; a field holding a comma, quote, CR
 * or LF is quoted, quotes doubled (RFC 4180).
 * @internal
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Renders the kept rows as CSV with a header line and CRLF line ends. @internal */
export function renderCsv(r: ServiceReport): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of r.rows.items) lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
