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
