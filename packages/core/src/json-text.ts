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
  if (json === undefined || !json.includes('{}') || !holdsCollection(value, new Set(), 0)) return json;
  return JSON.stringify(value, collectionsAsJson);
}

/** As deep as a walk looks; JSON.stringify itself stops far sooner on a deeper value (its stack). */
const MAX_DEPTH = 10_000;

function holdsCollection(value: unknown, seen: Set<object>, depth: number): boolean {
  if (typeof value !== 'object' || value === null || seen.has(value) || depth > MAX_DEPTH) return false;
  if (value instanceof Map || value instanceof Set) return true;
  seen.add(value);
  const json = (value as { toJSON?: unknown }).toJSON;
  if (typeof json === 'function') return holdsCollection((json as () => unknown).call(value), seen, depth + 1);
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    if (holdsCollection(v, seen, depth + 1)) return true;
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
