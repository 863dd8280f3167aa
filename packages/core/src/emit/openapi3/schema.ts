import type { ReferenceObject, SchemaObject } from 'openapi3-ts/oas30';
import type { SchemaModel } from '../../schema/model';
import { constraintKeywords } from '../constraints';
import { compact } from '../json';

/**
 * The OpenAPI 3.0 form of a model schema: `nullable` instead of `x-nullable`, the field label
 * (`summary`) as `title`, files as binary strings, and `allOf` to annotate a reference.
 */
export function oas3Schema(s: SchemaModel): SchemaObject | ReferenceObject {
  if (s.literal) return { ...s.literal } as SchemaObject;
  const annotations = compact({
    title: s.title ?? s.summary,
    description: s.description,
    nullable: s.nullable || undefined,
    readOnly: s.readOnly,
    default: s.default,
    example: s.example,
    ...s.extensions,
  });
  if (s.ref !== undefined) {
    const ref = { $ref: `#/components/schemas/${s.ref}` };
    return Object.keys(annotations).length > 0 ? { allOf: [ref], ...annotations } : ref;
  }
  const file = s.type === 'file';
  return compact({
    type: file ? 'string' : s.type,
    format: file ? 'binary' : s.format,
    ...annotations,
    enum: s.enum,
    ...constraintKeywords(s),
    minProperties: s.minProperties,
    items: s.items ? oas3Schema(s.items) : undefined,
    properties: s.properties
      ? Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, oas3Schema(v)]))
      : undefined,
    required: s.required && s.required.length > 0 ? s.required : undefined,
    additionalProperties:
      s.additionalProperties === undefined || typeof s.additionalProperties === 'boolean'
        ? s.additionalProperties
        : oas3Schema(s.additionalProperties),
  }) as SchemaObject;
}
