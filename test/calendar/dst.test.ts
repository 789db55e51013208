/**
 * DST transitions inside and at the edges of working hours (SPEC 3.3: Temporal "compatible": in a gap move
 * forward by the gap's length, in an overlap take the earlier instant; an interval whose resolved start is
 * not before its resolved end is empty). Offsets used below were checked against tzdata 2025c with
 * `@date-fns/tz` (see the last describe block, which asserts them).
 *
 * - America/New_York: Sun 2025-03-09 02:00 EST(-5) → 03:00 EDT(-4) at 07:00Z;
 *                     Sun 2025-11-02 02:00 EDT(-4) → 01:00 EST(-5) at 06:00Z.
 * - Europe/Berlin:    Sun 2025-03-30 02:00 CET(+1) → 03:00 CEST(+2) at 01:00Z;
 *                     Sun 2025-10-26 03:00 CEST(+2) → 02:00 CET(+1) at 01:00Z.
 * - America/Sao_Paulo: Sun 2018-11-04 00:00 (-3) → 01:00 (-2) at 03:00Z (midnight did not exist);
 *                     Sun 2019-02-17 00:00 (-2) → Sat 23:00 (-3) at 02:00Z.
 * - Australia/Lord_Howe: Sun 2025-04-06 02:00 (+11) → 01:30 (+10:30) at 2025-04-05T15:00Z;
 *                     Sun 2025-10-05 02:00 (+10:30) → 02:30 (+11) at 2025-10-04T15:30Z.
 * - Asia/Shanghai: +8, no DST (control).
 */
import { tzOffset } from "@date-fns/tz";
import { describe, expect, test } from "vitest";
import {
  addBusinessDays,
  addBusinessTime,
  businessPeriods,
  businessTimeBetween,
  type Calendar,
  compileCalendar,
  isBusinessTime,
  nextBusinessTime,
  subtractBusinessTime,
  type TimeRange,
} from "../../src/calendar/index.js";
import { HOUR, iso, MINUTE, weekdays } from "../arbitraries.js";

const sundays = (timezone: string, ranges: TimeRange[]): Calendar =>
  compileCalendar({ timezone, week: { sun: ranges } });
const allDay = (timezone: string): Calendar => compileCalendar({ timezone, week: "24x7" });
const periods = (cal: Calendar, from: string, to: string) =>
  businessPeriods(cal, from, to).map((p) => [iso(p.start), iso(p.end)]);
/** Working time of a calendar over the whole UTC window, and its periods. */
const total = (cal: Calendar, from: string, to: string) => businessTimeBetween(cal, from, to);

describe("America/New_York, spring forward (Sun 2025-03-09)", () => {
  const DAY_FROM = "2025-03-08T12:00:00Z";
  const DAY_TO = "2025-03-10T12:00:00Z";

  test("24x7: the day has 23 h; + 24 h of working time is 13:00 EDT the next day", () => {
    const ny = allDay("America/New_York");
    // Sun 00:00 EST = 05:00Z → Mon 00:00 EDT = 04:00Z
    expect(businessTimeBetween(ny, "2025-03-09T05:00:00Z", "2025-03-10T04:00:00Z")).toBe(23 * HOUR);
    // the day ends at Mon 00:00 EDT (04:00Z)
    expect(iso(addBusinessDays(ny, "2025-03-09T05:00:00Z", 0))).toBe("2025-03-10T04:00:00.000Z");
    // Sat 12:00 EST = 17:00Z + 24 h → Sun 17:00Z = 13:00 EDT
    expect(iso(addBusinessTime(ny, "2025-03-08T17:00:00Z", "PT24H"))).toBe("2025-03-09T17:00:00.000Z");
    // Sat 12:00 EST + 1 business day at the same wall time → Sun 12:00 EDT = 16:00Z (23 h later)
    expect(iso(addBusinessDays(ny, "2025-03-08T17:00:00Z", 1, { days: "sameTime" }))).toBe(
      "2025-03-09T16:00:00.000Z",
    );
    // a week containing the transition: Mon 03-03 00:00 EST (05:00Z) → Mon 03-10 00:00 EDT (04:00Z) = 167 h
    expect(businessTimeBetween(ny, "2025-03-03T05:00:00Z", "2025-03-10T04:00:00Z")).toBe(167 * HOUR);
  });

  test("01:30–02:30 (end in the gap) is 1 real hour: 01:30 EST = 06:30Z to 02:30→03:30 EDT = 07:30Z", () => {
    const cal = sundays("America/New_York", [["01:30", "02:30"]]);
    expect(periods(cal, DAY_FROM, DAY_TO)).toEqual([
      ["2025-03-09T06:30:00.000Z", "2025-03-09T07:30:00.000Z"],
    ]);
    expect(isBusinessTime(cal, "2025-03-09T06:29:59.999Z")).toBe(false);
    expect(isBusinessTime(cal, "2025-03-09T07:29:59.999Z")).toBe(true);
    expect(isBusinessTime(cal, "2025-03-09T07:30:00Z")).toBe(false);
  });

  test("01:00–03:00 is 1 real hour: 06:00Z to 03:00 EDT = 07:00Z", () => {
    expect(total(sundays("America/New_York", [["01:00", "03:00"]]), DAY_FROM, DAY_TO)).toBe(HOUR);
  });

  test("02:15–02:45 (both edges in the gap) moves to 03:15–03:45 EDT: 07:15Z–07:45Z", () => {
    const cal = sundays("America/New_York", [["02:15", "02:45"]]);
    expect(periods(cal, DAY_FROM, DAY_TO)).toEqual([
      ["2025-03-09T07:15:00.000Z", "2025-03-09T07:45:00.000Z"],
    ]);
  });

  test("02:30–03:00 resolves to 07:30Z–07:00Z: empty, and the day is not a working day", () => {
    const cal = sundays("America/New_York", [["02:30", "03:00"]]);
    expect(total(cal, DAY_FROM, DAY_TO)).toBe(0);
    expect(total(sundays("America/New_York", [["02:00", "03:00"]]), DAY_FROM, DAY_TO)).toBe(0);
    // Sat 03-08 + 1 business day skips Sun 03-09 (no working time): Sun 03-16 02:30–03:00 EDT = 06:30Z–07:00Z
    expect(iso(addBusinessDays(cal, "2025-03-08T17:00:00Z", 1))).toBe("2025-03-16T07:00:00.000Z");
  });

  test("00:00–02:00 ends in the gap: 00:00 EST = 05:00Z to 02:00→03:00 EDT = 07:00Z, 2 h", () => {
    expect(total(sundays("America/New_York", [["00:00", "02:00"]]), DAY_FROM, DAY_TO)).toBe(2 * HOUR);
    // 00:00–04:00: 05:00Z → 04:00 EDT = 08:00Z, 3 h
    expect(total(sundays("America/New_York", [["00:00", "04:00"]]), DAY_FROM, DAY_TO)).toBe(3 * HOUR);
    // 03:00–09:00 EDT: 07:00Z → 13:00Z
    expect(total(sundays("America/New_York", [["03:00", "09:00"]]), DAY_FROM, DAY_TO)).toBe(6 * HOUR);
  });

  test("office hours across the DST weekend", () => {
    const office = compileCalendar({ timezone: "America/New_York", week: weekdays([["09:00", "18:00"]]) });
    // Fri 03-07 17:00 EST (22:00Z) + 2 h → 1 h Fri, Mon 03-10 09:00 EDT (13:00Z) + 1 h
    expect(iso(addBusinessTime(office, "2025-03-07T22:00:00Z", "PT2H"))).toBe("2025-03-10T14:00:00.000Z");
    expect(iso(addBusinessTime(office, "2025-03-07T22:00:00Z", "PT1H", { boundary: "nextOpening" }))).toBe(
      "2025-03-10T13:00:00.000Z",
    );
    expect(iso(subtractBusinessTime(office, "2025-03-10T14:00:00Z", "PT2H"))).toBe(
      "2025-03-07T22:00:00.000Z",
    );
    expect(businessTimeBetween(office, "2025-03-07T22:00:00Z", "2025-03-10T14:00:00Z")).toBe(2 * HOUR);
    // Fri 10:00 EST (15:00Z) + 1 day same time → Mon 10:00 EDT (14:00Z)
    expect(iso(addBusinessDays(office, "2025-03-07T15:00:00Z", 1, { days: "sameTime" }))).toBe(
      "2025-03-10T14:00:00.000Z",
    );
    // Fri + 1 business day ends Mon 18:00 EDT = 22:00Z
    expect(iso(addBusinessDays(office, "2025-03-07T15:00:00Z", 1))).toBe("2025-03-10T22:00:00.000Z");
  });
});

describe("America/New_York, fall back (Sun 2025-11-02)", () => {
  const DAY_FROM = "2025-11-01T12:00:00Z";
  const DAY_TO = "2025-11-03T12:00:00Z";

  test("24x7: the day has 25 h; + 1 h at 01:30 EDT gives 01:30 EST, not the same instant", () => {
    const ny = allDay("America/New_York");
    // Sun 00:00 EDT = 04:00Z → Mon 00:00 EST = 05:00Z
    expect(businessTimeBetween(ny, "2025-11-02T04:00:00Z", "2025-11-03T05:00:00Z")).toBe(25 * HOUR);
    expect(iso(addBusinessDays(ny, "2025-11-02T04:00:00Z", 0))).toBe("2025-11-03T05:00:00.000Z");
    // 01:30 EDT = 05:30Z + 1 h → 06:30Z (01:30 EST)
    expect(iso(addBusinessTime(ny, "2025-11-02T05:30:00Z", "PT1H"))).toBe("2025-11-02T06:30:00.000Z");
    // Sat 12:00 EDT = 16:00Z + 24 h → Sun 16:00Z = 11:00 EST
    expect(iso(addBusinessTime(ny, "2025-11-01T16:00:00Z", "PT24H"))).toBe("2025-11-02T16:00:00.000Z");
    // + 1 business day at the same wall time → Sun 12:00 EST = 17:00Z (25 h later)
    expect(iso(addBusinessDays(ny, "2025-11-01T16:00:00Z", 1, { days: "sameTime" }))).toBe(
      "2025-11-02T17:00:00.000Z",
    );
  });

  test("01:00–02:00 spans the overlap: 01:00 EDT (earlier) = 05:00Z to 02:00 EST = 07:00Z, 2 real hours", () => {
    const cal = sundays("America/New_York", [["01:00", "02:00"]]);
    expect(periods(cal, DAY_FROM, DAY_TO)).toEqual([
      ["2025-11-02T05:00:00.000Z", "2025-11-02T07:00:00.000Z"],
    ]);
    // 01:30 EST (second pass) is inside
    expect(isBusinessTime(cal, "2025-11-02T06:30:00Z")).toBe(true);
  });

  test("01:30–01:45 inside the overlap takes the earlier pass only: 05:30Z–05:45Z", () => {
    const cal = sundays("America/New_York", [["01:30", "01:45"]]);
    expect(periods(cal, DAY_FROM, DAY_TO)).toEqual([
      ["2025-11-02T05:30:00.000Z", "2025-11-02T05:45:00.000Z"],
    ]);
    expect(isBusinessTime(cal, "2025-11-02T06:35:00Z")).toBe(false); // 01:35 EST, second pass
  });

  test("edges just before and after the overlap", () => {
    // 00:30 EDT = 04:30Z → 01:30 earlier = 05:30Z: 1 h
    expect(total(sundays("America/New_York", [["00:30", "01:30"]]), DAY_FROM, DAY_TO)).toBe(HOUR);
    // 01:30 earlier = 05:30Z → 03:00 EST = 08:00Z: 2.5 h
    expect(total(sundays("America/New_York", [["01:30", "03:00"]]), DAY_FROM, DAY_TO)).toBe(2.5 * HOUR);
    // 00:00 EDT = 04:00Z → 04:00 EST = 09:00Z: 5 h
    expect(total(sundays("America/New_York", [["00:00", "04:00"]]), DAY_FROM, DAY_TO)).toBe(5 * HOUR);
  });

  test("office hours across the DST weekend", () => {
    const office = compileCalendar({ timezone: "America/New_York", week: weekdays([["09:00", "18:00"]]) });
    // Fri 10-31 17:00 EDT (21:00Z) + 2 h → 1 h Fri, Mon 11-03 09:00 EST (14:00Z) + 1 h
    expect(iso(addBusinessTime(office, "2025-10-31T21:00:00Z", "PT2H"))).toBe("2025-11-03T15:00:00.000Z");
    expect(iso(nextBusinessTime(office, "2025-10-31T22:00:00Z"))).toBe("2025-11-03T14:00:00.000Z");
  });
});

describe("Europe/Berlin (2025-03-30 and 2025-10-26)", () => {
  test("spring: 24x7 day of 23 h; edges in the 02:00–03:00 gap", () => {
    // Sun 00:00 CET = 03-29T23:00Z → Mon 00:00 CEST = 03-30T22:00Z
    expect(businessTimeBetween(allDay("Europe/Berlin"), "2025-03-29T23:00:00Z", "2025-03-30T22:00:00Z")).toBe(
      23 * HOUR,
    );
    const from = "2025-03-29T12:00:00Z";
    const to = "2025-03-31T12:00:00Z";
    // 01:00 CET = 00:00Z → 04:00 CEST = 02:00Z
    expect(total(sundays("Europe/Berlin", [["01:00", "04:00"]]), from, to)).toBe(2 * HOUR);
    // 02:30 → 03:30 CEST = 01:30Z → 04:00 CEST = 02:00Z
    expect(periods(sundays("Europe/Berlin", [["02:30", "04:00"]]), from, to)).toEqual([
      ["2025-03-30T01:30:00.000Z", "2025-03-30T02:00:00.000Z"],
    ]);
    // 02:00 → 03:00 CEST = 01:00Z; 03:00 CEST = 01:00Z: empty
    expect(total(sundays("Europe/Berlin", [["02:00", "03:00"]]), from, to)).toBe(0);
    // 20:00–24:00 CEST = 18:00Z–22:00Z
    expect(total(sundays("Europe/Berlin", [["20:00", "24:00"]]), from, to)).toBe(4 * HOUR);
  });

  test("fall: 24x7 day of 25 h; edges in the 02:00–03:00 overlap", () => {
    // Sun 00:00 CEST = 10-25T22:00Z → Mon 00:00 CET = 10-26T23:00Z
    expect(businessTimeBetween(allDay("Europe/Berlin"), "2025-10-25T22:00:00Z", "2025-10-26T23:00:00Z")).toBe(
      25 * HOUR,
    );
    const from = "2025-10-25T12:00:00Z";
    const to = "2025-10-27T12:00:00Z";
    // 02:00 earlier = CEST 00:00Z → 03:00 CET = 02:00Z
    const overlap = sundays("Europe/Berlin", [["02:00", "03:00"]]);
    expect(periods(overlap, from, to)).toEqual([["2025-10-26T00:00:00.000Z", "2025-10-26T02:00:00.000Z"]]);
    expect(isBusinessTime(overlap, "2025-10-26T01:30:00Z")).toBe(true); // 02:30 CET, second pass
    // 02:30 earlier = 00:30Z → 04:00 CET = 03:00Z
    expect(total(sundays("Europe/Berlin", [["02:30", "04:00"]]), from, to)).toBe(2.5 * HOUR);
    // 01:00 CEST = 10-25T23:00Z → 02:30 earlier = 00:30Z
    expect(total(sundays("Europe/Berlin", [["01:00", "02:30"]]), from, to)).toBe(1.5 * HOUR);
  });

  test("office hours across the fall-back weekend", () => {
    const office = compileCalendar({ timezone: "Europe/Berlin", week: weekdays([["09:00", "18:00"]]) });
    // Fri 10-24 17:00 CEST (15:00Z) + 2 h → 1 h Fri; Mon 10-27 09:00 CET (08:00Z) + 1 h → 09:00Z
    expect(iso(addBusinessTime(office, "2025-10-24T15:00:00Z", "PT2H"))).toBe("2025-10-27T09:00:00.000Z");
  });
});

describe("America/Sao_Paulo: DST at midnight", () => {
  test("2018-11-04 00:00 did not exist: the day starts 01:00 -02 (03:00Z) and has 23 h", () => {
    const sp = allDay("America/Sao_Paulo");
    // Sun 00:00 → 01:00 -02 = 03:00Z; Mon 11-05 00:00 -02 = 02:00Z
    expect(businessTimeBetween(sp, "2018-11-04T03:00:00Z", "2018-11-05T02:00:00Z")).toBe(23 * HOUR);
    // Sat 11-03 12:00 -03 (15:00Z): today's end is Sun's first instant, 03:00Z
    expect(iso(addBusinessDays(sp, "2018-11-03T15:00:00Z", 0))).toBe("2018-11-04T03:00:00.000Z");
    // + 1 business day → end of Sunday = Mon 00:00 -02 = 02:00Z
    expect(iso(addBusinessDays(sp, "2018-11-03T15:00:00Z", 1))).toBe("2018-11-05T02:00:00.000Z");
    // one period across the missing midnight
    expect(periods(sp, "2018-11-03T12:00:00Z", "2018-11-05T12:00:00Z")).toEqual([
      ["2018-11-03T12:00:00.000Z", "2018-11-05T12:00:00.000Z"],
    ]);
  });

  test("Sat 22:00–24:00 and Sun 00:00–02:00 meet at 03:00Z and merge", () => {
    const cal = compileCalendar({
      timezone: "America/Sao_Paulo",
      week: { sat: [["22:00", "24:00"]], sun: [["00:00", "02:00"]] },
    });
    // Sat 22:00 -03 = 01:00Z; 24:00 = Sun 00:00 → 03:00Z; Sun 00:00 → 03:00Z; 02:00 -02 = 04:00Z
    expect(periods(cal, "2018-11-03T12:00:00Z", "2018-11-05T12:00:00Z")).toEqual([
      ["2018-11-04T01:00:00.000Z", "2018-11-04T04:00:00.000Z"],
    ]);
    // Sat 23:00 -03 (02:00Z) + 1 h 30 min → 1 h to 03:00Z, then 30 min → 03:30Z
    expect(iso(addBusinessTime(cal, "2018-11-04T02:00:00Z", 90 * MINUTE))).toBe("2018-11-04T03:30:00.000Z");
  });

  test("00:00–00:30 on the missing midnight moves forward by the gap: 01:00–01:30 -02 = 03:00Z–03:30Z", () => {
    const cal = sundays("America/Sao_Paulo", [["00:00", "00:30"]]);
    expect(periods(cal, "2018-11-03T12:00:00Z", "2018-11-05T12:00:00Z")).toEqual([
      ["2018-11-04T03:00:00.000Z", "2018-11-04T03:30:00.000Z"],
    ]);
  });

  test("2019-02-16 has 25 h; Sat 23:00–24:00 spans the repeated hour: 2 h", () => {
    const sp = allDay("America/Sao_Paulo");
    // Sat 00:00 -02 = 02:00Z → Sun 02-17 00:00 -03 = 03:00Z
    expect(businessTimeBetween(sp, "2019-02-16T02:00:00Z", "2019-02-17T03:00:00Z")).toBe(25 * HOUR);
    const cal = compileCalendar({ timezone: "America/Sao_Paulo", week: { sat: [["23:00", "24:00"]] } });
    // 23:00 earlier = -02 → 01:00Z; 24:00 = Sun 00:00 -03 = 03:00Z
    expect(periods(cal, "2019-02-16T12:00:00Z", "2019-02-17T12:00:00Z")).toEqual([
      ["2019-02-17T01:00:00.000Z", "2019-02-17T03:00:00.000Z"],
    ]);
  });
});

describe("Australia/Lord_Howe: 30-minute DST", () => {
  test("2025-04-06 (back 30 min): the day has 24.5 h; 01:30–02:00 repeats", () => {
    // Sun 00:00 +11 = 04-05T13:00Z → Mon 00:00 +10:30 = 04-06T13:30Z
    expect(
      businessTimeBetween(allDay("Australia/Lord_Howe"), "2025-04-05T13:00:00Z", "2025-04-06T13:30:00Z"),
    ).toBe(24.5 * HOUR);
    const from = "2025-04-05T00:00:00Z";
    const to = "2025-04-07T00:00:00Z";
    // 01:00 +11 = 14:00Z → 02:00 +10:30 = 15:30Z
    expect(total(sundays("Australia/Lord_Howe", [["01:00", "02:00"]]), from, to)).toBe(1.5 * HOUR);
    // 01:30–01:45 earlier pass (+11): 14:30Z–14:45Z
    expect(periods(sundays("Australia/Lord_Howe", [["01:30", "01:45"]]), from, to)).toEqual([
      ["2025-04-05T14:30:00.000Z", "2025-04-05T14:45:00.000Z"],
    ]);
    // 01:45 earlier = 14:45Z → 03:00 +10:30 = 16:30Z
    expect(total(sundays("Australia/Lord_Howe", [["01:45", "03:00"]]), from, to)).toBe(105 * MINUTE);
  });

  test("2025-10-05 (forward 30 min): the day has 23.5 h; 02:00–02:30 does not exist", () => {
    const lh = allDay("Australia/Lord_Howe");
    // Sun 00:00 +10:30 = 10-04T13:30Z → Mon 00:00 +11 = 10-05T13:00Z
    expect(businessTimeBetween(lh, "2025-10-04T13:30:00Z", "2025-10-05T13:00:00Z")).toBe(23.5 * HOUR);
    // Sun 01:30 +10:30 = 15:00Z + 1 h → 16:00Z (03:00 +11)
    expect(iso(addBusinessTime(lh, "2025-10-04T15:00:00Z", "PT1H"))).toBe("2025-10-04T16:00:00.000Z");
    const from = "2025-10-04T00:00:00Z";
    const to = "2025-10-06T00:00:00Z";
    // 02:00 → 02:30 +11 = 15:30Z; 03:00 +11 = 16:00Z
    expect(periods(sundays("Australia/Lord_Howe", [["02:00", "03:00"]]), from, to)).toEqual([
      ["2025-10-04T15:30:00.000Z", "2025-10-04T16:00:00.000Z"],
    ]);
    // 02:10 → 02:40 (15:40Z), 02:20 → 02:50 (15:50Z)
    expect(periods(sundays("Australia/Lord_Howe", [["02:10", "02:20"]]), from, to)).toEqual([
      ["2025-10-04T15:40:00.000Z", "2025-10-04T15:50:00.000Z"],
    ]);
    // 01:00 +10:30 = 14:30Z → 02:15 → 02:45 +11 = 15:45Z
    expect(total(sundays("Australia/Lord_Howe", [["01:00", "02:15"]]), from, to)).toBe(75 * MINUTE);
    // 02:00 → 15:30Z and 02:30 +11 = 15:30Z: empty
    expect(total(sundays("Australia/Lord_Howe", [["02:00", "02:30"]]), from, to)).toBe(0);
  });
});

describe("Asia/Shanghai: no DST (control)", () => {
  test("the US and EU transition Sundays are ordinary 24-hour days", () => {
    const sh = allDay("Asia/Shanghai");
    // 2025-03-09 00:00 +08 = 03-08T16:00Z → 03-09T16:00Z
    expect(businessTimeBetween(sh, "2025-03-08T16:00:00Z", "2025-03-09T16:00:00Z")).toBe(24 * HOUR);
    expect(businessTimeBetween(sh, "2025-10-25T16:00:00Z", "2025-10-26T16:00:00Z")).toBe(24 * HOUR);
    // 01:30–02:30 +08 = 03-08T17:30Z–18:30Z
    expect(
      periods(sundays("Asia/Shanghai", [["01:30", "02:30"]]), "2025-03-08T00:00:00Z", "2025-03-10T00:00:00Z"),
    ).toEqual([["2025-03-08T17:30:00.000Z", "2025-03-08T18:30:00.000Z"]]);
    const office = compileCalendar({ timezone: "Asia/Shanghai", week: weekdays([["09:00", "18:00"]]) });
    // Fri 03-07 17:00 +08 (09:00Z) + 2 h → Mon 03-10 10:00 +08 = 02:00Z
    expect(iso(addBusinessTime(office, "2025-03-07T09:00:00Z", "PT2H"))).toBe("2025-03-10T02:00:00.000Z");
  });
});

describe("the offsets assumed above (independent check with @date-fns/tz)", () => {
  test.each([
    ["America/New_York", "2025-03-09T06:59:59Z", -300, "2025-03-09T07:00:00Z", -240],
    ["America/New_York", "2025-11-02T05:59:59Z", -240, "2025-11-02T06:00:00Z", -300],
    ["Europe/Berlin", "2025-03-30T00:59:59Z", 60, "2025-03-30T01:00:00Z", 120],
    ["Europe/Berlin", "2025-10-26T00:59:59Z", 120, "2025-10-26T01:00:00Z", 60],
    ["America/Sao_Paulo", "2018-11-04T02:59:59Z", -180, "2018-11-04T03:00:00Z", -120],
    ["America/Sao_Paulo", "2019-02-17T01:59:59Z", -120, "2019-02-17T02:00:00Z", -180],
    ["Australia/Lord_Howe", "2025-04-05T14:59:59Z", 660, "2025-04-05T15:00:00Z", 630],
    ["Australia/Lord_Howe", "2025-10-04T15:29:59Z", 630, "2025-10-04T15:30:00Z", 660],
  ] as const)("%s changes offset at %s / %s", (zone, before, offBefore, after, offAfter) => {
    expect(tzOffset(zone, new Date(before))).toBe(offBefore);
    expect(tzOffset(zone, new Date(after))).toBe(offAfter);
  });
});
