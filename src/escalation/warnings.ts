/**
 * The warnings of one evaluation: what in the event stream was tolerated or ignored, at most 1,000 listed.
 * @internal
 * @module
 */
import type { EvaluationWarning } from "./types.js";

/** At most this many warnings are listed. @internal */
export const MAX_WARNINGS = 1000;

const NO_WARNINGS: readonly EvaluationWarning[] = Object.freeze([]);

/** Which warning about one event {@link Warnings.once} keeps apart from the others about the same event. */
export type WarningSlot = "doublePause" | "resumeWithoutPause";

/** Collects the warnings of one evaluation, at most {@link MAX_WARNINGS}; made per call. @internal */
export class Warnings {
  private list: EvaluationWarning[] | null = null;
  private dropped = 0;
  private seen: Set<string> | null = null;

  /** Adds a warning, or counts it once the list is full. */
  add(code: EvaluationWarning["code"], message: string, index?: number): void {
    if (this.list === null) this.list = [];
    const list = this.list;
    if (list.length >= MAX_WARNINGS) {
      this.dropped++;
      return;
    }
    list.push(index === undefined ? { code, message } : { code, message, index });
  }

  /** Adds a warning about the event at input `index` once, however many targets notice it. */
  once(code: EvaluationWarning["code"], message: string, index: number, slot: WarningSlot): void {
    this.seen ??= new Set();
    const key = `${index}:${slot}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.add(code, message, index);
  }

  /** The warnings, with a `WARNINGS_TRUNCATED` one counting the rest. */
  finish(): readonly EvaluationWarning[] {
    const list = this.list;
    if (list === null) return NO_WARNINGS;
    if (this.dropped > 0) {
      list.push({ code: "WARNINGS_TRUNCATED", message: `${this.dropped} more warnings were not listed` });
      this.dropped = 0;
    }
    return list;
  }
}
