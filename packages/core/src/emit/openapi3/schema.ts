import type { ReferenceObject, SchemaObject } from 'openapi3-ts/oas30';
import { createHash } from 'node:crypto';
import type { SchemaModel } from '../../schema/model';
import { refEntry } from '../../schema/refs';
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
    const ref = { $ref: `#/components/schemas/${componentName(s.ref)}` };
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

/** OpenAPI 3's rule for the keys of `components.schemas`. */
const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/;

/**
 * The key of a definition among OpenAPI 3's components, which take only letters, digits, ".",
 * "_" and "-". Every name Flowport makes has only those; an imported definition may be named
 * "Order line" or "a/b", which made an openapi.json that OpenAPI 3 refuses. Such a name is
 * written with "_" for each other character and a digest of the name, so two names never meet.
 */
export function componentName(name: string): string {
  if (COMPONENT_NAME.test(name)) return name;
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.replace(/[^A-Za-z0-9._-]/g, '_')}-${digest}`;
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
 * string, a `discriminator` as the object that names its property, in nested schemas too. Values
 * (`default`, `example`, `enum`…) and every other key stay as written. Before, a discriminator was
 * written as Swagger 2.0's string, which OpenAPI 3.0 refuses.
 */
function oas3Literal(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$ref' && typeof v === 'string') {
      const name = refEntry(v);
      out.$ref = name === undefined ? v : `#/components/schemas/${componentName(name)}`;
    } else if (k === 'x-nullable') put(out, 'nullable', v === true || undefined);
    // Swagger 2.0 names the property; OpenAPI 3.0 takes an object that does.
    else if (k === 'discriminator' && typeof v === 'string') out.discriminator = { propertyName: v };
    else if (k === 'type' && v === 'file') {
      out.type = 'string';
      out.format = 'binary';
    } else out[k] = mapSubschemas(k, v, oas3Literal);
  }
  return out;
}
