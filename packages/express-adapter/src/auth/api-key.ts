import type { ApiKeyAuth } from '@flowport/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { Identity } from '../identity';
import type { CredentialOptions } from '../options';
import type { Check } from './check';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Compares a presented key with every configured key in constant time: both sides are hashed
 * to equal length first and the loop never exits early, so timing says nothing about which
 * key, or how much of one, matched.
 */
export function matchesAnyKey(presented: string, keys: readonly string[]): boolean {
  const p = digest(presented);
  let match = false;
  for (const key of keys) match = timingSafeEqual(p, digest(key)) || match;
  return match;
}

export function apiKeyCheck(auth: ApiKeyAuth, credentials: CredentialOptions): Check {
  const { apiKeys, verifyApiKey } = credentials;
  if (!apiKeys && !verifyApiKey) {
    throw new Error(
      'the connector declares apiKey auth but no credentials.apiKeys or credentials.verifyApiKey was given',
    );
  }
  const read = (req: Request): string | undefined => {
    const v = auth.in === 'header' ? req.get(auth.name) : req.query[auth.name];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  return {
    challenge: `ApiKey realm="connector", ${auth.in}="${auth.name}"`,
    present: (req) => read(req) !== undefined,
    async verify(req): Promise<Identity | undefined> {
      const key = read(req)!;
      if (verifyApiKey) return verifyApiKey(key, req);
      const keys = typeof apiKeys === 'function' ? apiKeys() : (apiKeys ?? []);
      if (!matchesAnyKey(key, keys)) return undefined;
      // A fingerprint, never the key: it may reach logs through handlers.
      const subject = `key:${digest(key).toString('hex').slice(0, 16)}`;
      return { subject, method: 'apiKey', scopes: [], claims: {} };
    },
  };
}
