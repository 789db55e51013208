// evaluateTicket throughput on the issue's
// workload — 100,000 tickets of about 12 events, 4 targets with escalation ladders on business-hours calendars —
// and heap growth over repeated passes. Run after `npm run build`: `node --expose-gc bench/escalation.mjs` (part of `npm run bench`).
// SLAKIT_ESCALATION / SLAKIT_CONTRACTS may point at other builds. Throughput is measured in CPU time
// (process.cpuUsage), so that a busy machine distorts it less than wall time. Writes its rows to the section
// "escalation" of bench/results/latest.md.
import { machineLine, writeSection } from "./results.mjs";
import { contractInput, escalationWorkload } from "./tickets.mjs";

const esc = await import(process.env.SLAKIT_ESCALATION ?? "slakit/escalation");
const con = await import(process.env.SLAKIT_CONTRACTS ?? "slakit/contracts");

const N = 100_000;
const RUNS = 5;
const contract = con.parseContract(contractInput);
const { tickets, nows } = escalationWorkload(N);

let sink = 0;
const pass = () => {
  for (let i = 0; i < N; i++) sink += esc.evaluateTicket(contract, tickets[i], nows[i]).targets.length;
};
pass(); // warm-up (compiles the calendars' years)
const rates = [];
for (let r = 0; r < RUNS; r++) {
  const c0 = process.cpuUsage();
  pass();
  const c = process.cpuUsage(c0);
  rates.push(N / ((c.user + c.system) / 1e6));
}
rates.sort((a, b) => a - b);
const heap = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};
const before = heap();
for (let r = 0; r < 3; r++) pass();
const growth = heap() - before;
const fmt = (x) => Math.round(x).toLocaleString("en-US");
const rows = [
  `| evaluateTicket (12 events, 4 targets, 8 steps) | ${fmt(rates[RUNS >> 1])}/s median, ${fmt(rates[RUNS - 1])}/s best | goal ≥ 250,000/s |`,
  `| heap growth over 3 more passes of ${fmt(N)} tickets | ${(growth / 1024).toFixed(0)} KB${globalThis.gc ? "" : " (run with --expose-gc)"} | must not grow |`,
];
for (const row of rows) console.log(row);
if (sink === 0) console.log("no targets?");
writeSection(
  "escalation",
  [
    "## evaluateTicket throughput (bench/escalation.mjs)",
    "",
    `${machineLine()} · ${fmt(N)} tickets of bench/tickets.mjs, CPU time, ${RUNS} passes.`,
    "",
    "| measure | value | goal |",
    "|---|---|---|",
    ...rows,
  ].join("\n"),
);
