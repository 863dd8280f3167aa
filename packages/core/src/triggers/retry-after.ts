/**
 * Milliseconds to wait from a `Retry-After` header: a number of seconds or an HTTP date (RFC 9110
 * §10.2.3); `undefined` when there is none or it is neither. A date in the past is 0.
 */
export function retryAfterMs(
  header: string | readonly string[] | null | undefined,
  now = Date.now(),
): number | undefined {
  const value = (typeof header === 'string' ? header : header?.[0])?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its day and month; Date.parse alone would read "-3" or "12.5" as dates.
  const at = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
