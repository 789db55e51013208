/**
 * RRULE expansion against RFC 5545's own examples (section 3.8.5.3), in particular BYSETPOS (red-team W5):
 * positions select from each period's whole set of candidates, a position beyond the set selects nothing, and
 * whether a rule is empty does not depend on its start date.
 */
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { civilFromDays, daysFromCivil, formatDateKey } from "../../src/calendar/civil.js";
import { occurrenceDays } from "../../src/calendar/recurrence/expand.js";
import { parseRecurrence } from "../../src/calendar/recurrence/parse.js";
import { catchSla } from "../arbitraries.js";

const dates = (rule: string, start: number, from: string, to: string, max = 100): string[] => {
  const day = (text: string) =>
    daysFromCivil(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
  return occurrenceDays(parseRecurrence(rule, start, "rrule"), day(from), day(to), max).map((d) =>
    formatDateKey(civilFromDays(d)),
  );
};

describe("RFC 5545 BYSETPOS examples", () => {
  test("the third instance of one of Tue, Wed or Thu, for the next 3 months", () => {
    // DTSTART 1997-09-04; Sep 2 (Tue) and 3 (Wed) are before the start but in September's set: Sep 4 is 3rd.
    expect(
      dates("FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", 19970904, "1997-09-01", "1998-12-31"),
    ).toEqual(["1997-09-04", "1997-10-07", "1997-11-06"]);
  });

  test("the second-to-last weekday of the month", () => {
    expect(
      dates("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", 19970929, "1997-09-01", "1998-03-31"),
    ).toEqual([
      "1997-09-29",
      "1997-10-30",
      "1997-11-27",
      "1997-12-30",
      "1998-01-29",
      "1998-02-26",
      "1998-03-30",
    ]);
  });

  test("the last work day of the month", () => {
    // 2025: Jan 31 Fri, Feb 28 Fri, Mar 31 Mon, May 30 Fri (31 is a Saturday).
    expect(
      dates("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", 20250101, "2025-01-01", "2025-05-31"),
    ).toEqual(["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-30"]);
  });

  test("first and last of several positions, yearly, every other year", () => {
    // The set of a year: the Mondays and Fridays of January and July. 2025: Jan 1 is a Wednesday, so the first is
    // Fri Jan 3; Jul 31 is a Thursday, so the last is Mon Jul 28. 2027: Fri Jan 1; Jul 31 is a Saturday: Fri Jul 30.
    expect(
      dates(
        "FREQ=YEARLY;INTERVAL=2;BYMONTH=1,7;BYDAY=MO,FR;BYSETPOS=1,-1",
        20250101,
        "2025-01-01",
        "2027-12-31",
      ),
    ).toEqual(["2025-01-03", "2025-07-28", "2027-01-01", "2027-07-30"]);
  });
});

describe("a position beyond the set selects nothing, from any start", () => {
  test.each([20250101, 20250110, 20250601])(
    "FREQ=MONTHLY;BYDAY=1WE;BYSETPOS=-2 from %i: E_RRULE_EMPTY",
    (start) => {
      expect(catchSla(() => parseRecurrence("FREQ=MONTHLY;BYDAY=1WE;BYSETPOS=-2", start, "rrule")).code).toBe(
        "E_RRULE_EMPTY",
      );
    },
  );

  test("BYSETPOS=3 on a one-candidate month is empty; BYSETPOS=1 selects the candidate", () => {
    expect(catchSla(() => parseRecurrence("FREQ=MONTHLY;BYDAY=1WE;BYSETPOS=3", 20250110, "r")).code).toBe(
      "E_RRULE_EMPTY",
    );
    // First Wednesdays after 2025-01-10: Feb 5, Mar 5, Apr 2.
    expect(dates("FREQ=MONTHLY;BYDAY=1WE;BYSETPOS=1", 20250110, "2025-01-01", "2025-04-30")).toEqual([
      "2025-02-05",
      "2025-03-05",
      "2025-04-02",
    ]);
  });

  test("BYSETPOS with BYWEEKNO is refused (its weeks reach into other years)", () => {
    expect(
      catchSla(() => parseRecurrence("FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO,FR;BYSETPOS=1", 20250101, "r")).code,
    ).toBe("E_RRULE_INVALID");
  });
});

/** Brute force: monthly BYDAY (plain weekdays) + BYSETPOS, day by day, from the RFC's definition. */
function bruteMonthly(
  weekdays: readonly number[],
  positions: readonly number[],
  interval: number,
  start: number,
  to: number,
): number[] {
  const out: number[] = [];
  const startKey = civilFromDays(start);
  let y = Math.floor(startKey / 10_000);
  let m = Math.floor(startKey / 100) % 100;
  for (;;) {
    const first = daysFromCivil(y, m, 1);
    if (first > to) return out;
    const next = m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
    const set: number[] = [];
    for (let d = first; d < next; d++) if (weekdays.includes((((d + 3) % 7) + 7) % 7)) set.push(d);
    const picked = new Set<number>();
    for (const p of positions) {
      const d = set[p > 0 ? p - 1 : set.length + p];
      if (d !== undefined) picked.add(d);
    }
    for (const d of [...picked].sort((a, b) => a - b)) if (d >= start && d <= to) out.push(d);
    m += interval;
    while (m > 12) {
      m -= 12;
      y += 1;
    }
  }
}

const DAY_NAMES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
propTest.prop(
  [
    fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    fc.uniqueArray(
      fc.integer({ min: -8, max: 8 }).filter((p) => p !== 0),
      { minLength: 1, maxLength: 3 },
    ),
    fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: daysFromCivil(2024, 1, 1), max: daysFromCivil(2026, 12, 31) }),
  ],
  { seed: 55, numRuns: 300 },
)(
  "BYSETPOS selects per period as a day-by-day reading of RFC 5545 does, whatever the start",
  (days, positions, interval, start) => {
    const rule = `FREQ=MONTHLY;INTERVAL=${interval};BYDAY=${days.map((d) => DAY_NAMES[d]).join(",")};BYSETPOS=${positions.join(",")}`;
    const startKey = civilFromDays(start);
    const to = start + 3 * 366;
    const expected = bruteMonthly(days, positions, interval, start, to);
    let got: number[];
    try {
      got = occurrenceDays(parseRecurrence(rule, startKey, "r"), start, to, 10_000);
    } catch (e) {
      // Empty within 100 years: then it is empty within these 3 years too.
      expect((e as { code?: string }).code).toBe("E_RRULE_EMPTY");
      expect(expected).toEqual([]);
      return;
    }
    expect(got).toEqual(expected);
  },
);
