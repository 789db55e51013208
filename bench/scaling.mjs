// How slakit's costs grow with the size of the work (issue 14): one table per dimension, each row giving the
// cost per unit of work and its ratio to the smallest size, so that a cost growing faster than the work shows
// at a glance (ratio well above 1). Dimensions: events per ticket, targets per contract, steps per target,
// ticket age, calendar span of businessTimeBetween / addBusinessTime (warm and fresh calendar), parts folded
// with mergeReports, and tickets per monthly report (bench/report.mjs). CPU time (process.cpuUsage), median of
// RUNS runs of at least MIN_RUN_S each. Run after `npm run build`: `node --expose-gc bench/scaling.mjs` (part
// of `npm run bench`). Writes the section "scaling" of bench/results/latest.md.
import { measureReport, reportTickets } from "./report.mjs";
import { cpuSeconds, machineLine, median, writeSection } from "./results.mjs";
import { contractInput, escalationWorkload, LEVELS, mulberry32 } from "./tickets.mjs";
import { calendarSpec, makeInputs } from "./workload.mjs";

// ---------------------------------------------------------------------------------------------- parameters
const RUNS = 3; // timed runs per row (median)
const MIN_RUN_S = 0.25; // CPU seconds a timed run lasts at least (repeating the work)
const SLOW_S = 2; // work that takes longer than this once is timed once (no warm-up run)
const EVENTS_PER_TICKET = [10, 100, 1_000, 10_000, 100_000, 1_000_000];
const EVENTS_PER_SIZE = 200_000; // events generated per size below 10^6 (e.g. 20,000 tickets of 10)
const EVENT_GAP_MS = 60_000; // mean spacing of the events of a long ticket (uniform in [1 s, 2 min))
const TARGETS_PER_CONTRACT = [4, 16, 64, 200]; // copies of the 4 bench targets (200: the contract limit)
const STEPS_PER_TARGET = [1, 5, 10, 25, 50]; // 50: the contract limit
const CONTRACT_TICKETS = 5_000; // bench tickets evaluated per run in the two tables above
const AGES = [
  ["1 h", 3_600_000],
  ["1 day", 86_400_000],
  ["1 week", 7 * 86_400_000],
  ["30 days", 30 * 86_400_000],
  ["1 year", 365 * 86_400_000],
  ["10 years", 3652 * 86_400_000],
];
const AGE_TICKETS = 5_000;
const SPANS = [
  ["1 h", 3_600_000],
  ["1 day", 86_400_000],
  ["30 days", 30 * 86_400_000],
  ["1 year", 365 * 86_400_000],
  ["5 years", 1826 * 86_400_000],
  ["20 years", 7305 * 86_400_000],
];
const SPAN_INPUTS = 2_000;
const MERGE_PARTS = [10, 100, 1_000];
const TICKETS_PER_PART = 100;
const REPORT_TICKETS = [10_000, 100_000, 1_000_000];

const con = await import("slakit/contracts");
const esc = await import("slakit/escalation");
const cal = await import("slakit/calendar");
const rep = await import("slakit/reporting");

const log = (s) => console.error(s);
let lap = performance.now();
/** Logs a finished table with the wall time it took. */
function logTable(text) {
  log(`${text}\n(${((performance.now() - lap) / 1000).toFixed(0)} s wall)\n`);
  lap = performance.now();
}
const HOUR = 3_600_000;

// ---------------------------------------------------------------------------------------------- measuring
/**
 * CPU seconds per unit of work: `f()` does some work and returns how many units it did. Warm-up, then `reps`
 * calls per run so that a run lasts at least MIN_RUN_S; median over RUNS runs. Work that takes more than SLOW_S
 * once is timed by that single call.
 */
function perUnit(f) {
  globalThis.gc?.();
  let units = 0;
  let s = cpuSeconds(() => {
    units = f();
  }); // warm-up
  if (s > SLOW_S) return s / units;
  let reps = 1;
  while (s < MIN_RUN_S / 4 && reps < 1 << 20) {
    reps *= 4;
    s = cpuSeconds(() => {
      for (let r = 0; r < reps; r++) f();
    });
  }
  reps = Math.max(1, Math.ceil((reps * MIN_RUN_S) / Math.max(s, 1e-9)));
  if (s > MIN_RUN_S && reps > 1) reps = 1;
  const per = [];
  for (let k = 0; k < RUNS; k++) {
    globalThis.gc?.();
    let u = 0;
    const t = cpuSeconds(() => {
      for (let r = 0; r < reps; r++) u += f();
    });
    per.push(t / u);
  }
  if (!(units > 0)) throw new Error("no work done");
  return median(per);
}

function fmtTime(s) {
  if (s >= 1) return `${s.toFixed(2)} s`;
  if (s >= 1e-3) return `${(s * 1e3).toFixed(s >= 0.1 ? 0 : 2)} ms`;
  if (s >= 1e-6) return `${(s * 1e6).toFixed(s >= 1e-4 ? 0 : 2)} µs`;
  return `${(s * 1e9).toFixed(0)} ns`;
}
const fmtRatio = (r) => `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
const fmtInt = (x) => x.toLocaleString("en-US");

const out = [];
const p = (s = "") => out.push(s);
const tables = [];
/**
 * A table: rows of [label, per-unit seconds, …cells under `extra`]; the ratio column is each row's per-unit cost
 * divided by the first row's.
 */
function table(title, unit, head, extra, rows, notes = []) {
  const lines = [
    `### ${title}`,
    "",
    `| ${[head, `per ${unit}`, "ratio to the first row", ...extra].join(" | ")} |`,
    `|---|${"---:|".repeat(2 + extra.length)}`,
  ];
  const first = rows[0][1];
  for (const [label, cost, ...cells] of rows) {
    lines.push(`| ${[label, fmtTime(cost), fmtRatio(cost / first), ...cells].join(" | ")} |`);
  }
  for (const n of notes) lines.push("", n);
  tables.push(lines.join("\n"));
  logTable(lines.join("\n"));
}

const contract = con.parseContract(contractInput);
let sink = 0;

// ---------------------------------------------------------------------------------------------- events per ticket
/**
 * A long ticket: opened, an engineer's response, then blocks of six events — the customer is waited for
 * (status and pause event), answers, a survey, a level change — EVENT_GAP_MS apart on average; all before now.
 */
function longTicket(rnd, id, opened, count) {
  const events = [{ type: "opened", at: opened, seq: 0 }];
  let t = opened;
  const push = (type, extra) => {
    t += 1000 + Math.floor(rnd() * (2 * EVENT_GAP_MS - 1000));
    events.push({ type, at: t, seq: events.length, ...extra });
  };
  if (count > 1) push("engineerResponded");
  for (let b = 0; events.length < count; b++) {
    const block = [
      ["statusChanged", { status: "waiting" }],
      ["waitingCustomer"],
      ["customerReplied"],
      ["statusChanged", { status: "open" }],
      ["survey", { channel: "phone", satisfied: rnd() < 0.9 }],
      ["levelChanged", { level: LEVELS[b % 3] }],
    ];
    for (const [type, extra] of block) if (events.length < count) push(type, extra);
  }
  return { ticket: { id, level: "level3", events }, now: t + HOUR };
}

log("scaling: events per ticket…");
{
  const rows = [];
  const rnd = mulberry32(1401);
  for (const size of EVENTS_PER_TICKET) {
    const count = Math.max(1, Math.floor(EVENTS_PER_SIZE / size));
    const list = Array.from({ length: count }, (_, i) =>
      longTicket(rnd, `L-${i}`, Date.UTC(2025, 0, 6, 1) + Math.floor(rnd() * 30) * 86_400_000, size),
    );
    const f = () => {
      for (const { ticket, now } of list) sink += esc.evaluateTicket(contract, ticket, now).targets.length;
      return count * size;
    };
    const cost = perUnit(f);
    const span = (list[0].now - list[0].ticket.events[0].at) / 86_400_000;
    rows.push([
      fmtInt(size),
      cost,
      fmtTime(cost * size),
      span < 1 ? `${(span * 24).toFixed(1)} h` : `${span.toFixed(0)} days`,
    ]);
    list.length = 0;
  }
  table("Events per ticket", "event", "events", ["per ticket", "ticket's age at now"], rows, [
    `The bench contract; tickets of one opening, one response and blocks of {waiting status, pause event, resume event, open status, survey, level change}, ${EVENT_GAP_MS / 1000} s apart on average; evaluated an hour after the last event. ${fmtInt(EVENTS_PER_SIZE)} events per size (one ticket of 10^6).`,
  ]);
}

// ---------------------------------------------------------------------------------------------- targets, steps
const { tickets: benchTickets, nows: benchNows } = escalationWorkload(CONTRACT_TICKETS);
const evaluateAll = (c) => () => {
  for (let i = 0; i < CONTRACT_TICKETS; i++)
    sink += esc.evaluateTicket(c, benchTickets[i], benchNows[i]).targets.length;
  return CONTRACT_TICKETS;
};

log("scaling: targets per contract…");
{
  const rows = [];
  for (const n of TARGETS_PER_CONTRACT) {
    const targets = Array.from({ length: n }, (_, k) => {
      const t = contractInput.targets[k % 4];
      return { ...t, id: `${t.id}${Math.floor(k / 4)}` };
    });
    const c = con.parseContract({ ...contractInput, targets });
    const perTicket = perUnit(evaluateAll(c));
    rows.push([fmtInt(n), perTicket / n, fmtTime(perTicket)]);
  }
  table("Targets per contract", "target", "targets", ["per ticket"], rows, [
    `The bench tickets (${fmtInt(CONTRACT_TICKETS)} per run), with the contract's 4 targets (and their 8 steps) repeated.`,
  ]);
}

log("scaling: steps per target…");
{
  const rows = [];
  const kinds = [
    (i) => ({ percent: 5 + ((i * 7) % 90) }),
    (i) => ({ after: `PT${5 * (i + 1)}M` }),
    (i) => ({ beforeDue: `PT${5 * (i + 1)}M` }),
    (i) => ({ afterDue: `PT${5 * (i + 1)}M` }),
  ];
  for (const k of STEPS_PER_TARGET) {
    const targets = contractInput.targets.map((t) => ({
      ...t,
      escalations: Array.from({ length: k }, (_, i) => ({
        id: `s${i}`,
        at: kinds[i % 4](i),
        action: "notify",
        to: ["lead"],
      })),
    }));
    const c = con.parseContract({ ...contractInput, targets });
    const perTicket = perUnit(evaluateAll(c));
    rows.push([fmtInt(k), perTicket / (4 * k), fmtTime(perTicket)]);
  }
  table("Steps per target", "step", "steps per target", ["per ticket"], rows, [
    "The bench tickets and targets; each target's ladder replaced by k steps cycling through percent, after, beforeDue and afterDue. A fixed cost per ticket makes the ratio fall below 1; a cost growing with the steps keeps it near 1 or above.",
  ]);
}

// ---------------------------------------------------------------------------------------------- ticket age
log("scaling: ticket age…");
{
  const rows = [];
  const rnd = mulberry32(1402);
  const opened = Array.from(
    { length: AGE_TICKETS },
    () => Date.UTC(2025, 0, 6) + Math.floor(rnd() * 300) * 86_400_000 + Math.floor(rnd() * 86_400) * 1000,
  );
  const tickets = opened.map((t, i) => ({
    id: `A-${i}`,
    level: LEVELS[i % 3],
    events: [
      { type: "opened", at: t, seq: 0 },
      { type: "statusChanged", at: t + 60_000, seq: 1, status: "open" },
      { type: "engineerResponded", at: t + 600_000, seq: 2 },
      { type: "waitingCustomer", at: t + 1_200_000, seq: 3 },
      { type: "customerReplied", at: t + 3_000_000, seq: 4 },
    ],
  }));
  for (const [label, age] of AGES) {
    const f = () => {
      for (let i = 0; i < AGE_TICKETS; i++)
        sink += esc.evaluateTicket(contract, tickets[i], opened[i] + age).targets.length;
      return AGE_TICKETS;
    };
    rows.push([label, perUnit(f)]);
  }
  table("Ticket age (now − opened)", "ticket", "age", [], rows, [
    "Tickets opened in 2025 that got a response and one pause in their first hour, then nothing: resolve, restore and onsite still run (or are breached) at now. The work is the same at every age.",
  ]);
}

// ---------------------------------------------------------------------------------------------- calendar span
log("scaling: calendar span…");
{
  const rows = [];
  const spec = calendarSpec("Asia/Shanghai");
  const starts = makeInputs(SPAN_INPUTS).starts;
  const warm = cal.compileCalendar(spec);
  cal.compileCalendar(spec); // the zone is seen: "fresh" is a new calendar in a known zone
  for (const [label, span] of SPANS) {
    // Working time ≈ 40 of 168 hours a week, to the minute: the add lands about `span` later.
    const amount = Math.round((span * 40) / 168 / 60_000) * 60_000;
    const betweenOn = (c, i) => cal.businessTimeBetween(c, starts[i], starts[i] + span);
    const addOn = (c, i) => cal.addBusinessTime(c, starts[i], amount).getTime();
    const warmOp = (op) => () => {
      for (let i = 0; i < SPAN_INPUTS; i++) sink += op(warm, i);
      return SPAN_INPUTS;
    };
    let next = 0;
    const freshOp = (op) => () => {
      const c = cal.compileCalendar(spec);
      sink += op(c, next++ % SPAN_INPUTS);
      return 1;
    };
    rows.push([
      label,
      perUnit(warmOp(betweenOn)),
      perUnit(warmOp(addOn)),
      perUnit(freshOp(betweenOn)),
      perUnit(freshOp(addOn)),
    ]);
  }
  const lines = [
    "### Calendar span (businessTimeBetween over [t, t + span); addBusinessTime of the working time in such a span)",
    "",
    "| span | between, warm | ratio | add, warm | ratio | between, fresh calendar | ratio | add, fresh calendar | ratio |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const first = rows[0];
  for (const r of rows) {
    const cells = [r[0]];
    for (let k = 1; k <= 4; k++) cells.push(fmtTime(r[k]), fmtRatio(r[k] / first[k]));
    lines.push(`| ${cells.join(" | ")} |`);
  }
  lines.push(
    "",
    `Per call. Warm: one calendar (the workload's, Shanghai) whose tables for the span are built already; ${fmtInt(SPAN_INPUTS)} starts in 2025–2026. Fresh: compileCalendar + one call (zone tables already cached), so it includes building the months the span crosses.`,
  );
  tables.push(lines.join("\n"));
  logTable(lines.join("\n"));
}

// ---------------------------------------------------------------------------------------------- mergeReports
log("scaling: mergeReports…");
{
  const options = { period: { month: "2025-10" }, now: "2025-11-10T00:00:00+08:00" };
  const maxParts = Math.max(...MERGE_PARTS);
  const all = [...reportTickets(maxParts * TICKETS_PER_PART)];
  const parts = [];
  for (let k = 0; k < maxParts; k++) {
    const part = rep.buildReport(
      contract,
      all.slice(k * TICKETS_PER_PART, (k + 1) * TICKETS_PER_PART),
      options,
    );
    parts.push(JSON.parse(JSON.stringify(part))); // as received from a worker
  }
  all.length = 0;
  const three = rep.mergeReports(parts[0], parts[1], parts[2]);
  const variadic = three.tickets.count === 3 * TICKETS_PER_PART;
  const mergeAll = (list) =>
    variadic ? rep.mergeReports(...list) : list.reduce((a, b) => rep.mergeReports(a, b));
  const rows = [];
  for (const n of MERGE_PARTS) {
    const list = parts.slice(0, n);
    let merged = null;
    const f = () => {
      merged = mergeAll(list);
      if (merged.tickets.count !== n * TICKETS_PER_PART) {
        throw new Error(`mergeReports over ${n} parts counts ${merged.tickets.count} tickets`);
      }
      return n;
    };
    const cost = perUnit(f);
    const kb = (r) => `${fmtInt(Math.round(JSON.stringify(r).length / 1024))} KB`;
    rows.push([fmtInt(n), cost, fmtTime(cost * n), fmtInt(n * TICKETS_PER_PART), kb(merged)]);
  }
  table("mergeReports", "part", "parts", ["all parts", "tickets", "merged report (JSON)"], rows, [
    `Parts of ${TICKETS_PER_PART} report tickets each (${fmtInt(Math.round(JSON.stringify(parts[0]).length / 1024))} KB of JSON each) from bench/report.mjs's October tickets, JSON round-tripped as from a worker; ${variadic ? "one call with all parts (mergeReports accepts more than two)" : "folded pairwise with reduce (mergeReports takes two reports)"}.`,
  ]);
}

// ---------------------------------------------------------------------------------------------- report size
log("scaling: tickets per report…");
{
  const rows = [];
  for (const n of REPORT_TICKETS) {
    const runs = n >= 1_000_000 ? 1 : RUNS;
    const ms = [];
    for (let r = 0; r < runs; r++) {
      globalThis.gc?.();
      ms.push(measureReport(n));
    }
    const slakitS = median(ms.map((m) => m.cpuS - m.genS));
    rows.push([
      fmtInt(n),
      slakitS / n,
      `${fmtTime(slakitS)} (+ ${fmtTime(median(ms.map((m) => m.genS)))} generating)`,
    ]);
  }
  table("Tickets per monthly report", "ticket", "tickets", ["whole report"], rows, [
    "bench/report.mjs's measureReport: buildReport over streamed tickets, evaluation included, the cost of generating the stream subtracted (the 10^6 row is one run).",
  ]);
}

if (sink === 0) throw new Error("nothing measured");
p("## Scaling (bench/scaling.mjs)");
p();
p(
  `${machineLine()} · CPU time per unit of work, median of ${RUNS} runs of ≥ ${MIN_RUN_S} s. The ratio column divides each row's cost per unit by the first row's: 1 = linear in the work, above 1 = growing faster than it.`,
);
p();
p(tables.join("\n\n"));
const md = out.join("\n");
console.log(`\n${md}\n`);
writeSection("scaling", md);
