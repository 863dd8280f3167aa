import { retryAfterMs } from '@flowport/core';

/**
 * Seconds to wait, from a `Retry-After` header: a number of seconds or an HTTP date (RFC 9110
 * §10.2.3), as the engine reads it; `fallback` when there is none or it is neither.
 */
export function retryAfterSeconds(header: string | null, fallback: number, now = Date.now()): number {
  const ms = retryAfterMs(header, now);
  return ms === undefined ? fallback : Math.ceil(ms / 1000);
}
