// A contract opened in an editor: VS Code's JSON language service (vscode-json-languageservice, the engine of its
// JSON support) with slakit's schema. The schema is found through the contract's own "$schema" URL (served from
// memory, no network) or associated by file name, as a `json.schemas` setting does. Hover gives a field's
// description, completion offers a target's fields, and a value that misses a pattern gets the readable
// patternErrorMessage instead of the regular expression.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  type CompletionList,
  type Diagnostic,
  getLanguageService,
  type Hover,
  type LanguageService,
  type MarkupContent,
  TextDocument,
} from "vscode-json-languageservice";
import { contractJsonSchema } from "../../src/schema.js";

const SCHEMA_URL = "https://unpkg.com/slakit/dist/schema.json";
const schemaText = JSON.stringify(contractJsonSchema);
const properties = contractJsonSchema.properties as Record<string, { description: string }>;

/** A language service that can load only slakit's schema, from memory; `requested` records what it asked for. */
function service(): { ls: LanguageService; requested: string[] } {
  const requested: string[] = [];
  const ls = getLanguageService({
    schemaRequestService: (uri) => {
      requested.push(uri);
      return uri === SCHEMA_URL
        ? Promise.resolve(schemaText)
        : Promise.reject(new Error(`no network: ${uri}`));
    },
  });
  ls.configure({ validate: true, allowComments: false, schemas: [] });
  return { ls, requested };
}

/** A document and the offset of the first `|` in `text`, which is removed. */
function open(text: string, uri = "file:///work/acme.json"): { doc: TextDocument; offset: number } {
  const offset = text.indexOf("|");
  return { doc: TextDocument.create(uri, "json", 1, offset < 0 ? text : text.replace("|", "")), offset };
}

/**
 * A hover's text as the editor renders it: the service hands a plain `description` over as Markdown with its
 * punctuation escaped (`e\.g\.`), which renders as the description itself.
 */
function hoverText(hover: Hover | null): string {
  if (hover === null) return "";
  const { contents } = hover;
  const parts = Array.isArray(contents) ? contents : [contents];
  const markdown = parts
    .map((p) => (typeof p === "string" ? p : (p as MarkupContent | { value: string }).value))
    .join("\n");
  return markdown.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, "$1");
}

const contract = (targetBody: string, extra = "") => `{
  "$schema": "${SCHEMA_URL}",
  "id": "acme",
  "timezone": "Asia/Shanghai",
  "calendars": { "office": { "timezone": "Asia/Shanghai", "week": "24x7" } },
  "levels": [{ "id": "normal" }],${extra}
  "targets": [{ ${targetBody} }]
}`;

describe('a contract whose "$schema" names the published schema', () => {
  test("hover over a field shows its description", async () => {
    const { ls, requested } = service();
    const { doc, offset } = open(
      contract('"id": "response"').replace('"timezone": "Asia', '"time|zone": "Asia'),
    );
    const hover = await ls.doHover(doc, doc.positionAt(offset), ls.parseJSONDocument(doc));
    expect(requested).toEqual([SCHEMA_URL]);
    expect(hoverText(hover)).toContain(
      'IANA time zone of the contract, e.g. "Asia/Shanghai": the zone of term dates, inspections and report periods.',
    );
    expect(hoverText(hover)).toContain(properties.timezone?.description);
  });

  test("hover over a field of a target, through the list and the object", async () => {
    const { ls } = service();
    const { doc, offset } = open(contract('"id": "response", "dura|tion": "PT30M"'));
    const hover = await ls.doHover(doc, doc.positionAt(offset), ls.parseJSONDocument(doc));
    expect(hoverText(hover)).toContain('The time allowed: "PT30M" or "PT4H" (working time on the calendar)');
  });

  test("completion inside targets[0] offers the target's fields", async () => {
    const { ls } = service();
    const { doc, offset } = open(contract('"id": "response", |'));
    const list = (await ls.doComplete(
      doc,
      doc.positionAt(offset),
      ls.parseJSONDocument(doc),
    )) as CompletionList;
    const labels = list.items.map((item) => item.label);
    for (const field of ["calendar", "start", "stop", "duration", "pause", "escalations", "onLevelChange"])
      expect(labels).toContain(field);
    expect(labels).not.toContain("id"); // already there
    expect(labels).not.toContain("timezone"); // a field of the contract, not of a target
    const calendar = list.items.find((item) => item.label === "calendar");
    expect(calendar?.documentation).toEqual(
      expect.stringContaining("Name of the calendar whose working time"),
    );
  });

  test("a duration that is not ISO 8601 gets the readable message, not the regular expression", async () => {
    const { ls } = service();
    const { doc } = open(
      contract(
        '"id": "response", "calendar": "office", "start": { "event": "opened" }, "stop": { "event": "responded" }, "duration": "4 hours"',
      ),
    );
    const diagnostics = await ls.doValidation(doc, ls.parseJSONDocument(doc));
    expect(diagnostics.map((d) => d.message)).toEqual([
      'Expected an ISO 8601 duration: working time such as "PT30M", "PT4H", "PT1H30M" or "PT1.5S" (no fractions of hours or minutes), or business days "P2D" ("P1W" is "P7D").',
    ]);
    const [diagnostic] = diagnostics as [Diagnostic];
    expect(doc.getText(diagnostic.range)).toBe('"4 hours"');
  });

  test("a bad date and a bad time of day get theirs", async () => {
    const { ls } = service();
    const { doc } = open(
      contract(
        '"id": "response", "calendar": "office", "start": { "event": "opened" }, "stop": { "event": "responded" }, "duration": "PT1H"',
        '\n  "term": { "startEvent": "signed", "startDate": "2020-2-29", "phases": [{ "name": "warranty", "kind": "warranty", "length": "P5Y" }] },\n  "tiers": ["desk"],',
      ).replace('"week": "24x7"', '"week": { "mon": [["9:00", "18:00"]] }'),
    );
    const diagnostics = await ls.doValidation(doc, ls.parseJSONDocument(doc));
    expect(diagnostics.map((d) => [doc.getText(d.range), d.message])).toEqual([
      ['"9:00"', 'Expected a time of day "HH:MM" or "HH:MM:SS" from "00:00" to "23:59:59", e.g. "09:00".'],
      ['"2020-2-29"', 'Expected a date "YYYY-MM-DD", e.g. "2025-10-01".'],
    ]);
  });

  test("a valid contract has no diagnostics", async () => {
    const { ls } = service();
    const { doc } = open(
      contract(
        '"id": "response", "calendar": "office", "start": { "event": "opened" }, "stop": { "event": "responded" }, "duration": "PT30M"',
      ),
    );
    expect(await ls.doValidation(doc, ls.parseJSONDocument(doc))).toEqual([]);
  });
});

describe("the schema associated by file name (a json.schemas setting), for contracts without $schema", () => {
  const shipped = readdirSync(new URL("../../examples/contracts/", import.meta.url)).filter((f) =>
    f.endsWith(".json"),
  );

  function associated(): LanguageService {
    const { ls } = service();
    ls.configure({
      validate: true,
      schemas: [{ uri: "slakit:contract", fileMatch: ["/contracts/*.json"], schema: JSON.parse(schemaText) }],
    });
    return ls;
  }

  test.each(shipped)("the shipped contract %s has no diagnostics", async (file) => {
    const ls = associated();
    const text = readFileSync(new URL(`../../examples/contracts/${file}`, import.meta.url), "utf8");
    const doc = TextDocument.create(`file:///work/contracts/${file}`, "json", 1, text);
    expect(text).not.toContain('"$schema"');
    expect(await ls.doValidation(doc, ls.parseJSONDocument(doc))).toEqual([]);
  });

  test("an unknown field is flagged, so the association is in effect", async () => {
    const ls = associated();
    const text = readFileSync(new URL(`../../examples/contracts/${shipped[0]}`, import.meta.url), "utf8");
    const doc = TextDocument.create(
      "file:///work/contracts/bad.json",
      "json",
      1,
      text.replace('"timezone"', '"timezonee": "UTC", "timezone"'),
    );
    const diagnostics = await ls.doValidation(doc, ls.parseJSONDocument(doc));
    expect(diagnostics.map((d) => [doc.getText(d.range), d.message])).toEqual([
      ['"timezonee"', "Property timezonee is not allowed."],
    ]);
  });
});
