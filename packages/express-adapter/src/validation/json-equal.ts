/**
 * Equality of JSON values by their canonical JSON, for `uniqueItems` and for an `enum` with
 * objects (`./own-keywords`), in place of the fast-deep-equal comparisons of ajv's own keywords.
 * Loaded by precompiled validators too (`require("./json-equal")`), so it loads nothing of ajv.
 */

/**
 * The first repeated item of `items`: the index of its first occurrence and its own, or
 * undefined when every item is unique. Items are equal as JSON values are: the same type and
 * value, arrays item by item, objects by the same keys in any order.
 */
export function duplicateOf(items: readonly unknown[]): [number, number] | undefined {
  if (items.length < 2) return undefined;
  const seen = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const key = canonical(items[i]);
    const first = seen.get(key);
    if (first !== undefined) return [first, i];
    seen.set(key, i);
  }
  return undefined;
}

/** Text already decided, on the stack beside the values still to write. */
class Text {
  constructor(readonly text: string) {}
}
const COMMA = new Text(',');
const CLOSE_ARRAY = new Text(']');
const CLOSE_OBJECT = new Text('}');

/**
 * JSON text that is the same for equal values: object keys sorted, read as own properties.
 * Written with a stack of its own, not by recursion: an item nested 20,000 levels deep, which the
 * body may hold under a property the schema refuses, would otherwise overflow the call stack.
 */
function canonical(value: unknown): string {
  let out = '';
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next instanceof Text) {
      out += next.text;
    } else if (Array.isArray(next)) {
      out += '[';
      stack.push(CLOSE_ARRAY);
      for (let i = next.length - 1; i >= 0; i--) {
        stack.push(next[i]);
        if (i > 0) stack.push(COMMA);
      }
    } else if (next !== null && typeof next === 'object') {
      const object = next as Record<string, unknown>;
      const keys = Object.keys(object).sort();
      out += '{';
      stack.push(CLOSE_OBJECT);
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push(object[keys[i]]);
        stack.push(new Text(`${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`));
      }
    } else {
      // JSON has no undefined; a value that JSON.stringify drops still needs a key of its own.
      out += JSON.stringify(next) ?? String(next);
    }
  }
  return out;
}

/** Canonical JSON of each `enum`'s members, by the schema's own array. */
const membersOf = new WeakMap<readonly unknown[], ReadonlySet<string>>();

/** Whether a value equals, as a JSON value, one of an `enum`'s members. */
export function isOneOf(value: unknown, members: readonly unknown[]): boolean {
  let known = membersOf.get(members);
  if (!known) membersOf.set(members, (known = new Set(members.map(canonical))));
  return known.has(canonical(value));
}
