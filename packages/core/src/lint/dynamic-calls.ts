import {
  deref,
  isObject,
  eachParameter,
  eachSchemaThrough,
  operationParameters,
  operationsById,
  type Json,
  type OperationEntry,
} from './document';

/** The extensions that call another operation, each with the arguments it binds. */
const CALLING = ['x-ms-dynamic-values', 'x-ms-dynamic-list', 'x-ms-dynamic-schema', 'x-ms-dynamic-properties'];

/** One call the designer makes for a field: to `operationId`, with `parameters` bound. */
export interface DynamicCall {
  readonly extension: string;
  readonly operationId: unknown;
  readonly parameters: Json;
  /** Where the extension is written. */
  readonly pointer: string;
  /** The operation whose form holds the field. */
  readonly caller: OperationEntry;
  /**
   * Whether the field is an operation parameter: then an argument taken from "the calling
   * operation" names one of its parameters. In a body, the legacy form names a sibling property.
   */
  readonly onParameter: boolean;
}

/**
 * Every dynamic call of each operation's fields: on its parameters, and in its body schema, whose
 * references are followed once each (a definition's call is met with each operation using it).
 */
export function eachDynamicCall(definition: Json, visit: (call: DynamicCall) => void): void {
  eachParameter(definition, (p, pointer, caller) => {
    if (p.in !== 'body') callsOf(p, pointer, caller, true, visit);
    else
      eachSchemaThrough(definition, p.schema, `${pointer}/schema`, new Set(), (s, at) =>
        callsOf(s, at, caller, false, visit),
      );
  });
}

/**
 * {@link eachDynamicCall} with the operation each call reaches; a call to an operation the
 * definition lacks is dynamicTargetMissing's to report.
 */
export function eachTargetedCall(definition: Json, visit: (call: DynamicCall, target: OperationEntry) => void): void {
  const byId = operationsById(definition);
  eachDynamicCall(definition, (call) => {
    const target = byId.get(call.operationId);
    if (target) visit(call, target);
  });
}

function callsOf(
  node: Json,
  pointer: string,
  caller: OperationEntry,
  onParameter: boolean,
  visit: (call: DynamicCall) => void,
): void {
  const call = (extension: string, c: unknown, at: string) => {
    if (!c || typeof c !== 'object') return;
    const { operationId, parameters } = c as Json;
    // A call that binds nothing is a call still: its target's required parameters go unsent.
    if (parameters === undefined || isObject(parameters))
      visit({ extension, operationId, parameters: (parameters ?? {}) as Json, pointer: at, caller, onParameter });
  };
  for (const extension of CALLING) call(extension, node[extension], `${pointer}/${extension}`);
  const tree = node['x-ms-dynamic-tree'] as Json | undefined;
  for (const step of ['open', 'browse'])
    call(`x-ms-dynamic-tree ${step}`, tree?.[step], `${pointer}/x-ms-dynamic-tree/${step}`);
}

/**
 * The names an argument may bind or take of an operation: its parameters, and the top-level
 * properties of its body, as the build counts them.
 */
export function parameterNames(definition: Json, e: OperationEntry): string[] {
  const names: string[] = [];
  for (const { p } of operationParameters(definition, e)) {
    if (typeof p.name === 'string') names.push(p.name);
    if (p.in === 'body') names.push(...Object.keys((deref(definition, p.schema as Json).properties ?? {}) as Json));
  }
  return names;
}

/** The parameter an argument takes from the calling operation (`parameter`, `parameterReference`). */
export function sourceOf(argument: unknown): string | undefined {
  if (!argument || typeof argument !== 'object') return undefined;
  const a = argument as Json;
  const source = a.parameter ?? a.parameterReference;
  return typeof source === 'string' ? source : undefined;
}
