import { legacyArgument, listArgument, path } from './dynamic-values';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Where the designer gets the schema of a body, a field or a response that depends on what the
 * user chose: the operation it calls, the arguments it passes, and where in the answer the schema
 * is. `x-ms-dynamic-schema` first, `x-ms-dynamic-properties` when only that is declared.
 */
export interface SchemaSource {
  readonly operationId: string;
  /** The called operation's parameter names, each a literal or a reference to a field the user filled. */
  readonly parameters: Readonly<Record<string, { literal: unknown } | { field: string }>>;
  readonly valuePath: string[];
  /** The extension it was read from, for messages. */
  readonly extension: string;
}

/** The two spellings: the key of the path to the schema, and how each writes an argument. */
const SPELLINGS = [
  {
    key: 'x-ms-dynamic-schema',
    value: 'value-path',
    argument: legacyArgument,
  },
  {
    key: 'x-ms-dynamic-properties',
    value: 'itemValuePath',
    argument: listArgument,
  },
] as const;

/** The schema source a schema declares, if any. */
export function schemaSource(schema: Json | undefined): SchemaSource | undefined {
  for (const spelling of SPELLINGS) {
    const declared = schema?.[spelling.key] as Json | undefined;
    if (!declared?.operationId) continue;
    return {
      operationId: declared.operationId,
      parameters: Object.fromEntries(
        Object.entries((declared.parameters ?? {}) as Json).map(([name, v]) => [name, spelling.argument(v)]),
      ),
      valuePath: path(declared[spelling.value]),
      extension: spelling.key,
    };
  }
  return undefined;
}
