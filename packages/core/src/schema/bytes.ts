/**
 * Whether a schema is `string`/`binary`: bytes taken as they are (a raw body, streamed to the
 * handler), not JSON. Structural, so that an emitted definition's schema is read alike.
 */
export function isBinarySchema(s: { readonly type?: unknown; readonly format?: unknown } | undefined): boolean {
  return s?.type === 'string' && s.format === 'binary';
}

/** Whether a response's schema is bytes (`type: file`, or a `binary` string) rather than JSON; structural too. */
export function isBytesSchema(s: { readonly type?: unknown; readonly format?: unknown } | undefined): boolean {
  return s?.type === 'file' || s?.format === 'binary';
}
