import type { Format } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats';
import type { FormatName } from './format-names';

const INT32: Format = {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
};
const INT64: Format = { type: 'number', validate: (n: number) => Number.isInteger(n) };
// date-time without an offset: what a user picks in the designer, in their own zone.
const DATE_NO_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * The formats Flowport checks, following the Swagger 2.0 / Power Platform list; hints with
 * nothing to check (`binary`, `password`, `html`, `float`, `double`) accept any value of their
 * type. A module of its own because precompiled validators require it by name: ajv's standalone
 * code refers to formats through a module, not by value.
 */
export const formats: Readonly<Record<FormatName, Format>> = {
  date: fullFormats.date,
  'date-time': fullFormats['date-time'],
  email: fullFormats.email,
  uri: fullFormats.uri,
  uuid: fullFormats.uuid,
  byte: fullFormats.byte,
  int32: INT32,
  int64: INT64,
  'date-no-tz': DATE_NO_TZ,
  binary: true,
  password: true,
  html: true,
  float: true,
  double: true,
};
