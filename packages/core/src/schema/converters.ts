import type { EnumValue } from '../types';
import type { SchemaModel } from './model';

/**
 * How each constraint (Flowport's decorators, or class-validator's of the same names) becomes
 * JSON Schema. One row per constraint name; a
 * converter mutates the property schema (or the item schema for `{ each: true }`). A built-in
 * constraint with no row here has no schema form and is a build error (FP1401), because the
 * published schema is the runtime contract and could not promise it. For the same reason a
 * converter returns a sentence when the constraint's arguments ask for more than it can write
 * (class-validator's `@IsEmail({ require_tld: false })`, `@IsAlpha('de-DE')`): a build error
 * (FP1408), where ignoring them would publish, and enforce, another rule than the one declared.
 *
 * Export and extend: `converters.isMyThing = (s) => { s.pattern = '…' }`.
 */
export type Converter = (schema: SchemaModel, constraints: readonly unknown[]) => string | void;

const type =
  (t: NonNullable<SchemaModel['type']>, format?: string): Converter =>
  (s) => {
    s.type = t;
    if (format) s.format = format;
  };

const stringFormat = (format: string): Converter => type('string', format);

/**
 * A Date, which JSON carries as a date-time string. Where no declaration typed the value (`at!:
 * Date | null`, which TypeScript records as Object; an item of `@IsDate({ each: true }) at!:
 * Date[]`), the handler gets the Date that class-validator's @IsDate checks for, as a declared
 * `Date` does: before, it got the string, and `at.getTime()` failed in the handler.
 */
const isDate: Converter = (s) => {
  if (s.type === undefined) s.runtimeType = 'Date';
  s.type = 'string';
  s.format = 'date-time';
};

const pattern =
  (source: string): Converter =>
  (s) => {
    s.type ??= 'string';
    s.pattern = source;
  };

const num = (c: readonly unknown[], i = 0): number => Number(c[i]);

/**
 * A converter for a constraint whose first argument is a validator.js options object: the
 * schema form has none of those options, so any set to other than a value listed in `neutral`
 * (a default, or one the schema form already enforces) is reported.
 */
const withoutOptions =
  (convert: Converter, neutral: Record<string, readonly unknown[]> = {}): Converter =>
  (s, c) => {
    const refused = convert(s, c);
    const options = c[0];
    if (typeof options !== 'object' || options === null) return refused;
    const set = Object.entries(options as Record<string, unknown>)
      .filter(([k, v]) => v !== undefined && !(neutral[k] ?? []).includes(v))
      .map(([k, v]) => `${k}: ${JSON.stringify(v) ?? String(v)}`);
    return set.length > 0 ? `its options { ${set.join(', ')} } have no JSON Schema form` : refused;
  };

/** A converter for a constraint whose first argument is a validator.js locale: en-US only. */
const enUsOnly =
  (convert: Converter): Converter =>
  (s, c) => {
    const refused = convert(s, c);
    const locale = c[0];
    return locale === undefined || locale === null || locale === 'en-US'
      ? refused
      : `its pattern allows the letters of en-US only, not those of locale "${String(locale)}"`;
  };

const HEX = '[0-9A-Fa-f]';

/**
 * validator.js's UUID patterns by version, as class-validator's `@IsUUID(version)` checks them,
 * written without the `i` flag a JSON Schema pattern cannot carry. `all` (the default) is what
 * `format: uuid` already says.
 */
function uuidPattern(version: string): string | undefined {
  if (/^[1-8]$/.test(version)) {
    return `^${HEX}{8}-${HEX}{4}-${version}${HEX}{3}-[89ABab]${HEX}{3}-${HEX}{12}$`;
  }
  const fixed: Record<string, string> = {
    loose: `^${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}$`,
    nil: '^00000000-0000-0000-0000-000000000000$',
    max: '^[Ff]{8}-[Ff]{4}-[Ff]{4}-[Ff]{4}-[Ff]{12}$',
  };
  return Object.hasOwn(fixed, version) ? fixed[version] : undefined;
}

const uuidFormat = stringFormat('uuid');

const uuid: Converter = (s, c) => {
  uuidFormat(s, c);
  if (c[0] === undefined || c[0] === null || c[0] === 'all') return undefined;
  const version = String(c[0]);
  const source = uuidPattern(version);
  if (source === undefined) return `"${version}" is not a UUID version (1 to 8, all, loose, nil or max)`;
  s.pattern = source;
  return undefined;
};

/** The values of a TypeScript enum object or a list, each once. */
export function enumMembers(entity: unknown): unknown[] {
  if (Array.isArray(entity)) return [...new Set(entity as unknown[])];
  const obj = entity as Record<string, unknown>;
  // Numeric TypeScript enums carry a reverse mapping (1 → 'A'); keep only the values, each once:
  // two names may share one (`Low = 1, Minimal = 1`), and Swagger 2.0 refuses an enum that repeats.
  return [
    ...new Set(
      Object.keys(obj)
        .filter((k) => typeof obj[obj[k] as string] !== 'number')
        .map((k) => obj[k]),
    ),
  ];
}

/**
 * The member names of a numeric TypeScript enum as `x-ms-enum-values` display names, so that the
 * designer's dropdown offers "Low", "Medium", "High" where the values alone are 1, 2, 3. Undefined
 * for a list or a string enum, whose values already say what they are.
 */
export function enumDisplayNames(entity: unknown): EnumValue[] | undefined {
  if (entity === null || typeof entity !== 'object' || Array.isArray(entity)) return undefined;
  const obj = entity as Record<string, unknown>;
  // The first name of each value, in declaration order (names sharing a value are aliases).
  const names = new Map<number, string>();
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (typeof v === 'number' && typeof obj[v] === 'string' && !names.has(v)) names.set(v, k);
  }
  if (names.size === 0 || names.size !== enumMembers(entity).length) return undefined;
  return [...names].map(([value, displayName]) => ({ value, displayName }));
}

function enumValues(entity: unknown, listed: unknown): unknown[] {
  // class-validator's own list of an enum's values repeats one that two names share.
  return enumMembers(Array.isArray(listed) ? listed : entity);
}

function enumType(values: readonly unknown[]): SchemaModel['type'] {
  if (values.every((v) => typeof v === 'string')) return 'string';
  if (values.every((v) => Number.isInteger(v))) return 'integer';
  if (values.every((v) => typeof v === 'number')) return 'number';
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  return undefined;
}

/**
 * The constraint table: how each constraint (by class-validator's name) is written into JSON
 * Schema. Exported and extensible: a row added here makes a constraint of that name publishable.
 */
export const converters: Record<string, Converter> = {
  isString: type('string'),
  // JSON has no NaN or Infinity, so their defaults are what the schema says.
  isNumber: withoutOptions(
    (s) => {
      if (s.type !== 'integer') s.type = 'number';
    },
    { allowNaN: [false], allowInfinity: [false] },
  ),
  isInt: type('integer'),
  isBoolean: type('boolean'),
  isDate,
  // `format: date-time` checks the calendar (no 30 February) whether or not `strict` asks for it.
  isDateString: withoutOptions(stringFormat('date-time'), { strict: [true, false] }),
  isIso8601: withoutOptions(stringFormat('date-time'), { strict: [true, false] }),
  isRFC3339: stringFormat('date-time'),
  isEmail: withoutOptions(stringFormat('email')),
  isUrl: withoutOptions(stringFormat('uri')),
  isUuid: uuid,
  isBase64: withoutOptions(stringFormat('byte'), { urlSafe: [false] }),
  isArray: type('array'),
  isObject: type('object'),
  isNotEmptyObject: withoutOptions(
    (s) => {
      s.type = 'object';
      s.minProperties = 1;
    },
    { nullable: [false] },
  ),
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
    if (c[0] instanceof RegExp) {
      s.pattern = c[0].source;
      return;
    }
    try {
      s.pattern = new RegExp(String(c[0]), c[1] ? String(c[1]) : undefined).source;
    } catch {
      // Kept as written, to be reported (FP1411) at the property instead of thrown from here.
      s.pattern = String(c[0]);
    }
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
    const values = enumMembers(c[0]);
    s.enum = values;
    s.type ??= enumType(values);
  },
  isEnum: (s, c) => {
    const values = enumValues(c[0], c[1]);
    s.enum = values;
    s.type ??= enumType(values);
    s.enumValues ??= enumDisplayNames(c[0]);
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
  isAlpha: enUsOnly(pattern('^[A-Za-z]+$')),
  isAlphanumeric: enUsOnly(pattern('^[0-9A-Za-z]+$')),
  isNumberString: withoutOptions(pattern('^[+-]?([0-9]*[.])?[0-9]+$')),
  isBooleanString: (s) => {
    s.type = 'string';
    s.enum = ['true', 'false', '1', '0'];
  },
};

/** Constraint names that shape presence rather than values; handled by the class walker. */
export const presenceConstraints = new Set(['isOptional', 'isDefined']);
