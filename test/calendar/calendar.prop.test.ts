/**
 * Calendar laws (research/anchors-reliability.md §2.3), each under fast-check with a fixed seed and 1 000
 * runs. Notation: add = addBusinessTime (dueAt), add⁺ = with { boundary: "nextOpening" } (lastCompliantAt),
 * sub = subtractBusinessTime, between = businessTimeBetween, next = nextBusinessTime, W = working time.
 * Calendars come from a fixed list compiled once (test/arbitraries.ts); instants from 2024–2027 unless noted.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  addBusinessDays,
  addBusinessTime,
  businessPeriods,
  businessTimeBetween,
  type Calendar,
  type CalendarSpec,
  compileCalendar,
  isBusinessTime,
  nextBusinessTime,
  subtractBusinessTime,
} from "../../src/calendar/index.js";
import { getZone, resolveWall } from "../../src/calendar/zone.js";
import {
  AWKWARD_ZONES,
  DAY,
  dateKey2025,
  durationMs,
  HOUR,
  instant,
  instantIn,
  MINUTE,
  ORACLE_ZONES,
  oracleOffsetMs,
  oracleResolveWall,
  oracleTransitions,
  positiveDurationMs,
  propertyCalendar,
  utc,
  WEEK,
  weekdays,
} from "../arbitraries.js";

const runs = (seed: number) => ({ seed, numRuns: 1000 });
const NEXT = { boundary: "nextOpening" } as const;
const add = (c: Calendar, s: number, d: number) => addBusinessTime(c, s, d).getTime();
const addLast = (c: Calendar, s: number, d: number) => addBusinessTime(c, s, d, NEXT).getTime();
const sub = (c: Calendar, e: number, d: number) => subtractBusinessTime(c, e, d).getTime();
const subFirst = (c: Calendar, e: number, d: number) => subtractBusinessTime(c, e, d, NEXT).getTime();
const between = (c: Calendar, a: number, b: number) => businessTimeBetween(c, a, b);
const next = (c: Calendar, t: number) => nextBusinessTime(c, t).getTime();
const inW = (c: Calendar, t: number) => isBusinessTime(c, t);
const sorted = (...xs: number[]) => xs.sort((a, b) => a - b);

describe("deadline laws on the fixed calendars", () => {
  test.prop([propertyCalendar(), instant()], runs(101))("I1 identity: add(s, 0) = s", ({ cal }, s) => {
    expect(add(cal, s, 0)).toBe(s);
    expect(sub(cal, s, 0)).toBe(s);
  });

  test.prop([propertyCalendar(), instant(), durationMs(), durationMs()], runs(102))(
    "I2 additivity: add(s, d1 + d2) = add(add(s, d1), d2)",
    ({ cal }, s, d1, d2) => {
      expect(add(cal, s, d1 + d2)).toBe(add(cal, add(cal, s, d1), d2));
    },
  );

  test.prop([propertyCalendar(), instant(), durationMs()], runs(103))(
    "I3 round trip: between(s, add(s, d)) = d, and the same for add⁺",
    ({ cal }, s, d) => {
      expect(between(cal, s, add(cal, s, d))).toBe(d);
      expect(between(cal, s, addLast(cal, s, d))).toBe(d);
    },
  );

  test.prop([propertyCalendar(), instant(), instant()], runs(104))(
    "I4 reverse round trip: u = add(s, between(s, t)) has u ≤ t, between(u, t) = 0, and u = t when t − 1 ∈ W",
    ({ cal }, a, b) => {
      const [s, t] = sorted(a, b) as [number, number];
      const u = add(cal, s, between(cal, s, t));
      expect(u).toBeLessThanOrEqual(t);
      expect(between(cal, u, t)).toBe(0);
      if (t > s && inW(cal, t - 1)) expect(u).toBe(t);
    },
  );

  test.prop([propertyCalendar(), instant(), durationMs(), durationMs()], runs(105))(
    "I5 strictly monotone in d: d1 < d2 ⇒ add(s, d1) < add(s, d2)",
    ({ cal }, s, x, y) => {
      fc.pre(x !== y);
      const [d1, d2] = sorted(x, y) as [number, number];
      expect(add(cal, s, d1)).toBeLessThan(add(cal, s, d2));
    },
  );

  test.prop([propertyCalendar(), instant(), instant(), durationMs()], runs(106))(
    "I6 monotone in start: s1 ≤ s2 ⇒ add(s1, d) ≤ add(s2, d), also for add⁺",
    ({ cal }, a, b, d) => {
      const [s1, s2] = sorted(a, b) as [number, number];
      expect(add(cal, s1, d)).toBeLessThanOrEqual(add(cal, s2, d));
      expect(addLast(cal, s1, d)).toBeLessThanOrEqual(addLast(cal, s2, d));
    },
  );

  test.prop([propertyCalendar(), instant(), instant(), durationMs()], runs(107))(
    "I7 working time ≤ wall time: between(s, t) ≤ t − s and add(s, d) ≥ s + d",
    ({ cal }, a, b, d) => {
      const [s, t] = sorted(a, b) as [number, number];
      expect(between(cal, s, t)).toBeLessThanOrEqual(t - s);
      expect(between(cal, s, t)).toBeGreaterThanOrEqual(0);
      expect(add(cal, a, d)).toBeGreaterThanOrEqual(a + d);
    },
  );

  test.prop([propertyCalendar(), instant(), instant(), instant()], runs(108))(
    "I8 split additivity: between(a, c) = between(a, b) + between(b, c); between(s, s) = 0",
    ({ cal }, x, y, z) => {
      const [a, b, c] = sorted(x, y, z) as [number, number, number];
      expect(between(cal, a, b) + between(cal, b, c)).toBe(between(cal, a, c));
      expect(between(cal, b, b)).toBe(0);
    },
  );

  test.prop([propertyCalendar(), instant(), instant()], runs(109))(
    "antisymmetry: between(a, b) = −between(b, a)",
    ({ cal }, a, b) => {
      expect(between(cal, a, b)).toBe(-between(cal, b, a));
    },
  );

  test.prop([propertyCalendar(), instant(), positiveDurationMs()], runs(110))(
    "I9 deadline location: dueAt − 1 ∈ W (dueAt is in W or an interval's right end); lastCompliantAt ∈ W",
    ({ cal }, s, d) => {
      const due = add(cal, s, d);
      const last = addLast(cal, s, d);
      expect(inW(cal, due - 1)).toBe(true);
      expect(between(cal, s, due - 1)).toBe(d - 1); // the first instant reaching d
      expect(inW(cal, last)).toBe(true);
      expect(between(cal, s, last + 1)).toBe(d + 1); // the last instant not exceeding d
      expect(last).toBeGreaterThanOrEqual(due);
    },
  );

  test.prop(
    [propertyCalendar(), instant(), durationMs(), fc.double({ min: 0, max: 1, noNaN: true })],
    runs(111),
  )(
    "I25 breach consistency: for t in [dueAt, lastCompliantAt] between(s, t) = d; after it > d",
    ({ cal }, s, d, f) => {
      const due = add(cal, s, d);
      const last = addLast(cal, s, d);
      const t = due + Math.floor(f * (last - due));
      expect(between(cal, s, t)).toBe(d);
      expect(between(cal, s, last)).toBe(d);
      expect(between(cal, s, last + 1)).toBeGreaterThan(d);
    },
  );

  test.prop([propertyCalendar(), instant()], runs(112))(
    "add⁺(s, 0) = next(s): in W, not before s, with no working time in [s, next)",
    ({ cal }, s) => {
      const n = next(cal, s);
      expect(addLast(cal, s, 0)).toBe(n);
      expect(n).toBeGreaterThanOrEqual(s);
      expect(inW(cal, n)).toBe(true);
      expect(between(cal, s, n)).toBe(0);
      if (inW(cal, s)) expect(n).toBe(s);
    },
  );

  test.prop([propertyCalendar(), instant(), positiveDurationMs()], runs(113))(
    "I27 subtract inverse: sub(add(s, d), d) = s for s ∈ W, next(s) otherwise",
    ({ cal }, s, d) => {
      expect(sub(cal, add(cal, s, d), d)).toBe(inW(cal, s) ? s : next(cal, s));
    },
  );

  test.prop([propertyCalendar(), instant(), positiveDurationMs()], runs(114))(
    "subtract mirror: sub(e, d) is the latest start (in W), sub⁺(e, d) the earliest (a closing: −1 ms is in W)",
    ({ cal }, e, d) => {
      const latest = sub(cal, e, d);
      const earliest = subFirst(cal, e, d);
      expect(between(cal, latest, e)).toBe(d);
      expect(between(cal, earliest, e)).toBe(d);
      expect(inW(cal, latest)).toBe(true);
      expect(inW(cal, earliest - 1)).toBe(true);
      expect(earliest).toBeLessThanOrEqual(latest);
    },
  );

  test.prop([propertyCalendar(), instant(), fc.integer({ min: 0, max: 30 * DAY })], runs(115))(
    "businessPeriods: sorted, merged, clipped, edges at W boundaries, and their sum is between",
    ({ cal }, from, span) => {
      const to = from + span;
      const list = businessPeriods(cal, from, to).map((p) => [p.start.getTime(), p.end.getTime()] as const);
      let sum = 0;
      let previousEnd = Number.NEGATIVE_INFINITY;
      for (const [s, e] of list) {
        expect(s).toBeGreaterThanOrEqual(from);
        expect(e).toBeLessThanOrEqual(to);
        expect(s).toBeLessThan(e);
        expect(s).toBeGreaterThan(previousEnd); // touching periods would have been merged
        expect(inW(cal, s)).toBe(true);
        expect(inW(cal, e - 1)).toBe(true);
        if (s > from) expect(inW(cal, s - 1)).toBe(false);
        if (e < to) expect(inW(cal, e)).toBe(false);
        sum += e - s;
        previousEnd = e;
      }
      expect(sum).toBe(between(cal, from, to));
    },
  );

  test.prop([propertyCalendar(), instant(), fc.integer({ min: 0, max: 25 })], runs(116))(
    "business days: later for more days; forward ends at the end of working time, backward at a start in W",
    ({ cal }, s, n) => {
      const r0 = addBusinessDays(cal, s, n).getTime();
      const r1 = addBusinessDays(cal, s, n + 1).getTime();
      // 0 days after the start day's working time is over is the next working day's end, like 1 day
      if (n >= 1) expect(r1).toBeGreaterThan(r0);
      else expect(r1).toBeGreaterThanOrEqual(r0);
      expect(r0).toBeGreaterThanOrEqual(s);
      expect(inW(cal, r1 - 1)).toBe(true);
      expect(addBusinessTime(cal, s, `P${n + 1}D`).getTime()).toBe(r1);
      expect(addBusinessTime(cal, s, `P${n + 1}D`, NEXT).getTime()).toBe(r1); // a deadline, not a budget
      const back = addBusinessDays(cal, s, -(n + 1)).getTime();
      expect(back).toBeLessThan(s);
      expect(inW(cal, back)).toBe(true);
      expect(subtractBusinessTime(cal, s, `P${n + 1}D`).getTime()).toBe(back);
      const same = addBusinessDays(cal, s, n + 1, { days: "sameTime" }).getTime();
      expect(inW(cal, same)).toBe(true);
      expect(same).toBeGreaterThan(s);
    },
  );

  test.prop([propertyCalendar(), instant(), fc.integer({ min: 1, max: 3 })], runs(117))(
    "P1W = P7D: a week of business days is 7 business days",
    ({ cal }, s, k) => {
      expect(addBusinessTime(cal, s, `P${k}W`).getTime()).toBe(addBusinessDays(cal, s, 7 * k).getTime());
    },
  );
});

describe("zones", () => {
  const FROM = utc(2005, 1, 1);
  const TO = utc(2031, 1, 1);
  const allDay = new Map<string, Calendar>(
    AWKWARD_ZONES.map((z) => [z, compileCalendar({ timezone: z, week: "24x7" })]),
  );

  test.prop(
    [fc.constantFrom(...AWKWARD_ZONES), instantIn(FROM, TO), instantIn(FROM, TO), durationMs()],
    runs(201),
  )("I10 24x7 equivalence in awkward zones: between = t − s, add = s + d, one period", (zone, a, b, d) => {
    const cal = allDay.get(zone) as Calendar;
    const [s, t] = sorted(a, b) as [number, number];
    expect(between(cal, s, t)).toBe(t - s);
    expect(add(cal, s, d)).toBe(s + d);
    expect(addLast(cal, s, d)).toBe(s + d);
    expect(sub(cal, t, d)).toBe(t - d);
    expect(inW(cal, s)).toBe(true);
    const end = Math.min(t, s + 60 * DAY);
    const list = businessPeriods(cal, s, end).map((p) => [p.start.getTime(), p.end.getTime()]);
    expect(list).toEqual(end > s ? [[s, end]] : []);
  });

  // Offset transitions found independently with @date-fns/tz, in years chosen for their events: Kathmandu
  // 1986, Apia 2011, Sao Paulo 2018/2019, current rules 2025/2026, the 2038 boundary and a far year.
  const YEARS = [1971, 1986, 2011, 2018, 2019, 2025, 2026, 2038, 2099];
  const transitions = ORACLE_ZONES.flatMap((zone) =>
    YEARS.flatMap((y) =>
      oracleTransitions(zone, utc(y, 1, 1), utc(y + 1, 1, 1)).map((tr) => ({ zone, ...tr })),
    ),
  );
  const transition = fc.constantFrom(...transitions);

  test("the oracle found transitions in every zone with DST", () => {
    for (const zone of ORACLE_ZONES) {
      if (zone === "Asia/Kathmandu" || zone === "Asia/Kolkata") continue;
      expect(transitions.some((tr) => tr.zone === zone)).toBe(true);
    }
  });

  test.prop(
    [fc.constantFrom(...ORACLE_ZONES), fc.integer({ min: utc(1970, 1, 1), max: utc(2100, 1, 1) })],
    runs(202),
  )("offsets equal @date-fns/tz at random instants 1970–2100", (zone, t) => {
    expect(getZone(zone).offsetAt(t)).toBe(oracleOffsetMs(zone, t));
  });

  test.prop(
    [
      transition,
      fc.oneof(fc.constantFrom(-1, 0, 1, -1000, 1000), fc.integer({ min: -3 * HOUR, max: 3 * HOUR })),
    ],
    runs(203),
  )("offsets equal @date-fns/tz around transitions (to the millisecond)", (tr, delta) => {
    const t = tr.at + delta;
    expect(getZone(tr.zone).offsetAt(t)).toBe(oracleOffsetMs(tr.zone, t));
  });

  const wallNearTransition = fc
    .tuple(
      transition,
      fc.oneof(
        fc.integer({ min: -180, max: 180 }).map((m) => m * MINUTE),
        fc.constantFrom(-1, 0, 1),
      ),
      fc.boolean(),
    )
    .map(([tr, delta, useAfter]) => ({
      zone: tr.zone,
      wall: tr.at + (useAfter ? tr.after : tr.before) + delta,
    }));
  const wallAnywhere = fc
    .tuple(fc.constantFrom(...ORACLE_ZONES), fc.integer({ min: utc(1970, 1, 2), max: utc(2099, 12, 30) }))
    .map(([zone, t]) => ({ zone, wall: Math.floor(t / MINUTE) * MINUTE }));

  test.prop([fc.oneof(wallNearTransition, wallAnywhere)], runs(204))(
    "wall → instant equals Temporal's 'compatible' rule (brute force over @date-fns/tz offsets)",
    ({ zone, wall }) => {
      expect(resolveWall(getZone(zone), wall)).toBe(oracleResolveWall(zone, wall));
    },
  );

  // I11: one calendar per zone and weekday group so that an open day's neighbours are closed.
  const full: [string, string][] = [["00:00", "24:00"]];
  const groups = [{ mon: full, wed: full, fri: full }, { tue: full, thu: full, sat: full }, { sun: full }];
  const groupOf = [2, 0, 1, 0, 1, 0, 1]; // by UTC weekday of the date: Sun, Mon, …, Sat
  const dayCalendars = new Map<string, Calendar[]>(
    AWKWARD_ZONES.map((z) => [z, groups.map((week) => compileCalendar({ timezone: z, week }))]),
  );
  const localDate = fc.oneof(
    // dates of transitions (the day before, of, and after)
    fc
      .tuple(
        transition.filter(
          (tr) => (AWKWARD_ZONES as readonly string[]).includes(tr.zone) && tr.at > utc(2000, 1, 1),
        ),
        fc.integer({ min: -1, max: 1 }),
      )
      .map(([tr, k]) => ({ zone: tr.zone, day: Math.floor((tr.at + tr.before) / DAY) + k })),
    fc
      .tuple(
        fc.constantFrom(...AWKWARD_ZONES),
        fc.integer({ min: utc(2005, 1, 1) / DAY, max: utc(2030, 12, 30) / DAY }),
      )
      .map(([zone, day]) => ({ zone, day })),
  );

  test.prop([localDate], runs(205))(
    "I11 DST-day capacity: a 00:00–24:00 day holds exactly the real length of the local day",
    ({ zone, day }) => {
      const start = oracleResolveWall(zone, day * DAY);
      const end = oracleResolveWall(zone, (day + 1) * DAY);
      const weekday = new Date(day * DAY).getUTCDay();
      const cal = (dayCalendars.get(zone) as Calendar[])[groupOf[weekday] as number] as Calendar;
      expect(between(cal, start, end)).toBe(end - start);
      // the neighbouring dates are closed in this calendar, unless a skipped date (Apia 2011-12-30) makes
      // the date two away a neighbour
      const previousIsEmpty = oracleResolveWall(zone, (day - 1) * DAY) === start;
      const nextIsEmpty = oracleResolveWall(zone, (day + 2) * DAY) === end;
      if (!previousIsEmpty) expect(between(cal, start - 3 * HOUR, start)).toBe(0);
      if (!nextIsEmpty) expect(between(cal, end, end + 3 * HOUR)).toBe(0);
      if (end > start) {
        expect(inW(cal, start)).toBe(true);
        expect(inW(cal, end - 1)).toBe(true);
        expect(businessPeriods(cal, start, end).map((p) => [p.start.getTime(), p.end.getTime()])).toEqual([
          [start, end],
        ]);
        expect(addBusinessDays(cal, start, 0).getTime()).toBe(end);
      }
    },
  );

  // I13: Etc/GMT-3 is UTC+3 (POSIX sign): its 09–18 are 06–15 UTC; Etc/GMT+3's 09–18 are 12–21 UTC.
  const shifted = [
    [
      compileCalendar({
        timezone: "Etc/GMT-3",
        week: weekdays([["09:00", "18:00"]]),
        holidays: ["2025-05-01", "12-25"],
        breaks: { "2025-03-04": [["12:00", "13:00"]] },
      }),
      compileCalendar({
        timezone: "UTC",
        week: weekdays([["06:00", "15:00"]]),
        holidays: ["2025-05-01", "12-25"],
        breaks: { "2025-03-04": [["09:00", "10:00"]] },
      }),
    ],
    [
      compileCalendar({
        timezone: "Etc/GMT+3",
        week: weekdays([["09:00", "18:00"]]),
        holidays: ["2026-01-01"],
      }),
      compileCalendar({ timezone: "UTC", week: weekdays([["12:00", "21:00"]]), holidays: ["2026-01-01"] }),
    ],
  ] as const;

  test.prop([fc.constantFrom(...shifted), instant(), instant(), durationMs()], runs(206))(
    "I13 fixed-offset shift: Etc/GMT∓3 equals the UTC calendar shifted by ∓3 h",
    ([fixed, plain], s, t, d) => {
      expect(add(fixed, s, d)).toBe(add(plain, s, d));
      expect(addLast(fixed, s, d)).toBe(addLast(plain, s, d));
      expect(between(fixed, s, t)).toBe(between(plain, s, t));
      expect(inW(fixed, s)).toBe(inW(plain, s));
    },
  );

  const periodic = [
    compileCalendar({ timezone: "UTC", week: weekdays([["09:00", "18:00"]]) }),
    compileCalendar({
      timezone: "Asia/Kathmandu",
      week: {
        ...weekdays([
          ["09:00", "12:00"],
          ["13:00", "17:45"],
        ]),
        sat: [{ start: "22:00", end: "02:00", overnight: true }],
      },
    }),
  ];

  test.prop([fc.constantFrom(...periodic), instant(), instant(), durationMs()], runs(207))(
    "I14 weekly periodicity without DST or holidays: add(s + WEEK, d) = add(s, d) + WEEK",
    (cal, s, t, d) => {
      expect(add(cal, s + WEEK, d)).toBe(add(cal, s, d) + WEEK);
      expect(between(cal, s + WEEK, t + WEEK)).toBe(between(cal, s, t));
    },
  );
});

describe("holiday, break and extra-day laws (random specs, compiled per run)", () => {
  const Y2025 = instantIn(utc(2025, 1, 1), utc(2026, 1, 1));
  const baseSpec = fc.record({
    zone: fc.constantFrom("UTC", "America/New_York", "Asia/Kathmandu"),
    holidays: fc.array(dateKey2025(), { maxLength: 6 }),
  });
  const build = (zone: string, holidays: string[], extra: Partial<CalendarSpec> = {}): Calendar =>
    compileCalendar({
      timezone: zone,
      week: weekdays([
        ["09:00", "12:00"],
        ["13:00", "18:00"],
      ]),
      holidays,
      ...extra,
    });
  const isWeekend = (key: string) => [0, 6].includes(new Date(`${key}T00:00:00Z`).getUTCDay());

  test.prop(
    [baseSpec, dateKey2025(), fc.constantFrom("holiday", "break"), Y2025, Y2025, durationMs()],
    runs(301),
  )(
    "I15 holiday/break monotonicity: another closed day or break never makes a deadline earlier nor adds time",
    ({ zone, holidays }, key, kind, s, t, d) => {
      const base = build(zone, holidays);
      const more =
        kind === "holiday"
          ? build(zone, [...holidays, key])
          : build(zone, holidays, { breaks: { [key]: [["10:30", "14:00"]] } });
      expect(add(more, s, d)).toBeGreaterThanOrEqual(add(base, s, d));
      expect(addLast(more, s, d)).toBeGreaterThanOrEqual(addLast(base, s, d));
      const [a, b] = sorted(s, t) as [number, number];
      expect(between(more, a, b)).toBeLessThanOrEqual(between(base, a, b));
    },
  );

  test.prop([baseSpec, dateKey2025(), Y2025, Y2025, durationMs()], runs(302))(
    "I16 idempotent holidays: duplicates, and holidays on closed days, change nothing",
    ({ zone, holidays }, key, s, t, d) => {
      const base = build(zone, holidays);
      const noisy = build(zone, [...holidays, ...holidays, ...(isWeekend(key) ? [key] : [])]);
      expect(add(noisy, s, d)).toBe(add(base, s, d));
      expect(addLast(noisy, s, d)).toBe(addLast(base, s, d));
      expect(between(noisy, s, t)).toBe(between(base, s, t));
      expect(addBusinessDays(noisy, s, 3).getTime()).toBe(addBusinessDays(base, s, 3).getTime());
    },
  );

  test.prop(
    [baseSpec, dateKey2025(), Y2025, Y2025, durationMs(), fc.integer({ min: 0, max: 10 })],
    runs(303),
  )(
    "I17 extra working day monotonicity: a make-up day never makes a deadline later nor removes time",
    ({ zone, holidays }, key, s, t, d, n) => {
      const base = build(zone, holidays);
      const extra = build(zone, holidays, { overrides: { [key]: [["07:00", "20:00"]] } });
      // an override replaces the day's hours; 07–20 covers 09–12 and 13–18, so it only adds time
      // (unless the date is a holiday, where it changes nothing)
      expect(add(extra, s, d)).toBeLessThanOrEqual(add(base, s, d));
      expect(addLast(extra, s, d)).toBeLessThanOrEqual(addLast(base, s, d));
      const [a, b] = sorted(s, t) as [number, number];
      expect(between(extra, a, b)).toBeGreaterThanOrEqual(between(base, a, b));
      // a make-up weekend day can only bring the Nth working day earlier (a longer weekday could end later)
      if (isWeekend(key)) {
        expect(addBusinessDays(extra, s, n + 1).getTime()).toBeLessThanOrEqual(
          addBusinessDays(base, s, n + 1).getTime(),
        );
      }
    },
  );
});
