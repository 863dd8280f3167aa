import { CONNECTOR_CATEGORIES, type ConnectorOptions } from '../connector';
import type { ControllerOptions } from '../decorators/controller';
import { AGENTIC_PROTOCOLS } from '../decorators/operation';
import { headerType } from '../decorators/returns';
import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import {
  Checks,
  checkOptionNames,
  checkOptions,
  extensions,
  flag,
  isObject,
  mediaTypes,
  repeatableStrings,
  strings,
  text,
  WRITTEN,
  type OptionCheck,
} from '../diagnostics/option-checks';
import { checkAuth, checkConnectionParameters } from './auth-options';
import { checkCapabilities } from './capability-options';
import { OPTION_NAMES } from './option-names';
import { checkPolicy } from './policy-options';

/*
 * The options given to `new Connector()` (its auth, policies and capabilities in modules of their
 * own), `@Controller()`, `@Action()` and `@Trigger()`, and `@Returns()`, checked against what their
 * TypeScript types say; the trigger declarations' are in ./trigger-options. `flowport build`
 * compiles without checking types, and JavaScript has none; a value of another type was written
 * into the files as it was (a definition the platform refuses), read letter by letter
 * (`capabilities: 'actions'` became seven one-letter capabilities, `consumes: 'application/json'`
 * sixteen media types), silently ignored (`deprecated: 'yes'`), or failed inside resolve()
 * ("types.map is not a function").
 */

const CATEGORIES: ReadonlySet<unknown> = new Set(CONNECTOR_CATEGORIES);
const isClass = (v: unknown) => typeof v === 'function';

/**
 * `new Connector(...)`'s options. Without `controllers` as a list of classes and `info` with its
 * texts, resolve() could not go on (it failed with "controllers is not iterable"). Reports each
 * wrong one; the caller stops when there are any.
 */
export function checkConnectorOptions(o: ConnectorOptions, bag: DiagnosticBag): void {
  const c = new Checks((option) => ({ connector: option }), bag);
  checkOptionNames(o, OPTION_NAMES.connector, 'new Connector()', (option) => ({ connector: option }), bag);
  const info: unknown = o.info;
  if (c.object('info', info, 'an object with title, description and version', true)) {
    c.names('info', info, OPTION_NAMES.info);
    c.text('info.title', info.title, true);
    c.text('info.description', info.description, true);
    c.text('info.version', info.version, true);
    c.text('info.termsOfService', info.termsOfService);
    c.text('info.deploymentVersion', info.deploymentVersion);
    c.oneOf('info.status', info.status, ['Preview', 'Production']);
    // Not held to one of each: x-ms-keywords has no such rule, and real connectors repeat some.
    repeatableStrings(c, info.keywords, 'info.keywords');
    // Both are written as they are given: a misspelt key made a definition Swagger 2.0 refuses.
    if (c.object('info.contact', info.contact, 'an object with name, url and email')) {
      c.names('info.contact', info.contact, OPTION_NAMES.contact, WRITTEN);
      for (const k of ['name', 'url', 'email']) c.text(`info.contact.${k}`, info.contact[k]);
    }
    if (c.object('info.license', info.license, 'an object with name and url')) {
      c.names('info.license', info.license, OPTION_NAMES.license, WRITTEN);
      c.text('info.license.name', info.license.name, true);
      c.text('info.license.url', info.license.url);
    }
    c.extensions('info.extensions', info.extensions);
  }
  c.text('host', o.host);
  c.text('basePath', o.basePath);
  // Required, and the first option a new connector meets: say what it is, not only its type.
  if (typeof o.brandColor !== 'string')
    c.report(
      'brandColor',
      o.brandColor,
      'the background colour of the connector\'s icon, as "#rrggbb" (such as "#3A7BD5")',
    );
  c.text('publisher', o.publisher);
  c.text('stackOwner', o.stackOwner);
  c.text('icon', o.icon);
  c.list(
    'schemes',
    o.schemes,
    ['"http" and "https"', '"http" or "https"'],
    (v) => v === 'http' || v === 'https',
    false,
    true,
  );
  mediaTypes(c, o.consumes, 'consumes');
  mediaTypes(c, o.produces, 'produces');
  strings(c, o.capabilities, 'capabilities');
  const metadata: unknown = o.metadata;
  if (c.object('metadata', metadata, 'an object with website, privacyPolicy and categories')) {
    c.names('metadata', metadata, OPTION_NAMES.metadata);
    c.text('metadata.website', metadata.website);
    c.text('metadata.privacyPolicy', metadata.privacyPolicy);
    const category = 'one of CONNECTOR_CATEGORIES (exported by @flowport/core)';
    c.list('metadata.categories', metadata.categories, ['categories', category], (v) => CATEGORIES.has(v), false, true);
  }
  c.oneOf('unknownProperties', o.unknownProperties, ['reject', 'allow']);
  c.flag('asDeclared', o.asDeclared);
  c.list('controllers', o.controllers, ['controller classes', 'a controller class'], isClass, true);
  c.list('triggers', o.triggers, ['triggers', 'a trigger (webhookTrigger or pollingTrigger)'], isObject);
  if (c.list('policies', o.policies, ['policies', 'a policy (setHeader, policy, …)'], isObject)) {
    o.policies.forEach((p, i) => isObject(p) && checkPolicy(c, `policies[${i}]`, p, o.asDeclared !== true));
  }
  c.list('schemas', o.schemas, ['classes', 'a class'], isClass);
  // Each tag is written as it is given: before, a misspelt key or an externalDocs without its URL
  // made a definition the Swagger 2.0 schema refuses.
  if (c.list('tags', o.tags, ['tags', 'a tag with a name'], (t) => isObject(t) && typeof t.name === 'string')) {
    o.tags.forEach((t, i) => {
      if (!isObject(t)) return;
      c.names(`tags[${i}]`, t, OPTION_NAMES.tag, WRITTEN);
      c.text(`tags[${i}].description`, t.description);
      externalDocs(c, t.externalDocs, `tags[${i}].externalDocs`);
    });
  }
  externalDocs(c, o.externalDocs, 'externalDocs');
  checkCapabilities(c, o);
  checkAuth(c, o.auth, o.asDeclared === true);
  checkConnectionParameters(c, 'connectionParameters', o.connectionParameters);
  c.extensions('extensions', o.extensions);
  const paths: unknown = o.pathExtensions;
  if (c.object('pathExtensions', paths, 'an object of extensions by path')) {
    for (const path of Object.keys(paths)) c.extensions(`pathExtensions["${path}"]`, paths[path]);
  }
}

/** `externalDocs` of the connector or an operation: a URL, and a description of what it holds. */
const externalDocs: OptionCheck = (c, v, k) => {
  if (!c.object(k, v, 'an object with url and description')) return;
  c.names(k, v, OPTION_NAMES.externalDocs);
  c.url(`${k}.url`, v.url, true);
  c.text(`${k}.description`, v.description);
};

const CONTROLLER_OPTIONS: Readonly<Record<string, OptionCheck>> = {
  tags: strings,
  visibility: (c, v, k) => c.visibility(k, v),
  public: flag,
  extensions,
};

/**
 * `@Controller(path, options)`: its options apply to each of its operations. A path of another
 * type was joined in as it was: `@Controller(5)` served `/5`.
 */
export function checkControllerOptions(
  path: unknown,
  o: ControllerOptions,
  at: SourceLocation,
  bag: DiagnosticBag,
): void {
  if (typeof path !== 'string') new Checks(() => at, bag).report('the @Controller path', path, 'a string');
  if (isObject(o)) {
    checkOptionNames(o, OPTION_NAMES.controller, '@Controller', at, bag);
    checkOptions(CONTROLLER_OPTIONS, o, at, bag);
  } else
    new Checks(() => at, bag).object(
      '@Controller options',
      o,
      'an object with tags, visibility, public and extensions',
      true,
    );
}

/**
 * `@Action`'s and `@Trigger`'s options by name, beyond the texts that checkOptionTypes reads from
 * the model. Only the options given are looked at: every operation of a build passes here.
 */
const OPERATION_OPTIONS: Readonly<Record<string, OptionCheck>> = {
  id: text,
  deprecated: flag,
  noGenericTest: flag,
  chunkTransfer: flag,
  safe: flag,
  agenticProtocol: (c, v, k) => c.oneOf(k, v, AGENTIC_PROTOCOLS),
  public: flag,
  pollingMetadata: flag,
  consumes: mediaTypes,
  produces: mediaTypes,
  tags: strings,
  // With `scopes: 'read'`, every call with valid credentials was a 500 ("scopes.filter is not a function").
  scopes: strings,
  security: (c, v, k) => c.list(k, v, ['requirements', 'a requirement (scheme name → scopes)'], isObject),
  annotation: (c, v, k) => {
    if (!c.object(k, v, 'an object with family, revision, status and replacement')) return;
    c.names(k, v, OPTION_NAMES.annotation);
    c.text(`${k}.family`, v.family);
    c.count(`${k}.revision`, v.revision, 1, 'a whole number from 1');
    c.oneOf(`${k}.status`, v.status, ['Preview', 'Production']);
    const replacement = v.replacement;
    if (c.object(`${k}.replacement`, replacement, 'an object with api and operationId')) {
      c.text(`${k}.replacement.api`, replacement.api, true);
      c.text(`${k}.replacement.operationId`, replacement.operationId, true);
    }
  },
  openAiData: (c, v, k) => c.object(k, v, 'an object'),
  pageable: (c, v, k) => {
    if (!c.object(k, v, 'an object with nextLinkName')) return;
    c.names(k, v, OPTION_NAMES.pageable);
    c.oneOf(`${k}.nextLinkName`, v.nextLinkName, ['nextLink', '@odata.nextLink'], true);
  },
  async: (c, v, k) => {
    if (!c.object(k, v, 'an object with retryAfter and expiresAfter (seconds)')) return;
    c.names(k, v, OPTION_NAMES.async);
    // Both are sent in headers and compared with clocks in whole seconds.
    c.count(`${k}.retryAfter`, v.retryAfter, 0, 'a whole number of seconds, 0 or more');
    c.count(`${k}.expiresAfter`, v.expiresAfter, 1, 'a whole number of seconds, 1 or more');
  },
  operationContext: (c, v, k) => {
    if (c.object(k, v, 'an object with simulate'))
      c.object(`${k}.simulate`, v.simulate, 'an object with operation and parameters', true);
  },
  hint: text,
  externalDocs,
  extensions,
  pathExtensions: extensions,
};

/** A route decorator's path: `@Get(5)` was served at `…/5`. */
export function checkRoutePath(
  route: { readonly method: string; readonly path: unknown },
  at: SourceLocation,
  bag: DiagnosticBag,
): void {
  if (typeof route.path !== 'string') {
    const decorator = `@${route.method[0].toUpperCase()}${route.method.slice(1)}`;
    new Checks(() => at, bag).report(`the ${decorator} path`, route.path, 'a string');
  }
}

/** `@Action(options)` or `@Trigger(options)`; a trigger also needs its `kind`. */
export function checkOperationOptions(o: unknown, trigger: boolean, at: SourceLocation, bag: DiagnosticBag): void {
  if (!isObject(o)) {
    new Checks(() => at, bag).object(`${trigger ? '@Trigger' : '@Action'} options`, o, 'an object with summary', true);
    return;
  }
  checkOptionNames(o, trigger ? OPTION_NAMES.trigger : OPTION_NAMES.action, trigger ? '@Trigger' : '@Action', at, bag);
  checkOptions(OPERATION_OPTIONS, o, at, bag);
  if (trigger && o.kind !== 'single' && o.kind !== 'batch')
    new Checks(() => at, bag).oneOf('kind', o.kind, ['single', 'batch'], true);
}

const HEADER_OPTIONS: Readonly<Record<string, OptionCheck>> = {
  type: (c, v, k) => {
    if (headerType(v) === undefined)
      c.report(k, v, '"string", "integer", "number" or "boolean", or String, Number or Boolean');
  },
  format: text,
  extensions,
};

const RESPONSE_OPTIONS: Readonly<Record<string, OptionCheck>> = {
  mediaKind: (c, v, k) => c.oneOf(k, v, ['image', 'audio']),
  examples: (c, v, k) => c.object(k, v, 'an object of examples by media type'),
  extensions,
  headers: (c, v, k) => {
    if (!c.object(k, v, 'an object of headers by name')) return;
    for (const name of Object.keys(v)) {
      const h = v[name];
      if (c.object(`header ${name}`, h, 'an object with type, format and description')) {
        c.names(`header ${name}`, h, OPTION_NAMES.header);
        c.given(HEADER_OPTIONS, h, `header ${name} `);
      }
    }
  },
};

/**
 * `@Returns(status, type, options)`: a status Swagger 2.0 has a key for, and the options beyond
 * their texts. Before, `@Returns(99)` was published as the response "99", `headers: 'x'` as a
 * header named "0", and `{ type: 'str' }` as a header type no validator knows.
 */
export function checkResponseOptions(status: unknown, o: unknown, at: SourceLocation, bag: DiagnosticBag): void {
  const ok =
    status === 'default' || (Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599);
  if (!ok) new Checks(() => at, bag).report('the status', status, 'an HTTP status from 100 to 599, or "default"');
  if (isObject(o)) {
    checkOptionNames(o, OPTION_NAMES.response, '@Returns', at, bag);
    checkOptions(RESPONSE_OPTIONS, o, at, bag);
  } else if (o !== undefined) new Checks(() => at, bag).object('the @Returns options', o, 'an object');
}
