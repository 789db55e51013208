/**
 * Untrusted input at the calendar's public edge (red-team findings W7, R2, R5): specs and options are read as
 * own data only, exotic `Date`s are read from their time value, and anything unreadable is an `SlaError`.
 */
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, test } from "vitest";
import {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  type CalendarSpec,
  compileCalendar,
  subtractBusinessTime,
  toEpochMs,
} from "../../src/calendar/index.js";
import { catchSla, HOUR, iso } from "../arbitraries.js";

const utc24 = compileCalendar({ timezone: "UTC", week: "24x7" });
const T = Date.UTC(2025, 0, 6, 3); // Mon 2025-01-06 03:00Z

describe("R2: options must be an object", () => {
  test.each([
    ["addBusinessTime", () => addBusinessTime(utc24, T, "PT1H", null as never)],
    ["subtractBusinessTime", () => subtractBusinessTime(utc24, T, "PT1H", null as never)],
    ["addBusinessDays", () => addBusinessDays(utc24, T, 1, null as never)],
    ["addBusinessTime with a string", () => addBusinessTime(utc24, T, "PT1H", "nextOpening" as never)],
  ])("%s(…, null) is E_OPTION at options", (_, call) => {
    const e = catchSla(call);
    expect([e.code, e.path]).toEqual(["E_OPTION", "options"]);
  });

  test("an option getter that throws is E_OPTION at its path", () => {
    const options = {
      get boundary(): never {
        throw new Error("boom");
      },
    };
    const e = catchSla(() => addBusinessTime(utc24, T, "PT1H", options as never));
    expect([e.code, e.path]).toEqual(["E_OPTION", "options.boundary"]);
  });
});

describe("R5: instants that are not plain Dates", () => {
  test("an object that only inherits from Date.prototype, a Proxy of a Date, a revoked proxy: E_INSTANT", () => {
    const revocable = Proxy.revocable(new Date(T), {});
    revocable.revoke();
    for (const value of [Object.create(Date.prototype), new Proxy(new Date(T), {}), revocable.proxy]) {
      const e = catchSla(() => addBusinessTime(utc24, value, "PT1H"));
      expect([e.code, e.path]).toEqual(["E_INSTANT", "start"]);
    }
  });

  test("a Date whose getTime is overridden is read from its own time value", () => {
    class Shifted extends Date {
      override getTime(): number {
        return super.getTime() + 0.5; // would give non-integer durations if trusted
      }
    }
    class Throwing extends Date {
      override getTime(): number {
        throw new Error("no");
      }
    }
    // 24x7: + 1 h is one hour later, exactly.
    expect(iso(addBusinessTime(utc24, new Shifted(T), "PT1H"))).toBe("2025-01-06T04:00:00.000Z");
    expect(iso(addBusinessTime(utc24, new Throwing(T), "PT1H"))).toBe("2025-01-06T04:00:00.000Z");
    expect(businessTimeBetween(utc24, new Shifted(T), new Shifted(T + HOUR))).toBe(HOUR);
  });

  test("a Date from another realm is a valid Date", () => {
    const foreign = runInNewContext("new Date(Date.UTC(2025, 0, 6, 3))") as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(toEpochMs(foreign)).toBe(T);
    const invalid = runInNewContext("new Date(NaN)") as Date;
    expect(catchSla(() => toEpochMs(invalid)).message).toBe(
      "Expected a valid Date, received an Invalid Date\n  → at instant",
    );
  });
});

describe("W7: a polluted Object.prototype does not reach calendars or options", () => {
  const proto = Object.prototype as Record<string, unknown>;
  afterEach(() => {
    for (const key of ["holidays", "week", "overrides", "breaks", "boundary", "days", "0"]) delete proto[key];
  });

  test("inherited holidays, overrides and breaks are not read", () => {
    proto.holidays = ["2025-01-06"];
    proto.overrides = { "2025-01-06": [] };
    proto.breaks = { "2025-01-06": [["00:00", "12:00"]] };
    const cal = compileCalendar(JSON.parse('{"timezone":"UTC","week":"24x7"}') as CalendarSpec);
    // 24x7, no holiday: 03:00Z + 1 h = 04:00Z (with the polluted holiday it would be Tue 01:00Z).
    expect(iso(addBusinessTime(cal, T, "PT1H"))).toBe("2025-01-06T04:00:00.000Z");
  });

  test("an inherited week does not stand in for a missing one", () => {
    proto.week = "24x7";
    const e = catchSla(() => compileCalendar(JSON.parse('{"timezone":"UTC"}') as CalendarSpec));
    expect([e.code, e.path]).toEqual(["E_MISSING", "week"]);
  });

  test("an inherited array index does not fill a hole", () => {
    proto["0"] = ["09:00", "18:00"];
    // week.mon is a sparse array of length 1 (a hole): not an interval, not a polluted one.
    const mon: unknown[] = [];
    mon.length = 1;
    const e = catchSla(() => compileCalendar({ timezone: "UTC", week: { mon } } as never));
    expect([e.code, e.path]).toEqual(["E_TYPE", "week.mon[0]"]);
  });

  test("inherited options are not read", () => {
    proto.boundary = "nextOpening";
    proto.days = "sameTime";
    const office = compileCalendar({ timezone: "UTC", week: { mon: [["09:00", "18:00"]] } });
    // Mon 17:00 + 1 h = Mon 18:00 (dueAt), not Tue… the next opening.
    expect(iso(addBusinessTime(office, "2025-01-06T17:00:00Z", "PT1H", {}))).toBe("2025-01-06T18:00:00.000Z");
    // + 1 business day from Mon 10:00: the end of Mon 13th (end of day), not 10:00 (same time).
    expect(iso(addBusinessDays(office, "2025-01-06T10:00:00Z", 1, {}))).toBe("2025-01-13T18:00:00.000Z");
  });
});

describe("getters and proxies in a spec", () => {
  test("a getter that throws is E_TYPE at its path", () => {
    const spec = {
      timezone: "UTC",
      week: "24x7",
      get holidays(): never {
        throw new Error("boom");
      },
    };
    const e = catchSla(() => compileCalendar(spec as never));
    expect([e.code, e.path]).toEqual(["E_TYPE", "holidays"]);
  });

  test("a revoked proxy as the spec, or inside it, is E_TYPE", () => {
    const a = Proxy.revocable({}, {});
    a.revoke();
    expect(catchSla(() => compileCalendar(a.proxy as never)).code).toBe("E_TYPE");
    const b = Proxy.revocable([], {});
    b.revoke();
    const e = catchSla(() => compileCalendar({ timezone: "UTC", week: { mon: b.proxy } } as never));
    expect([e.code, e.path]).toEqual(["E_TYPE", "week.mon"]);
  });

  test("the spec is read once: a getter that changes its answer cannot change the calendar", () => {
    let reads = 0;
    const spec = {
      timezone: "UTC",
      get week() {
        reads++;
        return reads === 1 ? "24x7" : "garbage";
      },
    };
    const cal = compileCalendar(spec as never);
    expect(reads).toBe(1);
    expect(businessTimeBetween(cal, T, T + HOUR)).toBe(HOUR);
  });
});
