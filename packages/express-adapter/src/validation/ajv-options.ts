import { MULTIPLE_OF_PRECISION } from '@flowport/core';

/**
 * The ajv options that shape the code of a validator. Apart from `./ajv` so that the fingerprint
 * of precompiled validators can name them without loading ajv: a module built by a Flowport whose
 * validators checked differently is then not used.
 */
export const VALIDATOR_OPTIONS = {
  allErrors: true,
  strict: false,
  // `strict: false` turns this off too, and then `{"n": 1e400}`, which JSON.parse reads as
  // Infinity, passed `type: number` (and `integer`), reached the handler, and was answered as null.
  strictNumbers: true,
  coerceTypes: false,
  // A parameter or property that is absent takes its published `default`, which Swagger 2.0
  // defines as "the value the server will use if none is provided": before, the handler got
  // undefined and had to repeat the default. Defaults of required ones are dropped from the
  // validation schemas (`toJsonSchema`), so that a missing required value is still refused.
  useDefaults: true,
  // A property is what the object has itself. JSON.parse and the query parser make objects that
  // inherit Object.prototype, so an optional `toString` or `constructor` left out was read from
  // it and refused as "must be string", and a required one left out passed.
  ownProperties: true,
  validateFormats: true,
  // 19.99 is a multiple of 0.01 (`@IsDivisibleBy(0.01)`), which floating point division denies.
  multipleOfPrecision: MULTIPLE_OF_PRECISION,
} as const;

/**
 * The keywords Flowport checks with its own code instead of ajv's (`./own-keywords`, and
 * `./pattern` for how a pattern is read), and how. The fingerprint names them too, so that
 * validators compiled with ajv's own code are not used.
 */
export const OWN_KEYWORDS = {
  uniqueItems: 'by canonical JSON (./json-equal)',
  enum: 'objects by canonical JSON (./json-equal)',
  ownDefaults: 'defaults of properties Object.prototype has a member of the name of (./own-defaults)',
  pattern: 'with the u flag, or without it where the flag refuses the pattern (./pattern)',
} as const;
