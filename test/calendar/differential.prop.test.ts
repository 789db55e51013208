/**
 * Differential fuzzer: slakit's public calendar functions against the brute-force model in ./reference.ts,
 * which shares no code with src/ (it reads offsets from Intl itself and resolves wall-clock edges by trying
 * every nearby offset). Random calendars — weekly hours with several intervals per day, touching intervals,
 * overnight intervals, "24:00" ends, "HH:MM:SS" edges, holidays (one-off, yearly, ranges), overrides (`[]` and
 * make-up days), breaks, versions that change the zone — are drawn around a transition of an awkward zone,
 * with instants and dated entries within a week of it, so that shrunk cases stay readable.
 *
 * CI runs a small fixed-seed sample. `npm run fuzz` (scripts/fuzz.mjs) runs the same properties with
 * FUZZ_RUNS cases in total (and FUZZ_SEED as the base seed), in batches, reporting every counterexample.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  addBusinessDays,
  addBusinessTime,
  businessPeriods,
  businessTimeBetween,
  type Calendar,
  type CalendarSpec,
  compileCalendar,
  type Instant,
  isBusinessTime,
  nextBusinessTime,
  subtractBusinessTime,
} from "../../src/calendar/index.js";
import { dayOf, intlOffsetMs, ReferenceCalendar } from "./reference.js";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------------------
// Run sizes
// ---------------------------------------------------------------------------------------------------------

const PROPERTIES = 4;
const CI_RUNS_PER_PROPERTY = 1000;
const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 0);
const baseSeed = Number(process.env.FUZZ_SEED ?? 20_250_309);
const FUZZING = fuzzRuns > 0;
const runsPerProperty = FUZZING ? Math.ceil(fuzzRuns / PROPERTIES) : CI_RUNS_PER_PROPERTY;
/** In a long run, each batch has its own seed, so that one counterexample does not end the run. */
const BATCH = Number(process.env.FUZZ_BATCH ?? 25_000);

/**
 * Checks a property with a fixed seed. In a long run (FUZZ_RUNS) the runs are split into batches with seeds
 * `seed`, `seed + 1000`, …; every failing batch is reported, then the test fails with all of them.
 */
function check<T>(name: string, seed: number, property: fc.IProperty<T>): void {
  if (!FUZZING) {
    fc.assert(property, { seed, numRuns: runsPerProperty });
    return;
  }
  const failures: string[] = [];
  const started = performance.now();
  let done = 0;
  for (let batch = 0; done < runsPerProperty; batch++) {
    const numRuns = Math.min(BATCH, runsPerProperty - done);
    const batchSeed = seed + 1000 * batch;
    const details = fc.check(property, { seed: batchSeed, numRuns });
    done += numRuns;
    if (details.failed) {
      const error = details.errorInstance;
      const cause = error instanceof Error ? error.message.split("\n")[0] : String(error);
      const report = `${fc.defaultReportMessage(details) ?? "(no report)"}\nCaused by: ${cause}`;
      failures.push(`seed ${batchSeed}, ${numRuns} runs:\n${report}`);
      console.log(`FUZZ COUNTEREXAMPLE ${name} seed=${batchSeed}\n${report}`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz ${name}: ${done}/${runsPerProperty} cases, ${failures.length} failing batches, ${seconds} s`,
    );
  }
  if (failures.length > 0)
    throw new Error(`${name}: ${failures.length} failing batches\n${failures.join("\n")}`);
}

// ---------------------------------------------------------------------------------------------------------
// Anchors: transitions of awkward zones, and version changes of the zone
// ---------------------------------------------------------------------------------------------------------

interface Anchor {
  /** The zone of the calendar (its first version). */
  readonly zone: string;
  /** The instant everything is drawn around: an offset transition, or where a version's first day begins. */
  readonly at: string;
  /** A version that changes the zone on this local date. */
  readonly change?: { readonly from: string; readonly timezone: string };
}

/** Transitions checked with Intl's longOffset names (see the first test); wall times are local. */
const ANCHORS: readonly Anchor[] = [
  { zone: "America/Sao_Paulo", at: "2017-10-15T03:00:00Z" }, // Sun 00:00 → 01:00: midnight did not exist
  { zone: "America/Sao_Paulo", at: "2018-11-04T03:00:00Z" }, // Sun 00:00 → 01:00
  { zone: "America/Sao_Paulo", at: "2019-02-17T02:00:00Z" }, // Sun 00:00 → Sat 23:00: Sat 23:00–24:00 twice
  { zone: "Australia/Lord_Howe", at: "2025-04-05T15:00:00Z" }, // 02:00 → 01:30 (30-minute DST)
  { zone: "Australia/Lord_Howe", at: "2025-10-04T15:30:00Z" }, // 02:00 → 02:30
  { zone: "Pacific/Apia", at: "2011-12-30T10:00:00Z" }, // Thu 12-29 24:00 → Sat 12-31 00:00 (−10 → +14)
  { zone: "Pacific/Apia", at: "2011-09-24T14:00:00Z" }, // 00:00 → 01:00 (−11 → −10)
  { zone: "Europe/Dublin", at: "2025-03-30T01:00:00Z" }, // 01:00 → 02:00 (negative DST in tzdata)
  { zone: "Europe/Dublin", at: "2025-10-26T01:00:00Z" }, // 02:00 → 01:00
  { zone: "Africa/Casablanca", at: "2025-02-23T02:00:00Z" }, // 03:00 → 02:00 for Ramadan
  { zone: "Africa/Casablanca", at: "2025-04-06T02:00:00Z" }, // 02:00 → 03:00 after Ramadan
  { zone: "Africa/Casablanca", at: "2013-07-07T02:00:00Z" }, // 03:00 → 02:00, Ramadan in summer
  { zone: "Antarctica/Troll", at: "2025-03-30T01:00:00Z" }, // 01:00 → 03:00 (2-hour DST)
  { zone: "Antarctica/Troll", at: "2025-10-26T01:00:00Z" }, // 03:00 → 01:00
  { zone: "America/Havana", at: "2025-03-09T05:00:00Z" }, // 00:00 → 01:00
  { zone: "America/Havana", at: "2025-11-02T05:00:00Z" }, // 01:00 → 00:00
  { zone: "Asia/Hebron", at: "2025-04-12T00:00:00Z" }, // Sat 02:00 → 03:00
  { zone: "Asia/Hebron", at: "2024-10-25T23:00:00Z" }, // Sat 02:00 → 01:00
  { zone: "America/New_York", at: "2025-03-09T07:00:00Z" }, // 02:00 → 03:00
  { zone: "America/New_York", at: "2025-11-02T06:00:00Z" }, // 02:00 → 01:00
  { zone: "Asia/Kathmandu", at: "1985-12-31T18:30:00Z" }, // 1986-01-01 00:00 → 00:15 (+05:30 → +05:45)
  { zone: "Pacific/Chatham", at: "2025-04-05T14:00:00Z" }, // 03:45 → 02:45
  { zone: "Pacific/Chatham", at: "2025-09-27T14:00:00Z" }, // 02:45 → 03:45
  { zone: "Pacific/Kiritimati", at: "1994-12-31T10:00:00Z" }, // Fri 12-30 24:00 → Sun 01-01 00:00 (−10 → +14)
  // Versions that move the zone by a day's worth: UTC−11/−12 → UTC+14 and back; 06-15 begins at `at`
  {
    zone: "Pacific/Pago_Pago",
    at: "2025-06-14T10:00:00Z",
    change: { from: "2025-06-15", timezone: "Pacific/Kiritimati" },
  },
  {
    zone: "Etc/GMT+12",
    at: "2025-06-14T10:00:00Z",
    change: { from: "2025-06-15", timezone: "Pacific/Kiritimati" },
  },
  {
    zone: "Pacific/Kiritimati",
    at: "2025-06-15T11:00:00Z",
    change: { from: "2025-06-15", timezone: "Pacific/Pago_Pago" },
  },
  { zone: "Etc/GMT-14", at: "2025-06-15T12:00:00Z", change: { from: "2025-06-15", timezone: "Etc/GMT+12" } },
  // A version change on a DST date, into a zone with its own transition that night
  {
    zone: "America/New_York",
    at: "2025-03-09T05:00:00Z",
    change: { from: "2025-03-09", timezone: "America/Havana" },
  },
  {
    zone: "UTC",
    at: "2025-10-04T13:30:00Z",
    change: { from: "2025-10-05", timezone: "Australia/Lord_Howe" },
  },
];

/** Zones a random version may move to. */
const VERSION_ZONES = [
  "UTC",
  "America/New_York",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Etc/GMT+12",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "Australia/Lord_Howe",
] as const;

const anchorAt = (a: Anchor) => Date.parse(a.at);
/** The local date of the anchor (in the anchor's zone, just before its instant). */
const anchorDay = (a: Anchor) => Math.floor((anchorAt(a) - 1 + intlOffsetMs(a.zone, anchorAt(a) - 1)) / DAY);
/** Seconds of the local day at which the transition happens (before it): intervals cluster around it. */
const focusSeconds = (a: Anchor) =>
  Math.floor(((((anchorAt(a) + intlOffsetMs(a.zone, anchorAt(a) - 1)) % DAY) + DAY) % DAY) / 1000);

// ---------------------------------------------------------------------------------------------------------
// Random calendars, as plain numbers and booleans (so that fast-check shrinks them well), then spec JSON
// ---------------------------------------------------------------------------------------------------------

/**
 * An interval edge: near the transition's wall time (15-min steps from 1.5 h before to 2.5 h after, or any
 * second in that span), on the 15-min grid of the day, or any second of the day.
 */
const rawPoint = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -6, max: 10 }).map((k) => ({ near: k })) },
  { weight: 1, arbitrary: fc.integer({ min: -5400, max: 9000 }).map((k) => ({ nearSecond: k })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 96 }).map((q) => ({ grid: q })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 86_400 }).map((s) => ({ second: s })) },
);
type RawPoint = { near: number } | { nearSecond: number } | { grid: number } | { second: number };

const rawDay = fc.record({
  points: fc.array(rawPoint, { minLength: 2, maxLength: 6 }),
  /** Which consecutive pairs of the sorted points are intervals (consecutive pairs may touch, never overlap). */
  mask: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  overnight: fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.record({ start: rawPoint, end: rawPoint }) },
  ),
});
type RawDay = typeof rawDay extends fc.Arbitrary<infer T> ? T : never;

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const rawWeek = fc.oneof(
  { weight: 1, arbitrary: fc.constant("24x7" as const) },
  {
    weight: 5,
    arbitrary: fc.record(
      Object.fromEntries(WEEKDAYS.map((d) => [d, rawDay])) as Record<
        (typeof WEEKDAYS)[number],
        typeof rawDay
      >,
      { requiredKeys: [] },
    ),
  },
);
type RawWeek = typeof rawWeek extends fc.Arbitrary<infer T> ? T : never;

const rawHoliday = fc.oneof(
  fc.integer({ min: -7, max: 7 }).map((k) => ({ once: k })),
  fc.integer({ min: -7, max: 7 }).map((k) => ({ yearly: k })),
  fc.record({ from: fc.integer({ min: -7, max: 7 }), days: fc.integer({ min: 0, max: 3 }) }),
);
type RawHoliday = { once: number } | { yearly: number } | { from: number; days: number };

/** A date within a week of the anchor's, half of the time the anchor's own date (or the day after it). */
const nearDay = fc.oneof(fc.integer({ min: 0, max: 1 }), fc.integer({ min: -7, max: 7 }));
const rawDated = fc.array(fc.record({ day: nearDay, hours: fc.option(rawDay) }), { maxLength: 3 });
type RawDated = { day: number; hours: RawDay | null }[];

const rawVersion = fc.record(
  {
    day: fc.integer({ min: -4, max: 4 }),
    timezone: fc.constantFrom(...VERSION_ZONES),
    week: rawWeek,
    holidays: fc.array(rawHoliday, { maxLength: 2 }),
    overrides: rawDated,
    breaks: rawDated,
  },
  { requiredKeys: ["day"] },
);

const rawCalendar = fc.record({
  anchor: fc.constantFrom(...ANCHORS),
  week: rawWeek,
  /** Hours for the weekday of the transition's date, so that intervals around the transition are common. */
  focusDay: fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: rawDay }),
  holidays: fc.array(rawHoliday, { maxLength: 3 }),
  overrides: rawDated,
  breaks: rawDated,
  versions: fc.array(rawVersion, { maxLength: 2 }),
});
type RawCalendar = typeof rawCalendar extends fc.Arbitrary<infer T> ? T : never;

function pointSeconds(p: RawPoint, focus: number): number {
  if ("near" in p) return Math.min(86_400, Math.max(0, focus - (focus % 900) + p.near * 900));
  if ("nearSecond" in p) return Math.min(86_400, Math.max(0, focus + p.nearSecond));
  if ("grid" in p) return p.grid * 900;
  return p.second;
}

function timeText(seconds: number): string {
  const hh = String(Math.floor(seconds / 3600)).padStart(2, "0");
  const mm = String(Math.floor(seconds / 60) % 60).padStart(2, "0");
  const ss = seconds % 60;
  return ss === 0 ? `${hh}:${mm}` : `${hh}:${mm}:${String(ss).padStart(2, "0")}`;
}

type Range = [string, string] | { start: string; end: string; overnight: true };

/** A day's intervals: chosen consecutive pairs of the sorted edges, then maybe one overnight interval. */
function dayRanges(raw: RawDay, focus: number, allowOvernight: boolean): Range[] {
  const points = [...new Set(raw.points.map((p) => pointSeconds(p, focus)))].sort((a, b) => a - b);
  const out: Range[] = [];
  let lastEnd = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    if (raw.mask[i] !== true) continue;
    const [s, e] = [points[i] as number, points[i + 1] as number];
    out.push([timeText(s), timeText(e)]);
    lastEnd = e;
  }
  if (allowOvernight && raw.overnight !== null) {
    const s = pointSeconds(raw.overnight.start, focus);
    const e = pointSeconds(raw.overnight.end, focus);
    if (s >= lastEnd && s < 86_400 && e < s)
      out.push({ start: timeText(s), end: timeText(e), overnight: true });
  }
  return out;
}

/** Wall-clock working seconds of a week of hours (overnight intervals counted whole). */
function weeklySeconds(week: Record<string, Range[]>): number {
  let total = 0;
  for (const list of Object.values(week)) {
    for (const r of list) {
      const [s, e] = Array.isArray(r) ? r : [r.start, r.end];
      const [a, b] = [secondsOfText(s), secondsOfText(e)];
      total += b > a ? b - a : 86_400 - a + b;
    }
  }
  return total;
}

const secondsOfText = (text: string) =>
  text.split(":").reduce((sum, part, i) => sum + Number(part) * ([3600, 60, 1][i] as number), 0);

/**
 * Weekly hours, with `focusDay` (if any) on the weekday `focusWeekday`; a week with less than an hour of hours
 * becomes "24x7" (every answer must lie within the reference's reach: 100 h of working time within 700 days).
 */
function weekSpec(
  raw: RawWeek,
  focus: number,
  focusDay: RawDay | null,
  focusWeekday: number,
): CalendarSpec["week"] {
  if (raw === "24x7") return "24x7";
  const week: Record<string, Range[]> = {};
  WEEKDAYS.forEach((day, i) => {
    const r = i === focusWeekday && focusDay !== null ? focusDay : raw[day];
    if (r !== undefined) week[day] = dayRanges(r, focus, true);
  });
  return weeklySeconds(week) >= 3600 ? week : "24x7";
}

const dateKey = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

function holidaySpec(raw: RawHoliday, day0: number): string | { from: string; to: string } {
  if ("once" in raw) return dateKey(day0 + raw.once);
  if ("yearly" in raw) return dateKey(day0 + raw.yearly).slice(5);
  return { from: dateKey(day0 + raw.from), to: dateKey(day0 + raw.from + raw.days) };
}

function datedSpec(raw: RawDated, day0: number, focus: number, overnight: boolean): Record<string, Range[]> {
  const out: Record<string, Range[]> = {};
  for (const { day, hours } of raw)
    out[dateKey(day0 + day)] = hours === null ? [] : dayRanges(hours, focus, overnight);
  return out;
}

/** The spec JSON of a raw calendar: dated entries within a week of the anchor, versions within 4 days. */
function specOf(raw: RawCalendar): CalendarSpec {
  const { anchor } = raw;
  const day0 = anchorDay(anchor);
  const focus = focusSeconds(anchor);
  const weekday = (((day0 + 3) % 7) + 7) % 7; // Monday first, as WEEKDAYS (1970-01-01 was a Thursday)
  const spec: {
    timezone: string;
    week: CalendarSpec["week"];
    holidays?: (string | { from: string; to: string })[];
    overrides?: Record<string, Range[]>;
    breaks?: Record<string, Range[]>;
    versions?: Record<string, unknown>[];
  } = { timezone: anchor.zone, week: weekSpec(raw.week, focus, raw.focusDay, weekday) };
  if (raw.holidays.length > 0) spec.holidays = raw.holidays.map((h) => holidaySpec(h, day0));
  if (raw.overrides.length > 0) spec.overrides = datedSpec(raw.overrides, day0, focus, true);
  if (raw.breaks.length > 0) spec.breaks = datedSpec(raw.breaks, day0, focus, false);
  const versions = new Map<number, Record<string, unknown>>();
  for (const v of raw.versions) {
    const version: Record<string, unknown> = { from: dateKey(day0 + v.day) };
    if (v.timezone !== undefined) version.timezone = v.timezone;
    if (v.week !== undefined) version.week = weekSpec(v.week, focus, null, weekday);
    if (v.holidays !== undefined) version.holidays = v.holidays.map((h) => holidaySpec(h, day0));
    if (v.overrides !== undefined) version.overrides = datedSpec(v.overrides, day0, focus, true);
    if (v.breaks !== undefined) version.breaks = datedSpec(v.breaks, day0, focus, false);
    versions.set(day0 + v.day, version);
  }
  if (anchor.change !== undefined) {
    const day = dayOf(anchor.change.from);
    versions.set(day, {
      ...(versions.get(day) ?? {}),
      from: anchor.change.from,
      timezone: anchor.change.timezone,
    });
  }
  if (versions.size > 0)
    spec.versions = [...versions.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  return spec as unknown as CalendarSpec;
}

// ---------------------------------------------------------------------------------------------------------
// Queries: instants near the anchor (or on a working-time edge), durations, day counts, input forms
// ---------------------------------------------------------------------------------------------------------

const rawInstant = fc.record({
  base: fc.oneof(
    fc.integer({ min: -6 * 60, max: 6 * 60 }).map((m) => m * MINUTE), // within 6 h of the transition
    fc.integer({ min: -7 * 96, max: 7 * 96 }).map((q) => q * 15 * MINUTE), // within a week, 15-min grid
    fc.integer({ min: -7 * DAY, max: 7 * DAY }), // any millisecond of the week
  ),
  /** Move to the k-th edge of working time at or after the base (0 = stay). */
  edge: fc.integer({ min: 0, max: 6 }),
  jitter: fc.constantFrom(0, 0, 0, -1, 1),
  /** 0 epoch ms, 1 Date, 2 ISO with Z, 3 ISO with an offset. */
  form: fc.integer({ min: 0, max: 3 }),
});
type RawInstant = typeof rawInstant extends fc.Arbitrary<infer T> ? T : never;

const rawDuration = fc.record({
  value: fc.oneof(
    fc.constantFrom(0, 1),
    fc.integer({ min: 1, max: 3000 }).map((m) => m * MINUTE),
    fc.integer({ min: 1, max: 100 * HOUR }),
  ),
  /** Instead: the working time up to the k-th edge after the start (lands exactly on edges). */
  toEdge: fc.integer({ min: 0, max: 8 }),
  jitter: fc.constantFrom(0, 0, -1, 1),
  asText: fc.boolean(),
});
type RawDuration = typeof rawDuration extends fc.Arbitrary<infer T> ? T : never;

const caseOf = <Q>(query: fc.Arbitrary<Q>) =>
  fc
    .record({ raw: rawCalendar, queries: fc.array(query, { minLength: 1, maxLength: 3 }) })
    .map(({ raw, queries }) => ({
      spec: specOf(raw),
      anchor: raw.anchor.at,
      queries,
    }));

const OFFSETS = [0, -3 * HOUR - 30 * MINUTE, 5 * HOUR + 45 * MINUTE, 14 * HOUR, -12 * HOUR];

/** ISO text of an instant at a fixed offset, e.g. 2025-03-09T02:15:00.000-05:00. */
function isoAt(t: number, offset: number): string {
  const local = new Date(t + offset).toISOString().slice(0, 23);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset) / MINUTE;
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function inputOf(t: number, form: number): Instant {
  if (form === 1) return new Date(t);
  if (form === 2) return new Date(t).toISOString();
  if (form === 3) return isoAt(t, OFFSETS[Math.abs(t) % OFFSETS.length] as number);
  return t;
}

function instantOf(ref: ReferenceCalendar, anchor: string, q: RawInstant): number {
  const base = Date.parse(anchor) + q.base;
  const t = q.edge === 0 ? base : (ref.edgesAfter(base, q.edge)[q.edge - 1] ?? base);
  return t + q.jitter;
}

function durationOf(ref: ReferenceCalendar, s: number, q: RawDuration, forward: boolean): number {
  if (q.toEdge === 0) return q.value;
  const edges = forward
    ? ref.edgesAfter(s, q.toEdge)
    : ref.edgesAfter(s - 14 * DAY, 64).filter((e) => e <= s);
  const edge =
    (forward ? edges[q.toEdge - 1] : edges[edges.length - q.toEdge]) ?? s + (forward ? 1 : -1) * q.value;
  return Math.max(0, Math.abs(ref.between(s, edge)) + q.jitter);
}

function durationText(ms: number): string {
  if (ms === 0) return "PT0S";
  const h = Math.floor(ms / HOUR);
  const m = Math.floor(ms / MINUTE) % 60;
  const s = (ms % MINUTE) / 1000;
  return `PT${h > 0 ? `${h}H` : ""}${m > 0 ? `${m}M` : ""}${s > 0 ? `${s}S` : ""}`;
}

const iso = (t: number) => new Date(t).toISOString();
const NEXT = { boundary: "nextOpening" } as const;

function setUp(spec: CalendarSpec): { cal: Calendar; ref: ReferenceCalendar } {
  return { cal: compileCalendar(spec), ref: new ReferenceCalendar(spec) };
}

// ---------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------

describe("the reference itself reproduces hand-worked values (so that agreeing with it means something)", () => {
  const at = Date.parse;
  const office = new ReferenceCalendar({
    timezone: "UTC",
    week: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["09:00", "18:00"]]])),
  });

  test("office hours (calendar.test.ts): add, nextOpening, subtract and business days", () => {
    // Mon 2025-01-06 17:00 + 1 h: dueAt Mon 18:00, lastCompliantAt Tue 09:00
    expect(iso(office.add(at("2025-01-06T17:00:00Z"), HOUR, false))).toBe("2025-01-06T18:00:00.000Z");
    expect(iso(office.add(at("2025-01-06T17:00:00Z"), HOUR, true))).toBe("2025-01-07T09:00:00.000Z");
    // Tue 10:00 − 1 h: latest start Tue 09:00, earliest Mon 18:00
    expect(iso(office.sub(at("2025-01-07T10:00:00Z"), HOUR, false))).toBe("2025-01-07T09:00:00.000Z");
    expect(iso(office.sub(at("2025-01-07T10:00:00Z"), HOUR, true))).toBe("2025-01-06T18:00:00.000Z");
    // Mon 10:00 + 2 days → Wed 18:00; Wed 10:00 − 2 → Mon 09:00; Sat 12:00 + 0 → Mon 18:00
    expect(iso(office.addDays(at("2025-01-06T10:00:00Z"), 2, false))).toBe("2025-01-08T18:00:00.000Z");
    expect(iso(office.addDays(at("2025-01-08T10:00:00Z"), -2, false))).toBe("2025-01-06T09:00:00.000Z");
    expect(iso(office.addDays(at("2025-01-11T12:00:00Z"), 0, false))).toBe("2025-01-13T18:00:00.000Z");
    // sameTime: Mon 20:00 + 1 → Tue 20:00, closed → Wed 09:00; Wed 20:00 − 1 → Tue 20:00 → back to Tue 18:00
    expect(iso(office.addDays(at("2025-01-06T20:00:00Z"), 1, true))).toBe("2025-01-08T09:00:00.000Z");
    expect(iso(office.addDays(at("2025-01-08T20:00:00Z"), -1, true))).toBe("2025-01-07T18:00:00.000Z");
  });

  test("DST edges (dst.test.ts) and Apia's skipped 2011-12-30", () => {
    const sundays = (timezone: string, ranges: [string, string][]) =>
      new ReferenceCalendar({ timezone, week: { sun: ranges } });
    const spans = (ref: ReferenceCalendar, from: string, to: string) =>
      ref.periods(at(from), at(to)).map(([s, e]) => [iso(s), iso(e)]);
    // New York 01:30–02:30 on 2025-03-09: 06:30Z to 02:30 → 03:30 EDT = 07:30Z
    expect(
      spans(
        sundays("America/New_York", [["01:30", "02:30"]]),
        "2025-03-08T12:00:00Z",
        "2025-03-10T12:00:00Z",
      ),
    ).toEqual([["2025-03-09T06:30:00.000Z", "2025-03-09T07:30:00.000Z"]]);
    // New York 01:00–02:00 on 2025-11-02: 01:00 EDT (earlier) = 05:00Z to 02:00 EST = 07:00Z
    expect(
      spans(
        sundays("America/New_York", [["01:00", "02:00"]]),
        "2025-11-01T12:00:00Z",
        "2025-11-03T12:00:00Z",
      ),
    ).toEqual([["2025-11-02T05:00:00.000Z", "2025-11-02T07:00:00.000Z"]]);
    // Lord Howe 2025-10-05 02:00–03:00: 02:00 → 02:30 +11 = 15:30Z to 03:00 +11 = 16:00Z
    expect(
      spans(
        sundays("Australia/Lord_Howe", [["02:00", "03:00"]]),
        "2025-10-04T00:00:00Z",
        "2025-10-06T00:00:00Z",
      ),
    ).toEqual([["2025-10-04T15:30:00.000Z", "2025-10-04T16:00:00.000Z"]]);
    // Sao Paulo 2018-11-04 (00:00 → 01:00 -02): a 24x7 day of 23 h, 03:00Z to Mon 00:00 -02 = 02:00Z
    const sp = new ReferenceCalendar({ timezone: "America/Sao_Paulo", week: "24x7" });
    const nov4 = sp.date(dayOf("2018-11-04"));
    expect([iso(nov4.start), iso(nov4.end)]).toEqual([
      "2018-11-04T03:00:00.000Z",
      "2018-11-05T02:00:00.000Z",
    ]);
    // Apia: Thu 2011-12-29 24:00 (−10) = 12-30T10:00Z is Sat 12-31 00:00 (+14); Fri 12-30 spans nothing
    const apia = new ReferenceCalendar({ timezone: "Pacific/Apia", week: "24x7" });
    const dec30 = apia.date(dayOf("2011-12-30"));
    expect([iso(dec30.start), iso(dec30.end)]).toEqual([
      "2011-12-30T10:00:00.000Z",
      "2011-12-30T10:00:00.000Z",
    ]);
  });

  test("red-team W1 and W2, and regression 4 (a version moving the zone west)", () => {
    // W1: union of [06:00Z, 07:00Z), [07:15Z, 07:45Z), [07:00Z, 11:00Z) = 5 h; 06:00Z + 1 h 15 = 07:15Z
    const w1 = new ReferenceCalendar({
      timezone: "America/New_York",
      week: {
        sun: [
          ["01:00", "02:00"],
          ["02:15", "02:45"],
          ["03:00", "07:00"],
        ],
      },
    });
    expect(w1.between(at("2025-03-09T00:00:00-05:00"), at("2025-03-10T00:00:00-04:00"))).toBe(300 * MINUTE);
    expect(iso(w1.add(at("2025-03-09T01:00:00-05:00"), 75 * MINUTE, false))).toBe("2025-03-09T07:15:00.000Z");
    // W2: Pago Pago → Kiritimati from 06-15: 144 h of wall time, all working
    const w2 = new ReferenceCalendar({
      timezone: "Pacific/Pago_Pago",
      week: "24x7",
      versions: [{ from: "2025-06-15", timezone: "Pacific/Kiritimati" }],
    });
    expect(w2.between(at("2025-06-12T00:00:00Z"), at("2025-06-18T00:00:00Z"))).toBe(144 * HOUR);
    // Shanghai → UTC from 03-03: Shanghai's 03-02 lasts until 03-03T00:00Z, 8 h after its own 24:00
    const west = new ReferenceCalendar({
      timezone: "Asia/Shanghai",
      week: "24x7",
      versions: [{ from: "2025-03-03", timezone: "UTC" }],
    });
    expect(west.between(at("2025-03-02T16:00:00Z"), at("2025-03-03T00:00:00Z"))).toBe(8 * HOUR);
  });
});

describe("differential fuzzer: slakit = brute-force reference", () => {
  test("the anchors are transitions (offset before ≠ after, read from Intl)", () => {
    for (const a of ANCHORS) {
      const t = anchorAt(a);
      if (a.change !== undefined) {
        expect(intlOffsetMs(a.change.timezone, t)).not.toBe(intlOffsetMs(a.zone, t));
      } else {
        expect(intlOffsetMs(a.zone, t - 1), `${a.zone} ${a.at}`).not.toBe(intlOffsetMs(a.zone, t));
      }
    }
  });

  const readQuery = fc.record({ t: rawInstant, u: rawInstant });
  test(`isBusinessTime, nextBusinessTime, businessTimeBetween, businessPeriods (${runsPerProperty} cases)`, () => {
    check(
      "reads",
      baseSeed + 1,
      fc.property(caseOf(readQuery), ({ spec, anchor, queries }) => {
        const { cal, ref } = setUp(spec);
        for (const q of queries) {
          const t = instantOf(ref, anchor, q.t);
          const u = instantOf(ref, anchor, q.u);
          const at = `t = ${iso(t)}, u = ${iso(u)}`;
          expect(isBusinessTime(cal, inputOf(t, q.t.form)), `isBusinessTime(${iso(t)})`).toBe(ref.isOpen(t));
          expect(
            iso(nextBusinessTime(cal, inputOf(t, q.t.form)).getTime()),
            `nextBusinessTime(${iso(t)})`,
          ).toBe(iso(ref.next(t)));
          expect(businessTimeBetween(cal, inputOf(t, q.t.form), inputOf(u, q.u.form)), `between, ${at}`).toBe(
            ref.between(t, u),
          );
          const periods = businessPeriods(cal, inputOf(t, q.t.form), inputOf(u, q.u.form));
          expect(
            periods.map((p) => [iso(p.start.getTime()), iso(p.end.getTime())]),
            `businessPeriods, ${at}`,
          ).toEqual(ref.periods(t, u).map(([s, e]) => [iso(s), iso(e)]));
        }
      }),
    );
  });

  const addQuery = fc.record({ t: rawInstant, d: rawDuration });
  test(`addBusinessTime, dueAt and nextOpening (${runsPerProperty} cases)`, () => {
    check(
      "add",
      baseSeed + 2,
      fc.property(caseOf(addQuery), ({ spec, anchor, queries }) => {
        const { cal, ref } = setUp(spec);
        for (const q of queries) {
          const t = instantOf(ref, anchor, q.t);
          const d = durationOf(ref, t, q.d, true);
          const duration = q.d.asText ? durationText(d) : d;
          const at = `addBusinessTime(${iso(t)}, ${duration})`;
          expect(iso(addBusinessTime(cal, inputOf(t, q.t.form), duration).getTime()), at).toBe(
            iso(ref.add(t, d, false)),
          );
          expect(
            iso(addBusinessTime(cal, inputOf(t, q.t.form), duration, NEXT).getTime()),
            `${at} nextOpening`,
          ).toBe(iso(ref.add(t, d, true)));
        }
      }),
    );
  });

  test(`subtractBusinessTime, both boundaries (${runsPerProperty} cases)`, () => {
    check(
      "subtract",
      baseSeed + 3,
      fc.property(caseOf(addQuery), ({ spec, anchor, queries }) => {
        const { cal, ref } = setUp(spec);
        for (const q of queries) {
          const t = instantOf(ref, anchor, q.t);
          const d = durationOf(ref, t, q.d, false);
          const duration = q.d.asText ? durationText(d) : d;
          const at = `subtractBusinessTime(${iso(t)}, ${duration})`;
          expect(iso(subtractBusinessTime(cal, inputOf(t, q.t.form), duration).getTime()), at).toBe(
            iso(ref.sub(t, d, false)),
          );
          expect(
            iso(subtractBusinessTime(cal, inputOf(t, q.t.form), duration, NEXT).getTime()),
            `${at} nextOpening`,
          ).toBe(iso(ref.sub(t, d, true)));
        }
      }),
    );
  });

  const dayQuery = fc.record({
    t: rawInstant,
    n: fc.integer({ min: -4, max: 4 }),
    viaDuration: fc.boolean(),
  });
  test(`addBusinessDays, endOfDay and sameTime, negative, zero and positive counts (${runsPerProperty} cases)`, () => {
    check(
      "days",
      baseSeed + 4,
      fc.property(caseOf(dayQuery), ({ spec, anchor, queries }) => {
        const { cal, ref } = setUp(spec);
        for (const q of queries) {
          const t = instantOf(ref, anchor, q.t);
          const input = inputOf(t, q.t.form);
          for (const sameTime of [false, true]) {
            const options = sameTime ? ({ days: "sameTime" } as const) : undefined;
            const expected = iso(ref.addDays(t, q.n, sameTime));
            const at = `addBusinessDays(${iso(t)}, ${q.n}${sameTime ? ", sameTime" : ""})`;
            expect(iso(addBusinessDays(cal, input, q.n, options).getTime()), at).toBe(expected);
            if (q.viaDuration && q.n >= 0) {
              expect(
                iso(addBusinessTime(cal, input, `P${q.n}D`, options).getTime()),
                `${at} as P${q.n}D`,
              ).toBe(expected);
            }
            if (q.viaDuration && q.n < 0) {
              expect(
                iso(subtractBusinessTime(cal, input, `P${-q.n}D`, options).getTime()),
                `${at} as − P${-q.n}D`,
              ).toBe(expected);
            }
          }
        }
      }),
    );
  });
});
