import type { BasicAuth } from '@flowport/core';
import type { Request } from 'express';
import type { CredentialOptions } from '../options';
import type { Check } from './check';

function parse(req: Request): { username: string; password: string } | undefined {
  const header = req.get('authorization');
  const m = header ? /^Basic ([A-Za-z0-9+/]+=*)$/i.exec(header.trim()) : null;
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function basicCheck(_auth: BasicAuth, credentials: CredentialOptions): Check {
  const { verifyBasic } = credentials;
  if (!verifyBasic) throw new Error('the connector declares basic auth but no credentials.verifyBasic was given');
  return {
    challenge: 'Basic realm="connector", charset="UTF-8"',
    present: (req) => /^Basic /i.test(req.get('authorization') ?? ''),
    async verify(req) {
      const c = parse(req);
      return c ? verifyBasic(c.username, c.password, req) : undefined;
    },
  };
}
