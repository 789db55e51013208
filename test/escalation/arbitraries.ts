// Arbitraries for the escalation properties: a contract that exercises every target form, and tickets drawn in
// small windows around the awkward dates (New York DST in March and November, China's National Day week).
import { fc } from "@fast-check/vitest";
import type { Contract } from "../../src/contracts/index.js";
import type { Ticket, TicketEvent } from "../../src/escalation/index.js";
import { CN_OFFICE, LEVELS, makeContract } from "./helpers.js";

const M = 60_000;

/** Every target form: statuses and event-pair pauses, resets, reopen cycles, chains, business days, DST edges. */
export function propertyContract(): Contract {
  return makeContract({
    id: "props",
    timezone: "Asia/Shanghai",
    calendars: {
      office: CN_OFFICE,
      ny: { timezone: "America/New_York", week: "24x7" },
      // 02:30 falls in the spring-forward gap on 2025-03-09 (resolved to 03:30).
      night: {
        timezone: "America/New_York",
        week: Object.fromEntries(
          ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [
            d,
            [
              ["00:00", "02:30"],
              ["20:00", "24:00"],
            ],
          ]),
        ),
      },
    },
    tiers: ["desk", "expert"],
    levels: LEVELS,
    defaultLevel: "level3",
    eventTypes: [
      "engineerResponded",
      "onSite",
      "restored",
      "planDelivered",
      "customerUpdated",
      "withdrawn",
      "reportDelivered",
    ],
    targets: [
      {
        id: "response",
        calendar: "office",
        start: { event: "opened" },
        stop: { event: "engineerResponded" },
        pause: { statuses: ["waiting"] },
        duration: { level1: "PT30M", level2: "PT2H", "*": "PT4H" },
        escalations: [
          { id: "remind", at: { after: "PT30M" }, action: "notify", to: ["engineer"] },
          { id: "p75", at: { percent: 75 }, action: "notify" },
          { id: "warn", at: { beforeDue: "PT1H" }, action: "notify" },
          { id: "late", at: { afterDue: "PT30M" }, action: "reassign", to: ["desk"] },
        ],
      },
      {
        id: "resolve",
        calendar: "ny",
        start: { event: ["opened", "reopened"] },
        stop: { event: "resolved" },
        pause: { event: "waitingCustomer", resumeEvent: "customerReplied" },
        duration: { level1: "PT4H", level2: "PT8H", level3: "PT24H" },
        escalations: [
          { id: "half", at: { percent: 50 }, action: "notify" },
          { id: "late", at: { afterDue: "PT1H" }, action: "escalate", tier: "expert" },
        ],
      },
      {
        id: "senior",
        calendar: "office",
        start: { breachOf: "resolve" },
        stop: { event: "onSite" },
        duration: "PT2H",
        escalations: [{ id: "h1", at: { after: "PT1H" }, action: "notify" }],
      },
      {
        id: "fix",
        calendar: "office",
        start: { event: "opened" },
        stop: { event: "restored" },
        cancel: { event: "withdrawn" },
        pause: { event: "waitingCustomer", resumeEvent: "customerReplied" },
        duration: { level1: "P1D", "*": "P2D" },
      },
      {
        id: "plan",
        calendar: "office",
        start: { breachOf: "fix" },
        stop: { event: "planDelivered" },
        duration: "P2D",
      },
      {
        id: "update",
        calendar: "night",
        start: { event: "opened" },
        stop: { event: "closed" },
        reset: { event: "customerUpdated" },
        onLevelChange: "restart",
        duration: "PT1H",
        escalations: [{ id: "due", at: { percent: 100 }, action: "notify" }],
      },
      {
        id: "report",
        calendar: "ny",
        start: { event: "resolved" },
        stop: { event: "reportDelivered" },
        duration: { level1: "PT24H", level2: "PT24H" },
      },
    ],
  });
}

/** Window starts: New York spring forward, China's holiday week, New York fall back. */
export const BASES = [Date.UTC(2025, 2, 6), Date.UTC(2025, 8, 25), Date.UTC(2025, 9, 30)] as const;
/** Events fall within this many minutes of the base. */
export const WINDOW_MIN = 10 * 24 * 60;

export const EVENT_TYPES = [
  "engineerResponded",
  "statusChanged",
  "waitingCustomer",
  "customerReplied",
  "levelChanged",
  "onSite",
  "restored",
  "planDelivered",
  "customerUpdated",
  "withdrawn",
  "resolved",
  "reopened",
  "reportDelivered",
  "closed",
  "survey",
] as const;

export interface Drawn {
  readonly ticket: Ticket;
  readonly base: number;
  readonly openedAt: number;
}

/** Minutes from the opening: mostly within hours, sometimes days later, rarely before it. */
const offsetArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 8 * 60 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 4 * 24 * 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: -3 * 60, max: WINDOW_MIN }) },
);

/** A random event near `origin`; times on whole minutes mostly, sometimes with milliseconds. */
export const eventArb = (origin: number, types: readonly string[] = EVENT_TYPES): fc.Arbitrary<TicketEvent> =>
  fc
    .record({
      type: fc.constantFrom(...types),
      minute: offsetArb,
      ms: fc.oneof(
        { weight: 4, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 59_999 }) },
      ),
      level: fc.constantFrom("level1", "level2", "level3"),
      status: fc.constantFrom("open", "waiting", "working"),
      satisfied: fc.boolean(),
    })
    .map(({ type, minute, ms, level, status, satisfied }) => {
      const at = origin + minute * M + ms;
      if (type === "levelChanged") return { type, at, level };
      if (type === "statusChanged") return { type, at, status };
      if (type === "survey") return { type, at, channel: "phone", satisfied };
      return { type, at };
    });

/** A ticket: opened near the base, then up to `max` events; every event gets a distinct `seq`. */
export const ticketArb = (max = 14, types: readonly string[] = EVENT_TYPES): fc.Arbitrary<Drawn> =>
  fc
    .constantFrom(...BASES)
    .chain((base) => fc.tuple(fc.constant(base), fc.integer({ min: 0, max: 3 * 24 * 60 })))
    .chain(([base, openMinute]) =>
      fc.record({
        base: fc.constant(base),
        openMinute: fc.constant(openMinute),
        level: fc.option(fc.constantFrom("level1", "level2", "level3"), { nil: undefined }),
        events: fc.array(eventArb(base + openMinute * M, types), { maxLength: max }),
      }),
    )
    .map(({ base, openMinute, level, events }) => {
      const openedAt = base + openMinute * M;
      const all: TicketEvent[] = [{ type: "opened", at: openedAt }, ...events].map((e, seq) => ({
        ...e,
        seq,
      }));
      const ticket: Ticket = level === undefined ? { id: "P", events: all } : { id: "P", level, events: all };
      return { ticket, base, openedAt };
    });

/** An instant at or after the opening: mostly within hours, up to two weeks (ms precision near whole seconds). */
export const nowArb = (d: Drawn): fc.Arbitrary<number> =>
  fc
    .tuple(
      fc.oneof(
        { weight: 5, arbitrary: fc.integer({ min: 0, max: 10 * 3600 }) },
        { weight: 3, arbitrary: fc.integer({ min: 0, max: 5 * 86_400 }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 14 * 86_400 }) },
      ),
      fc.constantFrom(0, 1, -1, 999),
    )
    .map(([s, ms]) => Math.max(d.openedAt, d.openedAt + s * 1000 + ms));
