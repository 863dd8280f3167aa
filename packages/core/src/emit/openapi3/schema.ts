import type { ReferenceObject, SchemaObject } from 'openapi3-ts/oas30';
import type { SchemaModel } from '../../schema/model';
import { putConstraintKeywords, putStructureKeywords } from '../constraints';
import { mapSubschemas } from '../../schema/swagger-json-schema';
import { put } from '../json';

/**
 * The OpenAPI 3.0 form of a model schema: `nullable` instead of `x-nullable`, the field label
 * (`summary`) as `title`, files as binary strings, and `allOf` to annotate a reference.
 */
export function oas3Schema(s: SchemaModel): SchemaObject | ReferenceObject {
  if (s.literal) {
    // A literal with annotations laid over it, as the connector definition writes it.
    const { literal, ...rest } = s;
    return { ...(oas3Literal(literal) as object), ...oas3Schema(rest) } as SchemaObject;
  }
  if (s.ref !== undefined) {
    const ref = { $ref: `#/components/schemas/${s.ref}` };
    const annotated: Record<string, unknown> = {};
    putAnnotations(annotated, s);
    return Object.keys(annotated).length > 0 ? { allOf: [ref], ...annotated } : ref;
  }
  const file = s.type === 'file';
  const json: Record<string, unknown> = {};
  put(json, 'type', file ? 'string' : s.type);
  put(json, 'format', file ? 'binary' : s.format);
  putAnnotations(json, s);
  put(json, 'enum', s.enum);
  putConstraintKeywords(json, s);
  putStructureKeywords(json, s, oas3Schema);
  return json as SchemaObject;
}

/** What OpenAPI 3 lets stand beside a reference (through `allOf`) as well as in a schema. */
function putAnnotations(json: Record<string, unknown>, s: SchemaModel): void {
  put(json, 'title', s.title ?? s.summary);
  put(json, 'description', s.description);
  put(json, 'nullable', s.nullable || undefined);
  put(json, 'readOnly', s.readOnly);
  put(json, 'default', s.default);
  put(json, 'example', s.example);
  if (s.extensions) for (const [k, v] of Object.entries(s.extensions)) put(json, k, v);
}

/**
 * A literal schema (written in Swagger 2.0, as an import keeps it) in OpenAPI 3.0's spelling:
 * references into `#/components/schemas/`, `x-nullable` as `nullable`, `type: file` as a binary
 * string, in nested schemas too. Values (`default`, `example`, `enum`…) and every other key stay
 * as written.
 */
function oas3Literal(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$ref' && typeof v === 'string') out.$ref = v.replace(/^#\/definitions\//, '#/components/schemas/');
    else if (k === 'x-nullable') put(out, 'nullable', v === true || undefined);
    else if (k === 'type' && v === 'file') {
      out.type = 'string';
      out.format = 'binary';
    } else out[k] = mapSubschemas(k, v, oas3Literal);
  }
  return out;
}
