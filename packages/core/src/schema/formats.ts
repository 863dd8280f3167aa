import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';

/**
 * The formats the Power Platform's schema accepts wherever a format can stand
 * (`#/definitions/format`): Swagger 2.0's, plus the platform's `date-no-tz` (a date-time
 * without an offset) and `html` (an editor hint). A definition with any other format fails that
 * schema. The adapter checks each of them at runtime; the order is part of the fingerprint of
 * precompiled validators, so new names go at the end.
 */
export const SCHEMA_FORMATS = [
  'date',
  'date-time',
  'email',
  'uri',
  'uuid',
  'byte',
  'int32',
  'int64',
  'date-no-tz',
  'binary',
  'password',
  'html',
  'float',
  'double',
] as const;

/** A format the Power Platform accepts. */
export type SchemaFormat = (typeof SCHEMA_FORMATS)[number];

/** The formats that only hint (an editor, a width): any value of their type meets them. */
const HINTS: ReadonlySet<string> = new Set<SchemaFormat>(['binary', 'password', 'html', 'float', 'double']);

/**
 * The formats that constrain a value, the others being hints. Their checks are in
 * `./format-checks`, which loads ajv-formats.
 */
export const CHECKED_FORMATS: ReadonlySet<string> = new Set(SCHEMA_FORMATS.filter((f) => !HINTS.has(f)));

const ACCEPTED: ReadonlySet<string> = new Set(SCHEMA_FORMATS);

/** The formats of strings: the others are of numbers, and also written on strings that carry one. */
export const STRING_FORMATS: ReadonlySet<string> = new Set(
  SCHEMA_FORMATS.filter((f) => !['int32', 'int64', 'float', 'double'].includes(f)),
);

/** Reports a declared format the platform's schema would refuse (FP1409). */
export function checkFormat(format: string | undefined, bag: DiagnosticBag, at: SourceLocation): void {
  if (format !== undefined && !ACCEPTED.has(format)) bag.report('unsupportedFormat', at, { format });
}
