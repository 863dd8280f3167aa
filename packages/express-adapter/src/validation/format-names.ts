/**
 * The formats Flowport checks, by name, in the order the fingerprint of precompiled validators
 * lists them. Apart from their checks (`./formats`) so that loading precompiled validators, which
 * only compares fingerprints, does not load ajv-formats.
 */
export const FORMAT_NAMES = [
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

/** The name of a format Flowport checks. */
export type FormatName = (typeof FORMAT_NAMES)[number];
