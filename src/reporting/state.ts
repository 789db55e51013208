/**
 * The mergeable state behind a report: its context and one accumulator per figure. Counting a ticket, merging
 * two states, finishing a report and reading one back are loops over the figures; a report is the figures'
 * sections plus the KPI verdicts judged from them.
 * @internal
 * @module
 */
import type { Evaluation } from "../escalation/kernel.js";
import type { ReportContext } from "./context.js";
import type { Figure, ReportBody } from "./figure.js";
import { breachesFigure } from "./figures/breaches.js";
import { channelsFigure } from "./figures/channels.js";
import { daysFigure } from "./figures/days.js";
import { escalationsFigure } from "./figures/escalations.js";
import { inspectionsFigure } from "./figures/inspections.js";
import { rowsFigure } from "./figures/rows.js";
import { countSkipped, skippedFigure } from "./figures/skipped.js";
import { targetsFigure } from "./figures/targets.js";
import { countOutsideWindow, ticketsFigure } from "./figures/tickets.js";
import { deriveKpis } from "./kpis.js";
import { expectConsistent } from "./report-json.js";
import type { ServiceReport } from "./types.js";

/**
 * The figures of a report, in the order they are read back from a report (which fixes which malformed value
 * a merge names first).
 */
const FIGURES = {
  tickets: ticketsFigure,
  targets: targetsFigure,
  channels: channelsFigure,
  days: daysFigure,
  escalations: escalationsFigure,
  breaches: breachesFigure,
  rows: rowsFigure,
  inspections: inspectionsFigure,
  skipped: skippedFigure,
};

type FigureName = keyof typeof FIGURES;
const FIGURE_NAMES = Object.keys(FIGURES) as FigureName[];

/** The accumulator of each figure. @internal */
export type FigureAccs = {
  readonly [K in FigureName]: ReturnType<(typeof FIGURES)[K]["empty"]>;
};

/** A figure with its types forgotten, for the loops (each figure only ever sees its own accumulator). */
type AnyFigure = Figure<unknown, Partial<ReportBody>>;

/** The figures as a list, in `FIGURE_NAMES` order (the loops run once per ticket: no lookup by name). */
const FIGURE_LIST = FIGURE_NAMES.map((name) => FIGURES[name] as AnyFigure);

/** A report under construction: its context and its figures' accumulators. @internal */
export interface ReportState {
  readonly context: ReportContext;
  /** The accumulators by figure name. */
  readonly figures: FigureAccs;
  /** The same accumulators, in `FIGURE_LIST` order. */
  readonly accs: readonly unknown[];
}

function stateOf(context: ReportContext, make: (figure: AnyFigure) => unknown): ReportState {
  const accs = FIGURE_LIST.map(make);
  const figures: Record<string, unknown> = {};
  FIGURE_NAMES.forEach((name, i) => {
    figures[name] = accs[i];
  });
  return { context, figures: figures as FigureAccs, accs };
}

/**
 * A new report state, for no ticket.
 *
 * @param context - The report's context (`contextOf`).
 * @returns The state.
 * @internal
 */
export function createState(context: ReportContext): ReportState {
  return stateOf(context, (figure) => figure.empty(context));
}

/**
 * Counts one ticket's evaluation into the state: into every figure when it was opened in the window and not
 * after `now`, else only as outside the window.
 *
 * @param state - The state.
 * @param evaluation - The ticket evaluated at the report's `now`.
 * @throws SlaError `E_LIMIT` when a sum outgrows exact integers.
 * @example
 * ```ts
 * addEvaluation(state, evaluate(contract, ticket, state.context.now));
 * ```
 * @internal
 */
export function addEvaluation(state: ReportState, evaluation: Evaluation): void {
  const { context, accs } = state;
  const openedAt = evaluation.openedAt;
  if (openedAt < context.from || openedAt >= context.to || openedAt > context.now) {
    countOutsideWindow(state.figures.tickets);
    return;
  }
  for (let i = 0; i < FIGURE_LIST.length; i++)
    (FIGURE_LIST[i] as AnyFigure).add(accs[i], evaluation, context);
}

/** Counts a ticket that could not be evaluated. @internal */
export function addSkipped(state: ReportState, ticketId: string, code: string, message: string): void {
  countSkipped(state.figures.skipped, ticketId, code, message);
}

/**
 * Adds everything of `from` into `into` (states of the same context: see `checkMergeable`).
 * @throws SlaError `E_LIMIT` when a sum outgrows exact integers.
 * @internal
 */
export function absorbState(into: ReportState, from: ReportState): void {
  FIGURE_LIST.forEach((figure, i) => {
    figure.absorb(into.accs[i], from.accs[i], into.context);
  });
}

/**
 * The report of a state: every figure's sections, and the KPIs judged from them, in the order of the fields of
 * `ServiceReport`.
 *
 * @param state - The state (it may be finished again, not changed afterwards).
 * @returns The report.
 * @internal
 */
export function finishState(state: ReportState): ServiceReport {
  const { context } = state;
  const parts: Partial<ReportBody> = {};
  FIGURE_LIST.forEach((figure, i) => {
    Object.assign(parts, figure.finish(state.accs[i], context));
  });
  const body = parts as ReportBody;
  return {
    format: "slakit.report/1",
    contract: context.contract,
    window: context.window,
    options: context.options,
    tickets: body.tickets,
    kpis: deriveKpis(context.contract.kpis, context.kpiRules, body),
    targets: body.targets,
    satisfaction: body.satisfaction,
    channels: body.channels,
    days: body.days,
    escalations: body.escalations,
    inspections: body.inspections,
    breaches: body.breaches,
    rows: body.rows,
    skipped: body.skipped,
  };
}

/**
 * The state of a report read back (built here or parsed from JSON).
 *
 * @param report - The report, with its context already read (`readContext`).
 * @param path - Its name in messages (`"a"`, `"b"`).
 * @param context - Its context.
 * @returns The state.
 * @throws SlaError `E_OPTION` with the path of the first malformed value.
 * @internal
 */
export function readState(report: ServiceReport, path: string, context: ReportContext): ReportState {
  const state = stateOf(context, (figure) => figure.read(report, path, context));
  checkAcrossFigures(state, path);
  return state;
}

/**
 * Refuses a state read back whose figures contradict each other: every ticket is counted once per channel and
 * once per local date, every late cycle with a breach instant once in the breaches and once per date, every
 * cycle (or every late one, with `rows: "breaches"`) once in the rows.
 * @throws SlaError `E_OPTION` "Inconsistent report figures: …" at the section that does not add up.
 */
function checkAcrossFigures(state: ReportState, path: string): void {
  const { tickets, channels, days, targets, breaches, rows } = state.figures;
  let channelTickets = 0;
  let channelResolved = 0;
  for (const c of channels.channels.values()) {
    channelTickets += c.tickets;
    channelResolved += c.resolved;
  }
  const at = (section: string): string => `${path}.${section}`;
  expectConsistent(
    channelTickets === tickets.count,
    "tickets per channel do not add up to tickets.count",
    at("channels"),
  );
  expectConsistent(
    channelResolved === tickets.resolved,
    "resolved per channel do not add up to tickets.resolved",
    at("channels"),
  );
  let opened = 0;
  let breachedOnDays = 0;
  for (const d of days.byDate.values()) {
    opened += d.opened;
    breachedOnDays += d.breaches;
  }
  expectConsistent(opened === tickets.count, "tickets per date do not add up to tickets.count", at("days"));
  expectConsistent(
    breachedOnDays === breaches.items.total,
    "breaches per date do not add up to breaches.total",
    at("days"),
  );
  let cycles = 0;
  let late = 0;
  for (const byLevel of targets.byTarget.values()) {
    for (const t of byLevel.values()) {
      late += t.breached + t.openBreached;
      cycles += t.met + t.breached + t.open + t.openBreached + t.pending + t.cancelled;
    }
  }
  expectConsistent(breaches.items.total <= late, "more breaches than late cycles", at("breaches.total"));
  const rowsExpected = state.context.options.rows === "breaches" ? late : cycles;
  expectConsistent(
    rows.items.total === rowsExpected,
    "rows.total is not the number of cycles counted",
    at("rows.total"),
  );
}
