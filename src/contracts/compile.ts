/**
 * The semantic pass of `parseContract`: the checks the schema cannot make (calendars, durations, references,
 * conditions, recurrences, the term) and the compiled, frozen `Contract`. It reads the raw data defensively
 * (see `compile/raw.ts`), so that it runs, and reports, even where the schema found problems elsewhere; the
 * sections in `compile/` run in document order over one {@link CompileContext}.
 * @internal
 * @module
 */
import type { Zone } from "../calendar/kernel.js";
import { buildContract } from "./compile/build.js";
import { compileCalendars, compileZone } from "./compile/calendars.js";
import { compileLevels } from "./compile/conditions.js";
import { CompileContext } from "./compile/context.js";
import { compileInspections } from "./compile/inspections.js";
import { checkKpis } from "./compile/kpis.js";
import { collectTiers } from "./compile/steps.js";
import { collectEventTypes, collectTargetIds, compileTargetParts } from "./compile/targets.js";
import { compileTerm } from "./compile/term.js";
import type { IssueDraft } from "./errors.js";
import type { Contract } from "./types.js";

/** Result of the semantic pass: the issues, and the compiled parts when there are none. @internal */
export interface Compiled {
  readonly issues: readonly IssueDraft[];
  /** Calendar paths whose compilation failed (zod's findings under them are superseded). */
  readonly failedCalendars: ReadonlySet<string>;
  /** The frozen contract; only for data without issues (of this pass, the prepass and the schema). */
  build(): Contract;
}

/**
 * Checks everything the schema cannot, in document order: the zone and calendars, the levels and their
 * conditions, the term, the tiers, the targets (with their steps and `breachOf` chains), the inspections and the
 * KPIs. Each section checks the names it refers to against the tables the sections before it filled.
 *
 * @param data - The contract data after the prepass: plain JSON values of any shape.
 * @returns The issues found, the calendars that failed, and `build()` for a valid contract.
 * @example
 * ```ts
 * const { issues } = compileContract({ timezone: "Europe/Lodnon" });
 * issues[0]; //=> { code: "E_TZ_UNKNOWN", path: "timezone", message: 'Unknown IANA time zone "Europe/Lodnon": did you mean "Europe/London"?' }
 * ```
 * @internal
 */
export function compileContract(data: unknown): Compiled {
  const ctx = new CompileContext(data);
  compileZone(ctx);
  compileCalendars(ctx);
  const { facts, rules } = compileLevels(ctx);
  const phases = compileTerm(ctx);
  collectTiers(ctx);
  collectTargetIds(ctx);
  const eventTypes = collectEventTypes(ctx.root);
  const targets = compileTargetParts(ctx);
  const inspections = compileInspections(ctx);
  checkKpis(ctx);
  return {
    issues: ctx.issues.issues,
    failedCalendars: ctx.failedCalendars,
    build: () =>
      buildContract({
        data,
        zone: ctx.zone as Zone,
        calendars: ctx.calendars,
        eventTypes,
        targets,
        phases,
        inspections,
        facts,
        rules,
      }),
  };
}
