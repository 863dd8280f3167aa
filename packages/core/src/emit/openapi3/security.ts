import type {
  OAuthFlowsObject,
  OperationObject,
  SecurityRequirementObject,
  SecuritySchemeObject,
} from 'openapi3-ts/oas30';
import type { SecurityDefinition, SecurityRequirement } from '../../connector';
import type { ApiModel, OperationModel, SecuritySchemeModel } from '../../model/types';

// The security of the OpenAPI 3.0 document is the connector definition's: the `securityDefinitions`
// and `security` a connector declares as written (an imported one) where it does, else those its
// auth yields. Before, the written ones were left out here: an imported connector's scopes were
// gone from Swagger UI's Authorize dialog, and its implicit or client-credentials flow read as
// an authorization code flow.

/** `components.securitySchemes`: one per `securityDefinitions` entry. */
export function securitySchemes(model: ApiModel): Record<string, SecuritySchemeObject> {
  const written = model.security.definitions;
  if (written) return Object.fromEntries(Object.entries(written).map(([name, d]) => [name, fromDefinition(d)]));
  return Object.fromEntries(model.security.schemes.map((s) => [s.name, fromScheme(s)]));
}

/** The root `security`, when the definition has one. */
export function rootSecurity(model: ApiModel): SecurityRequirementObject[] | undefined {
  if (model.security.requirement) return requirements(model.security.requirement);
  const schemes = model.security.schemes;
  return schemes.length > 0 ? schemes.map((s) => ({ [s.name]: [] })) : undefined;
}

/** An operation's own `security`: as declared, none for a public one, or the scopes it needs. */
export function operationSecurity(op: OperationModel, model: ApiModel): OperationObject['security'] {
  if (op.security) return requirements(op.security);
  if (op.isPublic) return model.security.schemes.length > 0 ? [] : undefined;
  const oauth = model.security.schemes.find((s) => s.type === 'oauth2');
  if (op.scopes.length > 0 && oauth) return [{ [oauth.name]: [...op.scopes] }];
  return undefined;
}

function requirements(list: readonly SecurityRequirement[]): SecurityRequirementObject[] {
  return list.map((r) => Object.fromEntries(Object.entries(r).map(([name, scopes]) => [name, [...scopes]])));
}

function fromScheme(s: SecuritySchemeModel): SecuritySchemeObject {
  switch (s.type) {
    case 'apiKey':
      return { type: 'apiKey', in: s.in, name: s.parameter };
    case 'basic':
      return { type: 'http', scheme: 'basic' };
    case 'oauth2':
      return {
        type: 'oauth2',
        flows: {
          authorizationCode: {
            authorizationUrl: s.authorizationUrl,
            tokenUrl: s.tokenUrl,
            scopes: Object.fromEntries(s.scopes.map((x) => [x, x])),
          },
        },
      };
  }
}

/** Swagger 2.0's OAuth flow names, as OpenAPI 3.0 names them. */
const FLOWS = {
  implicit: 'implicit',
  password: 'password',
  application: 'clientCredentials',
  accessCode: 'authorizationCode',
} as const;

/** A written `securityDefinitions` entry in OpenAPI 3.0's form, its description and extensions kept. */
function fromDefinition(d: SecurityDefinition): SecuritySchemeObject {
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) if (k === 'description' || k.startsWith('x-')) kept[k] = v;
  switch (d.type) {
    case 'apiKey':
      return { type: 'apiKey', in: d.in, name: d.name, ...kept };
    case 'basic':
      return { type: 'http', scheme: 'basic', ...kept };
    case 'oauth2': {
      const flow: Record<string, unknown> = {};
      if (d.flow === 'implicit' || d.flow === 'accessCode') flow.authorizationUrl = d.authorizationUrl;
      if (d.flow !== 'implicit') flow.tokenUrl = d.tokenUrl;
      flow.scopes = { ...d.scopes };
      const flows = { [FLOWS[d.flow] ?? 'authorizationCode']: flow } as OAuthFlowsObject;
      return { type: 'oauth2', flows, ...kept };
    }
  }
}
