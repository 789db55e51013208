// A monthly report over 1,000,000 tickets, evaluation included (issue 5: goal under 5 s on one core). The
// tickets are generated lazily and streamed into buildReport (generating them is timed apart and shown); a
// second pass measures the live heap after a full GC every 65,536 tickets, to show that memory stays bounded.
// Run after `npm run build`: `node --expose-gc bench/report.mjs` (part of `npm run bench`;
// BENCH_REPORT_TICKETS=N for a shorter run). Writes its rows to the section "report" of
// bench/results/latest.md. bench/scaling.mjs imports measureReport() for its tickets-per-report row.
import { pathToFileURL } from "node:url";
import { machineLine, writeSection } from "./results.mjs";
import { contractInput, makeTicket, mulberry32 } from "./tickets.mjs";

const con = await import("slakit/contracts");
const rep = await import("slakit/reporting");

const contract = con.parseContract(contractInput);
const october = Date.UTC(2025, 8, 30, 16); // 2025-10-01T00:00+08:00
const monthMs = 31 * 86_400_000;
const now = "2025-11-10T00:00:00+08:00";
const options = { period: { month: "2025-10" }, now };

let sampleHeap = false;
const retained = [];
/** The report's tickets: `count` tickets opened in October 2025 (Shanghai), generated lazily. */
export function* reportTickets(count) {
  const rnd = mulberry32(20251001);
  for (let i = 0; i < count; i++) {
    if (sampleHeap && (i & 0xffff) === 0xffff) {
      globalThis.gc?.();
      retained.push(process.memoryUsage().heapUsed);
    }
    yield makeTicket(rnd, i, october + Math.floor(rnd() * (monthMs / 1000)) * 1000).ticket;
  }
}

let warm = false;
/**
 * Builds the monthly report over `n` streamed tickets and times it in CPU seconds (`cpuS`, generation
 * included), then times generating the same stream alone (`genS`). Throws if the report misses tickets.
 */
export function measureReport(n) {
  if (!warm) {
    rep.buildReport(contract, reportTickets(20_000), options); // warm-up: calendars' months, JIT
    warm = true;
  }
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const report = rep.buildReport(contract, reportTickets(n), options);
  const wallS = (performance.now() - w0) / 1000;
  const c = process.cpuUsage(c0);
  const cpuS = (c.user + c.system) / 1e6;
  if (report.tickets.count !== n) {
    throw new Error(`${report.tickets.count} tickets counted in the window, expected ${n}`);
  }
  // The same stream without slakit: what generating the tickets costs (it is inside the timed run).
  let events = 0;
  const g0 = process.cpuUsage();
  for (const ticket of reportTickets(n)) events += ticket.events.length;
  const g = process.cpuUsage(g0);
  return { n, cpuS, wallS, genS: (g.user + g.system) / 1e6, events };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const N = Number(process.env.BENCH_REPORT_TICKETS ?? 1_000_000);
  let m;
  try {
    m = measureReport(N);
  } catch (e) {
    console.error(`✖ ${e.message}`);
    process.exit(1);
  }
  const { cpuS, wallS, genS, events } = m;

  // Memory run: the same stream, with the live heap measured after a full GC every 65,536 tickets.
  sampleHeap = true;
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  rep.buildReport(contract, reportTickets(N), options);
  const mb = (bytes) => ((bytes - heapBefore) / 1048576).toFixed(1);
  const first = retained[0] ?? heapBefore;
  const last = retained[retained.length - 1] ?? heapBefore;

  const fmt = (x) => Math.round(x).toLocaleString("en-US");
  const rows = [
    `| monthly report, ${fmt(N)} tickets, evaluation included | ${cpuS.toFixed(2)} s CPU (${wallS.toFixed(2)} s wall), ${fmt(N / cpuS)} tickets/s | goal < 5 s |`,
    `| of which generating the ${fmt(N)} tickets (${fmt(events)} events) in the bench itself | ${genS.toFixed(2)} s CPU; slakit ${(cpuS - genS).toFixed(2)} s, ${fmt(N / (cpuS - genS))} tickets/s | |`,
    `| live heap while building it (after GC, at ${fmt(65_536)} and at ${fmt(retained.length * 65_536)} tickets) | ${mb(first)} MB → ${mb(last)} MB${globalThis.gc ? "" : " (run with --expose-gc)"} | bounded |`,
  ];
  for (const row of rows) console.log(row);
  writeSection(
    "report",
    [
      "## Monthly report over streamed tickets (bench/report.mjs)",
      "",
      `${machineLine()} · tickets of bench/tickets.mjs opened in October 2025, streamed into buildReport.`,
      "",
      "| measure | value | goal |",
      "|---|---|---|",
      ...rows,
    ].join("\n"),
  );
}
