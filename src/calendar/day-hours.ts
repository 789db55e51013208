/**
 * The working hours of one local date, as wall-clock seconds: the week's pattern (with the tail of the previous
 * date's overnight intervals), replaced by an override, and nothing on a holiday (precedence holiday > break >
 * override > week). The date's breaks are kept apart: they are removed after resolution, as instants.
 * @internal
 * @module
 */
import { civilFromDays, weekdayOfDays } from "./civil.js";
import type { CompiledVersion, DaySeconds } from "./spec.js";

const NO_SECONDS: DaySeconds = Object.freeze([]);

function isHoliday(v: CompiledVersion, day: number): boolean {
  if (v.oneOff.has(day)) return true;
  if (v.yearly.size > 0 && v.yearly.has(civilFromDays(day) % 10_000)) return true;
  for (const [from, to] of v.ranges) {
    if (day < from) return false;
    if (day <= to) return true;
  }
  return false;
}

/**
 * A local day's working intervals in wall-clock seconds, after holidays and overrides, sorted by start; they
 * may touch or overlap (the day's own intervals and the previous day's overnight tail). They are not merged in
 * wall-clock time: each is resolved on its own and the union is taken of the instants (SPEC 3.2–3.3), since an
 * edge in a DST gap moves forward by the gap. The date's breaks are not removed here (see {@link dayBreaks}).
 * @internal
 */
export function daySeconds(v: CompiledVersion, day: number): DaySeconds {
  if (isHoliday(v, day)) return NO_SECONDS;
  const override = v.overrides.get(day);
  if (override !== undefined) return override.own;
  const own = (v.week[weekdayOfDays(day)] as { own: DaySeconds }).own;
  const previous = v.overrides.get(day - 1) ?? v.week[weekdayOfDays(day - 1)];
  const tail = previous === undefined ? NO_SECONDS : previous.tail;
  return tail.length === 0 ? own : bothSorted(own, tail);
}

/** A local day's breaks in wall-clock seconds (empty if none), to remove from its resolved intervals. @internal */
export function dayBreaks(v: CompiledVersion, day: number): DaySeconds {
  return v.breaks.get(day) ?? NO_SECONDS;
}

/** The intervals of `a` and `b`, sorted by start, not merged (they may overlap). */
function bothSorted(a: DaySeconds, b: DaySeconds): DaySeconds {
  const pairs: [number, number][] = [];
  for (let i = 0; i < a.length; i += 2) pairs.push([a[i] as number, a[i + 1] as number]);
  for (let i = 0; i < b.length; i += 2) pairs.push([b[i] as number, b[i + 1] as number]);
  pairs.sort((x, y) => x[0] - y[0]);
  return pairs.flat();
}
