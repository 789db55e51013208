/**
 * What counts as a JSON object in the contracts module: the one `isPlainObject` that the prepass, the schema's
 * issue conversion, the semantic checks and `classifyTicket` share.
 * @internal
 * @module
 */

/**
 * Whether a value is a plain JSON object: not `null`, not an array, with the prototype `Object.prototype` or
 * `null` (so no class instance, `Date` or `Map`).
 *
 * @param value - Any value.
 * @returns `true` for `{}` and `Object.create(null)`, `false` for anything else.
 * @example
 * ```ts
 * isPlainObject({ a: 1 });   //=> true
 * isPlainObject([1]);        //=> false
 * isPlainObject(new Date()); //=> false
 * ```
 * @internal
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
