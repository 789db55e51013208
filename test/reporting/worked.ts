/**
 * The worked example: seven hand-built ticket statuses of October 2025 (Asia/Shanghai, UTC+8) for the contract
 * of fixtures.ts. The expected figures are derived by hand in report.test.ts.
 */
import type { PlanItem } from "../../src/reporting/figures/inspections.js";
import type { BuildReportOptions } from "../../src/reporting/types.js";
import { status, target } from "./fixtures.js";

export const options: BuildReportOptions = {
  period: { month: "2025-10" },
  now: "2025-11-01T00:00:00+08:00",
  inspections: [
    { inspectionId: "monthly", at: "2025-10-05T10:00:00+08:00" },
    { inspectionId: "monthly", at: "2025-09-20T10:00:00+08:00" },
  ],
};

/** Planned inspections over the window (what inspectionPlan would give). */
export const plan: PlanItem[] = [
  // done on 10-05
  {
    inspectionId: "monthly",
    from: Date.parse("2025-10-01T00:00:00+08:00"),
    dueAt: Date.parse("2025-10-08T00:00:00+08:00"),
    required: 1,
  },
  // never done: missed
  {
    inspectionId: "annual",
    from: Date.parse("2025-10-01T00:00:00+08:00"),
    dueAt: Date.parse("2025-10-31T23:59:59.999+08:00"),
    required: 1,
  },
  // due after now: upcoming, not counted
  {
    inspectionId: "monthly",
    from: Date.parse("2025-11-01T00:00:00+08:00"),
    dueAt: Date.parse("2025-11-08T00:00:00+08:00"),
    required: 1,
  },
];

export const statuses = [
  status("T1", {
    level: "level2",
    channel: "consultation",
    opened: "2025-10-01T09:00:00+08:00",
    resolved: "2025-10-01T09:04:00+08:00",
    closed: "2025-10-01T09:30:00+08:00",
    targets: [
      target("response", "level2", "met", {
        start: "2025-10-01T09:00:00+08:00",
        due: "2025-10-01T09:30:00+08:00",
        stop: "2025-10-01T09:02:00+08:00",
        elapsedMin: 2,
      }),
      target("resolve", "level2", "met", {
        start: "2025-10-01T09:00:00+08:00",
        due: "2025-10-01T10:00:00+08:00",
        stop: "2025-10-01T09:04:00+08:00",
        elapsedMin: 4,
        targetMin: 60,
      }),
      target("problemReport", "level2", "met", {
        start: "2025-10-01T09:04:00+08:00",
        due: "2025-10-02T09:04:00+08:00",
        stop: "2025-10-01T10:04:00+08:00",
        elapsedMin: 60,
        targetMin: 1440,
      }),
    ],
    surveys: [{ channel: "consultation", satisfied: true, at: "2025-10-01T09:30:00+08:00" }],
    escalations: [{ targetId: "response", stepId: "remind30", action: "notify", state: "skipped" }],
  }),
  status("T2", {
    level: "level2",
    channel: "consultation",
    opened: "2025-10-02T10:00:00+08:00",
    resolved: "2025-10-02T10:10:00+08:00",
    closed: "2025-10-02T10:20:00+08:00",
    targets: [
      target("response", "level2", "met", {
        start: "2025-10-02T10:00:00+08:00",
        due: "2025-10-02T10:30:00+08:00",
        stop: "2025-10-02T10:05:00+08:00",
        elapsedMin: 5,
      }),
      target("resolve", "level2", "met", {
        start: "2025-10-02T10:00:00+08:00",
        due: "2025-10-02T11:00:00+08:00",
        stop: "2025-10-02T10:10:00+08:00",
        elapsedMin: 10,
        targetMin: 60,
      }),
      target("problemReport", "level2", "breached", {
        start: "2025-10-02T10:10:00+08:00",
        due: "2025-10-03T10:10:00+08:00",
        breach: "2025-10-03T10:10:00.001+08:00",
        stop: "2025-10-03T11:10:00+08:00",
        elapsedMin: 1500,
        targetMin: 1440,
      }),
    ],
    surveys: [{ channel: "consultation", satisfied: false, at: "2025-10-02T10:20:00+08:00" }],
  }),
  status("T3", {
    level: "level1",
    channel: "onSite",
    opened: "2025-10-03T23:50:00+08:00",
    resolved: "2025-10-04T02:00:00+08:00",
    targets: [
      target("response", "level1", "met", {
        start: "2025-10-03T23:50:00+08:00",
        due: "2025-10-04T00:20:00+08:00",
        stop: "2025-10-04T00:10:00+08:00",
        elapsedMin: 20,
      }),
      target("resolve", "level1", "breached", {
        start: "2025-10-03T23:50:00+08:00",
        due: "2025-10-04T00:50:00+08:00",
        // 2025-10-03T16:50Z: a UTC date differs from the local date 10-04
        breach: "2025-10-04T00:50:00.001+08:00",
        stop: "2025-10-04T02:00:00+08:00",
        elapsedMin: 130,
        targetMin: 60,
      }),
      target("problemReport", "level1", "met", {
        start: "2025-10-04T02:00:00+08:00",
        due: "2025-10-05T02:00:00+08:00",
        stop: "2025-10-04T12:00:00+08:00",
        elapsedMin: 600,
        targetMin: 1440,
      }),
    ],
    surveys: [{ channel: "onSite", satisfied: true, at: "2025-10-04T03:00:00+08:00" }],
  }),
  status("T4", {
    level: "level1",
    channel: "onSite",
    opened: "2025-10-15T08:00:00+08:00",
    targets: [
      // still running, late since 08:30: open and breached
      target("response", "level1", "running", {
        start: "2025-10-15T08:00:00+08:00",
        due: "2025-10-15T08:30:00+08:00",
        breach: "2025-10-15T08:30:00.001+08:00",
        elapsedMin: 24_000,
      }),
      // the other way an evaluator may say it: state "breached" without a stop
      target("resolve", "level1", "breached", {
        start: "2025-10-15T08:00:00+08:00",
        due: "2025-10-15T09:00:00+08:00",
        breach: "2025-10-15T09:00:00.001+08:00",
        elapsedMin: 24_000,
        targetMin: 60,
      }),
      target("problemReport", "level1", "pending", { elapsedMin: 0, targetMin: 1440 }),
    ],
    escalations: [{ targetId: "response", stepId: "reassign45", action: "reassign", state: "due" }],
  }),
  status("T5", {
    level: "level2",
    channel: "consultation",
    opened: "2025-10-20T14:00:00+08:00",
    resolved: "2025-10-20T14:05:00+08:00",
    targets: [
      target("response", "level2", "met", {
        start: "2025-10-20T14:00:00+08:00",
        due: "2025-10-20T14:30:00+08:00",
        stop: "2025-10-20T14:01:00+08:00",
        elapsedMin: 1,
      }),
      target("resolve", "level2", "met", {
        start: "2025-10-20T14:00:00+08:00",
        due: "2025-10-20T15:00:00+08:00",
        stop: "2025-10-20T14:05:00+08:00",
        elapsedMin: 5,
        targetMin: 60,
      }),
      target("problemReport", "level2", "met", {
        start: "2025-10-20T14:05:00+08:00",
        due: "2025-10-21T14:05:00+08:00",
        stop: "2025-10-20T16:05:00+08:00",
        elapsedMin: 120,
        targetMin: 1440,
      }),
    ],
    surveys: [{ channel: "consultation", satisfied: true, at: "2025-10-20T15:00:00+08:00" }],
  }),
  status("T6", {
    level: "level2",
    channel: "consultation",
    opened: "2025-10-31T23:59:00+08:00",
    targets: [
      target("response", "level2", "running", {
        start: "2025-10-31T23:59:00+08:00",
        due: "2025-11-01T00:29:00+08:00",
        elapsedMin: 1,
      }),
      target("resolve", "level2", "paused", {
        start: "2025-10-31T23:59:00+08:00",
        due: "2025-11-01T00:59:00+08:00",
        elapsedMin: 1,
        targetMin: 60,
      }),
    ],
    escalations: [{ targetId: "response", stepId: "remind30", action: "notify", state: "scheduled" }],
  }),
  // Opened one minute before the period: not counted.
  status("T7", {
    level: "level2",
    channel: "consultation",
    opened: "2025-09-30T23:59:00+08:00",
    targets: [
      target("response", "level2", "met", {
        start: "2025-09-30T23:59:00+08:00",
        stop: "2025-10-01T00:01:00+08:00",
        elapsedMin: 2,
      }),
    ],
  }),
];
