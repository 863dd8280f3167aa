/**
 * A value as the JSON text an answer, a job's result or a trigger's event carries: what
 * `JSON.stringify` writes, except that a `Map` is written as the object of its entries and a `Set`
 * as the list of its values, where `JSON.stringify` writes both as `{}` and so drops what they hold
 * without a word. A Map whose keys are not text or numbers has no JSON form, and throws.
 */
export function jsonText(value: unknown): string {
  const json = JSON.stringify(value);
  // Both are written as "{}", so only text with one can have held them: the walk is skipped
  // for every other answer.
  if (json === undefined || !json.includes('{}') || !holdsCollection(value)) return json;
  return JSON.stringify(value, collectionsAsJson);
}

/**
 * Whether a Map or a Set is among the values JSON would write, walked with a list rather than by
 * recursion, so that a value JSON.stringify could write never exhausts the stack here. That it
 * wrote the value means it holds no cycle, so nothing needs marking as seen.
 */
function holdsCollection(value: unknown): boolean {
  const pending: object[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'object' && v !== null) pending.push(v);
  };
  add(value);
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next instanceof Map || next instanceof Set) return true;
    const toJSON = (next as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') add((toJSON as () => unknown).call(next));
    else if (Array.isArray(next)) for (let i = 0; i < next.length; i++) add(next[i]);
    else for (const key of Object.keys(next)) add((next as Record<string, unknown>)[key]);
  }
  return false;
}

function collectionsAsJson(_key: string, value: unknown): unknown {
  if (value instanceof Set) return [...value];
  if (!(value instanceof Map)) return value;
  const entries: [string, unknown][] = [];
  for (const [k, v] of value) {
    if (typeof k !== 'string' && typeof k !== 'number')
      throw new TypeError(
        `a Map with a key of type ${k === null ? 'null' : typeof k} has no JSON form: JSON keys are text`,
      );
    entries.push([String(k), v]);
  }
  return Object.fromEntries(entries);
}
