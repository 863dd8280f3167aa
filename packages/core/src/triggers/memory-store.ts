import type { Delivery, Subscription, TriggerStore } from './store';

type Row = Delivery & { leasedUntil: number };
type Dead = Delivery & { buriedAt: number };

/** A {@link TriggerStore} in memory: for tests and throwaway development servers. */
export class MemoryTriggerStore implements TriggerStore {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly outbox = new Map<string, Row>();
  private dead: Dead[] = [];

  async addSubscription(s: Subscription, max?: number): Promise<boolean> {
    const replaced = new Set<string>();
    let others = 0;
    for (const [id, o] of this.subscriptions) {
      if (o.trigger !== s.trigger || o.owner !== s.owner) continue;
      if (o.callbackUrl === s.callbackUrl) replaced.add(id);
      else others++;
    }
    if (max !== undefined && others >= max) return false;
    for (const id of replaced) this.subscriptions.delete(id);
    for (const [id, row] of this.outbox)
      if (replaced.has(row.subscriptionId)) this.outbox.set(id, { ...row, subscriptionId: s.id });
    this.subscriptions.set(s.id, s);
    return true;
  }
  async getSubscription(id: string): Promise<Subscription | undefined> {
    return this.subscriptions.get(id);
  }
  async deleteSubscription(id: string): Promise<boolean> {
    return this.subscriptions.delete(id);
  }
  async subscriptionsOf(trigger: string): Promise<Subscription[]> {
    return [...this.subscriptions.values()].filter((s) => s.trigger === trigger);
  }
  async enqueue(deliveries: readonly Delivery[]): Promise<void> {
    for (const d of deliveries) this.outbox.set(d.id, { ...d, leasedUntil: 0 });
  }
  async claimDue(now: number, limit: number, leaseMs: number): Promise<Delivery[]> {
    const due: Delivery[] = [];
    for (const row of this.outbox.values()) {
      if (due.length >= limit) break;
      if (row.nextAttemptAt <= now && row.leasedUntil <= now) {
        row.leasedUntil = now + leaseMs;
        const { leasedUntil: _l, ...d } = row;
        due.push(d);
      }
    }
    return due;
  }
  async complete(id: string): Promise<void> {
    this.outbox.delete(id);
  }
  async retry(id: string, attempts: number, nextAttemptAt: number, error: string): Promise<void> {
    const row = this.outbox.get(id);
    if (row) this.outbox.set(id, { ...row, attempts, nextAttemptAt, lastError: error, leasedUntil: 0 });
  }
  async bury(id: string, attempts: number, error: string): Promise<void> {
    const row = this.outbox.get(id);
    if (!row) return;
    this.outbox.delete(id);
    const { leasedUntil: _l, ...d } = row;
    this.dead.push({ ...d, attempts, lastError: error, buriedAt: Date.now() });
  }
  async deadLetters(): Promise<Delivery[]> {
    return this.dead.map(({ buriedAt: _b, ...d }) => d);
  }
  async purgeDeadLetters(buriedBefore: number): Promise<number> {
    const before = this.dead.length;
    this.dead = this.dead.filter((d) => d.buriedAt >= buriedBefore);
    return before - this.dead.length;
  }
  async pendingCount(): Promise<number> {
    return this.outbox.size;
  }
  async nextDue(): Promise<number | undefined> {
    let next: number | undefined;
    for (const row of this.outbox.values()) {
      const at = Math.max(row.nextAttemptAt, row.leasedUntil);
      if (next === undefined || at < next) next = at;
    }
    return next;
  }
  async close(): Promise<void> {}
}
