import type { OAuth2Auth } from '@flowport/core';
import type { Request } from 'express';
import type { JWTPayload } from 'jose';
import { HttpError } from '../errors';
import { aadIssuers, TENANT_ID } from './aad-issuers';
import { identityOf, withToken, type Identity } from '../identity';
import type { CredentialOptions } from '../options';
import { Refusal, type Check } from './check';
import { tokenRefusal } from './token-refusal';

function token(req: Request): string | undefined {
  const m = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec((req.get('authorization') ?? '').trim());
  return m?.[1];
}

function scopesOf(claims: JWTPayload): string[] {
  const scp = typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : [];
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
  return [...scp, ...roles];
}

const SPECIFIC_TENANT = /^(?!common$|organizations$|consumers$)[A-Za-z0-9.-]+$/;

/**
 * AAD (Entra ID) access tokens: signature against the tenant's JWKS (fetched once, cached and
 * refreshed by jose on an unknown key id), an algorithm allow-list, issuer, audience = the
 * declared resource URI, and `exp`/`nbf` with a small clock tolerance.
 */
function aadVerifier(
  auth: OAuth2Auth,
  credentials: CredentialOptions,
): (jwt: string) => Promise<Identity | Refusal | undefined> {
  // Loaded only for connectors that declare AAD: it is a quarter of the adapter's start-up cost.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createRemoteJWKSet, errors, jwtVerify } = require('jose') as typeof import('jose');
  // Not having the issuer's signing keys is this service's failure, not the caller's: a 401 would
  // tell Power Automate that the connection's credentials are bad. Everything else is the token's.
  const keysUnavailable = (err: unknown) =>
    !(err instanceof errors.JOSEError) ||
    err.code === 'ERR_JWKS_TIMEOUT' ||
    err.code === 'ERR_JWKS_INVALID' ||
    err.code === 'ERR_JOSE_GENERIC';
  const o = credentials.aad ?? {};
  const loginUri = auth.customParameters?.loginUri ?? 'https://login.microsoftonline.com';
  const tenant = auth.customParameters?.tenantId ?? 'common';
  const jwks = createRemoteJWKSet(new URL(o.jwksUri ?? `${loginUri}/${tenant}/discovery/v2.0/keys`), {
    cacheMaxAge: 10 * 60 * 1000,
    cooldownDuration: 30 * 1000,
  });
  const audience = o.audience ?? auth.resourceUri ?? auth.customParameters?.resourceUri;
  if (!audience) throw new Error('aad auth needs a resourceUri (the audience tokens must carry)');
  // A token names its tenant by ID: a domain name (`contoso.onmicrosoft.com`), which the sign-in
  // URLs take, matched no token's issuer, and every request was a 401.
  if (o.issuer === undefined && SPECIFIC_TENANT.test(tenant) && !TENANT_ID.test(tenant)) {
    throw new Error(
      `aad tenantId "${tenant}" is not a tenant ID, and tokens name their tenant by its ID: declare the ID, or give credentials.aad.issuer (${aadIssuers(loginUri, '<tenant ID>')[0]})`,
    );
  }
  const fixedIssuers = o.issuer ?? (SPECIFIC_TENANT.test(tenant) ? aadIssuers(loginUri, tenant) : undefined);
  const algorithms = o.algorithms ?? ['RS256'];
  return async (jwt) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(jwt, jwks, {
        algorithms: [...algorithms],
        audience: typeof audience === 'string' ? audience : [...audience],
        issuer: typeof fixedIssuers === 'string' ? fixedIssuers : fixedIssuers ? [...fixedIssuers] : undefined,
        clockTolerance: o.clockTolerance ?? 60,
        requiredClaims: ['exp'],
      }));
    } catch (err) {
      if (!keysUnavailable(err)) return tokenRefusal(err, { audience, algorithms });
      throw new HttpError(
        503,
        'The token cannot be checked now: the signing keys of its issuer could not be fetched.',
        [],
        { 'retry-after': '30' },
        { cause: err },
      );
    }
    // Multi-tenant apps: the issuer must be the one of the token's own tenant.
    if (!fixedIssuers) {
      const tid = typeof payload.tid === 'string' ? payload.tid : '';
      if (!TENANT_ID.test(tid) || !aadIssuers(loginUri, tid).includes(String(payload.iss)))
        return new Refusal("the token's issuer is not the one of its own tenant (tid)");
    }
    const subject = String(payload.oid ?? payload.sub ?? '');
    if (!subject) return new Refusal('the token names no subject (oid or sub)');
    return { subject, method: 'oauth2', scopes: scopesOf(payload), claims: payload };
  };
}

export function bearerCheck(auth: OAuth2Auth, credentials: CredentialOptions): Check {
  const aad = auth.identityProvider === 'aad' || auth.identityProvider === 'aadcertificate';
  let verify: (jwt: string, req: Request) => Promise<Identity | Refusal | undefined>;
  if (credentials.verifyToken) {
    const custom = credentials.verifyToken;
    verify = async (jwt, req) => identityOf(await custom(jwt, req), 'oauth2', 'verifyToken');
  } else if (aad) {
    verify = aadVerifier(auth, credentials);
  } else {
    throw new Error(
      `the connector declares OAuth 2.0 (${auth.identityProvider}) auth but no credentials.verifyToken was given`,
    );
  }
  return {
    challenge: 'Bearer realm="connector"',
    present: (req) => /^Bearer /i.test(req.get('authorization') ?? ''),
    async verify(req) {
      const t = token(req);
      if (!t) return new Refusal('the bearer token holds characters no token has');
      const identity = await verify(t, req);
      return identity instanceof Refusal ? identity : withToken(identity, t);
    },
  };
}
