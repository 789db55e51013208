// Writes guides/error-codes.md, the table of every error code, from the TSDoc of the code unions in
// src/errors.ts (CommonErrorCode, CalendarErrorCode, …): each union's comment lists its codes as
// "- `E_CODE`: meaning. Fix: what to do." The table cannot drift from the code: this script fails when a union
// member has no entry, an entry names no member, or a union is missing from SlaErrorCode.
// Usage: node scripts/error-codes.mjs           writes the file
//        node scripts/error-codes.mjs --check   fails (exit 1) when the file is not what it would write
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const SOURCE = fileURLToPath(new URL("../src/errors.ts", import.meta.url));
const TARGET = fileURLToPath(new URL("../guides/error-codes.md", import.meta.url));
const ALL = "SlaErrorCode";

/** The module each union's codes belong to, for the headings, in the order of the page. */
const GROUPS = [
  ["CommonErrorCode", "Every module"],
  ["CalendarErrorCode", "`slakit/calendar`"],
  ["ContractErrorCode", "`slakit/contracts`"],
  ["EscalationErrorCode", "`slakit/escalation`"],
];

/** The text of the doc comment just before a node, without the `/**`, `*` and `*\/` marks. */
function docText(node, text) {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const last = ranges.at(-1);
  if (last === undefined || !text.startsWith("/**", last.pos)) return "";
  return text
    .slice(last.pos + 3, last.end - 2)
    .split("\n")
    .map((line) => line.replace(/^\s*\* ?/, ""))
    .join("\n");
}

/** The documented entries of a comment: `- \`E_X\`: meaning Fix: fix`, continued on lines indented by 2. */
function entriesOf(doc, name) {
  const entries = [];
  for (const line of doc.split("\n")) {
    const head = /^- `(E_[A-Z_]+)`: (.*)$/.exec(line);
    if (head !== null) entries.push({ code: head[1], text: head[2] });
    else if (line.startsWith("  ") && entries.length > 0) entries.at(-1).text += ` ${line.trim()}`;
  }
  return entries.map(({ code, text }) => {
    const at = text.indexOf(" Fix: ");
    if (at < 0) throw new Error(`${name}: the entry of ${code} has no " Fix: "`);
    const meaning = text.slice(0, at).trim();
    const rest = text.slice(at + 6).trim();
    const fix = rest.charAt(0).toUpperCase() + rest.slice(1);
    if (meaning === "" || fix === "") throw new Error(`${name}: the entry of ${code} is empty`);
    return { code, meaning, fix };
  });
}

/** Members of a union of string literals, or the names of a union of type references. */
function membersOf(type) {
  const parts = ts.isUnionTypeNode(type) ? type.types : [type];
  return parts.map((part) => {
    if (ts.isLiteralTypeNode(part) && ts.isStringLiteral(part.literal)) return part.literal.text;
    if (ts.isTypeReferenceNode(part)) return part.typeName.getText();
    throw new Error(`Unexpected member ${part.getText()} in an error code union`);
  });
}

/**
 * Reads the code unions of src/errors.ts and checks their documentation.
 * @returns The groups in page order, each with its documented codes in union order.
 */
export function readErrorCodes(text = readFileSync(SOURCE, "utf8")) {
  const source = ts.createSourceFile(SOURCE, text, ts.ScriptTarget.ES2022, true);
  const unions = new Map();
  for (const statement of source.statements) {
    if (ts.isTypeAliasDeclaration(statement) && statement.name.text.endsWith("ErrorCode")) {
      unions.set(statement.name.text, statement);
    }
  }
  const all = unions.get(ALL);
  if (all === undefined) throw new Error(`src/errors.ts declares no ${ALL}`);
  const listed = membersOf(all.type);
  const named = GROUPS.map(([name]) => name);
  const expected = [...unions.keys()].filter((name) => name !== ALL);
  if (JSON.stringify([...listed].sort()) !== JSON.stringify([...expected].sort())) {
    throw new Error(`${ALL} is ${listed.join(" | ")}, but the code unions are ${expected.join(", ")}`);
  }
  if (JSON.stringify([...named].sort()) !== JSON.stringify([...expected].sort())) {
    throw new Error(
      `scripts/error-codes.mjs knows ${named.join(", ")}; src/errors.ts has ${expected.join(", ")}`,
    );
  }
  return GROUPS.map(([name, module]) => {
    const node = unions.get(name);
    const codes = membersOf(node.type);
    const entries = entriesOf(docText(node, text), name);
    const byCode = new Map(entries.map((e) => [e.code, e]));
    const missing = codes.filter((c) => !byCode.has(c));
    const extra = entries.map((e) => e.code).filter((c) => !codes.includes(c));
    const twice = entries.map((e) => e.code).filter((c, i, list) => list.indexOf(c) !== i);
    if (missing.length + extra.length + twice.length > 0) {
      throw new Error(
        `${name}: undocumented ${missing.join(", ") || "-"}; documented but not in the union ${extra.join(", ") || "-"}; twice ${twice.join(", ") || "-"}`,
      );
    }
    return { name, module, codes: codes.map((c) => byCode.get(c)) };
  });
}

const cell = (text) => text.replaceAll("|", "\\|");

/** The page: one table per union. */
export function renderErrorCodes(groups) {
  const lines = [
    "---",
    "title: Error codes",
    "---",
    "",
    "# Error codes",
    "",
    "Bad input and misuse throw an `SlaError` with a stable `code`, a JSON `path` (as text and as",
    "`pathSegments`) and a message that says what was received and what was expected. A code never changes",
    "meaning between versions; messages may. `parseContract` throws a `ContractValidationError` (code",
    "`E_CONTRACT`) whose `issues` each carry one of the codes below with its own path. Domain outcomes — a breach,",
    "a paused clock, an event stream with duplicates — are data, never errors (see `EvaluationWarning`).",
    "",
    "This page is generated from the documentation of the code unions in `src/errors.ts` by",
    "`scripts/error-codes.mjs`; `npm run docs` fails when it is out of date.",
  ];
  for (const group of groups) {
    lines.push("", `## ${group.module}: \`${group.name}\``, "", "| Code | Meaning | Fix |", "|---|---|---|");
    for (const { code, meaning, fix } of group.codes)
      lines.push(`| \`${code}\` | ${cell(meaning)} | ${cell(fix)} |`);
  }
  return `${lines.join("\n")}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const page = renderErrorCodes(readErrorCodes());
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(TARGET, "utf8");
    } catch {}
    if (current !== page) {
      console.error("guides/error-codes.md is out of date: run node scripts/error-codes.mjs");
      process.exit(1);
    }
  } else {
    writeFileSync(TARGET, page);
    console.log(`wrote ${TARGET}`);
  }
}
