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
  useDefaults: false,
  validateFormats: true,
} as const;
