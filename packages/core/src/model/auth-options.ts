import type { AadOptions, ApiKeyAuth, AuthChoice, BasicAuth, OAuth2Auth } from '../auth/auth';
import { helperOptionsOf } from '../diagnostics/helper-options';
import type { ConnectionParameterOptions } from '../auth/connection-parameters';
import {
  Checks,
  every,
  flag,
  isObject,
  strings,
  text,
  type OptionCheck,
  type OptionTable,
} from '../diagnostics/option-checks';

/*
 * The connector's `auth` and connection parameters, checked against their TypeScript types as the
 * other options are (FP1018). Each becomes the security definition, the connection dialog and the
 * guard that admits callers; before, `apiKey({ in: 'cookie' })` published a definition Swagger 2.0
 * refuses, an apiKey without a name failed inside resolve() ("Cannot read properties of undefined
 * (reading 'toLowerCase')"), and an oauth2 without scopes with "s.scopes is not iterable".
 */

const required =
  (expected: string): OptionCheck =>
  (c, v, k) => {
    if (typeof v !== 'string') c.report(k, v, expected);
  };
const record =
  (expected: string): OptionCheck =>
  (c, v, k) => {
    if (v !== undefined) c.object(k, v, expected);
  };
const stringList: OptionCheck = (c, v, k) => strings(c, v, k);

type MethodTable<T> = OptionTable<T, 'type' | 'parameters'>;

const API_KEY: MethodTable<ApiKeyAuth> = {
  in: (c, v, k) => c.oneOf(k, v, ['header', 'query'], true),
  name: required('the name of the header or query parameter that carries the key'),
  label: required('the label of the key in the connection dialog'),
  description: text,
  tooltip: text,
  definitionName: text,
  parameterName: text,
};

const BASIC: MethodTable<BasicAuth> = {
  usernameLabel: text,
  passwordLabel: text,
  description: text,
  definitionName: text,
};

const OAUTH2: MethodTable<OAuth2Auth> = {
  identityProvider: required('the identity provider, such as "aad" or "oauth2generic"'),
  clientId: required("the app's client id"),
  scopes: (c, v, k) => (v === undefined ? c.report(k, v, 'a list of strings') : stringList(c, v, k)),
  authorizationUrl: required('the authorization URL'),
  tokenUrl: required('the token URL'),
  refreshUrl: text,
  customParameters: record('an object of strings by name'),
  templates: record('an object of URL templates by name'),
  properties: record('an object of values by name'),
  redirectMode: (c, v, k) => c.oneOf(k, v, ['Global', 'Direct', 'GlobalPerConnector']),
  tenantParameter: flag,
  resourceUri: text,
  definitionName: text,
  parameterName: text,
};

/** Each method's options by name; every one runs, so that a missing required option is reported. */
const METHODS: Readonly<Record<string, Readonly<Record<string, OptionCheck>>>> = {
  none: {},
  apiKey: API_KEY,
  basic: BASIC,
  oauth2: OAUTH2,
};

/** The names each method takes: its own options, and `type` and `parameters`. */
const METHOD_NAMES = new Map(
  Object.entries(METHODS).map(([type, table]) => [type, new Set(['type', 'parameters', ...Object.keys(table)])]),
);

const CONNECTION_PARAMETER: OptionTable<ConnectionParameterOptions> = {
  type: (c, v, k) => c.oneOf(k, v, ['string', 'securestring', 'int', 'bool'], true),
  displayName: required('the label in the connection dialog'),
  description: text,
  tooltip: text,
  required: flag,
  defaultValue: text,
  allowedValues: (c, v, k) =>
    c.list(
      k,
      v,
      ['{ value, displayName }', 'a { value, displayName }'],
      (a) => isObject(a) && typeof a.value === 'string',
    ),
  capability: stringList,
  tabIndex: (c, v, k) => c.count(k, v, 0, 'a whole number, 0 or more'),
  hidden: flag,
  dependsOn: record('an object of value lists by parameter name'),
};

const CONNECTION_PARAMETER_NAMES = new Set(['kind', ...Object.keys(CONNECTION_PARAMETER)]);

/** `parameters` of an auth method, or the connector's `connectionParameters`, at `option`. */
export function checkConnectionParameters(c: Checks, option: string, v: unknown): void {
  if (v === undefined || !c.object(option, v, 'an object of connectionParameter() by name')) return;
  for (const name of Object.keys(v)) {
    const p = v[name];
    if (!c.object(`${option}.${name}`, p, 'a connectionParameter()')) continue;
    c.names(`${option}.${name}`, p, CONNECTION_PARAMETER_NAMES);
    c.each(CONNECTION_PARAMETER, p, `${option}.${name}.`);
  }
}

/**
 * What `aad()` takes that its declaration does not show as given: on-behalf-of login, which only
 * an app of the publisher's own offers (`aad`); a certificate app (`aadcertificate`) is
 * Microsoft's, and its settings take no such keys.
 */
function checkAadOptions(c: Checks, option: string, v: object): void {
  const made = helperOptionsOf(v);
  if (made?.helper !== 'aad()') return;
  const given = made.given as Partial<AadOptions>;
  c.flag(`${option}.certificate`, given.certificate);
  c.flag(`${option}.onBehalfOfLogin`, given.onBehalfOfLogin);
  if (given.certificate === true && given.onBehalfOfLogin === true)
    c.report(`${option}.onBehalfOfLogin`, true, 'left out with certificate: true, whose first-party apps have none');
}

function checkMethod(c: Checks, option: string, v: unknown, asDeclared: boolean): void {
  if (!c.object(option, v, 'an auth declaration (apiKey(), basic(), oauth2(), aad(), noAuth())', true)) return;
  const table = typeof v.type === 'string' && Object.hasOwn(METHODS, v.type) ? METHODS[v.type] : undefined;
  if (!table) return c.oneOf(`${option}.type`, v.type, ['none', 'apiKey', 'basic', 'oauth2'], true);
  c.declaredNames(option, v, METHOD_NAMES.get(v.type as string) ?? new Set());
  c.each(table, v, `${option}.`);
  // An imported connector keeps its own, which may be empty where its provider needs none.
  if (v.type === 'oauth2' && !asDeclared) {
    for (const k of ['authorizationUrl', 'tokenUrl', 'refreshUrl'])
      if (typeof v[k] === 'string') c.url(`${option}.${k}`, v[k]);
  }
  checkAadOptions(c, option, v);
  checkConnectionParameters(c, `${option}.parameters`, v.parameters);
}

const CHOICE_NAMES = every<AuthChoice>()(['type', 'displayName', 'description', 'options']);
const CHOICE_OPTION_NAMES = every<AuthChoice['options'][number]>()(['name', 'displayName', 'description', 'auth']);

/** `auth`: one method, or `authChoice()` of several; `asDeclared` for an imported connector's. */
export function checkAuth(c: Checks, v: unknown, asDeclared = false): void {
  if (v === undefined) return;
  if (!isObject(v) || v.type !== 'choice') return checkMethod(c, 'auth', v, asDeclared);
  c.names('auth', v, CHOICE_NAMES);
  c.text('auth.displayName', v.displayName, true);
  c.text('auth.description', v.description);
  const options = v.options;
  if (!Array.isArray(options) || options.length === 0) return c.report('auth.options', options, 'a list of methods');
  options.forEach((o: unknown, i) => {
    const at = `auth.options[${i}]`;
    if (!c.object(at, o, 'an object with name, displayName and auth', true)) return;
    c.names(at, o, CHOICE_OPTION_NAMES);
    c.text(`${at}.name`, o.name, true);
    c.text(`${at}.displayName`, o.displayName, true);
    c.text(`${at}.description`, o.description);
    checkMethod(c, `${at}.auth`, o.auth, asDeclared);
  });
}
