/**
 * `uniqueItems`, checked by each item's canonical JSON instead of ajv's own keyword. ajv compares
 * arrays of objects pairwise with fast-deep-equal, which a request could turn against the app
 * (ajv-validator/ajv#2624):
 * - an item with a `valueOf` or `toString` property that is not a function, such as
 *   `[{"valueOf": 1}, {"valueOf": 1}]`, made it throw, and the request was answered 500;
 * - the pairwise loop is quadratic: 20,000 distinct objects (470 KB) held the event loop for 7 s;
 * - for strings it keys a plain object by each item, so `["__proto__", "__proto__"]` passed.
 *
 * Loaded by precompiled validators too (`require("./unique-items")`), so it loads nothing of ajv.
 */
import type { CodeKeywordDefinition } from 'ajv';

/** ajv's code generators, which the caller has loaded. */
type Codegen = Pick<typeof import('ajv'), '_' | 'str'>;

/**
 * The keyword definition, for an ajv instance whose own `uniqueItems` was removed. It reports as
 * ajv's does: keyword `uniqueItems`, params `{ i, j }`, where item `i` repeats item `j`.
 */
export function uniqueItemsKeyword({ _, str }: Codegen): CodeKeywordDefinition {
  return {
    keyword: 'uniqueItems',
    type: 'array',
    schemaType: 'boolean',
    error: {
      message: ({ params }) => str`must NOT have duplicate items (items ## ${params.j} and ${params.i} are identical)`,
      params: ({ params }) => _`{i: ${params.i}, j: ${params.j}}`,
    },
    code(cxt) {
      if (cxt.schema !== true) return;
      // By reference when compiled in-process; in standalone code, required beside the loader.
      const find = cxt.gen.scopeValue('func', { ref: duplicateOf, code: _`require("./unique-items").duplicateOf` });
      const found = cxt.gen.const('duplicate', _`${find}(${cxt.data})`);
      cxt.setParams({ j: _`${found}[0]`, i: _`${found}[1]` });
      cxt.fail(_`${found} !== undefined`);
    },
  };
}

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
