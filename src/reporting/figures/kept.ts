/**
 * What the kept lists (breaches, rows) share: the first N items of a report by a total order, kept as
 * unformatted drafts while tickets are counted (most candidates are displaced by later ones) and formatted
 * once, when the report is finished or merged.
 * @internal
 * @module
 */
import type { EpochMs } from "../../calendar/kernel.js";
import { compareText } from "../../contracts/kernel.js";
import type { Evaluation } from "../../escalation/kernel.js";
import type { ReportContext } from "../context.js";
import type { Figure } from "../figure.js";
import { drainFirstN, type FirstN, finishFirstN, newFirstN, offerKept } from "../first-n.js";
import { iso, isoKey } from "../instant-text.js";
import { arrayAt, expectConsistent, readCount, readObject } from "../report-json.js";
import type { KeptList, ServiceReport } from "../types.js";

/** A kept list: the items formatted so far, and the drafts of the tickets counted since. @internal */
export interface KeptAcc<Item, Draft> {
  /** Formatted items (of merged parts, and of drafts formatted by `settle`). */
  readonly items: FirstN<Item>;
  /** Items of the tickets counted here, not yet formatted; `items.total` counts them already. */
  readonly drafts: FirstN<Draft>;
}

/** How one kept list is ordered, drafted and formatted. @internal */
export interface KeptListRules<Item, Draft> {
  /** Its section of the report. */
  readonly section: "breaches" | "rows";
  /** How many items it keeps (`Infinity` for all). */
  cap(context: ReportContext): number;
  /** The total order of the items. */
  compareItems(context: ReportContext): (a: Item, b: Item) => number;
  /** The same order on drafts: `compareDrafts(a, b)` has the sign of `compareItems(format(a), format(b))`. */
  compareDrafts(context: ReportContext): (a: Draft, b: Draft) => number;
  /** The item of a draft, instants formatted by `format`. */
  format(draft: Draft, format: (t: EpochMs) => string): Item;
  /** Counts a ticket's items into `items.total` and keeps the drafts of those that may be among the first. */
  add(acc: KeptAcc<Item, Draft>, evaluation: Evaluation, context: ReportContext): void;
  /**
   * An item of a report read back, checked field by field and copied (instants written again as
   * `Date#toISOString` text).
   * @throws SlaError `E_OPTION` (instants: `E_INSTANT`, `E_INSTANT_RANGE`) at the malformed field.
   */
  read(item: Record<string, unknown>, path: string, context: ReportContext): Item;
}

/** Compares instants as `compareText(iso(a), iso(b))` does, formatting only outside years 1000–9999. @internal */
export function compareInstants(a: EpochMs, b: EpochMs): number {
  if (a === b) return 0;
  const ka = isoKey(a);
  const kb = isoKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return compareText(iso(a), iso(b));
}

/** The text of an instant or `null`. @internal */
export function textOrNull(t: EpochMs | null, format: (t: EpochMs) => string): string | null {
  return t === null ? null : format(t);
}

/**
 * `iso`, reusing the texts of the last few instants: a ticket's rows, formatted one after the other, repeat
 * its opening, resolution and due instants.
 */
function isoMemo(): (t: EpochMs) => string {
  const size = 4;
  const times = new Float64Array(size).fill(Number.NaN);
  const texts = new Array<string>(size).fill("");
  let next = 0;
  return (t) => {
    for (let i = 0; i < size; i++) if (times[i] === t) return texts[i] as string;
    const text = iso(t);
    times[next] = t;
    texts[next] = text;
    next = (next + 1) % size;
    return text;
  };
}

/** The cap of the `rows` option (`"breaches"` keeps every late row). @internal */
export function rowsCap(rows: ServiceReport["options"]["rows"]): number {
  return typeof rows === "number" ? rows : Number.POSITIVE_INFINITY;
}

/**
 * The figure of a kept list: its drafts are formatted (`settle`) before it is merged or finished, so that the
 * formatted items then hold the first of everything counted.
 *
 * @param rules - How the list is ordered, drafted and formatted.
 * @returns The figure of the list's section.
 * @internal
 */
export function keptListFigure<Item, Draft, Section extends "breaches" | "rows">(
  rules: KeptListRules<Item, Draft> & { readonly section: Section },
): Figure<KeptAcc<Item, Draft>, { [K in Section]: KeptList<Item> }> {
  const empty = (context: ReportContext): KeptAcc<Item, Draft> => {
    const cap = rules.cap(context);
    return {
      items: newFirstN(cap, rules.compareItems(context)),
      drafts: newFirstN(cap, rules.compareDrafts(context), true),
    };
  };
  const settle = (acc: KeptAcc<Item, Draft>): void => {
    const format = isoMemo();
    for (const d of drainFirstN(acc.drafts)) offerKept(acc.items, rules.format(d, format));
  };
  return {
    empty,
    add: rules.add,
    absorb(into, from) {
      settle(into);
      settle(from);
      into.items.total += from.items.total;
      for (const item of from.items.items) offerKept(into.items, item);
    },
    finish(acc) {
      settle(acc);
      const items = finishFirstN(acc.items).slice();
      const list = { total: acc.items.total, truncated: acc.items.total - items.length, items };
      return { [rules.section]: list } as unknown as { [K in Section]: KeptList<Item> };
    },
    read(report, path, context) {
      const acc = empty(context);
      const where = `${path}.${rules.section}`;
      const part = readObject(report[rules.section], where);
      const total = readCount(part.total, `${where}.total`);
      const items = arrayAt(part, "items", where);
      expectConsistent(items.length <= acc.items.cap, "more items than the report keeps", `${where}.items`);
      items.forEach((item, i) => {
        const at = `${where}.items[${i}]`;
        offerKept(acc.items, rules.read(readObject(item, at), at, context));
      });
      expectConsistent(items.length <= total, "more items than total", `${where}.items`);
      expectConsistent(
        readCount(part.truncated, `${where}.truncated`) === total - items.length,
        "truncated is not total minus the items kept",
        `${where}.truncated`,
      );
      acc.items.total = total;
      return acc;
    },
  };
}
