/**
 * The working hours of one local date, as wall-clock seconds: the week's pattern (with the tail of the previous
 * date's overnight intervals), replaced by an override, minus the date's breaks, and nothing on a holiday
 * (precedence holiday > break > override > week).
 * @internal
 * @module
 */
import { civilFromDays, weekdayOfDays } from "./civil.js";
import type { CompiledVersion, DaySeconds } from "./spec.js";

function isHoliday(v: CompiledVersion, day: number): boolean {
  if (v.oneOff.has(day)) return true;
  if (v.yearly.size > 0 && v.yearly.has(civilFromDays(day) % 10_000)) return true;
  for (const [from, to] of v.ranges) {
    if (day < from) return false;
    if (day <= to) return true;
  }
  return false;
}

/** The wall-clock working seconds of a local day, after holidays, overrides and breaks. @internal */
export function daySeconds(v: CompiledVersion, day: number): DaySeconds {
  if (isHoliday(v, day)) return [];
  const override = v.overrides.get(day);
  let ranges: DaySeconds;
  if (override !== undefined) {
    ranges = override.own;
  } else {
    const own = (v.week[weekdayOfDays(day)] as { own: DaySeconds }).own;
    const previous = v.overrides.get(day - 1) ?? v.week[weekdayOfDays(day - 1)];
    const tail = previous === undefined ? [] : previous.tail;
    ranges = tail.length === 0 ? own : union(own, tail);
  }
  const cut = v.breaks.get(day);
  return cut === undefined || ranges.length === 0 ? ranges : subtract(ranges, cut);
}

function union(a: DaySeconds, b: DaySeconds): DaySeconds {
  const pairs: [number, number][] = [];
  for (let i = 0; i < a.length; i += 2) pairs.push([a[i] as number, a[i + 1] as number]);
  for (let i = 0; i < b.length; i += 2) pairs.push([b[i] as number, b[i + 1] as number]);
  pairs.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    const lastEnd = out.length > 0 ? (out[out.length - 1] as number) : -1;
    if (s <= lastEnd) out[out.length - 1] = Math.max(lastEnd, e);
    else out.push(s, e);
  }
  return out;
}

function subtract(ranges: DaySeconds, cut: DaySeconds): DaySeconds {
  let current = ranges.slice();
  for (let c = 0; c < cut.length; c += 2) {
    const cs = cut[c] as number;
    const ce = cut[c + 1] as number;
    const next: number[] = [];
    for (let i = 0; i < current.length; i += 2) {
      const s = current[i] as number;
      const e = current[i + 1] as number;
      if (ce <= s || cs >= e) next.push(s, e);
      else {
        if (cs > s) next.push(s, cs);
        if (ce < e) next.push(ce, e);
      }
    }
    current = next;
  }
  return current;
}
