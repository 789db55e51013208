/**
 * Service contracts as validated, declarative data: parse and compile a contract, classify tickets into fault
 * levels, find the phase of the contract term, and plan inspections.
 *
 * @module contracts
 */
export { classifyTicket, type TicketFacts } from "./classify.js";
export { type Coverage, coverageAt } from "./coverage.js";
export { ContractError, type ContractIssue, ContractValidationError } from "./errors.js";
export { type InspectionDue, inspectionPlan } from "./inspection-plan.js";
export { parseContract, type SafeParseContractResult, safeParseContract } from "./parse.js";
export { CONTRACT_LIMITS } from "./prepass.js";
export {
  BUILTIN_EVENT_TYPES,
  type CompiledStep,
  type CompiledTarget,
  type ConditionInput,
  type ConditionOperator,
  type Contract,
  type ContractInput,
  type InspectionInput,
  type KpiCommonInput,
  type KpiInput,
  type LevelInput,
  type PauseInput,
  type PhaseInput,
  type StartInput,
  type StepAtInput,
  type StepInput,
  type TargetInput,
  type TermInput,
} from "./types.js";
