import type { OperationModel } from '@flowport/core';

/** Writes a line to the app's log. */
type Log = (message: string, details: Record<string, unknown>) => void;

/**
 * Logs, once per operation, an answer of its success status without the body it declares: the
 * flow reads every output as missing. Nothing is logged where that answer declares no body, nor
 * where answers are checked (`validateResponses` makes it a 500), nor without a log. Serves a
 * synchronous answer and a long-running action's result alike.
 */
export function missingBodyNotice(
  op: OperationModel,
  success: OperationModel['responses'][number] | undefined,
  log: Log | undefined,
): (status: number) => void {
  let quiet = success?.schema === undefined || log === undefined;
  return (status) => {
    if (quiet || status !== Number(success!.status)) return;
    quiet = true;
    log!(`flowport: ${op.id} answered ${status} without the body it declares (logged once)`, {
      operation: op.id,
      hint: 'return the body, or declare the answer without one (@Returns(204))',
    });
  };
}
