import type { OperationModel } from '@flowport/core';

type Json = Record<string, unknown>;

/** One operation of the emitted connector definition: its Swagger parameters and responses. */
export function emittedOperation(
  definition: Json,
  op: Pick<OperationModel, 'path' | 'method'>,
): { parameters: Json[]; responses: Record<string, Json> } {
  const emitted = (definition.paths as Record<string, Record<string, Json>>)[op.path][op.method];
  return {
    parameters: (emitted.parameters as Json[] | undefined) ?? [],
    responses: (emitted.responses as Record<string, Json> | undefined) ?? {},
  };
}
