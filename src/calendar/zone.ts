/**
 * Time-zone offsets from the platform's `Intl`, cached per zone and UTC month as a transition table, and the
 * one wall-clock → instant rule of slakit (Temporal's `"compatible"`).
 *
 * Why not a dependency: date-fns-tz reads offsets through the host's local fields and resolves DST gaps
 * backwards; `@date-fns/tz`'s `TZDate` resolves gaps and folds differently under different host zones
 * (the test suite pins both). Offsets read from `Intl.DateTimeFormat#formatToParts` with an explicit
 * zone do not depend on the host, and the table makes each lookup a few comparisons.
 * @internal
 * @module
 */
import { describeValue, editDistance, SlaError } from "../errors.js";
import { civilFromDays, DAY, daysFromCivil, type EpochMs, SECOND } from "./civil.js";

/** Earliest and latest instants slakit computes with: 1800-01-01 and 2300-01-01 UTC. @internal */
export const MIN_EPOCH_MS: EpochMs = daysFromCivil(1800, 1, 1) * DAY;
/** @internal */
export const MAX_EPOCH_MS: EpochMs = daysFromCivil(2300, 1, 1) * DAY;

/** Probe step for finding transitions. No zone in tzdata since 1900 has two transitions within 7 days that cancel. */
const PROBE_MS = 7 * DAY;

interface MonthTable {
  readonly start: EpochMs;
  readonly end: EpochMs;
  /** Instants at which a new offset takes effect, ascending. */
  readonly transitions: readonly EpochMs[];
  /** `offsets[0]` holds from `start`; `offsets[i + 1]` from `transitions[i]`. Milliseconds, east positive. */
  readonly offsets: readonly number[];
}

/**
 * The offsets of one IANA zone, computed lazily per UTC month.
 * @internal
 */
export interface Zone {
  /** The zone ID exactly as written by the user (never canonicalised on output). */
  readonly id: string;
  /** UTC offset in milliseconds at instant `t` (east positive). */
  offsetAt(t: EpochMs): number;
  /** The offset in force over all of `[from, to)` when no transition falls inside it, else `undefined`. */
  stableOffset(from: EpochMs, to: EpochMs): number | undefined;
  /** Transitions in `[from, to)`, with the offsets before and after each. */
  transitionsIn(from: EpochMs, to: EpochMs): { at: EpochMs; before: number; after: number }[];
}

const zones = new Map<string, Zone>();

const ZONE_ID = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/**
 * Returns the cached zone for an IANA ID, validating it once.
 *
 * @throws SlaError `E_TZ_UNKNOWN` when the platform does not know the zone, when it is written in the wrong
 *   case, or when it is an offset such as `"+05:30"` or `"UTC+3"`.
 * @internal
 */
export function getZone(id: unknown, path = "timezone"): Zone {
  if (typeof id === "string") {
    const cached = zones.get(id);
    if (cached !== undefined) return cached;
  }
  if (typeof id !== "string") {
    throw new SlaError(
      "E_TZ_UNKNOWN",
      `Expected an IANA time zone name such as "Asia/Shanghai", received ${typeof id}`,
      path,
    );
  }
  let format: Intl.DateTimeFormat;
  try {
    if (!ZONE_ID.test(id) || /^(?:UTC|GMT)[+-]/i.test(id)) throw new RangeError(id);
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: id,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
  } catch {
    throw new SlaError(
      "E_TZ_UNKNOWN",
      `Unknown IANA time zone ${describeValue(id)}${id.length <= 64 ? suggestZone(id) : ""}`,
      path,
    );
  }
  const resolved = format.resolvedOptions().timeZone;
  if (resolved !== id && resolved.toLowerCase() === id.toLowerCase()) {
    throw new SlaError(
      "E_TZ_UNKNOWN",
      `Time zone ${describeValue(id)} is not spelt as in the IANA database: use ${JSON.stringify(resolved)}`,
      path,
    );
  }
  const zone = createZone(id, format);
  zones.set(id, zone);
  return zone;
}

let zoneNames: readonly string[] | undefined;

function suggestZone(id: string): string {
  let names: readonly string[];
  try {
    zoneNames ??= Intl.supportedValuesOf("timeZone");
    names = zoneNames;
  } catch {
    return "";
  }
  let best = "";
  let bestDistance = 4; // suggest only close spellings
  const lower = id.toLowerCase();
  for (const name of names) {
    const d = editDistance(lower, name.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best === ""
    ? ': expected a name such as "Asia/Shanghai"'
    : `: did you mean ${JSON.stringify(best)}?`;
}

function createZone(id: string, format: Intl.DateTimeFormat): Zone {
  const months = new Map<number, MonthTable>();
  let last: MonthTable | undefined;

  const intlOffset = (t: EpochMs): number => {
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const part of format.formatToParts(t)) {
      switch (part.type) {
        case "year":
          year = Number(part.value);
          break;
        case "month":
          month = Number(part.value);
          break;
        case "day":
          day = Number(part.value);
          break;
        case "hour":
          hour = Number(part.value);
          break;
        case "minute":
          minute = Number(part.value);
          break;
        case "second":
          second = Number(part.value);
          break;
        case "era":
          bc = part.value === "BC" || part.value === "B";
          break;
        default:
          break;
      }
    }
    if (bc) year = 1 - year;
    const wall = (daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second) * SECOND;
    return wall - Math.floor(t / SECOND) * SECOND;
  };

  const buildMonth = (key: number): MonthTable => {
    const year = Math.floor(key / 12);
    const month = (key % 12) + 1;
    const start = daysFromCivil(year, month, 1) * DAY;
    const end = daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) * DAY;
    const transitions: EpochMs[] = [];
    const offsets: number[] = [intlOffset(start)];
    let a = start;
    let oa = offsets[0] as number;
    while (a < end) {
      const b = Math.min(a + PROBE_MS, end);
      const ob = intlOffset(b);
      // Find every change in (a, b]: the first second whose offset differs from `oa`, repeatedly.
      while (oa !== ob) {
        let lo = a; // offset(lo) === oa
        let hi = b; // offset(hi) !== oa
        while (hi - lo > SECOND) {
          const mid = lo + Math.floor((hi - lo) / 2 / SECOND) * SECOND;
          if (intlOffset(mid) === oa) lo = mid;
          else hi = mid;
        }
        const after = intlOffset(hi);
        if (hi < end) {
          transitions.push(hi);
          offsets.push(after);
        }
        a = hi;
        oa = after;
      }
      a = b;
      oa = ob;
    }
    return { start, end, transitions, offsets };
  };

  const tableFor = (t: EpochMs): MonthTable => {
    if (last !== undefined && t >= last.start && t < last.end) return last;
    const date = civilFromDays(Math.floor(t / DAY));
    const key = Math.floor(date / 10_000) * 12 + (Math.floor(date / 100) % 100) - 1;
    let table = months.get(key);
    if (table === undefined) {
      table = buildMonth(key);
      months.set(key, table);
    }
    last = table;
    return table;
  };

  const offsetAt = (t: EpochMs): number => {
    const table = tableFor(t);
    const { transitions, offsets } = table;
    let i = 0;
    while (i < transitions.length && (transitions[i] as number) <= t) i++;
    return offsets[i] as number;
  };

  const stableOffset = (from: EpochMs, to: EpochMs): number | undefined => {
    const a = tableFor(from);
    const offset = offsetAt(from);
    for (const at of a.transitions) if (at > from && at < to) return undefined;
    if (to > a.end) {
      const b = tableFor(to);
      if (b.offsets[0] !== offset) return undefined;
      for (const at of b.transitions) if (at < to) return undefined;
      if (b.start !== a.end) return undefined; // more than a month apart: not used that way
    }
    return offset;
  };

  const transitionsIn = (from: EpochMs, to: EpochMs) => {
    const found: { at: EpochMs; before: number; after: number }[] = [];
    let t = from;
    while (t < to) {
      const table = tableFor(t);
      const { transitions, offsets } = table;
      for (let i = 0; i < transitions.length; i++) {
        const at = transitions[i] as number;
        if (at >= from && at < to)
          found.push({ at, before: offsets[i] as number, after: offsets[i + 1] as number });
      }
      // A transition exactly at a month start shows as a change between the month tables.
      const next = table.end;
      if (next < to) {
        const before = offsets[offsets.length - 1] as number;
        const after = tableFor(next).offsets[0] as number;
        if (before !== after) found.push({ at: next, before, after });
      }
      t = next;
    }
    return found;
  };

  return Object.freeze({ id, offsetAt, stableOffset, transitionsIn });
}

/** Any instant of a wall-clock time lies within this much of it (no UTC offset exceeds ±26 h). */
const WALL_REACH_MS = 26 * 3_600_000;

/**
 * Every instant whose local wall clock in the zone reads `wall`, ascending: one normally, none in a gap (spring
 * forward), two in an overlap (fall back).
 *
 * @param zone - The zone.
 * @param wall - Local wall-clock time written as UTC epoch milliseconds (`Date.UTC(y, m - 1, d, h, mi)`).
 * @returns The instants, ascending.
 * @internal
 */
export function possibleInstants(zone: Zone, wall: number): EpochMs[] {
  const from = wall - WALL_REACH_MS;
  const to = wall + WALL_REACH_MS;
  const stable = zone.stableOffset(from, to);
  if (stable !== undefined) return [wall - stable];
  const transitions = zone.transitionsIn(from, to);
  const out: EpochMs[] = [];
  let offset = zone.offsetAt(from);
  let segmentStart = from;
  for (let i = 0; i <= transitions.length; i++) {
    const segmentEnd = i < transitions.length ? (transitions[i] as { at: number }).at : to;
    const candidate = wall - offset;
    if (candidate >= segmentStart && candidate < segmentEnd && !out.includes(candidate)) out.push(candidate);
    if (i < transitions.length) {
      offset = (transitions[i] as { after: number }).after;
      segmentStart = segmentEnd;
    }
  }
  return out.sort((a, b) => a - b);
}

/** The instant of a wall time inside a gap: moved forward by the gap's length (the offset before it applies). */
function gapInstant(zone: Zone, wall: number): EpochMs {
  const transitions = zone.transitionsIn(wall - WALL_REACH_MS, wall + WALL_REACH_MS);
  for (const { at, before, after } of transitions) {
    if (wall >= at + before && wall < at + after) return wall - before;
  }
  return wall - zone.offsetAt(wall - WALL_REACH_MS); // unreachable for real tzdata; a safe fallback
}

/**
 * Resolves a wall-clock time in a zone to an instant with Temporal's `"compatible"` rule: in a gap
 * (spring forward) the time moves forward by the gap's length (02:30 → 03:30); in an overlap (fall back) the
 * earlier instant is taken.
 *
 * @param zone - The zone.
 * @param wall - Local wall-clock time written as UTC epoch milliseconds (`Date.UTC(y, m - 1, d, h, mi)`).
 * @returns The instant.
 * @internal
 */
export function resolveWall(zone: Zone, wall: number): EpochMs {
  const stable = zone.stableOffset(wall - WALL_REACH_MS, wall + WALL_REACH_MS);
  if (stable !== undefined) return wall - stable;
  const candidates = possibleInstants(zone, wall);
  return candidates.length > 0 ? (candidates[0] as number) : gapInstant(zone, wall);
}

/** Which case of the compatible rule a wall time hit. @internal */
export type WallAdjustment = "none" | "gap" | "overlap";

/**
 * {@link resolveWall}, also telling which case the rule hit: `"gap"` (the wall time does not exist and was moved
 * forward), `"overlap"` (it exists twice and the earlier instant was taken) or `"none"`.
 * @internal
 */
export function resolveWallNoted(zone: Zone, wall: number): { at: EpochMs; adjustment: WallAdjustment } {
  const candidates = possibleInstants(zone, wall);
  if (candidates.length === 0) return { at: gapInstant(zone, wall), adjustment: "gap" };
  return { at: candidates[0] as number, adjustment: candidates.length > 1 ? "overlap" : "none" };
}

/** The instant at which a local day (days since 1970-01-01 in the zone) begins. @internal */
export function localMidnight(zone: Zone, day: number): EpochMs {
  return resolveWall(zone, day * DAY);
}

/** The local day number (days since 1970-01-01 in the zone) of an instant. @internal */
export function localDayOf(zone: Zone, t: EpochMs): number {
  return Math.floor((t + zone.offsetAt(t)) / DAY);
}
