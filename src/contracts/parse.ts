/**
 * `parseContract` and `safeParseContract`: untrusted JSON in, a validated, compiled, frozen `Contract` out.
 *
 * **Three passes, one list of issues.**
 * 1. The prepass (`prepass.ts`) looks at the untrusted value before anything else: size, nesting, cycles,
 *    prototype-polluting keys and values that are not JSON. It refuses outright what is too big to look at, and
 *    hands on a plain copy of the data, so that nothing later reads the caller's objects (or their getters) again.
 * 2. The schema (zod, `schemas.ts`) checks the shape: fields, types, enums, patterns, unknown keys. Its issues
 *    become ours in `issues.ts`.
 * 3. The semantic pass (`compile.ts`, `compile/`) checks the meaning: zones, calendars, durations, references
 *    between ids, `breachOf` cycles, conditions, recurrence rules, the term; and builds the compiled contract.
 *
 * The schema and the semantic pass both run, always, so that one call reports every issue. They cannot be one:
 * the calendar validates its own spec (`compileCalendar` is public and takes plain data), and the calendar must
 * not import zod, so calendars, durations and zones keep their own checks and messages; the schema describes
 * the same shapes for the JSON Schema and for the fields outside the calendar. This is why the semantic pass
 * reads the raw data defensively: it runs over data the schema may have rejected anywhere.
 *
 * **The merge rule.** Issues are listed in pass order, prepass first, and a later issue gives way to an earlier
 * one about the same place:
 * - a schema issue is dropped when it lies at or under the path of an issue already listed (of the prepass, or
 *   an earlier one of the schema), or under a calendar whose compilation failed (the calendar's own message says
 *   what is wrong there);
 * - a semantic issue is dropped when a prepass or schema issue lies at or under its path (that one is the more
 *   precise), or when the same code, path and message is already listed.
 *
 * "At or under" is path containment: `targets[0]` contains `targets[0]`, `targets[0].duration` and
 * `targets[0][1]`, and `""` (the whole contract) contains every path. At most `CONTRACT_LIMITS.issues` issues
 * are listed; one more `E_LIMIT` issue at `""` counts the rest.
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
      /** `true`: the contract is valid and `data` holds it. */
      readonly success: true;
      /** The validated, compiled, frozen contract, as `parseContract` returns it. */
      readonly data: Contract;
      /**
       * The same object as `data`.
       * @deprecated Since 0.2.0: read `data`, as with zod. `contract` is removed in 0.3.0.
       */
      readonly contract: Contract;
      /** Absent on success. */
      readonly error?: never;
    }
  | {
      /** `false`: the contract is invalid and `error` lists why. */
      readonly success: false;
      /** Every issue, each with its own `code`, `path` and message. */
      readonly error: ContractValidationError;
      /** Absent on failure. */
      readonly data?: never;
    };

/** Whether the path `child` lies at or under the path `parent` (`""` holds every path). */
function within(child: string, parent: string): boolean {
  return (
    child === parent || parent === "" || child.startsWith(`${parent}.`) || child.startsWith(`${parent}[`)
  );
}

/** Adds the schema's issues that no listed issue or failed calendar covers (see the module doc). */
function addSchemaIssues(
  issues: IssueDraft[],
  fromSchema: readonly IssueDraft[],
  failedCalendars: ReadonlySet<string>,
): void {
  for (const issue of fromSchema) {
    if (issues.some((i) => within(issue.path, i.path))) continue;
    if ([...failedCalendars].some((p) => within(issue.path, p))) continue;
    issues.push(issue);
  }
}

/** Adds the semantic pass's issues that no earlier pass covers and that are not listed yet (see the module doc). */
function addSemanticIssues(issues: IssueDraft[], fromCompile: readonly IssueDraft[]): void {
  const earlier = issues.slice();
  for (const issue of fromCompile) {
    if (earlier.some((i) => within(i.path, issue.path))) continue;
    if (issues.some((i) => i.path === issue.path && i.code === issue.code && i.message === issue.message))
      continue;
    issues.push(issue);
  }
}

/** The first `CONTRACT_LIMITS.issues` issues, and one `E_LIMIT` issue counting the others. */
function capped(issues: readonly IssueDraft[]): IssueDraft[] {
  const shown = issues.slice(0, CONTRACT_LIMITS.issues);
  if (issues.length > shown.length) {
    shown.push({
      code: "E_LIMIT",
      path: "",
      message: `${issues.length - shown.length} more issues not listed`,
    });
  }
  return shown;
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
  if (!parsed.success)
    addSchemaIssues(issues, convertIssues(data, parsed.error.issues), compiled.failedCalendars);
  addSemanticIssues(issues, compiled.issues);
  if (issues.length > 0)
    return Object.freeze({ success: false, error: new ContractValidationError(capped(issues)) });
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
