import { fullFormats } from 'ajv-formats/dist/formats';
import type { SchemaFormat } from './formats';

/**
 * How a format is checked, in the shape ajv's `addFormat` takes: a pattern, a function, one of
 * those for numbers (`type: 'number'`), or `true` for a hint with nothing to check.
 */
export type FormatCheck =
  | true
  | RegExp
  | ((value: string) => boolean)
  | { readonly type?: 'string' | 'number'; readonly validate: RegExp | ((value: never) => boolean) };

const INT32: FormatCheck = {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
};
const INT64: FormatCheck = { type: 'number', validate: (n: number) => Number.isInteger(n) };
const DATE = (fullFormats.date as { validate: (value: string) => boolean }).validate;
const NO_TZ = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/**
 * A date-time without an offset: what a user picks in the designer, in their own zone. Its date
 * and time are checked as date-time's are (a real day, hours to 23, minutes and seconds to 59, a
 * leap second at 23:59:60); before, only the shape was, and `2026-13-45T25:61` reached the handler.
 */
function dateNoTz(value: string): boolean {
  const m = NO_TZ.exec(value);
  if (m === null || !DATE(m[1])) return false;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  return hour <= 23 && minute <= 59 && (second <= 59 || (second === 60 && hour === 23 && minute === 59));
}

/**
 * The check of each format the Power Platform accepts: ajv-formats' for Swagger 2.0's, Flowport's
 * own for the platform's `date-no-tz` and for the integer ranges; hints with nothing to check
 * (`binary`, `password`, `html`, `float`, `double`) accept any value of their type. The request
 * validators check with these, and so does the build, for defaults (FP1414).
 */
export const FORMAT_CHECKS: Readonly<Record<SchemaFormat, FormatCheck>> = {
  date: fullFormats.date as FormatCheck,
  'date-time': fullFormats['date-time'] as FormatCheck,
  email: fullFormats.email as FormatCheck,
  uri: fullFormats.uri as FormatCheck,
  uuid: fullFormats.uuid as FormatCheck,
  byte: fullFormats.byte as FormatCheck,
  int32: INT32,
  int64: INT64,
  'date-no-tz': dateNoTz,
  binary: true,
  password: true,
  html: true,
  float: true,
  double: true,
};

/**
 * Whether a value meets its format, as the request validators judge it: a format checks values of
 * its own type only (strings, or numbers for `int32`), and a format outside the list checks nothing.
 */
export function meetsFormat(format: string, value: unknown): boolean {
  const check = Object.hasOwn(FORMAT_CHECKS, format) ? FORMAT_CHECKS[format as SchemaFormat] : true;
  if (check === true) return true;
  const { type = 'string', validate } =
    check instanceof RegExp || typeof check === 'function' ? { type: 'string', validate: check } : check;
  if (typeof value !== type) return true;
  return validate instanceof RegExp ? validate.test(value as string) : (validate as (v: unknown) => boolean)(value);
}
