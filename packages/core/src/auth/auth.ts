import { keepHelperOptions } from '../diagnostics/helper-options';
import { every } from '../diagnostics/option-checks';
import type { ConnectionParameter } from './connection-parameters';

/**
 * One auth declaration yields three things: the `securityDefinitions` entry, the matching
 * `connectionParameters`, and (in the Express adapter) a runtime guard that enforces it.
 */
export type AuthDeclaration = NoAuth | ApiKeyAuth | BasicAuth | OAuth2Auth;

interface AuthBase {
  /** Extra connection parameters shown with this auth method (e.g. a host name). */
  readonly parameters?: Readonly<Record<string, ConnectionParameter>>;
}

/** A connector whose connections hold no credentials ({@link noAuth}). */
export interface NoAuth extends AuthBase {
  readonly type: 'none';
}

/** An API key sent in a header or the query ({@link apiKey}): `type: apiKey` and the `api_key` connection parameter. */
export interface ApiKeyAuth extends AuthBase {
  readonly type: 'apiKey';
  readonly in: 'header' | 'query';
  /** Header or query parameter name, e.g. `Ocp-Apim-Subscription-Key`. */
  readonly name: string;
  /** Label of the key field in the connection dialog. */
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  /** `securityDefinitions` key; default `api_key`. */
  readonly definitionName?: string;
  /** Connection parameter name; default `api_key`. */
  readonly parameterName?: string;
}

/** A user name and password ({@link basic}): `type: basic` and the `username`/`password` connection parameters. */
export interface BasicAuth extends AuthBase {
  readonly type: 'basic';
  readonly usernameLabel?: string;
  readonly passwordLabel?: string;
  readonly description?: string;
  /** `securityDefinitions` key; default `basic_auth`. */
  readonly definitionName?: string;
}

/** Identity providers of `oAuthSettings.identityProvider`. */
export type IdentityProvider = 'aad' | 'aadcertificate' | 'oauth2' | 'oauth2generic' | 'facebook' | (string & {});

/**
 * OAuth 2.0 through an identity provider ({@link oauth2}, {@link aad}, {@link oauth2Generic}):
 * `type: oauth2` (`flow: accessCode`) and the `token` connection parameter with its `oAuthSettings`.
 */
export interface OAuth2Auth extends AuthBase {
  readonly type: 'oauth2';
  readonly identityProvider: IdentityProvider;
  /** The app's client id. The secret is never written: paconn/pac injects it at upload. */
  readonly clientId: string;
  readonly scopes: readonly string[];
  /** For `securityDefinitions` (`flow: accessCode`). */
  readonly authorizationUrl: string;
  readonly tokenUrl: string;
  readonly refreshUrl?: string;
  /** `oAuthSettings.customParameters`, e.g. `{ resourceUri: 'https://vault.azure.net' }`. */
  readonly customParameters?: Readonly<Record<string, string>>;
  /** oauth2generic URL and body templates, e.g. `tokenUrlTemplate`. */
  readonly templates?: Readonly<Record<string, string>>;
  readonly properties?: Readonly<Record<string, string | boolean>>;
  /**
   * `oAuthSettings.redirectMode`: `'Global'` (the default) signs users in through the redirect URL
   * every connector shares; `'GlobalPerConnector'`, which certification asks for, through one the
   * platform gives the connector when it is created, to be added to the OAuth app.
   */
  readonly redirectMode?: 'Global' | 'Direct' | 'GlobalPerConnector';
  /** Adds the hidden `token:TenantId` parameter (multi-tenant AAD). */
  readonly tenantParameter?: boolean;
  /** AAD: the audience tokens must carry (the API's resource URI). */
  readonly resourceUri?: string;
  readonly definitionName?: string;
  /** Connection parameter name; default `token` (paconn injects the secret only there). */
  readonly parameterName?: string;
}

/** The redirect URL of the platform's global consent service, the `redirectUrl` of every OAuth 2.0 connection's `oAuthSettings`. */
const GLOBAL_REDIRECT = 'https://global.consent.azure-apim.net/redirect';

/** No connection credentials. */
export function noAuth(parameters?: AuthBase['parameters']): NoAuth {
  return { type: 'none', parameters };
}

/**
 * API key in a header or query parameter.
 * @example `apiKey({ in: 'header', name: 'Ocp-Apim-Subscription-Key', label: 'API key' })`
 */
export function apiKey(options: Omit<ApiKeyAuth, 'type'>): ApiKeyAuth {
  return { type: 'apiKey', ...options };
}

/** HTTP basic auth: user name and password. */
export function basic(options: Omit<BasicAuth, 'type'> = {}): BasicAuth {
  return { type: 'basic', ...options };
}

/** OAuth 2.0 with any identity provider; prefer the specific helpers below. */
export function oauth2(options: Omit<OAuth2Auth, 'type'>): OAuth2Auth {
  return { type: 'oauth2', ...options };
}

/** The options of {@link aad}. */
export interface AadOptions {
  readonly clientId: string;
  readonly resourceUri: string;
  readonly scopes?: readonly string[];
  readonly tenantId?: string;
  readonly loginUri?: string;
  readonly tenantParameter?: boolean;
  readonly certificate?: boolean;
  /**
   * Lets hosts that already hold the user's sign-in, such as Copilot Studio agents, get a token for
   * `resourceUri` on the user's behalf rather than ask for a connection of its own
   * (`enableOnbehalfOfLogin`). The handlers read it as `identity.token`.
   */
  readonly onBehalfOfLogin?: boolean;
  /** `oAuthSettings.redirectMode`; certification asks for `'GlobalPerConnector'` (default `'Global'`). */
  readonly redirectMode?: OAuth2Auth['redirectMode'];
  readonly parameters?: AuthBase['parameters'];
}

const AAD_OPTIONS = every<AadOptions>()([
  'clientId',
  'resourceUri',
  'scopes',
  'tenantId',
  'loginUri',
  'tenantParameter',
  'certificate',
  'onBehalfOfLogin',
  'redirectMode',
  'parameters',
]);

/** Microsoft Entra ID (AAD) OAuth; the API validates tokens for `resourceUri`. */
export function aad(options: AadOptions): OAuth2Auth {
  const loginUri = options.loginUri ?? 'https://login.microsoftonline.com';
  const tenantId = options.tenantId ?? 'common';
  const obo = options.onBehalfOfLogin === true && options.certificate !== true;
  const made: OAuth2Auth = {
    type: 'oauth2',
    identityProvider: options.certificate ? 'aadcertificate' : 'aad',
    clientId: options.clientId,
    scopes: options.scopes ?? [],
    authorizationUrl: `${loginUri}/${tenantId}/oauth2/authorize`,
    tokenUrl: `${loginUri}/${tenantId}/oauth2/token`,
    refreshUrl: `${loginUri}/${tenantId}/oauth2/token`,
    customParameters: {
      loginUri,
      tenantId,
      resourceUri: options.resourceUri,
      ...(obo && { enableOnbehalfOfLogin: 'true' }),
    },
    properties: {
      IsFirstParty: options.certificate ? 'True' : 'False',
      // As the connectors that offer it write them; the paconn schema predates these keys.
      ...(obo && {
        AzureActiveDirectoryResourceId: options.resourceUri,
        IsOnbehalfofLoginSupported: true,
      }),
    },
    resourceUri: options.resourceUri,
    tenantParameter: options.tenantParameter,
    redirectMode: options.redirectMode,
    parameters: options.parameters,
  };
  return keepHelperOptions(made, 'aad()', options, AAD_OPTIONS);
}

/** Generic OAuth 2.0 (`oauth2generic`) with URL templates (`{ClientId}`, `{Scopes}`, …). */
export function oauth2Generic(options: {
  readonly clientId: string;
  readonly scopes?: readonly string[];
  readonly authorizationUrl: string;
  readonly tokenUrl: string;
  readonly refreshUrl?: string;
  readonly templates: Readonly<Record<string, string>>;
  /** `oAuthSettings.redirectMode`; certification asks for `'GlobalPerConnector'` (default `'Global'`). */
  readonly redirectMode?: OAuth2Auth['redirectMode'];
  readonly parameters?: AuthBase['parameters'];
}): OAuth2Auth {
  return { type: 'oauth2', identityProvider: 'oauth2generic', scopes: [], ...options };
}

/** A choice of auth methods at connection time (`connectionParameterSets`). */
export interface AuthChoice {
  readonly type: 'choice';
  readonly displayName: string;
  readonly description?: string;
  readonly options: readonly {
    readonly name: string;
    readonly displayName: string;
    readonly description?: string;
    readonly auth: AuthDeclaration;
  }[];
}

/** Multi-auth: the user picks one of several methods when creating a connection. */
export function authChoice(choice: Omit<AuthChoice, 'type'>): AuthChoice {
  return { type: 'choice', ...choice };
}

/** The methods of an auth declaration: none, its one method, or each method of a choice. */
export function authMethods(auth: AuthDeclaration | AuthChoice | undefined): readonly AuthDeclaration[] {
  return auth === undefined ? [] : auth.type === 'choice' ? auth.options.map((o) => o.auth) : [auth];
}

export { GLOBAL_REDIRECT };
