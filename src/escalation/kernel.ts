/**
 * The escalation module's one internal door for `reporting`: ticket evaluation in epoch ms. Reporting imports
 * `escalation` only through `index.ts` (public) or this file (an architecture test checks it).
 * @internal
 * @module
 */
export { evaluate } from "./evaluate.js";
export type {
  Evaluation,
  NextChange,
  StepEvaluation,
  SurveyEvaluation,
  TargetEvaluation,
} from "./evaluation.js";
