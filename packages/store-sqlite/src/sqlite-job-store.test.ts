import { MemoryJobStore, type Job, type JobStore } from '@flowport/core';
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
      store = make(dir);
    });
    afterEach(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('keeps a job as created, and its result once finished', async () => {
      await store.create(job('a'));
      assert.deepEqual(await store.get('a'), job('a'));
      assert.equal(await store.get('nope'), undefined);
      await store.finish('a', 'succeeded', 200, '{"ok":true}');
      assert.deepEqual(await store.get('a'), job('a', { state: 'succeeded', status: 200, result: '{"ok":true}' }));
    });

    it('hands a running job whose lease ran out to one claimer, leased anew, and not a finished or expired one', async () => {
      await store.create(job('lapsed'));
      await store.create(job('held', { leasedUntil: 9_000 }));
      await store.create(job('done'));
      await store.finish('done', 'failed', 500, '{}');
      await store.create(job('expired', { expiresAt: 3_000 }));
      const claimed = await store.claimAbandoned(5_000, 60_000);
      assert.deepEqual(
        claimed.map((j) => [j.id, j.leasedUntil]),
        [['lapsed', 65_000]],
      );
      assert.deepEqual(await store.claimAbandoned(5_000, 60_000), []);
      assert.equal((await store.get('lapsed'))?.leasedUntil, 65_000);
      // A renewed lease keeps it from the next claim.
      await store.renew('held', 70_000);
      assert.deepEqual(await store.claimAbandoned(66_000, 60_000).then((l) => l.map((j) => j.id)), ['lapsed']);
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
