import type { Class } from '../types';

const known = new WeakMap<Function, ReadonlyMap<string, unknown>>();

/**
 * The values a class's field initialisers give its properties (`top?: number = 10`), which a
 * handler sees wherever a request leaves the property out: each DTO is made with `new Dto()`. Only
 * JSON values are taken (text, finite numbers, booleans, and lists and plain objects of them) that
 * two instances agree on, so a `new Date()` or a random id, which would publish another default at
 * each build, is left out; so is every value of a class whose constructor throws without arguments.
 * The second instance is made with the clock a year and a second ahead ({@link aheadOfTime}): two
 * made in the same millisecond agreed on `Date.now()` or `new Date().toISOString()`, which was
 * published, so that the definition changed at each build and `--check` never passed.
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
    second = aheadOfTime(() => new Made() as Record<string, unknown>);
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

/** How far {@link aheadOfTime} moves the clock: a year (a default of the current year) and a second. */
const AHEAD_MS = 366 * 86_400_000 + 1_000;

/**
 * Runs `make` with `Date` reading a later time: `Date.now()`, `new Date()` and `Date()`; a date
 * given its value is made as it is. `make` runs synchronously, and the real `Date` is back before
 * anything else can run.
 */
function aheadOfTime<T>(make: () => T): T {
  const RealDate = Date;
  const later = () => RealDate.now() + AHEAD_MS;
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args: unknown[], newTarget: Function) =>
      Reflect.construct(
        target,
        args.length === 0 ? [later()] : args,
        newTarget === globalThis.Date ? target : newTarget,
      ),
    apply: () => new RealDate(later()).toString(),
    get: (target, key, receiver) => (key === 'now' ? later : Reflect.get(target, key, receiver)),
  });
  try {
    return make();
  } finally {
    globalThis.Date = RealDate;
  }
}
