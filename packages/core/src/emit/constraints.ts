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
