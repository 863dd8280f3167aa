import { refEntry } from '@flowport/core';
import fc from 'fast-check';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Longest generated string or array; bounds themselves are exercised by the mutations. */
const CAP = 12;

/**
 * Values that a Swagger 2.0 schema (as the connector definition publishes it) accepts: objects
 * with every required and some optional properties, arrays and strings within their bounds,
 * patterns and formats honoured, `null` where `x-nullable` allows it, `allOf` merged. Covers the
 * keywords Flowport emits for request bodies and those the corpus connectors use.
 */
export function arbitraryFor(schema: Json, definitions: Json): fc.Arbitrary<unknown> {
  const known = built.get(schema);
  if (known) return known;
  const made = build(schema, definitions);
  built.set(schema, made);
  return made;
}

// Built once per schema object: rebuilding on every draw (and re-parsing patterns) is slow.
const built = new WeakMap<Json, fc.Arbitrary<unknown>>();

function build(schema: Json, definitions: Json): fc.Arbitrary<unknown> {
  if (schema.$ref) return arbitraryFor(definitions[refEntry(schema.$ref)!], definitions);
  const value = valueOf(schema, definitions);
  return schema['x-nullable'] === true ? fc.oneof(value, fc.constant(null)) : value;
}

// Dates from 1970 to 2096, so that every format's text has four-digit years.
const dates = fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString());

/** Strings of the formats the platform lists that constrain a value. */
const FORMATTED: Json = {
  'date-time': dates,
  date: dates.map((d) => d.slice(0, 10)),
  'date-no-tz': dates.map((d) => d.slice(0, 19)),
  email: fc.constantFrom('a@example.com', 'first.last+tag@sub.example.org'),
  uri: fc.constantFrom('https://example.com/', 'https://example.com/a/b?c=d#e', 'urn:isbn:0451450523'),
  uuid: fc.uuid(),
  byte: fc.uint8Array({ maxLength: CAP }).map((b) => Buffer.from(b).toString('base64')),
};

function valueOf(schema: Json, definitions: Json): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  if (Array.isArray(schema.allOf))
    return fc
      .tuple(...schema.allOf.map((part: Json) => arbitraryFor(part, definitions)))
      .map((parts) => Object.assign({}, ...parts));
  switch (schema.type ?? (schema.properties ? 'object' : undefined)) {
    case 'object': {
      const props = (schema.properties ?? {}) as Json;
      const record = Object.fromEntries(
        Object.entries(props).map(([k, s]) => [k, arbitraryFor(s as Json, definitions)]),
      );
      const required = ((schema.required ?? []) as string[]).filter((k) => k in props);
      return fc.record(record, { requiredKeys: required as never[] });
    }
    case 'array': {
      const bounds = {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? CAP, CAP)),
      };
      const items = arbitraryFor(schema.items, definitions);
      if (schema.uniqueItems !== true) return fc.array(items, bounds);
      // Items of too few values (a pattern that only 'a' matches) admit no list of minItems
      // unique ones: fast-check would draw forever, so the arbitrary gives a value the schema
      // refuses instead (null, unless the schema allows it).
      const distinct = new Set(fc.sample(items, { numRuns: 200, seed: 1 }).map((item) => JSON.stringify(item)));
      if (distinct.size < bounds.minLength) return fc.constant(null);
      return fc.uniqueArray(items, { ...bounds, selector: (item) => JSON.stringify(item) });
    }
    case 'string': {
      if (schema.format in FORMATTED) return FORMATTED[schema.format];
      const min = schema.minLength ?? 0;
      const max = Math.max(min, Math.min(schema.maxLength ?? CAP, CAP));
      if (schema.pattern) {
        const matching = fc.stringMatching(new RegExp(schema.pattern));
        const fits = (s: string) => s.length >= min && s.length <= (schema.maxLength ?? Infinity);
        // A pattern whose strings never have the length asked (`^\d{3}$` with minLength 5) admits
        // no value: filtering would draw forever, so the arbitrary gives one the schema refuses.
        if (!fc.sample(matching, { numRuns: 200, seed: 1 }).some(fits)) return fc.constant(null);
        return matching.filter(fits);
      }
      return fc.string({ minLength: min, maxLength: max, unit: 'grapheme-ascii' });
    }
    case 'integer':
    case 'number':
      return numberOf(schema);
    case 'boolean':
      return fc.boolean();
    default:
      return fc.constant('anything');
  }
}

/**
 * Numbers within the bounds (exclusive ones too), multiples of `multipleOf` when it is given, and
 * whole for an integer, or a number of format int32 or int64 (which only whole numbers have).
 */
function numberOf(schema: Json): fc.Arbitrary<number> {
  const min: number = schema.minimum ?? -1000;
  const max: number = schema.maximum ?? 1000;
  const inside = (n: number) =>
    !(schema.exclusiveMinimum === true && n === min) && !(schema.exclusiveMaximum === true && n === max);
  const whole = schema.type === 'integer' || schema.format === 'int32' || schema.format === 'int64';
  const step: number | undefined = schema.multipleOf ?? (whole ? 1 : undefined);
  if (step === undefined) return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).filter(inside);
  return fc
    .integer({ min: Math.ceil(min / step), max: Math.floor(max / step) })
    .map((k) => k * step)
    .filter((n) => inside(n) && (!whole || Number.isInteger(n)));
}

/** One change that breaks exactly one rule, and what the validator must say about it. */
export interface Mutation {
  readonly value: unknown;
  readonly pointer: string;
  readonly code: string;
}

/** Every single-rule mutation of a valid value, with the pointer and code it must produce. */
export function mutations(value: unknown, schema: Json, definitions: Json, pointer = ''): Mutation[] {
  const s: Json = schema.$ref ? definitions[refEntry(schema.$ref)!] : schema;
  const out: Mutation[] = [];
  const here = (v: unknown, code: string, at = pointer) => out.push({ value: v, pointer: at, code });
  const replaceWith = (child: (inner: Mutation) => unknown) => (m: Mutation) => ({ ...m, value: child(m) });
  if (Array.isArray(s.enum) && value !== null && typeof value === 'object') {
    // An enum of objects: another object is none of its members.
    here({ zzNotAMember: true }, 'enum');
  } else if (s.type === 'object' && value && typeof value === 'object') {
    const obj = value as Json;
    here(['not', 'an', 'object'], 'type');
    for (const k of (s.required ?? []) as string[]) {
      const { [k]: _drop, ...rest } = obj;
      here(rest, 'required', `${pointer}/${k}`);
    }
    if (s.additionalProperties === false)
      here({ ...obj, zzUnknown: 1 }, 'additionalProperties', `${pointer}/zzUnknown`);
    for (const [k, v] of Object.entries(obj)) {
      if (!s.properties?.[k]) continue;
      for (const m of mutations(v, s.properties[k], definitions, `${pointer}/${k}`)) {
        out.push(replaceWith((inner) => ({ ...obj, [k]: inner.value }))(m));
      }
    }
  } else if (s.type === 'array' && Array.isArray(value)) {
    here({ not: 'an array' }, 'type');
    if ((s.minItems ?? 0) > 0) here([], 'minItems');
    if (s.maxItems !== undefined && value.length > 0)
      here(
        Array.from({ length: s.maxItems + 1 }, () => value[0]),
        'maxItems',
      );
    value.forEach((item, i) => {
      for (const m of mutations(item, s.items, definitions, `${pointer}/${i}`)) {
        out.push(replaceWith((inner) => value.map((x, j) => (j === i ? inner.value : x)))(m));
      }
    });
  } else if (s.type === 'string') {
    here(12345, 'type');
    if (s.maxLength !== undefined) here('a'.repeat(s.maxLength + 1), s.pattern ? 'pattern' : 'maxLength');
    if ((s.minLength ?? 0) > 0) here('', 'minLength');
    if (s.pattern) here('NOT-MATCHING-0', 'pattern');
  }
  return out;
}
