// bench/results/latest.md is shared by every bench: each one owns a section between two HTML comments,
// `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`, and replaces only its own (appending it the first time), so
// that running one bench alone keeps the others' last tables. A file without any section markers (written
// by bench/run.mjs before sections existed) becomes run.mjs's section, "calendar".
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const LATEST = join(here, "results", "latest.md");

/** Writes `markdown` as the section `name` of bench/results/latest.md. */
export function writeSection(name, markdown) {
  let text = "";
  try {
    text = readFileSync(LATEST, "utf8");
  } catch {
    text = "";
  }
  if (text.trim() && !text.includes("<!-- bench:")) {
    text = `<!-- bench:calendar -->\n${text.trimEnd()}\n<!-- /bench:calendar -->\n`;
  }
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const block = `${open}\n${markdown.trimEnd()}\n${close}`;
  const a = text.indexOf(open);
  const b = text.indexOf(close);
  if (a !== -1 && b > a) text = text.slice(0, a) + block + text.slice(b + close.length);
  else text = `${text.trimEnd()}${text.trim() ? "\n\n" : ""}${block}\n`;
  mkdirSync(dirname(LATEST), { recursive: true });
  writeFileSync(LATEST, text.endsWith("\n") ? text : `${text}\n`);
}

/** "node v20.20.2 · 2 × AMD EPYC …": the machine line of a section. */
export function machineLine() {
  const cpus = os.cpus();
  return `${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${cpus.length} × ${cpus[0]?.model?.trim() ?? "?"}`;
}

/** Median of a list of numbers. */
export function median(xs) {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** CPU time (user + system, all threads of the process) in seconds spent in `f()`. */
export function cpuSeconds(f) {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}
