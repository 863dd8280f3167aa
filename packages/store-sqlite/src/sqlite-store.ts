import type { Delivery, Subscription, TriggerStore } from '@flowport/core';
import Database from 'better-sqlite3';

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

const subscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  trigger: r.trigger_id,
  owner: r.owner,
  callbackUrl: r.callback_url,
  filters: JSON.parse(r.filters) as Record<string, unknown>,
  createdAt: r.created_at,
});

/**
 * A {@link TriggerStore} in one SQLite file, in WAL mode. Enqueued deliveries are written with
 * `synchronous = FULL`: once `emit` resolves they survive a crash of the process or the machine.
 * Everything else commits with `NORMAL` (durable across a process crash): losing a completion to
 * a power cut only delivers that notification again, which at-least-once allows, and it spares
 * an fsync per delivery. One writer at a time, so it suits one API instance; several instances
 * need a shared store such as PostgreSQL.
 */
export class SqliteTriggerStore implements TriggerStore {
  private readonly db: Database.Database;
  private readonly q;

  /** @param file - database file, created when missing (`:memory:` for a throwaway one). */
  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    const db = this.db;
    this.q = {
      addSubscription: db.prepare(
        'INSERT INTO subscriptions (id, trigger_id, owner, callback_url, filters, created_at) VALUES (?, ?, ?, ?, ?, ?)',
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
      pending: db.prepare('SELECT COUNT(*) AS n FROM outbox'),
      nextDue: db.prepare('SELECT MIN(MAX(next_attempt_at, leased_until)) AS at FROM outbox'),
    };
  }

  async addSubscription(s: Subscription): Promise<void> {
    this.q.addSubscription.run(s.id, s.trigger, s.owner, s.callbackUrl, JSON.stringify(s.filters), s.createdAt);
  }
  async getSubscription(id: string): Promise<Subscription | undefined> {
    const row = this.q.getSubscription.get(id) as SubscriptionRow | undefined;
    return row && subscription(row);
  }
  async deleteSubscription(id: string): Promise<boolean> {
    return this.q.deleteSubscription.run(id).changes > 0;
  }
  async subscriptionsOf(trigger: string): Promise<Subscription[]> {
    return (this.q.subscriptionsOf.all(trigger) as SubscriptionRow[]).map(subscription);
  }
  async enqueue(deliveries: readonly Delivery[]): Promise<void> {
    this.db.pragma('synchronous = FULL');
    try {
      this.db.transaction(() => {
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
      })();
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
  }
  async claimDue(now: number, limit: number, leaseMs: number): Promise<Delivery[]> {
    return this.db.transaction(() => {
      const rows = this.q.due.all(now, now, limit) as OutboxRow[];
      for (const r of rows) this.q.lease.run(now + leaseMs, r.id);
      return rows.map(delivery);
    })();
  }
  async complete(id: string): Promise<void> {
    this.q.complete.run(id);
  }
  async retry(id: string, attempts: number, nextAttemptAt: number, error: string): Promise<void> {
    this.q.retry.run(attempts, nextAttemptAt, error, id);
  }
  async bury(id: string, attempts: number, error: string): Promise<void> {
    this.db.transaction(() => {
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
    })();
  }
  async deadLetters(): Promise<Delivery[]> {
    return (this.q.dead.all() as OutboxRow[]).map(delivery);
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
