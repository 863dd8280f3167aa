import type { SchemaModel } from '../schema/model';
import { put } from './json';

/**
 * Writes the validation keywords Swagger 2.0 and OpenAPI 3.0 spell alike, in the order both
 * emitters write them. One list, so a keyword added to the model reaches every output.
 */
export function putConstraintKeywords(json: Record<string, unknown>, s: SchemaModel): void {
  put(json, 'minimum', s.minimum);
  put(json, 'exclusiveMinimum', s.exclusiveMinimum);
  put(json, 'maximum', s.maximum);
  put(json, 'exclusiveMaximum', s.exclusiveMaximum);
  put(json, 'multipleOf', s.multipleOf);
  put(json, 'minLength', s.minLength);
  put(json, 'maxLength', s.maxLength);
  put(json, 'pattern', s.pattern);
  put(json, 'minItems', s.minItems);
  put(json, 'maxItems', s.maxItems);
  put(json, 'uniqueItems', s.uniqueItems);
}

/**
 * Writes the structure keywords both dialects spell alike, in the order both emitters write them
 * after the validation keywords; nested schemas go through the emitter's own `render`.
 */
export function putStructureKeywords(
  json: Record<string, unknown>,
  s: SchemaModel,
  render: (nested: SchemaModel) => unknown,
): void {
  put(json, 'minProperties', s.minProperties);
  if (s.items) json.items = render(s.items);
  if (s.properties) {
    const properties: Record<string, unknown> = {};
    for (const name of Object.keys(s.properties)) properties[name] = render(s.properties[name]);
    json.properties = properties;
  }
  if (s.required && s.required.length > 0) json.required = s.required;
  const extra = s.additionalProperties;
  put(json, 'additionalProperties', extra === undefined || typeof extra === 'boolean' ? extra : render(extra));
}
