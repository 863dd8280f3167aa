import { MemoryJobStore, type Job, type JobStore } from '@flowport/core';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteJobStore } from './sqlite-job-store';

const job = (id: string, over: Partial<Job> = {}): Job => ({
  id,
  operation: 'ScoreBatch',
  owner: 'key:0011223344556677',
  state: 'running',
  input: '{"body":{"documents":[]}}',
  createdAt: 1_000,
  expiresAt: 100_000,
  leasedUntil: 2_000,
  attempts: 1,
  ...over,
});

// The adapter's jobs tests run on the memory store; the SQLite one must keep the same contract,
// since the example (and a deployment) runs on it.
for (const [name, make] of [
  ['MemoryJobStore', () => new MemoryJobStore()],
  ['SqliteJobStore', (dir: string) => new SqliteJobStore(join(dir, 'jobs.db'))],
] as const) {
  describe(`${name}: the JobStore contract`, () => {
    let dir: string;
    let store: JobStore;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'flowport-jobs-'));
      try {
        store = make(dir);
      } catch (err) {
        // A store that cannot open (SQLite's addon built for another Node) leaves no folder behind.
        rmSync(dir, { recursive: true, force: true });
        throw err;
      }
    });
    afterEach(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('keeps a job as created, and its result (with its headers) once finished', async () => {
      await store.create(job('a'));
      assert.deepEqual(await store.get('a'), job('a'));
      assert.equal(await store.get('nope'), undefined);
      await store.finish('a', 'succeeded', 200, '{"ok":true}');
      assert.deepEqual(await store.get('a'), job('a', { state: 'succeeded', status: 200, result: '{"ok":true}' }));
      await store.create(job('b'));
      await store.finish('b', 'failed', 429, '{}', { 'retry-after': '7' });
      assert.deepEqual((await store.get('b'))?.headers, { 'retry-after': '7' });
    });

    it('hands a running job whose lease ran out to one claimer, leased anew, and not a finished or expired one', async () => {
      await store.create(job('lapsed'));
      await store.create(job('held', { leasedUntil: 9_000 }));
      await store.create(job('done'));
      await store.finish('done', 'failed', 500, '{}');
      await store.create(job('expired', { expiresAt: 3_000 }));
      const claimed = await store.claimAbandoned(5_000, 60_000);
      assert.deepEqual(
        claimed.map((j) => [j.id, j.leasedUntil, j.attempts]),
        [['lapsed', 65_000, 2]],
      );
      assert.deepEqual(await store.claimAbandoned(5_000, 60_000), []);
      assert.deepEqual(await store.get('lapsed'), job('lapsed', { leasedUntil: 65_000, attempts: 2 }));
      // A renewed lease keeps it from the next claim, and does not count as an attempt.
      await store.renew('held', 70_000);
      assert.equal((await store.get('held'))?.attempts, 1);
      const again = await store.claimAbandoned(66_000, 60_000);
      assert.deepEqual(
        again.map((j) => [j.id, j.attempts]),
        [['lapsed', 3]],
      );
      assert.equal((await store.get('lapsed'))?.attempts, 3);
    });

    it('takes back a running job as if its run had not started: claimable at once, not counted', async () => {
      await store.create(job('given', { leasedUntil: 90_000, attempts: 2 }));
      await store.create(job('done', { leasedUntil: 90_000 }));
      await store.finish('done', 'succeeded', 200, 'null');
      await store.release!('given');
      await store.release!('done');
      await store.release!('nope');
      assert.deepEqual(await store.get('given'), job('given', { leasedUntil: 0, attempts: 1 }));
      assert.equal((await store.get('done'))?.leasedUntil, 90_000);
      assert.deepEqual(
        (await store.claimAbandoned(5_000, 60_000)).map((j) => [j.id, j.attempts]),
        [['given', 2]],
      );
    });

    it('claims only the jobs of the operations named, when named', async () => {
      await store.create(job('score'));
      await store.create(job('other', { operation: 'Translate' }));
      assert.deepEqual(await store.claimAbandoned(5_000, 60_000, []), []);
      const mine = await store.claimAbandoned(5_000, 60_000, ['ScoreBatch', 'Summarize']);
      assert.deepEqual(
        mine.map((j) => j.id),
        ['score'],
      );
      assert.deepEqual(await store.get('other'), job('other', { operation: 'Translate' }));
      assert.deepEqual(
        (await store.claimAbandoned(5_000, 60_000)).map((j) => j.id),
        ['other'],
      );
    });

    it('claims at most as many as asked, the oldest first, and leaves the others claimable', async () => {
      await store.create(job('newest', { createdAt: 1_300 }));
      await store.create(job('oldest', { createdAt: 1_100 }));
      await store.create(job('middle', { createdAt: 1_200, attempts: 0 }));
      assert.deepEqual(
        (await store.claimAbandoned(5_000, 60_000, undefined, 2)).map((j) => [j.id, j.attempts]),
        [
          ['oldest', 2],
          ['middle', 1],
        ],
      );
      assert.deepEqual(await store.claimAbandoned(5_000, 60_000, ['ScoreBatch'], 0), []);
      assert.deepEqual(
        (await store.claimAbandoned(5_000, 60_000, ['ScoreBatch'], 5)).map((j) => j.id),
        ['newest'],
      );
    });

    it('claims in turns across owners, so that one caller’s many jobs do not hold back another’s', async () => {
      // Before, the oldest first: a burst of one caller's jobs ran before anybody else's waiting one.
      const a = (id: string, createdAt: number) => job(id, { owner: 'key:aaaa', createdAt });
      for (const [id, at] of [
        ['a1', 1_100],
        ['a2', 1_200],
        ['a3', 1_300],
      ] as const)
        await store.create(a(id, at));
      await store.create(job('b1', { owner: 'key:bbbb', createdAt: 1_400 }));
      await store.create(job('c1', { owner: 'key:cccc', createdAt: 1_500 }));
      const ids = async (limit: number) =>
        (await store.claimAbandoned(5_000, 60_000, undefined, limit)).map((j) => j.id);
      assert.deepEqual(await ids(3), ['a1', 'b1', 'c1']);
      assert.deepEqual(await ids(5), ['a2', 'a3']);
    });

    it('purges the jobs past their expiry, finished or not', async () => {
      await store.create(job('old', { expiresAt: 3_000 }));
      await store.create(job('new'));
      await store.finish('old', 'succeeded', 200, 'null');
      await store.purge(3_000);
      assert.equal(await store.get('old'), undefined);
      assert.ok(await store.get('new'));
    });
  });
}

describe('SqliteJobStore: a file made before jobs counted their attempts and kept headers', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowport-jobs-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gains the columns: its jobs count as started once, and count from there', async () => {
    const file = join(dir, 'old.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE jobs (
      id TEXT PRIMARY KEY, operation TEXT NOT NULL, owner TEXT NOT NULL, state TEXT NOT NULL, input TEXT NOT NULL,
      status INTEGER, result TEXT, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, leased_until INTEGER NOT NULL)`);
    old
      .prepare("INSERT INTO jobs VALUES ('kept', 'ScoreBatch', 'k', 'running', '{}', NULL, NULL, 1000, 100000, 2000)")
      .run();
    old.close();
    // Before, opening it failed: "table jobs has no column named attempts".
    const store = new SqliteJobStore(file);
    try {
      assert.equal((await store.get('kept'))?.attempts, 1);
      assert.deepEqual(
        (await store.claimAbandoned(5_000, 60_000)).map((j) => j.attempts),
        [2],
      );
    } finally {
      await store.close();
    }
    // Opened again, the columns are there already.
    const reopened = new SqliteJobStore(file);
    assert.equal((await reopened.get('kept'))?.attempts, 2);
    await reopened.finish('kept', 'succeeded', 200, 'null', { etag: '"v1"' });
    assert.deepEqual((await reopened.get('kept'))?.headers, { etag: '"v1"' });
    await reopened.close();
  });
});
