import { isBinarySchema, isBytesSchema, toJsonSchema } from '@flowport/core';

type Json = Record<string, unknown>;

/** Where a non-body parameter travels. */
export type Location = 'path' | 'query' | 'header' | 'formData';

/** The JSON Schemas one operation's requests are validated against, from its emitted parameters. */
export interface RequestSchemas {
  /** One object schema per location, its properties keyed by wire name (headers in lower case). */
  readonly groups: readonly { readonly location: Location; readonly params: readonly Json[]; readonly schema: Json }[];
  /** Uploaded files, checked for presence only. */
  readonly files: readonly Json[];
  /** `schema` is absent for a raw binary body (a stream: only its presence is checked). */
  readonly body?: { readonly required: boolean; readonly schema?: Json };
}

/**
 * Reads an operation's *emitted* Swagger parameters — the JSON the connector definition
 * publishes — as JSON Schema, so that a request passes exactly when the definition allows it.
 * Shared by the runtime and `flowport build --validators`, which must compile the same schemas.
 */
export function requestSchemas(parameters: readonly Json[]): RequestSchemas {
  const groups = (['path', 'query', 'header', 'formData'] as const).flatMap((location) => {
    // A file part (`type: file`, or a `binary` string such as Cloudmersive's) is checked apart.
    const params = parameters.filter((p) => p.in === location && !isBytesSchema(p));
    if (params.length === 0) return [];
    const name = (p: Json) => (location === 'header' ? String(p.name).toLowerCase() : String(p.name));
    // Translated whole, so that a required parameter is one more required property, whose default
    // (the designer's to fill in) the validator must not fill in for a request that left it out.
    const schema = toJsonSchema({
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [name(p), paramSchema(p)])),
      required: params.filter((p) => p.required === true).map(name),
    }) as Json;
    return [{ location, params, schema }];
  });
  const files = parameters.filter((p) => p.in === 'formData' && isBytesSchema(p));
  const body = parameters.find((p) => p.in === 'body');
  if (!body) return { groups, files };
  const schema = body.schema as Json | undefined;
  const binary = isBinarySchema(schema);
  return {
    groups,
    files,
    body: { required: body.required === true, schema: binary ? undefined : (toJsonSchema(schema) as Json) },
  };
}

/** Every schema of {@link requestSchemas}, for precompiling. */
export function schemaList(schemas: RequestSchemas): Json[] {
  return [...schemas.groups.map((g) => g.schema), ...(schemas.body?.schema ? [schemas.body.schema] : [])];
}

/** A non-body Swagger parameter is its own schema, minus the parameter-only keys. */
function paramSchema(p: Json): Json {
  const { name: _n, in: _i, required: _r, description: _d, collectionFormat: _c, allowEmptyValue: _a, ...schema } = p;
  return schema;
}
