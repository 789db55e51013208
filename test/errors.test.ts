import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { formatPath, parsePath, SlaError } from "../src/errors.js";

describe("SlaError paths: text and segments", () => {
  test("the text form is kept; segments are the same path as an array", () => {
    const e = new SlaError(
      "E_TZ_UNKNOWN",
      'Unknown IANA time zone "Europe/Lodnon"',
      "calendars.emea.timezone",
    );
    expect(e.path).toBe("calendars.emea.timezone");
    expect(e.pathSegments).toEqual(["calendars", "emea", "timezone"]);
    expect(e.message).toBe('Unknown IANA time zone "Europe/Lodnon"\n  → at calendars.emea.timezone');
  });

  test("indexes are numbers, keys that are not identifiers are quoted", () => {
    expect(parsePath('targets[2].duration["level 1"]')).toEqual(["targets", 2, "duration", "level 1"]);
    expect(formatPath(["targets", 2, "duration", "level 1"])).toBe('targets[2].duration["level 1"]');
    expect(formatPath(['a"]b', 0])).toBe('["a\\"]b"][0]');
    expect(parsePath('["a\\"]b"][0]')).toEqual(['a"]b', 0]);
  });

  test("the root is the empty path; text that is no path stays one segment", () => {
    expect(new SlaError("E_TYPE", "x").pathSegments).toEqual([]);
    expect(parsePath("")).toEqual([]);
    expect(parsePath("a..b")).toEqual(["a..b"]);
    expect(parsePath("a[x]")).toEqual(["a[x]"]);
  });

  test("an error built from segments prints the text form", () => {
    const e = new SlaError("E_EVENT", "Expected an event object", ["events", 3]);
    expect(e.path).toBe("events[3]");
    expect(e.message).toBe("Expected an event object\n  → at events[3]");
  });
});

const segment = fc.oneof(fc.string({ maxLength: 8 }), fc.nat({ max: 1000 }));
propTest.prop([fc.array(segment, { maxLength: 6 })], { seed: 20261207, numRuns: 1000 })(
  "round trip: parsePath(formatPath(segments)) gives the segments back",
  (segments) => {
    expect(parsePath(formatPath(segments))).toEqual(segments);
  },
);
