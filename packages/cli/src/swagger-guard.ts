import type { Diagnostic } from '@flowport/core';
import type * as Documents from '@flowport/core/documents';
import type * as SwaggerSchema from './swagger-schema';

/**
 * Where a definition departs from the Swagger 2.0 schema, as FP2016 diagnostics: what `flowport
 * validate` checks first in a file, and the last guard of `flowport build` and `flowport
 * validate` on everything Flowport writes from a module. A
 * schema literal (`@Schema({ schema: { type: 'strin' } })`) or an imported connector's own forms
 * can break the schema; so could a place where Flowport's writers fall short, which a decorated
 * module once reached (a polling trigger's filter of a class type, written as a query parameter
 * without a type). Either way the platform refuses such a file at import, so the build stops
 * instead of writing it. The schema comes precompiled (see `PRECOMPILED_SWAGGER_SCHEMA`), so the
 * check costs about 10 ms.
 */
export function swaggerShapeProblems(definition: unknown, documents: typeof Documents): Diagnostic[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { swaggerSchemaProblems } = require('./swagger-schema') as typeof SwaggerSchema;
  return documents.notSwagger(swaggerSchemaProblems(definition));
}
