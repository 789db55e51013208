/**
 * Step keys: `ticket/target/cycle/step`, the name under which a host fires a step exactly once.
 * @module
 */
import { describeValue, SlaError } from "../errors.js";

/** The parts of a step key. */
export interface StepKeyParts {
  /** The ticket's id, as given (any string; `/` and `%` are escaped in the key). */
  readonly ticketId: string;
  /** The target's id (a contract identifier). */
  readonly targetId: string;
  /** The cycle number, from 0. */
  readonly cycle: number;
  /** The step's id (a contract identifier). */
  readonly stepId: string;
}

/**
 * The key part of a ticket id: `%` written `%25` and `/` written `%2F`, so that a ticket id holding `/` stays
 * unambiguous. Ids without either are kept as they are (the common case costs one scan).
 * @internal
 */
export function escapeKeyPart(id: string): string {
  if (!id.includes("/") && !id.includes("%")) return id;
  return id.replace(/%/g, "%25").replace(/\//g, "%2F");
}

/** `"/0/"` … `"/15/"`: the cycle part of most step keys, without a number-to-text conversion per key. */
const CYCLE_PARTS: readonly string[] = Object.freeze(Array.from({ length: 16 }, (_, n) => `/${n}/`));

/**
 * A step key from its parts, the ticket id already escaped: the one writer of the key format.
 * @param keyPart - The ticket id as a key writes it ({@link escapeKeyPart}).
 * @internal
 */
export function joinStepKey(keyPart: string, targetId: string, cycle: number, stepId: string): string {
  return `${keyPart}/${targetId}${CYCLE_PARTS[cycle] ?? `/${cycle}/`}${stepId}`;
}

/**
 * The key of a step, as `evaluateTicket` writes it in `EscalationStep.key`: `ticket/target/cycle/step`, the ticket id
 * with `%` as `%25` and `/` as `%2F`.
 *
 * @example
 * ```ts
 * formatStepKey({ ticketId: "acme/42", targetId: "resolve", cycle: 0, stepId: "half" });
 * //=> "acme%2F42/resolve/0/half"
 * ```
 * @param parts - The ticket, target, cycle and step.
 * @returns The key.
 */
export function formatStepKey(parts: StepKeyParts): string {
  return joinStepKey(escapeKeyPart(parts.ticketId), parts.targetId, parts.cycle, parts.stepId);
}

/**
 * The parts of a step key written by {@link formatStepKey} (or `evaluateTicket`).
 *
 * @example
 * ```ts
 * parseStepKey("acme%2F42/resolve/0/half");
 * //=> { ticketId: "acme/42", targetId: "resolve", cycle: 0, stepId: "half" }
 * ```
 * @param key - The key.
 * @returns Its parts.
 * @throws {SlaError} `E_STEP_KEY` when `key` is not a string of four `/`-separated parts with a cycle number and
 *   only `%25` and `%2F` escapes in the ticket id.
 */
export function parseStepKey(key: string): StepKeyParts {
  if (typeof key !== "string") throw bad(`Expected a step key string, received ${describeValue(key)}`);
  const parts = key.split("/");
  if (parts.length !== 4)
    throw bad(`Expected a step key "ticket/target/cycle/step", received ${JSON.stringify(key)}`);
  const [ticket, targetId, cycleText, stepId] = parts as [string, string, string, string];
  if (ticket === "" || targetId === "" || stepId === "" || !/^(0|[1-9][0-9]{0,8})$/.test(cycleText)) {
    throw bad(
      `Expected a step key "ticket/target/cycle/step" with a cycle number, received ${JSON.stringify(key)}`,
    );
  }
  if (/%(?!25|2F)/.test(ticket)) {
    throw bad(
      `A step key's ticket id may only escape "%" as %25 and "/" as %2F, received ${JSON.stringify(key)}`,
    );
  }
  const ticketId = ticket.replace(/%(25|2F)/g, (m) => (m === "%25" ? "%" : "/"));
  return { ticketId, targetId, cycle: Number(cycleText), stepId };
}

function bad(reason: string): SlaError {
  return new SlaError("E_STEP_KEY", reason, "key");
}
