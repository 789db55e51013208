// Helpers shared by the seed examples: load a contract, write the four renderings of a report, print a short
// summary, and the consistency checks every example runs (counts add up; the merge of two halves is the report
// over all tickets). Not an example itself: examples/run-all.mjs runs only top-level files.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseContract } from "slakit/contracts";
import { buildReport, mergeReports, renderReport } from "slakit/reporting";

const examples = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The JSON of a seed contract in examples/contracts/. */
export function contractJson(id) {
  return JSON.parse(readFileSync(join(examples, "contracts", `${id}.json`), "utf8"));
}

/** A seed contract, parsed. */
export function loadContract(id) {
  return parseContract(contractJson(id));
}

/** `2025-10-01T02:00:00.000Z` → `2025-10-01 10:00` in Shanghai (every seed contract is in Asia/Shanghai). */
export function local(date) {
  if (date === null || date === undefined) return "—";
  const t = new Date(new Date(date).getTime() + 8 * 3_600_000).toISOString();
  const seconds = t.slice(16, 19) === ":00" ? "" : t.slice(16, 19);
  return `${t.slice(0, 10)} ${t.slice(11, 16)}${seconds}`;
}

/** Writes the report as Markdown, HTML, CSV and JSON to examples/out/<dir>/<name>.*; returns the paths. */
export function writeReports(report, dir, name) {
  const out = join(examples, "out", dir);
  mkdirSync(out, { recursive: true });
  const files = [];
  for (const [format, ext] of [
    ["markdown", "md"],
    ["html", "html"],
    ["csv", "csv"],
    ["json", "json"],
  ]) {
    const file = join(out, `${name}.${ext}`);
    writeFileSync(file, renderReport(report, format));
    files.push(relative(join(examples, ".."), file));
  }
  console.log(`Reports written: ${files.join(", ")}`);
  return files;
}

/** Prints the targets (per level) and KPIs of a report in a few lines. */
export function printSummary(report) {
  const t = report.tickets;
  console.log(
    `Tickets: ${t.count} opened (${t.byLevel.map((l) => `${l.level} ${l.count}`).join(", ")}), ${t.resolved} resolved, ${t.closed} closed`,
  );
  for (const s of report.targets) {
    const c = s.counts;
    const rate = s.compliance === null ? "—" : `${(s.compliance * 100).toFixed(1)} %`;
    console.log(
      `  target ${`${s.targetId} [${s.level}]`.padEnd(32)} met ${c.met}, breached ${c.breached}, open ${c.open}, open+breached ${c.openBreached}, pending ${c.pending}, cancelled ${c.cancelled}; compliance ${rate}`,
    );
  }
  for (const k of report.kpis) {
    const value =
      k.value === null
        ? "no data"
        : k.unit === "ratio"
          ? `${(k.value * 100).toFixed(2)} %`
          : `${(k.value / 60_000).toFixed(2)} min`;
    console.log(
      `  KPI ${k.label.padEnd(44)} ${k.status.toUpperCase().padEnd(6)} ${value} (${k.numerator}/${k.denominator})`,
    );
  }
}

/** Counts of target cycles by target and state, from `evaluateTicket` results. */
export function tallyStates(statuses) {
  const counts = {};
  for (const s of statuses) {
    for (const t of s.targets) {
      counts[t.id] ??= { pending: 0, running: 0, paused: 0, met: 0, breached: 0, cancelled: 0 };
      counts[t.id][t.state] += 1;
    }
  }
  return counts;
}

/**
 * Consistency checks of a report against the statuses it was built from: every target cycle is counted once,
 * in the right outcome; tickets, resolutions and surveys add up; and the report over all tickets equals the
 * merge of the reports over two halves (also after a JSON round trip, as between processes).
 */
export function checkReport(contract, tickets, statuses, report, options) {
  assert.equal(report.tickets.count, statuses.length, "every ticket opened in the window is counted");
  assert.equal(
    report.tickets.byLevel.reduce((sum, l) => sum + l.count, 0),
    report.tickets.count,
    "tickets by level add up",
  );
  assert.equal(report.tickets.resolved, statuses.filter((s) => s.resolvedAt !== null).length);
  const states = tallyStates(statuses);
  for (const [targetId, c] of Object.entries(states)) {
    const sum = { met: 0, breached: 0, open: 0, openBreached: 0, pending: 0, cancelled: 0 };
    for (const s of report.targets.filter((x) => x.targetId === targetId)) {
      for (const key of Object.keys(sum)) sum[key] += s.counts[key];
    }
    // A breached cycle is "breached" once stopped, "openBreached" while it still runs.
    assert.deepEqual(
      [sum.met, sum.breached + sum.openBreached, sum.open, sum.pending, sum.cancelled],
      [c.met, c.breached, c.running + c.paused, c.pending, c.cancelled],
      `target ${targetId}: report counts equal the evaluated states`,
    );
  }
  const surveys = statuses.flatMap((s) => s.surveys);
  for (const ch of report.satisfaction) {
    const of = surveys.filter((x) => x.channel === ch.channel);
    assert.deepEqual([ch.satisfied, ch.surveys], [of.filter((x) => x.satisfied).length, of.length]);
  }
  // Two halves, by alternate tickets, built separately and merged: exactly the report over all tickets.
  const a = buildReport(
    contract,
    tickets.filter((_, i) => i % 2 === 0),
    options,
  );
  const b = buildReport(
    contract,
    tickets.filter((_, i) => i % 2 === 1),
    options,
  );
  assert.deepEqual(mergeReports(a, b), report, "merge of two halves = report over all");
  const viaJson = mergeReports(JSON.parse(JSON.stringify(b)), JSON.parse(JSON.stringify(a)));
  assert.deepEqual(viaJson, report, "merge after a JSON round trip, in the other order");
  console.log(
    `Consistency: ${statuses.length} tickets, ${Object.values(states).reduce((n, c) => n + Object.values(c).reduce((x, y) => x + y, 0), 0)} target cycles counted once each; merge of two halves = whole report ✔`,
  );
}
