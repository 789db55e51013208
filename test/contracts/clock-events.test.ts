// Red-team W4: clock events that undo themselves at the instant they act are refused at parse time.
// - A pause whose `event` is its `resumeEvent`: the PAUSE and the RESUME act on the same event, so the clock pauses
//   and resumes at one instant and never pauses (the red team's repro: PT1H, "hold" 10 min after opening, breached
//   with pausedMs 0 and no warning).
// - An event that both starts and stops the clock: it stops the clock at the instant it starts it.
// Both are E_CONTRACT issues at the second role's path; the messages are written here by hand.
import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { parseContract, safeParseContract } from "../../src/contracts/index.js";
import { baseInput, type Mutable } from "./fixtures.js";

/** The issues of a contract that must be refused. */
function issuesOf(input: unknown) {
  const result = safeParseContract(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues;
}

const TOGGLE_MESSAGE =
  'The pause of target "resolve" is ended by its own event "hold": the clock would resume at the instant it pauses, so it never pauses; name another resumeEvent (or pause by "statuses")';

describe("W4: a pause ended by its own event", () => {
  test("is refused at targets[i].pause.resumeEvent, and is the only issue", () => {
    const input = baseInput();
    input.targets[1].pause = { event: "hold", resumeEvent: "hold" }; // target 1 is "resolve"
    expect(issuesOf(input)).toEqual([
      {
        code: "E_CONTRACT",
        path: "targets[1].pause.resumeEvent",
        message: TOGGLE_MESSAGE,
        pathSegments: ["targets", 1, "pause", "resumeEvent"],
      },
    ]);
  });

  test("parseContract throws it", () => {
    const input = baseInput();
    input.targets[1].pause = { event: "hold", resumeEvent: "hold" };
    expect(() => parseContract(input)).toThrow(TOGGLE_MESSAGE);
  });

  test("two different events still pause and resume (the base contract's waitingForCustomer / customerReplied)", () => {
    const input = baseInput();
    input.targets[1].pause = { event: "hold", resumeEvent: "unhold" };
    expect(parseContract(input).targets.find((t) => t.id === "resolve")?.pause).toEqual({
      kind: "events",
      event: "hold",
      resumeEvent: "unhold",
    });
  });

  test("a pause by statuses is not concerned", () => {
    const input = baseInput();
    input.targets[1].pause = { statuses: ["hold"] };
    expect(safeParseContract(input).success).toBe(true);
  });

  test("a target without an id still gets the issue (the message then names no target)", () => {
    const input = baseInput();
    delete input.targets[1].id;
    input.targets[1].pause = { event: "hold", resumeEvent: "hold" };
    expect(issuesOf(input)).toContainEqual({
      code: "E_CONTRACT",
      path: "targets[1].pause.resumeEvent",
      message:
        'The pause is ended by its own event "hold": the clock would resume at the instant it pauses, so it never pauses; name another resumeEvent (or pause by "statuses")',
      pathSegments: ["targets", 1, "pause", "resumeEvent"],
    });
  });

  // The law: a pause by events is refused exactly when its two events are equal.
  fcTest.prop(
    [
      fc.constantFrom("hold", "unhold", "wait", "opened", "resolved"),
      fc.constantFrom("hold", "unhold", "wait"),
    ],
    { seed: 20_261_207, numRuns: 60 },
  )("refused iff event === resumeEvent", (event, resumeEvent) => {
    const input = baseInput();
    input.targets[1].pause = { event, resumeEvent };
    const result = safeParseContract(input);
    const refusal = result.success
      ? []
      : result.error.issues.filter((i) => i.path === "targets[1].pause.resumeEvent").map((i) => i.code);
    expect(refusal).toEqual(event === resumeEvent ? ["E_CONTRACT"] : []);
    // "resolved" as the pause event of "resolve" is also its stop event: allowed (only start = stop is refused).
    expect(result.success).toBe(event !== resumeEvent);
  });
});

describe("W4: an event that both starts and stops the clock", () => {
  const startStopMessage = (event: string, target: string) =>
    `Event "${event}" both starts and stops the clock of target "${target}": it would stop at the instant it starts; name different start and stop events`;

  test("one event as both: refused at targets[i].stop.event", () => {
    const input = baseInput();
    input.targets[0].stop = { event: "opened" }; // target 0 "response" starts on "opened"
    expect(issuesOf(input)).toEqual([
      {
        code: "E_CONTRACT",
        path: "targets[0].stop.event",
        message: startStopMessage("opened", "response"),
        pathSegments: ["targets", 0, "stop", "event"],
      },
    ]);
  });

  test("lists: each shared event at its place in the stop list", () => {
    const input = baseInput();
    input.targets[0].start = { event: ["opened", "reopened"] };
    input.targets[0].stop = { event: ["responded", "reopened", "opened"] };
    expect(issuesOf(input)).toEqual([
      {
        code: "E_CONTRACT",
        path: "targets[0].stop.event[1]",
        message: startStopMessage("reopened", "response"),
        pathSegments: ["targets", 0, "stop", "event", 1],
      },
      {
        code: "E_CONTRACT",
        path: "targets[0].stop.event[2]",
        message: startStopMessage("opened", "response"),
        pathSegments: ["targets", 0, "stop", "event", 2],
      },
    ]);
  });

  test("disjoint lists parse; a breachOf start has no start event to compare", () => {
    const input = baseInput();
    input.targets[0].start = { event: ["opened", "reopened"] };
    input.targets[0].stop = { event: ["responded", "resolved"] };
    input.targets[2].stop = { event: "opened" }; // "plan" starts on the breach of "resolve"
    expect(safeParseContract(input).success).toBe(true);
  });

  test("a stop event that only resets or cancels elsewhere is not concerned", () => {
    const input: Mutable = baseInput();
    input.targets[0].reset = { event: "responded" };
    expect(safeParseContract(input).success).toBe(true);
  });
});
