import { jsonText, type OperationModel } from '@flowport/core';
import { Readable } from 'node:stream';
import { isDownload } from './download';
import { HttpError } from './errors';
import type { Identity } from './identity';
import { answerHeaders, failure, isBytes, problemOf } from './job-answer';
import { isReply } from './reply';
import { throwIfInvalid, type ResponseCheck } from './respond';
import { loggedError } from './thrown';
import type { ValidInput } from './validation/request-validator';

/** Runs an async operation's handler with the arguments rebuilt from stored input. */
export type JobRunner = (input: ValidInput, identity: Identity | undefined) => Promise<unknown>;

/** How an operation's jobs run: its handler, the check of a result, and the notice of one missing. */
export interface Runner {
  readonly op: OperationModel;
  readonly run: JobRunner;
  readonly text?: string;
  readonly check?: ResponseCheck;
  readonly missingBody: (status: number) => void;
  readonly stringAnswer: (status: number) => void;
}

/** What a job's run comes to: its final state, and the answer its last poll gets. */
export interface Outcome {
  readonly state: 'succeeded' | 'failed';
  readonly status: number;
  readonly json: string;
  readonly headers?: Record<string, string>;
}

/**
 * Runs the handler of job `id`; what it returned, or the problem it raised, as the job's store
 * keeps it. `log` gets a failure's cause.
 */
export async function outcomeOf(
  id: string,
  runner: Runner,
  input: ValidInput,
  identity: Identity | undefined,
  log: (message: string, details: Record<string, unknown>) => void,
): Promise<Outcome> {
  const { op } = runner;
  try {
    const result = await runner.run(input, identity);
    const success = op.responses.find((r) => /^2\d\d$/.test(r.status) && r.status !== '202');
    const status = isReply(result) ? result.status : Number(success?.status ?? 200);
    const body = isReply(result) ? result.body : result;
    if (isBytes(body)) {
      if (body instanceof Readable) body.destroy();
      if (isDownload(body) && body.content instanceof Readable) body.content.destroy();
      throw new Error('the handler answered bytes, which a job cannot keep: an async action answers JSON');
    }
    // Written here, so that a result JSON cannot write (a cycle, a BigInt) fails the job once,
    // instead of failing to be recorded and running again at every lease; the same for headers
    // that an answer could not carry.
    const json = jsonText(body ?? null);
    // With validateResponses, checked as a synchronous action's answer is: a mismatch is a 500
    // that names each pointer.
    throwIfInvalid(
      op,
      status,
      runner.check?.(status, body === undefined ? undefined : json, isReply(result) ? result.headers : {}),
    );
    if (body === undefined) runner.missingBody(status);
    else if (typeof body === 'string') runner.stringAnswer(status);
    return { state: 'succeeded', status, json, headers: isReply(result) ? answerHeaders(result.headers) : undefined };
  } catch (err) {
    if (!(err instanceof HttpError)) {
      log('flowport: async job failed', { job: id, operation: op.id, error: loggedError(err) });
      return { state: 'failed', status: 500, json: JSON.stringify(failure(id)) };
    }
    // As a synchronous action's: a server-side failure with a cause has the cause logged, and
    // the error's headers (a 429's Retry-After) are answered, those no answer could carry left out.
    if (err.status >= 500 && err.cause !== undefined)
      log(`flowport: ${err.message}`, { job: id, operation: op.id, error: loggedError(err.cause) });
    const problem = problemOf(err.status, err.message, err.errors);
    return {
      state: 'failed',
      status: err.status,
      json: JSON.stringify(problem),
      headers: answerHeaders(err.headers, true),
    };
  }
}
