import type { ApiKeyAuth } from '@flowport/core';
import { hash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { keyList } from '../adapter-options';
import { identityOf, type Identity } from '../identity';
import { queryParameters } from '../query-string';
import type { CredentialOptions } from '../options';
import type { Check } from './check';

function digest(value: string): Buffer {
  // The one-shot hash: a third cheaper than a Hash object for a value this short.
  return hash('sha256', value, 'buffer');
}

/** Whether a digest equals any of `digests`, in constant time: the loop never exits early. */
function matchesAnyDigest(presented: Buffer, digests: readonly Buffer[]): boolean {
  let match = false;
  for (const d of digests) match = timingSafeEqual(presented, d) || match;
  return match;
}

/**
 * Compares a presented key with every configured key in constant time: both sides are hashed
 * to equal length first and the loop never exits early, so timing says nothing about which
 * key, or how much of one, matched.
 */
export function matchesAnyKey(presented: string, keys: readonly string[]): boolean {
  return matchesAnyDigest(digest(presented), keys.map(digest));
}

/**
 * The digests of the configured keys. A fixed list is hashed once at start-up; a list from a
 * function (keys that rotate) is read on every request, but each key is hashed only the first
 * time it is seen.
 */
function keyDigests(apiKeys: CredentialOptions['apiKeys']): () => readonly Buffer[] {
  if (typeof apiKeys !== 'function') {
    const fixed = (apiKeys ?? []).map(digest);
    return () => fixed;
  }
  const seen = new Map<string, Buffer>();
  const memo = (key: string): Buffer => {
    let d = seen.get(key);
    if (!d) {
      // Rotated-out keys must not pile up: start over once the memo is far beyond any real list.
      if (seen.size >= 1024) seen.clear();
      seen.set(key, (d = digest(key)));
    }
    return d;
  };
  return () => keyList(apiKeys()).map(memo);
}

export function apiKeyCheck(auth: ApiKeyAuth, credentials: CredentialOptions): Check<Identity> {
  const { apiKeys, verifyApiKey } = credentials;
  if (!apiKeys && !verifyApiKey) {
    throw new Error(
      'the connector declares apiKey auth but no credentials.apiKeys or credentials.verifyApiKey was given',
    );
  }
  // A variable that was not set, split into no keys: before, a server that refused every caller.
  if (Array.isArray(apiKeys) && apiKeys.length === 0 && !verifyApiKey) {
    throw new Error(
      'the connector declares apiKey auth but credentials.apiKeys is an empty list, which lets no caller in: give at least one key (a function, for keys that change)',
    );
  }
  const read = (req: Request): string | undefined => {
    const given: unknown = auth.in === 'header' ? req.get(auth.name) : queryParameters(req)[auth.name];
    // A link that already carried the key, followed with the connection's key added again.
    const v: unknown = Array.isArray(given) && given.every((k) => k === given[0]) ? given[0] : given;
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const digests = keyDigests(apiKeys);
  return {
    challenge: `ApiKey realm="connector", ${auth.in}="${auth.name}"`,
    present: (req) => read(req) !== undefined,
    async verify(req): Promise<Identity | undefined> {
      const key = read(req)!;
      if (verifyApiKey) return identityOf(await verifyApiKey(key, req), 'apiKey', 'verifyApiKey');
      const presented = digest(key);
      if (!matchesAnyDigest(presented, digests())) return undefined;
      // A fingerprint, never the key: it may reach logs through handlers.
      const subject = `key:${presented.toString('hex', 0, 8)}`;
      return { subject, method: 'apiKey', scopes: [], claims: {} };
    },
  };
}
