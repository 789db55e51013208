/**
 * Regressions: bugs the calendar tests once found in src/calendar, each with the value worked out by hand
 * from SPEC.md. They failed before their fixes and must keep passing.
 */
import { describe, expect, test } from "vitest";
import {
  addBusinessDays,
  addBusinessTime,
  businessPeriods,
  businessTimeBetween,
  compileCalendar,
  isBusinessTime,
  nextBusinessTime,
  parseDuration,
  subtractBusinessTime,
} from "../../src/calendar/index.js";
import { catchSla, DAY, HOUR, iso, MINUTE, weekdays } from "../arbitraries.js";

describe("regression 1: working intervals before 1970-01-01T00:00Z were lost", () => {
  // engine.ts (chunk builder, ~line 184): `const lastEnd = ends.length > dayIv[j] ? … : -1; if (s <= lastEnd) …` uses -1 as
  // "no interval yet", but instants before the epoch are negative, so `s <= -1` holds and the first interval of
  // each day is "merged" into ends[-1] instead of being pushed. Years 1800–1969 have no working time at all.
  const utc24 = compileCalendar({ timezone: "UTC", week: "24x7" });

  test("24x7: 1969-12-31 12:00Z is working time", () => {
    expect(isBusinessTime(utc24, "1969-12-31T12:00:00Z")).toBe(true);
  });

  test("24x7: the last day of 1969 has 24 h; the first instant accepted (1900-01-01) is open", () => {
    expect(businessTimeBetween(utc24, "1969-12-31T00:00:00Z", "1970-01-01T00:00:00Z")).toBe(24 * HOUR);
    expect(isBusinessTime(utc24, "1900-01-01T00:00:00Z")).toBe(true);
  });

  test("office hours in 1969: Mon 1969-12-29 has 09–18 UTC; + 1 h from 17:00 is 18:00", () => {
    const office = compileCalendar({ timezone: "UTC", week: weekdays([["09:00", "18:00"]]) });
    expect(
      businessPeriods(office, "1969-12-29T00:00:00Z", "1969-12-30T00:00:00Z").map((p) => [
        iso(p.start),
        iso(p.end),
      ]),
    ).toEqual([["1969-12-29T09:00:00.000Z", "1969-12-29T18:00:00.000Z"]]);
    expect(iso(addBusinessTime(office, "1969-12-29T17:00:00Z", "PT1H"))).toBe("1969-12-29T18:00:00.000Z");
    // Fri 1970-01-02 10:00 minus 11 h: Fri 09–10 (1 h), Thu 1970-01-01 (9 h), Wed 1969-12-31 17–18 (1 h)
    expect(iso(subtractBusinessTime(office, "1970-01-02T10:00:00Z", "PT11H"))).toBe(
      "1969-12-31T17:00:00.000Z",
    );
  });

  test("24x7 equivalence (I10) holds across 1969/1970: between = t − s", () => {
    expect(businessTimeBetween(utc24, "1969-06-01T00:00:00Z", "1970-06-01T00:00:00Z")).toBe(365 * DAY);
  });
});

describe("regression 2: an unknown zone name is echoed in full in the message", () => {
  // zone.ts getZone: `Unknown IANA time zone ${JSON.stringify(id)}` does not truncate (describeValue does);
  // anchors-reliability §3: a *truncated* echo; SPEC 9: inputs size-capped. A 1 MB name gives a 1 MB message.
  test("a 1 MB zone name gives a short message", () => {
    const e = catchSla(() => compileCalendar({ timezone: "x".repeat(1_000_000), week: "24x7" }));
    expect(e.code).toBe("E_TZ_UNKNOWN");
    expect(e.message.length).toBeLessThan(400);
  });
});

describe("regression 3: -0 ms was accepted by addBusinessTime but rejected by parseDuration", () => {
  // calendar.ts durationOf's fast path accepts -0 (Number.isSafeInteger(-0) && -0 >= 0) while parseDuration
  // rejects it explicitly (Object.is(value, -0)) — the same value is valid or not depending on the entry point
  // (anchors-reliability H11 lists -0 among the values to reject). The message also prints "received 0".
  test("addBusinessTime(cal, t, -0) is E_DURATION like parseDuration(-0)", () => {
    const cal = compileCalendar({ timezone: "UTC", week: "24x7" });
    expect(catchSla(() => parseDuration(-0)).code).toBe("E_DURATION");
    expect(catchSla(() => addBusinessTime(cal, "2025-01-06T10:00:00Z", -0)).code).toBe("E_DURATION");
  });
});

describe("regression 4: a version moving the zone west left a closed gap in a 24x7 calendar", () => {
  // Shanghai (+08:00) 24x7, then UTC from 2025-03-03. Shanghai's 2025-03-02 begins at 03-01T16:00Z and the UTC
  // version's 2025-03-03 begins at 03-03T00:00Z, so Shanghai's last day lasts 32 h. Its "24:00" end must reach
  // the next day's start: every instant of [03-02T16:00Z, 03-03T00:00Z) is working time (8 h).
  const moved = compileCalendar({
    timezone: "Asia/Shanghai",
    week: "24x7",
    versions: [{ from: "2025-03-03", timezone: "UTC" }],
  });
  test("no gap at the change", () => {
    expect(businessTimeBetween(moved, "2025-03-02T16:00:00Z", "2025-03-03T00:00:00Z")).toBe(8 * HOUR);
    expect(businessPeriods(moved, "2025-03-01T00:00:00Z", "2025-03-05T00:00:00Z")).toHaveLength(1);
  });
});

describe("regression 5 (red-team W1): intervals inside a DST gap lost working time", () => {
  // The chunk builder (now src/calendar/engine/chunk.ts) merged a day's resolved intervals in wall-clock order,
  // each only into the one before.
  // New York, Sun 2025-03-09, 02:00 EST → 03:00 EDT at 07:00Z. Resolved with "compatible" (SPEC 3.3):
  //   01:00–02:00 → 01:00 EST = 06:00Z … 02:00 → 03:00 EDT = 07:00Z        [06:00Z, 07:00Z)
  //   02:15–02:45 → 03:15 EDT = 07:15Z … 03:45 EDT = 07:45Z                [07:15Z, 07:45Z)
  //   03:00–07:00 → 03:00 EDT = 07:00Z … 07:00 EDT = 11:00Z                [07:00Z, 11:00Z)
  // The union (SPEC 3.2) is [06:00Z, 11:00Z) = 5 h; the old merge kept [07:15Z, 07:45Z) apart from [07:00Z, …)
  // and lost 07:00–07:15Z (4 h 45).
  const night = compileCalendar({
    timezone: "America/New_York",
    week: {
      sun: [
        ["01:00", "02:00"],
        ["02:15", "02:45"],
        ["03:00", "07:00"],
      ],
    },
  });
  test("the day holds 5 h in one period", () => {
    expect(businessTimeBetween(night, "2025-03-09T00:00:00-05:00", "2025-03-10T00:00:00-04:00")).toBe(
      5 * HOUR,
    );
    expect(
      businessPeriods(night, "2025-03-09T00:00:00-05:00", "2025-03-10T00:00:00-04:00").map((p) => [
        iso(p.start),
        iso(p.end),
      ]),
    ).toEqual([["2025-03-09T06:00:00.000Z", "2025-03-09T11:00:00.000Z"]]);
    expect(isBusinessTime(night, "2025-03-09T07:05:00Z")).toBe(true);
  });
  test("1 h 15 from 01:00 EST (06:00Z) lands at 07:15Z; 11:00Z minus 5 h is 06:00Z", () => {
    // 06:00Z + 75 min of uninterrupted working time
    expect(iso(addBusinessTime(night, "2025-03-09T01:00:00-05:00", "PT1H15M"))).toBe(
      "2025-03-09T07:15:00.000Z",
    );
    expect(iso(subtractBusinessTime(night, "2025-03-09T11:00:00Z", "PT5H"))).toBe("2025-03-09T06:00:00.000Z");
  });
});

describe("regression 6 (red-team W2): a version moving the zone east by more than a day counted time twice", () => {
  // Pacific/Pago_Pago (−11) 24x7, then Pacific/Kiritimati (+14) from 2025-06-15. Pago Pago's 06-14 begins at
  // 06-14T11:00Z; Kiritimati's 06-15 00:00 is 06-14T10:00Z, an hour earlier. Versions partition time (README:
  // "no instant belongs to two versions"): 06-15 begins where the previous date begins, 06-14T11:00Z, so
  // 06-14 (Pago Pago) is an empty date, like Apia's 2011-12-30, and 06-13 ends at 06-14T11:00Z.
  // 06-12T00:00Z → 06-18T00:00Z is 6 × 24 = 144 h of wall time, all of it working time (was 145 h).
  const eastward = (timezone: string) =>
    compileCalendar({
      timezone,
      week: "24x7",
      versions: [{ from: "2025-06-15", timezone: "Pacific/Kiritimati" }],
    });

  test("Pago Pago → Kiritimati: 144 h in one period", () => {
    const cal = eastward("Pacific/Pago_Pago");
    expect(businessTimeBetween(cal, "2025-06-12T00:00:00Z", "2025-06-18T00:00:00Z")).toBe(144 * HOUR);
    expect(
      businessPeriods(cal, "2025-06-12T00:00:00Z", "2025-06-18T00:00:00Z").map((p) => [
        iso(p.start),
        iso(p.end),
      ]),
    ).toEqual([["2025-06-12T00:00:00.000Z", "2025-06-18T00:00:00.000Z"]]);
    // the hour both versions claimed, [10:00Z, 11:00Z), counts once: 10:00Z + 1 h = 11:00Z
    expect(iso(addBusinessTime(cal, "2025-06-14T10:00:00Z", "PT1H"))).toBe("2025-06-14T11:00:00.000Z");
  });

  test("Pago Pago → Kiritimati: business days skip the empty date 06-14", () => {
    const cal = eastward("Pacific/Pago_Pago");
    // 06-14T10:30Z is 06-13 23:30 in Pago Pago: that date ends at 06-14T11:00Z
    expect(iso(addBusinessDays(cal, "2025-06-14T10:30:00Z", 0))).toBe("2025-06-14T11:00:00.000Z");
    // the next working date is 06-15 (Kiritimati), [06-14T11:00Z, 06-16 00:00 +14 = 06-15T10:00Z)
    expect(iso(addBusinessDays(cal, "2025-06-14T10:30:00Z", 1))).toBe("2025-06-15T10:00:00.000Z");
  });

  test("Etc/GMT+12 → Kiritimati (26 h east): 144 h", () => {
    // GMT+12's 06-14 begins at 06-14T12:00Z, Kiritimati's 06-15 at 06-14T10:00Z: two hours were counted twice
    const cal = eastward("Etc/GMT+12");
    expect(businessTimeBetween(cal, "2025-06-12T00:00:00Z", "2025-06-18T00:00:00Z")).toBe(144 * HOUR);
  });
});

describe("regression 7 (differential fuzzer): 0 business days at the very end of the day's business", () => {
  // addDays (now addWorkingDays, src/calendar/engine/days.ts) tested `dayEnd() >= t`, so at t = the end of the
  // day's last interval it returned t itself.
  // README "Business days, count 0": "the end of business of the start day if it has working time at or after
  // the start; otherwise the end of the next working day" (TSDoc: "or the next working day's end if it has none
  // left"). Intervals are half-open: at 18:00 a 09:00–18:00 day has no working time left.
  // Found first as: America/Sao_Paulo, sun 00:00–00:15 on 2017-10-15 (00:00 → 01:00 -02), t = 03:15Z.
  const office = compileCalendar({ timezone: "UTC", week: weekdays([["09:00", "18:00"]]) });
  test("Mon 18:00 + 0 days is Tue 18:00; one ms earlier it is Mon 18:00", () => {
    expect(iso(addBusinessDays(office, "2025-01-06T18:00:00Z", 0))).toBe("2025-01-07T18:00:00.000Z");
    expect(iso(addBusinessTime(office, "2025-01-06T18:00:00Z", "P0D"))).toBe("2025-01-07T18:00:00.000Z");
    expect(iso(addBusinessDays(office, "2025-01-06T17:59:59.999Z", 0))).toBe("2025-01-06T18:00:00.000Z");
  });
  test("Sao Paulo 2017-10-15: 00:00–00:15 becomes 01:00–01:15 -02 (03:00Z–03:15Z); at 03:15Z the next Sunday", () => {
    const sp = compileCalendar({ timezone: "America/Sao_Paulo", week: { sun: [["00:00", "00:15"]] } });
    // Sun 10-22 00:00–00:15 -02 = 02:00Z–02:15Z
    expect(iso(addBusinessDays(sp, "2017-10-15T03:15:00Z", 0))).toBe("2017-10-22T02:15:00.000Z");
    expect(iso(addBusinessDays(sp, "2017-10-15T03:10:00Z", 0))).toBe("2017-10-15T03:15:00.000Z");
  });
});

describe("regression 8 (differential fuzzer): touching intervals were merged before DST resolution", () => {
  // spec.ts normalise merged touching intervals ([02:15, 03:00) + [03:00, 04:00) → [02:15, 04:00)) and daySeconds
  // (now src/calendar/day-hours.ts) merged a day's hours with the previous day's overnight tail, both in
  // wall-clock time, before resolving edges. In a DST gap that resolves an interval nobody wrote: SPEC 3.2–3.3 resolve each written interval
  // (one whose resolved start is not before its end is empty) and take the union of the instants.
  test("New York 2025-03-09: [02:15, 03:00) is empty, [03:00, 04:00) EDT is 07:00Z–08:00Z: 1 h (was 45 min)", () => {
    const cal = compileCalendar({
      timezone: "America/New_York",
      week: {
        sun: [
          ["02:15", "03:00"],
          ["03:00", "04:00"],
        ],
      },
    });
    // 02:15 → 03:15 EDT = 07:15Z, 03:00 EDT = 07:00Z: empty; 03:00–04:00 EDT = [07:00Z, 08:00Z)
    expect(businessTimeBetween(cal, "2025-03-09T00:00:00-05:00", "2025-03-10T00:00:00-04:00")).toBe(HOUR);
    expect(isBusinessTime(cal, "2025-03-09T03:05:00-04:00")).toBe(true); // inside the written 03:00–04:00
    expect(iso(nextBusinessTime(cal, "2025-03-09T06:00:00Z"))).toBe("2025-03-09T07:00:00.000Z");
  });

  test("Apia 2011-09-24 (03:00 → 04:00, −11 → −10): adding [03:15, 04:00) to [00:00, 03:15) removes nothing", () => {
    // [00:00, 03:15): 00:00 −11 = 11:00Z, 03:15 → 04:15 −10 = 14:15Z; [03:15, 04:00): 14:15Z → 14:00Z, empty.
    // Union [11:00Z, 14:15Z) = 3 h 15, as with [00:00, 03:15) alone (the merged [00:00, 04:00) gave 3 h).
    const one = compileCalendar({ timezone: "Pacific/Apia", week: { sat: [["00:00", "03:15"]] } });
    const two = compileCalendar({
      timezone: "Pacific/Apia",
      week: {
        sat: [
          ["00:00", "03:15"],
          ["03:15", "04:00"],
        ],
      },
    });
    for (const cal of [one, two]) {
      expect(businessTimeBetween(cal, "2011-09-24T00:00:00Z", "2011-09-25T00:00:00Z")).toBe(3.25 * HOUR);
      expect(isBusinessTime(cal, "2011-09-24T14:10:00Z")).toBe(true);
    }
  });

  test("New York 2025-03-09: Saturday's overnight tail [00:00, 02:45) and Sunday's [02:45, 03:00)", () => {
    const cal = compileCalendar({
      timezone: "America/New_York",
      week: { sat: [{ start: "22:00", end: "02:45", overnight: true }], sun: [["02:45", "03:00"]] },
    });
    // Sat 22:00–24:00 EST = 03:00Z–05:00Z; Sun tail 00:00 EST = 05:00Z → 02:45 → 03:45 EDT = 07:45Z;
    // Sun [02:45, 03:00) → [07:45Z, 07:00Z): empty. Sunday holds 2 h 45 (the merged [00:00, 03:00) gave 2 h).
    expect(businessTimeBetween(cal, "2025-03-09T00:00:00-05:00", "2025-03-10T00:00:00-04:00")).toBe(
      165 * MINUTE,
    );
    expect(
      businessPeriods(cal, "2025-03-08T12:00:00Z", "2025-03-10T12:00:00Z").map((p) => [
        iso(p.start),
        iso(p.end),
      ]),
    ).toEqual([["2025-03-09T03:00:00.000Z", "2025-03-09T07:45:00.000Z"]]);
  });
});

describe("regression 9 (differential fuzzer): breaks were subtracted in wall-clock time, before DST resolution", () => {
  // daySeconds (now src/calendar/day-hours.ts) subtracted a date's breaks from its hours in wall-clock seconds,
  // and the pieces were resolved afterwards. A break's edge then became a new interval edge, which in a DST gap can resolve before
  // the hours' own edge: a break added working time. Breaks are intervals too (SPEC 3.3, one rule for every
  // wall-clock edge); "removed from that day's hours" (SPEC 4) is the set difference of the resolved instants.
  test("New York 2025-03-09: a break 02:45–03:05 inside the gap removes nothing, it does not add 10 min", () => {
    const hours = { sun: [["02:15", "04:00"] as [string, string]] };
    const plain = compileCalendar({ timezone: "America/New_York", week: hours });
    const withBreak = compileCalendar({
      timezone: "America/New_York",
      week: hours,
      breaks: { "2025-03-09": [["02:45", "03:05"]] },
    });
    // hours: 02:15 → 03:15 EDT = 07:15Z to 04:00 EDT = 08:00Z: 45 min
    // break: 02:45 → 03:45 EDT = 07:45Z to 03:05 EDT = 07:05Z: empty (wall-clock pieces gave [07:05Z, 08:00Z))
    for (const cal of [plain, withBreak]) {
      expect(businessTimeBetween(cal, "2025-03-09T00:00:00-05:00", "2025-03-10T00:00:00-04:00")).toBe(
        45 * MINUTE,
      );
      expect(isBusinessTime(cal, "2025-03-09T07:10:00Z")).toBe(false);
    }
  });

  test("Sao Paulo 2017-10-15 (00:00 → 01:00 -02): a break 00:00–00:15 is 03:00Z–03:15Z, like hours 00:00–00:15", () => {
    const cal = compileCalendar({
      timezone: "America/Sao_Paulo",
      week: { sun: [["01:00", "02:00"]] },
      breaks: { "2017-10-15": [["00:00", "00:15"]] },
    });
    // hours 01:00–02:00 -02 = [03:00Z, 04:00Z); break 00:00 → 01:00 -02 = 03:00Z to 00:15 → 01:15 -02 = 03:15Z
    expect(businessTimeBetween(cal, "2017-10-15T00:00:00Z", "2017-10-16T00:00:00Z")).toBe(45 * MINUTE);
    expect(isBusinessTime(cal, "2017-10-15T03:00:00Z")).toBe(false);
    expect(iso(nextBusinessTime(cal, "2017-10-15T03:00:00Z"))).toBe("2017-10-15T03:15:00.000Z");
  });
});

describe("regression 10 (differential fuzzer): sameTime used the time since the start date's midnight", () => {
  // addDays (now addWorkingDays, src/calendar/engine/days.ts) took `t + offset − startDay × DAY` as the time
  // of day. Where a version moves the zone west the date before the change lasts more than 24 h (regression 4),
  // and that "time of day" passed 24:00, so the result fell a day late. README: "{ days: 'sameTime' }: the Nth working day at the same wall time".
  // Shanghai (+08:00) 24x7, then UTC from 2025-03-03: Shanghai's 2025-03-02 lasts [03-01T16:00Z, 03-03T00:00Z).
  const moved = compileCalendar({
    timezone: "Asia/Shanghai",
    week: "24x7",
    versions: [{ from: "2025-03-03", timezone: "UTC" }],
  });
  const SAME = { days: "sameTime" } as const;
  test("03-02T20:00Z (Shanghai 03-03 04:00, still the date 03-02) + 1 day is 03-03 04:00 UTC", () => {
    // the next working date is 03-03 (UTC): 04:00 there is 03-03T04:00Z (not 28 h after its midnight)
    expect(iso(addBusinessDays(moved, "2025-03-02T20:00:00Z", 1, SAME))).toBe("2025-03-03T04:00:00.000Z");
    // the previous working date is 03-01 (Shanghai): 04:00 +08 = 02-28T20:00Z
    expect(iso(addBusinessDays(moved, "2025-03-02T20:00:00Z", -1, SAME))).toBe("2025-02-28T20:00:00.000Z");
  });
  test("the same day at an ordinary hour is unchanged: 03-02T04:00Z (12:00 +08) + 1 day is 03-03 12:00 UTC", () => {
    expect(iso(addBusinessDays(moved, "2025-03-02T04:00:00Z", 1, SAME))).toBe("2025-03-03T12:00:00.000Z");
  });
});
