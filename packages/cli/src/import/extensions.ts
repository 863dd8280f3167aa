/**
 * Why a key lands in the generic `extensions` bag instead of a first-class option: one line,
 * written as a comment beside it in the generated code.
 */

/** Misspellings found in certified connectors (reference §3.3), kept as written. */
const MISSPELLED: Record<string, string> = {
  'x-ms-visbility': 'x-ms-visibility',
  'x-ms-visibilty': 'x-ms-visibility',
  'x-ms-visibiltiy': 'x-ms-visibility',
  'x-ms-sumamry': 'x-ms-summary',
  'x-ms-summmary': 'x-ms-summary',
  'x-ms-summary title': 'x-ms-summary',
  'x-ms-summary:': 'x-ms-summary',
  'x-ms-api-annotations': 'x-ms-api-annotation',
  'x-ms-enum-value': 'x-ms-enum-values',
};

/** Azure AutoRest keys: the repository schema says Power Platform ignores them. */
const AUTOREST = new Set([
  'x-ms-enum',
  'x-ms-parameter-location',
  'x-ms-skip-url-encoding',
  'x-ms-client-name',
  'x-ms-identifiers',
  'x-ms-examples',
  'x-ms-parameterized-host',
  'x-ms-client-flatten',
  'x-ms-discriminator-value',
  'x-ms-mutability',
  'x-ms-secret',
  'x-ms-azure-resource',
  'x-ms-long-running-operation',
  'x-ms-long-running-operation-options',
]);

/** The one-line reason for keeping `key` (with `value`) in the extensions bag. */
export function bagReason(key: string, value: unknown): string {
  const meant = MISSPELLED[key];
  if (meant) return `${key}: misspelling of ${meant} in the source, kept as written`;
  if (AUTOREST.has(key)) return `${key}: an AutoRest key the platform ignores, kept as written`;
  if (key === 'x-ms-visibility')
    return `x-ms-visibility: ${JSON.stringify(value)} is not a documented value, kept as written`;
  if (key.startsWith('x-ms-')) return `${key}: no first-class option for this form, kept as written`;
  return `${key}: a vendor key with no connector meaning, kept as written`;
}
