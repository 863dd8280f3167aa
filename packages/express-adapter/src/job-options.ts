import type { JobStore } from '@flowport/core';

/** Options of async (202) operations. */
export interface JobOptions {
  readonly store: JobStore;
  /** How long a running job is reserved for this process; a crash frees it after this. Default 60 s. */
  readonly leaseMs?: number;
  /**
   * How many times a job is started, counting the first, before one whose process died while
   * running it each time is failed (a 500 its caller's poll gets) instead of run again. Default 3.
   * A handler that crashes its process, or blocks it past the lease, would otherwise do so in
   * every process that claims the job, at every lease, until the job expires. A stop that aborts
   * `signal` first gives the job back without counting its run; a crash, or a stop without it,
   * counts: raise it where jobs are long and such stops frequent.
   */
  readonly maxAttempts?: number;
  /**
   * How many jobs this app runs at once. Default 100. A job started beyond it is stored and
   * answered 202 like any other, and waits in the store until a job here finishes (or until
   * another app on the store takes it): its caller polls, as it would anyway. Before, every job
   * started at once, so that a burst of thousands ran thousands of handlers together, and a
   * process that took over a crashed one's jobs ran all of them at once too.
   */
  readonly maxRunning?: number;
  /**
   * Stops looking for abandoned jobs when aborted: abort it before closing the store, so that an
   * app that goes on (a test suite creating many apps, say) keeps no timer on a closed store. The
   * jobs it still runs are given back to the store (`JobStore.release`): another process takes
   * them at its next look instead of after their lease, and the interrupted run does not count as
   * an attempt.
   */
  readonly signal?: AbortSignal;
}
