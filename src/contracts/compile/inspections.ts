/**
 * Inspection obligations: recurring (an RRULE from a start date), at least N per month, quarter or year, or on
 * named dates; each with an id used once, a time of day, a due duration and the calendar it is counted on.
 * @internal
 * @module
 */
import {
  type Calendar,
  daysFromKey,
  type ParsedDuration,
  parseRecurrence,
  parseTimeOfDay,
} from "../../calendar/kernel.js";
import { describeValue } from "../../errors.js";
import type { CompiledInspection } from "../compiled.js";
import { calendarAt } from "./calendars.js";
import type { CompileContext } from "./context.js";
import type { RawNode } from "./raw.js";

/** The fields every kind of inspection shares. */
interface InspectionCommon {
  readonly id: string;
  readonly name: string | undefined;
}

/** The fields of inspections that happen at a time of day and are due after it. */
interface InspectionTiming {
  readonly timeSeconds: number;
  readonly due: ParsedDuration | undefined;
  readonly calendar: Calendar | undefined;
}

/**
 * Checks the contract's `inspections`.
 * @returns The valid ones, compiled, in document order.
 * @internal
 */
export function compileInspections(ctx: CompileContext): CompiledInspection[] {
  const inspections: CompiledInspection[] = [];
  const checkId = ctx.duplicateCheck("inspection id");
  for (const item of ctx.root.field("inspections").objects()) {
    const id = item.field("id");
    checkId(id);
    const common: InspectionCommon = { id: id.text ?? "", name: item.field("name").text };
    const timing = readTiming(ctx, item);
    const compiled = item.field("rrule").present
      ? recurring(ctx, item, common, timing)
      : item.field("atLeast").present
        ? atLeast(item, common)
        : item.field("dates").present
          ? named(ctx, item, common, timing)
          : undefined;
    if (compiled !== undefined) inspections.push(Object.freeze(compiled));
  }
  return inspections;
}

/** `time` (default 00:00), `due` and `calendar` (default: the contract's first calendar). */
function readTiming(ctx: CompileContext, item: RawNode): InspectionTiming {
  const time = item.field("time");
  let timeSeconds = 0;
  if (time.text !== undefined) {
    const seconds = parseTimeOfDay(time.text);
    if (seconds === undefined || seconds >= 86_400)
      ctx.issues.add(
        "E_TIME_SYNTAX",
        time.path,
        `Expected a time of day "HH:MM" or "HH:MM:SS" (00:00–23:59), received ${describeValue(time.text)}`,
      );
    else timeSeconds = seconds;
  }
  const due = ctx.duration(item.field("due"));
  const calendar = item.field("calendar");
  const [firstCalendar] = ctx.calendarNames.names;
  return {
    timeSeconds,
    due,
    calendar: calendar.present
      ? calendarAt(ctx, calendar)
      : firstCalendar === undefined
        ? undefined
        : ctx.calendars.get(firstCalendar),
  };
}

function recurring(
  ctx: CompileContext,
  item: RawNode,
  common: InspectionCommon,
  timing: InspectionTiming,
): CompiledInspection | undefined {
  const startKey = ctx.date(item.field("start"));
  if (startKey === undefined) return undefined;
  const rrule = item.field("rrule");
  const rec = ctx.issues.run(() => parseRecurrence(rrule.value, startKey, rrule.path));
  return rec === undefined ? undefined : { kind: "recurring", ...common, rec, ...timing };
}

function atLeast(item: RawNode, common: InspectionCommon): CompiledInspection | undefined {
  const count = item.field("atLeast").value;
  const per = item.field("per").value;
  return typeof count === "number" && (per === "month" || per === "quarter" || per === "year")
    ? { kind: "atLeast", ...common, atLeast: count, per }
    : undefined;
}

function named(
  ctx: CompileContext,
  item: RawNode,
  common: InspectionCommon,
  timing: InspectionTiming,
): CompiledInspection {
  const days = new Set<number>();
  for (const date of item.field("dates").items()) {
    const key = ctx.date(date);
    if (key === undefined) continue;
    const day = daysFromKey(key);
    if (days.has(day)) ctx.issues.add("E_CONTRACT", date.path, `Date ${date.text} is listed twice`);
    days.add(day);
  }
  return { kind: "named", ...common, days: Object.freeze([...days].sort((a, b) => a - b)), ...timing };
}
