// The common workload of research/anchors-performance.md ("Workload"), shared by every implementation.

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export const ZONES = ["Asia/Shanghai", "America/New_York"];
export const SEED = 20250101;
export const INPUT_COUNT = 100_000;

/** Mon–Fri 09:00–12:00 and 13:00–18:00. */
export const INTERVALS = [
  ["09:00", "12:00"],
  ["13:00", "18:00"],
];
export const WORKDAYS = ["mon", "tue", "wed", "thu", "fri"];
export const HOLIDAYS = [
  "2025-01-01",
  "2025-01-29",
  "2025-04-04",
  "2025-05-01",
  "2025-06-02",
  "2025-10-01",
  "2026-01-01",
  "2026-02-17",
  "2026-05-01",
  "2026-10-01",
];

/** The slakit calendar spec (SPEC.md section 4) of the workload in one zone. */
export function calendarSpec(timezone) {
  return {
    timezone,
    week: Object.fromEntries(WORKDAYS.map((d) => [d, INTERVALS.map(([a, b]) => [a, b])])),
    holidays: [...HOLIDAYS],
  };
}

/** The ops. `kind` says which inputs they take; `amount` is what is added. */
export const OPS = [
  { id: "add240m", kind: "start", label: "+240 business minutes" },
  { id: "add16h", kind: "start", label: "+16 business hours" },
  {
    id: "add2d",
    kind: "start",
    label: "+2 business days (SPEC rule 6: end of the 2nd following working day)",
  },
  {
    id: "add2dSameTime",
    kind: "start",
    label: "+2 business days, same wall time (slakit `{ days: 'sameTime' }`; the peers' rule)",
  },
  { id: "between", kind: "pair", label: "business time between a and b (b − a ≤ 30 days)" },
];

/** mulberry32 PRNG: deterministic floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2027, 0, 1);

/**
 * 100,000 whole-minute start instants uniform in 2025–2026 (UTC), then 100,000 pairs (a, b) with a uniform in
 * the same range and b − a a whole number of minutes uniform in [0, 30 days]. Epoch ms in Float64Arrays.
 */
export function makeInputs(count = INPUT_COUNT, seed = SEED) {
  const rnd = mulberry32(seed);
  const minutes = (TO - FROM) / MINUTE;
  const starts = new Float64Array(count);
  for (let i = 0; i < count; i++) starts[i] = FROM + Math.floor(rnd() * minutes) * MINUTE;
  const pairA = new Float64Array(count);
  const pairB = new Float64Array(count);
  const span = (30 * DAY) / MINUTE;
  for (let i = 0; i < count; i++) {
    pairA[i] = FROM + Math.floor(rnd() * minutes) * MINUTE;
    pairB[i] = pairA[i] + Math.floor(rnd() * (span + 1)) * MINUTE;
  }
  return { starts, pairA, pairB };
}

const formatters = new Map();
/** "Fri 2025-10-31 12:07" in `zone`, for examples in the report. */
export function localString(t, zone) {
  if (typeof t !== "number" || !Number.isFinite(t)) return String(t);
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, x.value]));
  const sec = p.second === "00" ? "" : `:${p.second}`;
  return `${p.weekday} ${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${sec}`;
}
