/**
 * Durable state of the trigger runtime: webhook subscriptions and the delivery outbox. Stores
 * implement this interface; the in-memory one is for tests, `@flowport/store-sqlite` is the
 * embedded durable default. Claims are leases, so that several API instances can share a store
 * (a PostgreSQL store would claim with `FOR UPDATE SKIP LOCKED`) and a delivery whose worker
 * died is claimed again when its lease runs out: at-least-once.
 */
export interface Subscription {
  readonly id: string;
  /** operationId of the trigger's registration operation. */
  readonly trigger: string;
  /** The identity subject that created it; only it may see or delete it. */
  readonly owner: string;
  readonly callbackUrl: string;
  readonly filters: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

/** One notification on its way to one subscription's callback URL, as the outbox keeps it. */
export interface Delivery {
  /** Also the idempotency id the receiver sees. */
  readonly id: string;
  readonly subscriptionId: string;
  readonly trigger: string;
  readonly callbackUrl: string;
  /** The JSON body, serialised once when the event was emitted. */
  readonly body: string;
  readonly attempts: number;
  /** Epoch milliseconds. */
  readonly nextAttemptAt: number;
  readonly createdAt: string;
  readonly lastError?: string;
}

/**
 * Where a {@link TriggerRuntime} keeps subscriptions, the outbox and the dead letters:
 * `MemoryTriggerStore` for tests, `SqliteTriggerStore` (`@flowport/store-sqlite`) as the durable
 * default, or a store of your own on a shared database.
 */
export interface TriggerStore {
  /**
   * Adds a subscription and, in the same step, deletes the other subscriptions of its owner to its
   * trigger with its callback URL, handing their pending deliveries to it: a flow saved again
   * registers its URL again, sometimes twice at once (a retried registration), and two
   * subscriptions to one URL start each run twice, while dropping their deliveries would lose the
   * events that wait to reach that same URL. (The runtime deletes those it saw before adding as
   * well, for a store that does not.)
   *
   * With `max`, it adds only while the owner holds fewer than `max` other subscriptions to the
   * trigger (those to other URLs), counted in the same step, and resolves to false when it does
   * not: processes that share the store then hold `maxSubscriptionsPerOwner` together, where each
   * one's count alone let registrations sent to two of them at once both pass. A store that
   * ignores `max` leaves the bound to each process.
   */
  addSubscription(s: Subscription, max?: number): Promise<boolean | void>;
  getSubscription(id: string): Promise<Subscription | undefined>;
  deleteSubscription(id: string): Promise<boolean>;
  subscriptionsOf(trigger: string): Promise<Subscription[]>;
  /** Writes all deliveries of one event atomically; resolves once they are durable. */
  enqueue(deliveries: readonly Delivery[]): Promise<void>;
  /** Leases up to `limit` deliveries due at `now` for `leaseMs`; others will not claim them meanwhile. */
  claimDue(now: number, limit: number, leaseMs: number): Promise<Delivery[]>;
  /** Removes a delivery that reached its receiver (or whose subscription is gone). */
  complete(id: string): Promise<void>;
  /** Releases the lease and schedules the next attempt. */
  retry(id: string, attempts: number, nextAttemptAt: number, error: string): Promise<void>;
  /** Moves a delivery that will not be attempted again to the dead letters. */
  bury(id: string, attempts: number, error: string): Promise<void>;
  deadLetters(): Promise<Delivery[]>;
  /** Deletes the dead letters buried before `buriedBefore` (ms since the epoch); resolves to how many. */
  purgeDeadLetters(buriedBefore: number): Promise<number>;
  /** Deliveries not yet completed or buried. */
  pendingCount(): Promise<number>;
  /** The earliest `nextAttemptAt` of a waiting delivery, to sleep until then. */
  nextDue(): Promise<number | undefined>;
  close(): Promise<void>;
}
