import type { Delivery, Subscription, TriggerStore } from '@flowport/core';
import type Database from 'better-sqlite3';
import { openDatabase } from './open';

interface OutboxRow {
  id: string;
  subscription_id: string;
  trigger_id: string;
  callback_url: string;
  body: string;
  attempts: number;
  next_attempt_at: number;
  created_at: string;
  last_error: string | null;
}

interface SubscriptionRow {
  id: string;
  trigger_id: string;
  owner: string;
  callback_url: string;
  filters: string;
  created_at: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS subscriptions (
  id TEXT PRIMARY KEY, trigger_id TEXT NOT NULL, owner TEXT NOT NULL, callback_url TEXT NOT NULL,
  filters TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS subscriptions_by_trigger ON subscriptions (trigger_id);
CREATE TABLE IF NOT EXISTS outbox (
  id TEXT PRIMARY KEY, subscription_id TEXT NOT NULL, trigger_id TEXT NOT NULL, callback_url TEXT NOT NULL,
  body TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at INTEGER NOT NULL,
  leased_until INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, last_error TEXT);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (next_attempt_at);
CREATE TABLE IF NOT EXISTS dead_letters (
  id TEXT PRIMARY KEY, subscription_id TEXT NOT NULL, trigger_id TEXT NOT NULL, callback_url TEXT NOT NULL,
  body TEXT NOT NULL, attempts INTEGER NOT NULL, created_at TEXT NOT NULL, buried_at TEXT NOT NULL, last_error TEXT);
CREATE INDEX IF NOT EXISTS dead_letters_buried ON dead_letters (buried_at);
`;

const delivery = (r: OutboxRow): Delivery => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  trigger: r.trigger_id,
  callbackUrl: r.callback_url,
  body: r.body,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
  ...(r.last_error ? { lastError: r.last_error } : {}),
});

const subscription = (r: SubscriptionRow): Subscription =>
  Object.freeze({
    id: r.id,
    trigger: r.trigger_id,
    owner: r.owner,
    callbackUrl: r.callback_url,
    // Frozen to the bottom (the reviver sees every nested value): the store hands out shared copies.
    filters: JSON.parse(r.filters, (_key, value: unknown) =>
      typeof value === 'object' && value !== null ? Object.freeze(value) : value,
    ) as Record<string, unknown>,
    createdAt: r.created_at,
  });

/**
 * A {@link TriggerStore} in one SQLite file, in WAL mode. Enqueued deliveries are written with
 * `synchronous = FULL`: once `emit` resolves they survive a crash of the process or the machine.
 * Everything else commits with `NORMAL` (durable across a process crash): losing a completion to
 * a power cut only delivers that notification again, which at-least-once allows, and it spares
 * an fsync per delivery. One writer at a time, so it suits one API instance; several instances
 * need a shared store such as PostgreSQL.
 *
 * Subscriptions are read on every emit, so they are kept in memory: this store's own writes
 * refresh them at once, and a write by another process on the same file (seen through SQLite's
 * `data_version`) within `subscriptionRefreshMs`.
 */
export class SqliteTriggerStore implements TriggerStore {
  private readonly db: Database.Database;
  private readonly q;
  private readonly refreshMs: number;
  private readonly cached = new Map<string, readonly Subscription[]>();
  private version: unknown;
  private checkedAt = -Infinity;

  /**
   * @param file - database file, created when missing (`:memory:` for a throwaway one).
   * @param options.subscriptionRefreshMs - how long subscriptions written by another process may
   *   stay unseen (default 250 ms; 0 checks on every emit).
   */
  constructor(file: string, options: { subscriptionRefreshMs?: number } = {}) {
    this.refreshMs = options.subscriptionRefreshMs ?? 250;
    const opened = openDatabase(file, (db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      db.exec(SCHEMA);
      return {
        addSubscription: db.prepare(
          'INSERT INTO subscriptions (id, trigger_id, owner, callback_url, filters, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        ),
        supersede: db.prepare('DELETE FROM subscriptions WHERE trigger_id = ? AND owner = ? AND callback_url = ?'),
        othersOfOwner: db
          .prepare('SELECT COUNT(*) FROM subscriptions WHERE trigger_id = ? AND owner = ? AND callback_url <> ?')
          .pluck(),
        handOver: db.prepare(
          'UPDATE outbox SET subscription_id = ? WHERE subscription_id IN (SELECT id FROM subscriptions WHERE trigger_id = ? AND owner = ? AND callback_url = ?)',
        ),
        getSubscription: db.prepare('SELECT * FROM subscriptions WHERE id = ?'),
        deleteSubscription: db.prepare('DELETE FROM subscriptions WHERE id = ?'),
        subscriptionsOf: db.prepare('SELECT * FROM subscriptions WHERE trigger_id = ? ORDER BY created_at, id'),
        enqueue: db.prepare(
          'INSERT INTO outbox (id, subscription_id, trigger_id, callback_url, body, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        ),
        due: db.prepare(
          'SELECT * FROM outbox WHERE next_attempt_at <= ? AND leased_until <= ? ORDER BY next_attempt_at LIMIT ?',
        ),
        lease: db.prepare('UPDATE outbox SET leased_until = ? WHERE id = ?'),
        complete: db.prepare('DELETE FROM outbox WHERE id = ?'),
        retry: db.prepare(
          'UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, leased_until = 0 WHERE id = ?',
        ),
        get: db.prepare('SELECT * FROM outbox WHERE id = ?'),
        bury: db.prepare(
          'INSERT OR REPLACE INTO dead_letters (id, subscription_id, trigger_id, callback_url, body, attempts, created_at, buried_at, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ),
        dead: db.prepare('SELECT *, 0 AS next_attempt_at FROM dead_letters ORDER BY buried_at, id'),
        // buried_at is toISOString()'s text, whose order is the time's.
        purgeDead: db.prepare('DELETE FROM dead_letters WHERE buried_at < ?'),
        pending: db.prepare('SELECT COUNT(*) AS n FROM outbox'),
        nextDue: db.prepare('SELECT MIN(MAX(next_attempt_at, leased_until)) AS at FROM outbox'),
        // Changes whenever another connection commits; this connection's own commits leave it alone.
        dataVersion: db.prepare('PRAGMA data_version').pluck(),
      };
    });
    this.db = opened.db;
    this.q = opened.value;
  }

  // One IMMEDIATE transaction: two processes registering one callback URL at once each delete the
  // other's subscription or see none, never both keep theirs; the deliveries waiting for the one
  // replaced are handed to the new one, as they go to the same URL. The owner's other subscriptions
  // are counted in it too, so that processes on one file hold `max` together.
  async addSubscription(s: Subscription, max?: number): Promise<boolean> {
    const added = this.db
      .transaction(() => {
        if (max !== undefined && (this.q.othersOfOwner.get(s.trigger, s.owner, s.callbackUrl) as number) >= max)
          return false;
        this.q.handOver.run(s.id, s.trigger, s.owner, s.callbackUrl);
        this.q.supersede.run(s.trigger, s.owner, s.callbackUrl);
        this.q.addSubscription.run(s.id, s.trigger, s.owner, s.callbackUrl, JSON.stringify(s.filters), s.createdAt);
        return true;
      })
      .immediate();
    this.cached.clear();
    return added;
  }
  async getSubscription(id: string): Promise<Subscription | undefined> {
    const row = this.q.getSubscription.get(id) as SubscriptionRow | undefined;
    return row && subscription(row);
  }
  async deleteSubscription(id: string): Promise<boolean> {
    const deleted = this.q.deleteSubscription.run(id).changes > 0;
    this.cached.clear();
    return deleted;
  }
  async subscriptionsOf(trigger: string): Promise<Subscription[]> {
    const now = performance.now();
    if (now - this.checkedAt >= this.refreshMs) {
      this.checkedAt = now;
      const version = this.q.dataVersion.get();
      if (version !== this.version) {
        this.version = version;
        this.cached.clear();
      }
    }
    let list = this.cached.get(trigger);
    if (!list) {
      list = (this.q.subscriptionsOf.all(trigger) as SubscriptionRow[]).map(subscription);
      this.cached.set(trigger, list);
    }
    // A copy of the list, frozen entries: a caller cannot change what the next caller reads.
    return list.slice();
  }
  async enqueue(deliveries: readonly Delivery[]): Promise<void> {
    this.db.pragma('synchronous = FULL');
    try {
      this.db
        .transaction(() => {
          for (const d of deliveries) {
            this.q.enqueue.run(
              d.id,
              d.subscriptionId,
              d.trigger,
              d.callbackUrl,
              d.body,
              d.attempts,
              d.nextAttemptAt,
              d.createdAt,
            );
          }
        })
        .immediate();
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
  }
  // Every transaction here is IMMEDIATE: it takes the write lock before it reads, waiting up to the
  // busy timeout while another process writes. A deferred one that read first cannot wait: it fails
  // at once (SQLITE_BUSY_SNAPSHOT) when another worker committed meanwhile, as three workers
  // claiming from one outbox did hundreds of times in three seconds.
  async claimDue(now: number, limit: number, leaseMs: number): Promise<Delivery[]> {
    return this.db
      .transaction(() => {
        const rows = this.q.due.all(now, now, limit) as OutboxRow[];
        for (const r of rows) this.q.lease.run(now + leaseMs, r.id);
        return rows.map(delivery);
      })
      .immediate();
  }
  async complete(id: string): Promise<void> {
    this.q.complete.run(id);
  }
  async retry(id: string, attempts: number, nextAttemptAt: number, error: string): Promise<void> {
    this.q.retry.run(attempts, nextAttemptAt, error, id);
  }
  async bury(id: string, attempts: number, error: string): Promise<void> {
    this.db
      .transaction(() => {
        const r = this.q.get.get(id) as OutboxRow | undefined;
        if (!r) return;
        this.q.bury.run(
          r.id,
          r.subscription_id,
          r.trigger_id,
          r.callback_url,
          r.body,
          attempts,
          r.created_at,
          new Date().toISOString(),
          error,
        );
        this.q.complete.run(id);
      })
      .immediate();
  }
  async deadLetters(): Promise<Delivery[]> {
    return (this.q.dead.all() as OutboxRow[]).map(delivery);
  }
  async purgeDeadLetters(buriedBefore: number): Promise<number> {
    return this.q.purgeDead.run(new Date(buriedBefore).toISOString()).changes;
  }
  async pendingCount(): Promise<number> {
    return (this.q.pending.get() as { n: number }).n;
  }
  async nextDue(): Promise<number | undefined> {
    return (this.q.nextDue.get() as { at: number | null }).at ?? undefined;
  }
  async close(): Promise<void> {
    this.db.close();
  }
}
