import type { ApiModel, Diagnostic } from '@flowport/core';
import type * as Documents from '@flowport/core/documents';
import type * as SwaggerSchema from './swagger-schema';

/**
 * Where a module's definition departs from the Swagger 2.0 schema, when it holds something Flowport
 * writes as the module gave it: a schema literal (`{ schema }`, `@Schema({ schema })`) or an
 * imported connector's own forms (`asDeclared`). Before, `@Schema({ schema: { type: 'strin' } })`
 * was built into a definition the platform refuses at import, and only `flowport validate` of the
 * written folder said so. Everything else Flowport writes from decorators has the schema's shape
 * by construction, so the check (ajv compiling the schema costs about 150 ms) runs only here.
 */
export function asGivenProblems(model: ApiModel, definition: unknown, documents: typeof Documents): Diagnostic[] {
  if (!writtenAsGiven(model)) return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { swaggerSchemaProblems } = require('./swagger-schema') as typeof SwaggerSchema;
  return documents.notSwagger(swaggerSchemaProblems(definition));
}

/** Whether the model holds a schema written as given, or is an imported connector. */
function writtenAsGiven(model: ApiModel): boolean {
  if (model.asDeclared) return true;
  const seen = new Set<object>();
  const holdsLiteral = (v: unknown): boolean => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return false;
    seen.add(v);
    if (!Array.isArray(v) && typeof (v as { literal?: unknown }).literal === 'object') return true;
    return Object.values(v).some(holdsLiteral);
  };
  return (
    [...model.schemas.values()].some(holdsLiteral) ||
    model.operations.some((op) => holdsLiteral(op.parameters) || holdsLiteral(op.responses)) ||
    model.paths.some((item) => holdsLiteral(item.notificationContent))
  );
}
