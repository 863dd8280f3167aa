import type { OperationModel, SchemaModel } from '@flowport/core';

/** Writes a line to the app's log. */
type Log = (message: string, details: Record<string, unknown>) => void;

/** Whether a schema promises an object or a list, which a string can never be. */
function structured(s: SchemaModel | undefined): boolean {
  return s !== undefined && (s.ref !== undefined || s.type === 'object' || s.type === 'array');
}

/**
 * Logs, once per operation, a string answered where its status declares an object or a list: it
 * goes out as a JSON string, which a flow reads as text where it was promised the properties of an
 * object, typically `JSON.stringify(value)` returned instead of the value. Nothing is logged where
 * answers are checked (`validateResponses` makes it a 500), nor without a log.
 */
export function stringAnswerNotice(op: OperationModel, log: Log | undefined): (status: number) => void {
  const declared = new Map(op.responses.map((r) => [r.status, r.schema]));
  let quiet = log === undefined;
  return (status) => {
    if (quiet) return;
    const schema = declared.has(String(status)) ? declared.get(String(status)) : declared.get('default');
    if (!structured(schema)) return;
    quiet = true;
    log!(`flowport: ${op.id} answered ${status} with a string where it declares an object (logged once)`, {
      operation: op.id,
      hint: 'return the value itself, not JSON.stringify(value): a string is sent as a JSON string (a Buffer of JSON is sent as the JSON it holds)',
    });
  };
}
