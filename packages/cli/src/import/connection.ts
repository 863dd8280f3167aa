import * as core from '@flowport/core';
import { apiKey, basic, oauth2, type AuthDeclaration, type PolicyDeclaration } from '@flowport/core';
import { authDocuments } from '@flowport/core/documents';
import { isDeepStrictEqual } from 'node:util';
import type { Code } from './code';
import { entry, isObject, type Json } from './read';

/** The connector's auth as a helper call, and the connection-level options that must be written out. */
export interface ConnectionSpec {
  /** e.g. `{ helper: 'apiKey', args: { … } }`; undefined for no auth. */
  readonly auth?: { readonly helper: string; readonly args: Json };
  readonly options: Json;
}

function first(o: unknown, type: string): [string, Json] | undefined {
  if (!isObject(o)) return undefined;
  const hit = Object.entries(o).find(([, v]) => isObject(v) && v.type === type);
  return hit as [string, Json] | undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function customValue(settings: Json, ...names: string[]): string | undefined {
  const custom = isObject(settings.customParameters) ? settings.customParameters : {};
  for (const n of names) {
    const v = custom[n];
    if (isObject(v) && typeof v.value === 'string') return v.value;
  }
  return undefined;
}

/**
 * The auth method the running API enforces, read from the first `securityDefinitions` entry (or,
 * where a definition declares none, from apiProperties' OAuth parameter), as a declaration and as
 * the code that writes it.
 */
function inferAuth(
  doc: Json,
  properties: Json,
): { declaration: AuthDeclaration; args: Json; helper: string } | undefined {
  const params = isObject(properties.connectionParameters) ? properties.connectionParameters : {};
  const defs = isObject(doc.securityDefinitions) ? Object.entries(doc.securityDefinitions) : [];
  const [defName, def] = defs.find(([, v]) => isObject(v)) ?? [undefined, undefined];
  const oauthParam = first(params, 'oauthSetting');
  if (
    isObject(def) &&
    def.type === 'apiKey' &&
    (def.in === 'header' || def.in === 'query') &&
    typeof def.name === 'string'
  ) {
    const [paramName, param] = first(params, 'securestring') ?? [undefined, undefined];
    const ui = isObject(param?.uiDefinition) ? param.uiDefinition : {};
    const args: Json = {
      in: def.in,
      name: def.name,
      label: text(ui.displayName) ?? def.name,
      description: text(ui.description),
      tooltip: text(ui.tooltip),
      definitionName: defName === 'api_key' ? undefined : defName,
      parameterName: paramName === undefined || paramName === 'api_key' ? undefined : paramName,
    };
    return { declaration: apiKey(args as Parameters<typeof apiKey>[0]), args, helper: 'apiKey' };
  }
  if (isObject(def) && def.type === 'basic') {
    const args: Json = { definitionName: defName === 'basic_auth' ? undefined : defName };
    return { declaration: basic(args), args, helper: 'basic' };
  }
  const settings = oauthParam && isObject(oauthParam[1].oAuthSettings) ? oauthParam[1].oAuthSettings : undefined;
  if ((isObject(def) && def.type === 'oauth2') || settings) {
    const s = settings ?? {};
    const d = isObject(def) && def.type === 'oauth2' ? def : {};
    const args: Json = {
      identityProvider: text(s.identityProvider) ?? 'oauth2',
      clientId: text(s.clientId) ?? '',
      scopes: Array.isArray(s.scopes) ? s.scopes.filter((x) => typeof x === 'string') : [],
      authorizationUrl:
        text(d.authorizationUrl) ?? customValue(s, 'authorizationUrl', 'authorizationUrlTemplate') ?? '',
      tokenUrl: text(d.tokenUrl) ?? customValue(s, 'tokenUrl', 'tokenUrlTemplate') ?? '',
      resourceUri: customValue(s, 'resourceUri'),
      definitionName: defName === undefined || defName === 'oauth2_auth' ? undefined : defName,
      parameterName: oauthParam === undefined || oauthParam[0] === 'token' ? undefined : oauthParam[0],
    };
    return { declaration: oauth2(args as Parameters<typeof oauth2>[0]), args, helper: 'oauth2' };
  }
  return undefined;
}

/**
 * Maps securityDefinitions, root security and apiProperties' connection parameters. The auth
 * declaration is written first-class; each of the three sections is written out as well only when
 * the declaration would not reproduce it exactly (reference §5.5: real files often disagree).
 */
export function connectionSpec(doc: Json, properties: Json): ConnectionSpec {
  const options: Json = {};
  const inferred = inferAuth(doc, properties);
  const derived = authDocuments(inferred?.declaration);
  const definitions = isObject(doc.securityDefinitions) ? doc.securityDefinitions : {};
  if (!isDeepStrictEqual(definitions, derived.securityDefinitions)) options.securityDefinitions = definitions;
  const security = Array.isArray(doc.security) ? doc.security : [];
  if (options.securityDefinitions || !isDeepStrictEqual(security, derived.security)) options.security = security;
  const params = isObject(properties.connectionParameters) ? properties.connectionParameters : {};
  const sets = properties.connectionParameterSets;
  if (!isDeepStrictEqual(params, derived.connectionParameters) || sets !== undefined) {
    options.connection = {
      parameters: properties.connectionParameters,
      parameterSets: sets,
    };
  }
  return { auth: inferred ? { helper: inferred.helper, args: inferred.args } : undefined, options };
}

/** `x-ms-connector-metadata` as first-class `metadata` when that writes the same array. */
export function metadataOption(v: unknown): Json | undefined {
  if (!Array.isArray(v)) return undefined;
  const names = ['Website', 'Privacy policy', 'Categories'];
  const keys = ['website', 'privacyPolicy', 'categories'];
  const out: Json = {};
  let last = -1;
  for (const e of v) {
    if (!isObject(e) || Object.keys(e).length !== 2 || typeof e.propertyValue !== 'string') return undefined;
    const i = names.indexOf(e.propertyName as string);
    if (i <= last) return undefined;
    last = i;
    if (i === 2) {
      const categories = e.propertyValue.split(';');
      if (!categories.every((c) => CATEGORIES.has(c)) || e.propertyValue === '') return undefined;
      out.categories = categories;
    } else out[keys[i]] = e.propertyValue;
  }
  return v.length > 0 ? out : undefined;
}

const CATEGORIES: ReadonlySet<string> = new Set(core.CONNECTOR_CATEGORIES);

const PARAMETER = 'x-ms-apimTemplateParameter.';

/** The typed helper of each template, by lower-case templateId. */
const HELPERS: Record<string, keyof typeof core> = {
  dynamichosturl: 'dynamicHostUrl',
  setheader: 'setHeader',
  setqueryparameter: 'setQueryParameter',
  routerequesttoendpoint: 'routeRequestToEndpoint',
  setproperty: 'setProperty',
  pollingtrigger: 'pollingTriggerPolicy',
  updatenextlink: 'updateNextLink',
  convertobjecttoarray: 'convertObjectToArray',
  convertarraytoobject: 'convertArrayToObject',
  stringtoarray: 'stringToArray',
  stringreplace: 'stringReplace',
  encodepropertyvalue: 'encodePropertyValue',
  setvaluefromurl: 'setValueFromUrl',
};

/**
 * One `policyTemplateInstances` entry as a call: its typed helper (`setHeader({ … })`) when the
 * helper writes exactly this instance, else `policy(templateId, { … })`; undefined when the
 * instance has keys no declaration carries.
 */
export function policyCall(
  instance: unknown,
  lookup: (operationId: unknown) => Code | undefined,
): { helper: string; args: unknown[] } | undefined {
  if (!isObject(instance) || typeof instance.templateId !== 'string' || typeof instance.title !== 'string') {
    return undefined;
  }
  if (!Object.keys(instance).every((k) => ['templateId', 'title', 'type', 'parameters'].includes(k))) return undefined;
  if (instance.type !== undefined && typeof instance.type !== 'string') return undefined;
  const raw = isObject(instance.parameters) ? instance.parameters : {};
  const parameters: Json = {};
  const scope: Json = { title: instance.title };
  for (const [k, v] of Object.entries(raw)) {
    if (k.startsWith(PARAMETER)) parameters[k.slice(PARAMETER.length)] = v;
    else if (k === 'x-ms-apimTemplate-policySection' && ['Request', 'Response', 'Failure'].includes(v as string))
      scope.section = v;
    else if (k === 'x-ms-apimTemplate-operationName' && Array.isArray(v) && v.length > 0) {
      // An operationId the definition lacks stays a string, as written; the lint reports it.
      scope.operations = v.map((id) => lookup(id) ?? id);
    } else return undefined;
  }
  const typed = typedHelper(instance, scope, parameters);
  if (typed) return typed;
  return { helper: 'policy', args: [instance.templateId, { ...scope, type: instance.type, parameters }] };
}

function typedHelper(instance: Json, scope: Json, parameters: Json): { helper: string; args: unknown[] } | undefined {
  const helper = entry(HELPERS, String(instance.templateId));
  if (!helper || Object.values(parameters).some((v) => typeof v === 'object' && !isObject(v))) return undefined;
  const args = { ...parameters, ...scope };
  let made: PolicyDeclaration;
  try {
    made = (core[helper] as (o: Json) => PolicyDeclaration)(args);
  } catch {
    return undefined;
  }
  const same =
    made.templateId === instance.templateId &&
    made.title === instance.title &&
    made.section === scope.section &&
    made.type === instance.type &&
    isDeepStrictEqual(made.parameters, parameters);
  return same ? { helper, args: [args] } : undefined;
}
