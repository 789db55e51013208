// formatStepKey / parseStepKey: the key a host fires once, unambiguous for any ticket id.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { SlaError } from "../../src/errors.js";
import { evaluateTicket, formatStepKey, parseStepKey } from "../../src/escalation/index.js";
import { ev, stepsContract } from "./helpers.js";

describe("formatStepKey", () => {
  test.each([
    [{ ticketId: "T-9", targetId: "resolve", cycle: 0, stepId: "half" }, "T-9/resolve/0/half"],
    [{ ticketId: "acme/42", targetId: "resolve", cycle: 3, stepId: "half" }, "acme%2F42/resolve/3/half"],
    [{ ticketId: "50%", targetId: "r", cycle: 12, stepId: "s" }, "50%25/r/12/s"],
    // "%2F" typed literally must not read back as "/": its "%" is escaped first.
    [{ ticketId: "a%2Fb", targetId: "r", cycle: 0, stepId: "s" }, "a%252Fb/r/0/s"],
    [{ ticketId: "工单/7", targetId: "r", cycle: 0, stepId: "s" }, "工单%2F7/r/0/s"],
  ])("%j → %s, and back", (parts, key) => {
    expect(formatStepKey(parts)).toBe(key);
    expect(parseStepKey(key)).toEqual(parts);
  });

  test("evaluateTicket writes the same keys: a ticket id holding / and %", () => {
    const s = evaluateTicket(
      stepsContract(),
      { id: "acme/4%2", level: "general", events: [ev("opened", "2025-03-03T09:00:00")] },
      "2025-03-03T09:10:00+08:00",
    );
    expect(s.escalations.length).toBeGreaterThan(0);
    for (const e of s.escalations) {
      expect(e.key).toBe(`acme%2F4%252/${e.targetId}/${e.cycle}/${e.stepId}`);
      expect(parseStepKey(e.key)).toEqual({
        ticketId: "acme/4%2",
        targetId: e.targetId,
        cycle: e.cycle,
        stepId: e.stepId,
      });
    }
  });
});

describe("parseStepKey refuses what formatStepKey never writes", () => {
  test.each([
    ["T/resolve/0"],
    ["T/resolve/0/half/x"],
    ["a/b/c/d"],
    ["T/resolve/01/half"],
    ["T/resolve/-1/half"],
    ["/resolve/0/half"],
    ["T%2/resolve/0/half"],
    ["T%41/resolve/0/half"],
  ])("%s: E_STEP_KEY at key", (key) => {
    try {
      parseStepKey(key);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SlaError);
      expect([(e as SlaError).code, (e as SlaError).path]).toEqual(["E_STEP_KEY", "key"]);
    }
  });
});

test("law: parseStepKey(formatStepKey(p)) = p for any ticket id, and distinct parts give distinct keys", () => {
  const id = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,8}$/);
  const parts = fc.record({
    ticketId: fc.string({
      minLength: 1,
      maxLength: 12,
      unit: fc.constantFrom("a", "/", "%", "2", "F", "5", "é"),
    }),
    targetId: id,
    cycle: fc.nat({ max: 100_000 }),
    stepId: id,
  });
  fc.assert(
    fc.property(parts, parts, (p, q) => {
      expect(parseStepKey(formatStepKey(p))).toEqual(p);
      if (JSON.stringify(p) !== JSON.stringify(q)) expect(formatStepKey(p)).not.toBe(formatStepKey(q));
    }),
    { seed: 20251207, numRuns: 2000 },
  );
});
