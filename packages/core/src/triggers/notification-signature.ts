import { createHmac } from 'node:crypto';

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
