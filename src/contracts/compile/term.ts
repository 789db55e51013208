/**
 * The contract term: consecutive phases in civil years and months from a start date, as instants in the
 * contract's zone. By the civil rule (`"exclusive"`, the default) the start day is not counted: a term of one
 * year that starts on 2025-03-10 runs until the end of 2026-03-10; counted `"inclusive"`, until the end of
 * 2026-03-09. A month without the starting day number ends on its last day (2024-01-31 + 1 month → 2024-02-29).
 * @internal
 * @module
 */
import { addMonths, type DateKey, daysFromKey, localMidnight, type Zone } from "../../calendar/kernel.js";
import { describeValue } from "../../errors.js";
import type { CompiledPhase } from "../compiled.js";
import type { CompileContext } from "./context.js";
import type { RawNode } from "./raw.js";

/** The longest term: 100 years. */
const MAX_TERM_MONTHS = 1200;

/**
 * Months of a `"PnYnM"` length (`"P5Y"`, `"P18M"`, `"P1Y6M"`), or `undefined` for any other text.
 * @example
 * ```ts
 * lengthMonths("P1Y6M"); //=> 18
 * lengthMonths("P2D");   //=> undefined
 * ```
 * @internal
 */
export function lengthMonths(text: string): number | undefined {
  const m = /^P(?=\d)(?:(\d{1,3})Y)?(?:(\d{1,4})M)?$/.exec(text);
  return m === null ? undefined : Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0);
}

/** A valid phase of the term, before it has instants. */
interface PhaseLength {
  readonly name: string;
  readonly kind: "warranty" | "postWarranty";
  readonly months: number;
}

/**
 * Checks the `term` and fills `ctx.phaseNames` (with the kinds `"warranty"` and `"postWarranty"`, which targets
 * may name too).
 * @returns The phases with their instants; `undefined` without a term, or when the term, its start date or the
 *   contract's zone is invalid.
 * @internal
 */
export function compileTerm(ctx: CompileContext): readonly CompiledPhase[] | undefined {
  const term = ctx.root.field("term");
  if (!term.isObject) {
    ctx.phaseNames = {
      noun: "phase",
      names: ["warranty", "postWarranty"],
      instead: ": the contract has no term",
    };
    return undefined;
  }
  const startKey = ctx.date(term.field("startDate"));
  const names: string[] = [];
  const checkName = ctx.duplicateCheck("phase name");
  const phases: PhaseLength[] = [];
  let totalMonths = 0;
  let valid = startKey !== undefined && ctx.zone !== undefined;
  for (const node of term.field("phases").items()) {
    const name = node.field("name");
    checkName(name);
    if (name.text !== undefined) names.push(name.text);
    const phase = readPhase(ctx, node);
    if (phase === undefined) {
      valid = false;
      continue;
    }
    totalMonths += phase.months;
    if (totalMonths > MAX_TERM_MONTHS) {
      ctx.issues.add("E_LIMIT", node.field("length").path, "The term is longer than 100 years");
      valid = false;
      continue;
    }
    phases.push(phase);
  }
  ctx.phaseNames = { noun: "phase", names: ["warranty", "postWarranty", ...names] };
  if (!valid || startKey === undefined || ctx.zone === undefined) return undefined;
  return phaseInstants(ctx.zone, startKey, term.field("counting").value === "inclusive", phases);
}

/** One phase of the term: its name, kind and length checked; `undefined` when any of them is invalid. */
function readPhase(ctx: CompileContext, node: RawNode): PhaseLength | undefined {
  if (!node.isObject) return undefined;
  const name = node.field("name");
  const kind = node.field("kind").value;
  if (
    (name.text === "warranty" || name.text === "postWarranty") &&
    typeof kind === "string" &&
    kind !== name.text
  ) {
    ctx.issues.add(
      "E_CONTRACT",
      name.path,
      `A phase named ${JSON.stringify(name.text)} must be of kind ${JSON.stringify(name.text)}, not ${JSON.stringify(kind)}`,
    );
  }
  const months = readLength(ctx, node.field("length"));
  if (months === undefined || name.text === undefined || (kind !== "warranty" && kind !== "postWarranty"))
    return undefined;
  return { name: name.text, kind, months };
}

/** A phase's `length` in months (at least one), or `undefined`, with an issue when it is a string but invalid. */
function readLength(ctx: CompileContext, node: RawNode): number | undefined {
  const length = node.text;
  if (length === undefined) return undefined;
  const months = lengthMonths(length);
  if (months === undefined) {
    ctx.issues.add(
      "E_DURATION",
      node.path,
      `Expected a length in years and months such as "P5Y" or "P1Y6M", received ${describeValue(length)}`,
    );
  } else if (months === 0) {
    ctx.issues.add(
      "E_DURATION",
      node.path,
      `A phase lasts at least one month, received ${describeValue(length)}`,
    );
  }
  return months === 0 ? undefined : months;
}

/**
 * The phases' instants: each from local midnight of its first day to local midnight after its last day, one
 * after the other from the start date.
 */
function phaseInstants(
  zone: Zone,
  startKey: DateKey,
  inclusive: boolean,
  phases: readonly PhaseLength[],
): readonly CompiledPhase[] {
  const startDay = daysFromKey(startKey);
  let countFrom = startDay; // exclusive: the day of the event (not counted); inclusive: the first counted day
  let from = localMidnight(zone, startDay);
  return phases.map(({ name, kind, months }) => {
    let lastDay = addMonths(countFrom, months);
    if (inclusive) lastDay -= 1;
    const until = localMidnight(zone, lastDay + 1);
    const phase: CompiledPhase = Object.freeze({ name, kind, from, until });
    from = until;
    countFrom = inclusive ? lastDay + 1 : lastDay;
    return phase;
  });
}
