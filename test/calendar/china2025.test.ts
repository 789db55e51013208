/**
 * China's 2025 statutory arrangement (国务院办公厅 2024-11-12), as listed in
 * research/anchors-ecosystem.md §3.5: 28 days off — 01-01; 01-28…02-04; 04-04…04-06; 05-01…05-05;
 * 05-31…06-02; 10-01…10-08 — and 5 make-up working days: Sun 01-26, Sat 02-08, Sun 04-27, Sun 09-28,
 * Sat 10-11. Office hours Mon–Fri 09:00–12:00 and 13:00–18:00 (8 h) in Asia/Shanghai (+08:00, no DST),
 * so local 09:00 = 01:00Z, 10:00 = 02:00Z, 18:00 = 10:00Z.
 *
 * Weekdays: 2025-01-01 Wed; 09-26 Fri, 09-28 Sun, 09-29 Mon, 09-30 Tue, 10-01 Wed … 10-08 Wed, 10-09 Thu,
 * 10-10 Fri, 10-11 Sat, 10-13 Mon.
 */
import { describe, expect, test } from "vitest";
import {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  compileCalendar,
  isBusinessTime,
  nextBusinessTime,
  subtractBusinessTime,
  type TimeRange,
} from "../../src/calendar/index.js";
import { HOUR, iso, weekdays } from "../arbitraries.js";

const HOURS: TimeRange[] = [
  ["09:00", "12:00"],
  ["13:00", "18:00"],
];
const MAKE_UP = ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"];
const china = compileCalendar({
  timezone: "Asia/Shanghai",
  week: weekdays([
    ["09:00", "12:00"],
    ["13:00", "18:00"],
  ]),
  holidays: [
    "2025-01-01",
    { from: "2025-01-28", to: "2025-02-04", name: "春节" },
    { from: "2025-04-04", to: "2025-04-06", name: "清明节" },
    { from: "2025-05-01", to: "2025-05-05", name: "劳动节" },
    { from: "2025-05-31", to: "2025-06-02", name: "端午节" },
    { from: "2025-10-01", to: "2025-10-08", name: "国庆节、中秋节" },
  ],
  overrides: Object.fromEntries(MAKE_UP.map((d) => [d, HOURS])),
});
const NEXT = { boundary: "nextOpening" } as const;

describe("the 2025 data", () => {
  test("make-up days are working days; holiday dates are closed", () => {
    for (const d of MAKE_UP) expect(isBusinessTime(china, `${d}T10:00:00+08:00`)).toBe(true);
    for (const d of [
      "2025-01-01",
      "2025-01-28",
      "2025-02-04",
      "2025-04-04",
      "2025-05-05",
      "2025-06-02",
      "2025-10-08",
    ]) {
      expect(isBusinessTime(china, `${d}T10:00:00+08:00`)).toBe(false);
    }
    // ordinary weekend next to a make-up day stays closed
    expect(isBusinessTime(china, "2025-09-27T10:00:00+08:00")).toBe(false);
    expect(isBusinessTime(china, "2025-10-12T10:00:00+08:00")).toBe(false);
  });

  test("2025 has 248 working days = 1 984 working hours", () => {
    // 365 days from a Wednesday: 52 weeks + 1 day → 261 weekdays. Holidays on weekdays: 01-01 (1);
    // 01-28…02-04: Tue–Fri, Mon, Tue (6); 04-04 Fri (1); 05-01 Thu, 05-02 Fri, 05-05 Mon (3); 06-02 Mon (1);
    // 10-01…10-08: Wed–Fri, Mon–Wed (6) → 18. 261 − 18 + 5 make-up days = 248; × 8 h = 1 984 h.
    expect(businessTimeBetween(china, "2025-01-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00")).toBe(
      1984 * HOUR,
    );
    // the 248th working day after 2024-12-31 is the last one of 2025, Wed 12-31
    expect(iso(addBusinessDays(china, "2024-12-31T12:00:00+08:00", 248))).toBe("2025-12-31T10:00:00.000Z");
  });

  test("September has 23 working days (22 weekdays + Sun 09-28), October 18 (23 − 6 + Sat 10-11)", () => {
    expect(businessTimeBetween(china, "2025-09-01T00:00:00+08:00", "2025-10-01T00:00:00+08:00")).toBe(
      23 * 8 * HOUR,
    );
    expect(businessTimeBetween(china, "2025-10-01T00:00:00+08:00", "2025-11-01T00:00:00+08:00")).toBe(
      18 * 8 * HOUR,
    );
  });
});

describe("a ticket on Friday 2025-09-26 at 19:00, before the National Day week", () => {
  const FRI_EVENING = "2025-09-26T19:00:00+08:00";

  test("+ P2D: Sun 09-28 (make-up) is day 1, Mon 09-29 day 2 → Mon 18:00", () => {
    expect(iso(addBusinessTime(china, FRI_EVENING, "P2D"))).toBe("2025-09-29T10:00:00.000Z");
    expect(iso(addBusinessDays(china, FRI_EVENING, 2))).toBe("2025-09-29T10:00:00.000Z");
  });

  test("+ PT16H: Sun 8 h + Mon 8 h → dueAt Mon 18:00, lastCompliantAt Tue 09:00", () => {
    expect(iso(addBusinessTime(china, FRI_EVENING, "PT16H"))).toBe("2025-09-29T10:00:00.000Z");
    expect(iso(addBusinessTime(china, FRI_EVENING, "PT16H", NEXT))).toBe("2025-09-30T01:00:00.000Z");
  });

  test("+ PT17H → Tue 10:00; + PT24H → Tue 18:00, next opening after the holidays Thu 10-09 09:00", () => {
    expect(iso(addBusinessTime(china, FRI_EVENING, "PT17H"))).toBe("2025-09-30T02:00:00.000Z");
    expect(iso(addBusinessTime(china, FRI_EVENING, "PT24H"))).toBe("2025-09-30T10:00:00.000Z");
    expect(iso(addBusinessTime(china, FRI_EVENING, "PT24H", NEXT))).toBe("2025-10-09T01:00:00.000Z");
    // + 25 h: the 25th hour is Thu 10-09 09–10
    expect(iso(addBusinessTime(china, FRI_EVENING, "PT25H"))).toBe("2025-10-09T02:00:00.000Z");
  });

  test("the ticket waits for Sunday's make-up day: next opening Sun 09-28 09:00", () => {
    expect(iso(nextBusinessTime(china, FRI_EVENING))).toBe("2025-09-28T01:00:00.000Z");
  });
});

describe("business days around the National Day week", () => {
  test("Tue 09-30 10:00 + 1 → Thu 10-09; + 3 → the make-up Sat 10-11; + 4 → Mon 10-13", () => {
    expect(iso(addBusinessDays(china, "2025-09-30T10:00:00+08:00", 1))).toBe("2025-10-09T10:00:00.000Z");
    // 10-09 (1), 10-10 (2), Sat 10-11 (3)
    expect(iso(addBusinessDays(china, "2025-09-30T10:00:00+08:00", 3))).toBe("2025-10-11T10:00:00.000Z");
    // Sun 10-12 closed → Mon 10-13 (4)
    expect(iso(addBusinessDays(china, "2025-09-30T10:00:00+08:00", 4))).toBe("2025-10-13T10:00:00.000Z");
  });

  test("starting on a holiday: + 1 and + 0 both end Thu 10-09 18:00", () => {
    expect(iso(addBusinessDays(china, "2025-10-03T10:00:00+08:00", 1))).toBe("2025-10-09T10:00:00.000Z");
    expect(iso(addBusinessDays(china, "2025-10-03T10:00:00+08:00", 0))).toBe("2025-10-09T10:00:00.000Z");
  });

  test("backwards: Thu 10-09 10:00 − 1 → Tue 09-30 09:00; − 3 → Sun 09-28 09:00", () => {
    expect(iso(addBusinessDays(china, "2025-10-09T10:00:00+08:00", -1))).toBe("2025-09-30T01:00:00.000Z");
    // 09-30 (1), 09-29 (2), Sun 09-28 (3)
    expect(iso(addBusinessDays(china, "2025-10-09T10:00:00+08:00", -3))).toBe("2025-09-28T01:00:00.000Z");
  });

  test("same time: Tue 09-30 10:00 + 1 → Thu 10-09 10:00; from 12:30 (lunch) → 13:00", () => {
    expect(iso(addBusinessDays(china, "2025-09-30T10:00:00+08:00", 1, { days: "sameTime" }))).toBe(
      "2025-10-09T02:00:00.000Z",
    );
    expect(iso(addBusinessDays(china, "2025-09-30T12:30:00+08:00", 1, { days: "sameTime" }))).toBe(
      "2025-10-09T05:00:00.000Z",
    );
  });

  test("working time over the make-up Saturday: Fri 10-10 09:00 → Mon 10-13 09:00 is 16 h", () => {
    expect(businessTimeBetween(china, "2025-10-10T09:00:00+08:00", "2025-10-13T09:00:00+08:00")).toBe(
      16 * HOUR,
    );
    // Fri 10-10 17:00 + 2 h → Fri 17–18, Sat 10-11 09–10
    expect(iso(addBusinessTime(china, "2025-10-10T17:00:00+08:00", "PT2H"))).toBe("2025-10-11T02:00:00.000Z");
  });

  test("subtract across the holiday week: Thu 10-09 10:00 − 2 h → Tue 09-30 17:00", () => {
    expect(iso(subtractBusinessTime(china, "2025-10-09T10:00:00+08:00", "PT2H"))).toBe(
      "2025-09-30T09:00:00.000Z",
    );
  });
});

describe("the other 2025 holidays", () => {
  test("Spring Festival: Fri 01-24 17:00 + P1D → Sun 01-26; P2D → Mon 01-27; P3D → Wed 02-05; P6D → Sat 02-08", () => {
    const t = "2025-01-24T17:00:00+08:00";
    expect(iso(addBusinessDays(china, t, 1))).toBe("2025-01-26T10:00:00.000Z");
    expect(iso(addBusinessDays(china, t, 2))).toBe("2025-01-27T10:00:00.000Z");
    expect(iso(addBusinessDays(china, t, 3))).toBe("2025-02-05T10:00:00.000Z");
    // 02-05 (3), 02-06 (4), 02-07 (5), Sat 02-08 make-up (6)
    expect(iso(addBusinessDays(china, t, 6))).toBe("2025-02-08T10:00:00.000Z");
    // + 24 h: Fri 1 h, Sun 01-26 8 h, Mon 01-27 8 h (17 h), Wed 02-05 09–12 (20 h), 13–17 (24 h) → 17:00
    expect(iso(addBusinessTime(china, t, "PT24H"))).toBe("2025-02-05T09:00:00.000Z");
  });

  test("New Year: Tue 2024-12-31 17:30 + 1 h → 30 min Tue, Thu 01-02 09:30", () => {
    expect(iso(addBusinessTime(china, "2024-12-31T17:30:00+08:00", "PT1H"))).toBe("2025-01-02T01:30:00.000Z");
  });

  test("Qingming, Labour Day and Dragon Boat", () => {
    // Thu 04-03 + 1 → Fri 04-04…Sun 04-06 off → Mon 04-07 18:00
    expect(iso(addBusinessDays(china, "2025-04-03T10:00:00+08:00", 1))).toBe("2025-04-07T10:00:00.000Z");
    // Fri 04-25 + 1 → Sun 04-27 (make-up) 18:00
    expect(iso(addBusinessDays(china, "2025-04-25T10:00:00+08:00", 1))).toBe("2025-04-27T10:00:00.000Z");
    // Wed 04-30 + 1 → 05-01…05-05 off → Tue 05-06 18:00
    expect(iso(addBusinessDays(china, "2025-04-30T10:00:00+08:00", 1))).toBe("2025-05-06T10:00:00.000Z");
    // Fri 05-30 + 1 → 05-31…06-02 off → Tue 06-03 18:00
    expect(iso(addBusinessDays(china, "2025-05-30T10:00:00+08:00", 1))).toBe("2025-06-03T10:00:00.000Z");
  });

  test("the lunch break is not working time", () => {
    expect(isBusinessTime(china, "2025-09-29T12:30:00+08:00")).toBe(false);
    expect(isBusinessTime(china, "2025-09-28T12:30:00+08:00")).toBe(false); // make-up day has the break too
    expect(businessTimeBetween(china, "2025-09-29T11:00:00+08:00", "2025-09-29T14:00:00+08:00")).toBe(
      2 * HOUR,
    );
  });
});
