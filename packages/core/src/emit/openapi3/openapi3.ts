import type {
  ComponentsObject,
  ExternalDocumentationObject,
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  PathItemObject,
  PathsObject,
  ReferenceObject,
  SchemaObject,
  RequestBodyObject,
  ResponseObject,
  TagObject,
} from 'openapi3-ts/oas30';
import type { ApiModel, OperationModel, ResponseModel } from '../../model/types';
import type { SchemaModel } from '../../schema/model';
import { isBytesSchema } from '../../schema/bytes';
import { declaredFormTypes, isFileField, MULTIPART, URLENCODED } from '../../model/media-types';
import { byStatus, compact, externalDocs } from '../json';
import { PROBLEM_MEDIA_TYPE, PROBLEM_SCHEMA_NAME } from '../../model/problems';
import { notificationUrlPath } from '../../model/webhook-checks';
import { componentName, oas3Schema } from './schema';
import { operationRequirements, rootRequirements } from '../requirements';
import { securitySchemes } from './security';

/**
 * Builds the OpenAPI 3.0 document for everyone who is not Power Platform (Swagger UI, client
 * generators). It is a separate artefact: connectors accept only Swagger 2.0 (reference §8).
 */
export function openApiDocument(model: ApiModel): OpenAPIObject {
  const i = model.info;
  const paths: PathsObject = {};
  for (const item of model.paths) {
    const pathItem: PathItemObject = { ...paths[item.path] };
    for (const op of item.operations) pathItem[op.method] = operation(op, model);
    paths[item.path] = pathItem;
  }
  const schemas: Record<string, SchemaObject | ReferenceObject> = {};
  for (const [name, s] of model.schemas) schemas[componentName(name)] = oas3Schema(s);
  if (!model.schemas.has(PROBLEM_SCHEMA_NAME)) schemas[PROBLEM_SCHEMA_NAME] = oas3Schema(model.problem);
  const schemes = securitySchemes(model);
  // Plain objects typed by openapi3-ts, in the key order its OpenApiBuilder gave the document
  // (the committed files stay byte-identical); the builder itself loaded openapi3-ts's runtime
  // and its YAML dependency, a fifth of a first emission, to assign these keys.
  const components: ComponentsObject = {};
  if (Object.keys(schemas).length > 0) components.schemas = schemas;
  if (Object.keys(schemes).length > 0) components.securitySchemes = schemes;
  const doc: OpenAPIObject = {
    openapi: '3.0.3',
    info: compact({
      title: i.title,
      description: i.description,
      version: i.version,
      // Shown by Swagger UI under the title; before, only the connector definition had them.
      termsOfService: i.termsOfService,
      contact: i.contact && { ...i.contact },
      license: i.license && compact({ ...i.license }),
    }),
    paths,
    components,
    // The root tags' descriptions, which Swagger UI shows over each group: before, always none.
    tags: (model.tags ?? []).map((t) =>
      compact({ name: t.name, description: t.description, externalDocs: externalDocs(t.externalDocs) }),
    ) as TagObject[],
    servers: servers(model),
  };
  const security = rootRequirements(model);
  if (security) doc.security = security;
  if (model.externalDocs) doc.externalDocs = externalDocs(model.externalDocs) as ExternalDocumentationObject;
  return doc;
}

/**
 * A relative server first: resolved against wherever the document is served from, it makes
 * Swagger UI's "Try it out" call that server (a local run, a staging slot) rather than production.
 * It is relative to the document's folder ("./v1", not "/v1"), so that it holds for an app mounted
 * under a prefix too: the document at /svc/openapi.json names /svc/v1.
 */
function servers(model: ApiModel): { url: string; description: string }[] {
  const base = model.basePath === '/' ? '' : model.basePath;
  const here = { url: `.${base || '/'}`, description: 'The server this document is served from' };
  if (!model.host) return [here];
  return [here, ...model.schemes.map((s) => ({ url: `${s}://${model.host}${base}`, description: 'Production' }))];
}

function operation(op: OperationModel, model: ApiModel): OperationObject {
  const parameters: ParameterObject[] = op.parameters
    .filter((p) => p.in !== 'body' && p.in !== 'formData')
    .map((p) =>
      compact({
        name: p.name,
        in: p.in as ParameterObject['in'],
        required: p.required,
        description: p.schema.description,
        // Swagger UI offers to send it empty, as the designer may.
        allowEmptyValue: p.in === 'query' ? p.allowEmptyValue : undefined,
        ...listStyle(p),
        schema: oas3Schema(withoutText(p.schema)),
      }),
    );
  return compact({
    tags: op.tags.length > 0 ? [...op.tags] : undefined,
    summary: op.summary,
    description: op.description,
    externalDocs: externalDocs(op.externalDocs),
    operationId: op.id,
    parameters: parameters.length > 0 ? parameters : undefined,
    requestBody: requestBody(op, model),
    responses: byStatus(op.responses, (r) => response(r, op, model)),
    callbacks: callbacks(op, model),
    deprecated: op.deprecated || undefined,
    security: operationRequirements(op, model),
  }) as OperationObject;
}

/**
 * How a query list is written, as the connector's `collectionFormat` says: OpenAPI 3's default
 * for a query array is one `name=value` per item, where Swagger 2.0's is one comma-separated value.
 * Path and header lists are comma-separated in both (`simple`); `tsv` has no OpenAPI 3 style.
 */
function listStyle(p: OperationModel['parameters'][number]): Pick<ParameterObject, 'style' | 'explode'> {
  if (p.in !== 'query' || p.schema.type !== 'array') return {};
  switch (p.collectionFormat ?? 'csv') {
    case 'csv':
      return { style: 'form', explode: false };
    case 'ssv':
      return { style: 'spaceDelimited', explode: false };
    case 'pipes':
      return { style: 'pipeDelimited', explode: false };
    case 'multi':
      return { style: 'form', explode: true };
    default:
      return {};
  }
}

function withoutText(s: SchemaModel): SchemaModel {
  return { ...s, description: undefined };
}

function requestBody(op: OperationModel, model: ApiModel): RequestBodyObject | undefined {
  const body = op.parameters.find((p) => p.in === 'body');
  if (body) {
    const types = op.consumes ?? model.consumes;
    const schema = oas3Schema(body.schema);
    return compact({
      description: body.annotations?.description,
      required: body.required,
      content: Object.fromEntries(types.map((t) => [t, { schema }])),
    }) as RequestBodyObject;
  }
  const form = op.parameters.filter((p) => p.in === 'formData');
  if (form.length === 0) return undefined;
  // The form types the operation lists; an imported one may list neither.
  const declared = declaredFormTypes(op.consumes ?? model.consumes);
  const types = declared.length > 0 ? declared : [form.some(isFileField) ? MULTIPART : URLENCODED];
  const required = form.filter((p) => p.required).map((p) => p.name);
  const schema = oas3Schema({
    type: 'object',
    properties: Object.fromEntries(form.map((p) => [p.name, p.schema])),
    required: required.length > 0 ? required : undefined,
  });
  return {
    required: required.length > 0,
    content: Object.fromEntries(types.map((t) => [t, { schema }])),
  };
}

/** The types of a JSON or text answer: the operation's list without the bytes type its files add. */
function valueTypes(produces: readonly string[]): readonly string[] {
  const values = produces.filter((t) => t !== 'application/octet-stream');
  return values.length > 0 ? values : produces;
}

function response(r: ResponseModel, op: OperationModel, model: ApiModel): ResponseObject {
  const headers = Object.entries(r.headers);
  // Swagger 2.0 has one `produces` list per operation, but OpenAPI 3 can say that the error
  // answers Flowport adds are problem+json, which is what the runtime sends.
  const types = r.generated
    ? [PROBLEM_MEDIA_TYPE]
    : isBytesSchema(r.schema)
      ? ['application/octet-stream']
      : valueTypes(op.produces ?? model.produces);
  return compact({
    description: r.description,
    headers:
      headers.length > 0
        ? Object.fromEntries(
            headers.map(([k, h]) => [
              k,
              compact({ description: h.description, schema: compact({ type: h.type, format: h.format }) }),
            ]),
          )
        : undefined,
    content: r.schema
      ? Object.fromEntries(
          // Swagger 2.0 keys an answer's examples by media type; OpenAPI 3 puts each beside its schema.
          types.map((t) => [t, compact({ schema: oas3Schema(r.schema!), example: r.examples?.[t] })]),
        )
      : undefined,
  }) as ResponseObject;
}

/** A webhook registration's notifications, as an OpenAPI callback on the callback field. */
function callbacks(op: OperationModel, model: ApiModel): OperationObject['callbacks'] {
  if (!op.notificationContent) return undefined;
  const body = op.parameters.find((p) => p.in === 'body');
  const source =
    op.source.kind === 'webhookRegister'
      ? [op.source.trigger.callbackField ?? 'callbackUrl']
      : body && notificationUrlPath(body.schema, model.schemas);
  if (!source) return undefined;
  // A JSON pointer into the registration's body: `~` and `/` in a name are escaped.
  const pointer = source.map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  return {
    notification: {
      [`{$request.body#/${pointer}}`]: {
        post: {
          summary: op.notificationContent.description ?? op.summary,
          requestBody: {
            required: true,
            content: { 'application/json': { schema: oas3Schema(op.notificationContent.schema) } },
          },
          responses: { '200': { description: 'Notification received' } },
        },
      },
    },
  };
}
