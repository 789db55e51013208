/**
 * The reader the semantic checks use over the contract data: a value with its JSON path, whose accessors answer
 * only for the type they name. The checks run whatever the schema found, so nothing here assumes a shape: a
 * field of something that is not a plain object, or an item of something that is not a list, is simply absent.
 * Only own fields are read, never inherited ones.
 * @internal
 * @module
 */
import { joinPath } from "../../errors.js";
import { isPlainObject } from "../plain-object.js";

/**
 * A value of the raw contract data and its JSON path.
 *
 * @example
 * ```ts
 * const root = new RawNode({ targets: [{ id: "response" }] }, "");
 * const target = root.field("targets").items()[0];
 * target?.field("id").text; //=> "response"
 * target?.field("calendar").path; //=> "targets[0].calendar"
 * target?.field("calendar").present; //=> false
 * ```
 * @internal
 */
export class RawNode {
  /**
   * @param value - The value, of any type.
   * @param path - Its JSON path (`""` for the root).
   */
  constructor(
    readonly value: unknown,
    readonly path: string,
  ) {}

  /** The own field `key` of this object; its value is `undefined` when this is no plain object or has no such field. */
  field(key: string): RawNode {
    const v = this.value;
    return new RawNode(
      isPlainObject(v) && Object.hasOwn(v, key) ? v[key] : undefined,
      joinPath(this.path, key),
    );
  }

  /** Whether there is a value (not `undefined`). */
  get present(): boolean {
    return this.value !== undefined;
  }

  /** Whether the value is a plain object. */
  get isObject(): boolean {
    return isPlainObject(this.value);
  }

  /** The value if it is a string. */
  get text(): string | undefined {
    return typeof this.value === "string" ? this.value : undefined;
  }

  /** The own keys of a plain object, in order; `[]` for anything else. */
  keys(): string[] {
    return isPlainObject(this.value) ? Object.keys(this.value) : [];
  }

  /** The items of a list with their paths; `[]` for anything else. */
  items(): RawNode[] {
    const v = this.value;
    return Array.isArray(v) ? v.map((item, i) => new RawNode(item, joinPath(this.path, i))) : [];
  }

  /** The items of a list that are plain objects (with their paths), skipping the others. */
  objects(): RawNode[] {
    return this.items().filter((item) => item.isObject);
  }

  /** The strings of a list, skipping anything else; `[]` for anything but a list. */
  texts(): string[] {
    const v = this.value;
    return Array.isArray(v) ? v.filter((item): item is string => typeof item === "string") : [];
  }

  /** The names an `event` field gives: one string, or the strings of a list. */
  names(): string[] {
    return typeof this.value === "string" ? [this.value] : this.texts();
  }
}
