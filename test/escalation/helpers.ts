// Shared test calendars, levels and helpers.
import { readFileSync } from "node:fs";
import type { CalendarSpec } from "../../src/calendar/index.js";
import { type Contract, type ContractInput, parseContract } from "../../src/contracts/index.js";
import type {
  EscalationStep,
  TargetStatus,
  Ticket,
  TicketEvent,
  TicketStatus,
} from "../../src/escalation/index.js";

/** Parses a contract for a test (parseContract throws on any issue). */
export function makeContract(input: ContractInput): Contract {
  return parseContract(input);
}

/** Mon–Fri 09:00–12:00 and 13:00–18:00 in Shanghai; National Day 2025 (10-01…10-08) with make-up days 09-28, 10-11. */
export const CN_OFFICE: CalendarSpec = {
  timezone: "Asia/Shanghai",
  week: Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri"].map((d) => [
      d,
      [
        ["09:00", "12:00"],
        ["13:00", "18:00"],
      ],
    ]),
  ),
  holidays: [{ from: "2025-10-01", to: "2025-10-08", name: "National Day and Mid-Autumn" }],
  overrides: {
    "2025-09-28": [
      ["09:00", "12:00"],
      ["13:00", "18:00"],
    ],
    "2025-10-11": [
      ["09:00", "12:00"],
      ["13:00", "18:00"],
    ],
  },
};

export const SHANGHAI_24X7: CalendarSpec = { timezone: "Asia/Shanghai", week: "24x7" };

export const LEVELS = [
  { id: "level1", name: "major" },
  { id: "level2", name: "main" },
  { id: "level3", name: "minor" },
];

/** ISO with the +08:00 offset → epoch ms. */
export const cn = (local: string): number => Date.parse(`${local}+08:00`);
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** The example contract of a seed, as JSON. */
export function seedJson(name: string): ContractInput {
  return JSON.parse(
    readFileSync(new URL(`../../examples/contracts/${name}.json`, import.meta.url), "utf8"),
  ) as ContractInput;
}

/** A contract input whose fields a test may replace. */
export type Editable = { -readonly [K in keyof ContractInput]: ContractInput[K] };

/** The example contract of a seed, parsed; `change` may edit a copy of the JSON first. */
export function seed(name: string, change?: (input: Editable) => void): Contract {
  const input: Editable = seedJson(name);
  change?.(input);
  return parseContract(input);
}

const iso = (d: Date | null | undefined) => (d === null || d === undefined ? d : d.toISOString());

/** A target status with ISO strings, for readable expectations. */
export function brief(t: TargetStatus): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: t.id,
    cycle: t.cycle,
    state: t.state,
    level: t.level,
    startedAt: iso(t.startedAt),
    dueAt: iso(t.dueAt),
    lastCompliantAt: iso(t.lastCompliantAt),
    elapsedMs: t.elapsedMs,
    remainingMs: t.remainingMs,
    pausedMs: t.pausedMs,
  };
  if (t.stoppedAt !== undefined) out.stoppedAt = iso(t.stoppedAt);
  if (t.breachedAt !== undefined) out.breachedAt = iso(t.breachedAt);
  return out;
}

/** `targetId/cycle: state` per target. */
export const states = (s: TicketStatus): string[] => s.targets.map((t) => `${t.id}/${t.cycle}:${t.state}`);

/** `key state at` per step. */
export const steps = (s: TicketStatus): string[] =>
  s.escalations.map((e: EscalationStep) => `${e.key} ${e.state} ${e.at === null ? "-" : e.at.toISOString()}`);

export const target = (s: TicketStatus, id: string, cycle = 0): TargetStatus => {
  const t = s.targets.find((x) => x.id === id && x.cycle === cycle);
  if (t === undefined) throw new Error(`no target ${id}/${cycle} in ${states(s).join(", ")}`);
  return t;
};

/** An event at a local Shanghai time. */
export const ev = (type: string, local: string, extra: Partial<TicketEvent> = {}): TicketEvent => ({
  type,
  at: `${local}+08:00`,
  ...extra,
});

/**
 * Seed 003 with two resolution targets, PT16H for "general" on the office calendar: `resolve` pauses while the
 * status is "waitingCustomer", `resolveByEvents` between a waitingCustomer/customerReplied event pair.
 */
export function pausingContract(): Contract {
  return seed("seed-003-it-support", (c) => {
    c.targets = [
      ...c.targets,
      {
        id: "resolve",
        calendar: "office",
        start: { event: "opened" },
        stop: { event: "resolved" },
        pause: { statuses: ["waitingCustomer"] },
        duration: { general: "PT16H" },
      },
      {
        id: "resolveByEvents",
        calendar: "office",
        start: { event: "opened" },
        stop: { event: "resolved" },
        pause: { event: "waitingCustomer", resumeEvent: "customerReplied" },
        duration: { general: "PT16H" },
      },
    ];
  });
}

/** Opened Thu 2025-03-06 10:00; waiting for the customer from Fri 16:00 to Mon 11:00 (both ways of pausing). */
export const weekendPauseTicket: Ticket = {
  id: "T-pause",
  level: "general",
  events: [
    ev("opened", "2025-03-06T10:00:00"), // Thursday
    ev("statusChanged", "2025-03-07T16:00:00", { status: "waitingCustomer", seq: 1 }),
    ev("waitingCustomer", "2025-03-07T16:00:00", { seq: 2 }),
    ev("statusChanged", "2025-03-10T11:00:00", { status: "working", seq: 1 }), // Monday
    ev("customerReplied", "2025-03-10T11:00:00", { seq: 2 }),
  ],
};

/**
 * Seed 003 with `reply` (PT3H: steps at 50 %, 1 h before dueAt, 30 min after it) and `reply4` (PT4H: a step 1 h
 * before dueAt), on the office calendar (Mon–Fri 09:00–18:00).
 */
export function stepsContract(): Contract {
  return seed("seed-003-it-support", (c) => {
    c.eventTypes = ["replied"];
    c.targets = [
      ...c.targets,
      {
        id: "reply",
        calendar: "office",
        start: { event: "opened" },
        stop: { event: "replied" },
        duration: "PT3H",
        escalations: [
          { id: "half", at: { percent: 50 }, action: "notify" },
          { id: "warn", at: { beforeDue: "PT1H" }, action: "notify", to: ["lead"] },
          { id: "late", at: { afterDue: "PT30M" }, action: "notify", to: ["manager"] },
        ],
      },
      {
        id: "reply4",
        calendar: "office",
        start: { event: "opened" },
        stop: { event: "replied" },
        duration: "PT4H",
        escalations: [{ id: "warn", at: { beforeDue: "PT1H" }, action: "notify" }],
      },
    ];
  });
}
