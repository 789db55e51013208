/**
 * Generated ticket statuses around October 2025 (Asia/Shanghai) for reporting properties.
 */
import { fc } from "@fast-check/vitest";
import type { TargetState, TargetStatus, TicketStatus } from "../../src/escalation/types.js";
import type { BuildReportOptions, PerformedInspection } from "../../src/reporting/types.js";
import { MIN } from "./fixtures.js";

export const FROM = Date.parse("2025-10-01T00:00:00+08:00");
export const TO = Date.parse("2025-11-01T00:00:00+08:00");
export const NOW = TO + 2 * 3_600_000;
const DAY = 86_400_000;

/** Elapsed values: few distinct ones (ties, exact summaries) or many (bucketed summaries). */
const elapsed = fc.oneof(
  fc.integer({ min: 0, max: 6 }).map((m) => m * 5 * MIN),
  fc.integer({ min: 0, max: 40 * DAY }),
);

const offset = fc.integer({ min: 0, max: 3 * DAY });

const targetStatus = (openedAt: number): fc.Arbitrary<TargetStatus> =>
  fc
    .record({
      id: fc.constantFrom("response", "resolve", "problemReport", "zzUnlisted"),
      cycle: fc.integer({ min: 0, max: 2 }),
      state: fc.constantFrom<TargetState>("pending", "running", "paused", "met", "breached", "cancelled"),
      level: fc.constantFrom("level1", "level2", "levelX"),
      targetMs: fc.option(fc.constantFrom(30 * MIN, 60 * MIN), { nil: undefined }),
      elapsedMs: elapsed,
      due: fc.option(offset, { nil: null }),
      stop: fc.option(offset, { nil: undefined }),
      breach: fc.option(offset, { nil: undefined }),
    })
    .map((t) => ({
      id: t.id,
      cycle: t.cycle,
      state: t.state,
      level: t.level,
      targetMs: t.targetMs,
      startedAt: t.state === "pending" ? null : new Date(openedAt),
      dueAt: t.due === null ? null : new Date(openedAt + t.due),
      lastCompliantAt: t.due === null ? null : new Date(openedAt + t.due),
      ...(t.stop === undefined || !(t.state === "met" || t.state === "breached")
        ? {}
        : { stoppedAt: new Date(openedAt + t.stop) }),
      ...(t.breach === undefined ? {} : { breachedAt: new Date(openedAt + t.breach) }),
      elapsedMs: t.elapsedMs,
      remainingMs: 0,
      pausedMs: 0,
    }));

/** A ticket status opened within two days of the October window (some outside it, some after `now`). */
export const ticketStatus = (id: string): fc.Arbitrary<TicketStatus> =>
  fc.integer({ min: FROM - 2 * DAY, max: NOW + DAY }).chain((openedAt) =>
    fc
      .record({
        level: fc.constantFrom("level1", "level2", "levelX"),
        phase: fc.constantFrom<TicketStatus["phase"]>("warranty", "postWarranty", "none"),
        channel: fc.option(fc.constantFrom("consultation", "onSite", "=cmd", 'a,b"c'), { nil: undefined }),
        resolved: fc.option(offset, { nil: null }),
        closed: fc.boolean(),
        targets: fc.array(targetStatus(openedAt), { maxLength: 4 }),
        surveys: fc.array(
          fc.record({
            channel: fc.constantFrom("consultation", "onSite", "product"),
            satisfied: fc.boolean(),
          }),
          {
            maxLength: 2,
          },
        ),
        escalations: fc.array(
          fc.record({
            targetId: fc.constantFrom("response", "resolve"),
            stepId: fc.constantFrom("remind30", "reassign45"),
            action: fc.constantFrom("notify", "reassign"),
            state: fc.constantFrom<"scheduled" | "due" | "skipped">("scheduled", "due", "skipped"),
          }),
          { maxLength: 2 },
        ),
      })
      .map(
        (o): TicketStatus => ({
          id,
          level: o.level,
          phase: o.phase,
          openedAt: new Date(openedAt),
          resolvedAt: o.resolved === null ? null : new Date(openedAt + o.resolved),
          closedAt: o.resolved !== null && o.closed ? new Date(openedAt + o.resolved + MIN) : null,
          channel: o.channel,
          targets: o.targets,
          escalations: o.escalations.map((e) => ({
            key: `${id}/${e.targetId}/0/${e.stepId}`,
            ticketId: id,
            cycle: 0,
            to: [],
            at: null,
            ...e,
          })),
          surveys: o.surveys.map((s) => ({ ...s, at: new Date(openedAt + DAY) })),
          nextCheckAt: null,
          warnings: [],
        }),
      ),
  );

/** Up to `max` statuses with distinct ids (`prefix0`, `prefix1`, …). */
export const ticketStatuses = (max: number, prefix = "t"): fc.Arbitrary<TicketStatus[]> =>
  fc
    .integer({ min: 0, max })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => ticketStatus(`${prefix}${i}`))));

/** Report options that exercise the caps and the bucketed summaries. */
export const keepOptions = fc.record({
  rows: fc.oneof(fc.constantFrom<"all" | "breaches">("all", "breaches"), fc.integer({ min: 0, max: 8 })),
  breaches: fc.oneof(fc.constant<"all">("all"), fc.integer({ min: 0, max: 4 })),
  exactValues: fc.constantFrom(0, 1, 3, 10_000),
});

/** Performed inspections (or none given). */
export const performed: fc.Arbitrary<PerformedInspection[] | undefined> = fc.option(
  fc.array(
    fc.record({
      inspectionId: fc.constantFrom("monthly", "annual"),
      at: fc.integer({ min: FROM - 5 * DAY, max: TO + 10 * DAY }),
    }),
    { maxLength: 4 },
  ),
  { nil: undefined },
);

export const baseOptions: BuildReportOptions = { from: FROM, to: TO, now: NOW };
