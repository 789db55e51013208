/**
 * Long spans: queries across years answer from running sums over months instead of walking every month. The
 * laws below compare them with short steps (which walk) and with the working periods listed one by one.
 */
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import {
  addBusinessDays,
  addBusinessTime,
  businessPeriods,
  businessTimeBetween,
  compileCalendar,
  subtractBusinessTime,
} from "../../src/calendar/index.js";
import { DAY, HOUR, weekdays } from "../arbitraries.js";

const office = () =>
  compileCalendar({
    timezone: "Asia/Shanghai",
    week: weekdays([
      ["09:00", "12:00"],
      ["13:00", "18:00"],
    ]),
    holidays: ["01-01", "10-01", { from: "2031-02-10", to: "2031-02-20" }, "2027-05-04"],
    overrides: { "2029-09-29": [["10:00", "16:00"]] },
  });
/** One working day a month (the 15th, 1980–2045: 144 h a year), for searches that must jump far. */
const sparse = () =>
  compileCalendar({
    timezone: "America/New_York",
    week: {},
    overrides: Object.fromEntries(
      Array.from({ length: 66 * 12 }, (_, i) => {
        const y = 1980 + Math.floor(i / 12);
        const m = String((i % 12) + 1).padStart(2, "0");
        return [`${y}-${m}-15`, [["08:00", "20:00"]]];
      }),
    ),
  });

const FROM = Date.UTC(2001, 0, 1);
const TO = Date.UTC(2035, 0, 1);
const instant = fc.integer({ min: FROM, max: TO });
const kind = fc.constantFrom("office", "sparse");
const calendarOf = (k: string) => (k === "office" ? office() : sparse());

test.prop([kind, instant, instant], { seed: 3101, numRuns: 150 })(
  "businessTimeBetween over years equals the sum over pieces of at most 60 days",
  (k, x, y) => {
    const [a, b] = x <= y ? [x, y] : [y, x];
    const long = calendarOf(k);
    const short = calendarOf(k); // a fresh twin: its pieces never reach the sums
    let sum = 0;
    for (let t = a; t < b; t += 60 * DAY) sum += businessTimeBetween(short, t, Math.min(b, t + 60 * DAY));
    expect(businessTimeBetween(long, a, b)).toBe(sum);
    expect(businessTimeBetween(long, b, a)).toBe(-sum);
  },
);

test.prop([kind, instant, fc.double({ min: 0, max: 1, noNaN: true })], { seed: 3102, numRuns: 150 })(
  "adding and subtracting years of working time round-trips and gives the first (last) instant",
  (k, t, fraction) => {
    const cal = calendarOf(k);
    // Up to 20 years of the office's hours, or 9 years of the sparse calendar's: inside both calendars' data.
    const d = Math.floor(fraction * (k === "office" ? 20 * 2000 * HOUR : 9 * 144 * HOUR));
    const due = addBusinessTime(cal, t, d).getTime();
    expect(businessTimeBetween(cal, t, due)).toBe(d);
    if (d > 0) expect(businessTimeBetween(cal, t, due - 1)).toBeLessThan(d);
    const start = subtractBusinessTime(cal, t, d).getTime();
    expect(businessTimeBetween(cal, start, t)).toBe(d);
    if (d > 0) expect(businessTimeBetween(cal, start + 1, t)).toBeLessThan(d);
  },
);

/** Local date (days since 1970) of an instant in a fixed +08:00 zone (Shanghai has had no DST since 1991). */
const shanghaiDay = (t: number) => Math.floor((t + 8 * HOUR) / DAY);

test.prop([instant, fc.integer({ min: 1, max: 2500 })], { seed: 3103, numRuns: 60 })(
  "N business days ahead is the end of the Nth following date with working time (counted from the periods)",
  (t, n) => {
    const cal = office();
    const due = addBusinessDays(cal, t, n).getTime();
    const days = new Set<number>();
    let lastEnd = 0;
    for (const p of businessPeriods(cal, t, due)) {
      const day = shanghaiDay(p.start.getTime());
      if (day > shanghaiDay(t)) days.add(day);
      lastEnd = p.end.getTime();
    }
    expect(days.size).toBe(n);
    expect(lastEnd).toBe(due); // the deadline ends the Nth day's last period
    // … and nothing of that day's working time is left after it.
    expect(businessTimeBetween(cal, due, (shanghaiDay(due) + 1) * DAY - 8 * HOUR)).toBe(0);
  },
);

test.prop([instant, fc.integer({ min: 1, max: 2500 })], { seed: 3104, numRuns: 60 })(
  "N business days back is the start of the Nth previous date with working time",
  (t, n) => {
    const cal = office();
    const start = addBusinessDays(cal, t, -n).getTime();
    const days = new Set<number>();
    for (const p of businessPeriods(cal, start, t)) {
      const day = shanghaiDay(p.start.getTime());
      if (day < shanghaiDay(t)) days.add(day);
    }
    expect(days.size).toBe(n);
    expect(businessTimeBetween(cal, shanghaiDay(start) * DAY - 8 * HOUR, start)).toBe(0);
  },
);
