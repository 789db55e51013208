/**
 * Hostile calendar specs, instants and durations (research/anchors-reliability.md §3.1, H1–H13, H17, H19,
 * H22, H23, H29, H30, H11, H12). Each case asserts the SlaError `code` AND `path`, and that the rejection
 * takes under 50 ms. Paths are printed the way `joinPath` prints them: `week.mon[0][1]`, and keys that are
 * not identifiers quoted, `overrides["2025-09-28"]`.
 */
import { describe, expect, test } from "vitest";
import {
  addBusinessTime,
  businessTimeBetween,
  CALENDAR_LIMITS,
  type Calendar,
  type CalendarSpec,
  compileCalendar,
  isBusinessTime,
  nextBusinessTime,
  parseDuration,
  SlaError,
  subtractBusinessTime,
} from "../../src/calendar/index.js";
import { catchSla, HOUR, iso } from "../arbitraries.js";

/** Runs `fn`, which must throw SlaError(code, path) within 50 ms; returns the error. */
function rejects(fn: () => unknown, code: string, path: string): SlaError {
  // The bound is on the rejection's own cost: a first call may also pay for JIT and one-time Intl set-up, and
  // a loaded CI machine adds noise, so take the fastest of up to three attempts (each must reject the same way).
  let elapsed = Number.POSITIVE_INFINITY;
  let error = catchSla(fn);
  for (let attempt = 0; attempt < 3 && elapsed >= 50; attempt++) {
    const started = performance.now();
    error = catchSla(fn);
    elapsed = Math.min(elapsed, performance.now() - started);
  }
  expect({ code: error.code, path: error.path }).toEqual({ code, path });
  expect(error).toBeInstanceOf(SlaError);
  expect(error.name).toBe("SlaError");
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.message.length).toBeLessThan(400); // offending values are echoed truncated
  expect(elapsed).toBeLessThan(50);
  return error;
}

/** A spec from JSON text, so that `__proto__` is an own key as it is in parsed input. */
const fromJson = (text: string) => JSON.parse(text) as CalendarSpec;
const compile = (spec: unknown) => () => compileCalendar(spec as CalendarSpec);
const base = { timezone: "UTC", week: "24x7" } as const;
const cal24 = compileCalendar(base);

describe("H1/H2 zones", () => {
  test("unknown zones are E_TZ_UNKNOWN at timezone, with a suggestion for a near miss", () => {
    rejects(compile({ ...base, timezone: "Mars/Olympus" }), "E_TZ_UNKNOWN", "timezone");
    const e = rejects(compile({ ...base, timezone: "Europe/Lodnon" }), "E_TZ_UNKNOWN", "timezone");
    expect(e.message).toMatchInlineSnapshot(`
      "Unknown IANA time zone "Europe/Lodnon": did you mean "Europe/London"?
        → at timezone"
    `);
  });

  test("the base path given to compileCalendar prefixes every path", () => {
    rejects(
      () => compileCalendar({ ...base, timezone: "Mars/Olympus" }, "calendars.emea"),
      "E_TZ_UNKNOWN",
      "calendars.emea.timezone",
    );
    rejects(
      () => compileCalendar({ ...base, versions: [{ from: "2025-01-01", timezone: "Mars/Olympus" }] }),
      "E_TZ_UNKNOWN",
      "versions[0].timezone",
    );
  });

  test("wrong case, offsets and UTC±N strings are rejected", () => {
    const e = rejects(compile({ ...base, timezone: "america/new_york" }), "E_TZ_UNKNOWN", "timezone");
    expect(e.message).toMatchInlineSnapshot(`
      "Time zone "america/new_york" is not spelt as in the IANA database: use "America/New_York"
        → at timezone"
    `);
    // (a 1 MB zone name is rejected too, but its message is not truncated: see found-bugs.test.ts)
    for (const zone of [
      "+05:30",
      "UTC+3",
      "GMT-2",
      "utc+3",
      "",
      " UTC",
      "Asia/Shang\u0000hai",
      "x".repeat(100),
    ]) {
      rejects(compile({ ...base, timezone: zone }), "E_TZ_UNKNOWN", "timezone");
    }
  });

  test("a zone that is not a string is rejected at timezone", () => {
    for (const zone of [8, null, ["UTC"], { id: "UTC" }]) {
      const e = catchSla(compile({ ...base, timezone: zone }));
      expect(["E_TZ_UNKNOWN", "E_TYPE"]).toContain(e.code);
      expect(e.path).toBe("timezone");
    }
  });

  test("IANA links are accepted and kept verbatim; Etc/GMT+3 is UTC−3 (POSIX sign)", () => {
    for (const zone of ["US/Eastern", "Asia/Calcutta", "EST5EDT", "Etc/GMT+3", "NZ-CHAT"]) {
      expect(compileCalendar({ ...base, timezone: zone }).timezone).toBe(zone);
    }
    const gmtPlus3 = compileCalendar({ timezone: "Etc/GMT+3", week: { mon: [["09:00", "18:00"]] } });
    // Mon 09:00 at UTC−3 is 12:00Z
    expect(isBusinessTime(gmtPlus3, "2025-01-06T12:00:00Z")).toBe(true);
    expect(isBusinessTime(gmtPlus3, "2025-01-06T11:59:59.999Z")).toBe(false);
  });
});

describe("H3–H6 intervals and times", () => {
  test("H3: end before start without the overnight flag is E_INTERVAL_ORDER", () => {
    rejects(compile({ ...base, week: { mon: [["17:00", "09:00"]] } }), "E_INTERVAL_ORDER", "week.mon[0]");
    rejects(
      compile({ ...base, holidays: [{ from: "2025-10-08", to: "2025-10-01" }] }),
      "E_INTERVAL_ORDER",
      "holidays[0]",
    );
  });

  test("H4: zero-length intervals are E_INTERVAL_EMPTY", () => {
    rejects(
      compile({
        ...base,
        week: {
          tue: [
            ["09:00", "10:00"],
            ["12:00", "12:00"],
          ],
        },
      }),
      "E_INTERVAL_EMPTY",
      "week.tue[1]",
    );
    rejects(
      compile({ ...base, week: { mon: [{ start: "09:00", end: "09:00", overnight: true }] } }),
      "E_INTERVAL_EMPTY",
      "week.mon[0]",
    );
  });

  test("H5: overlapping intervals of one day are E_INTERVAL_OVERLAP (never double counted)", () => {
    rejects(
      compile({
        ...base,
        week: {
          mon: [
            ["09:00", "12:00"],
            ["11:00", "13:00"],
          ],
        },
      }),
      "E_INTERVAL_OVERLAP",
      "week.mon[1]",
    );
    rejects(
      compile({
        ...base,
        overrides: {
          "2025-01-11": [
            ["10:00", "14:00"],
            ["13:00", "15:00"],
          ],
        },
      }),
      "E_INTERVAL_OVERLAP",
      'overrides["2025-01-11"][1]',
    );
  });

  test("H5: an overnight tail overlapping the next day's hours is merged, not counted twice", () => {
    const cal = compileCalendar({
      timezone: "UTC",
      week: { mon: [{ start: "22:00", end: "06:00", overnight: true }], tue: [["05:00", "09:00"]] },
    });
    // Mon 22:00 – Tue 06:00 ∪ Tue 05:00–09:00 = Mon 22:00 – Tue 09:00 = 11 h
    expect(businessTimeBetween(cal, "2025-01-06T00:00:00Z", "2025-01-08T00:00:00Z")).toBe(11 * HOUR);
  });

  test("H6: times outside the strict ASCII grammar are E_TIME_SYNTAX at the offending end", () => {
    const badStarts: unknown[] = [
      "24:00",
      "24:01",
      "25:00",
      "9:00",
      "09:60",
      "09:00:60",
      "09:00:00.5",
      " 09:00",
      "09:00 ",
      "０９:００",
      "٠٩:٠٠",
      "\u202E09:00",
      "09:\u200D00",
      "0900",
      900,
      null,
      "",
    ];
    for (const start of badStarts) {
      rejects(compile({ ...base, week: { mon: [[start, "18:00"]] } }), "E_TIME_SYNTAX", "week.mon[0][0]");
    }
    for (const end of ["24:01", "24:00:01", "25:00", "18:0"]) {
      rejects(compile({ ...base, week: { mon: [["09:00", end]] } }), "E_TIME_SYNTAX", "week.mon[0][1]");
    }
    rejects(
      compile({ ...base, week: { wed: [{ start: "9", end: "18:00", overnight: false }] } }),
      "E_TIME_SYNTAX",
      "week.wed[0].start",
    );
    rejects(
      compile({ ...base, breaks: { "2025-01-07": [["12:00", "1300"]] } }),
      "E_TIME_SYNTAX",
      'breaks["2025-01-07"][0][1]',
    );
  });
});

describe("H7/H8 holidays and dates", () => {
  test("H7: a duplicated holiday and a holiday on a closed day change nothing", () => {
    const week = {
      mon: [["09:00", "18:00"]] as [string, string][],
      tue: [["09:00", "18:00"]] as [string, string][],
    };
    const plain = compileCalendar({ timezone: "UTC", week, holidays: ["2025-01-06"] });
    const noisy = compileCalendar({
      timezone: "UTC",
      week,
      holidays: ["2025-01-06", "2025-01-06", "2025-01-08", "01-11"],
    });
    // only Tue 01-07 is left in the week: 9 h
    for (const cal of [plain, noisy]) {
      expect(businessTimeBetween(cal, "2025-01-06T00:00:00Z", "2025-01-13T00:00:00Z")).toBe(9 * HOUR);
    }
  });

  test("H8: impossible or loose dates are E_DATE_SYNTAX wherever they appear", () => {
    for (const date of [
      "2023-02-29",
      "2024-04-31",
      "2024-1-1",
      "2025-13-01",
      "2025-00-10",
      "20250101",
      "2025-01-01T00:00:00Z",
      "２０２５-01-01",
      "02-30",
      "13-01",
      "00-10",
      "2-29",
      "",
    ]) {
      rejects(compile({ ...base, holidays: [date] }), "E_DATE_SYNTAX", "holidays[0]");
    }
    rejects(
      compile({ ...base, holidays: [{ from: "2024-02-30", to: "2024-03-01" }] }),
      "E_DATE_SYNTAX",
      "holidays[0].from",
    );
    rejects(
      compile({ ...base, holidays: ["2025-01-01", { from: "2024-02-01", to: 20240301 }] }),
      "E_DATE_SYNTAX",
      "holidays[1].to",
    );
    rejects(
      compile({ ...base, overrides: { "2023-02-29": [] } }),
      "E_DATE_SYNTAX",
      'overrides["2023-02-29"]',
    );
    rejects(compile({ ...base, breaks: { "2024-1-1": [] } }), "E_DATE_SYNTAX", 'breaks["2024-1-1"]');
    rejects(compile({ ...base, versions: [{ from: "2025-02-29" }] }), "E_DATE_SYNTAX", "versions[0].from");
    rejects(compile({ ...base, versions: [{ week: "24x7" }] }), "E_DATE_SYNTAX", "versions[0].from");
  });

  test('"02-29" is a valid yearly date; 2024-02-29 a valid one-off date', () => {
    expect(() => compileCalendar({ ...base, holidays: ["02-29", "2024-02-29"] })).not.toThrow();
  });
});

describe("H9/H10 empty calendars", () => {
  test("H9: a spec without timezone or week is E_MISSING", () => {
    rejects(compile({}), "E_MISSING", "timezone");
    rejects(compile({ timezone: "UTC" }), "E_MISSING", "week");
    rejects(compile({ week: "24x7" }), "E_MISSING", "timezone");
  });

  test("H9: every weekday inactive compiles; searches end in E_NO_WORKING_TIME within 1 s", () => {
    const closed = compileCalendar({
      timezone: "UTC",
      week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    });
    const started = performance.now();
    const e = catchSla(() => addBusinessTime(closed, "2025-01-06T10:00:00Z", "PT1H"));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(e.code).toBe("E_NO_WORKING_TIME");
  });

  test("H10: only holidays ahead (a 24x7 calendar closed by ranges for 60 years) → E_NO_WORKING_TIME within 1 s", () => {
    const holidays = Array.from({ length: 6 }, (_, k) => ({
      from: `${2025 + 10 * k}-01-01`,
      to: `${2034 + 10 * k}-12-31`,
    }));
    const cal = compileCalendar({ ...base, holidays });
    const started = performance.now();
    expect(catchSla(() => nextBusinessTime(cal, "2025-03-01T00:00:00Z")).code).toBe("E_NO_WORKING_TIME");
    expect(
      catchSla(() => subtractBusinessTime(cal, "2084-12-01T00:00:00Z", 0, { boundary: "nextOpening" })).code,
    ).toBe("E_NO_WORKING_TIME");
    expect(performance.now() - started).toBeLessThan(2000);
    // but the hours before the first range are still there: 2024-12-31 23:00Z + 1 h ends at 2025-01-01 00:00Z
    expect(iso(addBusinessTime(cal, "2024-12-31T23:00:00Z", "PT1H"))).toBe("2025-01-01T00:00:00.000Z");
  });
});

describe("H13 sizes are capped before parsing", () => {
  test("too many holidays, intervals, dated entries, versions, or a too long range → E_LIMIT", () => {
    rejects(compile({ ...base, holidays: new Array(1_000_000).fill("2025-01-01") }), "E_LIMIT", "holidays");
    rejects(
      compile({ ...base, holidays: new Array(CALENDAR_LIMITS.holidays + 1).fill("not a date") }),
      "E_LIMIT",
      "holidays",
    );
    const many: [string, string][] = [];
    for (let k = 0; k <= CALENDAR_LIMITS.intervalsPerDay; k++) {
      const m = k * 20;
      const hhmm = (x: number) =>
        `${String(Math.floor(x / 60)).padStart(2, "0")}:${String(x % 60).padStart(2, "0")}`;
      many.push([hhmm(m), hhmm(m + 10)]);
    }
    rejects(compile({ ...base, week: { mon: many } }), "E_LIMIT", "week.mon");
    expect(() =>
      compileCalendar({ ...base, week: { mon: many.slice(0, CALENDAR_LIMITS.intervalsPerDay) } }),
    ).not.toThrow();
    const overrides: Record<string, []> = {};
    for (let k = 0; k <= CALENDAR_LIMITS.datedEntries; k++) overrides[`x${k}`] = [];
    rejects(compile({ ...base, overrides }), "E_LIMIT", "overrides");
    const versions = Array.from({ length: CALENDAR_LIMITS.versions + 1 }, (_, k) => ({
      from: `${2000 + k}-01-01`,
    }));
    rejects(compile({ ...base, versions }), "E_LIMIT", "versions");
    rejects(
      compile({ ...base, holidays: [{ from: "2025-01-01", to: "2035-12-31" }] }),
      "E_LIMIT",
      "holidays[0]",
    );
  });

  test("H19: a huge holiday name is rejected with a truncated message", () => {
    const e = rejects(
      compile({ ...base, holidays: [{ from: "2025-01-01", to: "2025-01-02", name: "n".repeat(1_000_000) }] }),
      "E_TYPE",
      "holidays[0].name",
    );
    expect(e.message).not.toContain("n".repeat(100));
  });
});

describe("H17 prototype-pollution keys", () => {
  test("__proto__ / constructor / prototype keys are rejected, and Object.prototype stays clean", () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const payload = '{"polluted":"yes","week":"24x7","timezone":"Asia/Tokyo"}';
    rejects(
      () => compileCalendar(fromJson(`{"timezone":"UTC","week":"24x7","__proto__":${payload}}`)),
      "E_UNKNOWN_KEY",
      "__proto__",
    );
    rejects(
      () => compileCalendar(fromJson(`{"timezone":"UTC","week":{"__proto__":[["09:00","10:00"]]}}`)),
      "E_UNKNOWN_KEY",
      "week.__proto__",
    );
    rejects(
      () => compileCalendar(fromJson(`{"timezone":"UTC","week":{"constructor":[["09:00","10:00"]]}}`)),
      "E_UNKNOWN_KEY",
      "week.constructor",
    );
    rejects(
      () => compileCalendar(fromJson(`{"timezone":"UTC","week":{"prototype":[]}}`)),
      "E_UNKNOWN_KEY",
      "week.prototype",
    );
    rejects(
      () => compileCalendar(fromJson(`{"timezone":"UTC","week":{"toString":[]}}`)),
      "E_UNKNOWN_KEY",
      "week.toString",
    );
    rejects(
      () => compileCalendar(fromJson(`{"timezone":"UTC","week":"24x7","overrides":{"__proto__":[]}}`)),
      "E_DATE_SYNTAX",
      "overrides.__proto__",
    );
    rejects(
      () => compileCalendar(fromJson(`{"timezone":"UTC","week":"24x7","breaks":{"constructor":[]}}`)),
      "E_DATE_SYNTAX",
      "breaks.constructor",
    );
    rejects(
      () =>
        compileCalendar(
          fromJson(
            `{"timezone":"UTC","week":{"mon":[{"start":"09:00","end":"10:00","__proto__":${payload}}]}}`,
          ),
        ),
      "E_UNKNOWN_KEY",
      "week.mon[0].__proto__",
    );
    rejects(
      () =>
        compileCalendar(
          fromJson(
            `{"timezone":"UTC","week":"24x7","holidays":[{"from":"2025-01-01","to":"2025-01-02","__proto__":${payload}}]}`,
          ),
        ),
      "E_UNKNOWN_KEY",
      "holidays[0].__proto__",
    );
    rejects(
      () =>
        compileCalendar(
          fromJson(
            `{"timezone":"UTC","week":"24x7","versions":[{"from":"2025-01-01","__proto__":${payload}}]}`,
          ),
        ),
      "E_UNKNOWN_KEY",
      "versions[0].__proto__",
    );
    rejects(
      () =>
        compileCalendar(
          fromJson(`{"timezone":"UTC","week":"24x7","versions":[{"from":"2025-01-01","constructor":{}}]}`),
        ),
      "E_UNKNOWN_KEY",
      "versions[0].constructor",
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).week).toBeUndefined();
  });

  test("specs built on null-prototype objects are accepted", () => {
    const spec = Object.assign(Object.create(null) as object, {
      timezone: "UTC",
      week: Object.assign(Object.create(null) as object, { mon: [["09:00", "18:00"]] }),
    });
    const cal = compileCalendar(spec as CalendarSpec);
    expect(businessTimeBetween(cal, "2025-01-06T00:00:00Z", "2025-01-07T00:00:00Z")).toBe(9 * HOUR);
  });
});

describe("H22/H23 unknown keys and type confusion", () => {
  test("H22: unknown fields are E_UNKNOWN_KEY at their path", () => {
    const e = rejects(compile({ timeZone: "UTC", week: "24x7" }), "E_UNKNOWN_KEY", "timeZone");
    expect(e.message).toMatchInlineSnapshot(`
      "Unknown field "timeZone": did you mean "timezone"?
        → at timeZone"
    `);
    rejects(compile({ ...base, holiday: ["2025-01-01"] }), "E_UNKNOWN_KEY", "holiday");
    rejects(compile({ ...base, week: { monday: [["09:00", "18:00"]] } }), "E_UNKNOWN_KEY", "week.monday");
    rejects(
      compile({ ...base, week: { mon: [{ start: "09:00", stop: "18:00" }] } }),
      "E_UNKNOWN_KEY",
      "week.mon[0].stop",
    );
    rejects(
      compile({ ...base, holidays: [{ from: "2025-01-01", until: "2025-01-02" }] }),
      "E_UNKNOWN_KEY",
      "holidays[0].until",
    );
    rejects(
      compile({ ...base, versions: [{ from: "2025-01-01", weeks: "24x7" }] }),
      "E_UNKNOWN_KEY",
      "versions[0].weeks",
    );
    rejects(
      compile({ ...base, versions: [{ from: "2025-01-01", versions: [] }] }),
      "E_UNKNOWN_KEY",
      "versions[0].versions",
    );
    rejects(compile({ ...base, "time zone": "UTC" }), "E_UNKNOWN_KEY", '["time zone"]');
  });

  test("H23: wrong types are E_TYPE, never coerced", () => {
    for (const spec of [null, "UTC", 42, [], new Date(0), true]) rejects(compile(spec), "E_TYPE", "");
    rejects(compile({ ...base, week: "24/7" }), "E_TYPE", "week");
    rejects(compile({ ...base, week: "24X7" }), "E_TYPE", "week");
    rejects(compile({ ...base, week: [] }), "E_TYPE", "week");
    rejects(compile({ ...base, week: null }), "E_TYPE", "week");
    rejects(compile({ ...base, week: { mon: "09:00-18:00" } }), "E_TYPE", "week.mon");
    rejects(compile({ ...base, week: { mon: {} } }), "E_TYPE", "week.mon");
    rejects(compile({ ...base, week: { mon: ["09:00", "18:00"] } }), "E_TYPE", "week.mon[0]");
    rejects(compile({ ...base, week: { mon: [["09:00"]] } }), "E_TYPE", "week.mon[0]");
    rejects(compile({ ...base, week: { mon: [["09:00", "12:00", "18:00"]] } }), "E_TYPE", "week.mon[0]");
    rejects(compile({ ...base, week: { mon: [[900, 1800]] } }), "E_TIME_SYNTAX", "week.mon[0][0]");
    rejects(
      compile({ ...base, week: { mon: [{ start: "22:00", end: "06:00", overnight: "yes" }] } }),
      "E_TYPE",
      "week.mon[0].overnight",
    );
    rejects(compile({ ...base, holidays: "2025-01-01" }), "E_TYPE", "holidays");
    rejects(compile({ ...base, holidays: [20250101] }), "E_TYPE", "holidays[0]");
    rejects(compile({ ...base, holidays: [null] }), "E_TYPE", "holidays[0]");
    rejects(
      compile({ ...base, holidays: [{ from: "2025-01-01", to: "2025-01-02", name: 42 }] }),
      "E_TYPE",
      "holidays[0].name",
    );
    rejects(compile({ ...base, overrides: [] }), "E_TYPE", "overrides");
    rejects(compile({ ...base, overrides: { "2025-01-01": "closed" } }), "E_TYPE", 'overrides["2025-01-01"]');
    rejects(compile({ ...base, breaks: "none" }), "E_TYPE", "breaks");
    rejects(compile({ ...base, versions: {} }), "E_TYPE", "versions");
    rejects(compile({ ...base, versions: [null] }), "E_TYPE", "versions[0]");
    rejects(compile({ ...base, versions: [{ from: 20250101 }] }), "E_DATE_SYNTAX", "versions[0].from");
  });
});

describe("H29/H30 hostile instants", () => {
  const syntax: unknown[] = [
    "2024-02-30T09:00Z",
    "2024-01-01T09:00",
    "2024-01-01",
    "1",
    "-1",
    "",
    "now",
    "2025-01-01T00:00:00.123456789Z",
    "2016-12-31T23:59:60Z",
    "2025-01-01T24:00:00Z",
    "2025-01-01T09:00:00+25:00",
    "2025-01-01T09:00:00+05:60",
    "２０２５-01-01T00:00:00Z",
    "+275760-09-13T00:00:00.001Z",
    "-000001-01-01T00:00:00Z",
    "2025-01-01T00:00:00Z".padEnd(1_000_000, " "),
    Number.NaN,
    Number.POSITIVE_INFINITY,
    1.5,
    new Date(Number.NaN),
    null,
    undefined,
    {},
    [],
    true,
    10n,
  ];
  const range: unknown[] = [
    "9999-01-01T00:00:00Z",
    "1899-12-31T23:59:59.999Z",
    "2200-01-01T00:00:00Z",
    8.64e15,
    -8.64e15,
    new Date(8.64e15),
    Date.UTC(2200, 0, 1),
    Date.UTC(1899, 11, 31),
  ];

  test("malformed instants are E_INSTANT at the argument's name", () => {
    for (const value of syntax) {
      rejects(() => addBusinessTime(cal24, value as string, "PT1H"), "E_INSTANT", "start");
      rejects(() => isBusinessTime(cal24, value as string), "E_INSTANT", "t");
    }
    rejects(() => subtractBusinessTime(cal24, "2025-01-01T09:00", "PT1H"), "E_INSTANT", "end");
    rejects(() => businessTimeBetween(cal24, "x", "2025-01-01T09:00Z"), "E_INSTANT", "from");
    const e = rejects(() => addBusinessTime(cal24, "2025-01-06T17:00:00", "PT1H"), "E_INSTANT", "start");
    expect(e.message).toMatchInlineSnapshot(`
      "Expected an ISO 8601 instant with "Z" or an offset such as "2025-10-01T09:00:00+08:00", received "2025-01-06T17:00:00": a time without "Z" or an offset is ambiguous
        → at start"
    `);
  });

  test("instants outside 1900-01-01 … 2199-12-31 are E_INSTANT_RANGE", () => {
    for (const value of range) {
      rejects(() => addBusinessTime(cal24, value as string, "PT1H"), "E_INSTANT_RANGE", "start");
      rejects(
        () => businessTimeBetween(cal24, "2025-01-01T00:00:00Z", value as string),
        "E_INSTANT_RANGE",
        "to",
      );
    }
  });

  test("the edges of the range are accepted", () => {
    // (that 1900-01-01 is also working time on 24x7 is asserted in found-bugs.test.ts)
    expect(() => isBusinessTime(cal24, "1900-01-01T00:00:00Z")).not.toThrow();
    expect(isBusinessTime(cal24, "2199-12-31T23:59:59.999Z")).toBe(true);
    // results may lie past the input range: 2199-12-31 23:00Z + 2 h on 24x7
    expect(iso(addBusinessTime(cal24, "2199-12-31T23:00:00Z", "PT2H"))).toBe("2200-01-01T01:00:00.000Z");
  });
});

describe("H11/H12 hostile durations", () => {
  const start = "2025-01-06T10:00:00Z";

  test("H11: numbers that are not non-negative integer ms within 100 years are E_DURATION", () => {
    for (const d of [
      -1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      1e308,
      2 ** 53 + 1,
      4.5,
      36_525 * 86_400_000 + 1,
    ]) {
      rejects(() => addBusinessTime(cal24, start, d), "E_DURATION", "duration");
      rejects(() => subtractBusinessTime(cal24, start, d), "E_DURATION", "duration");
    }
    for (const d of ["240", true, null, undefined, {}, [], 10n]) {
      rejects(() => addBusinessTime(cal24, start, d as string), "E_DURATION", "duration");
    }
  });

  test("H12: malformed or oversized duration strings are E_DURATION, fast", () => {
    const bad = [
      "PT",
      "P",
      "",
      "PT-4H",
      "-PT4H",
      "PT4.5H",
      "PT0.5H",
      "P1Y",
      "P1M",
      "pt4h",
      "PT4h",
      "PT4H ",
      " PT4H",
      "PT99999999999H",
      `PT${"0".repeat(1_000_000)}1H`,
      "P1DT2H",
      "P1.5D",
      "P-1D",
      "P1W2D",
      "PT1H1D",
      "PT876601H", // 100 years = 36 525 days = 876 600 h
      "P36526D",
      "P5218W", // 36 526 days
      "P１D",
    ];
    for (const d of bad) rejects(() => addBusinessTime(cal24, start, d), "E_DURATION", "duration");
    const e = rejects(() => addBusinessTime(cal24, start, "P1DT2H"), "E_DURATION", "duration");
    expect(e.message).toMatchInlineSnapshot(`
      "Expected an ISO 8601 duration such as "PT30M", "PT4H" or "P2D", received "P1DT2H": years and months are not durations here, and days cannot be mixed with hours
        → at duration"
    `);
  });

  test("parseDuration: PT is working time, P…D and P…W business days (P1W = P7D)", () => {
    expect(parseDuration("PT4H")).toEqual({ kind: "time", ms: 4 * HOUR });
    expect(parseDuration("PT1H30M15.5S")).toEqual({ kind: "time", ms: HOUR + 30 * 60_000 + 15_500 });
    expect(parseDuration("P2D")).toEqual({ kind: "days", days: 2, weeks: false });
    expect(parseDuration("P1W")).toEqual({ kind: "days", days: 7, weeks: true });
    expect(parseDuration(0)).toEqual({ kind: "time", ms: 0 });
    expect(catchSla(() => parseDuration("PT4.5H", "targets.p1.duration")).path).toBe("targets.p1.duration");
  });
});

describe("misuse of the compiled calendar", () => {
  test("calling with a spec instead of a calendar is E_TYPE, not a TypeError", () => {
    rejects(
      () => addBusinessTime(base as unknown as Calendar, "2025-01-06T10:00:00Z", "PT1H"),
      "E_TYPE",
      "calendar",
    );
  });
});
