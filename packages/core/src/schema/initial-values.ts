import type { Class } from '../types';

const known = new WeakMap<Function, ReadonlyMap<string, unknown>>();

/**
 * The values a class's field initialisers give its properties (`top?: number = 10`), which a
 * handler sees wherever a request leaves the property out: each DTO is made with `new Dto()`. Only
 * JSON values are taken (text, finite numbers, booleans, and lists and plain objects of them) that
 * two instances agree on, so a `new Date()` or a random id, which would publish another default at
 * each build, is left out; so is every value of a class whose constructor throws without arguments.
 */
export function initialValues(cls: Class): ReadonlyMap<string, unknown> {
  let values = known.get(cls);
  if (!values) {
    values = read(cls);
    known.set(cls, values);
  }
  return values;
}

function read(cls: Class): ReadonlyMap<string, unknown> {
  const Made = cls as Class & (new () => object);
  let first: Record<string, unknown>;
  let second: Record<string, unknown>;
  try {
    first = new Made() as Record<string, unknown>;
    second = new Made() as Record<string, unknown>;
  } catch {
    return new Map();
  }
  const values = new Map<string, unknown>();
  for (const key of Object.keys(first)) {
    const value = first[key];
    if (!isJson(value)) continue;
    const written = JSON.stringify(value);
    if (written === JSON.stringify(second[key])) values.set(key, JSON.parse(written));
  }
  return values;
}

/** Whether JSON writes the value as it is: no class instance, function, NaN or Infinity. */
function isJson(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return false;
      if (Array.isArray(value)) return value.every((v) => v !== null && isJson(v, depth + 1));
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      return Object.values(value).every((v) => v !== null && isJson(v, depth + 1));
    }
    default:
      return false;
  }
}
