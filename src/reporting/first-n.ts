/**
 * The first `cap` items of a stream under a total order, in bounded memory. Keeping "the first N by a fixed
 * order" is exactly mergeable: the first N of a union are among the first N of each part.
 *
 * A list may have a numeric *primary key* that `compare` orders by first (an instant, for rows and breaches).
 * A caller streaming many items then asks {@link admits} with the key alone, and builds the item only when it
 * can still be among the first `cap` ({@link keep}): a running max-heap of the `cap` smallest keys seen keeps
 * that bound exact, so after the first few thousand items almost nothing is built, and buffered candidates
 * are dropped by key without sorting. The kept items are sorted by `compare` once, at the end.
 * @internal
 * @module
 */

/** A bounded list of the smallest items under `compare`. @internal */
export interface FirstN<T> {
  readonly cap: number;
  readonly compare: (a: T, b: T) => number;
  /** Items offered so far (kept or not). */
  total: number;
  /** Candidates: a superset of the first `cap` items offered so far, sorted only by {@link finishFirstN}. */
  items: T[];
  /** With a primary key: the key of `items[i]` at `i`. */
  keys: number[];
  /** Once the list has been sorted and cut to `cap`, the largest kept item: anything larger is rejected (without a key). */
  threshold: T | undefined;
  /**
   * A bound on the primary key of the first `cap` items: an item offered with {@link keep} whose key is
   * larger is never kept (so it need not be built). `Infinity` while fewer than `cap` keys have been kept.
   */
  thresholdKey: number;
  /** Max-heap of the `cap` smallest keys given to {@link keep}, grown as needed (empty without a key). */
  heap: Float64Array;
  heapSize: number;
  /** Whether the list has a primary key (items are given with {@link keep}). */
  readonly keyed: boolean;
}

/** Extra candidates buffered beyond `cap` before the list is cut. */
const SLACK = 1024;

/**
 * A new list keeping at most `cap` items (`Infinity` for all).
 * @param keyed - Whether items come with a primary key (see {@link keep}).
 * @internal
 */
export function newFirstN<T>(cap: number, compare: (a: T, b: T) => number, keyed = false): FirstN<T> {
  return {
    cap,
    compare,
    total: 0,
    items: [],
    keys: [],
    threshold: undefined,
    thresholdKey: Number.POSITIVE_INFINITY,
    heap: new Float64Array(keyed && Number.isFinite(cap) ? Math.min(cap, 1024) : 0),
    heapSize: 0,
    keyed,
  };
}

/** Sorts the candidates by `compare` (their keys along) and cuts them to `cap`. */
function sortCut<T>(list: FirstN<T>): void {
  list.items.sort(list.compare);
  // Keys follow `compare`, so the keys of the sorted items are the keys sorted.
  if (list.keyed) list.keys = Array.from(Float64Array.from(list.keys).sort());
  if (list.items.length > list.cap) {
    list.items.length = list.cap;
    if (list.keyed) list.keys.length = list.cap;
    list.threshold = list.items[list.cap - 1] as T;
  }
}

/** Drops the candidates whose key exceeds the bound, in place and in order. */
function dropByKey<T>(list: FirstN<T>): void {
  const { items, keys, thresholdKey } = list;
  let n = 0;
  for (let i = 0; i < items.length; i++) {
    const key = keys[i] as number;
    if (key > thresholdKey) continue;
    items[n] = items[i] as T;
    keys[n] = key;
    n += 1;
  }
  items.length = n;
  keys.length = n;
}

/** Makes room once the buffer is full: by key when that frees enough, else by sorting. */
function cut<T>(list: FirstN<T>): void {
  if (list.keyed) {
    dropByKey(list);
    if (list.items.length <= list.cap + (list.cap + SLACK) / 2) return;
  }
  sortCut(list);
}

function full<T>(list: FirstN<T>): boolean {
  return list.items.length >= 2 * list.cap + SLACK;
}

/** Counts a key into the heap of the `cap` smallest keys, lowering `thresholdKey` once it holds `cap`. */
function noteKey<T>(list: FirstN<T>, key: number): void {
  const cap = list.cap;
  if (!Number.isFinite(cap)) return;
  let heap = list.heap;
  if (list.heapSize < cap) {
    if (list.heapSize === heap.length) {
      heap = new Float64Array(Math.min(cap, Math.max(1024, heap.length * 2)));
      heap.set(list.heap);
      list.heap = heap;
    }
    // Sift up.
    let i = list.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as number) >= key) break;
      heap[i] = heap[parent] as number;
      i = parent;
    }
    heap[i] = key;
  } else if (key < (heap[0] as number)) {
    // Replace the largest and sift down.
    const n = list.heapSize;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && (heap[child + 1] as number) > (heap[child] as number)) child += 1;
      if ((heap[child] as number) <= key) break;
      heap[i] = heap[child] as number;
      i = child;
    }
    heap[i] = key;
  } else {
    return;
  }
  if (list.heapSize === cap && (heap[0] as number) < list.thresholdKey) list.thresholdKey = heap[0] as number;
}

/** Counts an item, and keeps it if it is among the first `cap`. @internal */
export function offer<T>(list: FirstN<T>, item: T): void {
  list.total += 1;
  offerKept(list, item);
}

/**
 * Keeps an item (already counted in `total`) if it is among the first `cap`; for a list without a primary
 * key (with one, see {@link keep}).
 * @internal
 */
export function offerKept<T>(list: FirstN<T>, item: T): void {
  if (list.keyed) throw new Error("offerKept: this list takes its items with their keys (keep)");
  if (list.cap === 0) return;
  if (list.threshold !== undefined && list.compare(item, list.threshold) >= 0) return;
  list.items.push(item);
  if (full(list)) cut(list);
}

/**
 * Whether an item of primary key `key` can still be among the first `cap`: when not, the caller need not
 * build it (it is still counted in `total`). @internal
 */
export function admits<T>(list: FirstN<T>, key: number): boolean {
  return list.cap > 0 && key <= list.thresholdKey;
}

/**
 * Keeps an item (already counted in `total`, and {@link admits} its key) with its primary key, which must
 * follow `compare`: `key(a) < key(b)` implies `compare(a, b) < 0`.
 * @internal
 */
export function keep<T>(list: FirstN<T>, item: T, key: number): void {
  list.items.push(item);
  list.keys.push(key);
  noteKey(list, key);
  if (full(list)) cut(list);
}

/** The kept items, sorted and cut to `cap`. @internal */
export function finishFirstN<T>(list: FirstN<T>): T[] {
  if (list.keyed) dropByKey(list);
  sortCut(list);
  return list.items;
}

/** The kept items, sorted and cut to `cap`, taken out of the list (which is left empty). @internal */
export function drainFirstN<T>(list: FirstN<T>): T[] {
  const items = finishFirstN(list);
  list.items = [];
  list.keys = [];
  return items;
}
