/**
 * The JSON Schema (draft 2020-12) of the contract JSON that `parseContract` accepts, for editors, forms and other
 * validators. It is its own entry point (`slakit/schema`) so that the core entry points never build it; the same
 * schema ships as a file, `slakit/schema.json` (`dist/schema.json`), for editors and tools that read files.
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

/** The small contract the schema shows as its example: one office calendar, two levels, one target. */
const EXAMPLE_CONTRACT = {
  $schema: "https://unpkg.com/slakit/dist/schema.json",
  id: "helpdesk",
  name: "Helpdesk",
  timezone: "Asia/Shanghai",
  calendars: {
    office: {
      timezone: "Asia/Shanghai",
      week: {
        mon: [
          ["09:00", "12:00"],
          ["13:00", "18:00"],
        ],
        tue: [
          ["09:00", "12:00"],
          ["13:00", "18:00"],
        ],
        wed: [
          ["09:00", "12:00"],
          ["13:00", "18:00"],
        ],
        thu: [
          ["09:00", "12:00"],
          ["13:00", "18:00"],
        ],
        fri: [
          ["09:00", "12:00"],
          ["13:00", "18:00"],
        ],
      },
      holidays: [{ from: "2025-10-01", to: "2025-10-08", name: "National Day" }],
      overrides: { "2025-09-28": [["09:00", "18:00"]] },
    },
  },
  levels: [{ id: "urgent", when: { fact: "systemDown", operator: "equal", value: true } }, { id: "normal" }],
  defaultLevel: "normal",
  targets: [
    {
      id: "response",
      calendar: "office",
      start: { event: "opened" },
      stop: { event: "responded" },
      duration: { urgent: "PT30M", "*": "PT4H" },
      escalations: [{ id: "remind", at: { percent: 50 }, action: "notify", to: ["engineer"] }],
    },
  ],
};

function generate(): Record<string, unknown> {
  const { contract, docs } = schemas();
  const { $schema, ...rest } = z.toJSONSchema(contract, { io: "input", metadata: docs }) as Record<
    string,
    unknown
  >;
  return {
    $schema,
    title: "slakit service contract",
    description:
      'A service contract for slakit: zone, named calendars, term, fault levels with json-rules-engine conditions, targets with escalation ladders, inspections and KPIs. parseContract checks more than this schema: references between ids, real calendar dates, IANA zones, RRULE contents, condition depth. Point an editor at the schema with "$schema": "./node_modules/slakit/dist/schema.json".',
    examples: [EXAMPLE_CONTRACT],
    ...rest,
  };
}

/**
 * The JSON Schema (draft 2020-12) of a contract's JSON: the input side of slakit's contract schema, generated with
 * zod's `toJSONSchema`. It checks the shape (fields, types, patterns of ids, dates, times and durations); the
 * checks that need code, such as references between ids, real calendar dates, IANA zones, RRULE contents and
 * condition depth, are made by `parseContract` only.
 *
 * For editors, every field has a `description`, the root has an `examples` entry (a small valid contract), and
 * every `pattern` has a `patternErrorMessage`: the readable message VS Code's JSON language service shows instead
 * of the regular expression. That keyword is not JSON Schema's own, so ajv in its default strict mode needs it
 * named (`keywords: ["patternErrorMessage"]`), as below. A contract may name this schema in a top-level
 * `"$schema"` key, which `parseContract` accepts and drops.
 *
 * The same schema is shipped as a file, `slakit/schema.json` (`node_modules/slakit/dist/schema.json`).
 *
 * @example
 * ```ts
 * import { Ajv2020 } from "ajv/dist/2020.js";
 * import { contractJsonSchema } from "slakit/schema";
 * const validate = new Ajv2020({ keywords: ["patternErrorMessage"] }).compile(contractJsonSchema);
 * validate(JSON.parse(text)); //=> true for a well-formed contract
 * ```
 * @category Schema
 */
export const contractJsonSchema: Readonly<Record<string, unknown>> = deepFreeze(generate());
