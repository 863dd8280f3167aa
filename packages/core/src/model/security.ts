import { authMethods, type AuthChoice, type AuthDeclaration } from '../auth/auth';
import type { ConnectionParameter } from '../auth/connection-parameters';
import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { OperationModel, SecurityModel, SecuritySchemeModel } from './types';

const NAME = /^[0-9a-zA-Z_]+(:[0-9a-zA-Z_]+)?$/;

function schemeOf(a: AuthDeclaration): SecuritySchemeModel | undefined {
  switch (a.type) {
    case 'none':
      return undefined;
    case 'apiKey':
      return { name: a.definitionName ?? 'api_key', type: 'apiKey', in: a.in, parameter: a.name };
    case 'basic':
      return { name: a.definitionName ?? 'basic_auth', type: 'basic' };
    case 'oauth2':
      return {
        name: a.definitionName ?? 'oauth2_auth',
        type: 'oauth2',
        authorizationUrl: a.authorizationUrl,
        tokenUrl: a.tokenUrl,
        scopes: a.scopes,
      };
  }
}

/** Connection parameter names an auth declaration creates, for clash checks. */
export function authParameterNames(a: AuthDeclaration): string[] {
  const own =
    a.type === 'apiKey'
      ? [a.parameterName ?? 'api_key']
      : a.type === 'basic'
        ? ['username', 'password']
        : a.type === 'oauth2'
          ? [a.parameterName ?? 'token', ...(a.tenantParameter ? ['token:TenantId'] : [])]
          : [];
  return [...own, ...Object.keys(a.parameters ?? {})];
}

/** The security model: one scheme per distinct auth method, plus the declarations. */
export function securityModel(
  auth: AuthDeclaration | AuthChoice | undefined,
  extra: Readonly<Record<string, ConnectionParameter>> | undefined,
  operations: readonly OperationModel[],
  bag: DiagnosticBag,
): SecurityModel {
  const declarations = authMethods(auth);
  const schemes: SecuritySchemeModel[] = [];
  // An operation may only require scopes the OAuth definition lists (validator rule).
  const opScopes = operations.flatMap((op) => op.scopes);
  for (const d of declarations) {
    let s = schemeOf(d);
    if (s?.type === 'oauth2') s = { ...s, scopes: [...new Set([...s.scopes, ...opScopes])] };
    if (s && !schemes.some((x) => x.name === s.name)) schemes.push(s);
  }
  // Within one auth method (or the connector-wide list) each name is declared once.
  const extraNames = Object.keys(extra ?? {});
  for (const d of declarations) {
    const names = [...authParameterNames(d), ...extraNames];
    for (const [i, n] of names.entries()) {
      if (!NAME.test(n))
        bag.report('invalidConnectionParameter', { connector: 'auth' }, { name: n, reason: 'invalid name' });
      else if (names.indexOf(n) !== i)
        bag.report('invalidConnectionParameter', { connector: 'auth' }, { name: n, reason: 'declared twice' });
    }
  }
  if (declarations.length === 0) {
    for (const n of extraNames) {
      if (!NAME.test(n))
        bag.report(
          'invalidConnectionParameter',
          { connector: 'connectionParameters' },
          { name: n, reason: 'invalid name' },
        );
    }
  }
  return { schemes, auth, connectionParameters: { ...extra } };
}

/**
 * The header a security scheme's credentials travel in: an API key in a header in that header,
 * every other scheme in Authorization. The build and `flowport validate` reserve it alike.
 */
export function credentialHeader(scheme: { readonly type?: unknown; readonly in?: unknown }, name: unknown): string {
  return String(scheme.type === 'apiKey' && scheme.in === 'header' ? name : 'authorization').toLowerCase();
}

/** Credentials travel in headers the connection sets; an operation may not declare them. */
export function checkHeaderParameters(
  operations: readonly OperationModel[],
  schemes: readonly SecuritySchemeModel[],
  bag: DiagnosticBag,
): void {
  const reserved = new Set(schemes.map((s) => credentialHeader(s, 'parameter' in s ? s.parameter : undefined)));
  for (const op of operations) {
    for (const p of op.parameters) {
      if (p.in === 'header' && reserved.has(p.name.toLowerCase())) {
        bag.report('headerParameterForbidden', p.at, { name: p.name });
      }
    }
  }
}
