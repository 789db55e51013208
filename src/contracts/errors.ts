/**
 * The error `parseContract` throws: every issue of a contract, each with its code and JSON path.
 * @module
 */
import { type PathSegment, parsePath, SlaError, type SlaErrorCode } from "../errors.js";

/**
 * One problem found in a contract.
 * @category Contracts
 */
export interface ContractIssue {
  /** Stable code, e.g. `"E_TZ_UNKNOWN"`, `"E_REF_UNKNOWN"`, `"E_UNKNOWN_KEY"`. */
  readonly code: SlaErrorCode;
  /** JSON path of the offending value, e.g. `"calendars.emea.timezone"` or `"targets[2].duration.level1"`; `""` for the whole input. */
  readonly path: string;
  /** What was received and what was expected, without the path. */
  readonly message: string;
  /** The path as segments, e.g. `["targets", 2, "duration", "level1"]`, for form UIs (as zod's issues give it). */
  readonly pathSegments: readonly PathSegment[];
}

/** An issue as the checks write it: the path as text; `ContractValidationError` adds its segments. @internal */
export type IssueDraft = Omit<ContractIssue, "pathSegments">;

/**
 * The message of an `SlaError` as an issue carries it: without the `"\n  → at <path>"` line that `SlaError`
 * appends to its message (an issue keeps the path apart).
 * @internal
 */
export function messageWithoutPath(error: SlaError): string {
  return error.reason;
}

/**
 * The issue an `SlaError` stands for: its code and path, and its message without the path.
 *
 * @example
 * ```ts
 * issueFromError(new SlaError("E_DURATION", "Expected …", "targets[0].duration"));
 * //=> { code: "E_DURATION", path: "targets[0].duration", message: "Expected …" }
 * ```
 * @internal
 */
export function issueFromError(error: SlaError): IssueDraft {
  return { code: error.code, path: error.path, message: messageWithoutPath(error) };
}

function format(issues: readonly IssueDraft[]): string {
  const head = `Invalid contract: ${issues.length} issue${issues.length === 1 ? "" : "s"}`;
  const lines = issues.map((i) => (i.path === "" ? `✖ ${i.message}` : `✖ ${i.message}\n  → at ${i.path}`));
  return [head, ...lines].join("\n");
}

/**
 * Thrown by `parseContract` (and returned by `safeParseContract`): the contract is invalid. Its `issues` list every
 * problem found, in document order where possible; its message prints them one per line:
 *
 * ```
 * Invalid contract: 1 issue
 * ✖ Unknown IANA time zone "Europe/Lodnon": did you mean "Europe/London"?
 *   → at calendars.emea.timezone
 * ```
 *
 * @example
 * ```ts
 * try { parseContract(json); }
 * catch (e) {
 *   if (e instanceof ContractValidationError) e.issues[0]; //=> { code: "E_TZ_UNKNOWN", path: "calendars.emea.timezone", message: "…" }
 * }
 * ```
 * @category Contracts
 */
export class ContractValidationError extends SlaError {
  /** Every problem found, each with its code and path. */
  readonly issues: readonly ContractIssue[];

  /**
   * An error with code `E_CONTRACT`, an empty path, and a message that lists every issue, one per line.
   * @param issues - The problems found (at least one), each without `pathSegments` (derived from `path`).
   */
  constructor(issues: readonly Omit<ContractIssue, "pathSegments">[]) {
    super("E_CONTRACT", format(issues), "");
    this.issues = Object.freeze(
      issues.map((i) =>
        Object.freeze({
          code: i.code,
          path: i.path,
          message: i.message,
          pathSegments: Object.freeze(parsePath(i.path)),
        }),
      ),
    );
  }
}

/**
 * The short name of {@link ContractValidationError}: the same class.
 *
 * @example
 * ```ts
 * ContractError === ContractValidationError; //=> true
 * ```
 * @category Errors
 */
export const ContractError = ContractValidationError;
/** The short name of {@link ContractValidationError}. @category Errors */
export type ContractError = ContractValidationError;
