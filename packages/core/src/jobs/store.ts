/**
 * Long-running (async) actions: Logic Apps gives up on a request after 120 s, so an async
 * operation answers 202 at once and the work is tracked as a job the caller polls. The store
 * keeps jobs across restarts; a job whose process died (its lease ran out) is run again from its
 * stored input.
 */
export interface Job {
  readonly id: string;
  /** operationId of the async operation. */
  readonly operation: string;
  /** Identity subject of the caller; only it may read the job. */
  readonly owner: string;
  readonly state: 'running' | 'succeeded' | 'failed';
  /** JSON of what is needed to run it again: validated input and identity. */
  readonly input: string;
  /** Final HTTP status and JSON body, once finished. */
  readonly status?: number;
  readonly result?: string;
  /** Headers of the final answer, once finished: a `reply()`'s, or an error's (`Retry-After`). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly leasedUntil: number;
  /**
   * How many times the job has been started: 1 when created and started, 0 when created to wait
   * (its app already runs as many jobs as it may at once), one more each time
   * {@link JobStore.claimAbandoned} hands it out again, one fewer when an app that stops gives it
   * back ({@link JobStore.release}), since that run was not the job's fault. A job whose process keeps dying (a handler
   * that crashes or exhausts it) is failed after the adapter's `jobs.maxAttempts` instead of being
   * run, and crashing a process, at every lease. A store that leaves it out has its jobs run again
   * without bound.
   */
  readonly attempts?: number;
}

/**
 * Where long-running actions' jobs are kept between the 202 and the last poll:
 * {@link MemoryJobStore} for tests, `SqliteJobStore` (`@flowport/store-sqlite`) as the durable
 * default, or a store of your own on a shared database.
 */
export interface JobStore {
  create(job: Job): Promise<void>;
  get(id: string): Promise<Job | undefined>;
  /** Records the final answer; `headers` are those it carries besides its content type. */
  finish(
    id: string,
    state: 'succeeded' | 'failed',
    status: number,
    result: string,
    headers?: Readonly<Record<string, string>>,
  ): Promise<void>;
  /** Extends the lease of a job this process is running. */
  renew(id: string, leasedUntil: number): Promise<void>;
  /**
   * Running jobs whose lease ran out (their process died, or they wait to be started), leased
   * anew to the caller, each with `attempts` one more than before. With `operations`, only jobs
   * of those operations: several apps may share a store, and a claim by one that cannot run a job
   * would hold it up for a lease and cost it an attempt. With `limit`, at most that many, in turns
   * across their owners (every owner's oldest, then every owner's second, each turn oldest
   * first), so that one caller's burst does not hold back another's job: the app runs no more at
   * once. A store that hands out more has those given
   * back ({@link JobStore.release}); one without `release` keeps them claimed for a lease, and
   * each such claim counts as an attempt of a job that did not run.
   */
  claimAbandoned(now: number, leaseMs: number, operations?: readonly string[], limit?: number): Promise<Job[]>;
  /**
   * Gives back a running job whose app is stopping (its `signal` aborted): claimable at once, and
   * that run not counted in its `attempts`, so that a rolling deployment neither holds the job up
   * for a lease nor costs it attempts. A store without it leaves such a job to its lease.
   */
  release?(id: string): Promise<void>;
  /** Deletes jobs past `expiresAt`. */
  purge(now: number): Promise<void>;
  close(): Promise<void>;
}

/** A {@link JobStore} in memory, for tests. */
export class MemoryJobStore implements JobStore {
  private readonly jobs = new Map<string, Job>();
  async create(job: Job): Promise<void> {
    this.jobs.set(job.id, job);
  }
  async get(id: string): Promise<Job | undefined> {
    return this.jobs.get(id);
  }
  async finish(
    id: string,
    state: 'succeeded' | 'failed',
    status: number,
    result: string,
    headers?: Readonly<Record<string, string>>,
  ): Promise<void> {
    const j = this.jobs.get(id);
    if (j)
      this.jobs.set(id, {
        ...j,
        state,
        status,
        result,
        ...(headers ? { headers } : {}),
      });
  }
  async renew(id: string, leasedUntil: number): Promise<void> {
    const j = this.jobs.get(id);
    if (j) this.jobs.set(id, { ...j, leasedUntil });
  }
  async claimAbandoned(now: number, leaseMs: number, operations?: readonly string[], limit = Infinity): Promise<Job[]> {
    const turns = new Map<string, number>();
    const abandoned = [...this.jobs.values()]
      .filter((j) => j.state === 'running' && j.leasedUntil <= now && j.expiresAt > now)
      .filter((j) => !operations || operations.includes(j.operation))
      .sort((a, b) => a.createdAt - b.createdAt)
      // Each owner's first job takes turn 0, its second turn 1…: a stable sort by turn interleaves them.
      .map((j) => ({ j, turn: turns.set(j.owner, (turns.get(j.owner) ?? -1) + 1).get(j.owner)! }))
      .sort((a, b) => a.turn - b.turn)
      .slice(0, limit)
      .map(({ j }) => j);
    return abandoned.map((j) => {
      const leased = { ...j, leasedUntil: now + leaseMs, attempts: (j.attempts ?? 1) + 1 };
      this.jobs.set(j.id, leased);
      return leased;
    });
  }
  async release(id: string): Promise<void> {
    const j = this.jobs.get(id);
    if (j?.state === 'running') this.jobs.set(id, { ...j, leasedUntil: 0, attempts: (j.attempts ?? 1) - 1 });
  }
  async purge(now: number): Promise<void> {
    for (const [id, j] of this.jobs) if (j.expiresAt <= now) this.jobs.delete(id);
  }
  async close(): Promise<void> {}
}
