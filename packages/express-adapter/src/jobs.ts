import type { Job, OperationModel } from '@flowport/core';
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { failure, problemOf, unfinished } from './job-answer';
import { jobInput, storedInput } from './job-input';
import type { JobOptions } from './job-options';
import { outcomeOf, type JobRunner, type Runner } from './job-outcome';
import { jobStatusRoute } from './job-status';
import { ownerOf, type Identity } from './identity';
import { missingBodyNotice } from './missing-body';
import { stringAnswerNotice } from './string-answer';
import { originOf } from './origin';
import type { ResponseCheck } from './respond';
import type { ValidInput } from './validation/request-validator';
import { thrownMessage } from './thrown';

export const JOBS_PATH = '/_jobs';

/**
 * The job side of async operations: start (202 + Location + Retry-After), run in the background
 * with a renewed lease, record the result or the problem, answer status polls for the owner only,
 * and re-run jobs abandoned by a crashed process.
 */
export class Jobs {
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly maxRunning: number;
  private readonly runners = new Map<string, Runner>();
  /** The jobs this app runs, with the timers that renew their leases. */
  private readonly running = new Map<string, NodeJS.Timeout>();
  /** Jobs this app has taken on and not finished: those running, and those about to. */
  private taken = 0;
  /**
   * Whether jobs may wait in the store: a job started here then waits behind them, and a job that
   * ends here looks for them.
   */
  private waiting = false;
  /** How many jobs this app has set waiting; a look that found none left clears `waiting` only if none came meanwhile. */
  private queued = 0;
  /** Whether a look for waiting jobs is due: several reasons at once make one look. */
  private looking = false;

  constructor(
    private readonly options: JobOptions,
    private readonly log: (message: string, details: Record<string, unknown>) => void,
  ) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.maxRunning = options.maxRunning ?? 100;
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
        this.giveBack();
      },
      { once: true },
    );
  }

  /**
   * @param text - the media type a string result is sent as, where the operation produces no JSON.
   * @param check - with `validateResponses`, the check of an answer against its declared schema.
   */
  register(op: OperationModel, run: JobRunner, text?: string, check?: ResponseCheck): void {
    // Unchecked, a result missing where a body is declared is logged once, as a synchronous answer's is.
    const success = op.responses.find((r) => /^2\d\d$/.test(r.status) && r.status !== '202');
    this.runners.set(op.id, {
      op,
      run,
      text,
      check,
      missingBody: missingBodyNotice(op, success, check ? undefined : this.log),
      stringAnswer: stringAnswerNotice(op, check ? undefined : this.log),
    });
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
    // Beyond maxRunning, or where jobs wait already, the job waits unleased, as one whose process
    // died would: a claim, here or by another app on the store, starts it in its turn, and counts
    // its first attempt. Before, a start that came as a place fell free took it ahead of the jobs
    // waiting, and under a steady load they could wait until they expired.
    const runs = !this.waiting && this.take();
    // Said before the job is stored: a job that finishes meanwhile must look for it.
    if (!runs) {
      this.waiting = true;
      this.queued++;
    }
    try {
      await this.options.store.create({
        id,
        operation: op.id,
        owner: ownerOf(identity),
        state: 'running',
        input: storedInput(op, input, identity),
        createdAt: now,
        expiresAt: now + async.expiresAfter * 1000,
        leasedUntil: runs ? now + this.leaseMs : now,
        attempts: runs ? 1 : 0,
      });
    } catch (err) {
      if (runs) this.taken--;
      throw err;
    }
    res.status(202);
    res.setHeader('location', `${originOf(req)}${req.baseUrl}${JOBS_PATH}/${id}`);
    res.setHeader('retry-after', String(async.retryAfter));
    res.setHeader('content-length', '0');
    res.end();
    if (runs) void this.execute(id, op, input, identity, now + async.expiresAfter * 1000);
    else if (this.taken < this.maxRunning) this.look();
  }

  /** Takes on one more job when this app runs fewer than `maxRunning`; {@link done} gives it up. */
  private take(): boolean {
    if (this.taken >= this.maxRunning) return false;
    this.taken++;
    return true;
  }

  /** A job taken on is over here: one that waits in the store may start. */
  private done(): void {
    this.taken--;
    if (this.waiting) this.look();
  }

  /** Looks for waiting jobs once the current turn of the event loop is over. */
  private look(): void {
    if (this.looking || this.options.signal?.aborted) return;
    this.looking = true;
    setImmediate(() => {
      this.looking = false;
      void this.recover();
    });
  }

  private async execute(
    id: string,
    op: OperationModel,
    input: ValidInput,
    identity: Identity | undefined,
    expiresAt: number,
  ): Promise<void> {
    const runner = this.runners.get(op.id);
    if (!runner) return this.done();
    let over = false;
    const end = () => {
      if (over) return;
      over = true;
      clearInterval(renew);
      clearTimeout(expiry);
      this.running.delete(id);
      this.done();
    };
    // A handler that never settles (a call without a timeout) would hold its place for good, and
    // enough of them would keep every later job waiting: at the job's expiry, when the store
    // forgets it, its place goes to the next. (Capped where setTimeout's range ends, 24.8 days.)
    const expiry = setTimeout(
      () => {
        this.log('flowport: a job ran until it expired without finishing; its place goes to the next job', {
          job: id,
          operation: op.id,
        });
        end();
      },
      Math.min(Math.max(0, expiresAt - Date.now()), 2 ** 31 - 1),
    );
    expiry.unref();
    const renew = setInterval(
      () =>
        void this.options.store.renew(id, Date.now() + this.leaseMs).catch((err: unknown) =>
          // The lease may run out meanwhile; then the job may also run elsewhere, which at-least-once allows.
          this.log('flowport: the lease of a job could not be renewed', { job: id, error: thrownMessage(err) }),
        ),
      this.leaseMs / 3,
    );
    renew.unref();
    this.running.set(id, renew);
    try {
      const outcome = await outcomeOf(id, runner, input, identity, this.log);
      await this.options.store.finish(id, outcome.state, outcome.status, outcome.json, outcome.headers);
    } catch (err) {
      // The job stays running in the store: when its lease ends it runs again, here or in another
      // process. The error must not end this process (it is not awaited by anyone). A job given
      // back as the app stopped fails here when its store was closed, as it should.
      if (!this.options.signal?.aborted)
        this.log('flowport: the result of a job could not be recorded; it will run again', {
          job: id,
          operation: op.id,
          error: thrownMessage(err),
        });
    } finally {
      end();
    }
  }

  /**
   * Gives the jobs still running back to the store as the app stops: their leases are no longer
   * renewed, and another process may claim them at once. A SQLite store does so before the call
   * returns, so before the store is closed next.
   */
  private giveBack(): void {
    for (const [id, renew] of this.running) {
      clearInterval(renew);
      void this.giveBackOne(id);
    }
    this.running.clear();
  }

  /** Gives one job back to the store, claimable at once; without `release`, when its lease ends. */
  private async giveBackOne(id: string): Promise<void> {
    try {
      await this.options.store.release?.(id);
    } catch (err) {
      this.log('flowport: a running job could not be given back; it runs again when its lease ends', {
        job: id,
        error: thrownMessage(err),
      });
    }
  }

  /** Re-runs jobs whose process died, and drops expired ones. */
  private async recover(): Promise<void> {
    try {
      const now = Date.now();
      await this.options.store.purge(now);
      if (this.options.signal?.aborted) return;
      const free = this.maxRunning - this.taken;
      // A job still waits in the store: when one here finishes, it is looked for again.
      if (free <= 0) return void (this.waiting = true);
      // Only jobs this app can run: another app on the same store claims its own.
      const seen = this.queued;
      const claimed = await this.options.store.claimAbandoned(now, this.leaseMs, [...this.runners.keys()], free);
      // Fewer than asked: none was left waiting, unless one was set waiting here meanwhile.
      this.waiting = claimed.length >= free || this.queued !== seen;
      // Each on its own: a job that cannot be failed (the store refuses the write) must not keep
      // the others of this claim from running, which would cost each of them an attempt. Those
      // beyond maxRunning (a store that took no limit, a start meanwhile) are given back.
      await Promise.all(claimed.map((job) => (this.take() ? this.resume(job) : this.giveBackOne(job.id))));
    } catch (err) {
      // A recovery in flight when the store closed fails for that reason alone.
      if (!this.options.signal?.aborted) this.log('flowport: job recovery failed', { error: thrownMessage(err) });
    }
  }

  /** Runs a claimed job again, or fails it when it must not run again; one taken on ({@link take}). */
  private async resume(job: Job): Promise<void> {
    const runner = this.runners.get(job.operation);
    if (!runner) return this.done();
    let started = false;
    try {
      if (job.attempts !== undefined && job.attempts > this.maxAttempts) {
        // Its process died each time (or its result could never be recorded): running it again
        // would likely end this process too.
        await this.fail(job.id, runner.op, 'flowport: a job was started too often without finishing; it has failed', {
          problem: unfinished(job.id, job.attempts - 1),
          details: { attempts: job.attempts - 1 },
        });
        return;
      }
      let stored: ReturnType<typeof jobInput>;
      try {
        stored = jobInput(runner.op, job.input);
      } catch (err) {
        await this.fail(job.id, runner.op, 'flowport: the stored input of a job cannot be read; it has failed', {
          problem: failure(job.id),
          details: { error: thrownMessage(err) },
        });
        return;
      }
      started = true;
      void this.execute(job.id, runner.op, stored.input, stored.identity, job.expiresAt);
    } catch (err) {
      // It stays running in the store and is claimed again when its lease ends.
      if (!this.options.signal?.aborted)
        this.log('flowport: a claimed job could not be failed; it will be claimed again', {
          job: job.id,
          operation: job.operation,
          error: thrownMessage(err),
        });
    } finally {
      if (!started) this.done();
    }
  }

  /** Ends a job that cannot be run with a 500, so that its caller stops polling. */
  private async fail(
    id: string,
    op: OperationModel,
    message: string,
    why: { problem: ReturnType<typeof problemOf>; details: Record<string, unknown> },
  ): Promise<void> {
    this.log(message, { job: id, operation: op.id, ...why.details });
    await this.options.store.finish(id, 'failed', 500, JSON.stringify(why.problem));
  }

  /** GET <basePath>/_jobs/{id}: 202 while running, then the result; 404 for anyone but the owner. */
  statusRoute(authenticate: (op: OperationModel, req: Request) => Promise<Identity | undefined>): RequestHandler {
    return jobStatusRoute(this.options.store, (operation) => this.runners.get(operation), authenticate);
  }
}
