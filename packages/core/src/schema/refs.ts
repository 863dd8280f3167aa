/*
 * References to an entry of the definition (`#/definitions/…`, `#/parameters/…`): a JSON pointer
 * (RFC 6901) in a URI fragment, so "~" and "/" in a name are escaped as "~0" and "~1", and what a
 * fragment may not hold is percent-encoded (§6). A name of letters, digits, ".", "_" and "-", as
 * every name Flowport makes is, is written as it is.
 */

/** The reference to the entry `name` of the section `prefix` points into. */
export function refTo(name: string, prefix = '#/definitions/'): string {
  return prefix + encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'));
}

/**
 * The name of the entry `ref` points at in the section `prefix`, or undefined when it points
 * elsewhere. A name written as it is (a space, "%" left unencoded) is taken as it is.
 */
export function refEntry(ref: unknown, prefix = '#/definitions/'): string | undefined {
  if (typeof ref !== 'string' || !ref.startsWith(prefix)) return undefined;
  const token = ref.slice(prefix.length);
  if (token.includes('/')) return undefined;
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // A "%" that starts no escape: the name as it is written.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}
