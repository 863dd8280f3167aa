import type { JobStore, OperationModel } from '@flowport/core';
import type { Request, RequestHandler } from 'express';
import { HttpError } from './errors';
import { failureOf } from './failure';
import { ownerOf, type Identity } from './identity';
import { sendFinished } from './job-answer';
import type { Runner } from './job-outcome';
import { originOf } from './origin';

/**
 * The status resource of a job, `GET <basePath>/_jobs/{id}`, which its caller polls: 202 with the
 * same Location and the operation's Retry-After while it runs or waits, then its answer. Anyone
 * but the caller who started it gets a 404, as for a job that never was or has expired.
 */
export function jobStatusRoute(
  store: JobStore,
  runnerOf: (operation: string) => Runner | undefined,
  authenticate: (op: OperationModel, req: Request) => Promise<Identity | undefined>,
): RequestHandler {
  return (req, res, next) => {
    void (async () => {
      const job = await store.get(String(req.params.id));
      const runner = job && runnerOf(job.operation);
      if (!job || !runner || job.expiresAt <= Date.now()) throw new HttpError(404, 'No such job.');
      const identity = await authenticate(runner.op, req);
      if (ownerOf(identity) !== job.owner) throw new HttpError(404, 'No such job.');
      if (job.state === 'running') {
        res.status(202);
        res.setHeader('location', `${originOf(req)}${req.originalUrl.split('?')[0]}`);
        res.setHeader('retry-after', String(runner.op.async!.retryAfter));
        res.setHeader('content-length', '0');
        res.end();
        return;
      }
      sendFinished(req, res, job, runner.text);
    })().catch(failureOf(next));
  };
}
