import type { Subscription } from '@flowport/core';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
