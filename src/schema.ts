/**
 * The JSON Schema (draft 2020-12) of the contract JSON that `parseContract` accepts, for editors, forms and other
 * validators. It is its own entry point (`slakit/schema`) so that the core entry points never build it.
 *
 * @module schema
 */
import * as z from "zod";
import { schemas } from "./contracts/kernel.js";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/**
 * The JSON Schema (draft 2020-12) of a contract's JSON: the input side of slakit's contract schema, generated with
 * zod's `toJSONSchema`. It checks the shape (fields, types, patterns of ids, dates, times and durations); the
 * checks that need code, such as references between ids, real calendar dates, IANA zones, RRULE contents and
 * condition depth, are made by `parseContract` only.
 *
 * @example
 * ```ts
 * import { Ajv2020 } from "ajv/dist/2020.js";
 * import { contractJsonSchema } from "slakit/schema";
 * const validate = new Ajv2020().compile(contractJsonSchema);
 * validate(JSON.parse(text)); //=> true for a well-formed contract
 * ```
 * @category Schema
 */
export const contractJsonSchema: Readonly<Record<string, unknown>> = deepFreeze({
  ...(z.toJSONSchema(schemas().contract, { io: "input" }) as Record<string, unknown>),
  title: "slakit service contract",
  description:
    "A service contract for slakit: zone, named calendars, term, fault levels with json-rules-engine conditions, targets with escalation ladders, inspections and KPIs.",
});
