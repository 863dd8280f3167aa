import type { Request } from 'express';
import { HttpError } from './errors';

// A registered name or an IPv4 address, or an IPv6 address in brackets, with an optional port.
const HOST = /^(?:[a-z0-9_.~-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

/**
 * Scheme and host as the caller reached the API, for absolute URLs (Location, next links).
 * X-Forwarded-Proto/Host count only when the app's `trust proxy` is set.
 *
 * A host that is not a host (`Host: [`, `a b`, `@evil`, a port beyond 65535, none at all in
 * HTTP/1.0) is refused with 400: `new URL` threw on some, a logged 500 after the handler had run,
 * and the others became links to somewhere else or to `http://undefined`. Operations that answer
 * with such a URL ask for it before they change anything, so that no webhook subscription or job
 * is left behind without the link to reach it.
 */
export function originOf(req: Request): string {
  const host = req.host;
  const match = host === undefined ? null : HOST.exec(host);
  if (match === null || (match[1] !== undefined && Number(match[1]) > 65535)) {
    throw new HttpError(
      400,
      host === undefined
        ? 'The request names no host (Host header), which the links of this answer are built from.'
        : 'The host the request names (Host header, or X-Forwarded-Host behind a trusted proxy) is not a host name with an optional port.',
    );
  }
  const protocol = req.protocol.toLowerCase();
  if (protocol !== 'http' && protocol !== 'https') {
    throw new HttpError(400, 'The scheme the request names (X-Forwarded-Proto) is neither http nor https.');
  }
  return `${protocol}://${host}`;
}
