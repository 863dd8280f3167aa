import type { ApiModel, HeaderModel, OperationModel, ResponseModel, SecuritySchemeModel } from '../../model/types';
import { byStatus, compact, externalDocs } from '../json';
import { operationRequirements, rootRequirements } from '../requirements';
import { renderParameter } from './parameters';
import { ConnectorSchemas, visibility } from './schema';

type Json = Record<string, unknown>;

/**
 * Builds `apiDefinition.swagger.json`: Swagger 2.0 with the connector's `x-ms-*` extensions, in
 * the key order of reference §6.2's style (swagger → info → host → … → paths → definitions).
 */
export function connectorDefinition(model: ApiModel): Json {
  const schemas = new ConnectorSchemas(model.schemas, model.asDeclared);
  const scheme = model.security.schemes;
  const derived = Object.fromEntries(scheme.map((s) => [s.name, securityDefinition(s)]));
  return compact({
    swagger: '2.0',
    info: info(model),
    host: model.host,
    basePath: model.basePath,
    schemes: [...model.schemes],
    consumes: nonEmpty(model.consumes),
    produces: nonEmpty(model.produces),
    paths: paths(model, schemas),
    definitions: schemas.definitions(),
    securityDefinitions: model.security.definitions
      ? { ...model.security.definitions }
      : scheme.length > 0 || !model.asDeclared
        ? derived
        : undefined,
    security: rootRequirements(model),
    tags: model.tags && model.tags.length > 0 ? model.tags.map((t) => compact({ ...t })) : undefined,
    externalDocs: externalDocs(model.externalDocs),
    'x-ms-connector-metadata': connectorMetadata(model),
    'x-ms-capabilities': capabilities(model),
    ...model.extensions,
  });
}

function nonEmpty(list: readonly string[]): string[] | undefined {
  return list.length > 0 ? [...list] : undefined;
}

function info(model: ApiModel): Json {
  const i = model.info;
  return compact({
    title: i.title,
    description: i.description,
    version: i.version,
    termsOfService: i.termsOfService,
    contact: i.contact ? compact({ ...i.contact }) : undefined,
    license: i.license ? compact({ ...i.license }) : undefined,
    'x-ms-api-annotation': i.status ? { status: i.status } : undefined,
    'x-ms-deployment-version': i.deploymentVersion,
    'x-ms-keywords': i.keywords ? [...i.keywords] : undefined,
    ...i.extensions,
  });
}

function paths(model: ApiModel, schemas: ConnectorSchemas): Json {
  const out: Json = {};
  for (const item of model.paths) {
    const json: Json = {};
    if (item.notificationContent) {
      json['x-ms-notification-content'] = compact({
        description: item.notificationContent.description,
        schema: schemas.render(item.notificationContent.schema, true),
      });
    }
    for (const op of item.operations) json[op.method] = operation(op, model, schemas);
    Object.assign(json, item.extensions);
    out[item.path] = json;
  }
  for (const [path, extensions] of Object.entries(model.pathExtensions ?? {})) {
    out[path] = { ...(out[path] as Json | undefined), ...extensions };
  }
  return out;
}

function operation(op: OperationModel, model: ApiModel, schemas: ConnectorSchemas): Json {
  return compact({
    tags: op.tags.length > 0 ? [...op.tags] : undefined,
    // An imported operation may have no summary; the lint reports it.
    summary: op.summary === '' ? undefined : op.summary,
    description: op.description,
    externalDocs: externalDocs(op.externalDocs),
    operationId: op.id,
    consumes: op.consumes ? [...op.consumes] : undefined,
    produces: op.produces ? [...op.produces] : undefined,
    parameters: op.parameters.length > 0 ? op.parameters.map((p) => renderParameter(p, schemas)) : undefined,
    responses: byStatus(op.responses, (r) => response(r, schemas)),
    deprecated: op.deprecated || undefined,
    security: operationRequirements(op, model),
    'x-ms-visibility': visibility(op.visibility),
    'x-ms-trigger': op.trigger?.kind,
    'x-ms-trigger-hint': op.trigger?.hint,
    'x-ms-trigger-metadata': op.trigger?.pollingMetadata ? { kind: 'query', mode: 'polling' } : undefined,
    'x-ms-api-annotation': op.annotation ? compact({ ...op.annotation }) : undefined,
    'x-ms-no-generic-test': op.noGenericTest,
    'x-ms-pageable': op.pageable ? { nextLinkName: op.pageable.nextLinkName } : undefined,
    'x-ms-openai-data': op.openAiData,
    'x-ms-operation-context': op.operationContext
      ? {
          simulate: compact({
            operationId: op.operationContext.operationId,
            parameters: op.operationContext.parameters,
          }),
        }
      : undefined,
    'x-ms-capabilities': op.chunkTransfer ? { chunkTransfer: true } : undefined,
    'x-ms-safe-operation': op.safe,
    'x-ms-agentic-protocol': op.agenticProtocol,
    ...op.extensions,
  });
}

function response(r: ResponseModel, schemas: ConnectorSchemas): Json {
  const headers = Object.entries(r.headers);
  return compact({
    description: r.description,
    'x-ms-summary': r.summary,
    // The designer reads one output schema (OperationHasManyResponsesWithSchema): generated
    // error answers are described here and typed in the OpenAPI 3 document.
    schema: r.schema && !r.generated ? schemas.render(r.schema, true) : undefined,
    headers: headers.length > 0 ? Object.fromEntries(headers.map(([k, h]) => [k, header(h)])) : undefined,
    examples: r.examples,
    ...r.extensions,
  });
}

function header(h: HeaderModel): Json {
  return compact({
    type: h.type,
    format: h.format,
    description: h.description,
    'x-ms-summary': h.summary,
    'x-ms-visibility': visibility(h.visibility),
    ...h.extensions,
  });
}

/** The `securityDefinitions` entry of one auth method. */
export function securityDefinition(s: SecuritySchemeModel): Json {
  switch (s.type) {
    case 'apiKey':
      return { type: 'apiKey', in: s.in, name: s.parameter };
    case 'basic':
      return { type: 'basic' };
    case 'oauth2':
      return {
        type: 'oauth2',
        flow: 'accessCode',
        authorizationUrl: s.authorizationUrl,
        tokenUrl: s.tokenUrl,
        scopes: Object.fromEntries(s.scopes.map((x) => [x, x])),
      };
  }
}

function connectorMetadata(model: ApiModel): Json[] | undefined {
  const b = model.branding;
  const entries: Json[] = [];
  if (b.website) entries.push({ propertyName: 'Website', propertyValue: b.website });
  if (b.privacyPolicy) entries.push({ propertyName: 'Privacy policy', propertyValue: b.privacyPolicy });
  if (b.categories && b.categories.length > 0) {
    entries.push({ propertyName: 'Categories', propertyValue: b.categories.join(';') });
  }
  return entries.length > 0 ? entries : undefined;
}

function capabilities(model: ApiModel): Json | undefined {
  const c = model.capabilities;
  if (!c.testConnection && !c.filePicker) return undefined;
  return compact({
    'file-picker': c.filePicker,
    testConnection: c.testConnection ? compact({ ...c.testConnection }) : undefined,
  });
}
