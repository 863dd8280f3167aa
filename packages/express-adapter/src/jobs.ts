import type { JobStore, OperationModel } from '@flowport/core';
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { HttpError } from './errors';
import { ownerOf, type Identity } from './identity';
import { originOf } from './origin';
import { sendProblem, titleOf } from './problem';
import { isReply } from './reply';
import type { ValidInput } from './validation/request-validator';

/** Options of async (202) operations. */
export interface JobOptions {
  readonly store: JobStore;
  /** How long a running job is reserved for this process; a crash frees it after this. Default 60 s. */
  readonly leaseMs?: number;
  /**
   * Stops looking for abandoned jobs when aborted: abort it before closing the store, so that an
   * app that goes on (a test suite creating many apps, say) keeps no timer on a closed store. Jobs
   * already running finish, or run again elsewhere when their lease ends.
   */
  readonly signal?: AbortSignal;
}

/** Runs an async operation's handler with the arguments rebuilt from stored input. */
export type JobRunner = (input: ValidInput, identity: Identity | undefined) => Promise<unknown>;

export const JOBS_PATH = '/_jobs';

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The job side of async operations: start (202 + Location + Retry-After), run in the background
 * with a renewed lease, record the result or the problem, answer status polls for the owner only,
 * and re-run jobs abandoned by a crashed process.
 */
export class Jobs {
  private readonly leaseMs: number;
  private readonly runners = new Map<string, { op: OperationModel; run: JobRunner }>();

  constructor(
    private readonly options: JobOptions,
    private readonly log: (message: string, details: Record<string, unknown>) => void,
  ) {
    this.leaseMs = options.leaseMs ?? 60_000;
    const { signal } = options;
    if (signal?.aborted) return;
    const tick = setInterval(() => void this.recover(), Math.max(200, this.leaseMs / 2));
    tick.unref();
    const first = setImmediate(() => void this.recover());
    signal?.addEventListener(
      'abort',
      () => {
        clearInterval(tick);
        clearImmediate(first);
      },
      { once: true },
    );
  }

  register(op: OperationModel, run: JobRunner): void {
    this.runners.set(op.id, { op, run });
  }

  /** Starts a job and answers 202 with where to poll. */
  async start(
    op: OperationModel,
    input: ValidInput,
    identity: Identity | undefined,
    req: Request,
    res: Response,
  ): Promise<void> {
    const now = Date.now();
    const id = randomUUID();
    const async = op.async!;
    await this.options.store.create({
      id,
      operation: op.id,
      owner: ownerOf(identity),
      state: 'running',
      input: JSON.stringify({ input, identity }),
      createdAt: now,
      expiresAt: now + async.expiresAfter * 1000,
      leasedUntil: now + this.leaseMs,
    });
    res.status(202);
    res.setHeader('location', `${originOf(req)}${req.baseUrl}${JOBS_PATH}/${id}`);
    res.setHeader('retry-after', String(async.retryAfter));
    res.setHeader('content-length', '0');
    res.end();
    void this.execute(id, op, input, identity);
  }

  private async execute(
    id: string,
    op: OperationModel,
    input: ValidInput,
    identity: Identity | undefined,
  ): Promise<void> {
    const runner = this.runners.get(op.id);
    if (!runner) return;
    const renew = setInterval(
      () =>
        void this.options.store.renew(id, Date.now() + this.leaseMs).catch((err: unknown) =>
          // The lease may run out meanwhile; then the job may also run elsewhere, which at-least-once allows.
          this.log('flowport: the lease of a job could not be renewed', { job: id, error: messageOf(err) }),
        ),
      this.leaseMs / 3,
    );
    renew.unref();
    try {
      const outcome = await this.outcomeOf(id, op, runner, input, identity);
      await this.options.store.finish(id, outcome.state, outcome.status, JSON.stringify(outcome.body));
    } catch (err) {
      // The job stays running in the store: when its lease ends it runs again, here or in another
      // process. The error must not end this process (it is not awaited by anyone).
      this.log('flowport: the result of a job could not be recorded; it will run again', {
        job: id,
        operation: op.id,
        error: messageOf(err),
      });
    } finally {
      clearInterval(renew);
    }
  }

  /** Runs the handler; what it returned, or the problem it raised. */
  private async outcomeOf(
    id: string,
    op: OperationModel,
    runner: { run: JobRunner },
    input: ValidInput,
    identity: Identity | undefined,
  ): Promise<{ state: 'succeeded' | 'failed'; status: number; body: unknown }> {
    try {
      const result = await runner.run(input, identity);
      const success = op.responses.find((r) => /^2\d\d$/.test(r.status) && r.status !== '202');
      const status = isReply(result) ? result.status : Number(success?.status ?? 200);
      const body = isReply(result) ? result.body : result;
      return { state: 'succeeded', status, body: body ?? null };
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      if (!(err instanceof HttpError)) {
        this.log('flowport: async job failed', {
          job: id,
          operation: op.id,
          error: err instanceof Error ? (err.stack ?? err.message) : String(err),
        });
      }
      const detail =
        err instanceof HttpError ? err.message : `The operation failed; quote job ${id} when reporting it.`;
      const problem = {
        type: 'about:blank',
        title: titleOf(status),
        status,
        detail,
        errors: err instanceof HttpError ? err.errors : [],
      };
      return { state: 'failed', status, body: problem };
    }
  }

  /** Re-runs jobs whose process died, and drops expired ones. */
  private async recover(): Promise<void> {
    try {
      const now = Date.now();
      await this.options.store.purge(now);
      if (this.options.signal?.aborted) return;
      for (const job of await this.options.store.claimAbandoned(now, this.leaseMs)) {
        const runner = this.runners.get(job.operation);
        if (!runner) continue;
        const { input, identity } = JSON.parse(job.input) as { input: ValidInput; identity?: Identity };
        void this.execute(job.id, runner.op, input, identity);
      }
    } catch (err) {
      // A recovery in flight when the store closed fails for that reason alone.
      if (!this.options.signal?.aborted) this.log('flowport: job recovery failed', { error: messageOf(err) });
    }
  }

  /** GET <basePath>/_jobs/{id}: 202 while running, then the result; 404 for anyone but the owner. */
  statusRoute(authenticate: (op: OperationModel, req: Request) => Promise<Identity | undefined>): RequestHandler {
    return (req, res, next) => {
      void (async () => {
        const job = await this.options.store.get(String(req.params.id));
        const runner = job && this.runners.get(job.operation);
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
        if (job.state === 'failed') {
          const problem = JSON.parse(job.result ?? '{}') as { detail?: string; errors?: [] };
          sendProblem(req, res, job.status ?? 500, problem.detail ?? 'The operation failed.', problem.errors ?? []);
          return;
        }
        const text = job.result ?? 'null';
        res.status(job.status ?? 200);
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.setHeader('content-length', Buffer.byteLength(text));
        res.end(text);
      })().catch(next);
    };
  }
}
