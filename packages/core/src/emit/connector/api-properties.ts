import type { AuthDeclaration, OAuth2Auth } from '../../auth/auth';
import { GLOBAL_REDIRECT } from '../../auth/auth';
import { connectionParameterJson, type ConnectionParameterOptions } from '../../auth/connection-parameters';
import type { ApiModel, PolicyModel } from '../../model/types';
import { compact } from '../json';

type Json = Record<string, unknown>;

/**
 * Builds `apiProperties.json`: the connection parameters that match `securityDefinitions`
 * (reference §5.5 conventions: `api_key`, `username`/`password`, `token`), policies, branding.
 * Client secrets are never written; paconn and pac inject them at upload.
 */
export function apiProperties(model: ApiModel): Json {
  const auth = model.security.auth;
  const extra = model.security.connectionParameters;
  const written = model.security.connection;
  let connectionParameters: Json | undefined;
  let connectionParameterSets: Json | undefined;
  if (written) {
    connectionParameters = written.parameters ? { ...written.parameters } : undefined;
    connectionParameterSets = written.parameterSets ? { ...written.parameterSets } : undefined;
  } else if (auth?.type === 'choice') {
    connectionParameterSets = {
      uiDefinition: compact({ displayName: auth.displayName, description: auth.description }),
      values: auth.options.map((o) => ({
        name: o.name,
        uiDefinition: compact({ displayName: o.displayName, description: o.description }),
        parameters: { ...authParameters(o.auth), ...render(extra) },
      })),
    };
  } else {
    connectionParameters = { ...(auth ? authParameters(auth) : {}), ...render(extra) };
  }
  const b = model.branding;
  return {
    properties: compact({
      connectionParameters,
      connectionParameterSets,
      iconBrandColor: b.brandColor,
      scriptOperations: model.capabilities.script ? [...model.capabilities.script.operationIds] : undefined,
      capabilities: [...model.capabilities.capabilities],
      policyTemplateInstances:
        model.policies.length > 0 || model.policiesDeclared ? model.policies.map(policy) : undefined,
      publisher: b.publisher,
      stackOwner: b.stackOwner,
    }),
  };
}

function render(params: Readonly<Record<string, ConnectionParameterOptions>>): Json {
  return Object.fromEntries(Object.entries(params).map(([k, p]) => [k, connectionParameterJson(p)]));
}

/** The connection parameters one auth declaration yields. */
export function authParameters(a: AuthDeclaration): Json {
  const own = render(a.parameters ?? {});
  switch (a.type) {
    case 'none':
      return own;
    case 'apiKey':
      return {
        [a.parameterName ?? 'api_key']: connectionParameterJson({
          type: 'securestring',
          displayName: a.label,
          description: a.description,
          tooltip: a.tooltip,
          required: true,
        }),
        ...own,
      };
    case 'basic':
      return {
        username: connectionParameterJson({
          type: 'string',
          displayName: a.usernameLabel ?? 'Username',
          description: a.description,
          required: true,
        }),
        password: connectionParameterJson({
          type: 'securestring',
          displayName: a.passwordLabel ?? 'Password',
          required: true,
        }),
        ...own,
      };
    case 'oauth2':
      return { [a.parameterName ?? 'token']: oauthSetting(a), ...tenant(a), ...own };
  }
}

function oauthSetting(a: OAuth2Auth): Json {
  const custom: Record<string, string | undefined> =
    a.identityProvider === 'oauth2'
      ? { authorizationUrl: a.authorizationUrl, tokenUrl: a.tokenUrl, refreshUrl: a.refreshUrl }
      : {};
  Object.assign(custom, a.customParameters, a.templates);
  const entries = Object.entries(custom).filter(([, v]) => v !== undefined);
  return {
    type: 'oauthSetting',
    oAuthSettings: compact({
      identityProvider: a.identityProvider,
      clientId: a.clientId,
      scopes: [...a.scopes],
      redirectMode: a.redirectMode ?? 'Global',
      // The platform gives a connector of its own redirect URL when it is created (as Cognito
      // Forms, certified, leaves it out); the shared one would contradict the mode.
      redirectUrl: a.redirectMode === 'GlobalPerConnector' ? undefined : GLOBAL_REDIRECT,
      properties: a.properties ? { ...a.properties } : { IsFirstParty: 'False' },
      customParameters: entries.length > 0 ? Object.fromEntries(entries.map(([k, v]) => [k, { value: v }])) : undefined,
    }),
  };
}

function tenant(a: OAuth2Auth): Json {
  if (!a.tenantParameter) return {};
  return {
    'token:TenantId': {
      type: 'string',
      metadata: { sourceType: 'AzureActiveDirectoryTenant' },
      uiDefinition: { constraints: { required: 'false', hidden: 'true' } },
    },
  };
}

function policy(p: PolicyModel): Json {
  const parameters: Json = {};
  for (const [k, v] of Object.entries(p.parameters)) parameters[`x-ms-apimTemplateParameter.${k}`] = v;
  if (p.section) parameters['x-ms-apimTemplate-policySection'] = p.section;
  if (p.operationIds && p.operationIds.length > 0) parameters['x-ms-apimTemplate-operationName'] = [...p.operationIds];
  return compact({ templateId: p.templateId, title: p.title, type: p.type, parameters });
}
