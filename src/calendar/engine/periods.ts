/**
 * Listing a calendar's working periods, and the DST adjustments it took on interval edges.
 * @internal
 * @module
 */
import { SlaError } from "../../errors.js";
import type { EpochMs } from "../civil.js";
import { chunkAt, chunkOf, type DstNote, type Engine, HORIZON_MS, intervalAt, MAX_PERIODS } from "./chunk.js";

/** `E_LIMIT` for a span over 100 years: the most a whole listing ({@link forEachPeriod}) may cover. @internal */
export function checkPeriodSpan(from: EpochMs, to: EpochMs): void {
  if (to - from > 2 * HORIZON_MS)
    throw new SlaError("E_LIMIT", "Working periods can be listed for at most 100 years at a time");
}

/**
 * Calls `visit(start, end)` for each working period overlapping `[from, to)`, clipped, touching ones merged; a
 * visitor that returns `false` ends the listing. Callers that must list a whole span cap it
 * ({@link checkPeriodSpan}); one that stops early (a first-N list) may pass any span.
 * @internal
 */
export function forEachPeriod(
  engine: Engine,
  from: EpochMs,
  to: EpochMs,
  visit: (start: EpochMs, end: EpochMs) => unknown,
): void {
  if (to <= from) return;
  let chunk = chunkAt(engine, from);
  let i = Math.max(0, intervalAt(chunk, from));
  let pendingStart = Number.NaN;
  let pendingEnd = Number.NaN;
  let count = 0;
  for (;;) {
    for (; i < chunk.ivStart.length; i++) {
      const s = Math.max(from, chunk.ivStart[i] as number);
      const e = Math.min(to, chunk.ivEnd[i] as number);
      if ((chunk.ivStart[i] as number) >= to) break;
      if (s >= e) continue;
      if (s === pendingEnd) pendingEnd = e;
      else {
        if (!Number.isNaN(pendingStart)) {
          if (++count > MAX_PERIODS)
            throw new SlaError("E_LIMIT", `More than ${MAX_PERIODS} working periods requested`);
          if (visit(pendingStart, pendingEnd) === false) return;
        }
        pendingStart = s;
        pendingEnd = e;
      }
    }
    if (chunk.end >= to) break;
    chunk = chunkOf(engine, chunk.index + 1);
    i = 0;
  }
  if (!Number.isNaN(pendingStart)) visit(pendingStart, pendingEnd);
}

/** DST adjustments taken on interval edges in `[from, to)`. @internal */
export function dstNotesIn(engine: Engine, from: EpochMs, to: EpochMs): DstNote[] {
  const out: DstNote[] = [];
  if (to <= from) return out;
  let chunk = chunkAt(engine, from);
  for (;;) {
    for (const note of chunk.notes) if (note.at >= from && note.at < to) out.push(note);
    if (chunk.end >= to) return out;
    chunk = chunkOf(engine, chunk.index + 1);
  }
}
