import type { ParameterModel } from '../../model/types';
import { putConstraintKeywords } from '../constraints';
import { compact, put } from '../json';
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
  const json: Json = {};
  put(json, 'name', p.name);
  put(json, 'in', p.in);
  put(json, 'required', p.required);
  put(json, 'type', s.type);
  put(json, 'format', s.format);
  put(json, 'description', s.description);
  put(json, 'x-ms-summary', s.summary);
  put(json, 'x-ms-visibility', visibility(s.visibility));
  put(json, 'default', s.default);
  put(json, 'enum', s.enum);
  put(json, 'x-ms-enum-values', s.enumValues);
  if (s.items) json.items = schemas.render(s.items);
  put(json, 'collectionFormat', p.collectionFormat);
  putConstraintKeywords(json, s);
  put(json, 'allowEmptyValue', p.allowEmptyValue);
  put(json, 'x-ms-url-encoding', p.urlEncoding);
  put(json, 'x-ms-test-value', s.testValue);
  // A literal type (e.g. an imported parameter with `items` but no array type) is written as is.
  Object.assign(json, s.literal, dynamicKeywords(s, false));
  return { ...json, ...s.extensions };
}
