import assert from 'node:assert/strict';
import { pollingTrigger, webhookTrigger } from './declarations';
import { MemoryTriggerStore } from './memory-store';
import type { Subscription } from './store';
import { signCursor } from './cursor';
import { InvalidCursorError, SubscriptionLimitError, TriggerRuntime } from './runtime';

const SECRET = 'sixteen-bytes-at-least';

class Item {
  n!: number;
}

describe('TriggerRuntime', () => {
  const log: number[] = [];
  const since = (cursor: string | undefined) => {
    if (cursor === undefined) return { items: [], cursor: String(log.length) };
    const items = log.slice(Number(cursor)).map((n) => ({ n }));
    return { items, cursor: String(log.length) };
  };
  const batch = pollingTrigger({
    id: 'OnBatch',
    path: '/b',
    summary: 's',
    description: 'd',
    batch: true,
    item: Item,
    retryAfter: 30,
    poll: since,
  });
  const single = pollingTrigger({
    id: 'OnOne',
    path: '/o',
    summary: 's',
    description: 'd',
    batch: false,
    item: Item,
    poll: since,
  });
  const runtime = new TriggerRuntime({ store: new MemoryTriggerStore(), secret: SECRET });
  beforeEach(() => log.splice(0));

  it('polling: baseline 202, 202 while nothing is new, then 200 with a batch and a new cursor', async () => {
    const first = await runtime.poll(batch, 'u', undefined, {});
    assert.deepEqual([first.status, first.retryAfter, first.body], [202, 30, undefined]);
    const idle = await runtime.poll(batch, 'u', first.cursor, {});
    assert.equal(idle.status, 202);
    log.push(1, 2);
    const news = await runtime.poll(batch, 'u', idle.cursor, {});
    assert.deepEqual([news.status, news.body], [200, [{ n: 1 }, { n: 2 }]]);
    const after = await runtime.poll(batch, 'u', news.cursor, {});
    assert.equal(after.status, 202);
  });

  it('polling, single: one item per answer with Retry-After 0 while more wait', async () => {
    const base = await runtime.poll(single, 'u', undefined, {});
    log.push(7, 8, 9);
    const a = await runtime.poll(single, 'u', base.cursor, {});
    const b = await runtime.poll(single, 'u', a.cursor, {});
    const c = await runtime.poll(single, 'u', b.cursor, {});
    const d = await runtime.poll(single, 'u', c.cursor, {});
    assert.deepEqual(
      [a, b, c].map((x) => [x.status, x.body, x.retryAfter]),
      [
        [200, { n: 7 }, 0],
        [200, { n: 8 }, 0],
        [200, { n: 9 }, 60],
      ],
    );
    assert.equal(d.status, 202);
  });

  it('polling: asks for the next poll at once while the poll function says more wait', async () => {
    // Before, a batch answer always said Retry-After: the trigger's interval. A source that gives
    // a page at a time fell behind for good once more came per interval than a page holds.
    const pending = [1, 2, 3, 4, 5];
    const paged = (batch: boolean) =>
      pollingTrigger({
        id: batch ? 'OnPagedBatch' : 'OnPagedOne',
        path: '/p',
        summary: 's',
        description: 'd',
        batch,
        item: Item,
        retryAfter: 30,
        poll: (cursor: string | undefined) => {
          if (cursor === undefined) return { items: [], cursor: '0' };
          const from = Number(cursor);
          const items = pending.slice(from, from + 2).map((n) => ({ n }));
          return { items, cursor: String(from + items.length), more: from + items.length < pending.length };
        },
      });
    for (const [batch, expected] of [
      [
        true,
        [
          [200, [{ n: 1 }, { n: 2 }], 0],
          [200, [{ n: 3 }, { n: 4 }], 0],
          [200, [{ n: 5 }], 30],
          [202, undefined, 30],
        ],
      ],
      [
        false,
        [
          [200, { n: 1 }, 0],
          [200, { n: 2 }, 0],
          [200, { n: 3 }, 0],
          [200, { n: 4 }, 0],
          [200, { n: 5 }, 30],
          [202, undefined, 30],
        ],
      ],
    ] as const) {
      const trigger = paged(batch);
      let cursor = (await runtime.poll(trigger, 'u', undefined, {})).cursor;
      const answers: unknown[] = [];
      for (let i = 0; i < expected.length; i++) {
        const answer = await runtime.poll(trigger, 'u', cursor, {});
        answers.push([answer.status, answer.body, answer.retryAfter]);
        cursor = answer.cursor;
      }
      assert.deepEqual(answers, expected, batch ? 'batch' : 'single');
    }
  });

  it('polling: a cursor of another trigger or another caller is refused', async () => {
    const mine = await runtime.poll(batch, 'u1', undefined, {});
    await assert.rejects(runtime.poll(batch, 'u2', mine.cursor, {}), InvalidCursorError);
    await assert.rejects(runtime.poll(single, 'u1', mine.cursor, {}), InvalidCursorError);
    await assert.rejects(runtime.poll(batch, 'u1', `${mine.cursor}x`, {}), InvalidCursorError);
  });

  it('polling: a poll function that returns no text cursor, or one no Location can carry, fails the poll saying so', async () => {
    // Before, a number was signed as one and every later poll was a 400 calling the cursor none
    // this API issued; a 20,000-character cursor went out in a Location no client could read.
    const returning = (result: unknown) =>
      pollingTrigger({
        id: 'OnOdd',
        path: '/odd',
        summary: 's',
        description: 'd',
        batch: true,
        item: Item,
        poll: () => result as { items: Item[]; cursor: string },
      });
    await assert.rejects(runtime.poll(returning({ items: [], cursor: 5 }), 'u', undefined, {}), {
      name: 'TypeError',
      message:
        "the poll function of OnOdd returned a cursor of type number; it returns { items: [...], cursor: '…' }, the cursor as text",
    });
    await assert.rejects(runtime.poll(returning(undefined), 'u', undefined, {}), /OnOdd returned undefined;/);
    await assert.rejects(
      runtime.poll(returning({ cursor: '1' }), 'u', undefined, {}),
      /OnOdd returned no list of items;/,
    );
    await assert.rejects(runtime.poll(returning({ items: [], cursor: 'x'.repeat(20_000) }), 'u', undefined, {}), {
      name: 'RangeError',
      message:
        /^the cursor the poll function of OnOdd returned signs to 26\d{3} characters, more than the 6144 a Location URL carries safely/,
    });
    const fits = await runtime.poll(returning({ items: [], cursor: 'x'.repeat(4000) }), 'u', undefined, {});
    assert.equal(fits.status, 202);
  });

  it('polling: the cursor does not show who polls, and one from before that is still read', async () => {
    // The Location URL is in the flow's run history and in proxies' logs; an API key's
    // fingerprint there could be tried against guesses offline, and an Entra ID object ID is
    // personal data.
    const owner = 'key:0a1b2c3d4e5f6a7b';
    const first = await runtime.poll(batch, owner, undefined, {});
    const payload = Buffer.from(first.cursor!.split('.')[0], 'base64url').toString('utf8');
    assert.doesNotMatch(payload, /0a1b2c3d4e5f6a7b/);
    assert.equal((await runtime.poll(batch, owner, first.cursor, {})).status, 202);
    // A cursor signed before, with the owner as it is, keeps its flow polling.
    const before = signCursor({ trigger: batch.id, owner, cursor: '0' }, SECRET);
    assert.equal((await runtime.poll(batch, owner, before, {})).status, 202);
    await assert.rejects(runtime.poll(batch, 'key:another', before, {}), InvalidCursorError);
  });

  /** A webhook trigger of items whose subscriptions filter as `matches` says. */
  const itemHook = <F>(matches: (payload: Item, filters: F) => boolean) =>
    webhookTrigger<Item>({ id: 'OnItem', path: '/h', summary: 's', description: 'd', payload: Item, matches });

  it('emit: queues one delivery per matching subscription, honouring filters and owner', async () => {
    const store = new MemoryTriggerStore();
    const rt = new TriggerRuntime({ store, secret: 'sixteen-bytes-at-least', callbacks: { allowLocalhost: true } });
    const hook = itemHook((p, f: { min?: number }) => p.n >= (f.min ?? 0));
    await rt.subscribe(hook, 'a', 'http://127.0.0.1:9/cb', { min: 5 });
    await rt.subscribe(hook, 'a', 'http://127.0.0.1:9/cb2', {});
    await rt.subscribe(hook, 'b', 'http://127.0.0.1:9/cb3', {});
    assert.equal(await rt.emit(hook, { n: 3 }), 2);
    assert.equal(await rt.emit(hook, { n: 9 }, { owner: 'a' }), 2);
    assert.equal(await rt.emit(hook, { n: 1 }, { owner: 'c' }), 0);
    assert.equal(await store.pendingCount(), 4);
  });

  it("emit: a matches function that throws on one subscription's filters keeps the event from that one only, logged once", async () => {
    // Before, the throw rejected the whole emit: a subscription stored with filters of an older
    // shape kept every subscriber from every event.
    const store = new MemoryTriggerStore();
    const logged: [string, Record<string, unknown>][] = [];
    const rt = new TriggerRuntime({
      store,
      secret: 'sixteen-bytes-at-least',
      callbacks: { allowLocalhost: true },
      logger: (message, details) => logged.push([message, details]),
    });
    const hook = itemHook((p, f: { range: { min: number } }) => p.n >= f.range.min);
    await rt.subscribe(hook, 'a', 'http://127.0.0.1:9/new', { range: { min: 2 } });
    const old = await rt.subscribe(hook, 'a', 'http://127.0.0.1:9/old', { min: 2 });
    assert.equal(await rt.emit(hook, { n: 3 }), 1);
    assert.equal(await rt.emit(hook, { n: 4 }), 1);
    assert.equal(await store.pendingCount(), 2);
    assert.deepEqual(logged, [
      [
        'flowport: the matches function of a trigger threw on a subscription; it gets no events it throws on (logged once)',
        { trigger: 'OnItem', subscription: old.id, error: "Cannot read properties of undefined (reading 'min')" },
      ],
    ]);
  });

  /** A store of the contract before `addSubscription` replaced and counted: it only adds. */
  class AddOnlyStore extends MemoryTriggerStore {
    private readonly held = new Map<string, Subscription>();
    override async addSubscription(s: Subscription): Promise<boolean> {
      this.held.set(s.id, s);
      return undefined as unknown as boolean; // what a store of that contract resolves to
    }
    override async getSubscription(id: string): Promise<Subscription | undefined> {
      return this.held.get(id);
    }
    override async deleteSubscription(id: string): Promise<boolean> {
      return this.held.delete(id);
    }
    override async subscriptionsOf(trigger: string): Promise<Subscription[]> {
      return [...this.held.values()].filter((s) => s.trigger === trigger);
    }
  }

  for (const [name, make] of [
    ['a store that replaces as it adds', () => new MemoryTriggerStore()],
    ['a store that only adds', () => new AddOnlyStore()],
  ] as const)
    it(`replaces a subscription of the same caller to the same callback URL, as a flow saved again registers it (${name})`, async () => {
      // Its DELETE may never have arrived (the API was down); two subscriptions to one URL started
      // every run of the flow twice.
      const store = make();
      const rt = new TriggerRuntime({ store, secret: 'sixteen-bytes-at-least', callbacks: { allowLocalhost: true } });
      const hook = webhookTrigger<Item>({ id: 'OnAgain', path: '/a', summary: 's', description: 'd', payload: Item });
      const first = await rt.subscribe(hook, 'a', 'http://127.0.0.1:9/flow', { min: 1 });
      const second = await rt.subscribe(hook, 'a', 'http://127.0.0.1:9/flow', { min: 2 });
      await rt.subscribe(hook, 'b', 'http://127.0.0.1:9/flow', {});
      const held = await store.subscriptionsOf('OnAgain');
      assert.deepEqual(
        held.map((s) => [s.owner, s.id, s.filters]),
        [
          ['a', second.id, { min: 2 }],
          ['b', held[1].id, {}],
        ],
      );
      assert.equal(await store.getSubscription(first.id), undefined);
      assert.equal(await rt.emit(hook, { n: 3 }, { owner: 'a' }), 1);
    });

  it('hands the deliveries waiting for a replaced subscription to the new one, since they go to the same URL', async () => {
    // Before, the worker found their subscription gone and dropped them: events emitted while the
    // flow's endpoint answered 429, say, were lost when the flow was saved again.
    const store = new MemoryTriggerStore();
    const rt = new TriggerRuntime({ store, secret: 'sixteen-bytes-at-least', callbacks: { allowLocalhost: true } });
    const hook = webhookTrigger<Item>({ id: 'OnKept', path: '/k', summary: 's', description: 'd', payload: Item });
    await rt.subscribe(hook, 'a', 'http://127.0.0.1:9/flow', {});
    assert.equal(await rt.emit(hook, { n: 1 }), 1);
    const again = await rt.subscribe(hook, 'a', 'http://127.0.0.1:9/flow', {});
    const [waiting] = await store.claimDue(Date.now(), 10, 60_000);
    assert.equal(waiting.subscriptionId, again.id);
  });

  it('keeps one subscription when the same callback URL is registered twice at once, as a retried registration is', async () => {
    // The platform registers again when its first registration timed out, which may still be
    // running. Before, both found no subscription to replace, both were added, and every run of
    // the flow started twice.
    const store = new MemoryTriggerStore();
    const rt = new TriggerRuntime({ store, secret: 'sixteen-bytes-at-least', callbacks: { allowLocalhost: true } });
    const hook = webhookTrigger<Item>({ id: 'OnTwice', path: '/t', summary: 's', description: 'd', payload: Item });
    const [, last] = await Promise.all([
      rt.subscribe(hook, 'a', 'http://127.0.0.1:9/flow', {}),
      rt.subscribe(hook, 'a', 'http://127.0.0.1:9/flow', {}),
    ]);
    assert.deepEqual(
      (await store.subscriptionsOf('OnTwice')).map((s) => s.id),
      [last.id],
    );
    assert.equal(await rt.emit(hook, { n: 1 }), 1);
  });

  it("bounds the subscriptions one caller holds to a trigger, and the callback URL's length", async () => {
    // Before, a caller could register without end, and each one stayed in the store's memory.
    const rt = new TriggerRuntime({
      store: new MemoryTriggerStore(),
      secret: 'sixteen-bytes-at-least',
      callbacks: { allowLocalhost: true },
      maxSubscriptionsPerOwner: 2,
    });
    const hook = webhookTrigger<Item>({ id: 'OnItem', path: '/h', summary: 's', description: 'd', payload: Item });
    const other = webhookTrigger<Item>({ id: 'OnOther', path: '/o', summary: 's', description: 'd', payload: Item });
    await rt.subscribe(hook, 'a', 'http://127.0.0.1:9/1', {});
    const second = await rt.subscribe(hook, 'a', 'http://127.0.0.1:9/2', {});
    await assert.rejects(
      rt.subscribe(hook, 'a', 'http://127.0.0.1:9/3', {}),
      (err: Error) =>
        err instanceof SubscriptionLimitError &&
        err.message ===
          'this caller already holds the most subscriptions to OnItem it may (2); each flow that uses the trigger holds one while it is on, so turn off or delete one first',
    );
    // Registrations sent together count each other: before, each counted the same two.
    const together = await Promise.allSettled(
      [7, 8, 9].map((n) => rt.subscribe(hook, 'd', `http://127.0.0.1:9/${n}`, {})),
    );
    assert.deepEqual(
      together.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'rejected'],
    );
    // Another caller, another trigger, or a place freed: taken.
    await rt.subscribe(hook, 'b', 'http://127.0.0.1:9/4', {});
    await rt.subscribe(other, 'a', 'http://127.0.0.1:9/5', {});
    await rt.unsubscribe(hook, second.id, 'a');
    await rt.subscribe(hook, 'a', 'http://127.0.0.1:9/6', {});
    await assert.rejects(
      rt.subscribe(hook, 'c', `http://127.0.0.1:9/${'x'.repeat(8200)}`, {}),
      /^CallbackRefusedError: the callback URL is longer than 8192 characters$/,
    );
    assert.throws(
      () =>
        new TriggerRuntime({
          store: new MemoryTriggerStore(),
          secret: 'sixteen-bytes-at-least',
          maxSubscriptionsPerOwner: 0,
        }),
      /maxSubscriptionsPerOwner must be a whole number, 1 or more, not number 0/,
    );
  });

  it('takes a logger function, or an object with an error function as the adapter does, and nothing else', () => {
    const store = new MemoryTriggerStore();
    const secret = 'sixteen-bytes-at-least';
    new TriggerRuntime({ store, secret, logger: () => undefined });
    new TriggerRuntime({ store, secret, logger: { error: () => undefined } });
    assert.throws(
      () => new TriggerRuntime({ store, secret, logger: { log: () => undefined } } as never),
      /logger must be a function or an object with an error\(message, details\) function, not an object/,
    );
  });

  it('refuses a short secret', () => {
    assert.throws(() => new TriggerRuntime({ store: new MemoryTriggerStore(), secret: 'short' }), /at least 16 bytes/);
    assert.throws(
      () =>
        new TriggerRuntime({
          store: new MemoryTriggerStore(),
          secret: 'sixteen-bytes-at-least',
          previousSecrets: ['x'],
        }),
      /previousSecrets\[0\] must be at least 16 bytes/,
    );
  });

  it('names each option of another type, and each name that is no option, without showing a secret', () => {
    // Before, callbacks: { allowHost } was ignored: the allow-list was off, and any public host could register.
    const store = new MemoryTriggerStore();
    const secret = 'a-secret-of-sixteen-bytes-or-more';
    assert.throws(
      () =>
        new TriggerRuntime({
          store,
          secret,
          callbacks: { allowHost: ['*.logic.azure.com'], allowLocalhost: 'yes' },
          delivery: { concurrency: 0, timeoutMS: 5000 },
          retryAfter: 5,
        } as never),
      {
        name: 'TypeError',
        message:
          'TriggerRuntime options: retryAfter is not an option; the options are store, secret, previousSecrets, callbacks, maxSubscriptionsPerOwner, delivery, logger; ' +
          'callbacks.allowHost is not an option (did you mean callbacks.allowHosts?); callbacks.allowLocalhost must be true or false, not "yes"; ' +
          'delivery.timeoutMS is not an option (did you mean delivery.timeoutMs?); delivery.concurrency must be a whole number, 1 or more, not number 0',
      },
    );
    assert.throws(() => new TriggerRuntime({ store: {}, secret: 42 } as never), {
      message:
        'TriggerRuntime options: store must be a TriggerStore (MemoryTriggerStore, SqliteTriggerStore…), not an object without addSubscription, getSubscription, deleteSubscription, subscriptionsOf, enqueue, claimDue, complete, retry, bury, deadLetters, purgeDeadLetters, pendingCount, nextDue, close; secret must be a string or a Buffer of 16 bytes or more, not number',
    });
    assert.throws(
      () => new TriggerRuntime({ store, secret: 'a-short-secret' }),
      (err: Error) => !err.message.includes('a-short-secret'),
    );
  });

  it('reads cursors signed with a previous secret after a rotation, and signs new ones with the current', async () => {
    const old = await runtime.poll(batch, 'u', undefined, {});
    const store = new MemoryTriggerStore();
    const rotated = new TriggerRuntime({
      store,
      secret: 'the-new-secret-of-this-api',
      previousSecrets: ['sixteen-bytes-at-least'],
    });
    log.push(4);
    const next = await rotated.poll(batch, 'u', old.cursor, {});
    assert.deepEqual([next.status, next.body], [200, [{ n: 4 }]]);
    // The new cursor is signed with the new secret alone: the old runtime cannot read it.
    await assert.rejects(runtime.poll(batch, 'u', next.cursor, {}), InvalidCursorError);
    // Without the previous secret, the rotation breaks the old cursor (a 400 at every poll).
    const forgetful = new TriggerRuntime({ store, secret: 'the-new-secret-of-this-api' });
    await assert.rejects(forgetful.poll(batch, 'u', old.cursor, {}), InvalidCursorError);
  });
});
