import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers every notification carries, so receivers can verify and de-duplicate. */
export const DELIVERY_HEADERS = {
  id: 'x-flowport-delivery',
  timestamp: 'x-flowport-timestamp',
  signature: 'x-flowport-signature',
} as const;

/** `sha256=<hex HMAC of "<timestamp>.<body>">`: what a receiver recomputes to trust a notification. */
export function signatureOf(secret: string | Buffer, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** How {@link verifySignature} judges a notification's age. */
export interface SignatureCheckOptions {
  /** How far the notification's timestamp may be from now, in seconds; default 300. */
  readonly toleranceSeconds?: number;
  /** Now, in milliseconds since 1970 (tests); default `Date.now()`. */
  readonly now?: number;
}

const SIGNATURE = /^sha256=[0-9a-f]{64}$/;

/**
 * Whether a notification is one this API sent, for a service that receives them: its signature
 * matches one of `secrets` (the current `FLOWPORT_SECRET`, and during a rotation the one it
 * replaces), compared in constant time, and its timestamp is within `toleranceSeconds` of now, so
 * that a notification someone recorded cannot be sent again later. `headers` as Node gives them
 * (lower-case names); `body` the raw text as received, before any parsing.
 *
 * @example
 * ```ts
 * app.post('/hooks', express.text({ type: 'application/json' }), (req, res) => {
 *   if (!verifySignature(process.env.FLOWPORT_SECRET!, req.headers, req.body)) return res.sendStatus(401);
 *   // … JSON.parse(req.body)
 * });
 * ```
 */
export function verifySignature(
  secrets: string | Buffer | readonly (string | Buffer)[],
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  body: string | Buffer,
  options: SignatureCheckOptions = {},
): boolean {
  const timestamp = headers[DELIVERY_HEADERS.timestamp];
  const signature = headers[DELIVERY_HEADERS.signature];
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) return false;
  if (typeof signature !== 'string' || !SIGNATURE.test(signature)) return false;
  const age = Math.abs((options.now ?? Date.now()) / 1000 - Number(timestamp));
  if (!(age <= (options.toleranceSeconds ?? 300))) return false;
  const given = Buffer.from(signature);
  const text = typeof body === 'string' ? body : body.toString('utf8');
  let match = false;
  // Every secret is tried, so that the time taken does not tell which one matched.
  for (const secret of Array.isArray(secrets) ? secrets : [secrets]) {
    match = timingSafeEqual(given, Buffer.from(signatureOf(secret as string | Buffer, timestamp, text))) || match;
  }
  return match;
}
