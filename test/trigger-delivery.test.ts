import {
  MemoryTriggerStore,
  signatureOf,
  verifySignature,
  TriggerRuntime,
  webhookTrigger,
  DELIVERY_HEADERS,
  type TriggerStore,
} from '@flowport/core';
import { SqliteTriggerStore } from '@flowport/store-sqlite';
import { CallbackReceiver, type Inbox } from '@flowport/testing';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from './support/until';

class Ping {
  seq!: number;
}
const ping = webhookTrigger<Ping>({
  id: 'OnPing',
  path: '/hooks/ping',
  summary: 'When pinged',
  description: 'd',
  payload: Ping,
});
const SECRET = 'delivery-test-secret-0123456789';
const FAST = { baseDelayMs: 20, maxDelayMs: 200, idleMs: 20, timeoutMs: 300, maxAttempts: 4 };

const stores: [string, () => { store: TriggerStore; cleanup: () => void }][] = [
  ['memory', () => ({ store: new MemoryTriggerStore(), cleanup: () => undefined })],
  [
    'sqlite',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'flowport-store-'));
      const cleanup = () => rmSync(dir, { recursive: true, force: true });
      try {
        return { store: new SqliteTriggerStore(join(dir, 'triggers.db')), cleanup };
      } catch (err) {
        // A store that cannot open (SQLite's addon built for another Node) leaves no folder behind.
        cleanup();
        throw err;
      }
    },
  ],
];

for (const [name, make] of stores) {
  describe(`webhook delivery (${name} store)`, function () {
    this.timeout(30_000);
    let receiver: CallbackReceiver;
    let runtime: TriggerRuntime;
    let store: TriggerStore;
    let cleanup: () => void;
    const logs: string[] = [];

    beforeEach(async () => {
      // The store first: one that cannot open (a native module built for another Node) fails the
      // hook before a receiver is listening, which would otherwise keep the run from ending.
      ({ store, cleanup } = make());
      receiver = await CallbackReceiver.start();
      runtime = new TriggerRuntime({
        store,
        secret: SECRET,
        callbacks: { allowLocalhost: true },
        delivery: FAST,
        logger: (m) => logs.push(m),
      });
      runtime.start();
    });
    afterEach(async () => {
      await runtime.stop();
      await receiver.close();
      await store.close();
      cleanup();
    });

    const subscribe = async (inbox: Inbox, owner = 'owner-1') => runtime.subscribe(ping, owner, inbox.url, {});

    it('a receiver answering 500, 500, 200 gets the notification once, signed and with an idempotency id', async () => {
      const inbox = receiver.inbox();
      inbox.answers.push(500, 500, 200);
      await subscribe(inbox);
      assert.equal(await runtime.emit(ping, { seq: 1 }), 1);
      const n = await inbox.nth(1);
      await until(async () => (await store.pendingCount()) === 0, 'the outbox to empty');
      assert.equal(inbox.attempts, 3);
      assert.equal(inbox.received.length, 1);
      assert.deepEqual(n.body, { seq: 1 });
      const ts = String(n.headers[DELIVERY_HEADERS.timestamp]);
      assert.equal(n.headers[DELIVERY_HEADERS.signature], signatureOf(SECRET, ts, JSON.stringify({ seq: 1 })));
      // What a receiver of its own checks: the signature in constant time, and the age.
      assert.equal(verifySignature(SECRET, n.headers, JSON.stringify(n.body)), true);
      assert.equal(verifySignature('another-secret-0123456789', n.headers, JSON.stringify(n.body)), false);
      assert.match(String(n.headers[DELIVERY_HEADERS.id]), /^[0-9a-f-]{36}$/);
    });

    it('410 Gone removes the subscription', async () => {
      const inbox = receiver.inbox();
      inbox.answers.push(410);
      const s = await subscribe(inbox);
      await runtime.emit(ping, { seq: 1 });
      await until(async () => (await store.getSubscription(s.id)) === undefined, 'the subscription to go');
      await until(async () => (await store.pendingCount()) === 0, 'the outbox to empty');
      assert.equal(await runtime.emit(ping, { seq: 2 }), 0);
    });

    it('a receiver that never answers is timed out and retried', async () => {
      const inbox = receiver.inbox();
      inbox.answers.push('hang');
      await subscribe(inbox);
      await runtime.emit(ping, { seq: 1 });
      await inbox.nth(1);
      assert.equal(inbox.attempts, 2);
    });

    it('after the last attempt the delivery becomes a dead letter', async () => {
      const inbox = receiver.inbox();
      inbox.answers.push(503, 503, 503, 503, 503);
      await subscribe(inbox);
      await runtime.emit(ping, { seq: 1 });
      await until(async () => (await runtime.deadLetters()).length === 1, 'a dead letter');
      const [dead] = await runtime.deadLetters();
      assert.equal(dead.attempts, FAST.maxAttempts);
      assert.equal(dead.lastError, 'HTTP 503');
      assert.equal(inbox.attempts, FAST.maxAttempts);
      assert.equal(await store.pendingCount(), 0);
    });

    it('a delivery that cannot be sent becomes a dead letter, where it was attempted at every lease', async () => {
      // A subscription written by another version or by hand, whose callback URL does not parse:
      // before, the throw counted as an outcome the store could not record.
      const createdAt = new Date().toISOString();
      await store.addSubscription({
        id: 'broken',
        trigger: 'OnPing',
        owner: 'o',
        callbackUrl: 'nope',
        filters: {},
        createdAt,
      });
      await runtime.emit(ping, { seq: 1 });
      await until(async () => (await runtime.deadLetters()).length === 1, 'a dead letter');
      const [dead] = await runtime.deadLetters();
      assert.deepEqual([dead.attempts, dead.lastError], [1, 'Invalid URL']);
      assert.ok(logs.includes('flowport: a delivery cannot be sent; it is kept as a dead letter'), logs.join('\n'));
    });

    it('408 Request Timeout is retried, as HTTP asks', async () => {
      // Before, it made a dead letter of the event at the first attempt.
      const inbox = receiver.inbox();
      inbox.answers.push(408, 200);
      await subscribe(inbox);
      await runtime.emit(ping, { seq: 1 });
      await until(async () => (await store.pendingCount()) === 0, 'the outbox to empty');
      assert.deepEqual([inbox.attempts, inbox.received.length], [2, 1]);
      assert.deepEqual(await runtime.deadLetters(), []);
    });

    it('a 4xx other than 408, 410 and 429 is not retried', async () => {
      const inbox = receiver.inbox();
      inbox.answers.push(400);
      await subscribe(inbox);
      await runtime.emit(ping, { seq: 1 });
      await until(async () => (await runtime.deadLetters()).length === 1, 'a dead letter');
      assert.equal(inbox.attempts, 1);
    });

    /**
     * A runtime of its own, on a store of its own, that keeps dead letters for `retentionMs`: one
     * 404 buries the event it is given. Resolves once the letter is there.
     */
    async function buryOne(retentionMs: number, then: (keeping: TriggerRuntime) => Promise<void>): Promise<void> {
      const own = make();
      const keeping = new TriggerRuntime({
        store: own.store,
        secret: SECRET,
        callbacks: { allowLocalhost: true },
        delivery: { ...FAST, deadLetterRetentionMs: retentionMs },
        logger: (m) => logs.push(m),
      });
      logs.splice(0);
      keeping.start();
      try {
        const inbox = receiver.inbox();
        inbox.answers.push(404);
        await keeping.subscribe(ping, 'o', inbox.url, {});
        await keeping.emit(ping, { seq: 1 });
        await until(async () => (await keeping.deadLetters()).length === 1, 'the dead letter');
        await then(keeping);
      } finally {
        await keeping.stop();
        await own.store.close();
        own.cleanup();
      }
    }

    it('deletes a dead letter once kept for deadLetterRetentionMs', async () => {
      // A subscription whose flow went without unsubscribing buries a letter for every event: kept
      // for ever, they filled the store.
      await buryOne(1000, async (keeping) => {
        await until(async () => (await keeping.deadLetters()).length === 0, 'the dead letter to be deleted');
      });
    });

    it('keeps every dead letter with a retention of Number.MAX_SAFE_INTEGER, without a store error', async () => {
      // Before, the purge asked the SQLite store for the date 285,000 years before 1970, which
      // toISOString refuses: logged as a failed store every hour.
      await buryOne(Number.MAX_SAFE_INTEGER, async (keeping) => {
        await new Promise((r) => setTimeout(r, 100));
        assert.equal((await keeping.deadLetters()).length, 1);
        assert.deepEqual(logs, ['flowport: delivery refused by the receiver']);
      });
    });

    it('purges the dead letters buried before a time, and keeps the younger', async () => {
      const inbox = receiver.inbox();
      inbox.answers.push(404, 404);
      await subscribe(inbox);
      await runtime.emit(ping, { seq: 1 });
      await until(async () => (await runtime.deadLetters()).length === 1, 'the first dead letter');
      const between = Date.now() + 1;
      await new Promise((r) => setTimeout(r, 5));
      await runtime.emit(ping, { seq: 2 });
      await until(async () => (await runtime.deadLetters()).length === 2, 'the second dead letter');
      assert.equal(await store.purgeDeadLetters(between), 1);
      assert.deepEqual(
        (await runtime.deadLetters()).map((d) => JSON.parse(d.body) as unknown),
        [{ seq: 2 }],
      );
    });

    it('429 with Retry-After schedules the next attempt no earlier than asked', async () => {
      const server = http.createServer((_req, res) => res.writeHead(429, { 'retry-after': '120' }).end());
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const port = (server.address() as { port: number }).port;
      try {
        await runtime.subscribe(ping, 'o', `http://127.0.0.1:${port}/cb`, {});
        const before = Date.now();
        await runtime.emit(ping, { seq: 1 });
        // While the attempt is in flight its lease (60 s) is what nextDue sees; wait for the retry itself.
        await until(async () => ((await store.nextDue()) ?? 0) > before + 100_000, 'the retry to be scheduled');
        assert.ok((await store.nextDue())! >= before + 119_000);
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });
  });
}

describe('webhook delivery through store errors', function () {
  this.timeout(30_000);

  it('keeps delivering: a failed claim and a failed record are logged, and the notification arrives again', async () => {
    // Each of these rejections used to go unhandled and end the process.
    class FlakyStore extends MemoryTriggerStore {
      claimFailures = 2;
      completeFailures = 1;
      override async claimDue(...args: Parameters<MemoryTriggerStore['claimDue']>) {
        if (this.claimFailures-- > 0) throw new Error('SQLITE_BUSY: database is locked');
        return super.claimDue(...args);
      }
      override async complete(id: string): Promise<void> {
        if (this.completeFailures-- > 0) throw new Error('SQLITE_IOERR: disk I/O error');
        return super.complete(id);
      }
    }
    const receiver = await CallbackReceiver.start();
    const store = new FlakyStore();
    // The adapter's logger shape, called as a method (as pino's and winston's need): one logger
    // serves createApp and the runtime. Before, the runtime took a function only.
    const logger = {
      lines: [] as string[],
      error(message: string) {
        this.lines.push(message);
      },
    };
    const logs = logger.lines;
    const runtime = new TriggerRuntime({
      store,
      secret: SECRET,
      callbacks: { allowLocalhost: true },
      delivery: { ...FAST, leaseMs: 100 },
      logger,
    });
    try {
      const inbox = receiver.inbox();
      await runtime.subscribe(ping, 'owner-1', inbox.url, {});
      await runtime.emit(ping, { seq: 1 });
      runtime.start();
      await until(async () => (await store.pendingCount()) === 0, 'the outbox to empty');
      // Delivered, its completion lost, delivered again once the lease ended: at least once, one id.
      assert.equal(inbox.received.length, 2);
      const ids = inbox.received.map((n) => n.headers[DELIVERY_HEADERS.id]);
      assert.equal(ids[0], ids[1]);
      assert.deepEqual(logs, [
        'flowport: the trigger store failed; delivery retries',
        'flowport: the trigger store answers again',
        'flowport: the outcome of a delivery could not be recorded; it will be attempted again',
      ]);
    } finally {
      await runtime.stop();
      await receiver.close();
    }
  });
});

describe('webhook delivery at volume: 1,000 subscriptions × 100 events', function () {
  this.timeout(180_000);

  it('delivers every notification once, with bounded concurrency and memory', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const counts = new Map<string, number>();
    const server = http.createServer((req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const key = `${req.url} ${Buffer.concat(chunks).toString()}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        inFlight--;
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const store = new MemoryTriggerStore();
    const concurrency = 32;
    const runtime = new TriggerRuntime({
      store,
      secret: SECRET,
      callbacks: { allowLocalhost: true },
      delivery: { ...FAST, concurrency, timeoutMs: 10_000 },
    });
    try {
      for (let i = 0; i < 1000; i++) await runtime.subscribe(ping, 'o', `http://127.0.0.1:${port}/cb/${i}`, {});
      // Measured after full collections, so the figure is what the run keeps, not garbage that
      // the collector has not reached yet (how much that is depends on the tests before this one).
      const gc = (globalThis as { gc?: () => void }).gc;
      assert.ok(gc, 'run mocha with --expose-gc (.mocharc.json does)');
      gc();
      const heapBefore = process.memoryUsage().heapUsed;
      runtime.start();
      for (let e = 0; e < 100; e++) assert.equal(await runtime.emit(ping, { seq: e }), 1000);
      await until(async () => (await store.pendingCount()) === 0, 'all deliveries', 170_000);
      gc();
      const heapGrowthMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
      assert.equal(counts.size, 100_000, 'every (subscription, event) pair arrived');
      assert.equal([...counts.values()].filter((n) => n !== 1).length, 0, 'none twice (no crash, so no duplicates)');
      assert.ok(maxInFlight <= concurrency, `at most ${concurrency} in flight, saw ${maxInFlight}`);
      // Once all are delivered, the 100,000 queued deliveries must be gone: what stays is this
      // test's own map of arrivals, about 14 MiB.
      assert.ok(heapGrowthMiB < 40, `the heap kept ${heapGrowthMiB.toFixed(0)} MiB`);
    } finally {
      await runtime.stop();
      server.closeAllConnections();
      server.close();
    }
  });
});
