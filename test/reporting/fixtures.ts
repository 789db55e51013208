/**
 * Hand-built contracts and ticket statuses for reporting tests (no evaluation involved).
 */
import { type Contract, parseContract } from "../../src/contracts/index.js";
import type { ContractInput } from "../../src/contracts/types.js";
import type { EscalationStep, TargetState, TargetStatus, TicketStatus } from "../../src/escalation/types.js";

export const MIN = 60_000;
export const HOUR = 3_600_000;

/** Seed 000-like contract: consultation / on-site channels, two levels, three targets, the seed's KPIs. */
export const contractInput: ContractInput = {
  id: "school-digital-teaching",
  name: "School digital-teaching system (seed 000)",
  timezone: "Asia/Shanghai",
  calendars: { always: { timezone: "Asia/Shanghai", week: "24x7" } },
  levels: [
    { id: "level1", name: "Major" },
    { id: "level2", name: "General" },
  ],
  targets: [
    {
      id: "response",
      name: "Response",
      calendar: "always",
      start: { event: "opened" },
      stop: { event: "responded" },
      duration: "PT30M",
    },
    {
      id: "resolve",
      name: "Resolve",
      calendar: "always",
      start: { event: "opened" },
      stop: { event: "resolved" },
      duration: "PT1H",
    },
    {
      id: "problemReport",
      name: "Problem report",
      calendar: "always",
      start: { event: "resolved" },
      stop: { event: "reportDelivered" },
      duration: "PT24H",
    },
  ],
  inspections: [{ id: "monthly", rrule: "FREQ=MONTHLY;BYMONTHDAY=1", start: "2025-01-01", due: "P5D" }],
  kpis: [
    { id: "satConsultation", kind: "satisfaction", channel: "consultation", min: 0.98 },
    { id: "satOnSite", kind: "satisfaction", channel: "onSite", min: 0.95 },
    { id: "satProduct", kind: "satisfaction", channel: "product", min: 0.95 },
    { id: "handlingConsultation", kind: "meanHandlingTime", channel: "consultation", max: "PT6M" },
    { id: "resolutionRate", kind: "resolutionRate", min: 0.6 },
    { id: "resolveAll", kind: "targetCompliance", target: "resolve", min: 0.95 },
    { id: "resolveGeneral", kind: "targetCompliance", target: "resolve", level: "level2", min: 0.95 },
    { id: "problemReport24h", kind: "targetCompliance", target: "problemReport", min: 0.9 },
    { id: "inspections", kind: "inspectionCompliance", min: 1 },
  ],
};

/** The contract of the reporting tests, parsed (frozen, with its compiled form). */
export const contract: Contract = parseContract(contractInput);

const d = (iso: string): Date => new Date(iso);

export interface TargetSpec {
  readonly cycle?: number;
  readonly start?: string;
  readonly due?: string;
  readonly stop?: string;
  readonly breach?: string;
  readonly elapsedMin: number;
  readonly targetMin?: number;
}

/** A target cycle status; times are ISO strings with offsets. */
export function target(id: string, level: string, state: TargetState, o: TargetSpec): TargetStatus {
  const elapsedMs = Math.round(o.elapsedMin * MIN);
  const targetMs = o.targetMin === undefined ? 30 * MIN : o.targetMin * MIN;
  const base = {
    id,
    cycle: o.cycle ?? 0,
    state,
    level,
    targetMs,
    startedAt: o.start === undefined ? null : d(o.start),
    dueAt: o.due === undefined ? null : d(o.due),
    lastCompliantAt: o.due === undefined ? null : d(o.due),
    elapsedMs,
    remainingMs: Math.max(0, targetMs - elapsedMs),
    pausedMs: 0,
  };
  return {
    ...base,
    ...(o.stop === undefined ? {} : { stoppedAt: d(o.stop) }),
    ...(o.breach === undefined ? {} : { breachedAt: d(o.breach) }),
  };
}

export interface StatusSpec {
  readonly level: string;
  readonly channel?: string;
  readonly phase?: TicketStatus["phase"];
  readonly opened: string;
  readonly resolved?: string;
  readonly closed?: string;
  readonly targets?: readonly TargetStatus[];
  readonly surveys?: readonly { channel: string; satisfied: boolean; at: string }[];
  readonly escalations?: readonly Pick<EscalationStep, "targetId" | "stepId" | "action" | "state">[];
}

/** A ticket status as `evaluateTicket` would return it. */
export function status(id: string, o: StatusSpec): TicketStatus {
  return {
    id,
    level: o.level,
    phase: o.phase ?? "warranty",
    openedAt: d(o.opened),
    resolvedAt: o.resolved === undefined ? null : d(o.resolved),
    closedAt: o.closed === undefined ? null : d(o.closed),
    channel: o.channel,
    targets: o.targets ?? [],
    escalations: (o.escalations ?? []).map((e) => ({
      key: `${id}/${e.targetId}/0/${e.stepId}`,
      ticketId: id,
      targetId: e.targetId,
      cycle: 0,
      stepId: e.stepId,
      action: e.action,
      to: [],
      state: e.state,
      at: null,
    })),
    surveys: (o.surveys ?? []).map((s) => ({ channel: s.channel, satisfied: s.satisfied, at: d(s.at) })),
    nextCheckAt: null,
    warnings: [],
  };
}
