// The naive baseline of research/anchors-performance.md: working intervals of one calendar, for a fixed
// range of local dates, converted to UTC once and stored in Float64Arrays with prefix sums; every query is a
// binary search or two. Nothing else: no validation, no lazy tables, no range checks.
import { DAY, HOLIDAYS, INTERVALS, WORKDAYS } from "./workload.mjs";

const WEEKDAY_INDEX = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

function dayNumber(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / DAY;
}

function hhmm(s) {
  const [h, m] = s.split(":").map(Number);
  return (h * 60 + m) * 60_000;
}

/** UTC offset (ms) of `zone` at instant `t`, read from Intl (second precision). */
function intlOffset(zone) {
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  return (t) => {
    const secs = Math.floor(t / 1000) * 1000;
    const p = {};
    for (const { type, value } of f.formatToParts(secs)) p[type] = value;
    const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
    return wall - secs;
  };
}

/** Offset transitions of `zone` in [from, to): daily probes, then bisection to the second. */
function transitionTable(zone, from, to) {
  const off = intlOffset(zone);
  const at = [];
  const offsets = [off(from)];
  let prev = from;
  let prevOff = offsets[0];
  for (let t = from + DAY; t <= to; t += DAY) {
    const o = off(t);
    if (o !== prevOff) {
      let lo = prev;
      let hi = t;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (off(mid) === prevOff) lo = mid;
        else hi = mid;
      }
      at.push(hi);
      offsets.push(o);
    }
    prev = t;
    prevOff = o;
  }
  return { at: Float64Array.from(at), offsets: Float64Array.from(offsets) };
}

/**
 * Builds the baseline for a calendar in `zone`, local dates [fromDate, toDate). `spec` gives the hours (the same
 * list of `["HH:MM", "HH:MM"]` on every working weekday), the working weekdays and the holidays (`"YYYY-MM-DD"`
 * dates; ranges expanded by the caller); by default the workload calendar of workload.mjs.
 */
export function buildNaive(
  zone,
  fromDate = "2024-12-01",
  toDate = "2027-03-01",
  spec = { intervals: INTERVALS, workdays: WORKDAYS, holidays: HOLIDAYS },
) {
  const d0 = dayNumber(fromDate);
  const d1 = dayNumber(toDate);
  const tt = transitionTable(zone, (d0 - 2) * DAY, (d1 + 2) * DAY);
  const tAt = tt.at;
  const tOff = tt.offsets;
  const offsetAt = (t) => {
    let lo = 0;
    let hi = tAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tAt[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return tOff[lo];
  };
  /** Wall clock (as UTC ms) -> instant, Temporal's "compatible": gap forward by its length, overlap earlier. */
  const resolve = (wall) => {
    const before = offsetAt(wall - DAY);
    const after = offsetAt(wall + DAY);
    const a = wall - before;
    const b = wall - after;
    const okA = offsetAt(a) === before;
    const okB = offsetAt(b) === after;
    if (okA && okB) return Math.min(a, b);
    if (okA) return a;
    if (okB) return b;
    return wall - before; // in a gap: the offset before the transition moves it forward by the gap
  };

  const holidays = new Set(spec.holidays.map(dayNumber));
  const workWeekdays = new Set(spec.workdays.map((d) => WEEKDAY_INDEX[d]));
  const spans = spec.intervals.map(([a, b]) => [hhmm(a), hhmm(b)]);
  const starts = [];
  const ends = [];
  const workDays = [];
  const workLastEnd = [];
  const days = d1 - d0;
  const cumWork = new Int32Array(days);
  let worked = 0;
  for (let d = d0; d < d1; d++) {
    const weekday = (((d + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    if (workWeekdays.has(weekday) && !holidays.has(d)) {
      let last = Number.NaN;
      for (const [a, b] of spans) {
        const s = resolve(d * DAY + a);
        const e = resolve(d * DAY + b);
        if (s < e) {
          starts.push(s);
          ends.push(e);
          last = e;
        }
      }
      if (!Number.isNaN(last)) {
        workDays.push(d);
        workLastEnd.push(last);
        worked++;
      }
    }
    cumWork[d - d0] = worked;
  }
  const n = starts.length;
  const S = Float64Array.from(starts);
  const E = Float64Array.from(ends);
  const cumStart = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cumStart[i + 1] = cumStart[i] + (E[i] - S[i]);
  const cumEnd = cumStart.subarray(1);
  const WD = Int32Array.from(workDays);
  const WE = Float64Array.from(workLastEnd);

  /** Index of the first interval whose end is after t (n if none). */
  const firstEndAfter = (t) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (E[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** Working time in [origin, t). */
  const cum = (t) => {
    const i = firstEndAfter(t);
    if (i === n) return cumStart[n];
    const s = S[i];
    return t > s ? cumStart[i] + (t - s) : cumStart[i];
  };
  /** dueAt: the first instant at which the working time since t reaches d (d > 0). */
  const add = (t, d) => {
    if (d === 0) return t;
    const i = firstEndAfter(t);
    const s = S[i];
    const target = (t > s ? cumStart[i] + (t - s) : cumStart[i]) + d;
    let lo = i;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumEnd[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return S[lo] + (target - cumStart[lo]);
  };
  const between = (a, b) => cum(b) - cum(a);
  const localDay = (t) => Math.floor((t + offsetAt(t)) / DAY);
  /** SPEC rule 6: end of the last working interval of the n-th following working day (n > 0). */
  const addDays = (t, count) => WE[cumWork[localDay(t) - d0] + count - 1];
  /** The n-th following working day at the same wall time, moved forward into working time. */
  const addDaysSameTime = (t, count) => {
    const wall = t + offsetAt(t);
    const day = Math.floor(wall / DAY);
    const target = WD[cumWork[day - d0] + count - 1];
    const inst = resolve(target * DAY + (wall - day * DAY));
    const i = firstEndAfter(inst);
    return Math.max(inst, S[i]);
  };
  const bytes = S.byteLength + E.byteLength + cumStart.byteLength + WD.byteLength + WE.byteLength;
  return {
    add,
    between,
    addDays,
    addDaysSameTime,
    offsetAt,
    /** The raw tables, for code that answers its own queries on them (bench/limit.mjs). */
    tables: { n, S, E, cumStart, cumEnd, WE, cumWork, d0, tAt, tOff },
    intervals: n,
    bytes: bytes + cumWork.byteLength + tAt.byteLength + tOff.byteLength,
  };
}
