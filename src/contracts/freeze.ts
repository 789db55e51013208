/**
 * Freezing what `parseContract` hands out: a deep frozen copy of the validated input, and read-only views of maps
 * and sets that a cast cannot turn back into mutable ones.
 * @internal
 * @module
 */

/** A deep copy of validated JSON data, frozen, with `-0` written as `0` and `undefined` members dropped. @internal */
export function frozenCopy<T>(value: T): T {
  if (Array.isArray(value)) return Object.freeze(value.map((v) => frozenCopy(v))) as T;
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined)
        Object.defineProperty(out, key, {
          value: frozenCopy(v),
          enumerable: true,
          writable: false,
          configurable: false,
        });
    }
    return Object.freeze(out) as T;
  }
  if (typeof value === "number" && Object.is(value, -0)) return 0 as T;
  return value;
}

/** A read-only view of a map that cannot be changed through casts. @internal */
export function readonlyMap<K, V>(source: ReadonlyMap<K, V>): ReadonlyMap<K, V> {
  const map = new Map(source);
  const view: ReadonlyMap<K, V> = {
    get size() {
      return map.size;
    },
    get: (key: K) => map.get(key),
    has: (key: K) => map.has(key),
    forEach: (fn: (value: V, key: K, m: ReadonlyMap<K, V>) => void, thisArg?: unknown) =>
      map.forEach((v, k) => {
        fn.call(thisArg, v, k, view);
      }),
    entries: () => map.entries(),
    keys: () => map.keys(),
    values: () => map.values(),
    [Symbol.iterator]: () => map[Symbol.iterator](),
  };
  return Object.freeze(view);
}

/** A read-only view of a set that cannot be changed through casts. @internal */
export function readonlySet<T>(source: Iterable<T>): ReadonlySet<T> {
  const set = new Set(source);
  const view: ReadonlySet<T> = {
    get size() {
      return set.size;
    },
    has: (value: T) => set.has(value),
    forEach: (fn: (value: T, value2: T, s: ReadonlySet<T>) => void, thisArg?: unknown) =>
      set.forEach((v) => {
        fn.call(thisArg, v, v, view);
      }),
    entries: () => set.entries(),
    keys: () => set.keys(),
    values: () => set.values(),
    [Symbol.iterator]: () => set[Symbol.iterator](),
  } as ReadonlySet<T>;
  return Object.freeze(view);
}
