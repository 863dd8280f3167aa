import type { ParameterModel } from '../../model/types';
import { constraintKeywords } from '../constraints';
import { compact } from '../json';
import { dynamicTree, dynamicValues } from './dynamic';
import { visibility, type ConnectorSchemas } from './schema';

type Json = Record<string, unknown>;

/** A Swagger 2.0 parameter: the body carries a schema; the others carry their type inline. */
export function renderParameter(p: ParameterModel, schemas: ConnectorSchemas): Json {
  const s = p.schema;
  if (p.in === 'body') {
    const { summary, description, visibility: vis, testValue, ...rest } = s;
    return compact({
      name: p.name,
      in: 'body',
      required: p.required,
      description,
      'x-ms-summary': summary,
      'x-ms-visibility': visibility(vis),
      'x-ms-test-value': testValue,
      schema: schemas.render(rest, true),
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
  if (s.dynamicValues) Object.assign(json, dynamicValues(s.dynamicValues));
  if (s.dynamicTree) Object.assign(json, dynamicTree(s.dynamicTree));
  return { ...json, ...s.extensions };
}
