/**
 * A brute-force model of a slakit calendar, written from the documented rules only (SPEC.md §3–4, README
 * "Decisions → Calendar", the TSDoc of src/calendar/calendar.ts), for the differential fuzzer. It shares no
 * code with `src/`: it reads zone offsets from `Intl.DateTimeFormat`'s `longOffset` names itself, finds
 * transitions by an hourly scan, and resolves wall-clock times by trying every offset in force nearby.
 *
 * The model, in the order it is applied:
 * - A local date D belongs to the last version whose `from` is on or before D; everything about D (zone,
 *   week, holidays, overrides, breaks) comes from that version's fields (omitted fields are inherited).
 * - The written intervals of D: none on a holiday; an override's intervals if D has one (it replaces all of
 *   D's hours); otherwise D's weekday intervals plus the after-midnight parts of the overnight intervals of
 *   D − 1 (from D − 1's override if it has one, else its weekday). An overnight interval `22:00 → 06:00` is
 *   `[22:00, 24:00)` on its date and `[00:00, 06:00)` on the next.
 * - Each wall-clock edge is resolved with Temporal's "compatible" rule (gap: forward by the gap's length;
 *   overlap: the earlier instant); `"24:00"` as an end is where the next date begins.
 * - Date D spans `[start(D), start(D + 1))`, where start(D) is D's 00:00 resolved in D's zone, but never
 *   before the previous date's start (a version that moves the zone east by more than a day's worth would
 *   otherwise begin before the previous date ends): versions partition time. Each resolved interval is
 *   clipped to its date's span; one whose start is not before its end is empty.
 * - D's working time is the union of its resolved intervals, minus the union of its resolved breaks
 *   (each break is resolved the same way; removing time can never add any).
 * - Working time overall is the union over all dates. Every function is answered by walking that list.
 */

const HOUR = 3_600_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------------------
// Zone offsets from Intl (longOffset names), and the wall-clock rule
// ---------------------------------------------------------------------------------------------------------

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const LONG_OFFSET = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?$/;

/** UTC offset in ms (east positive) of `zone` at instant `t`, read from Intl's `longOffset` time-zone name. */
export function intlOffsetMs(zone: string, t: number): number {
  let format = offsetFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(t).find((part) => part.type === "timeZoneName")?.value ?? "";
  const m = LONG_OFFSET.exec(name);
  if (m === null) throw new Error(`reference: cannot read the offset name ${JSON.stringify(name)}`);
  if (m[1] === undefined) return 0;
  const seconds = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return (m[1] === "-" ? -1 : 1) * seconds * 1000;
}

/** Offsets of a zone over one block of time: `offsets[0]` from `start`, `offsets[i + 1]` from `at[i]`. */
interface OffsetBlock {
  readonly start: number;
  readonly at: readonly number[];
  readonly offsets: readonly number[];
}

const BLOCK_MS = 32 * DAY;
const blocks = new Map<string, OffsetBlock>();

/** Scans a block hour by hour and bisects each change of offset down to the millisecond. */
function offsetBlock(zone: string, index: number): OffsetBlock {
  const key = `${zone} ${index}`;
  const cached = blocks.get(key);
  if (cached !== undefined) return cached;
  const start = index * BLOCK_MS;
  const at: number[] = [];
  const offsets = [intlOffsetMs(zone, start)];
  let a = start;
  let oa = offsets[0] as number;
  while (a < start + BLOCK_MS) {
    const b = a + HOUR;
    const ob = intlOffsetMs(zone, b);
    if (ob !== oa) {
      let lo = a;
      let hi = b;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (intlOffsetMs(zone, mid) === oa) lo = mid;
        else hi = mid;
      }
      if (hi < start + BLOCK_MS) {
        at.push(hi);
        offsets.push(ob);
      }
    }
    a = b;
    oa = ob;
  }
  const block = { start, at, offsets };
  if (blocks.size > 4096) blocks.clear();
  blocks.set(key, block);
  return block;
}

/** UTC offset of `zone` at `t`, from the scanned blocks. */
export function offsetAt(zone: string, t: number): number {
  const block = offsetBlock(zone, Math.floor(t / BLOCK_MS));
  let i = 0;
  while (i < block.at.length && (block.at[i] as number) <= t) i++;
  return block.offsets[i] as number;
}

/** Every offset `zone` uses at some instant of `[from, to]`. */
function offsetsIn(zone: string, from: number, to: number): Set<number> {
  const found = new Set<number>([offsetAt(zone, from)]);
  for (let index = Math.floor(from / BLOCK_MS); index <= Math.floor(to / BLOCK_MS); index++) {
    const block = offsetBlock(zone, index);
    block.at.forEach((t, i) => {
      if (t >= from && t <= to) found.add(block.offsets[i + 1] as number);
    });
  }
  return found;
}

/** Every instant at which the wall clock of `zone` reads `wall` (local time written as UTC ms), ascending. */
export function possibleInstants(zone: string, wall: number): number[] {
  const out: number[] = [];
  for (const offset of offsetsIn(zone, wall - 36 * HOUR, wall + 36 * HOUR)) {
    const t = wall - offset;
    if (offsetAt(zone, t) === offset) out.push(t);
  }
  return out.sort((x, y) => x - y);
}

/**
 * Temporal's "compatible" disambiguation, as its spec writes it (DisambiguatePossibleInstants): the earliest
 * possible instant; in a gap, the wall time moved forward by the change of offset between a day before and a
 * day after, and the last instant of that.
 */
export function resolveCompatible(zone: string, wall: number): number {
  const possible = possibleInstants(zone, wall);
  if (possible.length > 0) return possible[0] as number;
  const gap = offsetAt(zone, wall + DAY) - offsetAt(zone, wall - DAY);
  const later = possibleInstants(zone, wall + gap);
  const last = later[later.length - 1];
  if (last === undefined)
    throw new Error(`reference: cannot resolve ${new Date(wall).toISOString()} in ${zone}`);
  return last;
}

// ---------------------------------------------------------------------------------------------------------
// The spec, read independently (the fuzzer only generates valid specs)
// ---------------------------------------------------------------------------------------------------------

/** A written interval in seconds of the day; `end` may be 86 400 ("24:00"). */
type Secs = readonly [start: number, end: number];

interface DayHours {
  /** Intervals on the date itself (an overnight interval contributes its part up to 24:00). */
  readonly own: readonly Secs[];
  /** After-midnight parts of its overnight intervals, which belong to the next date. */
  readonly tail: readonly Secs[];
}

interface Version {
  readonly fromDay: number;
  readonly zone: string;
  /** Sunday-first, as `Date#getUTCDay`. */
  readonly week: readonly DayHours[];
  readonly oneOff: ReadonlySet<number>;
  readonly yearly: ReadonlySet<string>;
  readonly ranges: readonly (readonly [number, number])[];
  readonly overrides: ReadonlyMap<number, DayHours>;
  readonly breaks: ReadonlyMap<number, readonly Secs[]>;
}

type Json = unknown;

function secondsOf(text: string): number {
  const m = /^(\d\d):(\d\d)(?::(\d\d))?$/.exec(text);
  if (m === null) throw new Error(`reference: bad time ${text}`);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` date. */
export function dayOf(key: string): number {
  const [y, m, d] = key.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY;
}

function dayHours(list: Json): DayHours {
  const own: Secs[] = [];
  const tail: Secs[] = [];
  for (const item of list as readonly Json[]) {
    const { start, end, overnight } = Array.isArray(item)
      ? { start: item[0] as string, end: item[1] as string, overnight: false }
      : (item as { start: string; end: string; overnight?: boolean });
    const s = secondsOf(start);
    const e = secondsOf(end);
    if (overnight === true && e < s) {
      own.push([s, 86_400]);
      if (e > 0) tail.push([0, e]);
    } else own.push([s, e]);
  }
  return { own, tail };
}

const WEEKDAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const FULL: DayHours = { own: [[0, 86_400]], tail: [] };
const CLOSED: DayHours = { own: [], tail: [] };

function readVersion(fields: Record<string, Json>, fromDay: number): Version {
  const week =
    fields.week === "24x7"
      ? WEEKDAY_NAMES.map(() => FULL)
      : WEEKDAY_NAMES.map((name) => {
          const list = (fields.week as Record<string, Json>)[name];
          return list === undefined ? CLOSED : dayHours(list);
        });
  const oneOff = new Set<number>();
  const yearly = new Set<string>();
  const ranges: [number, number][] = [];
  for (const h of (fields.holidays ?? []) as readonly Json[]) {
    if (typeof h === "string") {
      if (h.length === 5) yearly.add(h);
      else oneOff.add(dayOf(h));
    } else {
      const { from, to } = h as { from: string; to: string };
      ranges.push([dayOf(from), dayOf(to)]);
    }
  }
  const overrides = new Map<number, DayHours>();
  for (const [key, list] of Object.entries((fields.overrides ?? {}) as Record<string, Json>)) {
    overrides.set(dayOf(key), dayHours(list));
  }
  const breaks = new Map<number, readonly Secs[]>();
  for (const [key, list] of Object.entries((fields.breaks ?? {}) as Record<string, Json>)) {
    breaks.set(dayOf(key), dayHours(list).own);
  }
  return {
    fromDay,
    zone: fields.timezone as string,
    week,
    oneOff,
    yearly,
    ranges,
    overrides,
    breaks,
  };
}

function readVersions(spec: Record<string, Json>): Version[] {
  const inherited: Record<string, Json> = {
    timezone: spec.timezone,
    week: spec.week,
    holidays: spec.holidays,
    overrides: spec.overrides,
    breaks: spec.breaks,
  };
  const out = [readVersion(inherited, Number.NEGATIVE_INFINITY)];
  for (const version of (spec.versions ?? []) as readonly Record<string, Json>[]) {
    for (const field of ["timezone", "week", "holidays", "overrides", "breaks"]) {
      if (Object.hasOwn(version, field)) inherited[field] = version[field];
    }
    out.push(readVersion(inherited, dayOf(version.from as string)));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Interval sets
// ---------------------------------------------------------------------------------------------------------

type Span = readonly [start: number, end: number];

/** The union of half-open spans as sorted, disjoint, non-touching spans. */
export function unionOf(spans: readonly Span[]): Span[] {
  const sorted = spans.filter(([s, e]) => s < e).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** `a \ b` for sorted disjoint span lists. */
function minus(a: readonly Span[], b: readonly Span[]): Span[] {
  let current: Span[] = [...a];
  for (const [cs, ce] of b) {
    const next: Span[] = [];
    for (const [s, e] of current) {
      if (ce <= s || cs >= e) next.push([s, e]);
      else {
        if (cs > s) next.push([s, cs]);
        if (ce < e) next.push([ce, e]);
      }
    }
    current = next;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------------------
// The calendar
// ---------------------------------------------------------------------------------------------------------

/** One local date: its span and its working time (sorted, disjoint, inside the span). */
export interface DateInfo {
  readonly day: number;
  readonly start: number;
  readonly end: number;
  readonly work: readonly Span[];
}

/** Dates searched before giving up (the fuzzer's calendars have working time every few days). */
const REACH_DAYS = 3000;

/** The brute-force calendar. Instants are epoch ms; durations ms. */
export class ReferenceCalendar {
  private readonly versions: Version[];
  private readonly midnights = new Map<number, number>();
  private readonly dates = new Map<number, DateInfo>();

  constructor(spec: unknown) {
    this.versions = readVersions(spec as Record<string, Json>);
  }

  private versionOf(day: number): Version {
    let found = this.versions[0] as Version;
    for (const v of this.versions) if (v.fromDay <= day) found = v;
    return found;
  }

  /** Date `day`'s 00:00 resolved in its own version's zone. */
  private midnight(day: number): number {
    let m = this.midnights.get(day);
    if (m === undefined) {
      m = resolveCompatible(this.versionOf(day).zone, day * DAY);
      this.midnights.set(day, m);
    }
    return m;
  }

  /** Where date `day` begins: its midnight, but never before an earlier date's (offsets differ by < 2 days). */
  startOf(day: number): number {
    let start = Number.NEGATIVE_INFINITY;
    for (let d = day - 3; d <= day; d++) start = Math.max(start, this.midnight(d));
    return start;
  }

  private isHoliday(v: Version, day: number): boolean {
    if (v.oneOff.has(day)) return true;
    if (v.yearly.has(new Date(day * DAY).toISOString().slice(5, 10))) return true;
    return v.ranges.some(([from, to]) => from <= day && day <= to);
  }

  /** The intervals written for a date (seconds of the day), before resolution. */
  private written(v: Version, day: number): readonly Secs[] {
    if (this.isHoliday(v, day)) return [];
    const override = v.overrides.get(day);
    if (override !== undefined) return override.own;
    const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    const previous = v.overrides.get(day - 1) ?? (v.week[(weekday + 6) % 7] as DayHours);
    return [...(v.week[weekday] as DayHours).own, ...previous.tail];
  }

  /** A date's span and working time. */
  date(day: number): DateInfo {
    const cached = this.dates.get(day);
    if (cached !== undefined) return cached;
    const v = this.versionOf(day);
    const start = this.startOf(day);
    const end = this.startOf(day + 1);
    const resolve = ([ws, we]: Secs): Span => [
      Math.max(start, resolveCompatible(v.zone, day * DAY + ws * 1000)),
      we === 86_400 ? end : Math.min(end, resolveCompatible(v.zone, day * DAY + we * 1000)),
    ];
    const hours = unionOf(this.written(v, day).map(resolve));
    const cut = hours.length === 0 ? [] : unionOf((v.breaks.get(day) ?? []).map(resolve));
    const info = { day, start, end, work: minus(hours, cut) };
    this.dates.set(day, info);
    return info;
  }

  /** The date whose span holds `t`. */
  dateOf(t: number): number {
    const utcDay = Math.floor(t / DAY);
    for (let day = utcDay - 3; day <= utcDay + 3; day++) {
      if (this.startOf(day) <= t && t < this.startOf(day + 1)) return day;
    }
    throw new Error(`reference: no date holds ${new Date(t).toISOString()}`);
  }

  /** Working intervals of the dates from the one holding `t` onwards. */
  private *forward(t: number): Generator<Span> {
    const first = this.dateOf(t);
    for (let day = first; day < first + REACH_DAYS; day++) yield* this.date(day).work;
    throw new Error(`reference: no answer within ${REACH_DAYS} days of ${new Date(t).toISOString()}`);
  }

  /** Working intervals of the dates up to the one holding `t`, latest first. */
  private *backward(t: number): Generator<Span> {
    const first = this.dateOf(t);
    for (let day = first; day > first - REACH_DAYS; day--) yield* [...this.date(day).work].reverse();
    throw new Error(`reference: no answer within ${REACH_DAYS} days of ${new Date(t).toISOString()}`);
  }

  /** Working time in `[a, b)`; negative when `b < a`. */
  between(a: number, b: number): number {
    if (b < a) return -this.between(b, a);
    let total = 0;
    for (const [s, e] of this.forward(a)) {
      if (s >= b) break;
      total += Math.max(0, Math.min(e, b) - Math.max(s, a));
    }
    return total;
  }

  isOpen(t: number): boolean {
    return this.date(this.dateOf(t)).work.some(([s, e]) => s <= t && t < e);
  }

  /** Working periods inside `[from, to)`, clipped, touching ones merged. */
  periods(from: number, to: number): Span[] {
    if (to <= from) return [];
    const parts: Span[] = [];
    for (const [s, e] of this.forward(from)) {
      if (s >= to) break;
      parts.push([Math.max(s, from), Math.min(e, to)]);
    }
    return unionOf(parts);
  }

  /**
   * Adds working time. `after` false: the first instant at which `d` is used up (`s` itself for 0); true: the
   * last instant at which it is not exceeded (the next opening for 0).
   */
  add(s: number, d: number, after: boolean): number {
    if (d === 0 && !after) return s;
    let used = 0;
    for (const [a, b] of this.forward(s)) {
      const from = Math.max(a, s);
      if (from >= b) continue;
      if (after ? used + (b - from) > d : used + (b - from) >= d) return from + (d - used);
      used += b - from;
    }
    throw new Error("unreachable");
  }

  /**
   * Subtracts working time. `after` false: the latest start from which `d` of working time ends at `e` (`e`
   * itself for 0); true: the earliest (the previous closing for 0 outside working time).
   */
  sub(e: number, d: number, after: boolean): number {
    if (d === 0 && !after) return e;
    let used = 0;
    for (const [a, b] of this.backward(e)) {
      const to = Math.min(b, e);
      if (a >= to) continue;
      if (after ? used + (to - a) > d : used + (to - a) >= d) return to - (d - used);
      used += to - a;
    }
    throw new Error("unreachable");
  }

  next(t: number): number {
    return this.add(t, 0, true);
  }

  /** The `count`th working date after (count > 0) or before (count < 0) `day`, not counting `day`. */
  private workingDate(day: number, count: number): DateInfo {
    const step = count > 0 ? 1 : -1;
    let left = Math.abs(count);
    for (let d = day + step; Math.abs(d - day) < REACH_DAYS; d += step) {
      const info = this.date(d);
      if (info.work.length > 0 && --left === 0) return info;
    }
    throw new Error(`reference: no working date within ${REACH_DAYS} days`);
  }

  /**
   * Business days (SPEC.md rule 6, README "Business days, count 0", TSDoc of addBusinessDays): the start date
   * is not counted; N > 0 ends where the Nth following working date's working time ends; N < 0 begins where the
   * |N|th previous working date's working time begins; 0 is the start date's end of business if it has working
   * time at or after `t`, else the next working date's. `sameTime`: that date at `t`'s wall-clock time of day
   * (in the start date's zone), moved forward to the next opening (backwards to the previous closing for
   * N < 0) when outside working time; 0 moves `t` itself into working time.
   */
  addDays(t: number, count: number, sameTime: boolean): number {
    const startDay = this.dateOf(t);
    if (count === 0) {
      if (sameTime) return this.next(t);
      const today = this.date(startDay).work;
      const end = today[today.length - 1]?.[1];
      if (end !== undefined && end > t) return end;
      const next = this.workingDate(startDay, 1).work;
      return (next[next.length - 1] as Span)[1];
    }
    const target = this.workingDate(startDay, count);
    if (!sameTime) {
      return count > 0 ? (target.work[target.work.length - 1] as Span)[1] : (target.work[0] as Span)[0];
    }
    const zone = this.versionOf(startDay).zone;
    const timeOfDay = (((t + offsetAt(zone, t)) % DAY) + DAY) % DAY;
    const at = resolveCompatible(this.versionOf(target.day).zone, target.day * DAY + timeOfDay);
    if (count > 0) return this.next(at);
    return this.isOpen(at) ? at : this.sub(at, 0, true);
  }

  /**
   * The first `k` edges (openings and closings of the merged working periods) at or after `t`, ascending, within
   * 40 days (fewer if there are not so many).
   */
  edgesAfter(t: number, k: number): number[] {
    const out: number[] = [];
    let open = Number.NaN;
    let close = Number.NaN;
    const flush = () => {
      if (!Number.isNaN(open)) {
        if (open >= t) out.push(open);
        if (close >= t) out.push(close);
      }
    };
    for (const [s, e] of this.forward(t)) {
      if (s > t + 40 * DAY) break; // a 24x7 calendar has no edges at all
      if (s === close) close = e;
      else {
        flush();
        if (out.length >= k) break;
        open = s;
        close = e;
      }
    }
    if (out.length < k) flush();
    return out.slice(0, k);
  }
}
