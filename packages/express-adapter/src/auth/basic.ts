import type { BasicAuth } from '@flowport/core';
import type { Request } from 'express';
import { identityOf, type Identity } from '../identity';
import type { CredentialOptions } from '../options';
import type { Check } from './check';

/** The charset the challenge announces; bytes that are not UTF-8 are refused, not replaced. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function parse(req: Request): { username: string; password: string } | undefined {
  const header = req.get('authorization');
  // RFC 9110 §11.4: one or more spaces after the scheme.
  const m = header ? /^Basic +([A-Za-z0-9+/]+=*)$/i.exec(header.trim()) : null;
  if (!m) return undefined;
  let decoded: string;
  try {
    // Replacing them with U+FFFD would make different passwords (Latin-1 "é", "è") one.
    decoded = UTF8.decode(Buffer.from(m[1], 'base64'));
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function basicCheck(_auth: BasicAuth, credentials: CredentialOptions): Check<Identity> {
  const { verifyBasic } = credentials;
  if (!verifyBasic) throw new Error('the connector declares basic auth but no credentials.verifyBasic was given');
  return {
    challenge: 'Basic realm="connector", charset="UTF-8"',
    present: (req) => /^Basic /i.test(req.get('authorization') ?? ''),
    async verify(req) {
      const c = parse(req);
      return c ? identityOf(await verifyBasic(c.username, c.password, req), 'basic', 'verifyBasic') : undefined;
    },
  };
}
