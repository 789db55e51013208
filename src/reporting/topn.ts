/**
 * The first `cap` items of a stream under a total order, in bounded memory. Keeping "the first N by a fixed
 * order" is exactly mergeable: the first N of a union are among the first N of each part.
 * @internal
 * @module
 */

/** A bounded list of the smallest items under `compare`. @internal */
export interface FirstN<T> {
  readonly cap: number;
  readonly compare: (a: T, b: T) => number;
  /** Items offered so far (kept or not). */
  total: number;
  items: T[];
  /** Once the list has been cut to `cap`, the largest kept item: anything larger is rejected at once. */
  threshold: T | undefined;
  /**
   * The threshold's primary key (`compare` must order by it first), so that a caller can reject an item by
   * its key before building it: `key > thresholdKey` is never kept. `Infinity` while there is no threshold.
   */
  thresholdKey: number;
  readonly primary: ((item: T) => number) | undefined;
}

/** A new list keeping at most `cap` items (`Infinity` for all). @internal */
export function newFirstN<T>(
  cap: number,
  compare: (a: T, b: T) => number,
  primary?: (item: T) => number,
): FirstN<T> {
  return {
    cap,
    compare,
    total: 0,
    items: [],
    threshold: undefined,
    thresholdKey: Number.POSITIVE_INFINITY,
    primary,
  };
}

function cut<T>(list: FirstN<T>): void {
  list.items.sort(list.compare);
  if (list.items.length > list.cap) {
    list.items.length = list.cap;
    const threshold = list.items[list.cap - 1] as T;
    list.threshold = threshold;
    if (list.primary !== undefined) list.thresholdKey = list.primary(threshold);
  }
}

/** Counts an item, and keeps it if it is among the first `cap`. @internal */
export function offer<T>(list: FirstN<T>, item: T): void {
  list.total += 1;
  offerKept(list, item);
}

/** Keeps an item (already counted in `total`) if it is among the first `cap`. @internal */
export function offerKept<T>(list: FirstN<T>, item: T): void {
  if (list.cap === 0) return;
  if (list.threshold !== undefined && list.compare(item, list.threshold) >= 0) return;
  list.items.push(item);
  if (list.items.length >= 2 * list.cap + 1024) cut(list);
}

/** The kept items, sorted and cut to `cap`. @internal */
export function finishFirstN<T>(list: FirstN<T>): T[] {
  cut(list);
  return list.items;
}
