import type { SchemaModel } from './model';

/**
 * How each constraint (Flowport's decorators, or class-validator's of the same names) becomes
 * JSON Schema. One row per constraint name; a
 * converter mutates the property schema (or the item schema for `{ each: true }`). A built-in
 * constraint with no row here has no schema form and is a build error (FP1401), because the
 * published schema is the runtime contract and could not promise it.
 *
 * Export and extend: `converters.isMyThing = (s) => { s.pattern = '…' }`.
 */
export type Converter = (schema: SchemaModel, constraints: readonly unknown[]) => void;

const type =
  (t: NonNullable<SchemaModel['type']>, format?: string): Converter =>
  (s) => {
    s.type = t;
    if (format) s.format = format;
  };

const stringFormat = (format: string): Converter => type('string', format);

const pattern =
  (source: string): Converter =>
  (s) => {
    s.type ??= 'string';
    s.pattern = source;
  };

const num = (c: readonly unknown[], i = 0): number => Number(c[i]);

/** The values of a TypeScript enum object or a list. */
export function enumMembers(entity: unknown): unknown[] {
  if (Array.isArray(entity)) return [...(entity as unknown[])];
  const obj = entity as Record<string, unknown>;
  // Numeric TypeScript enums carry a reverse mapping (1 → 'A'); keep only the values.
  return Object.keys(obj)
    .filter((k) => typeof obj[obj[k] as string] !== 'number')
    .map((k) => obj[k]);
}

function enumValues(entity: unknown, listed: unknown): unknown[] {
  return Array.isArray(listed) ? [...(listed as unknown[])] : enumMembers(entity);
}

function enumType(values: readonly unknown[]): SchemaModel['type'] {
  if (values.every((v) => typeof v === 'string')) return 'string';
  if (values.every((v) => Number.isInteger(v))) return 'integer';
  if (values.every((v) => typeof v === 'number')) return 'number';
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  return undefined;
}

export const converters: Record<string, Converter> = {
  isString: type('string'),
  isNumber: (s) => {
    if (s.type !== 'integer') s.type = 'number';
  },
  isInt: type('integer'),
  isBoolean: type('boolean'),
  isDate: stringFormat('date-time'),
  isDateString: stringFormat('date-time'),
  isIso8601: stringFormat('date-time'),
  isRFC3339: stringFormat('date-time'),
  isEmail: stringFormat('email'),
  isUrl: stringFormat('uri'),
  isUuid: stringFormat('uuid'),
  isBase64: stringFormat('byte'),
  isArray: type('array'),
  isObject: type('object'),
  isNotEmptyObject: (s) => {
    s.type = 'object';
    s.minProperties = 1;
  },
  isDefined: () => undefined, // required-ness is decided by the caller
  isNotEmpty: (s) => {
    if (s.type === 'string' || s.type === undefined) s.minLength = Math.max(s.minLength ?? 0, 1);
  },
  minLength: (s, c) => {
    s.minLength = num(c);
  },
  maxLength: (s, c) => {
    s.maxLength = num(c);
  },
  isLength: (s, c) => {
    s.minLength = num(c);
    if (c[1] !== undefined) s.maxLength = num(c, 1);
  },
  matches: (s, c) => {
    s.type ??= 'string';
    const re = c[0] instanceof RegExp ? c[0] : new RegExp(String(c[0]), c[1] ? String(c[1]) : undefined);
    s.pattern = re.source;
  },
  min: (s, c) => {
    s.minimum = num(c);
  },
  max: (s, c) => {
    s.maximum = num(c);
  },
  isPositive: (s) => {
    s.minimum = 0;
    s.exclusiveMinimum = true;
  },
  isNegative: (s) => {
    s.maximum = 0;
    s.exclusiveMaximum = true;
  },
  isDivisibleBy: (s, c) => {
    s.multipleOf = num(c);
  },
  isIn: (s, c) => {
    const values = [...(c[0] as unknown[])];
    s.enum = values;
    s.type ??= enumType(values);
  },
  isEnum: (s, c) => {
    const values = enumValues(c[0], c[1]);
    s.enum = values;
    s.type ??= enumType(values);
  },
  equals: (s, c) => {
    s.enum = [c[0]];
    s.type ??= enumType([c[0]]);
  },
  arrayMinSize: (s, c) => {
    s.type = 'array';
    s.minItems = num(c);
  },
  arrayMaxSize: (s, c) => {
    s.type = 'array';
    s.maxItems = num(c);
  },
  arrayNotEmpty: (s) => {
    s.type = 'array';
    s.minItems = Math.max(s.minItems ?? 0, 1);
  },
  arrayUnique: (s) => {
    s.type = 'array';
    s.uniqueItems = true;
  },
  // Patterns equal to validator.js's defaults (en-US), written without regex flags.
  isHexColor: pattern('^#?([0-9A-Fa-f]{3}|[0-9A-Fa-f]{4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$'),
  isAlpha: pattern('^[A-Za-z]+$'),
  isAlphanumeric: pattern('^[0-9A-Za-z]+$'),
  isNumberString: pattern('^[+-]?([0-9]*[.])?[0-9]+$'),
  isBooleanString: (s) => {
    s.type = 'string';
    s.enum = ['true', 'false', '1', '0'];
  },
};

/** Constraint names that shape presence rather than values; handled by the class walker. */
export const presenceConstraints = new Set(['isOptional', 'isDefined']);
