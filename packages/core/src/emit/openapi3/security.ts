import type { OAuthFlowsObject, SecuritySchemeObject } from 'openapi3-ts/oas30';
import type { SecurityDefinition } from '../../connector';
import type { ApiModel, SecuritySchemeModel } from '../../model/types';

// The security schemes of the OpenAPI 3.0 document are the connector definition's: the
// `securityDefinitions` a connector declares as written (an imported one) where it does, else those
// its auth yields; the requirements are the connector definition's too (../requirements.ts).
// Before, the written ones were left out here: an imported connector's scopes were gone from
// Swagger UI's Authorize dialog, and its implicit or client-credentials flow read as an
// authorization code flow.

/** `components.securitySchemes`: one per `securityDefinitions` entry. */
export function securitySchemes(model: ApiModel): Record<string, SecuritySchemeObject> {
  const written = model.security.definitions;
  if (written) return Object.fromEntries(Object.entries(written).map(([name, d]) => [name, fromDefinition(d)]));
  return Object.fromEntries(model.security.schemes.map((s) => [s.name, fromScheme(s)]));
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
