// The practical limit of evaluateTicket on the bench workload (issue 14): a hand-written evaluator for exactly
// the contract and tickets of bench/tickets.mjs, on precomputed working intervals (bench/naive.mjs: Float64Array
// starts, ends and prefix sums, binary search), with no slakit code. Two variants:
//   A: plain numbers (per target cycle: state code, instants, elapsed…; per step: state and instant) written
//      into one reused Float64Array: what the computation costs with no result objects at all;
//   B: the same public result object as slakit's evaluateTicket (same keys, Dates, step keys).
// Both are checked against slakit on every ticket of the workload before anything is timed (B deep-equal to
// evaluateTicket's result, A the same numbers); any difference fails the run. Then slakit, A and B (and
// slakit's `{ instants: "ms" }` form, where the build has it) are timed in the same process, in CPU time, median
// of RUNS passes over the tickets, interleaved.
// Run after `npm run build`: `node --expose-gc bench/limit.mjs` (part of `npm run bench`).
import { isDeepStrictEqual } from "node:util";
import { buildNaive } from "./naive.mjs";
import { cpuSeconds, machineLine, median, writeSection } from "./results.mjs";
import { contractInput, escalationWorkload } from "./tickets.mjs";

// ---------------------------------------------------------------------------------------------- parameters
const N = Number(process.env.BENCH_LIMIT_TICKETS ?? 100_000); // tickets (those of bench/escalation.mjs)
const RUNS = 5; // timed passes per variant
const TABLE_FROM = "2024-12-01"; // local dates covered by the precomputed intervals
const TABLE_TO = "2027-03-01";

const esc = await import("slakit/escalation");
const con = await import("slakit/contracts");

// ---------------------------------------------------------------------------------------------- the model
// The contract of bench/tickets.mjs, read into tables. Only what that contract uses is modelled; anything else
// is refused here, so that the evaluator cannot silently be wrong for a changed workload.
const DAY = 86_400_000;
const HOUR = 3_600_000;
const refuse = (what) => {
  throw new Error(`bench/limit.mjs models only the bench contract: ${what}`);
};

function parseDuration(s) {
  let m = /^P(\d+)D$/.exec(s);
  if (m) return { days: Number(m[1]), ms: 0 };
  m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(s);
  if (!m || s === "PT") refuse(`duration ${s}`);
  return { days: 0, ms: ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000 };
}

function expandHolidays(list) {
  const out = [];
  for (const h of list) {
    if (typeof h === "string") {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(h)) refuse(`holiday ${h}`);
      out.push(h);
      continue;
    }
    const [y0, m0, d0] = h.from.split("-").map(Number);
    const [y1, m1, d1] = h.to.split("-").map(Number);
    for (let d = Date.UTC(y0, m0 - 1, d0); d <= Date.UTC(y1, m1 - 1, d1); d += DAY) {
      out.push(new Date(d).toISOString().slice(0, 10));
    }
  }
  return out;
}

function calendarTables(spec) {
  if (spec.overrides || spec.breaks || spec.versions) refuse("overrides, breaks or versions");
  const days = Object.keys(spec.week);
  const hours = JSON.stringify(spec.week[days[0]]);
  if (days.some((d) => JSON.stringify(spec.week[d]) !== hours)) refuse("different hours per weekday");
  const naive = buildNaive(spec.timezone, TABLE_FROM, TABLE_TO, {
    intervals: spec.week[days[0]],
    workdays: days,
    holidays: expandHolidays(spec.holidays ?? []),
  });
  return addBuckets(naive.tables);
}

// Event types: the built-ins first, as slakit numbers them; then the contract's.
const OPENED = 0;
const LEVEL_CHANGED = 1;
// 2: statusChanged (read through the STATUS role)
const RESOLVED = 3;
const REOPENED = 4;
const CLOSED = 5;
const SURVEY = 6;
const typeCode = new Map(
  ["opened", "levelChanged", "statusChanged", "resolved", "reopened", "closed", "survey"].map((t, i) => [
    t,
    i,
  ]),
);
const addType = (t) => {
  if (!typeCode.has(t)) typeCode.set(t, typeCode.size);
  return typeCode.get(t);
};
for (const t of contractInput.eventTypes) addType(t);

// Roles of an event type for a target (bits).
const START = 1;
const STOP = 2;
const PAUSE = 4;
const RESUME = 8;
const LEVEL = 16;
const STATUS = 32;

if (contractInput.term || contractInput.kpis || contractInput.inspections)
  refuse("a term, KPIs or inspections");
const LEVEL_IDS = contractInput.levels.map((l) => l.id);
const levelIndex = new Map(LEVEL_IDS.map((id, i) => [id, i]));
const tablesByCalendar = Object.fromEntries(
  Object.entries(contractInput.calendars).map(([id, spec]) => [id, calendarTables(spec)]),
);
const asList = (x) => (x === undefined ? [] : typeof x === "string" ? [x] : x);
// Step kinds.
const AFTER = 0;
const PERCENT = 1;
const BEFORE_DUE = 2;
const AFTER_DUE = 3;

const TARGETS = contractInput.targets.map((t, index) => {
  if (!t.start.event || t.reset || t.cancel || t.phases || t.onLevelChange) {
    refuse(`target ${t.id}: breachOf, reset, cancel, phases or onLevelChange`);
  }
  const events = [
    ...asList(t.start.event),
    ...asList(t.stop.event),
    ...(t.pause?.event ? [t.pause.event, t.pause.resumeEvent] : []),
  ];
  for (const e of events) addType(e);
  const roles = new Uint8Array(64);
  const mark = (names, bit) => {
    for (const name of asList(names)) roles[typeCode.get(name)] |= bit;
  };
  mark(t.start.event, START);
  mark(t.stop.event, STOP);
  mark("levelChanged", LEVEL);
  let statuses = null;
  if (t.pause?.event) {
    mark(t.pause.event, PAUSE);
    mark(t.pause.resumeEvent, RESUME);
  } else if (t.pause?.statuses) {
    statuses = new Set(t.pause.statuses);
    mark("statusChanged", STATUS);
  }
  const durations = LEVEL_IDS.map((level) => {
    const d = typeof t.duration === "string" ? t.duration : (t.duration[level] ?? t.duration["*"]);
    if (d === undefined) refuse(`target ${t.id} without a duration for ${level}`);
    return parseDuration(d);
  });
  const steps = (t.escalations ?? []).map((s) => {
    const at = s.at;
    let kind;
    let ms = 0;
    let percent = 0;
    if (at.after !== undefined) [kind, ms] = [AFTER, parseDuration(at.after).ms];
    else if (at.percent !== undefined) [kind, percent] = [PERCENT, at.percent];
    else if (at.beforeDue !== undefined) [kind, ms] = [BEFORE_DUE, parseDuration(at.beforeDue).ms];
    else [kind, ms] = [AFTER_DUE, parseDuration(at.afterDue).ms];
    return {
      id: s.id,
      kind,
      ms,
      percent,
      action: s.action,
      to: Object.freeze([...(s.to ?? [])]),
      tier: s.tier,
      tails: Array.from({ length: 8 }, (_, cycle) => `/${t.id}/${cycle}/${s.id}`),
    };
  });
  return {
    id: t.id,
    index,
    T: tablesByCalendar[t.calendar],
    roles,
    statuses,
    durations,
    steps,
    // Fold state, reused from ticket to ticket.
    pool: [],
    cur: null,
    nc: 0,
    pairPaused: false,
    statusPaused: false,
  };
});
const NT = TARGETS.length;
const MAX_STEPS = Math.max(...TARGETS.map((t) => t.steps.length));

// ---------------------------------------------------------------------------------------------- calendar
// Queries on one calendar's tables (see bench/naive.mjs): intervals [S[i], E[i]), cumStart[i] working ms before
// S[i], cumEnd[i] = cumStart[i + 1]. Two bucket indexes replace the binary searches over the whole table by a
// short forward scan (the O(1) variant of research/anchors-performance.md): per UTC day, the first interval
// ending after its start; per working hour of the prefix sums, the first interval whose cumEnd reaches it.
function addBuckets(T) {
  const { n, S, E, cumEnd } = T;
  const d0 = Math.floor(S[0] / DAY);
  const days = Math.floor(E[n - 1] / DAY) - d0 + 2;
  const dayFirst = new Int32Array(days + 1);
  for (let d = 0, i = 0; d <= days; d++) {
    while (i < n && E[i] <= (d0 + d) * DAY) i++;
    dayFirst[d] = i;
  }
  const hours = Math.ceil(cumEnd[n - 1] / HOUR) + 1;
  const hourFirst = new Int32Array(hours + 1);
  for (let h = 0, i = 0; h <= hours; h++) {
    while (i < n && cumEnd[i] < h * HOUR) i++;
    hourFirst[h] = i;
  }
  return { ...T, utcDay0: d0, dayFirst, hourFirst };
}

function outOfRange() {
  throw new Error("bench/limit.mjs: instant beyond the precomputed intervals");
}

/** Index of the first interval whose end is after t. */
function firstEndAfter(T, t) {
  const d = Math.floor(t / DAY) - T.utcDay0;
  if (!(d >= 0 && d < T.dayFirst.length - 1)) outOfRange();
  const E = T.E;
  let i = T.dayFirst[d];
  while (E[i] <= t) i++;
  if (i >= T.n) outOfRange();
  return i;
}

/** Working ms from the table's origin to t. */
function cum(T, t) {
  const i = firstEndAfter(T, t);
  const s = T.S[i];
  return t > s ? T.cumStart[i] + (t - s) : T.cumStart[i];
}

const between = (T, a, b) => cum(T, b) - cum(T, a);

/** First interval index >= from whose cumEnd reaches the target (exceeds it, with `after`). */
function reaching(T, target, after, from) {
  const h = Math.floor(target / HOUR);
  if (!(h >= 0 && h < T.hourFirst.length)) outOfRange();
  const cumEnd = T.cumEnd;
  let lo = Math.max(from, T.hourFirst[h]);
  if (after) while (cumEnd[lo] <= target) lo++;
  else while (cumEnd[lo] < target) lo++;
  if (lo >= T.n) outOfRange();
  return lo;
}

/** The first instant at which `d` working ms after t are used up (after: the last at which they are not exceeded). */
function addTime(T, t, d, after) {
  if (d === 0 && !after) return t;
  const i = firstEndAfter(T, t);
  const s = T.S[i];
  const target = (t > s ? T.cumStart[i] + (t - s) : T.cumStart[i]) + d;
  const lo = reaching(T, target, after, i);
  return T.S[lo] + (target - T.cumStart[lo]);
}

/** The latest start from which `d` working ms end at t. */
function subtractTime(T, t, d) {
  if (d === 0) return t;
  const target = cum(T, t) - d;
  const lo = reaching(T, target, true, 0);
  return T.S[lo] + (target - T.cumStart[lo]);
}

function isOpen(T, t) {
  return T.S[firstEndAfter(T, t)] <= t;
}

/** SPEC rule 6: the end of the last working interval of the `days`th following working day (days > 0). */
function addDays(T, t, days) {
  const tAt = T.tAt;
  let lo = 0;
  let hi = tAt.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tAt[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  const localDay = Math.floor((t + T.tOff[lo]) / DAY);
  return T.WE[T.cumWork[localDay - T.d0] + days - 1];
}

// ---------------------------------------------------------------------------------------------- clocks
const LIVE = 0;
const MET = 1;
const BREACHED = 2;

function newCycle() {
  return {
    n: 0,
    start: 0,
    level: 0,
    budget: 0,
    days: false,
    running: false,
    mark: 0,
    acc: 0,
    pauseStart: 0,
    segs: new Float64Array(16), // closed running segments: [start, elapsed at its end, …]
    nseg: 0,
    pausedMs: 0,
    end: Number.NaN,
    outcome: LIVE,
  };
}

function applyLevel(tp, c, level) {
  c.level = level;
  const dur = tp.durations[level];
  if (dur.days === 0) {
    c.budget = dur.ms;
    c.days = false;
  } else {
    c.budget = between(tp.T, c.start, addDays(tp.T, c.start, dur.days));
    c.days = true;
  }
}

function openCycle(tp, t, level) {
  if (tp.nc === tp.pool.length) tp.pool.push(newCycle());
  const c = tp.pool[tp.nc];
  c.n = tp.nc++;
  const paused = tp.statuses === null ? tp.pairPaused : tp.statusPaused;
  c.start = t;
  c.running = !paused;
  c.mark = t;
  c.acc = 0;
  c.pauseStart = paused ? t : Number.NaN;
  c.nseg = 0;
  c.pausedMs = 0;
  c.end = Number.NaN;
  c.outcome = LIVE;
  applyLevel(tp, c, level);
  tp.cur = c;
}

function closeSegment(c, len) {
  c.acc += len;
  if (2 * c.nseg === c.segs.length) {
    const grown = new Float64Array(2 * c.segs.length);
    grown.set(c.segs);
    c.segs = grown;
  }
  c.segs[2 * c.nseg] = c.mark;
  c.segs[2 * c.nseg + 1] = c.acc;
  c.nseg++;
  c.running = false;
}

function pauseCycle(tp, c, t) {
  closeSegment(c, between(tp.T, c.mark, t));
  c.pauseStart = t;
}

function resumeCycle(tp, c, t) {
  c.pausedMs += between(tp.T, c.pauseStart, t);
  c.mark = t;
  c.running = true;
}

/** Index of the first closed segment whose elapsed at its end reaches x (exceeds it, with `after`). */
function segmentReaching(c, x, after) {
  const segs = c.segs;
  let lo = 0;
  let hi = c.nseg;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const a = segs[2 * mid + 1];
    if (after ? a > x : a >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** When the elapsed working time reaches x (after: the last instant it does not exceed x); NaN if paused short of it. */
function reach(T, c, x, after) {
  if (x === 0 && !after) return c.start;
  const k = segmentReaching(c, x, after);
  if (k < c.nseg) return addTime(T, c.segs[2 * k], x - (k === 0 ? 0 : c.segs[2 * k - 1]), after);
  let from;
  if (!Number.isNaN(c.end)) from = c.end;
  else if (c.running) from = c.mark;
  else return Number.NaN;
  return addTime(T, from, x - c.acc, after);
}

function lastCompliant(T, c, due) {
  if (c.days || Number.isNaN(due)) return due;
  const x = c.budget;
  let pausedOnReaching;
  const k = segmentReaching(c, x, false);
  if (k < c.nseg) pausedOnReaching = c.segs[2 * k + 1] === x;
  else pausedOnReaching = !c.running && Number.isNaN(c.end) && c.acc === x;
  if (x > 0 && !pausedOnReaching) return isOpen(T, due) ? due : addTime(T, due, 0, true);
  return reach(T, c, x, true);
}

function breachedAt(tp, c, t) {
  if (!c.days) return (c.running ? c.acc + between(tp.T, c.mark, t) : c.acc) > c.budget;
  const due = reach(tp.T, c, c.budget, false);
  return !Number.isNaN(due) && t > due;
}

function finishCycle(tp, c, t) {
  let breached;
  if (c.running) {
    const len = between(tp.T, c.mark, t);
    breached = c.days ? t > reach(tp.T, c, c.budget, false) : c.acc + len > c.budget;
    closeSegment(c, len);
  } else {
    breached = breachedAt(tp, c, t);
    resumeCycle(tp, c, t);
    c.running = false;
  }
  c.end = t;
  c.outcome = breached ? BREACHED : MET;
  tp.cur = null;
}

// ---------------------------------------------------------------------------------------------- the fold
let openedAt = 0;
let resolvedAt = Number.NaN;
let closedAt = Number.NaN;
let finalLevel = 0;
let nSurveys = 0;
const surveyChannel = [];
const surveySatisfied = [];
const surveyAt = [];

/** Folds the events at or before `now` (the workload's events come sorted, opened first). */
function fold(ticket, now) {
  const events = ticket.events;
  let level = levelIndex.get(ticket.level);
  resolvedAt = Number.NaN;
  closedAt = Number.NaN;
  nSurveys = 0;
  for (let j = 0; j < NT; j++) {
    const tp = TARGETS[j];
    tp.cur = null;
    tp.nc = 0;
    tp.pairPaused = false;
    tp.statusPaused = false;
  }
  for (let k = 0; k < events.length; k++) {
    const e = events[k];
    const t = e.at;
    if (t > now) break;
    const ty = typeCode.get(e.type);
    let levelChanged = false;
    switch (ty) {
      case OPENED:
        openedAt = t;
        break;
      case LEVEL_CHANGED: {
        const next = levelIndex.get(e.level);
        levelChanged = next !== level;
        level = next;
        break;
      }
      case RESOLVED:
        resolvedAt = t;
        break;
      case REOPENED:
        resolvedAt = Number.NaN;
        closedAt = Number.NaN;
        break;
      case CLOSED:
        closedAt = t;
        break;
      case SURVEY:
        surveyChannel[nSurveys] = e.channel ?? ticket.channel;
        surveySatisfied[nSurveys] = e.satisfied;
        surveyAt[nSurveys] = t;
        nSurveys++;
        break;
    }
    for (let j = 0; j < NT; j++) {
      const tp = TARGETS[j];
      const r = tp.roles[ty];
      if (r === 0) continue;
      let c = tp.cur;
      if ((r & LEVEL) !== 0) {
        if (levelChanged && c !== null && !breachedAt(tp, c, t)) applyLevel(tp, c, level);
      } else if ((r & STATUS) !== 0) {
        const p = tp.statuses.has(e.status);
        if (p !== tp.statusPaused) {
          tp.statusPaused = p;
          if (c !== null) {
            if (p) pauseCycle(tp, c, t);
            else resumeCycle(tp, c, t);
          }
        }
      }
      if (c !== null) {
        if ((r & STOP) !== 0) finishCycle(tp, c, t);
      } else if ((r & START) !== 0) openCycle(tp, t, level);
      c = tp.cur;
      if ((r & PAUSE) !== 0 && !tp.pairPaused) {
        tp.pairPaused = true;
        if (c?.running) pauseCycle(tp, c, t);
      }
      if ((r & RESUME) !== 0 && tp.pairPaused) {
        tp.pairPaused = false;
        if (c !== null && !c.running) resumeCycle(tp, c, t);
      }
    }
  }
  finalLevel = level;
}

// ---------------------------------------------------------------------------------------------- status numbers
// State codes (A's output).
const S_RUNNING = 1;
const S_PAUSED = 2;
const S_MET = 3;
const S_BREACHED = 4;
const OUTCOME_STATE = [S_RUNNING, S_MET, S_BREACHED];
const STEP_SCHEDULED = 0;
const STEP_DUE = 1;
const STEP_SKIPPED = 2;

// One cycle's status, written here by cycleNumbers.
let xState = 0;
let xDue = 0;
let xLc = 0;
let xBreachedAt = 0; // NaN unless breached
let xElapsed = 0;
let xRemaining = 0;
let xPaused = 0;
let nextAt = Number.POSITIVE_INFINITY;
const stepState = new Int8Array(MAX_STEPS);
const stepAt = new Float64Array(MAX_STEPS);

function cycleNumbers(tp, c, now) {
  const T = tp.T;
  const live = c.outcome === LIVE;
  const due = reach(T, c, c.budget, false);
  const lc = lastCompliant(T, c, due);
  const breachAt = lc + 1;
  let outcome = c.outcome;
  let elapsed = c.acc;
  let paused = c.pausedMs;
  if (live) {
    if (c.running) elapsed += between(T, c.mark, now);
    else paused += between(T, c.pauseStart, now);
    if (breachAt <= now) {
      outcome = BREACHED;
      xState = S_BREACHED;
    } else {
      xState = c.running ? S_RUNNING : S_PAUSED;
      if (breachAt < nextAt) nextAt = breachAt;
    }
  } else xState = OUTCOME_STATE[outcome];
  xDue = due;
  xLc = lc;
  xBreachedAt = outcome === BREACHED ? breachAt : Number.NaN;
  xElapsed = elapsed;
  xRemaining = outcome === BREACHED ? 0 : Math.max(0, c.budget - elapsed);
  xPaused = paused;
  const steps = tp.steps;
  for (let k = 0; k < steps.length; k++) {
    const sp = steps[k];
    let when = Number.NaN;
    let skip = false;
    switch (sp.kind) {
      case AFTER:
      case PERCENT: {
        const x = sp.kind === AFTER ? sp.ms : Math.floor((c.budget * sp.percent) / 100);
        if (!live && x > c.acc) skip = true;
        else when = reach(T, c, x, false);
        break;
      }
      case BEFORE_DUE:
        if (!Number.isNaN(due)) {
          when =
            sp.ms > c.budget && sp.ms >= between(T, c.start, due)
              ? c.start
              : Math.max(c.start, subtractTime(T, due, sp.ms));
        }
        break;
      default:
        if (!Number.isNaN(due)) {
          if (!live && due >= c.end) skip = true;
          else when = addTime(T, due, sp.ms, false);
        }
    }
    let s;
    if (!live) s = !skip && when < c.end ? STEP_DUE : STEP_SKIPPED;
    else if (when <= now) s = STEP_DUE;
    else {
      s = STEP_SCHEDULED;
      if (when < nextAt) nextAt = when;
    }
    stepState[k] = s;
    stepAt[k] = s === STEP_SKIPPED ? Number.NaN : when;
  }
}

// ---------------------------------------------------------------------------------------------- variant A
const HEADER = 8;
const PER_CYCLE = 13;
const PER_STEP = 5;

/**
 * A: the status as numbers in `out`: [openedAt, resolvedAt, closedAt, nextCheckAt, level, statuses, steps,
 * surveys], then per cycle [target, cycle, state, level, targetMs, startedAt, dueAt, lastCompliantAt, stoppedAt,
 * breachedAt, elapsedMs, remainingMs, pausedMs] followed by its steps [target, cycle, step, state, at], then
 * per survey [at, satisfied]. NaN stands for null/undefined. Returns the length written.
 */
function evaluateA(ticket, now, out) {
  fold(ticket, now);
  nextAt = Number.POSITIVE_INFINITY;
  let p = HEADER;
  let cycles = 0;
  let steps = 0;
  for (let j = 0; j < NT; j++) {
    const tp = TARGETS[j];
    for (let i = 0; i < tp.nc; i++) {
      const c = tp.pool[i];
      cycleNumbers(tp, c, now);
      out[p] = j;
      out[p + 1] = c.n;
      out[p + 2] = xState;
      out[p + 3] = c.level;
      out[p + 4] = c.days ? Number.NaN : c.budget;
      out[p + 5] = c.start;
      out[p + 6] = xDue;
      out[p + 7] = xLc;
      out[p + 8] = c.end;
      out[p + 9] = xBreachedAt;
      out[p + 10] = xElapsed;
      out[p + 11] = xRemaining;
      out[p + 12] = xPaused;
      p += PER_CYCLE;
      for (let k = 0; k < tp.steps.length; k++) {
        out[p] = j;
        out[p + 1] = c.n;
        out[p + 2] = k;
        out[p + 3] = stepState[k];
        out[p + 4] = stepAt[k];
        p += PER_STEP;
      }
      cycles++;
      steps += tp.steps.length;
    }
  }
  for (let s = 0; s < nSurveys; s++) {
    out[p] = surveyAt[s];
    out[p + 1] = surveySatisfied[s] ? 1 : 0;
    p += 2;
  }
  out[0] = openedAt;
  out[1] = resolvedAt;
  out[2] = closedAt;
  out[3] = nextAt === Number.POSITIVE_INFINITY ? Number.NaN : nextAt;
  out[4] = finalLevel;
  out[5] = cycles;
  out[6] = steps;
  out[7] = nSurveys;
  return p;
}

// ---------------------------------------------------------------------------------------------- variant B
const STATE_NAMES = ["pending", "running", "paused", "met", "breached", "cancelled"];
const STEP_NAMES = ["scheduled", "due", "skipped"];
const NO_WARNINGS = Object.freeze([]);
const dateOrNull = (t) => (!Number.isNaN(t) ? new Date(t) : null);

function statusObject(tp, c) {
  const id = tp.id;
  const cycle = c.n;
  const state = STATE_NAMES[xState];
  const level = LEVEL_IDS[c.level];
  const targetMs = c.days ? undefined : c.budget;
  const startedAt = new Date(c.start);
  const dueAt = dateOrNull(xDue);
  const lastCompliantAt = dateOrNull(xLc);
  const elapsedMs = xElapsed;
  const remainingMs = xRemaining;
  const pausedMs = xPaused;
  if (Number.isNaN(c.end)) {
    if (Number.isNaN(xBreachedAt)) {
      return {
        id,
        cycle,
        state,
        level,
        targetMs,
        startedAt,
        dueAt,
        lastCompliantAt,
        elapsedMs,
        remainingMs,
        pausedMs,
      };
    }
    const breachedAt = new Date(xBreachedAt);
    return {
      id,
      cycle,
      state,
      level,
      targetMs,
      startedAt,
      dueAt,
      lastCompliantAt,
      breachedAt,
      elapsedMs,
      remainingMs,
      pausedMs,
    };
  }
  const stoppedAt = new Date(c.end);
  if (Number.isNaN(xBreachedAt)) {
    return {
      id,
      cycle,
      state,
      level,
      targetMs,
      startedAt,
      dueAt,
      lastCompliantAt,
      stoppedAt,
      elapsedMs,
      remainingMs,
      pausedMs,
    };
  }
  const breachedAt = new Date(xBreachedAt);
  return {
    id,
    cycle,
    state,
    level,
    targetMs,
    startedAt,
    dueAt,
    lastCompliantAt,
    stoppedAt,
    breachedAt,
    elapsedMs,
    remainingMs,
    pausedMs,
  };
}

function stepObject(ticketId, tp, cycle, sp, k) {
  const key = ticketId + (sp.tails[cycle] ?? `/${tp.id}/${cycle}/${sp.id}`);
  const state = STEP_NAMES[stepState[k]];
  const at = dateOrNull(stepAt[k]);
  return sp.tier === undefined
    ? { key, ticketId, targetId: tp.id, cycle, stepId: sp.id, action: sp.action, to: sp.to, state, at }
    : {
        key,
        ticketId,
        targetId: tp.id,
        cycle,
        stepId: sp.id,
        action: sp.action,
        to: sp.to,
        tier: sp.tier,
        state,
        at,
      };
}

/** B: the public TicketStatus, as slakit's evaluateTicket builds it. */
function evaluateB(ticket, now) {
  fold(ticket, now);
  nextAt = Number.POSITIVE_INFINITY;
  const ticketId = ticket.id;
  const targets = [];
  const escalations = [];
  for (let j = 0; j < NT; j++) {
    const tp = TARGETS[j];
    for (let i = 0; i < tp.nc; i++) {
      const c = tp.pool[i];
      cycleNumbers(tp, c, now);
      targets.push(statusObject(tp, c));
      for (let k = 0; k < tp.steps.length; k++)
        escalations.push(stepObject(ticketId, tp, c.n, tp.steps[k], k));
    }
  }
  const surveys = [];
  for (let s = 0; s < nSurveys; s++) {
    surveys.push({ channel: surveyChannel[s], satisfied: surveySatisfied[s], at: new Date(surveyAt[s]) });
  }
  return {
    id: ticketId,
    level: LEVEL_IDS[finalLevel],
    phase: "none",
    openedAt: new Date(openedAt),
    resolvedAt: dateOrNull(resolvedAt),
    closedAt: dateOrNull(closedAt),
    channel: ticket.channel,
    targets,
    escalations,
    surveys,
    nextCheckAt: nextAt === Number.POSITIVE_INFINITY ? null : new Date(nextAt),
    warnings: NO_WARNINGS,
  };
}

// ---------------------------------------------------------------------------------------------- checks
/** The preconditions the evaluator relies on: sorted events without ties, opened first, known types. */
function checkWorkload(tickets, nows) {
  for (let i = 0; i < tickets.length; i++) {
    const { events, level } = tickets[i];
    if (!levelIndex.has(level)) refuse(`ticket ${i}: level ${level}`);
    if (events[0]?.type !== "opened" || events[0].status !== undefined || events[0].at > nows[i]) {
      refuse(`ticket ${i}: not opened by its first event before now`);
    }
    for (let k = 0; k < events.length; k++) {
      const e = events[k];
      if (!typeCode.has(e.type) || !Number.isInteger(e.at)) refuse(`ticket ${i}: event ${k}`);
      if (k > 0 && (e.type === "opened" || e.at < events[k - 1].at || e.seq <= events[k - 1].seq)) {
        refuse(`ticket ${i}: events not in (at, seq) order`);
      }
    }
  }
}

const num = (x) => (x === null || x === undefined ? Number.NaN : typeof x === "number" ? x : x.getTime());
const targetIndex = new Map(TARGETS.map((t, j) => [t.id, j]));

/** slakit's status in A's layout. */
function numbersOf(st) {
  const out = [num(st.openedAt), num(st.resolvedAt), num(st.closedAt), num(st.nextCheckAt)];
  out.push(levelIndex.get(st.level), st.targets.length, st.escalations.length, st.surveys.length);
  let e = 0;
  for (const s of st.targets) {
    const j = targetIndex.get(s.id);
    out.push(j, s.cycle, STATE_NAMES.indexOf(s.state), levelIndex.get(s.level), num(s.targetMs));
    out.push(num(s.startedAt), num(s.dueAt), num(s.lastCompliantAt), num(s.stoppedAt), num(s.breachedAt));
    out.push(s.elapsedMs, s.remainingMs, s.pausedMs);
    for (let k = 0; k < TARGETS[j].steps.length; k++) {
      const step = st.escalations[e++];
      const ok = step?.targetId === s.id && step.cycle === s.cycle && step.stepId === TARGETS[j].steps[k].id;
      out.push(j, s.cycle, ok ? k : -1, STEP_NAMES.indexOf(step?.state), num(step?.at));
    }
  }
  for (const s of st.surveys) out.push(num(s.at), s.satisfied ? 1 : 0);
  return out;
}

function sameNumbers(a, out, len) {
  if (a.length !== len) return false;
  for (let i = 0; i < len; i++) if (!Object.is(a[i], out[i])) return false;
  return true;
}

/** Same keys in the same order, recursively (deep equality ignores the order). */
function sameKeyOrder(a, b) {
  if (typeof a !== "object" || a === null || a instanceof Date) return true;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join() !== kb.join()) return false;
  return ka.every((k) => sameKeyOrder(a[k], b[k]));
}

// ---------------------------------------------------------------------------------------------- main
const log = (s) => console.error(s);
const contract = con.parseContract(contractInput);
const { tickets, nows } = escalationWorkload(N);
checkWorkload(tickets, nows);
const out = new Float64Array(1 << 16);

// Does this build of slakit have `{ instants: "ms" }`?
const MS = Object.freeze({ instants: "ms" });
let msSupported = false;
try {
  msSupported = typeof esc.evaluateTicket(contract, tickets[0], nows[0], MS).openedAt === "number";
} catch {
  msSupported = false;
}

log(`limit: checking A and B against slakit on all ${N.toLocaleString("en-US")} tickets…`);
const failures = [];
let keyOrderDiffers = 0;
const msg = (i, what) =>
  `ticket ${i} (${tickets[i].id}, now ${new Date(nows[i]).toISOString()}): ${what}\n  ${JSON.stringify(tickets[i])}`;
for (let i = 0; i < N && failures.length < 5; i++) {
  const want = esc.evaluateTicket(contract, tickets[i], nows[i]);
  const b = evaluateB(tickets[i], nows[i]);
  if (!isDeepStrictEqual(b, want)) {
    failures.push(msg(i, `B differs\n  slakit ${JSON.stringify(want)}\n  B      ${JSON.stringify(b)}`));
    continue;
  }
  if (!sameKeyOrder(b, want)) keyOrderDiffers++;
  const len = evaluateA(tickets[i], nows[i], out);
  const wantNumbers = numbersOf(want);
  if (!sameNumbers(wantNumbers, out, len)) {
    failures.push(msg(i, `A differs\n  slakit ${wantNumbers}\n  A      ${Array.from(out.subarray(0, len))}`));
    continue;
  }
  if (msSupported) {
    const ms = numbersOf(esc.evaluateTicket(contract, tickets[i], nows[i], MS));
    if (!sameNumbers(ms, out, len))
      failures.push(msg(i, `slakit { instants: "ms" } differs from A\n  ${ms}`));
  }
}
if (failures.length) {
  console.error(
    `\n✖ bench/limit.mjs: the hand-written evaluator disagrees with slakit:\n\n${failures.join("\n\n")}`,
  );
  process.exit(1);
}
log(`  all equal${keyOrderDiffers ? ` (key order differs on ${keyOrderDiffers} tickets)` : ""}`);

// Timing: one pass = every ticket once; CPU time; variants interleaved, the order rotating per round.
let sink = 0;
const passes = {
  slakit: () => {
    for (let i = 0; i < N; i++) sink += esc.evaluateTicket(contract, tickets[i], nows[i]).targets.length;
  },
  A: () => {
    for (let i = 0; i < N; i++) sink += evaluateA(tickets[i], nows[i], out);
  },
  B: () => {
    for (let i = 0; i < N; i++) sink += evaluateB(tickets[i], nows[i]).targets.length;
  },
};
if (msSupported) {
  passes.ms = () => {
    for (let i = 0; i < N; i++) sink += esc.evaluateTicket(contract, tickets[i], nows[i], MS).targets.length;
  };
}
const names = Object.keys(passes);
const times = Object.fromEntries(names.map((k) => [k, []]));
for (const k of names) passes[k](); // warm-up
for (let r = 0; r < RUNS; r++) {
  for (let q = 0; q < names.length; q++) {
    const k = names[(q + r) % names.length];
    globalThis.gc?.();
    times[k].push(cpuSeconds(passes[k]));
  }
}
if (sink === 0) throw new Error("nothing evaluated");

const rate = (k) => N / median(times[k]);
const fmt = (x) => Math.round(x).toLocaleString("en-US");
const us = (k) => ((median(times[k]) / N) * 1e6).toFixed(2);
const x = (v) => (v >= 10 ? v.toFixed(0) : v.toFixed(2));
const lines = [];
const p = (s = "") => lines.push(s);
p("## evaluateTicket against its practical limit (bench/limit.mjs)");
p();
p(
  `${machineLine()} · ${fmt(N)} tickets of bench/tickets.mjs (about 12 events, 4 targets, 8 steps), CPU time, median of ${RUNS} interleaved passes.`,
);
p(
  "A and B are hand-written for this contract only, on precomputed working intervals (bench/naive.mjs tables:",
);
p(
  "Float64Array + prefix sums, with a per-day and per-working-hour bucket index; no slakit code). Both were checked",
);
p(
  "equal to slakit on every ticket first (B deep-equal to the status, A the same numbers). slakit/X = slakit's",
);
p("throughput ÷ X's, X/A = X's ÷ A's (below 1: slower); medians of the per-round ratios.");
p();
p("| variant | tickets/s | µs per ticket | slakit/X | X/A |");
p("|---|---:|---:|---:|---:|");
/** Median over the rounds of (b's time ÷ a's time) = a's throughput ÷ b's. */
const paired = (a, b) => median(times[a].map((t, r) => times[b][r] / t));
const rowOf = (k, label) => {
  p(`| ${label} | ${fmt(rate(k))} | ${us(k)} | ${x(paired("slakit", k))}× | ${x(paired(k, "A"))}× |`);
};
rowOf("slakit", "slakit `evaluateTicket` (Dates)");
if (msSupported) rowOf("ms", 'slakit `evaluateTicket(c, t, now, { instants: "ms" })`');
else p('| slakit `evaluateTicket(c, t, now, { instants: "ms" })` | n/a | n/a | n/a | n/a |');
rowOf("B", "B: limit, the same public object (Dates, step keys)");
rowOf("A", "A: limit, plain numbers in a reused Float64Array");
p();
p(
  `- slakit/A = ${x(paired("slakit", "A"))}×, slakit/B = ${x(paired("slakit", "B"))}× (A is ${x(1 / paired("slakit", "A"))}×, B ${x(1 / paired("slakit", "B"))}× as fast as slakit)${msSupported ? `; slakit ms/A = ${x(paired("ms", "A"))}×` : '; `{ instants: "ms" }`: n/a (this build returns Dates)'}.`,
);
p(
  "- B does what slakit does for this ticket but skips what the workload never needs: validating every event and",
);
p(
  "  instant, the order and duplicate checks, chains, resets, cancels, phases, warnings, lazy calendar months.",
);
p("  A also skips the result objects (Dates, step keys, arrays): B/A is what building them costs.");
const md = lines.join("\n");
console.log(`\n${md}\n`);
writeSection("limit", md);
