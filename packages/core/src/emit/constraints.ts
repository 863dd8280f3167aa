import type { SchemaModel } from '../schema/model';
import { compact } from './json';

/**
 * The validation keywords Swagger 2.0 and OpenAPI 3.0 spell alike, in the order both emitters
 * write them. One list, so a keyword added to the model reaches every output.
 */
export function constraintKeywords(s: SchemaModel): Record<string, unknown> {
  return compact({
    minimum: s.minimum,
    exclusiveMinimum: s.exclusiveMinimum,
    maximum: s.maximum,
    exclusiveMaximum: s.exclusiveMaximum,
    multipleOf: s.multipleOf,
    minLength: s.minLength,
    maxLength: s.maxLength,
    pattern: s.pattern,
    minItems: s.minItems,
    maxItems: s.maxItems,
    uniqueItems: s.uniqueItems,
  });
}
