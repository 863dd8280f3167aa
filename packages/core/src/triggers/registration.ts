import { randomUUID } from 'node:crypto';
import { SubscriptionLimitError } from './runtime-errors';
import type { Subscription, TriggerStore } from './store';

/** A registration of a webhook trigger whose callback URL has been checked. */
export interface Registration {
  readonly trigger: string;
  readonly owner: string;
  readonly url: URL;
  readonly filters: Readonly<Record<string, unknown>>;
  /** How many subscriptions to the trigger the owner may hold. */
  readonly max: number;
}

/**
 * Adds a subscription once the owner's count allows it (`SubscriptionLimitError` otherwise),
 * replacing the owner's subscriptions to the same URL.
 */
export async function addSubscription(store: TriggerStore, r: Registration): Promise<Subscription> {
  const mine = (await store.subscriptionsOf(r.trigger)).filter((s) => s.owner === r.owner);
  const superseded = mine.filter((s) => s.callbackUrl === r.url.href);
  const full = () =>
    new SubscriptionLimitError(
      `this caller already holds the most subscriptions to ${r.trigger} it may (${r.max}); each flow that uses the trigger holds one while it is on, so turn off or delete one first`,
    );
  if (mine.length - superseded.length >= r.max) throw full();
  const subscription: Subscription = {
    id: randomUUID(),
    trigger: r.trigger,
    owner: r.owner,
    callbackUrl: r.url.href,
    filters: r.filters,
    createdAt: new Date().toISOString(),
  };
  // The store replaces the owner's subscriptions to this URL as it adds, in one step, so that no
  // event falls between the two, and two registrations at once keep one. Those seen before are
  // removed again for a store of an older contract, which only adds.
  // The store counts again as it adds: another process on the store may have added meanwhile.
  if ((await store.addSubscription(subscription, r.max)) === false) throw full();
  for (const s of superseded) await store.deleteSubscription(s.id);
  return subscription;
}
