import { authMethods, type ApiModel, type AuthDeclaration, type OperationModel } from '@flowport/core';
import type { Request } from 'express';
import { HttpError } from '../errors';
import type { Identity } from '../identity';
import type { CredentialOptions } from '../options';
import { apiKeyCheck } from './api-key';
import { basicCheck } from './basic';
import { bearerCheck } from './bearer';
import { Refusal, type Check } from './check';

function checkOf(auth: AuthDeclaration, credentials: CredentialOptions): Check | undefined {
  switch (auth.type) {
    case 'none':
      return undefined;
    case 'apiKey':
      return apiKeyCheck(auth, credentials);
    case 'basic':
      return basicCheck(auth, credentials);
    case 'oauth2':
      return bearerCheck(auth, credentials);
  }
}

/** Resolves the caller's identity or throws 401/403; undefined for public operations. */
export type Guard = (req: Request) => Promise<Identity | undefined>;

/**
 * Compiles the connector's auth declaration (one method, or several for multi-auth) into one
 * guard per operation. Fails at start-up when a declared method has no way to check credentials.
 */
export function compileGuards(model: ApiModel, credentials: CredentialOptions = {}): (op: OperationModel) => Guard {
  const auth = model.security.auth;
  const declarations = authMethods(auth);
  const checks = declarations.flatMap((d) => checkOf(d, credentials) ?? []);
  const challenge = checks.map((c) => c.challenge).join(', ');
  const open: Guard = async () => undefined;
  return (op) => {
    if (op.isPublic || checks.length === 0) return open;
    const scopes = op.scopes;
    return async (req) => {
      const check = checks.find((c) => c.present(req));
      if (!check)
        throw new HttpError(401, 'Connection credentials are missing.', [], { 'www-authenticate': challenge });
      const identity = await check.verify(req);
      if (!identity || identity instanceof Refusal) {
        const why = identity ? ` (${identity.reason})` : '';
        throw new HttpError(401, `Connection credentials are invalid or expired${why}.`, [], {
          'www-authenticate': challenge,
        });
      }
      const missing = scopes.filter((s) => !identity.scopes.includes(s));
      if (missing.length > 0) {
        throw new HttpError(403, `The credentials lack the scope(s) ${missing.join(', ')}.`, [], {
          'www-authenticate': `Bearer realm="connector", error="insufficient_scope", scope="${scopes.join(' ')}"`,
        });
      }
      return identity;
    };
  };
}
