import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a polling Location URL carries between polls. */
export interface CursorState {
  /** operationId of the polling trigger. */
  readonly trigger: string;
  /** Who polls (TriggerRuntime writes a tag keyed with its secret, not the identity); a cursor is useless to anyone else. */
  readonly owner: string;
  /** The app's own cursor, as its `poll` function returned it. */
  readonly cursor: string;
  /** For single triggers: how many items of the batch after `cursor` were already returned. */
  readonly skip?: number;
}

function mac(secret: string | Buffer, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/** `base64url(JSON).base64url(HMAC-SHA256)`: opaque to the platform, tamper-evident to us. */
export function signCursor(state: CursorState, secret: string | Buffer): string {
  const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The state of a token, or undefined when it is malformed, forged or tampered with. */
export function readCursor(token: string, secret: string | Buffer): CursorState | undefined {
  const dot = token.indexOf('.');
  if (dot <= 0) return undefined;
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CursorState;
    return typeof state.trigger === 'string' && typeof state.owner === 'string' && typeof state.cursor === 'string'
      ? state
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who polls, as a cursor carries it: a tag keyed with the secret that signs it, not the identity.
 * The cursor travels in a Location URL, which the flow's run history and proxies' logs show; an
 * API key's fingerprint there could be tried against guesses offline, and an Entra ID object ID
 * is personal data.
 */
export function ownerTag(owner: string, secret: string | Buffer): string {
  return createHmac('sha256', secret).update(`cursor-owner:${owner}`).digest('base64url').slice(0, 22);
}
