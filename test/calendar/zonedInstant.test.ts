// zonedInstant and the `timezone` option: host timestamps without an offset, read by the compatible rule.
import { describe, expect, test } from "vitest";
import { SlaError, toEpochMs, zonedInstant } from "../../src/calendar/index.js";
import { parseContract } from "../../src/contracts/index.js";
import { evaluateTicket } from "../../src/escalation/index.js";
import { seedJson } from "../escalation/helpers.js";

function codeAndPath(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (e) {
    if (e instanceof SlaError) return [e.code, e.path];
    throw e;
  }
  throw new Error("expected an SlaError");
}

describe("zonedInstant", () => {
  test.each([
    // Berlin in November: CET, UTC+1.
    ["2014-11-21 00:17:41", "Europe/Berlin", "2014-11-20T23:17:41.000Z"],
    ["2014-11-21T00:17:41", "Europe/Berlin", "2014-11-20T23:17:41.000Z"],
    // Spring forward 2025-03-30 02:00 → 03:00: 02:30 does not exist, moves forward by the gap: 03:30 CEST (+2).
    ["2025-03-30 02:30", "Europe/Berlin", "2025-03-30T01:30:00.000Z"],
    // Fall back 2025-10-26 03:00 → 02:00: 02:30 happens twice, the earlier is CEST (+2).
    ["2025-10-26 02:30:00", "Europe/Berlin", "2025-10-26T00:30:00.000Z"],
    // Shanghai, UTC+8 all year; a fraction of a second.
    ["2025-06-01 12:00:00.5", "Asia/Shanghai", "2025-06-01T04:00:00.500Z"],
    // New York in July: EDT, UTC−4.
    ["2025-07-04 09:00", "America/New_York", "2025-07-04T13:00:00.000Z"],
  ])("%s in %s is %s", (text, zone, iso) => {
    expect(new Date(zonedInstant(text, zone)).toISOString()).toBe(iso);
  });

  test("an instant with Z or an offset, or epoch ms, is read as toEpochMs reads it, whatever the zone", () => {
    expect(zonedInstant("2025-01-01T00:00:00Z", "Asia/Tokyo")).toBe(toEpochMs("2025-01-01T00:00:00Z"));
    expect(zonedInstant("2025-01-01T08:00:00+08:00", "Europe/Berlin")).toBe(Date.UTC(2025, 0, 1));
    expect(zonedInstant(1_735_689_600_000, "Europe/Berlin")).toBe(1_735_689_600_000);
  });

  test("refusals: an impossible date, an unknown zone; toEpochMs still refuses a time without an offset", () => {
    expect(codeAndPath(() => zonedInstant("2025-02-30 10:00", "Europe/Berlin"))[0]).toBe("E_INSTANT");
    expect(codeAndPath(() => zonedInstant("2025-02-03 10:00", "Europe/Lodnon"))).toEqual([
      "E_TZ_UNKNOWN",
      "timezone",
    ]);
    expect(codeAndPath(() => toEpochMs("2025-02-03 10:00"))[0]).toBe("E_INSTANT");
  });
});

describe("evaluateTicket({ timezone })", () => {
  const contract = parseContract(seedJson("seed-001-network-desk"));
  const zoned = { id: "Z", events: [{ type: "opened", at: "2025-03-03 09:00:00" }] };
  const offset = { id: "Z", events: [{ type: "opened", at: "2025-03-03T09:00:00+08:00" }] };

  test("events and now without an offset are read in the zone: the same status as with +08:00", () => {
    expect(evaluateTicket(contract, zoned, "2025-03-03 09:40:00", { timezone: "Asia/Shanghai" })).toEqual(
      evaluateTicket(contract, offset, "2025-03-03T09:40:00+08:00"),
    );
  });

  test("without the option they stay E_INSTANT; a bad zone is E_TZ_UNKNOWN at options.timezone", () => {
    expect(codeAndPath(() => evaluateTicket(contract, zoned, "2025-03-03T09:40:00+08:00"))).toEqual([
      "E_INSTANT",
      "events[0].at",
    ]);
    expect(
      codeAndPath(() =>
        evaluateTicket(contract, zoned, "2025-03-03T09:40:00+08:00", { timezone: "Mars/Base" }),
      ),
    ).toEqual(["E_TZ_UNKNOWN", "options.timezone"]);
  });
});
