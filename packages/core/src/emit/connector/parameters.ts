import type { ParameterModel } from '../../model/types';
import { constraintKeywords } from '../constraints';
import { compact } from '../json';
import { dynamicKeywords, visibility, type ConnectorSchemas } from './schema';

type Json = Record<string, unknown>;

/** A Swagger 2.0 parameter: the body carries a schema; the others carry their type inline. */
export function renderParameter(p: ParameterModel, schemas: ConnectorSchemas): Json {
  const s = p.schema;
  if (p.in === 'body') {
    const a = p.annotations ?? {};
    return compact({
      name: p.name,
      in: 'body',
      required: p.required,
      description: a.description,
      'x-ms-summary': a.summary,
      'x-ms-visibility': visibility(a.visibility),
      'x-ms-test-value': a.testValue,
      schema: schemas.render(s, true),
    });
  }
  const json: Json = compact({
    name: p.name,
    in: p.in,
    required: p.required,
    type: s.type,
    format: s.format,
    description: s.description,
    'x-ms-summary': s.summary,
    'x-ms-visibility': visibility(s.visibility),
    default: s.default,
    enum: s.enum,
    'x-ms-enum-values': s.enumValues,
    items: s.items ? schemas.render(s.items) : undefined,
    collectionFormat: p.collectionFormat,
    ...constraintKeywords(s),
    allowEmptyValue: p.allowEmptyValue,
    'x-ms-url-encoding': p.urlEncoding,
    'x-ms-test-value': s.testValue,
  });
  // A literal type (e.g. an imported parameter with `items` but no array type) is written as is.
  Object.assign(json, s.literal, dynamicKeywords(s, false));
  return { ...json, ...s.extensions };
}
