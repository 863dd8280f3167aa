/** A thrown value as the log shows it: an Error's stack, or what another value says of itself. */
export function loggedError(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : thrown(err);
}

/** A thrown value's message: an Error's, or what another value says of itself. */
export function thrownMessage(err: unknown): string {
  return err instanceof Error ? err.message : thrown(err);
}

/** What an error's own fields say, where the log shows them. */
const TOLD = ['name', 'code', 'status', 'statusCode', 'message'];

/**
 * A thrown value that is no Error, as the log shows it: an SDK's rejection with
 * `{ status, message }` was logged as "[object Object]". Only the fields that say what went wrong
 * are shown: such an object may also carry the request it was about, with its credentials.
 */
function thrown(err: unknown): string {
  if (typeof err !== 'object' || err === null) return String(err);
  const fields = TOLD.flatMap((k) => {
    const v = field(err, k);
    return typeof v === 'string' || typeof v === 'number' ? [`${k}: ${JSON.stringify(v)}`] : [];
  });
  const kind = Array.isArray(err) ? 'an array' : 'an object that is not an Error';
  return fields.length > 0 ? `${kind} { ${fields.join(', ')} }` : `${kind}, with no message`;
}

/** A field of a thrown object; a getter that throws (or a Proxy's trap) must not fail the log. */
function field(err: object, key: string): unknown {
  try {
    return (err as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}
