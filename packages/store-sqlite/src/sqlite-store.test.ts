import type { Subscription } from '@flowport/core';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteJobStore } from './sqlite-job-store';
import { SqliteTriggerStore } from './sqlite-store';

const sub = (id: string, filters: Record<string, unknown> = {}): Subscription => ({
  id,
  trigger: 'OnPing',
  owner: 'key:0011223344556677',
  callbackUrl: `https://callbacks.example.com/${id}`,
  filters,
  createdAt: `2026-11-27T10:00:0${id.length % 10}.000Z`,
});
const ids = (list: readonly Subscription[]) => list.map((s) => s.id);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SqliteTriggerStore subscriptions', () => {
  let dir: string;
  const open: SqliteTriggerStore[] = [];
  const store = (options?: { subscriptionRefreshMs?: number }) => {
    const s = new SqliteTriggerStore(join(dir, 'triggers.db'), options);
    open.push(s);
    return s;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowport-sqlite-'));
  });
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sees its own additions and deletions at once', async () => {
    const s = store({ subscriptionRefreshMs: 60_000 });
    assert.deepEqual(await s.subscriptionsOf('OnPing'), []);
    await s.addSubscription(sub('a'));
    assert.deepEqual(ids(await s.subscriptionsOf('OnPing')), ['a']);
    await s.addSubscription(sub('bb'));
    assert.deepEqual(ids(await s.subscriptionsOf('OnPing')), ['a', 'bb']);
    assert.equal(await s.deleteSubscription('a'), true);
    assert.deepEqual(ids(await s.subscriptionsOf('OnPing')), ['bb']);
    assert.deepEqual(await s.subscriptionsOf('OnOther'), []);
  });

  it('sees a subscription written by another connection once the refresh interval has passed', async () => {
    const reader = store({ subscriptionRefreshMs: 20 });
    const writer = store();
    assert.deepEqual(await reader.subscriptionsOf('OnPing'), []);
    await writer.addSubscription(sub('a'));
    await sleep(40);
    assert.deepEqual(ids(await reader.subscriptionsOf('OnPing')), ['a']);
    await writer.deleteSubscription('a');
    await sleep(40);
    assert.deepEqual(await reader.subscriptionsOf('OnPing'), []);
  });

  it('with a refresh interval of 0, sees another connection’s writes on the next read', async () => {
    const reader = store({ subscriptionRefreshMs: 0 });
    const writer = store();
    assert.deepEqual(await reader.subscriptionsOf('OnPing'), []);
    await writer.addSubscription(sub('a', { threshold: 0.2 }));
    const [seen] = await reader.subscriptionsOf('OnPing');
    assert.deepEqual(seen, sub('a', { threshold: 0.2 }));
  });

  it("replaces, as it adds one, its owner's subscriptions to its trigger and callback URL, also another connection's", async () => {
    // A retried registration may run beside the first, in another process: before, each was
    // added, and two subscriptions to one URL started every run of the flow twice.
    const first = store({ subscriptionRefreshMs: 60_000 });
    const second = store({ subscriptionRefreshMs: 60_000 });
    const flow = (id: string, over: Partial<Subscription> = {}) => ({
      ...sub(id),
      callbackUrl: 'https://callbacks.example.com/flow',
      ...over,
    });
    await first.addSubscription(flow('a'));
    await first.addSubscription(flow('other-owner', { owner: 'key:8899aabbccddeeff' }));
    await first.addSubscription(flow('other-url', { callbackUrl: 'https://callbacks.example.com/else' }));
    await first.addSubscription(flow('other-trigger', { trigger: 'OnPong' }));
    assert.deepEqual(ids(await second.subscriptionsOf('OnPing')), ['a', 'other-owner', 'other-url']);
    const waiting = (id: string, subscriptionId: string) => ({
      id,
      subscriptionId,
      trigger: 'OnPing',
      callbackUrl: 'https://callbacks.example.com/flow',
      body: '{}',
      attempts: 1,
      nextAttemptAt: 0,
      createdAt: '2026-11-29T10:00:00.000Z',
    });
    await first.enqueue([waiting('for-a', 'a'), waiting('for-other', 'other-owner')]);
    await second.addSubscription(flow('b'));
    // The events waiting to reach the flow's URL go to the new subscription (they were dropped).
    assert.deepEqual((await second.claimDue(1, 10, 60_000)).map((d) => [d.id, d.subscriptionId]).sort(), [
      ['for-a', 'b'],
      ['for-other', 'other-owner'],
    ]);
    assert.equal(await first.getSubscription('a'), undefined);
    assert.deepEqual(ids(await second.subscriptionsOf('OnPing')).sort(), ['b', 'other-owner', 'other-url']);
    assert.deepEqual(ids(await second.subscriptionsOf('OnPong')), ['other-trigger']);
  });

  it("counts the owner's other subscriptions as it adds one, so that connections on one file hold max together", async () => {
    // Before, each process counted from its own list (up to subscriptionRefreshMs old), and
    // registrations sent to two processes at once could both pass maxSubscriptionsPerOwner.
    const first = store({ subscriptionRefreshMs: 60_000 });
    const second = store({ subscriptionRefreshMs: 60_000 });
    assert.deepEqual(await second.subscriptionsOf('OnPing'), []);
    assert.equal(await first.addSubscription(sub('a'), 1), true);
    assert.deepEqual(await second.subscriptionsOf('OnPing'), [], "second's list is still the one it read");
    assert.equal(await second.addSubscription(sub('b'), 1), false);
    // Another URL of another owner, or the owner's URL again (it replaces), is still taken.
    assert.equal(await second.addSubscription({ ...sub('c'), owner: 'key:8899aabbccddeeff' }, 1), true);
    assert.equal(await second.addSubscription({ ...sub('d'), callbackUrl: sub('a').callbackUrl }, 1), true);
    assert.deepEqual(ids(await second.subscriptionsOf('OnPing')).sort(), ['c', 'd']);
    // Without a bound, it adds as before.
    assert.equal(await first.addSubscription(sub('e')), true);
  });

  it('hands out lists and filters that a caller cannot change for the next caller', async () => {
    const s = store();
    await s.addSubscription(sub('a', { threshold: 0.2, nested: { tags: ['x'] } }));
    const first = await s.subscriptionsOf('OnPing');
    first.pop();
    const [again] = await s.subscriptionsOf('OnPing');
    assert.equal(again.id, 'a');
    assert.throws(() => {
      (again.filters as Record<string, unknown>).threshold = 1;
    }, TypeError);
    assert.throws(() => {
      ((again.filters.nested as { tags: string[] }).tags as string[]).push('y');
    }, TypeError);
    assert.deepEqual(again.filters, { threshold: 0.2, nested: { tags: ['x'] } });
  });
});

describe('SqliteTriggerStore and SqliteJobStore claimed by several processes at once', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowport-sqlite-claim-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Starts `count` processes that claim together at `startAt`, each until nothing is left. */
  const workers = (count: number, body: string) => {
    const startAt = Date.now() + 700;
    const script = `
      const stores = require(${JSON.stringify(require.resolve('./index'))});
      const claimed = []; const errors = [];
      (async () => {
        while (Date.now() < ${startAt}) {}
        for (let empty = 0; empty < 3; ) {
          try { const got = await (${body})(stores); claimed.push(...got); empty = got.length ? 0 : empty + 1; }
          catch (e) { errors.push(e.code || e.message); }
        }
        process.stdout.write(JSON.stringify({ claimed, errors }));
      })();`;
    return Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<{ claimed: string[]; errors: string[] }>((resolve, reject) =>
            execFile(process.execPath, ['-e', script], (err, out) => (err ? reject(err) : resolve(JSON.parse(out)))),
          ),
      ),
    );
  };

  it('hands each due delivery to one worker, and no claim fails for being concurrent', async () => {
    const file = join(dir, 'triggers.db');
    const seed = new SqliteTriggerStore(file);
    await seed.addSubscription(sub('s'));
    const total = 6000;
    await seed.enqueue(
      Array.from({ length: total }, (_, i) => ({
        id: `d${i}`,
        subscriptionId: 's',
        trigger: 'OnPing',
        callbackUrl: 'https://callbacks.example.com/s',
        body: '{}',
        attempts: 0,
        nextAttemptAt: 0,
        createdAt: '2026-11-27T10:00:00.000Z',
      })),
    );
    await seed.close();
    // A deferred transaction that read first fails at once when another worker commits meanwhile
    // (SQLITE_BUSY_SNAPSHOT): three workers saw hundreds of such failures in three seconds.
    const results = await workers(
      3,
      `async (s) => { const store = globalThis.store ??= new s.SqliteTriggerStore(${JSON.stringify(file)}); return (await store.claimDue(Date.now(), 5, 60000)).map((d) => d.id); }`,
    );
    assert.deepEqual(
      results.flatMap((r) => r.errors),
      [],
    );
    const claimed = results.flatMap((r) => r.claimed);
    assert.equal(claimed.length, total);
    assert.equal(new Set(claimed).size, total);
  });

  it('hands each abandoned job to one process, and no claim fails for being concurrent', async () => {
    const file = join(dir, 'jobs.db');
    const seed = new SqliteJobStore(file);
    const total = 40;
    for (let i = 0; i < total; i++) {
      await seed.create({
        id: `j${i}`,
        operation: 'DoWork',
        owner: 'o',
        state: 'running',
        input: '{}',
        createdAt: 0,
        expiresAt: Date.now() + 600_000,
        leasedUntil: 0,
      });
    }
    await seed.close();
    const results = await workers(
      3,
      `async (s) => { const store = globalThis.store ??= new s.SqliteJobStore(${JSON.stringify(file)}); return (await store.claimAbandoned(Date.now(), 60000)).map((j) => j.id); }`,
    );
    assert.deepEqual(
      results.flatMap((r) => r.errors),
      [],
    );
    const claimed = results.flatMap((r) => r.claimed);
    assert.equal(claimed.length, total);
    assert.equal(new Set(claimed).size, total);
  });
});
