import { CHECKED_FORMATS } from './formats';
import { isMultipleOf } from './multiple-of';
import { patternRegExp } from './pattern';

/**
 * The keywords a default is checked against: those of a schema in the resolved model or of a
 * Swagger 2.0 schema as published (`x-nullable`, `$ref`), so that the build (FP1414) and the
 * request validator, which fills in defaults, judge a default alike.
 */
export interface DefaultSchema {
  readonly ref?: string;
  readonly $ref?: unknown;
  readonly type?: unknown;
  readonly nullable?: boolean;
  readonly 'x-nullable'?: unknown;
  readonly enum?: readonly unknown[];
  readonly format?: unknown;
  readonly minLength?: unknown;
  readonly maxLength?: unknown;
  readonly pattern?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly exclusiveMinimum?: unknown;
  readonly exclusiveMaximum?: unknown;
  readonly multipleOf?: unknown;
  readonly minItems?: unknown;
  readonly maxItems?: unknown;
  readonly items?: unknown;
}

/** Whether a JSON value is of a JSON Schema type. */
export const IS_OF_TYPE: Readonly<Record<string, (v: unknown) => boolean>> = {
  string: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  array: (v) => Array.isArray(v),
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
};

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Why a default (or a sample: an `example`, an `x-ms-test-value`, which the lint checks alike) is
 * not a value of its own schema, or undefined. Checks the type, `null`, the enum, the bounds of
 * strings, numbers and arrays, the pattern, the format, and array items of an inline schema. Not
 * checked: what a `$ref` or object properties say, which only a validator compiled with the
 * definitions can judge.
 */
export function defaultProblem(s: DefaultSchema, value: unknown): string | undefined {
  if (s.ref !== undefined || s.$ref !== undefined) return undefined;
  if (value === null) {
    return s.nullable === true || s['x-nullable'] === true ? undefined : 'is null, and the schema is not nullable';
  }
  const is = typeof s.type === 'string' ? IS_OF_TYPE[s.type] : undefined;
  if (is && !is(value)) return `is not of type ${String(s.type)}`;
  if (Array.isArray(s.enum) && typeof value !== 'object' && !s.enum.includes(value)) {
    return 'is not one of the enum values';
  }
  if (typeof value === 'string') return stringProblem(s, value) ?? formatProblem(s, value);
  if (typeof value === 'number') return numberProblem(s, value) ?? formatProblem(s, value);
  if (Array.isArray(value)) return arrayProblem(s, value);
  return undefined;
}

/**
 * A format the default does not meet, judged by the checks the request validators use: they fill
 * in a default before they check it, so every request that left it out was refused.
 */
function formatProblem(s: DefaultSchema, value: string | number): string | undefined {
  if (typeof s.format !== 'string' || !CHECKED_FORMATS.has(s.format)) return undefined;
  // Required on first use: a connector whose defaults have no such format never loads ajv-formats.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { meetsFormat } = require('./format-checks') as typeof import('./format-checks');
  return meetsFormat(s.format, value) ? undefined : `does not meet the format ${s.format}`;
}

function stringProblem(s: DefaultSchema, value: string): string | undefined {
  // JSON Schema counts characters as code points, as the validator does.
  const length = s.minLength !== undefined || s.maxLength !== undefined ? [...value].length : 0;
  if (isNumber(s.minLength) && length < s.minLength) return `is shorter than minLength ${s.minLength}`;
  if (isNumber(s.maxLength) && length > s.maxLength) return `is longer than maxLength ${s.maxLength}`;
  if (typeof s.pattern === 'string') {
    let pattern: RegExp;
    try {
      pattern = patternRegExp(s.pattern);
    } catch {
      return undefined; // FP1411 (FP2134 in a file) reports the pattern itself.
    }
    if (!pattern.test(value)) return `does not match the pattern ${s.pattern}`;
  }
  return undefined;
}

function numberProblem(s: DefaultSchema, value: number): string | undefined {
  if (isNumber(s.minimum)) {
    if (s.exclusiveMinimum === true ? value <= s.minimum : value < s.minimum)
      return `is below the minimum ${s.minimum}`;
  }
  if (isNumber(s.maximum)) {
    if (s.exclusiveMaximum === true ? value >= s.maximum : value > s.maximum)
      return `is above the maximum ${s.maximum}`;
  }
  if (isNumber(s.multipleOf) && s.multipleOf > 0 && !isMultipleOf(value, s.multipleOf)) {
    return `is not a multiple of ${s.multipleOf}`;
  }
  return undefined;
}

function arrayProblem(s: DefaultSchema, value: readonly unknown[]): string | undefined {
  if (isNumber(s.minItems) && value.length < s.minItems) return `has fewer items than minItems ${s.minItems}`;
  if (isNumber(s.maxItems) && value.length > s.maxItems) return `has more items than maxItems ${s.maxItems}`;
  const items = s.items;
  if (typeof items !== 'object' || items === null || Array.isArray(items)) return undefined;
  for (const [i, item] of value.entries()) {
    const problem = defaultProblem(items as DefaultSchema, item);
    if (problem) return `has an item ${i} that ${problem}`;
  }
  return undefined;
}
