/**
 * Reading caller data safely: a plain snapshot of JSON-like input, taken once at the public edge, so that the
 * code behind it sees own data properties only — never a value inherited through a polluted `Object.prototype`,
 * never a getter or a proxy trap that runs (or throws) later.
 * @internal
 * @module
 */
import { dateValueOf, joinPath, SlaError } from "../errors.js";

/** Bounds of a snapshot: nesting depth, entries of one array or object, and values copied in all. @internal */
export interface SnapshotLimits {
  readonly depth: number;
  readonly entries: number;
  readonly values: number;
}

/**
 * A copy of JSON-like data: primitives and `Date`s as they are; arrays as arrays; every other object as a
 * null-prototype object of its own enumerable string-keyed properties. Inherited properties are not read.
 *
 * @param value - The caller's data.
 * @param path - JSON path of `value`, for errors.
 * @param limits - Depth and size bounds.
 * @returns The snapshot.
 * @throws SlaError `E_TYPE` at the path of a property that cannot be read (a getter or proxy trap that throws, a
 *   revoked proxy); `E_LIMIT` beyond the bounds.
 * @internal
 */
export function snapshotPlain(value: unknown, path: string, limits: SnapshotLimits): unknown {
  let count = 0;
  const copy = (v: unknown, at: string, depth: number): unknown => {
    if (++count > limits.values) {
      throw new SlaError("E_LIMIT", `The input holds more than ${limits.values} values`, at);
    }
    if (typeof v !== "object" || v === null || dateValueOf(v) !== undefined) return v;
    if (depth > limits.depth) {
      throw new SlaError("E_LIMIT", `The input is nested deeper than ${limits.depth} levels`, at);
    }
    let keys: string[];
    let isArray: boolean;
    try {
      isArray = Array.isArray(v);
      keys = isArray ? [] : Object.keys(v);
    } catch (cause) {
      throw unreadable(at, cause);
    }
    const tooMany = (n: number) =>
      new SlaError("E_LIMIT", `Too many entries: ${n}, at most ${limits.entries}`, at);
    if (keys.length > limits.entries) throw tooMany(keys.length);
    if (isArray) {
      const list = v as readonly unknown[];
      const out: unknown[] = [];
      const length = read(() => list.length, at) as number;
      if (length > limits.entries) throw tooMany(length);
      for (let i = 0; i < length; i++) {
        const item = read(() => (Object.hasOwn(list, i) ? list[i] : undefined), joinPath(at, i));
        out.push(copy(item, joinPath(at, i), depth + 1));
      }
      return out;
    }
    const out: Record<string, unknown> = Object.create(null);
    for (const key of keys) {
      const item = read(() => (v as Record<string, unknown>)[key], joinPath(at, key));
      out[key] = copy(item, joinPath(at, key), depth + 1);
    }
    return out;
  };
  return copy(value, path, 0);
}

function read(get: () => unknown, at: string): unknown {
  try {
    return get();
  } catch (cause) {
    throw unreadable(at, cause);
  }
}

function unreadable(at: string, cause: unknown): SlaError {
  return new SlaError("E_TYPE", "The value could not be read (a getter or proxy that throws)", at, { cause });
}
