import { headerType, type ResponseOptions } from '../decorators/returns';
import type { SourceLocation } from '../diagnostics/location';
import { isObject } from '../diagnostics/option-checks';
import { checkResponseOptions } from './declared-options';
import type { ResponseRecord } from '../metadata/records';
import { checkFormat } from '../schema/formats';
import type { SchemaRegistry } from '../schema/registry';
import type { TypeRef } from '../types';
import { reasonPhrase } from './paths';
import type { HeaderModel, ResponseModel } from './types';

/** Builds a response model; a `file` type is allowed here, as the whole response. */
export function responseModel(rec: ResponseRecord, registry: SchemaRegistry, at: SourceLocation): ResponseModel {
  checkResponseOptions(rec.status, rec.options, { ...at, response: String(rec.status) }, registry.bag);
  return response(String(rec.status), rec.type, isObject(rec.options) ? rec.options : {}, registry, at);
}

export function response(
  status: string,
  type: TypeRef | undefined,
  o: ResponseOptions,
  registry: SchemaRegistry,
  at: SourceLocation,
): ResponseModel {
  // A diagnostic about the type or a header names the response, not only the method.
  const where: SourceLocation = { ...at, response: status };
  const headers: Record<string, HeaderModel> = {};
  // Headers of another shape are reported by checkResponseOptions.
  for (const [name, h] of Object.entries(typeof o.headers === 'object' ? (o.headers ?? {}) : {})) {
    if (typeof h !== 'object' || h === null) continue;
    checkFormat(h.format, registry.bag, where);
    headers[name] = {
      // Another type is reported by checkResponseOptions (FP1018).
      type: headerType(h.type) ?? 'string',
      format: h.format,
      description: h.description,
      summary: h.summary,
      visibility: h.visibility,
      extensions: h.extensions,
    };
  }
  const schema = type === undefined ? undefined : registry.openToDynamicSchema(registry.schemaFor(type, where));
  // The schema allows x-ms-media-kind on binary strings, not on `type: file`.
  if (schema && o.mediaKind && schema.format === 'binary') schema.mediaKind = o.mediaKind;
  return {
    status,
    description: o.description ?? reasonPhrase(status),
    schema,
    summary: o.summary,
    headers,
    examples: o.examples,
    extensions: o.extensions,
  };
}
