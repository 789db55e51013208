/**
 * What the sections of the semantic pass share: the list of issues found, the reference tables (calendars,
 * levels, targets, tiers, phases) that later sections check names against, and the readers every section needs
 * (dates, durations, duplicate ids).
 * @internal
 * @module
 */
import {
  type Calendar,
  type DateKey,
  type ParsedDuration,
  parseDateKey,
  parseDuration,
  yearOf,
  type Zone,
} from "../../calendar/kernel.js";
import { describeValue, SlaError, type SlaErrorCode, suggest } from "../../errors.js";
import { type IssueDraft, issueFromError } from "../errors.js";
import { RawNode } from "./raw.js";

/**
 * Collects issues in the order they are found; `run` turns a thrown `SlaError` into one.
 * @internal
 */
export class IssueList {
  readonly issues: IssueDraft[] = [];

  /** Adds an issue. */
  add(code: SlaErrorCode, path: string, message: string): void {
    this.issues.push({ code, path, message });
  }

  /** Runs `fn`; an `SlaError` it throws becomes an issue (and `undefined` is returned). */
  run<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      if (error instanceof SlaError) {
        this.issues.push(issueFromError(error));
        return undefined;
      }
      throw error;
    }
  }
}

/**
 * The names a reference may take, e.g. the contract's calendars.
 * @internal
 */
export interface RefTable {
  /** What the names name, for messages: `"calendar"`, `"fault level"`, `"target"`, `"tier"`, `"phase"`. */
  readonly noun: string;
  readonly names: readonly string[];
  /** Said after an unknown name instead of a "did you mean", e.g. `": the contract lists no tiers"`. */
  readonly instead?: string | undefined;
}

const noNames = (noun: string): RefTable => ({ noun, names: [] });

/**
 * The state of one run of the semantic pass over a contract's data. Sections run in document order and fill the
 * tables that later sections read: the calendars before the targets that name them, and so on.
 * @internal
 */
export class CompileContext {
  readonly issues = new IssueList();
  /** The contract data. */
  readonly root: RawNode;
  /** The contract's zone, once read (`undefined` when missing or unknown). */
  zone: Zone | undefined;
  /** The calendars that compiled, by name. */
  readonly calendars = new Map<string, Calendar>();
  /** Paths of the calendars that failed to compile (the schema's findings under them are superseded). */
  readonly failedCalendars = new Set<string>();
  /** Every calendar name, compiled or not: a reference to a failed calendar is no further issue. */
  calendarNames: RefTable = noNames("calendar");
  /** The level ids, for `defaultLevel`, duration maps and KPIs. */
  levelNames: RefTable = noNames("fault level");
  /** The target ids, for `breachOf` and KPIs (collected before any target is checked). */
  targetNames: RefTable = noNames("target");
  /** The tiers, for escalation steps. */
  tierNames: RefTable = noNames("tier");
  /** The phase kinds and the term's phase names, for targets' `phases`. */
  phaseNames: RefTable = noNames("phase");

  /** @param data - The contract data (after the prepass), of any shape. */
  constructor(data: unknown) {
    this.root = new RawNode(data, "");
  }

  /**
   * Checks a reference: a string that is not one of the table's names is an `E_REF_UNKNOWN` issue. A value that
   * is no string is left to the schema.
   * @returns Whether the value is one of the names.
   */
  refer(table: RefTable, node: RawNode): boolean {
    const value = node.value;
    if (typeof value !== "string") return false;
    if (table.names.includes(value)) return true;
    const hint = table.instead ?? suggest(value, table.names);
    this.issues.add("E_REF_UNKNOWN", node.path, `Unknown ${table.noun} ${JSON.stringify(value)}${hint}`);
    return false;
  }

  /**
   * A check that each id of one kind appears once: call it with each id in document order; the second use of
   * an id is an `E_CONTRACT` issue naming the first.
   * @param what - What the id is, for the message: `"level id"`, `"phase name"`, …
   */
  duplicateCheck(what: string): (id: RawNode) => void {
    const firstAt = new Map<string, string>();
    return (id) => {
      const value = id.value;
      if (typeof value !== "string") return;
      const first = firstAt.get(value);
      if (first === undefined) firstAt.set(value, id.path);
      else
        this.issues.add(
          "E_CONTRACT",
          id.path,
          `Duplicate ${what} ${JSON.stringify(value)} (first at ${first})`,
        );
    };
  }

  /** A duration (`"PT30M"`, `"P2D"`, ms), or `undefined` with its issue; a value of another type is left to the schema. */
  duration(node: RawNode): ParsedDuration | undefined {
    const value = node.value;
    if (typeof value !== "string" && typeof value !== "number") return undefined;
    return this.issues.run(() => parseDuration(value, node.path));
  }

  /** A real date `"YYYY-MM-DD"` from 1900 to 2199, or `undefined` with its issue; a value that is no string is left to the schema. */
  date(node: RawNode): DateKey | undefined {
    const text = node.text;
    if (text === undefined) return undefined;
    const key = parseDateKey(text);
    if (key === undefined) {
      this.issues.add(
        "E_DATE_SYNTAX",
        node.path,
        `Expected a real date "YYYY-MM-DD", received ${describeValue(text)}`,
      );
      return undefined;
    }
    if (yearOf(key) < 1900 || yearOf(key) > 2199) {
      this.issues.add("E_DATE_SYNTAX", node.path, `Date ${text} is outside 1900-01-01 … 2199-12-31`);
      return undefined;
    }
    return key;
  }
}
