import { DiagnosticBag } from '../diagnostics/diagnostic';
import { Connector } from '../connector';
import { shown } from '../diagnostics/option-checks';
import { SchemaRegistry } from '../schema/registry';
import { checkConnectorOptions } from './declared-options';
import { checkOptionTypes } from './option-types';
import { checkOperations, checkRequiredLoops } from './checks';
import { authAnswers, PROBLEM_SCHEMA, withErrorResponses } from './problems';
import { deprecateOldRevisions } from './versions';
import { controllerOperations, type HandlerIndex } from './controllers';
import { References } from './references';
import { checkHeaderParameters, securityModel } from './security';
import { triggerOperations } from './triggers';
import type { ApiModel, CapabilitiesModel, OperationModel, PathItemModel, PolicyModel } from './types';
import { checkWebhooks } from './webhook-checks';
import { checkPolicies } from './policy-checks';
import { checkMediaTypes } from './media-types';
import { checkPaging } from './paging-checks';
import type { OperationRef } from '../types';

const HOST = /^[^{}/ :\\]+(?::\d+)?$/;

/**
 * Resolves a connector's decorated classes and declarations into the one {@link ApiModel}.
 * Walks inheritance, assigns operationIds, turns method references into operationIds and
 * checks them. Throws a `DiagnosticError` listing every error found; warnings are returned on
 * `model.diagnostics`.
 */
export function resolve(connector: Connector): ApiModel {
  if (!Connector.isConnector(connector)) {
    throw new TypeError(`resolve() takes a Connector (new Connector({ … })), not ${shown(connector)}`);
  }
  const o = connector.options;
  const bag = new DiagnosticBag(o.asDeclared === true);
  const unknownProperties = o.unknownProperties ?? 'reject';
  const conventions = o.asDeclared !== true;
  const registry = new SchemaRegistry(bag, unknownProperties, conventions);
  const handlers: HandlerIndex = new Map();

  checkConnectorOptions(o, bag);
  // Nothing below can read a connector without its controllers and info.
  bag.throwIfErrors();
  if (o.host !== undefined && !HOST.test(o.host)) bag.report('invalidHost', { connector: 'host' }, { host: o.host });
  if (!/^#[0-9a-fA-F]{6}$/.test(o.brandColor))
    bag.report('invalidBrandColor', { connector: 'brandColor' }, { color: o.brandColor });
  if (o.basePath !== undefined && !o.basePath.startsWith('/')) {
    bag.report('invalidConnector', { connector: 'basePath' }, { what: `basePath "${o.basePath}" must start with "/"` });
  } else if (o.basePath !== undefined && /[?#{}]/.test(o.basePath)) {
    // A query, a fragment or a template is no part of a path; before, "/api?v=1" stopped createApp
    // with path-to-regexp's own error.
    const what = `basePath "${o.basePath}" must be a URL path, without "?", "#" or {variables}`;
    bag.report('invalidConnector', { connector: 'basePath' }, { what });
  }

  const fromControllers = controllerOperations(o.controllers, registry, bag, handlers);
  const fromTriggers = triggerOperations(o.triggers ?? [], registry, bag);
  const declared = [...fromControllers, ...fromTriggers.operations];
  const answers = authAnswers(o.auth);
  const operations = conventions
    ? deprecateOldRevisions(declared).map((op) => withErrorResponses(op, answers))
    : declared;
  for (const cls of o.schemas ?? []) registry.schemaFor(cls, { class: cls.name });
  // Method references point at the operations as declared; keep them pointing at the final ones.
  for (const [fn, op] of handlers) handlers.set(fn, operations[declared.indexOf(op)]);
  if (operations.length === 0) bag.report('noOperations', { connector: 'controllers' });

  checkOperations(operations, registry.table, bag);
  checkRequiredLoops(registry.table, registry.classes(), bag);
  checkOptionTypes(operations, registry.table, registry.classes(), bag);
  // References read the declarations' dynamic sources and operation references as their types
  // say: with an option of another type they failed ("path.split is not a function").
  if (bag.items.some((d) => d.name === 'option-type')) bag.throwIfErrors();
  const refs = new References(handlers, registry.table, bag);
  for (const op of operations) {
    refs.checkDynamic(op);
    if (op.operationContext) {
      const target = refs.operation(op.operationContext.target, 'operationContext', op.at);
      if (target) op.operationContext.operationId = target.id;
    }
  }
  checkWebhooks(operations, refs, bag);

  const ids = (list: readonly (OperationRef | string)[] | undefined, what: string, at: { connector: string }) =>
    list?.flatMap((r) => (typeof r === 'string' ? [r] : (refs.operation(r, what, at)?.id ?? [])));
  // Dynamic references outside parameters (responses, definitions) need their operationIds too.
  for (const op of operations) {
    for (const r of op.responses) if (r.schema) refs.resolveIds(r.schema, op.at);
    if (op.notificationContent) refs.resolveIds(op.notificationContent.schema, op.at);
  }
  refs.resolveDefinitionIds();

  const security = {
    ...securityModel(o.auth, o.connectionParameters, operations, bag),
    definitions: o.securityDefinitions,
    requirement: o.security,
    connection: o.connection,
  };
  checkHeaderParameters(operations, security.schemes, bag);

  const declaredPolicies: PolicyModel[] = (o.policies ?? []).map((p, i) => {
    if (!/^[A-Za-z]+$/.test(p.templateId) || p.title.trim() === '') {
      bag.report(
        'invalidPolicy',
        { connector: `policies[${i}]` },
        {
          title: p.title,
          templateId: p.templateId,
          reason: 'templateId must be letters only and the title must not be empty',
        },
      );
    }
    return {
      templateId: p.templateId,
      title: p.title,
      type: p.type,
      parameters: p.parameters,
      section: p.section,
      operationIds: ids(p.operations, `policy "${p.title}"`, { connector: `policies[${i}]` }),
    };
  });

  if (conventions) checkPolicies(declaredPolicies, operations, refs, bag);
  const policies = conventions
    ? [...declaredPolicies, ...nextLinkPolicies(operations, declaredPolicies)]
    : declaredPolicies;

  const model: ApiModel = {
    info: o.info,
    host: o.host,
    // "/v1/" is the API at /v1: published as written, it is joined to each path as "/v1//items"
    // (Swagger 2.0 appends the path; so do OpenAPI 3's servers and Swagger UI), which the router
    // does not serve. An imported definition keeps its own.
    basePath: conventions ? withoutTrailingSlash(o.basePath ?? '/') : (o.basePath ?? '/'),
    schemes: o.schemes ?? ['https'],
    consumes: o.consumes ?? (conventions ? ['application/json'] : []),
    produces: o.produces ?? (conventions ? ['application/json'] : []),
    operations,
    paths: pathItems(operations),
    schemas: sortedTable(registry.table),
    classes: registry.classes(),
    problem: PROBLEM_SCHEMA,
    security,
    policies,
    branding: {
      brandColor: o.brandColor,
      publisher: o.publisher,
      stackOwner: o.stackOwner,
      website: o.metadata?.website,
      privacyPolicy: o.metadata?.privacyPolicy,
      categories: o.metadata?.categories,
      icon: o.icon,
    },
    capabilities: capabilities(connector, refs, operations, bag),
    triggers: fromTriggers.triggers,
    unknownProperties,
    extensions: o.extensions,
    tags: o.tags,
    externalDocs: o.externalDocs,
    pathExtensions: o.pathExtensions,
    asDeclared: !conventions,
    policiesDeclared: !conventions && o.policies !== undefined,
    diagnostics: bag.items,
  };
  // An imported definition keeps its own media types; the adapter serves what it can of them.
  if (conventions) {
    checkMediaTypes(operations, model, bag);
    checkPaging(operations, model.schemas, bag);
  }
  bag.throwIfErrors();
  return model;
}

function capabilities(
  connector: Connector,
  refs: References,
  operations: readonly OperationModel[],
  bag: DiagnosticBag,
): CapabilitiesModel {
  const o = connector.options;
  let testConnection: CapabilitiesModel['testConnection'];
  if (o.testConnection) {
    const at = { connector: 'testConnection' };
    const target = refs.operation(o.testConnection.operation, 'testConnection', at);
    if (target) {
      const literals = o.testConnection.parameters ?? {};
      if (target.method !== 'get') {
        bag.report('invalidConnector', at, { what: `testConnection operation ${target.id} must be a GET` });
      }
      for (const p of target.parameters) {
        if (p.required && !(p.name in literals) && p.schema.default === undefined) {
          bag.report('testConnectionHasParameters', at, { target: target.id, name: p.name });
        }
      }
      testConnection = { operationId: target.id, parameters: o.testConnection.parameters };
    }
  }
  let filePicker: CapabilitiesModel['filePicker'];
  if (o.filePicker) {
    const f = o.filePicker;
    const call = (c: typeof f.open, what: string) => {
      const target = refs.operation(c.operation, what, { connector: 'filePicker' });
      return { operationId: target?.id ?? '', ...(c.parameters ? { parameters: c.parameters } : {}) };
    };
    filePicker = {
      open: call(f.open, 'filePicker.open'),
      ...(f.browse ? { browse: call(f.browse, 'filePicker.browse') } : {}),
      ...(f.valueTitle ? { 'value-title': f.valueTitle } : {}),
      ...(f.valueCollection ? { 'value-collection': f.valueCollection } : {}),
      ...(f.valueFolderProperty ? { 'value-folder-property': f.valueFolderProperty } : {}),
      ...(f.valueMediaProperty ? { 'value-media-property': f.valueMediaProperty } : {}),
    };
  }
  const script = o.script
    ? {
        file: o.script.file,
        operationIds:
          o.script.operations?.flatMap((r) => refs.operation(r, 'script', { connector: 'script' })?.id ?? []) ?? [],
      }
    : undefined;
  const hasTriggers = operations.some((op) => op.trigger);
  const defaults = o.asDeclared ? [] : hasTriggers ? ['actions', 'triggers'] : ['actions'];
  return {
    capabilities: o.capabilities ?? defaults,
    testConnection,
    filePicker,
    script,
  };
}

function pathItems(operations: readonly OperationModel[]): PathItemModel[] {
  const items = new Map<string, { ops: OperationModel[] }>();
  for (const op of operations) {
    const item = items.get(op.path) ?? { ops: [] };
    item.ops.push(op);
    items.set(op.path, item);
  }
  return [...items].map(([path, { ops }]) => ({
    path,
    operations: ops,
    notificationContent: ops.find((op) => op.notificationContent)?.notificationContent,
    extensions: Object.assign({}, ...ops.map((op) => op.pathExtensions ?? {})),
  }));
}

function sortedTable<T>(table: Map<string, T>): Map<string, T> {
  return new Map([...table].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * `x-ms-pageable` operations need the `updatenextlink` policy so that next links route through
 * the connector ([Sch-sw]); one is added per link name for the operations no declared
 * `updatenextlink` covers.
 */
function nextLinkPolicies(operations: readonly OperationModel[], declared: readonly PolicyModel[]): PolicyModel[] {
  const covered = (op: OperationModel) =>
    declared.some(
      (p) => p.templateId.toLowerCase() === 'updatenextlink' && (!p.operationIds || p.operationIds.includes(op.id)),
    );
  const byName = new Map<string, string[]>();
  for (const op of operations) {
    if (!op.pageable || covered(op)) continue;
    byName.set(op.pageable.nextLinkName, [...(byName.get(op.pageable.nextLinkName) ?? []), op.id]);
  }
  return [...byName].map(([name, ids]) => ({
    templateId: 'updatenextlink',
    title: 'Route next-page links through the connector',
    parameters: { nextLinkPropertyName: name },
    operationIds: ids,
  }));
}

/** A base path without the slashes it ends with: "/v1/" is "/v1", and "/" stays "/". */
function withoutTrailingSlash(path: string): string {
  return path.replace(/\/+$/, '') || '/';
}
