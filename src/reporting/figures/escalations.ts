/**
 * The escalations figure: escalation steps per target, step and action, by state at `now`.
 * @internal
 * @module
 */
import { compareText } from "../../contracts/kernel.js";
import type { StepEvaluation } from "../../escalation/kernel.js";
import { byOrder } from "../context.js";
import type { Figure } from "../figure.js";
import { arrayAt, readCount, readObject, readText } from "../report-json.js";
import type { EscalationCount } from "../types.js";

interface EscalationAcc {
  readonly targetId: string;
  readonly stepId: string;
  readonly action: string;
  due: number;
  skipped: number;
  scheduled: number;
}

/** Step counts per target id, step id and action. @internal */
export interface EscalationsAcc {
  readonly byTarget: Map<string, Map<string, Map<string, EscalationAcc>>>;
  /** Per position in an evaluation's `steps`, the accumulator last used there (see `TargetsAcc.hints`). */
  readonly hints: EscalationAcc[];
}

/** Hints are kept for this many positions. */
const HINT_POSITIONS = 64;

function escalationAcc(acc: EscalationsAcc, targetId: string, stepId: string, action: string): EscalationAcc {
  let bySteps = acc.byTarget.get(targetId);
  if (bySteps === undefined) {
    bySteps = new Map();
    acc.byTarget.set(targetId, bySteps);
  }
  let byAction = bySteps.get(stepId);
  if (byAction === undefined) {
    byAction = new Map();
    bySteps.set(stepId, byAction);
  }
  let e = byAction.get(action);
  if (e === undefined) {
    e = { targetId, stepId, action, due: 0, skipped: 0, scheduled: 0 };
    byAction.set(action, e);
  }
  return e;
}

function isStep(e: EscalationAcc, step: StepEvaluation): boolean {
  return e.stepId === step.stepId && e.targetId === step.targetId && e.action === step.action;
}

/** `escalationAcc` for the step at position `i` of an evaluation. */
function escalationAt(acc: EscalationsAcc, i: number, step: StepEvaluation): EscalationAcc {
  const hints = acc.hints;
  const hint = hints[i];
  if (hint !== undefined && isStep(hint, step)) return hint;
  // A target with several cycles shifts the steps after it: the step is usually at another position.
  let found: EscalationAcc | undefined;
  for (const h of hints) {
    if (isStep(h, step)) {
      found = h;
      break;
    }
  }
  found ??= escalationAcc(acc, step.targetId, step.stepId, step.action);
  if (i < HINT_POSITIONS) hints[i] = found;
  return found;
}

function allEscalations(acc: EscalationsAcc): EscalationAcc[] {
  const out: EscalationAcc[] = [];
  for (const bySteps of acc.byTarget.values()) {
    for (const byAction of bySteps.values()) out.push(...byAction.values());
  }
  return out;
}

function emptyEscalations(): EscalationsAcc {
  return { byTarget: new Map(), hints: [] };
}

/** The `escalations` section. @internal */
export const escalationsFigure: Figure<EscalationsAcc, { escalations: EscalationCount[] }> = {
  empty: emptyEscalations,
  add(acc, e) {
    const steps = e.steps;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i] as StepEvaluation;
      const counted = escalationAt(acc, i, step);
      if (step.state === "due") counted.due += 1;
      else if (step.state === "skipped") counted.skipped += 1;
      else counted.scheduled += 1;
    }
  },
  absorb(into, from) {
    for (const e of allEscalations(from)) {
      const mine = escalationAcc(into, e.targetId, e.stepId, e.action);
      mine.due += e.due;
      mine.skipped += e.skipped;
      mine.scheduled += e.scheduled;
    }
  },
  finish(acc, { targetOrder }) {
    return {
      escalations: allEscalations(acc)
        .sort(
          (a, b) =>
            byOrder(targetOrder, a.targetId, b.targetId) ||
            compareText(a.stepId, b.stepId) ||
            compareText(a.action, b.action),
        )
        .map((e) => ({ ...e })),
    };
  },
  read(report, path) {
    const acc = emptyEscalations();
    arrayAt(report as unknown as Record<string, unknown>, "escalations", path).forEach((item, i) => {
      const where = `${path}.escalations[${i}]`;
      const e = readObject(item, where);
      const counted = escalationAcc(
        acc,
        readText(e.targetId, `${where}.targetId`),
        readText(e.stepId, `${where}.stepId`),
        readText(e.action, `${where}.action`),
      );
      counted.due += readCount(e.due, `${where}.due`);
      counted.skipped += readCount(e.skipped, `${where}.skipped`);
      counted.scheduled += readCount(e.scheduled, `${where}.scheduled`);
    });
    return acc;
  },
};
