// `npm run bench`: slakit's built calendar side by side with a naive precomputed baseline and the peers
// moment-business-time and dayjs-business-time, on the workload of research/anchors-performance.md.
// Prints a Markdown report and writes it to bench/results/latest.md (its section "calendar"). See bench/README.md.
//
// Knobs (environment): BENCH_RUN_MS (length of one timed run of a fast implementation, default 1000),
// BENCH_PEER_N (inputs per op and zone checked against the peers, default 2000), BENCH_QUICK=1 (a short
// smoke run: 150 ms runs, 300 peer inputs).
import { spawnSync } from "node:child_process";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildNaive } from "./naive.mjs";
import { loadMoment } from "./peers/moment.mjs";
import { writeSection } from "./results.mjs";
import { calendarSpec, HOUR, localString, MINUTE, makeInputs, OPS, ZONES } from "./workload.mjs";

const here = dirname(fileURLToPath(import.meta.url));

// The memory measurement needs global.gc: re-run ourselves with --expose-gc when started without it.
if (typeof globalThis.gc !== "function") {
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", ...process.execArgv, fileURLToPath(import.meta.url)],
    {
      stdio: "inherit",
    },
  );
  process.exit(r.status ?? 1);
}

const QUICK = process.env.BENCH_QUICK === "1";
const RUN_MS = Number(process.env.BENCH_RUN_MS ?? (QUICK ? 150 : 1000));
const PEER_N = Number(process.env.BENCH_PEER_N ?? (QUICK ? 300 : 2000));
const SLOW_RUN_MS = QUICK ? 100 : 500;
const RUNS = 5;
const SLICE = 20_000; // 5 disjoint slices of the 100,000 inputs for the fast implementations
const SLOW_OFFSET = 50_000; // slow peers are timed on inputs from here, away from the agreement slice
const SLOW_MAX_N = 10_000;

const problems = []; // anything that makes the run fail (exit code 1)
const notes = [];

// ---------------------------------------------------------------------------------------------- slakit
let slakit = null;
try {
  slakit = await import("slakit/calendar");
  for (const name of ["compileCalendar", "addBusinessTime", "addBusinessDays", "businessTimeBetween"]) {
    if (typeof slakit[name] !== "function") throw new Error(`slakit/calendar does not export ${name}()`);
  }
} catch (e) {
  slakit = null;
  const msg = `could not load slakit/calendar from dist/ (run \`npm run build\` first): ${e?.message ?? e}`;
  console.error(`\n✖ ${msg}\n  Continuing with the baseline and the peers only.\n`);
  problems.push(msg);
}

function slakitImpl(cal) {
  const { addBusinessTime, addBusinessDays, businessTimeBetween } = slakit;
  const D240M = 240 * MINUTE;
  const D16H = 16 * HOUR;
  const sameTime = { days: "sameTime" };
  return {
    add240m: (t) => addBusinessTime(cal, t, D240M).getTime(),
    add16h: (t) => addBusinessTime(cal, t, D16H).getTime(),
    add2d: (t) => addBusinessDays(cal, t, 2).getTime(),
    add2dSameTime: (t) => addBusinessDays(cal, t, 2, sameTime).getTime(),
    between: (a, b) => businessTimeBetween(cal, a, b),
  };
}

function naiveImpl(nv) {
  const D240M = 240 * MINUTE;
  const D16H = 16 * HOUR;
  return {
    add240m: (t) => nv.add(t, D240M),
    add16h: (t) => nv.add(t, D16H),
    add2d: (t) => nv.addDays(t, 2),
    add2dSameTime: (t) => nv.addDaysSameTime(t, 2),
    between: (a, b) => nv.between(a, b),
  };
}

// ---------------------------------------------------------------------------------------------- timing
/**
 * A fresh, monomorphic timing loop per (implementation, op): every loop gets its own code and type feedback,
 * so one implementation's calls do not make another's call site megamorphic. (Benchmark code only.)
 */
function makeLoop(kind) {
  const body =
    kind === "pair"
      ? "for (let i = from; i < to; i++) s += f(a[i], b[i]);"
      : "for (let i = from; i < to; i++) s += f(a[i]);";
  return new Function(
    "f",
    "a",
    "b",
    "from",
    "to",
    "reps",
    `let s = 0; for (let r = 0; r < reps; r++) { ${body} } return s;`,
  );
}

const now = () => process.hrtime.bigint();

/** Runs `reps` passes over [from, to); returns ns. Throws if a result is not a finite number. */
function timeLoop(loop, f, a, b, from, to, reps) {
  const t0 = now();
  const s = loop(f, a, b, from, to, reps);
  const ns = Number(now() - t0);
  if (!Number.isFinite(s)) throw new Error(`non-finite result (${s})`);
  return ns;
}

/** Warm-up and calibration for a fast implementation: passes over one slice so that a run lasts RUN_MS. */
function calibrateFast(loop, f, a, b) {
  let reps = 1;
  let ns = 0;
  const start = now();
  while (Number(now() - start) < 300e6 || reps < 4) {
    ns = timeLoop(loop, f, a, b, 0, SLICE, 1);
    reps++;
  }
  return Math.max(1, Math.round((RUN_MS * 1e6) / ns));
}

/** Calibration for a slow peer: calls per run so that a run lasts SLOW_RUN_MS. */
function calibrateSlow(loop, f, a, b) {
  timeLoop(loop, f, a, b, SLOW_OFFSET, SLOW_OFFSET + 50, 1); // warm-up
  const ns = timeLoop(loop, f, a, b, SLOW_OFFSET, SLOW_OFFSET + 100, 1);
  return Math.max(20, Math.min(SLOW_MAX_N, Math.round((SLOW_RUN_MS * 1e6 * 100) / ns)));
}

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---------------------------------------------------------------------------------------------- agreement
/**
 * Compares `got` with `want` on input i. "equivalent": a different instant with zero business time in
 * between (measured by the baseline), e.g. Tue 18:00 vs Wed 09:00.
 */
function classify(op, got, want, nv) {
  if (typeof got !== "number" || Number.isNaN(got)) return "threw";
  if (got === want) return "same";
  if (op === "between") return "wrong";
  return nv.between(Math.min(got, want), Math.max(got, want)) === 0 ? "equivalent" : "wrong";
}

function newTally() {
  return { checked: 0, same: 0, equivalent: 0, wrong: 0, threw: 0, examples: [] };
}

function describeInput(op, i, inputs, zone) {
  return OPS.find((o) => o.id === op).kind === "pair"
    ? `${localString(inputs.pairA[i], zone)} → ${localString(inputs.pairB[i], zone)}`
    : localString(inputs.starts[i], zone);
}

function showValue(op, v, zone) {
  if (typeof v !== "number") return String(v);
  return op === "between" ? `${v / MINUTE} min` : localString(v, zone);
}

function record(tally, kind, op, i, inputs, zone, got, want) {
  tally.checked++;
  tally[kind]++;
  if (kind !== "same" && kind !== "equivalent" && tally.examples.length < 3) {
    tally.examples.push(
      `${describeInput(op, i, inputs, zone)}: got ${showValue(op, got, zone)}, expected ${showValue(op, want, zone)}`,
    );
  }
}

function safeCall(f, op, inputs, i) {
  try {
    return OPS.find((o) => o.id === op).kind === "pair"
      ? f(inputs.pairA[i], inputs.pairB[i])
      : f(inputs.starts[i]);
  } catch (e) {
    return `threw ${e?.code ?? ""} ${e?.message ?? e}`.trim();
  }
}

// ---------------------------------------------------------------------------------------------- formatting
function fmtRate(x) {
  if (x === undefined || x === null || Number.isNaN(x)) return "—";
  if (x >= 1e6) return `${(x / 1e6).toFixed(x >= 1e7 ? 1 : 2)}M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(x >= 1e4 ? 0 : 1)}k`;
  return x.toFixed(0);
}

function fmtRatio(x) {
  if (x === undefined || x === null || Number.isNaN(x)) return "—";
  if (x >= 100) return `${Math.round(x).toLocaleString("en-US")}×`;
  if (x >= 10) return `${x.toFixed(0)}×`;
  return `${x.toFixed(2)}×`;
}

const zoneShort = (z) => (z === "Asia/Shanghai" ? "SH" : z === "America/New_York" ? "NY" : z);

// ---------------------------------------------------------------------------------------------- main
const inputs = makeInputs();
const { starts, pairA, pairB } = inputs;
const arraysFor = (op) => (OPS.find((o) => o.id === op).kind === "pair" ? [pairA, pairB] : [starts, starts]);
const log = (s) => console.error(s);

log(`slakit bench: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`);
log(
  `run length ${RUN_MS} ms × ${RUNS} (fast), ${SLOW_RUN_MS} ms × ${RUNS} (slow peers); peer agreement on ${PEER_N} inputs`,
);

// 1. First calls, before anything else touches a zone in slakit (its zone cache is module-level).
const firstCall = {};
if (slakit) {
  try {
    const t = Date.UTC(2025, 5, 16, 3);
    const once = (zone) => {
      const t0 = now();
      const cal = slakit.compileCalendar(calendarSpec(zone));
      const t1 = now();
      slakit.addBusinessTime(cal, t, 240 * MINUTE);
      const t2 = now();
      return { compileUs: Number(t1 - t0) / 1e3, totalUs: Number(t2 - t0) / 1e3 };
    };
    firstCall.cold = once("Europe/Berlin");
    const fresh = [
      "Australia/Sydney",
      "America/Sao_Paulo",
      "Asia/Kolkata",
      "Africa/Cairo",
      "Pacific/Auckland",
      "America/Chicago",
      "Europe/London",
    ];
    const newZone = fresh.map(once);
    firstCall.newZone = {
      compileUs: median(newZone.map((x) => x.compileUs)),
      totalUs: median(newZone.map((x) => x.totalUs)),
      count: fresh.length,
    };
    once("Asia/Shanghai");
    const seen = Array.from({ length: 9 }, () => once("Asia/Shanghai"));
    firstCall.seenZone = {
      compileUs: median(seen.map((x) => x.compileUs)),
      totalUs: median(seen.map((x) => x.totalUs)),
      count: seen.length,
    };
  } catch (e) {
    problems.push(`first-call measurement threw: ${e?.code ?? ""} ${e?.message ?? e}`);
  }
}

// 2. Per zone: agreement with the baseline on all inputs, timing, peers.
const moment = loadMoment();
const rows = []; // { op, zone, slakit, naive, moment, dayjs, rSN, rSM, rSD }
const agreement = []; // { zone, op, who, tally }
const naiveBuild = {};
const peerVersions = { moment: moment.version };

for (const zone of ZONES) {
  log(`\n— ${zone}`);
  const b0 = now();
  const nv = buildNaive(zone);
  naiveBuild[zone] = { ms: Number(now() - b0) / 1e6, intervals: nv.intervals, bytes: nv.bytes };
  const naive = naiveImpl(nv);
  let sk = null;
  if (slakit) {
    try {
      sk = slakitImpl(slakit.compileCalendar(calendarSpec(zone)));
    } catch (e) {
      problems.push(`compileCalendar(${zone}) threw: ${e?.code ?? ""} ${e?.message ?? e}`);
    }
  }
  const mo = moment.make(zone);
  const skOk = {}; // op -> slakit usable for timing

  // 2a. slakit vs baseline, every input.
  if (sk) {
    for (const op of OPS) {
      const tally = newTally();
      for (let i = 0; i < starts.length; i++) {
        const want = safeCall(naive[op.id], op.id, inputs, i);
        const got = safeCall(sk[op.id], op.id, inputs, i);
        const kind = got === want ? "same" : typeof got === "number" ? "wrong" : "threw";
        record(tally, kind, op.id, i, inputs, zone, got, want);
      }
      agreement.push({ zone, op: op.id, who: "slakit vs naive", tally });
      skOk[op.id] = tally.threw === 0;
      if (tally.same !== tally.checked) {
        problems.push(
          `slakit disagrees with the baseline on ${tally.checked - tally.same} ${op.id} inputs in ${zone}`,
        );
      }
      log(
        `  agreement slakit vs naive ${op.id}: ${tally.checked - tally.same} mismatches / ${tally.checked}`,
      );
    }
  }

  // 2b. Timing: slakit and naive paired on the same slices; moment on its own slices.
  const timing = {};
  for (const op of OPS) {
    const [a, b] = arraysFor(op.id);
    const t = { slakit: [], naive: [], moment: [] };
    const nLoop = makeLoop(op.kind);
    const nReps = calibrateFast(nLoop, naive[op.id], a, b);
    let sLoop = null;
    let sReps = 0;
    if (sk && skOk[op.id]) {
      try {
        sLoop = makeLoop(op.kind);
        sReps = calibrateFast(sLoop, sk[op.id], a, b);
      } catch (e) {
        sLoop = null;
        problems.push(`slakit ${op.id} (${zone}) threw while timing: ${e?.message ?? e}`);
      }
    }
    for (let r = 0; r < RUNS; r++) {
      const from = r * SLICE;
      const to = from + SLICE;
      if (sLoop) t.slakit.push((SLICE * sReps * 1e9) / timeLoop(sLoop, sk[op.id], a, b, from, to, sReps));
      t.naive.push((SLICE * nReps * 1e9) / timeLoop(nLoop, naive[op.id], a, b, from, to, nReps));
    }
    if (mo[op.id]) {
      const mLoop = makeLoop(op.kind);
      const n = calibrateSlow(mLoop, mo[op.id], a, b);
      for (let r = 0; r < RUNS; r++) {
        const from = SLOW_OFFSET + r * n;
        t.moment.push((n * 1e9) / timeLoop(mLoop, mo[op.id], a, b, from, from + n, 1));
      }
      t.momentN = n;
    }
    timing[op.id] = t;
    log(
      `  timed ${op.id}: slakit ${fmtRate(median(t.slakit))}/s, naive ${fmtRate(median(t.naive))}/s, moment ${fmtRate(median(t.moment))}/s`,
    );
  }

  // 2c. moment-business-time agreement (against slakit, or the baseline when slakit is unavailable).
  const refName = sk ? "slakit" : "naive";
  const ref = sk ?? naive;
  for (const op of OPS) {
    if (!mo[op.id]) continue;
    const tally = newTally();
    for (let i = 0; i < PEER_N; i++) {
      const want = safeCall(ref[op.id], op.id, inputs, i);
      const got = safeCall(mo[op.id], op.id, inputs, i);
      record(tally, classify(op.id, got, want, nv), op.id, i, inputs, zone, got, want);
    }
    agreement.push({ zone, op: op.id, who: `moment-business-time vs ${refName}`, tally });
  }

  // 2d. dayjs-business-time in a child process with TZ=zone, under a timeout.
  log("  dayjs-business-time (child process, TZ mode)…");
  const child = spawnSync(
    process.execPath,
    [
      join(here, "peers", "dayjs-worker.mjs"),
      JSON.stringify({
        agreeN: PEER_N,
        timing: { targetMs: SLOW_RUN_MS, runs: RUNS, offset: SLOW_OFFSET, maxN: SLOW_MAX_N },
      }),
    ],
    { env: { ...process.env, TZ: zone }, encoding: "utf8", timeout: 600_000, maxBuffer: 256 * 1024 * 1024 },
  );
  let dj = null;
  if (child.status === 0) {
    try {
      dj = JSON.parse(child.stdout);
      peerVersions.dayjs = dj.version;
    } catch (e) {
      notes.push(`dayjs-business-time (${zone}): unreadable worker output: ${e.message}`);
    }
  } else {
    const why =
      child.error?.code === "ETIMEDOUT" ? "timed out after 600 s" : `exited ${child.status ?? child.signal}`;
    notes.push(
      `dayjs-business-time (${zone}): worker ${why}; ${String(child.stderr).trim().split("\n").slice(-3).join(" | ")}`,
    );
  }
  if (dj) {
    for (const op of OPS) {
      const r = dj.ops[op.id];
      if (!r) continue;
      timing[op.id].dayjs = r.opsPerSec;
      timing[op.id].dayjsN = r.n;
      const tally = newTally();
      for (let i = 0; i < r.results.length; i++) {
        const want = safeCall(ref[op.id], op.id, inputs, i);
        const got = r.results[i];
        record(tally, classify(op.id, got, want, nv), op.id, i, inputs, zone, got, want);
      }
      agreement.push({ zone, op: op.id, who: `dayjs-business-time vs ${refName}`, tally });
    }
  }

  for (const op of OPS) {
    const t = timing[op.id];
    const paired = (xs, ys) =>
      xs.length && ys?.length ? median(xs.map((x, k) => x / ys[Math.min(k, ys.length - 1)])) : Number.NaN;
    rows.push({
      op: op.id,
      zone,
      slakit: t.slakit.length ? median(t.slakit) : Number.NaN,
      naive: median(t.naive),
      moment: t.moment.length ? median(t.moment) : Number.NaN,
      dayjs: t.dayjs?.length ? median(t.dayjs) : Number.NaN,
      rSN: paired(t.slakit, t.naive),
      rSM: paired(t.slakit, t.moment),
      rSD: paired(t.slakit, t.dayjs),
      momentN: t.momentN,
      dayjsN: t.dayjsN,
    });
  }
}

// 3. Memory of a compiled calendar spanning 10 years (lazy tables forced for 2020–2029).
let memory = null;
if (slakit) {
  try {
    const K = 10;
    const force = (cal) => {
      for (let y = 2020; y < 2030; y++) {
        slakit.addBusinessTime(cal, Date.UTC(y, 5, 15), 60 * MINUTE);
        slakit.businessTimeBetween(cal, Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1));
      }
    };
    force(slakit.compileCalendar(calendarSpec("Asia/Shanghai"))); // zone tables for 2020–2029 are shared
    const used = () => {
      for (let i = 0; i < 4; i++) globalThis.gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const before = used();
    const keep = [];
    for (let k = 0; k < K; k++) {
      const cal = slakit.compileCalendar(calendarSpec("Asia/Shanghai"));
      force(cal);
      keep.push(cal);
    }
    const after = used();
    memory = { perCalendarKB: (after - before) / K / 1024, calendars: K, years: 10 };
    if (keep.length !== K) throw new Error("unreachable");
  } catch (e) {
    problems.push(`memory measurement threw: ${e?.code ?? ""} ${e?.message ?? e}`);
  }
}

// 4. Bulk: 1M tickets × 3 targets (240 min, 16 h, 2 days), one fresh calendar, compilation included.
const bulk = [];
for (const zone of ZONES) {
  const run = (build) => {
    const t0 = now();
    const f = build();
    let s = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const t = starts[i % starts.length];
      s += f.add240m(t) + f.add16h(t) + f.add2d(t);
    }
    if (!Number.isFinite(s)) throw new Error("non-finite result");
    return Number(now() - t0) / 1e9;
  };
  const entry = { zone, naive: run(() => naiveImpl(buildNaive(zone))) };
  if (slakit) {
    try {
      entry.slakit = run(() => slakitImpl(slakit.compileCalendar(calendarSpec(zone))));
    } catch (e) {
      problems.push(`bulk run threw in ${zone}: ${e?.message ?? e}`);
    }
  }
  bulk.push(entry);
}

// ---------------------------------------------------------------------------------------------- report
const out = [];
const p = (s = "") => out.push(s);
p("# slakit benchmark");
p();
p(
  `${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"} · ` +
    `moment-business-time ${peerVersions.moment}, dayjs-business-time ${peerVersions.dayjs ?? "?"}`,
);
p();
p(
  "Workload (research/anchors-performance.md): Mon–Fri 09:00–12:00 + 13:00–18:00, 10 holidays, 100,000 seeded",
);
p("whole-minute starts and pairs (b − a ≤ 30 days) in 2025–2026; SH = Asia/Shanghai, NY = America/New_York.");
p(
  `ops/s: median of ${RUNS} runs on disjoint slices; ratios: median of the ${RUNS} paired ratios (higher is better for slakit).`,
);
if (!slakit)
  p("\n**slakit was not available in this run (see Problems); only the baseline and the peers ran.**");
p();
p("| op | zone | slakit | naive | moment-bt | dayjs-bt | slakit/naive | slakit/moment | slakit/dayjs |");
p("|---|---|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  p(
    `| ${r.op} | ${zoneShort(r.zone)} | ${fmtRate(r.slakit)} | ${fmtRate(r.naive)} | ${fmtRate(r.moment)} | ${fmtRate(r.dayjs)} | ` +
      `${fmtRatio(r.rSN)} | ${fmtRatio(r.rSM)} | ${fmtRatio(r.rSD)} |`,
  );
}
p();
p(
  "- `add2d` is SPEC rule 6 (end of business hours of the 2nd following working day); the peers have no such",
);
p("  rule, so they appear under `add2dSameTime`, compared with slakit's `{ days: 'sameTime' }`.");
p("- Goal (anchors-performance.md): slakit ≥ ¼ of naive (must: ≥ ⅒) on adds, between and day adds.");
const slowest = rows.filter((r) => !Number.isNaN(r.rSN)).sort((x, y) => x.rSN - y.rSN)[0];
if (slowest)
  p(`  Lowest slakit/naive here: ${fmtRatio(slowest.rSN)} (${slowest.op}, ${zoneShort(slowest.zone)}).`);
p(
  `- dayjs-business-time runs in a child process per zone with TZ set to that zone (its correct mode; the dayjs tz plugin`,
);
p(
  "  is wrong after DST changes and hangs on ~0.5 % of New York adds), under a 600 s timeout. Slow peers are timed on",
);
const ns = rows.map((r) => r.momentN).filter(Boolean);
const dns = rows.map((r) => r.dayjsN).filter(Boolean);
p(
  `  ${ns.length ? Math.min(...ns) : "?"}–${ns.length ? Math.max(...ns) : "?"} (moment) and ${dns.length ? Math.min(...dns) : "?"}–${dns.length ? Math.max(...dns) : "?"} (dayjs) calls per run; slakit/dayjs pairs runs across processes.`,
);
p();
p("## First call, memory, bulk");
p();
p("| measure | value |");
p("|---|---|");
if (firstCall.cold) {
  p(
    `| very first call in the process (compile + first add, Europe/Berlin, cold code) | ${firstCall.cold.totalUs.toFixed(0)} µs |`,
  );
  p(
    `| first call in a never-seen zone (median of ${firstCall.newZone.count} zones): compile / compile + first add | ${firstCall.newZone.compileUs.toFixed(0)} µs / ${firstCall.newZone.totalUs.toFixed(0)} µs |`,
  );
  p(
    `| fresh calendar in a seen zone (median of ${firstCall.seenZone.count}): compile / compile + first add | ${firstCall.seenZone.compileUs.toFixed(0)} µs / ${firstCall.seenZone.totalUs.toFixed(0)} µs |`,
  );
  if (memory) {
    p(
      `| memory of one compiled calendar with 2020–2029 materialised (heap + ArrayBuffers, mean of ${memory.calendars}; zone tables shared) | ${memory.perCalendarKB.toFixed(1)} KB (${(memory.perCalendarKB / memory.years).toFixed(1)} KB/year) |`,
    );
  }
} else {
  p("| slakit first call and memory | — (slakit unavailable) |");
}
for (const z of ZONES) {
  const b = naiveBuild[z];
  p(
    `| naive build ${zoneShort(z)} (27 months, ${b.intervals} intervals, ${(b.bytes / 1024).toFixed(1)} KB typed arrays) | ${b.ms.toFixed(1)} ms |`,
  );
}
for (const b of bulk) {
  p(
    `| bulk 1M tickets × 3 targets, ${zoneShort(b.zone)}, compile included: slakit / naive | ${b.slakit === undefined ? "—" : `${b.slakit.toFixed(2)} s`} / ${b.naive.toFixed(2)} s |`,
  );
}
p();
p("## Agreement");
p();
p(
  "slakit vs naive: every input (must be 0 mismatches). Peers: the first inputs, classified as same, equivalent",
);
p("(different instant, zero business time in between), wrong, threw.");
p();
p("| zone | op | comparison | checked | same | equivalent | wrong | threw |");
p("|---|---|---|---:|---:|---:|---:|---:|");
for (const a of agreement) {
  const t = a.tally;
  p(
    `| ${zoneShort(a.zone)} | ${a.op} | ${a.who} | ${t.checked} | ${t.same} | ${t.equivalent} | ${t.wrong} | ${t.threw} |`,
  );
}
const withExamples = agreement.filter((a) => a.tally.examples.length);
if (withExamples.length) {
  p();
  p("Examples (local times):");
  p();
  for (const a of withExamples) {
    p(`- ${a.who}, ${a.op}, ${zoneShort(a.zone)}:`);
    for (const ex of a.tally.examples) p(`  - ${ex}`);
  }
}
if (notes.length || problems.length) {
  p();
  p("## Problems and notes");
  p();
  for (const x of problems) p(`- ✖ ${x}`);
  for (const x of notes) p(`- ${x}`);
}

const report = `${out.join("\n")}\n`;
console.log(`\n${report}`);
writeSection("calendar", report);
log(`written to bench/results/latest.md (section "calendar")`);
if (problems.length) {
  log(`\n✖ ${problems.length} problem(s); see the report.`);
  process.exit(1);
}
