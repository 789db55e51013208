/**
 * Ticket evaluation: the state of every clock of a ticket at `now`, its deadlines and breaches, the escalation
 * steps due, the next instant anything changes, and the evidence behind each deadline.
 *
 * @module escalation
 */
export { evaluateTicket } from "./evaluate.js";
export { explainTarget } from "./explain.js";
export { formatStepKey, parseStepKey, type StepKeyParts } from "./step-key.js";
export type {
  EscalationStep,
  EvaluateTicketOptions,
  EvaluationWarning,
  ExplainedDst,
  ExplainedPause,
  ExplainedPeriod,
  ExplainTargetOptions,
  Explanation,
  NextCheck,
  NextCheckChange,
  TargetState,
  TargetStatus,
  Ticket,
  TicketEvent,
  TicketStatus,
} from "./types.js";
