// Child process for dayjs-business-time 1.0.4 in "process TZ" mode: the parent starts one per zone with
// TZ=<zone>, so plain local dayjs objects live in the calendar's zone. (With the dayjs timezone plugin instead,
// the plugin is wrong after DST changes and some New York adds never return: research/anchors-performance.md.
// A child process also lets the parent enforce a timeout, since a synchronous hang cannot be interrupted.)
// Input (argv[2]): JSON { agreeN, timing: { targetMs, runs, offset, maxN } }. Output (stdout): one JSON object.
import { createRequire } from "node:module";
import { HOLIDAYS, INTERVALS, MINUTE, makeInputs, OPS, WORKDAYS } from "../workload.mjs";

const require = createRequire(import.meta.url);
const dayjs = require("dayjs");
dayjs.extend(require("dayjs-business-time"));

const names = {
  sun: "sunday",
  mon: "monday",
  tue: "tuesday",
  wed: "wednesday",
  thu: "thursday",
  fri: "friday",
};
const week = { sunday: null, saturday: null };
for (const [short, long] of Object.entries(names)) {
  week[long] = WORKDAYS.includes(short)
    ? INTERVALS.map(([s, e]) => ({ start: `${s}:00`, end: `${e}:00` }))
    : null;
}
dayjs.setBusinessTime(week);
dayjs.setHolidays([...HOLIDAYS]);

const impl = {
  add240m: (t) => dayjs(t).addBusinessMinutes(240).valueOf(),
  add16h: (t) => dayjs(t).addBusinessHours(16).valueOf(),
  add2dSameTime: (t) => dayjs(t).addBusinessDays(2).valueOf(),
  between: (a, b) => dayjs(a).businessMinutesDiff(dayjs(b)) * MINUTE,
};

const params = JSON.parse(process.argv[2] ?? "{}");
const { starts, pairA, pairB } = makeInputs();
const out = { tz: process.env.TZ, version: require("dayjs-business-time/package.json").version, ops: {} };
for (const op of OPS) {
  const f = impl[op.id];
  if (f === undefined) continue;
  const call = op.kind === "pair" ? (i) => f(pairA[i], pairB[i]) : (i) => f(starts[i]);
  const results = [];
  for (let i = 0; i < params.agreeN; i++) {
    try {
      results.push(call(i));
    } catch (e) {
      results.push(`threw ${e?.message ?? e}`);
    }
  }
  // warm-up, then size each run so that it lasts about targetMs (at least 20 calls)
  const { targetMs, runs, offset, maxN } = params.timing;
  const w0 = process.hrtime.bigint();
  for (let i = 0; i < 100; i++) call(offset + i);
  const perCallNs = Number(process.hrtime.bigint() - w0) / 100;
  const n = Math.max(20, Math.min(maxN, Math.round((targetMs * 1e6) / perCallNs)));
  const opsPerSec = [];
  for (let r = 0; r < runs; r++) {
    const from = offset + r * n;
    let sink = 0;
    const t0 = process.hrtime.bigint();
    for (let i = from; i < from + n; i++) sink += call(i);
    const ns = Number(process.hrtime.bigint() - t0);
    if (Number.isNaN(sink)) throw new Error("NaN result");
    opsPerSec.push((n * 1e9) / ns);
  }
  out.ops[op.id] = { results, opsPerSec, n };
}
process.stdout.write(JSON.stringify(out));
