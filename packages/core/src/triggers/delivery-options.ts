/** How notifications are delivered. Every number has a default suited to production. */
export interface DeliveryOptions {
  /** Per attempt, from connect to the last response byte; default 10 s. */
  readonly timeoutMs: number;
  /** Attempts before a delivery becomes a dead letter; default 8. */
  readonly maxAttempts: number;
  /** First retry delay, doubled each attempt, ±50 % jitter; default 2 s. */
  readonly baseDelayMs: number;
  /** Longest retry delay (a receiver's `Retry-After` may ask for more); default 15 min. */
  readonly maxDelayMs: number;
  /** Deliveries in flight at once; default 16. */
  readonly concurrency: number;
  /** How long a claimed delivery is reserved for this worker; default 60 s. */
  readonly leaseMs: number;
  /** Longest sleep when nothing is due, so that other instances' work is seen; default 1 s. */
  readonly idleMs: number;
  /**
   * How long a dead letter is kept for {@link TriggerRuntime.deadLetters} before it is deleted;
   * default 30 days (`Number.MAX_SAFE_INTEGER` keeps them). Each holds the event and the callback
   * URL, whose signature starts the flow.
   */
  readonly deadLetterRetentionMs: number;
}

/** The delivery options a `TriggerRuntime` uses where its `delivery` option gives none. */
export const DEFAULT_DELIVERY: DeliveryOptions = {
  timeoutMs: 10_000,
  maxAttempts: 8,
  baseDelayMs: 2_000,
  maxDelayMs: 15 * 60_000,
  concurrency: 16,
  leaseMs: 60_000,
  idleMs: 1_000,
  deadLetterRetentionMs: 30 * 24 * 60 * 60_000,
};
