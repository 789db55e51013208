/**
 * The contract's zone and its calendars, compiled once. A calendar validates its own spec and reports with its
 * own messages; the calendar names then become the table that targets and inspections refer to.
 * @internal
 * @module
 */
import { type Calendar, type CalendarSpec, compileCalendar, getZone } from "../../calendar/kernel.js";
import type { CompileContext } from "./context.js";
import type { RawNode } from "./raw.js";

/** Reads the contract's `timezone` into `ctx.zone` (an unknown zone is an issue). @internal */
export function compileZone(ctx: CompileContext): void {
  const timezone = ctx.root.field("timezone").text;
  if (timezone !== undefined) ctx.zone = ctx.issues.run(() => getZone(timezone, "timezone"));
}

/**
 * Compiles each of the contract's `calendars` into `ctx.calendars`, recording the paths of those that fail, and
 * fills `ctx.calendarNames` with every name. An empty `calendars` object is an `E_MISSING` issue.
 * @internal
 */
export function compileCalendars(ctx: CompileContext): void {
  const calendars = ctx.root.field("calendars");
  const names = calendars.keys();
  for (const name of names) {
    const spec = calendars.field(name);
    const compiled = ctx.issues.run(() => compileCalendar(spec.value as CalendarSpec, spec.path));
    if (compiled === undefined) ctx.failedCalendars.add(spec.path);
    else ctx.calendars.set(name, compiled);
  }
  if (calendars.isObject && names.length === 0)
    ctx.issues.add("E_MISSING", "calendars", "A contract needs at least one calendar");
  ctx.calendarNames = { noun: "calendar", names };
}

/**
 * The calendar a `calendar` field names, checked against the contract's calendars; `undefined` when the name is
 * unknown (an issue), is no string, or names a calendar that failed to compile.
 * @internal
 */
export function calendarAt(ctx: CompileContext, node: RawNode): Calendar | undefined {
  return ctx.refer(ctx.calendarNames, node) ? ctx.calendars.get(node.value as string) : undefined;
}
