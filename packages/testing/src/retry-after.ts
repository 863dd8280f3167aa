/**
 * Seconds to wait, from a `Retry-After` header: a number of seconds or an HTTP date (RFC 9110
 * §10.2.3), as the engine reads it; `fallback` when there is none or it is neither.
 */
export function retryAfterSeconds(header: string | null, fallback: number, now = Date.now()): number {
  if (header === null) return fallback;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  // An HTTP date names its day and month; Date.parse alone would read "-3" as a year.
  const at = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(at) ? fallback : Math.max(0, Math.ceil((at - now) / 1000));
}
