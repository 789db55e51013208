/**
 * Worked examples for every calendar rule and option (SPEC.md §3–4). Every expected value is worked out by
 * hand in the comment next to it. Unless stated otherwise the calendar is `office`: UTC, Mon–Fri
 * 09:00–18:00. Dates used: Mon 2025-01-06 … Sun 2025-01-12, Mon 2025-01-13 (2025-01-01 was a Wednesday).
 */
import { describe, expect, test } from "vitest";
import {
  type AddBusinessTimeOptions,
  addBusinessDays,
  addBusinessTime,
  businessPeriods,
  businessTimeBetween,
  type Calendar,
  type CalendarSpec,
  compileCalendar,
  type Duration,
  type Instant,
  isBusinessTime,
  nextBusinessTime,
  SlaError,
  subtractBusinessTime,
} from "../../src/calendar/index.js";
import { catchSla, everyDay, HOUR, iso, MINUTE, utc, WEEK, weekdays } from "../arbitraries.js";

const office = compileCalendar({ timezone: "UTC", week: weekdays([["09:00", "18:00"]]) });
const utc24x7 = compileCalendar({ timezone: "UTC", week: "24x7" });

const add = (cal: Calendar, t: Instant, d: Duration, o?: AddBusinessTimeOptions) =>
  iso(addBusinessTime(cal, t, d, o));
const sub = (cal: Calendar, t: Instant, d: Duration, o?: AddBusinessTimeOptions) =>
  iso(subtractBusinessTime(cal, t, d, o));
const days = (cal: Calendar, t: Instant, n: number, sameTime = false) =>
  iso(addBusinessDays(cal, t, n, sameTime ? { days: "sameTime" } : undefined));
const periods = (cal: Calendar, from: Instant, to: Instant) =>
  businessPeriods(cal, from, to).map((p) => [iso(p.start), iso(p.end)]);
const NEXT: AddBusinessTimeOptions = { boundary: "nextOpening" };

describe("instants (SPEC 3.1)", () => {
  test("Date, epoch ms and ISO strings with Z or an offset are the same instant", () => {
    // Mon 2025-01-06 17:00Z, written four ways; + 1 h on 09–18 → Mon 18:00Z
    const inputs: Instant[] = [
      "2025-01-06T17:00:00Z",
      "2025-01-07T01:00:00+08:00",
      "2025-01-06T12:00:00-05:00",
      utc(2025, 1, 6, 17),
      new Date(utc(2025, 1, 6, 17)),
    ];
    for (const t of inputs) expect(add(office, t, "PT1H")).toBe("2025-01-06T18:00:00.000Z");
  });

  test("results are Date objects", () => {
    expect(addBusinessTime(office, "2025-01-06T17:00:00Z", "PT1H")).toBeInstanceOf(Date);
    expect(nextBusinessTime(office, "2025-01-06T17:00:00Z")).toBeInstanceOf(Date);
  });

  test("an offset moves the instant: Mon 17:00 -05:00 is 22:00Z, after closing", () => {
    // 22:00Z Mon is closed; + 1 h → Tue 09:00–10:00Z
    expect(add(office, "2025-01-06T17:00:00-05:00", "PT1H")).toBe("2025-01-07T10:00:00.000Z");
  });

  test("a string without Z or an offset is ambiguous: E_INSTANT at the argument's name", () => {
    const e = catchSla(() => addBusinessTime(office, "2025-01-06T17:00:00", "PT1H"));
    expect(e.code).toBe("E_INSTANT");
    expect(e.path).toBe("start");
    expect(catchSla(() => businessTimeBetween(office, "2025-01-06T17:00:00Z", "2025-01-07")).path).toBe("to");
    expect(catchSla(() => isBusinessTime(office, "2025-01-06")).code).toBe("E_INSTANT");
  });
});

describe("working time is a union of half-open intervals (SPEC 3.2)", () => {
  test("the start of an interval is working time, its end is not", () => {
    expect(isBusinessTime(office, "2025-01-06T09:00:00Z")).toBe(true);
    expect(isBusinessTime(office, "2025-01-06T08:59:59.999Z")).toBe(false);
    expect(isBusinessTime(office, "2025-01-06T17:59:59.999Z")).toBe(true);
    expect(isBusinessTime(office, "2025-01-06T18:00:00Z")).toBe(false);
    expect(isBusinessTime(office, "2025-01-11T12:00:00Z")).toBe(false); // Saturday
  });

  test("a week of Mon–Fri 09–18 is 45 h; a day is 9 h", () => {
    expect(businessTimeBetween(office, "2025-01-06T00:00:00Z", "2025-01-13T00:00:00Z")).toBe(45 * HOUR);
    expect(businessTimeBetween(office, "2025-01-06T09:00:00Z", "2025-01-06T18:00:00Z")).toBe(9 * HOUR);
  });

  test("touching intervals are one interval: [09,12)+[12,18) ≡ [09,18)", () => {
    const split = compileCalendar({
      timezone: "UTC",
      week: weekdays([
        ["09:00", "12:00"],
        ["12:00", "18:00"],
      ]),
    });
    expect(periods(split, "2025-01-06T00:00:00Z", "2025-01-07T00:00:00Z")).toEqual([
      ["2025-01-06T09:00:00.000Z", "2025-01-06T18:00:00.000Z"],
    ]);
    expect(isBusinessTime(split, "2025-01-06T12:00:00Z")).toBe(true);
  });

  test("every weekday 00:00–24:00 loses no minute at midnight (the 23:59 trap)", () => {
    const allDay = compileCalendar({ timezone: "UTC", week: weekdays([["00:00", "24:00"]]) });
    // Mon 00:00 → Sat 00:00 = 5 × 24 h
    expect(businessTimeBetween(allDay, "2025-01-06T00:00:00Z", "2025-01-11T00:00:00Z")).toBe(120 * HOUR);
    expect(isBusinessTime(allDay, "2025-01-06T23:59:59.999Z")).toBe(true);
    expect(isBusinessTime(allDay, "2025-01-07T00:00:00Z")).toBe(true);
  });
});

describe("addBusinessTime: dueAt by default, lastCompliantAt with { boundary: 'nextOpening' } (SPEC 3.5)", () => {
  test("Mon 17:00 + 1 h: dueAt Mon 18:00; lastCompliantAt Tue 09:00", () => {
    expect(add(office, "2025-01-06T17:00:00Z", "PT1H")).toBe("2025-01-06T18:00:00.000Z");
    expect(add(office, "2025-01-06T17:00:00Z", "PT1H", NEXT)).toBe("2025-01-07T09:00:00.000Z");
    expect(add(office, "2025-01-06T17:00:00Z", "PT1H", { boundary: "dueAt" })).toBe(
      "2025-01-06T18:00:00.000Z",
    );
  });

  test("a full day: Mon 09:00 + 9 h → Mon 18:00 (dueAt), Tue 09:00 (nextOpening)", () => {
    expect(add(office, "2025-01-06T09:00:00Z", "PT9H")).toBe("2025-01-06T18:00:00.000Z");
    expect(add(office, "2025-01-06T09:00:00Z", "PT9H", NEXT)).toBe("2025-01-07T09:00:00.000Z");
  });

  test("a full week: Mon 09:00 + 45 h → Fri 18:00 (dueAt), Mon 09:00 next week (nextOpening)", () => {
    expect(add(office, "2025-01-06T09:00:00Z", "PT45H")).toBe("2025-01-10T18:00:00.000Z");
    expect(add(office, "2025-01-06T09:00:00Z", "PT45H", NEXT)).toBe("2025-01-13T09:00:00.000Z");
  });

  test("across the weekend: Fri 17:00 + 2 h → 1 h Fri, 1 h Mon → Mon 10:00", () => {
    expect(add(office, "2025-01-10T17:00:00Z", "PT2H")).toBe("2025-01-13T10:00:00.000Z");
    // inside an interval both conventions agree
    expect(add(office, "2025-01-10T17:00:00Z", "PT2H", NEXT)).toBe("2025-01-13T10:00:00.000Z");
  });

  test("a clock started outside hours starts at the next opening: Sat 12:00 + 1 h → Mon 10:00; Mon 08:00 + 1 h → Mon 10:00", () => {
    expect(add(office, "2025-01-11T12:00:00Z", "PT1H")).toBe("2025-01-13T10:00:00.000Z");
    expect(add(office, "2025-01-06T08:00:00Z", "PT1H")).toBe("2025-01-06T10:00:00.000Z");
  });

  test("adding 0 returns t itself, even outside working time; with nextOpening it gives the next opening", () => {
    expect(add(office, "2025-01-11T12:00:00Z", 0)).toBe("2025-01-11T12:00:00.000Z");
    expect(add(office, "2025-01-11T12:00:00Z", "PT0S")).toBe("2025-01-11T12:00:00.000Z");
    expect(add(office, "2025-01-06T18:00:00Z", "PT0M")).toBe("2025-01-06T18:00:00.000Z");
    expect(add(office, "2025-01-11T12:00:00Z", 0, NEXT)).toBe("2025-01-13T09:00:00.000Z");
    expect(add(office, "2025-01-06T18:00:00Z", 0, NEXT)).toBe("2025-01-07T09:00:00.000Z");
    // inside working time the next opening is t itself
    expect(add(office, "2025-01-06T10:00:00Z", 0, NEXT)).toBe("2025-01-06T10:00:00.000Z");
  });

  test("milliseconds and ISO durations are the same working time", () => {
    // Mon 17:00 + 90 min: 1 h Mon, 30 min Tue → Tue 09:30
    expect(add(office, "2025-01-06T17:00:00Z", 90 * MINUTE)).toBe("2025-01-07T09:30:00.000Z");
    expect(add(office, "2025-01-06T17:00:00Z", "PT1H30M")).toBe("2025-01-07T09:30:00.000Z");
    expect(add(office, "2025-01-06T17:00:00Z", "PT5400S")).toBe("2025-01-07T09:30:00.000Z");
    // seconds may carry milliseconds
    expect(add(office, "2025-01-06T09:00:00Z", "PT1.5S")).toBe("2025-01-06T09:00:01.500Z");
    expect(add(office, "2025-01-06T09:00:00Z", 1)).toBe("2025-01-06T09:00:00.001Z");
  });

  test("breach: met exactly on target and until lastCompliantAt, breached 1 ms later (SPEC 3.5)", () => {
    // Mon 17:00 + 1 h: working time elapsed at Mon 18:00 and at Tue 09:00 is exactly 1 h
    expect(businessTimeBetween(office, "2025-01-06T17:00:00Z", "2025-01-06T18:00:00Z")).toBe(HOUR);
    expect(businessTimeBetween(office, "2025-01-06T17:00:00Z", "2025-01-07T09:00:00Z")).toBe(HOUR);
    expect(businessTimeBetween(office, "2025-01-06T17:00:00Z", "2025-01-07T09:00:00.001Z")).toBe(HOUR + 1);
  });

  test("an unknown boundary option is E_OPTION", () => {
    const bad = { boundary: "later" } as unknown as AddBusinessTimeOptions;
    const e = catchSla(() => addBusinessTime(office, "2025-01-06T17:00:00Z", "PT1H", bad));
    expect([e.code, e.path]).toEqual(["E_OPTION", "options.boundary"]);
    const badDays = { days: "calendar" } as unknown as AddBusinessTimeOptions;
    const e2 = catchSla(() => addBusinessTime(office, "2025-01-06T17:00:00Z", "P1D", badDays));
    expect([e2.code, e2.path]).toEqual(["E_OPTION", "options.days"]);
  });
});

describe("subtractBusinessTime mirrors addBusinessTime (SPEC 3.5)", () => {
  test("18:00 minus 9 h is 09:00 the same day; with nextOpening the earliest start, the previous closing", () => {
    expect(sub(office, "2025-01-06T18:00:00Z", "PT9H")).toBe("2025-01-06T09:00:00.000Z");
    // earliest u with 9 h in [u, Mon 18:00): Fri 2025-01-03 18:00 (the weekend adds nothing)
    expect(sub(office, "2025-01-06T18:00:00Z", "PT9H", NEXT)).toBe("2025-01-03T18:00:00.000Z");
  });

  test("Tue 10:00 minus 1 h: latest start Tue 09:00, earliest Mon 18:00", () => {
    expect(sub(office, "2025-01-07T10:00:00Z", "PT1H")).toBe("2025-01-07T09:00:00.000Z");
    expect(sub(office, "2025-01-07T10:00:00Z", "PT1H", NEXT)).toBe("2025-01-06T18:00:00.000Z");
  });

  test("Tue 09:00 minus 1 h → Mon 17:00 under both conventions", () => {
    expect(sub(office, "2025-01-07T09:00:00Z", "PT1H")).toBe("2025-01-06T17:00:00.000Z");
    expect(sub(office, "2025-01-07T09:00:00Z", "PT1H", NEXT)).toBe("2025-01-06T17:00:00.000Z");
  });

  test("across the weekend: Mon 10:00 minus 2 h → Fri 17:00", () => {
    expect(sub(office, "2025-01-13T10:00:00Z", "PT2H")).toBe("2025-01-10T17:00:00.000Z");
  });

  test("subtracting 0 returns the end itself; with nextOpening the previous closing when outside hours", () => {
    expect(sub(office, "2025-01-11T12:00:00Z", 0)).toBe("2025-01-11T12:00:00.000Z");
    expect(sub(office, "2025-01-11T12:00:00Z", 0, NEXT)).toBe("2025-01-10T18:00:00.000Z");
    expect(sub(office, "2025-01-07T10:00:00Z", 0, NEXT)).toBe("2025-01-07T10:00:00.000Z");
  });

  test('"P2D" subtracts business days: Wed 10:00 − 2 → start of Mon, 09:00', () => {
    expect(sub(office, "2025-01-08T10:00:00Z", "P2D")).toBe("2025-01-06T09:00:00.000Z");
  });
});

describe("businessTimeBetween", () => {
  test("Mon 17:00 → Tue 10:00 is 2 h; reversed it is −2 h (antisymmetric)", () => {
    expect(businessTimeBetween(office, "2025-01-06T17:00:00Z", "2025-01-07T10:00:00Z")).toBe(2 * HOUR);
    expect(businessTimeBetween(office, "2025-01-07T10:00:00Z", "2025-01-06T17:00:00Z")).toBe(-2 * HOUR);
  });

  test("over a weekend: Fri 17:00 → Mon 10:00 is 2 h; inside the weekend 0; an empty span 0", () => {
    expect(businessTimeBetween(office, "2025-01-10T17:00:00Z", "2025-01-13T10:00:00Z")).toBe(2 * HOUR);
    expect(businessTimeBetween(office, "2025-01-11T00:00:00Z", "2025-01-12T23:00:00Z")).toBe(0);
    expect(businessTimeBetween(office, "2025-01-06T10:00:00Z", "2025-01-06T10:00:00Z")).toBe(0);
  });

  test("accepts mixed instant types", () => {
    expect(businessTimeBetween(office, new Date(utc(2025, 1, 6, 17)), "2025-01-07T02:00:00+08:00")).toBe(
      HOUR,
    );
  });
});

describe("nextBusinessTime", () => {
  test("t itself when open (including an interval's first instant)", () => {
    expect(iso(nextBusinessTime(office, "2025-01-06T10:00:00Z"))).toBe("2025-01-06T10:00:00.000Z");
    expect(iso(nextBusinessTime(office, "2025-01-06T09:00:00Z"))).toBe("2025-01-06T09:00:00.000Z");
  });

  test("the next opening when closed (including an interval's end)", () => {
    expect(iso(nextBusinessTime(office, "2025-01-06T08:59:59.999Z"))).toBe("2025-01-06T09:00:00.000Z");
    expect(iso(nextBusinessTime(office, "2025-01-06T18:00:00Z"))).toBe("2025-01-07T09:00:00.000Z");
    expect(iso(nextBusinessTime(office, "2025-01-10T18:00:00Z"))).toBe("2025-01-13T09:00:00.000Z");
    expect(iso(nextBusinessTime(office, "2025-01-12T23:59:59Z"))).toBe("2025-01-13T09:00:00.000Z");
  });
});

describe("businessPeriods", () => {
  const lunch = compileCalendar({
    timezone: "UTC",
    week: weekdays([
      ["09:00", "12:00"],
      ["13:00", "18:00"],
    ]),
  });

  test("a day with a lunch break has two periods; results are clipped to [from, to)", () => {
    expect(periods(lunch, "2025-01-06T00:00:00Z", "2025-01-07T00:00:00Z")).toEqual([
      ["2025-01-06T09:00:00.000Z", "2025-01-06T12:00:00.000Z"],
      ["2025-01-06T13:00:00.000Z", "2025-01-06T18:00:00.000Z"],
    ]);
    expect(periods(lunch, "2025-01-06T10:00:00Z", "2025-01-06T14:00:00Z")).toEqual([
      ["2025-01-06T10:00:00.000Z", "2025-01-06T12:00:00.000Z"],
      ["2025-01-06T13:00:00.000Z", "2025-01-06T14:00:00.000Z"],
    ]);
  });

  test("an empty list when to <= from, or when nothing is open", () => {
    expect(periods(lunch, "2025-01-07T00:00:00Z", "2025-01-06T00:00:00Z")).toEqual([]);
    expect(periods(lunch, "2025-01-06T10:00:00Z", "2025-01-06T10:00:00Z")).toEqual([]);
    expect(periods(lunch, "2025-01-11T00:00:00Z", "2025-01-13T00:00:00Z")).toEqual([]);
  });

  test("24x7: periods touching at midnight merge into one", () => {
    expect(periods(utc24x7, "2025-01-06T10:00:00Z", "2025-01-09T10:00:00Z")).toEqual([
      ["2025-01-06T10:00:00.000Z", "2025-01-09T10:00:00.000Z"],
    ]);
    const allDays = compileCalendar({ timezone: "UTC", week: everyDay([["00:00", "24:00"]]) });
    expect(periods(allDays, "2025-01-06T10:00:00Z", "2025-01-09T10:00:00Z")).toEqual([
      ["2025-01-06T10:00:00.000Z", "2025-01-09T10:00:00.000Z"],
    ]);
  });

  test("24x7 in a DST zone merges across the transition too (Berlin, 2025-03-30)", () => {
    const berlin = compileCalendar({ timezone: "Europe/Berlin", week: "24x7" });
    expect(periods(berlin, "2025-03-29T00:00:00Z", "2025-04-01T00:00:00Z")).toEqual([
      ["2025-03-29T00:00:00.000Z", "2025-04-01T00:00:00.000Z"],
    ]);
  });

  test("the sum of the periods equals businessTimeBetween", () => {
    const list = businessPeriods(lunch, "2025-01-06T10:30:00Z", "2025-01-14T15:00:00Z");
    const sum = list.reduce((acc, p) => acc + (p.end.getTime() - p.start.getTime()), 0);
    // Mon 10:30–12 (1.5) + 13–18 (5) + Tue–Fri 4 × 8 + Mon 13th 8 + Tue 14th 09–12, 13–15 (5) = 51.5 h
    expect(sum).toBe(51.5 * HOUR);
    expect(businessTimeBetween(lunch, "2025-01-06T10:30:00Z", "2025-01-14T15:00:00Z")).toBe(51.5 * HOUR);
  });
});

describe('"24:00" (SPEC 3.3)', () => {
  const evening = compileCalendar({
    timezone: "UTC",
    week: { mon: [["18:00", "24:00"]], tue: [["00:00", "06:00"]] },
  });

  test('"24:00" ends the day at the next midnight; Mon 18–24 and Tue 00–06 form one period', () => {
    expect(isBusinessTime(evening, "2025-01-06T23:59:59.999Z")).toBe(true);
    expect(isBusinessTime(evening, "2025-01-07T00:00:00Z")).toBe(true);
    expect(periods(evening, "2025-01-06T00:00:00Z", "2025-01-08T00:00:00Z")).toEqual([
      ["2025-01-06T18:00:00.000Z", "2025-01-07T06:00:00.000Z"],
    ]);
    // Mon 23:00 + 2 h → Tue 01:00
    expect(add(evening, "2025-01-06T23:00:00Z", "PT2H")).toBe("2025-01-07T01:00:00.000Z");
  });

  test('"24:00" is allowed only as an end, "HH:MM:SS" is allowed', () => {
    const e = catchSla(() => compileCalendar({ timezone: "UTC", week: { mon: [["24:00", "24:00"]] } }));
    expect([e.code, e.path]).toEqual(["E_TIME_SYNTAX", "week.mon[0][0]"]);
    const seconds = compileCalendar({ timezone: "UTC", week: { mon: [["09:00:30", "09:01:00"]] } });
    expect(businessTimeBetween(seconds, "2025-01-06T00:00:00Z", "2025-01-07T00:00:00Z")).toBe(30_000);
  });
});

describe("overnight intervals (object form only, split at midnight)", () => {
  const night: CalendarSpec = {
    timezone: "UTC",
    week: { fri: [{ start: "22:00", end: "06:00", overnight: true }] },
  };
  const nightCal = compileCalendar(night);

  test("Fri 22:00 – Sat 06:00 is 8 h of working time", () => {
    expect(businessTimeBetween(nightCal, "2025-01-10T00:00:00Z", "2025-01-12T00:00:00Z")).toBe(8 * HOUR);
    expect(isBusinessTime(nightCal, "2025-01-10T21:59:59.999Z")).toBe(false);
    expect(isBusinessTime(nightCal, "2025-01-11T03:00:00Z")).toBe(true);
    expect(isBusinessTime(nightCal, "2025-01-11T06:00:00Z")).toBe(false);
    expect(periods(nightCal, "2025-01-10T00:00:00Z", "2025-01-12T00:00:00Z")).toEqual([
      ["2025-01-10T22:00:00.000Z", "2025-01-11T06:00:00.000Z"],
    ]);
    // Fri 23:00 + 2 h → Sat 01:00
    expect(add(nightCal, "2025-01-10T23:00:00Z", "PT2H")).toBe("2025-01-11T01:00:00.000Z");
  });

  test("the after-midnight part belongs to the next date: for holidays and business days", () => {
    // Holiday on Sat removes Sat 00–06: only Fri 22–24 is left (2 h)
    const satOff = compileCalendar({ ...night, holidays: ["2025-01-11"] });
    expect(businessTimeBetween(satOff, "2025-01-10T00:00:00Z", "2025-01-12T00:00:00Z")).toBe(2 * HOUR);
    // Holiday on Fri removes Fri 22–24: Sat 00–06 is left (6 h)
    const friOff = compileCalendar({ ...night, holidays: ["2025-01-10"] });
    expect(businessTimeBetween(friOff, "2025-01-10T00:00:00Z", "2025-01-12T00:00:00Z")).toBe(6 * HOUR);
    // Business days: Friday's last interval ends at the next midnight; Saturday is a working day ending 06:00
    expect(days(nightCal, "2025-01-10T23:00:00Z", 0)).toBe("2025-01-11T00:00:00.000Z");
    expect(days(nightCal, "2025-01-10T23:00:00Z", 1)).toBe("2025-01-11T06:00:00.000Z");
  });

  test("a Sunday overnight interval wraps into Monday", () => {
    const sun = compileCalendar({
      timezone: "UTC",
      week: { sun: [{ start: "22:00", end: "02:00", overnight: true }] },
    });
    // Sun 2025-01-12 22:00 – Mon 01-13 02:00 = 4 h
    expect(businessTimeBetween(sun, "2025-01-12T00:00:00Z", "2025-01-13T12:00:00Z")).toBe(4 * HOUR);
  });

  test("an override may hold an overnight interval", () => {
    const cal = compileCalendar({
      timezone: "UTC",
      week: {},
      overrides: { "2025-01-11": [{ start: "20:00", end: "02:00", overnight: true }] },
    });
    // Sat 20:00 – Sun 02:00 = 6 h
    expect(businessTimeBetween(cal, "2025-01-11T00:00:00Z", "2025-01-13T00:00:00Z")).toBe(6 * HOUR);
  });

  test("crossing midnight needs the flag; the flag on a same-day interval is an error; breaks cannot cross", () => {
    const arrayForm = catchSla(() =>
      compileCalendar({ timezone: "UTC", week: { fri: [["22:00", "06:00"]] } }),
    );
    expect([arrayForm.code, arrayForm.path]).toEqual(["E_INTERVAL_ORDER", "week.fri[0]"]);
    const noFlag = catchSla(() =>
      compileCalendar({ timezone: "UTC", week: { fri: [{ start: "22:00", end: "06:00" }] } }),
    );
    expect([noFlag.code, noFlag.path]).toEqual(["E_INTERVAL_ORDER", "week.fri[0]"]);
    const wrongFlag = catchSla(() =>
      compileCalendar({
        timezone: "UTC",
        week: { fri: [{ start: "09:00", end: "18:00", overnight: true }] },
      }),
    );
    expect([wrongFlag.code, wrongFlag.path]).toEqual(["E_INTERVAL_ORDER", "week.fri[0]"]);
    const brk = catchSla(() =>
      compileCalendar({
        timezone: "UTC",
        week: "24x7",
        breaks: { "2025-01-10": [{ start: "23:00", end: "01:00", overnight: true }] },
      }),
    );
    expect([brk.code, brk.path]).toEqual(["E_INTERVAL_ORDER", 'breaks["2025-01-10"][0]']);
  });
});

describe("holidays: one-off, yearly (incl. 02-29) and ranges", () => {
  test('one-off "2025-01-08" closes that Wednesday', () => {
    const cal = compileCalendar({
      timezone: "UTC",
      week: weekdays([["09:00", "18:00"]]),
      holidays: ["2025-01-08"],
    });
    expect(isBusinessTime(cal, "2025-01-08T10:00:00Z")).toBe(false);
    // 4 working days × 9 h
    expect(businessTimeBetween(cal, "2025-01-06T00:00:00Z", "2025-01-13T00:00:00Z")).toBe(36 * HOUR);
    // Tue 17:00 + 2 h → 1 h Tue, Wed closed, 1 h Thu → Thu 10:00
    expect(add(cal, "2025-01-07T17:00:00Z", "PT2H")).toBe("2025-01-09T10:00:00.000Z");
  });

  test('yearly "12-25" closes Thu 2025-12-25 and Fri 2026-12-25', () => {
    const cal = compileCalendar({
      timezone: "UTC",
      week: weekdays([["09:00", "18:00"]]),
      holidays: ["12-25"],
    });
    expect(isBusinessTime(cal, "2025-12-25T10:00:00Z")).toBe(false);
    expect(isBusinessTime(cal, "2026-12-25T10:00:00Z")).toBe(false);
    expect(isBusinessTime(cal, "2025-12-24T10:00:00Z")).toBe(true);
    expect(isBusinessTime(cal, "2025-12-26T10:00:00Z")).toBe(true);
  });

  test('yearly "02-29" applies in leap years only and never moves to 02-28 or 03-01', () => {
    const cal = compileCalendar({ timezone: "UTC", week: "24x7", holidays: ["02-29"] });
    // 2028-02-28 00:00 → 2028-03-02 00:00: three days, 02-29 closed → 48 h
    expect(businessTimeBetween(cal, "2028-02-28T00:00:00Z", "2028-03-02T00:00:00Z")).toBe(48 * HOUR);
    expect(isBusinessTime(cal, "2028-02-29T12:00:00Z")).toBe(false);
    // 2027 has no 02-29: 02-27 00:00 → 03-02 00:00 is three full days
    expect(businessTimeBetween(cal, "2027-02-27T00:00:00Z", "2027-03-02T00:00:00Z")).toBe(72 * HOUR);
  });

  test("a range over New Year: 2025-12-24 … 2026-01-02", () => {
    const cal = compileCalendar({
      timezone: "UTC",
      week: weekdays([["09:00", "18:00"]]),
      holidays: [{ from: "2025-12-24", to: "2026-01-02", name: "Year end" }],
    });
    // Tue 12-23 (9 h) … closed through Fri 01-02, weekend, Mon 01-05 (9 h)
    expect(businessTimeBetween(cal, "2025-12-23T00:00:00Z", "2026-01-06T00:00:00Z")).toBe(18 * HOUR);
    expect(isBusinessTime(cal, "2026-01-02T10:00:00Z")).toBe(false);
    // Tue 12-23 10:00 + 1 business day → Mon 2026-01-05 end of day
    expect(days(cal, "2025-12-23T10:00:00Z", 1)).toBe("2026-01-05T18:00:00.000Z");
  });

  test("overlapping ranges, duplicates and holidays on closed days change nothing more", () => {
    const cal = compileCalendar({
      timezone: "UTC",
      week: weekdays([["09:00", "18:00"]]),
      holidays: [
        { from: "2025-01-06", to: "2025-01-07" },
        { from: "2025-01-07", to: "2025-01-08" },
        "2025-01-08",
        "2025-01-08",
        "2025-01-11", // Saturday
      ],
    });
    // Mon–Wed closed: Thu + Fri = 18 h
    expect(businessTimeBetween(cal, "2025-01-06T00:00:00Z", "2025-01-13T00:00:00Z")).toBe(18 * HOUR);
  });
});

describe("overrides (make-up working days) and breaks", () => {
  test("a make-up Saturday: Fri 17:00 + 2 h → Sat 11:00", () => {
    const cal = compileCalendar({
      timezone: "UTC",
      week: weekdays([["09:00", "18:00"]]),
      overrides: { "2025-01-11": [["10:00", "14:00"]] },
    });
    // Fri 9 h + Sat 4 h
    expect(businessTimeBetween(cal, "2025-01-10T00:00:00Z", "2025-01-13T00:00:00Z")).toBe(13 * HOUR);
    // 1 h Fri 17–18, then Sat 10–11
    expect(add(cal, "2025-01-10T17:00:00Z", "PT2H")).toBe("2025-01-11T11:00:00.000Z");
    // the make-up day counts as a business day
    expect(days(cal, "2025-01-10T10:00:00Z", 1)).toBe("2025-01-11T14:00:00.000Z");
  });

  test("an override [] closes a weekday; an override replaces a weekday's hours", () => {
    const closed = compileCalendar({
      timezone: "UTC",
      week: weekdays([["09:00", "18:00"]]),
      overrides: { "2025-01-08": [] },
    });
    expect(businessTimeBetween(closed, "2025-01-06T00:00:00Z", "2025-01-13T00:00:00Z")).toBe(36 * HOUR);
    const short = compileCalendar({
      timezone: "UTC",
      week: weekdays([["09:00", "18:00"]]),
      overrides: { "2025-01-07": [["09:00", "12:00"]] },
    });
    // Tue 11:00 + 2 h: 1 h to 12:00, then Wed 09–10
    expect(add(short, "2025-01-07T11:00:00Z", "PT2H")).toBe("2025-01-08T10:00:00.000Z");
    expect(isBusinessTime(short, "2025-01-07T15:00:00Z")).toBe(false);
  });

  test("a break removes time from that date only", () => {
    const cal = compileCalendar({
      timezone: "UTC",
      week: weekdays([["09:00", "18:00"]]),
      breaks: { "2025-01-07": [["12:00", "13:00"]], "2025-01-11": [["10:00", "11:00"]] },
    });
    expect(businessTimeBetween(cal, "2025-01-07T00:00:00Z", "2025-01-08T00:00:00Z")).toBe(8 * HOUR);
    expect(isBusinessTime(cal, "2025-01-07T12:30:00Z")).toBe(false);
    expect(isBusinessTime(cal, "2025-01-08T12:30:00Z")).toBe(true);
    // Tue 11:00 + 2 h: 11–12, break, 13–14
    expect(add(cal, "2025-01-07T11:00:00Z", "PT2H")).toBe("2025-01-07T14:00:00.000Z");
    expect(periods(cal, "2025-01-07T00:00:00Z", "2025-01-08T00:00:00Z")).toEqual([
      ["2025-01-07T09:00:00.000Z", "2025-01-07T12:00:00.000Z"],
      ["2025-01-07T13:00:00.000Z", "2025-01-07T18:00:00.000Z"],
    ]);
    // a break on a closed Saturday changes nothing
    expect(businessTimeBetween(cal, "2025-01-11T00:00:00Z", "2025-01-12T00:00:00Z")).toBe(0);
  });

  test("precedence on a date: holiday > break > override > week", () => {
    // holiday beats override: Sat 01-11 has both → closed
    const holidayWins = compileCalendar({
      timezone: "UTC",
      week: weekdays([["09:00", "18:00"]]),
      holidays: ["2025-01-11"],
      overrides: { "2025-01-11": [["10:00", "14:00"]] },
      breaks: { "2025-01-11": [["11:00", "12:00"]] },
    });
    expect(businessTimeBetween(holidayWins, "2025-01-11T00:00:00Z", "2025-01-12T00:00:00Z")).toBe(0);
    // break applies to the override's hours: 10–14 minus 11–12 → 3 h in two periods
    const breakWins = compileCalendar({
      timezone: "UTC",
      week: weekdays([["09:00", "18:00"]]),
      overrides: { "2025-01-11": [["10:00", "14:00"]] },
      breaks: { "2025-01-11": [["11:00", "12:00"]] },
    });
    expect(periods(breakWins, "2025-01-11T00:00:00Z", "2025-01-12T00:00:00Z")).toEqual([
      ["2025-01-11T10:00:00.000Z", "2025-01-11T11:00:00.000Z"],
      ["2025-01-11T12:00:00.000Z", "2025-01-11T14:00:00.000Z"],
    ]);
    // override beats week: Mon 01-06 shortened to 13–15
    const overrideWins = compileCalendar({
      timezone: "UTC",
      week: weekdays([["09:00", "18:00"]]),
      overrides: { "2025-01-06": [["13:00", "15:00"]] },
    });
    expect(businessTimeBetween(overrideWins, "2025-01-06T00:00:00Z", "2025-01-07T00:00:00Z")).toBe(2 * HOUR);
  });
});

describe("versions: effective from a local date, inheriting omitted fields", () => {
  const versioned = compileCalendar({
    timezone: "UTC",
    week: weekdays([["09:00", "18:00"]]),
    holidays: ["2025-02-04"],
    versions: [{ from: "2025-02-03", week: weekdays([["10:00", "16:00"]]) }],
  });

  test("earlier dates keep the old hours, later dates get the new ones", () => {
    // week of Mon 01-27: 5 × 9 h
    expect(businessTimeBetween(versioned, "2025-01-27T00:00:00Z", "2025-02-01T00:00:00Z")).toBe(45 * HOUR);
    // Fri 01-31 17:00 + 2 h: 1 h Fri (old hours), Mon 02-03 10–11 (new hours)
    expect(add(versioned, "2025-01-31T17:00:00Z", "PT2H")).toBe("2025-02-03T11:00:00.000Z");
  });

  test("a version inherits the holidays it does not list; listing [] removes them", () => {
    // week of Mon 02-03: 6 h × 4 (Tue 02-04 is the inherited holiday)
    expect(businessTimeBetween(versioned, "2025-02-03T00:00:00Z", "2025-02-08T00:00:00Z")).toBe(24 * HOUR);
    const cleared = compileCalendar({
      timezone: "UTC",
      week: weekdays([["09:00", "18:00"]]),
      holidays: ["2025-02-04"],
      versions: [{ from: "2025-02-03", holidays: [] }],
    });
    expect(isBusinessTime(cleared, "2025-02-04T10:00:00Z")).toBe(true);
  });

  test("a version may change the zone: from Mon 2025-03-03 the hours are 09–18 in Shanghai", () => {
    const moved = compileCalendar({
      timezone: "UTC",
      week: weekdays([["09:00", "18:00"]]),
      versions: [{ from: "2025-03-03", timezone: "Asia/Shanghai" }],
    });
    expect(moved.timezone).toBe("UTC");
    // Fri 02-28 17:00Z + 2 h: 1 h to 18:00Z; Mon 03-03 09:00+08 = 01:00Z, + 1 h → 02:00Z
    expect(add(moved, "2025-02-28T17:00:00Z", "PT2H")).toBe("2025-03-03T02:00:00.000Z");
    expect(isBusinessTime(moved, "2025-03-03T01:00:00Z")).toBe(true); // 09:00 +08
    expect(isBusinessTime(moved, "2025-03-03T09:59:59Z")).toBe(true); // 17:59:59 +08
    expect(isBusinessTime(moved, "2025-03-03T10:00:00Z")).toBe(false); // 18:00 +08
    // Mon 03-03 (Shanghai) 9 h
    expect(businessTimeBetween(moved, "2025-03-02T12:00:00Z", "2025-03-03T12:00:00Z")).toBe(9 * HOUR);
  });

  test("versions must be in ascending order of from", () => {
    const e = catchSla(() =>
      compileCalendar({
        timezone: "UTC",
        week: "24x7",
        versions: [{ from: "2025-03-01" }, { from: "2025-02-01" }],
      }),
    );
    expect([e.code, e.path]).toEqual(["E_VERSION_ORDER", "versions[1].from"]);
    const same = catchSla(() =>
      compileCalendar({
        timezone: "UTC",
        week: "24x7",
        versions: [{ from: "2025-03-01" }, { from: "2025-03-01" }],
      }),
    );
    expect([same.code, same.path]).toEqual(["E_VERSION_ORDER", "versions[1].from"]);
  });

  test("errors inside a version carry the version's path", () => {
    const e = catchSla(() =>
      compileCalendar({
        timezone: "UTC",
        week: "24x7",
        versions: [{ from: "2025-03-01", week: { mon: [["09:00", "25:00"]] } }],
      }),
    );
    expect([e.code, e.path]).toEqual(["E_TIME_SYNTAX", "versions[0].week.mon[0][1]"]);
  });
});

describe("business days (SPEC 3.6)", () => {
  test("the start day is not counted; the deadline is the end of the Nth following working day", () => {
    // Mon 10:00 + 2 → Tue (1), Wed (2) → Wed 18:00
    expect(days(office, "2025-01-06T10:00:00Z", 2)).toBe("2025-01-08T18:00:00.000Z");
    // Fri 15:00 + 1 → Mon 18:00
    expect(days(office, "2025-01-10T15:00:00Z", 1)).toBe("2025-01-13T18:00:00.000Z");
    // Sat 12:00 + 1 → the first working day after Sat is Mon
    expect(days(office, "2025-01-11T12:00:00Z", 1)).toBe("2025-01-13T18:00:00.000Z");
    // Mon 20:00 (after hours) + 1 → Tue 18:00
    expect(days(office, "2025-01-06T20:00:00Z", 1)).toBe("2025-01-07T18:00:00.000Z");
  });

  test('"P2D" through addBusinessTime is the same; "P1W" is 7 business days, not a calendar week', () => {
    expect(add(office, "2025-01-06T10:00:00Z", "P2D")).toBe("2025-01-08T18:00:00.000Z");
    // Tue, Wed, Thu, Fri, Mon 13, Tue 14, Wed 15 → Wed 01-15 18:00
    expect(add(office, "2025-01-06T10:00:00Z", "P1W")).toBe("2025-01-15T18:00:00.000Z");
    expect(add(office, "2025-01-06T10:00:00Z", "P7D")).toBe("2025-01-15T18:00:00.000Z");
    // a business-day target is a deadline: nextOpening does not move it
    expect(add(office, "2025-01-06T10:00:00Z", "P2D", NEXT)).toBe("2025-01-08T18:00:00.000Z");
  });

  test("0 days: the start day's end when it has working time left, else the next working day's end", () => {
    expect(days(office, "2025-01-06T10:00:00Z", 0)).toBe("2025-01-06T18:00:00.000Z");
    expect(days(office, "2025-01-06T08:00:00Z", 0)).toBe("2025-01-06T18:00:00.000Z");
    expect(days(office, "2025-01-06T20:00:00Z", 0)).toBe("2025-01-07T18:00:00.000Z");
    expect(days(office, "2025-01-11T12:00:00Z", 0)).toBe("2025-01-13T18:00:00.000Z");
    expect(add(office, "2025-01-11T12:00:00Z", "P0D")).toBe("2025-01-13T18:00:00.000Z");
  });

  test("negative counts: the start of the |N|th previous working day", () => {
    // Wed 10:00 − 2 → Tue (1), Mon (2) → Mon 09:00
    expect(days(office, "2025-01-08T10:00:00Z", -2)).toBe("2025-01-06T09:00:00.000Z");
    // Mon 01-13 10:00 − 1 → Fri 09:00
    expect(days(office, "2025-01-13T10:00:00Z", -1)).toBe("2025-01-10T09:00:00.000Z");
    // Sun 01-12 − 1 → Fri 09:00
    expect(days(office, "2025-01-12T12:00:00Z", -1)).toBe("2025-01-10T09:00:00.000Z");
  });

  test("{ days: 'sameTime' }: the Nth working day at the same wall time, moved forward into working time", () => {
    expect(days(office, "2025-01-06T10:00:00Z", 2, true)).toBe("2025-01-08T10:00:00.000Z");
    // Mon 20:00 + 1 → Tue 20:00, closed → Wed 09:00
    expect(days(office, "2025-01-06T20:00:00Z", 1, true)).toBe("2025-01-08T09:00:00.000Z");
    // Fri 08:00 + 1 → Mon 08:00 → Mon 09:00
    expect(days(office, "2025-01-10T08:00:00Z", 1, true)).toBe("2025-01-13T09:00:00.000Z");
    // Sat 12:00 + 1 → Mon 12:00
    expect(days(office, "2025-01-11T12:00:00Z", 1, true)).toBe("2025-01-13T12:00:00.000Z");
    // 0: t moved into working time
    expect(days(office, "2025-01-11T12:00:00Z", 0, true)).toBe("2025-01-13T09:00:00.000Z");
    expect(days(office, "2025-01-06T10:00:00Z", 0, true)).toBe("2025-01-06T10:00:00.000Z");
    // through addBusinessTime
    expect(add(office, "2025-01-06T10:00:00Z", "P2D", { days: "sameTime" })).toBe("2025-01-08T10:00:00.000Z");
  });

  test("{ days: 'sameTime' } backwards: same wall time, or the previous closing", () => {
    expect(days(office, "2025-01-08T10:00:00Z", -2, true)).toBe("2025-01-06T10:00:00.000Z");
    // Wed 20:00 − 1 → Tue 20:00, closed → back to Tue 18:00
    expect(days(office, "2025-01-08T20:00:00Z", -1, true)).toBe("2025-01-07T18:00:00.000Z");
  });

  test("day counts are integers within 100 years: E_DAYS otherwise", () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 36_526, -36_526]) {
      const e = catchSla(() => addBusinessDays(office, "2025-01-06T10:00:00Z", bad));
      expect([e.code, e.path]).toEqual(["E_DAYS", "days"]);
    }
    const e = catchSla(() => addBusinessDays(office, "2025-01-06T10:00:00Z", "2" as unknown as number));
    expect(e.code).toBe("E_DAYS");
  });
});

describe("no working time and the 50-year horizon (SPEC 3.10)", () => {
  const closed = compileCalendar({ timezone: "UTC", week: {} });

  test("a calendar without working time compiles; every search throws E_NO_WORKING_TIME, fast", () => {
    const searches: (() => unknown)[] = [
      () => addBusinessTime(closed, "2025-01-06T10:00:00Z", "PT1H"),
      () => addBusinessTime(closed, "2025-01-06T10:00:00Z", 0, NEXT),
      () => subtractBusinessTime(closed, "2025-01-06T10:00:00Z", "PT1H"),
      () => nextBusinessTime(closed, "2025-01-06T10:00:00Z"),
      () => addBusinessDays(closed, "2025-01-06T10:00:00Z", 1),
      () => addBusinessDays(closed, "2025-01-06T10:00:00Z", 0),
      () => addBusinessDays(closed, "2025-01-06T10:00:00Z", -1),
      () => addBusinessTime(closed, "2199-12-31T00:00:00Z", "PT1H"),
      () => subtractBusinessTime(closed, "1900-01-01T00:00:00Z", "PT1H"),
    ];
    for (const search of searches) {
      const started = performance.now();
      expect(catchSla(search).code).toBe("E_NO_WORKING_TIME");
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  test("queries that are not searches answer normally on an empty calendar", () => {
    expect(isBusinessTime(closed, "2025-01-06T10:00:00Z")).toBe(false);
    expect(businessTimeBetween(closed, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z")).toBe(0);
    expect(businessPeriods(closed, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z")).toEqual([]);
    expect(add(closed, "2025-01-06T10:00:00Z", 0)).toBe("2025-01-06T10:00:00.000Z"); // identity needs no search
  });

  test("working time only in the past: forward searches fail, backward ones find it", () => {
    const past = compileCalendar({
      timezone: "UTC",
      week: {},
      overrides: { "2020-01-06": [["09:00", "10:00"]] },
    });
    expect(catchSla(() => addBusinessTime(past, "2025-01-06T10:00:00Z", "PT1M")).code).toBe(
      "E_NO_WORKING_TIME",
    );
    // the only working hour is 2020-01-06 09–10Z: the latest start with 1 h before 2025 is 09:00
    expect(sub(past, "2025-01-06T10:00:00Z", "PT1H")).toBe("2020-01-06T09:00:00.000Z");
  });

  test("holidays covering the next 60 years: E_NO_WORKING_TIME within 1 s", () => {
    const holidays = [];
    for (let k = 0; k < 6; k++) {
      const from = new Date(utc(2025, 1, 1) + k * 3_650 * 86_400_000).toISOString().slice(0, 10);
      const to = new Date(utc(2025, 1, 1) + ((k + 1) * 3_650 - 1) * 86_400_000).toISOString().slice(0, 10);
      holidays.push({ from, to });
    }
    const cal = compileCalendar({ timezone: "UTC", week: "24x7", holidays });
    const started = performance.now();
    expect(catchSla(() => nextBusinessTime(cal, "2025-06-01T00:00:00Z")).code).toBe("E_NO_WORKING_TIME");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test("a sparse calendar (1 h a week) finds 2 500 h within 50 years and stops before 2 700 h", () => {
    const sparse = compileCalendar({ timezone: "UTC", week: { wed: [["10:00", "11:00"]] } });
    // Wed 2025-01-01 is the 1st working hour; the 2 500th ends on Wed 2025-01-01 + 2 499 weeks at 11:00 (~47.9 y)
    expect(add(sparse, "2025-01-01T00:00:00Z", "PT2500H")).toBe(iso(utc(2025, 1, 1, 11) + 2_499 * WEEK));
    // 2 700 h would need ~51.7 years
    const started = performance.now();
    expect(catchSla(() => addBusinessTime(sparse, "2025-01-01T00:00:00Z", "PT2700H")).code).toBe(
      "E_NO_WORKING_TIME",
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("host independence (SPEC 3.9): fixed results equal hand-computed constants", () => {
  // The suite runs under TZ=UTC, Asia/Shanghai, America/New_York and Pacific/Chatham; these constants
  // must hold under each. The second test also switches the host zone at run time, with fresh zone aliases
  // so that no cached table hides a host dependence.
  function fixedResults(ny: string, chatham: string): Record<string, string | number> {
    const nyOffice = compileCalendar({ timezone: ny, week: weekdays([["09:00", "18:00"]]) });
    const ny24 = compileCalendar({ timezone: ny, week: "24x7" });
    const chOffice = compileCalendar({ timezone: chatham, week: weekdays([["09:00", "17:00"]]) });
    const ch24 = compileCalendar({ timezone: chatham, week: "24x7" });
    return {
      nyAdd: iso(addBusinessTime(nyOffice, "2025-03-07T22:00:00Z", "PT2H")),
      nyDay: businessTimeBetween(ny24, "2025-03-09T05:00:00Z", "2025-03-10T04:00:00Z"),
      nyDays: iso(addBusinessDays(nyOffice, "2025-03-07T15:00:00Z", 1, { days: "sameTime" })),
      chAdd: iso(addBusinessTime(chOffice, "2025-09-26T03:15:00Z", "PT2H")),
      chDayEnd: iso(addBusinessDays(ch24, "2025-09-27T12:00:00Z", 0)),
      chOpen: String(isBusinessTime(chOffice, "2025-09-28T19:15:00Z")),
    };
  }
  const expected = {
    // Fri 03-07 17:00 EST (22:00Z) + 2 h → 1 h Fri, Mon 03-10 09:00 EDT (13:00Z) + 1 h → 14:00Z
    nyAdd: "2025-03-10T14:00:00.000Z",
    // Sun 2025-03-09 00:00 EST (05:00Z) → Mon 00:00 EDT (04:00Z): a 23-hour day
    nyDay: 23 * HOUR,
    // Fri 10:00 EST (15:00Z) + 1 day same time → Mon 10:00 EDT = 14:00Z
    nyDays: "2025-03-10T14:00:00.000Z",
    // Chatham Fri 09-26 16:00 +12:45 (03:15Z) + 2 h → 1 h Fri; Mon 09-29 09:00 +13:45 = Sun 19:15Z, + 1 h
    chAdd: "2025-09-28T20:15:00.000Z",
    // Sun 2025-09-28 (Chatham) starts 11:15Z Sat; at 12:00Z it is Sun 00:45; the day ends Mon 00:00 +13:45
    chDayEnd: "2025-09-28T10:15:00.000Z",
    // Mon 09-29 09:00 +13:45 = 2025-09-28T19:15Z: open
    chOpen: "true",
  };

  test("under the host zone of this run", () => {
    expect(fixedResults("America/New_York", "Pacific/Chatham")).toEqual(expected);
  });

  test("switching process.env.TZ at run time changes nothing", () => {
    const saved = process.env.TZ;
    const runs: [string, string, string][] = [
      ["Pacific/Kiritimati", "US/Eastern", "NZ-CHAT"],
      ["America/St_Johns", "EST5EDT", "NZ-CHAT"],
      ["Asia/Kolkata", "America/New_York", "Pacific/Chatham"],
    ];
    try {
      for (const [host, ny, chatham] of runs) {
        process.env.TZ = host;
        expect(fixedResults(ny, chatham)).toEqual(expected);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe("misuse", () => {
  test("a calendar argument that is not from compileCalendar is E_TYPE at calendar", () => {
    const spec = { timezone: "UTC", week: "24x7" } as unknown as Calendar;
    for (const call of [
      () => addBusinessTime(spec, "2025-01-06T10:00:00Z", "PT1H"),
      () => isBusinessTime(null as unknown as Calendar, "2025-01-06T10:00:00Z"),
      () => businessTimeBetween(undefined as unknown as Calendar, 0, 1),
    ]) {
      const e = catchSla(call);
      expect(e).toBeInstanceOf(SlaError);
      expect([e.code, e.path]).toEqual(["E_TYPE", "calendar"]);
    }
  });

  test("a compiled calendar is frozen and keeps its spec and zone as written", () => {
    const cal = compileCalendar({ timezone: "US/Eastern", week: "24x7" });
    expect(Object.isFrozen(cal)).toBe(true);
    expect(cal.timezone).toBe("US/Eastern");
  });
});
