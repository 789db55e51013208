/**
 * `parseContract` and `safeParseContract`: untrusted JSON in, a validated, compiled, frozen `Contract` out.
 * @module
 */
import { compileContract } from "./compile.js";
import { ContractValidationError, type IssueDraft } from "./errors.js";
import { convertIssues } from "./issues.js";
import { CONTRACT_LIMITS, prepass } from "./prepass.js";
import { schemas } from "./schemas.js";
import type { Contract } from "./types.js";

/**
 * The result of {@link safeParseContract}, shaped like zod's `safeParse`: `{ success: true, data }` or
 * `{ success: false, error }`. Check `success` first; TypeScript then knows which of the two it is.
 * @category Contracts
 */
export type SafeParseContractResult =
  | {
      readonly success: true;
      /** The validated, compiled, frozen contract, as `parseContract` returns it. */
      readonly data: Contract;
      /**
       * The same object as `data`.
       * @deprecated Since 0.2.0: read `data`, as with zod. `contract` is removed in 0.3.0.
       */
      readonly contract: Contract;
      readonly error?: never;
    }
  | {
      readonly success: false;
      /** Every issue, each with its own `code`, `path` and message. */
      readonly error: ContractValidationError;
      readonly data?: never;
    };

function within(child: string, parent: string): boolean {
  return (
    child === parent || parent === "" || child.startsWith(`${parent}.`) || child.startsWith(`${parent}[`)
  );
}

/**
 * Validates and compiles a contract without throwing for invalid input.
 *
 * @param input - The contract as parsed JSON (`JSON.parse` output or an equivalent plain object).
 * @returns `{ success: true, data }` with the contract `parseContract` would return, or `{ success: false, error }`
 *   with a {@link ContractValidationError} that lists every issue. The result is frozen. (The success result also
 *   carries the contract as `contract`, deprecated: read `data`.)
 * @example
 * ```ts
 * const result = safeParseContract({ id: "x" });
 * result.success; //=> false
 * if (!result.success) result.error.issues[0]; //=> { code: "E_MISSING", path: "timezone", message: 'Missing required field "timezone": …' }
 * const ok = safeParseContract(JSON.parse(text));
 * if (ok.success) ok.data.targets.length; //=> the number of targets
 * ```
 * @category Contracts
 */
export function safeParseContract(input: unknown): SafeParseContractResult {
  let pre: ReturnType<typeof prepass>;
  try {
    pre = prepass(input);
  } catch (error) {
    if (error instanceof ContractValidationError) return Object.freeze({ success: false, error });
    throw error;
  }
  const { data } = pre;
  const issues: IssueDraft[] = [...pre.issues.issues];
  const parsed = schemas().contract.safeParse(data);
  const compiled = compileContract(data);
  if (!parsed.success) {
    for (const issue of convertIssues(data, parsed.error.issues)) {
      if (issues.some((i) => within(issue.path, i.path))) continue;
      if ([...compiled.failedCalendars].some((p) => within(issue.path, p))) continue;
      issues.push(issue);
    }
  }
  const fromSchema = issues.length;
  for (const issue of compiled.issues) {
    const earlier = issues.slice(0, fromSchema);
    if (earlier.some((i) => within(i.path, issue.path))) continue;
    if (issues.some((i) => i.path === issue.path && i.code === issue.code && i.message === issue.message))
      continue;
    issues.push(issue);
  }
  if (issues.length > 0) {
    const shown = issues.slice(0, CONTRACT_LIMITS.issues);
    if (issues.length > shown.length) {
      shown.push({
        code: "E_LIMIT",
        path: "",
        message: `${issues.length - shown.length} more issues not listed`,
      });
    }
    return Object.freeze({ success: false, error: new ContractValidationError(shown) });
  }
  const contract = compiled.build();
  return Object.freeze({ success: true, data: contract, contract });
}

/**
 * Validates a contract written as JSON and compiles it: calendars compiled once, durations parsed, references,
 * conditions and recurrence rules checked once. The result is frozen and can be shared.
 *
 * Checks, in one pass that reports every issue: size and nesting before anything else (about 1 MB of JSON,
 * 64 levels), keys that could pollute prototypes (`__proto__`, `constructor`, `prototype`) anywhere, unknown
 * fields (with a "did you mean"), types without coercion, IANA zones, calendar hours, ISO 8601 durations,
 * references between calendars, levels, targets (`breachOf` without cycles), tiers, phases and KPIs, condition
 * depth (16), size (1000 nodes), operators and value types, and RRULEs (bounded, non-empty within 100 years).
 *
 * @param input - The contract as parsed JSON.
 * @returns The compiled contract. `contract.input` is a frozen copy of the input without its top-level `"$schema"`
 *   (a pointer for editors, not part of the contract: with or without it, the same contract and the same report
 *   fingerprint); a JSON round trip of it parses to an equal contract.
 * @throws ContractValidationError (`code` `"E_CONTRACT"`) listing every issue with its own code and path, e.g.
 *   `E_TZ_UNKNOWN` at `calendars.emea.timezone`, `E_REF_UNKNOWN` at `targets[1].calendar`, `E_UNKNOWN_KEY`,
 *   `E_DURATION`, `E_CONDITION`, `E_CONDITION_DEPTH`, `E_RRULE_INVALID`, `E_RRULE_EMPTY`, `E_LIMIT`.
 * @example
 * ```ts
 * const contract = parseContract({
 *   id: "helpdesk",
 *   timezone: "Asia/Shanghai",
 *   calendars: { hotline: { timezone: "Asia/Shanghai", week: "24x7" } },
 *   levels: [{ id: "general" }],
 *   targets: [{ id: "response", calendar: "hotline", start: { event: "opened" }, stop: { event: "responded" }, duration: "PT30M" }],
 * });
 * contract.targets[0].durationFor("general"); //=> { kind: "time", ms: 1800000 }
 * ```
 * @category Contracts
 */
export function parseContract(input: unknown): Contract {
  const result = safeParseContract(input);
  if (!result.success) throw result.error;
  return result.data;
}
