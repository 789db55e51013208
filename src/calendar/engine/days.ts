/**
 * Business days (the civil rule for periods): the Nth working day after or before an instant, its end of
 * business, or the same wall time on it.
 * @internal
 * @module
 */
import { DAY, type EpochMs } from "../civil.js";
import { resolveWall } from "../zone.js";
import {
  type Chunk,
  chunkAt,
  chunkOf,
  type Engine,
  HORIZON_MS,
  lastAtOrBefore,
  monthIndexAfter,
  versionForDay,
} from "./chunk.js";
import { addWorkingTime, isOpen, noWorkingTime, subtractWorkingTime } from "./search.js";
import { monthReaching, monthReachingBack, monthsDays } from "./span.js";

/** A local day: its chunk and its index in the chunk. One per call, moved as the search walks. */
interface DayCursor {
  chunk: Chunk;
  j: number;
}

function dayAt(engine: Engine, t: EpochMs): DayCursor {
  const chunk = chunkAt(engine, t);
  return { chunk, j: lastAtOrBefore(chunk.dayStart, t, 0, chunk.dayStart.length - 1) };
}

const isWorkingDay = ({ chunk, j }: DayCursor) => (chunk.dayIv[j + 1] as number) > (chunk.dayIv[j] as number);
const dayEnd = ({ chunk, j }: DayCursor) => chunk.ivEnd[(chunk.dayIv[j + 1] as number) - 1] as number;
const dayOpen = ({ chunk, j }: DayCursor) => chunk.ivStart[chunk.dayIv[j] as number] as number;
const dayNumber = ({ chunk, j }: DayCursor) => chunk.firstDay + j;

/** Chunks a day walk may cross: 50 years of months. */
const MAX_DAY_CHUNKS = Math.ceil(HORIZON_MS / DAY / 28) + 2;

/**
 * Moves the cursor to the `count`th working day after (direction 1) or before (-1) it; `count >= 1`. Each
 * chunk's rank of working days makes this a jump, not a walk.
 */
function walkDays(engine: Engine, day: DayCursor, count: number, direction: 1 | -1, t: EpochMs): void {
  if (!engine.canWork) throw noWorkingTime(t, direction === 1 ? "ahead" : "before it");
  let left = count;
  // Working days of the current chunk strictly after (or before) the cursor's day.
  let rank =
    direction === 1 ? (day.chunk.workRank[day.j + 1] as number) : (day.chunk.workRank[day.j] as number);
  for (let chunks = 0; chunks < MAX_DAY_CHUNKS; chunks++) {
    const { workDays } = day.chunk;
    if (direction === 1) {
      if (rank + left <= workDays.length) {
        day.j = workDays[rank + left - 1] as number;
        if ((day.chunk.dayStart[day.j] as number) - t > HORIZON_MS) break;
        return;
      }
      left -= workDays.length - rank;
      rank = 0;
      const next = day.chunk.index + 1;
      if (chunks < 2) {
        day.chunk = chunkOf(engine, next);
        continue;
      }
      // Far ahead: jump to the month that holds the day.
      const m = monthReaching(engine, next, left, "days", monthIndexAfter(t + HORIZON_MS));
      if (m < 0) break;
      left -= monthsDays(engine, next, m);
      day.chunk = chunkOf(engine, m);
    } else {
      if (rank - left >= 0) {
        day.j = workDays[rank - left] as number;
        if (t - (day.chunk.dayStart[day.j] as number) > HORIZON_MS) break;
        return;
      }
      left -= rank;
      const previous = day.chunk.index - 1;
      if (chunks < 2) {
        day.chunk = chunkOf(engine, previous);
      } else {
        // Far back: jump to the month that holds the day.
        const m = monthReachingBack(engine, previous, left, "days", monthIndexAfter(t - HORIZON_MS) - 4);
        if (m < 0) break;
        left -= monthsDays(engine, m + 1, previous + 1);
        day.chunk = chunkOf(engine, m);
      }
      rank = day.chunk.workDays.length;
    }
  }
  throw noWorkingTime(t, direction === 1 ? "ahead" : "before it");
}

/**
 * Business days (the civil rule for periods). `sameTime` false: the end of the `days`th following working day
 * (start day not counted); negative counts give the start of the `|days|`th previous working day. `sameTime`
 * true: that day at `t`'s wall time, moved into working time (forward; backward to the previous closing for
 * negative counts).
 * @internal
 */
export function addWorkingDays(engine: Engine, t: EpochMs, days: number, sameTime: boolean): EpochMs {
  const day = dayAt(engine, t);
  if (days === 0) {
    if (sameTime) return addWorkingTime(engine, t, 0, "nextOpening");
    // Intervals are half-open: at the end of the day's last interval no working time is left.
    if (isWorkingDay(day) && dayEnd(day) > t) return dayEnd(day);
    walkDays(engine, day, 1, 1, t);
    return dayEnd(day);
  }
  const startDay = dayNumber(day);
  const direction = days > 0 ? 1 : -1;
  walkDays(engine, day, Math.abs(days), direction, t);
  if (!sameTime) return direction === 1 ? dayEnd(day) : dayOpen(day);
  // The same wall time on the target day, in the zone of that day's version.
  const targetDay = dayNumber(day);
  // t's wall-clock time of day (not t − midnight: a date lasts over 24 h where a version moves the zone west).
  const wall = t + versionForDay(engine, startDay).zone.offsetAt(t);
  const timeOfDay = wall - Math.floor(wall / DAY) * DAY;
  const at = resolveWall(versionForDay(engine, targetDay).zone, targetDay * DAY + timeOfDay);
  return direction === 1
    ? addWorkingTime(engine, at, 0, "nextOpening")
    : isOpen(engine, at)
      ? at
      : subtractWorkingTime(engine, at, 0, "nextOpening");
}
