import { SCHEMA_FORMATS } from '@flowport/core';

/**
 * The formats Flowport checks: every format the Power Platform accepts (core's list, in its
 * order, which the fingerprint of precompiled validators lists them in). Apart from their checks
 * (`./formats`) so that loading precompiled validators, which only compares fingerprints, does
 * not load ajv-formats.
 */
export const FORMAT_NAMES = SCHEMA_FORMATS;

/** The name of a format Flowport checks. */
export type FormatName = (typeof FORMAT_NAMES)[number];

/** How a format is checked, which shapes the code ajv writes to call the check. */
export type FormatKind = 'none' | 'pattern' | 'function' | 'object';

/**
 * The kind of each format's check (`./formats`): ajv's code calls a pattern as `.test(value)`, a
 * function as itself and an object through its `validate`. The fingerprint of precompiled
 * validators names them, so that a module compiled when a check had another kind is not used: its
 * code would call the check the old way (the `date-no-tz` pattern became a function that checks
 * the date too, and `.test` is no method of a function). `format-names.test.ts` keeps this list in
 * step with the checks, which are not loaded here.
 */
export const FORMAT_KINDS: Readonly<Record<FormatName, FormatKind>> = {
  date: 'object',
  'date-time': 'object',
  email: 'pattern',
  uri: 'function',
  uuid: 'pattern',
  byte: 'function',
  int32: 'object',
  int64: 'object',
  'date-no-tz': 'function',
  binary: 'none',
  password: 'none',
  html: 'none',
  float: 'none',
  double: 'none',
};
