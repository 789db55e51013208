/** One documented error code. */
export interface DocumentedCode {
  readonly code: string;
  readonly meaning: string;
  readonly fix: string;
}
/** The codes of one union of src/errors.ts. */
export interface CodeGroup {
  readonly name: string;
  readonly module: string;
  readonly codes: readonly DocumentedCode[];
}
/** Reads the code unions of src/errors.ts (or of the text given) and checks that each code is documented once. */
export function readErrorCodes(text?: string): CodeGroup[];
/** The Markdown page with one table per union. */
export function renderErrorCodes(groups: readonly CodeGroup[]): string;
