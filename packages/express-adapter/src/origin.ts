import type { Request } from 'express';

/**
 * Scheme and host as the caller reached the API, for absolute URLs (Location, next links).
 * X-Forwarded-Proto/Host count only when the app's `trust proxy` is set.
 */
export function originOf(req: Request): string {
  return `${req.protocol}://${req.host}`;
}
