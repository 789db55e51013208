/**
 * Canonical JSON (keys sorted by code point at every level) and a small non-cryptographic hash of it.
 * @internal
 * @module
 */

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareText)) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      // defineProperty: a "__proto__" key stays an own data property.
      Object.defineProperty(out, key, {
        value: sortKeys(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

/** Compares strings by UTF-16 code units: locale-independent. @internal */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with sorted keys; `indent` spaces per level (0: compact). @internal */
export function stableStringify(value: unknown, indent = 0): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

/** cyrb53: a fast 53-bit string hash, as 14 hex digits. Not cryptographic. @internal */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2_654_435_761);
    h2 = Math.imul(h2 ^ ch, 1_597_334_677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507) ^ Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2_246_822_507) ^ Math.imul(h1 ^ (h1 >>> 13), 3_266_489_909);
  const n = 4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, "0");
}

/** The fingerprint of a JSON value: the hash of its canonical JSON. @internal */
export function canonicalFingerprint(value: unknown): string {
  return hashText(stableStringify(value));
}
