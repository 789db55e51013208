#!/usr/bin/env node
// Golden-output check for refactors that must not change any public result: hashes what the built package
// answers on the examples, the bench workloads and a sweep of error inputs, per section.
//   node scripts/golden.mjs write <file>    record the digests of the current build
//   node scripts/golden.mjs check <file>    compare the current build against them (exit 1 on any difference)
// Run `npm run build` first. Kept only for the duration of a behaviour-preserving change.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cal = await import(join(root, "dist/calendar.js"));
const con = await import(join(root, "dist/contracts.js"));
const esc = await import(join(root, "dist/escalation.js"));
const rep = await import(join(root, "dist/reporting.js"));
const { contractInput, makeTicket, mulberry32 } = await import(join(root, "bench/tickets.mjs"));
const { calendarSpec, makeInputs, ZONES } = await import(join(root, "bench/workload.mjs"));

const sections = {};
function section(name, fn) {
  const hash = createHash("sha256");
  const put = (value) => hash.update(`${typeof value === "string" ? value : JSON.stringify(value)}\n`);
  fn(put);
  sections[name] = hash.digest("hex");
}
async function sectionAsync(name, fn) {
  const hash = createHash("sha256");
  const put = (value) => hash.update(`${typeof value === "string" ? value : JSON.stringify(value)}\n`);
  await fn(put);
  sections[name] = hash.digest("hex");
}
const attempt = (fn) => {
  try {
    return { ok: fn() };
  } catch (e) {
    // Issues are compared without the pathSegments added by the redesign (the text path is kept and compared).
    const issues = e?.issues?.map(({ code, path, message }) => ({ code, path, message }));
    return { error: e?.name, code: e?.code, path: e?.path, message: e?.message, issues };
  }
};

// Calendar ops over the bench inputs.
const { starts, pairA, pairB } = makeInputs(20_000, 20250101);
section("calendar", (put) => {
  for (const zone of [...ZONES, "Europe/London", "Australia/Lord_Howe"]) {
    const c = cal.compileCalendar(calendarSpec(zone));
    for (let i = 0; i < starts.length; i++) {
      const t = starts[i];
      put([
        cal.addBusinessTime(c, t, "PT4H").getTime(),
        cal.addBusinessTime(c, t, "PT16H", { boundary: "nextOpening" }).getTime(),
        cal.addBusinessDays(c, t, 2).getTime(),
        cal.addBusinessDays(c, t, -3, { days: "sameTime" }).getTime(),
        cal.subtractBusinessTime(c, t, "PT9H").getTime(),
        cal.subtractBusinessTime(c, t, "PT2H", { boundary: "nextOpening" }).getTime(),
        cal.isBusinessTime(c, t),
        cal.nextBusinessTime(c, t).getTime(),
        cal.businessTimeBetween(c, pairA[i], pairB[i]),
      ]);
      if (i % 200 === 0) put(cal.businessPeriods(c, pairA[i], pairB[i]));
    }
  }
});

// Error paths: codes, paths and messages.
section("errors", (put) => {
  const c = cal.compileCalendar(calendarSpec("Asia/Shanghai"));
  const bad = [
    () => cal.compileCalendar({ timezone: "Europe/Lodnon", week: "24x7" }),
    () => cal.compileCalendar({ timezone: "UTC", week: { mon: [["09:00", "25:00"]] } }),
    () => cal.compileCalendar({ timezone: "UTC", week: { mon: [["10:00", "09:00"]] } }),
    () => cal.compileCalendar({ timezone: "UTC", week: "24x7", holidys: [] }),
    () => cal.compileCalendar({ timezone: "UTC", week: "24x7", versions: [{ from: "2025-13-01" }] }),
    () => cal.addBusinessTime(c, "2025-01-01T09:00:00", "PT1H"),
    () => cal.addBusinessTime(c, 1.5, "PT1H"),
    () => cal.addBusinessTime(c, 0, "P1M"),
    () => cal.addBusinessTime(c, 0, -1),
    () => cal.addBusinessTime(c, 0, "PT1H", { boundary: "x" }),
    () => cal.addBusinessDays(c, 0, 1.5),
    () => cal.businessTimeBetween({}, 0, 1),
    () => cal.businessPeriods(c, 0, 4_000_000_000_000),
    () => cal.toEpochMs("1800-01-01T00:00:00Z"),
    () => cal.parseDuration("P1DT2H"),
    () => con.parseContract({ id: "x" }),
    () => con.parseContract({ ...contractInput, timezone: "Asia/Shangai" }),
    () => con.parseContract({ ...contractInput, targets: [{ ...contractInput.targets[0], calendar: "cm" }] }),
  ];
  for (const fn of bad) put(attempt(fn));
});

// Contracts: seeds parsed, coverage and inspection plans.
const seedDir = join(root, "examples/contracts");
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => [f, con.parseContract(JSON.parse(readFileSync(join(seedDir, f), "utf8")))]);
section("contracts", (put) => {
  for (const [name, contract] of seeds) {
    put(name);
    put(contract.input);
    put([...contract.eventTypes]);
    put(
      contract.targets.map((t) => [t.id, t.steps, contract.levels.map((l) => t.durationFor(l.id) ?? null)]),
    );
    for (let y = 2019; y <= 2032; y++) put(con.coverageAt(contract, `${y}-06-15T00:00:00+08:00`));
    put(con.inspectionPlan(contract, "2025-01-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00"));
  }
});

// Evaluation of the bench workload: statuses and explanations.
const contract = con.parseContract(contractInput);
const rnd = mulberry32(20250101);
const base = Date.UTC(2025, 0, 6);
const tickets = [];
const nows = [];
for (let i = 0; i < 20_000; i++) {
  const opened = base + Math.floor(rnd() * 300) * 86_400_000 + Math.floor(rnd() * 86_400) * 1000;
  const { ticket, inside } = makeTicket(rnd, i, opened);
  tickets.push(ticket);
  nows.push(inside);
}
section("evaluate", (put) => {
  for (let i = 0; i < tickets.length; i++) put(esc.evaluateTicket(contract, tickets[i], nows[i]));
});
section("explain", (put) => {
  for (let i = 0; i < 2000; i++)
    for (const t of contract.targets)
      put(attempt(() => esc.explainTarget(contract, tickets[i], t.id, nows[i])));
});
await sectionAsync("report", async (put) => {
  const options = { period: { month: "2025-06" }, now: "2026-01-15T00:00:00+08:00" };
  const report = rep.buildReport(contract, tickets, options);
  for (const format of ["markdown", "html", "csv", "json"]) put(rep.renderReport(report, format));
  const half = tickets.length >> 1;
  const merged = rep.mergeReports(
    rep.buildReport(contract, tickets.slice(0, half), options),
    rep.buildReport(contract, tickets.slice(half), options),
  );
  put(rep.renderReport(merged, "json"));
  put(
    rep.renderReport(await rep.buildReportAsync(contract, tickets, { ...options, rows: "breaches" }), "json"),
  );
});

// Examples: stdout and every file they write.
section("examples", (put) => {
  const dir = join(root, "examples");
  for (const name of readdirSync(dir)
    .filter((n) => /\.(mjs|cjs)$/.test(n) && n !== "run-all.mjs")
    .sort()) {
    const r = spawnSync(process.execPath, [join(dir, name)], { cwd: root, encoding: "utf8" });
    put(name);
    put(String(r.status));
    put(r.stdout.replace(/\d+(\.\d+)? ?(ms|s)\b/g, "<time>"));
  }
  const walk = (d) => {
    for (const n of readdirSync(d).sort()) {
      if (n === ".cache") continue; // PGlite's machine-dependent template (git-ignored, binary)
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else {
        put(p.slice(root.length));
        put(readFileSync(p, "utf8"));
      }
    }
  };
  walk(join(dir, "out"));
});

const [mode, file] = process.argv.slice(2);
if (mode === "write") {
  writeFileSync(file, `${JSON.stringify(sections, null, 2)}\n`);
  console.log(`golden digests written to ${file}`);
} else if (mode === "check") {
  const expected = JSON.parse(readFileSync(file, "utf8"));
  let differ = 0;
  for (const [name, digest] of Object.entries(expected)) {
    const same = sections[name] === digest;
    if (!same) differ++;
    console.log(`${same ? "same   " : "DIFFERS"} ${name}`);
  }
  process.exit(differ === 0 ? 0 : 1);
} else {
  console.error("usage: node scripts/golden.mjs write|check <file>");
  process.exit(2);
}
