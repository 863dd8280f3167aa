import { Action, Connector, Controller, MemoryJobStore, Post, Returns } from '@flowport/core';
import { createApp, listen, urlOf } from '@flowport/express-adapter';
import { FlowHost } from '@flowport/testing';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { connector, Done, oddRuns, working } from './fixtures/jobs-api';
import { until } from './support/until';

describe('async (202) actions', function () {
  this.timeout(60_000);
  let created = 0;
  const app = createApp(connector, {
    docs: true,
    credentials: { apiKeys: ['k1', 'k2'] },
    jobs: {
      store: new (class extends MemoryJobStore {
        override async create(...args: Parameters<MemoryJobStore['create']>): Promise<void> {
          created++;
          return super.create(...args);
        }
      })(),
    },
  });
  let server: Server;
  let url = '';
  before(async () => {
    server = await listen(app, 0, '127.0.0.1');
    url = urlOf(server);
  });
  after(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));

  /** A job store whose first `finish` fails, as a locked or full database would. */
  class FlakyJobStore extends MemoryJobStore {
    failures = 1;
    override async finish(...args: Parameters<MemoryJobStore['finish']>): Promise<void> {
      if (this.failures-- > 0) throw new Error('SQLITE_FULL: database or disk is full');
      return super.finish(...args);
    }
  }

  /** Polls a job's status resource (as the caller k1) until it no longer answers 202. */
  async function poll(location: string): Promise<request.Response> {
    for (let i = 0; i < 100; i++) {
      const r = await request(location).get('').set('x-key', 'k1');
      if (r.status !== 202) return r;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${location} still runs`);
  }

  /** An app of its own with this job store and lease, on a server closed after `run`; its error log. */
  async function withJobsApp(
    jobs: { store: MemoryJobStore; leaseMs: number; maxAttempts?: number; maxRunning?: number },
    run: (url: string, logs: string[]) => Promise<void>,
  ): Promise<void> {
    const logs: string[] = [];
    const app = createApp(connector, {
      docs: false,
      credentials: { apiKeys: ['k1'] },
      jobs,
      logger: { error: (message) => logs.push(message) },
    });
    const own = await listen(app, 0, '127.0.0.1');
    try {
      await run(urlOf(own), logs);
    } finally {
      own.closeAllConnections();
      await new Promise((r) => own.close(r));
    }
  }

  it('answers 202 with an absolute Location and Retry-After, and the result when done (FlowHost follows it)', async () => {
    const first = await request(url).post('/work').set('x-key', 'k1').send({ value: 'abc', ms: 300 });
    assert.equal(first.status, 202);
    assert.match(first.headers.location, /^http:\/\/127\.0\.0\.1:\d+\/_jobs\/[0-9a-f-]{36}$/);
    assert.equal(first.headers['retry-after'], '1');
    const running = await request(first.headers.location).get('').set('x-key', 'k1');
    assert.equal(running.status, 202);
    const host = await FlowHost.start({ api: url, connection: { 'x-key': 'k1' }, timeScale: 0.2 });
    const done = await host.action('DoWork', { value: 'xyz', ms: 200 });
    await host.close();
    assert.equal(done.status, 200);
    assert.equal((done.body as { value: string }).value, 'XYZ');
    assert.ok(done.polls >= 1);
  });

  it('refuses a Host that is not a host before storing the job, which its Location could not reach', async () => {
    const before = created;
    const res = await request(url).post('/work').set('x-key', 'k1').set('Host', 'a b').send({ value: 'abc', ms: 1 });
    assert.deepEqual([res.status, res.type], [400, 'application/problem+json']);
    assert.equal(created, before);
  });

  it('shows a job to its caller only, and a failure as the problem the handler raised', async () => {
    const started = await request(url).post('/work').set('x-key', 'k1').send({ value: 'conflict', ms: 0 });
    const failed = await poll(started.headers.location);
    assert.equal((await request(started.headers.location).get('').set('x-key', 'k2')).status, 404);
    assert.equal((await request(started.headers.location).get('')).status, 401);
    assert.equal(failed.status, 409);
    assert.equal(failed.body.detail, 'The value conflicts.');
    assert.equal(
      (await request(url).get('/_jobs/00000000-0000-0000-0000-000000000000').set('x-key', 'k1')).status,
      404,
    );
  });

  it("answers the last poll with the headers of the handler's reply or error, and logs a 5xx's cause, as a synchronous action does", async () => {
    // Before, a reply's headers (an ETag, a created resource's Location) and an error's (a 429's
    // Retry-After) were dropped from the answer the caller finally gets.
    await withJobsApp({ store: new MemoryJobStore(), leaseMs: 60_000 }, async (url, logs) => {
      const settle = async (value: string) =>
        poll((await request(url).post('/work').set('x-key', 'k1').send({ value, ms: 0 })).headers.location);
      const tagged = await settle('tagged');
      assert.deepEqual(
        [tagged.status, tagged.headers.etag, tagged.headers['x-count'], tagged.type, tagged.body.value],
        [200, '"v1"', '3', 'application/json', 'TAGGED'],
      );
      const limited = await settle('limited');
      assert.deepEqual([limited.status, limited.headers['retry-after'], limited.body.detail], [429, '7', 'Slow down.']);
      // A 5xx with a cause is answered as declared, and its cause logged (it was not).
      const unavailable = await settle('unavailable');
      assert.deepEqual(
        [unavailable.status, unavailable.headers['retry-after'], unavailable.body.detail],
        [503, '30', 'The ledger is down.'],
      );
      assert.deepEqual(logs.splice(0), ['flowport: The ledger is down.']);
      // A 204 has no content, and no Content-Length (it said 4, for a null it did not send).
      const nothing = await settle('nothing');
      assert.deepEqual(
        [nothing.status, nothing.headers['content-length'], nothing.headers['content-type']],
        [204, undefined, undefined],
      );
      // A header no answer could carry fails the job once, logged, instead of failing every poll.
      const mistagged = await settle('mistagged');
      assert.deepEqual([mistagged.status, mistagged.type], [500, 'application/problem+json']);
      assert.deepEqual(logs, ['flowport: async job failed']);
    });
  });

  it('logs once a result missing where a body is declared, or a string where an object is, as a synchronous action does', async () => {
    // Before, the last poll answered null without a word, where a synchronous action logs it.
    await withJobsApp({ store: new MemoryJobStore(), leaseMs: 60_000 }, async (url, logs) => {
      const settle = async (value: string) =>
        poll((await request(url).post('/work').set('x-key', 'k1').send({ value, ms: 0 })).headers.location);
      for (let i = 0; i < 2; i++) assert.equal((await settle('forgotten')).status, 200);
      assert.equal((await settle('nothing')).status, 204);
      // And a string where an object is declared: JSON.stringify(value) returned for the value.
      for (let i = 0; i < 2; i++) assert.equal(typeof (await settle('stringified')).body, 'string');
      assert.deepEqual(logs, [
        'flowport: DoWork answered 200 without the body it declares (logged once)',
        'flowport: DoWork answered 200 with a string where it declares an object (logged once)',
      ]);
    });
  });

  it('checks the result against its declared schema with validateResponses, as a synchronous answer is', async () => {
    // Before, the last poll of a long-running action was the one JSON answer left unchecked.
    const checked = createApp(connector, {
      docs: false,
      credentials: { apiKeys: ['k1'] },
      jobs: { store: new MemoryJobStore() },
      validateResponses: true,
    });
    const own = await listen(checked, 0, '127.0.0.1');
    try {
      const settle = async (value: string) =>
        poll((await request(urlOf(own)).post('/work').set('x-key', 'k1').send({ value, ms: 0 })).headers.location);
      const misshapen = await settle('misshapen');
      assert.deepEqual(
        [misshapen.status, misshapen.body.detail, misshapen.body.errors.map((e: { pointer: string }) => e.pointer)],
        [500, 'The response of DoWork does not match its declared 200 schema.', ['/response/value']],
      );
      assert.equal((await settle('fine')).status, 200);
    } finally {
      own.closeAllConnections();
      await new Promise((r) => own.close(r));
    }
  });

  it('declares the 202 with its headers and the final 200 in the definition', async () => {
    const spec = JSON.parse((await request(app).get('/connector/apiDefinition.swagger.json')).text);
    const responses = spec.paths['/work'].post.responses;
    assert.deepEqual(Object.keys(responses['202'].headers), ['Location', 'Retry-After']);
    assert.deepEqual(responses['200'].schema, { $ref: '#/definitions/Done' });
  });

  it('survives a store that cannot record a result: logged, and the job runs again when its lease ends', async () => {
    // The first `finish` fails as a locked or full database would. Before, that rejection went
    // unhandled and ended the process.
    await withJobsApp({ store: new FlakyJobStore(), leaseMs: 300 }, async (url, logs) => {
      const started = await request(url).post('/work').set('x-key', 'k1').send({ value: 'again', ms: 0 });
      assert.equal(started.status, 202);
      const done = await poll(started.headers.location);
      assert.deepEqual([done.status, done.body.value], [200, 'AGAIN']);
      assert.ok(
        logs.some((m) => m.includes('could not be recorded')),
        logs.join('\n'),
      );
    });
  });

  it('fails a job whose result JSON cannot write, or that is bytes, once, instead of running it at every lease', async () => {
    // Before, JSON.stringify threw (a BigInt) or wrote a Buffer as {"type":"Buffer",…}; the first
    // left the job unrecorded, so it ran again whenever its lease ended, for as long as it lived.
    await withJobsApp({ store: new MemoryJobStore(), leaseMs: 200 }, async (url, logs) => {
      for (const kind of ['bigint', 'bytes']) {
        const started = await request(url).post('/odd').set('x-key', 'k1').send({ kind });
        assert.equal(started.status, 202);
        const done = await poll(started.headers.location);
        assert.deepEqual([done.status, done.type], [500, 'application/problem+json'], kind);
        assert.match(done.body.detail, /^The operation failed; quote job [0-9a-f-]{36} when reporting it\.$/);
      }
      await new Promise((r) => setTimeout(r, 700));
      assert.deepEqual(oddRuns, { bigint: 1, bytes: 1 });
      assert.equal(logs.filter((m) => m === 'flowport: async job failed').length, 2, logs.join('\n'));
    });
  });

  it('runs an upload again from its stored bytes, and fails a job whose stored input cannot be read', async () => {
    // Before, a file's bytes were stored as JSON wrote a Buffer (a list of numbers, up to four
    // characters a byte) and came back as that list, so the job failed when it ran again.
    const store = new FlakyJobStore();
    await withJobsApp({ store, leaseMs: 300 }, async (url, logs) => {
      const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256));
      const started = await request(url).post('/files').set('x-key', 'k1').attach('file', bytes, 'a.bin');
      assert.equal(started.status, 202);
      const upload = (await store.get(String(started.headers.location.split('/').pop())))!;
      const stored = upload.input;
      assert.ok(stored.length < bytes.length * 1.5, `stored input of ${stored.length} characters`);
      const done = await poll(started.headers.location);
      assert.deepEqual(
        [done.status, done.body],
        [200, { name: 'a.bin', size: 70_000, sha256: createHash('sha256').update(bytes).digest('hex') }],
      );
      assert.ok(
        logs.some((m) => m.includes('could not be recorded')),
        logs.join('\n'),
      );

      // An unreadable job among abandoned ones fails with a 500; the other still runs.
      const now = Date.now();
      const job = { operation: 'DoWork', owner: upload.owner, state: 'running' as const };
      const abandoned = { createdAt: now, expiresAt: now + 60_000, leasedUntil: now - 1 };
      await store.create({ ...job, ...abandoned, id: 'broken', input: '{"input": {"body": ' });
      await store.create({
        ...job,
        ...abandoned,
        id: 'fine',
        input: JSON.stringify({
          input: { path: {}, query: {}, header: {}, formData: {}, body: { value: 'ok', ms: 0 } },
        }),
      });
      const jobs = `${url}/_jobs`;
      const broken = await poll(`${jobs}/broken`);
      assert.deepEqual(
        [broken.status, broken.body.detail],
        [500, 'The operation failed; quote job broken when reporting it.'],
      );
      assert.equal((await poll(`${jobs}/fine`)).body.value, 'OK');
      assert.ok(
        logs.some((m) => m.includes('cannot be read')),
        logs.join('\n'),
      );
    });
  });

  it('fails a job started maxAttempts times without finishing, instead of running it at every lease', async () => {
    // A store that never records a success stands for a process that dies in the job each time.
    // Before, the job ran again at every lease until it expired (600 s here; a day in the example),
    // and a handler that crashed its process crashed every process that claimed it.
    const runs: string[] = [];
    const store = new (class extends MemoryJobStore {
      override async finish(...args: Parameters<MemoryJobStore['finish']>): Promise<void> {
        if (args[1] === 'succeeded') {
          runs.push(args[0]);
          throw new Error('SQLITE_TOOBIG: string or blob too big');
        }
        return super.finish(...args);
      }
    })();
    await withJobsApp({ store, leaseMs: 200, maxAttempts: 2 }, async (url, logs) => {
      const started = await request(url).post('/work').set('x-key', 'k1').send({ value: 'big', ms: 0 });
      const id = String(started.headers.location.split('/').pop());
      const failed = await poll(started.headers.location);
      assert.deepEqual(
        [failed.status, failed.type, failed.body.detail],
        [
          500,
          'application/problem+json',
          `The operation was started 2 times without finishing and is not run again; quote job ${id} when reporting it.`,
        ],
      );
      assert.deepEqual(runs, [id, id]);
      assert.ok(
        logs.includes('flowport: a job was started too often without finishing; it has failed'),
        logs.join('\n'),
      );

      // Abandoned jobs: one started as often as allowed fails unrun; one started less often runs,
      // and so does one from a store that does not count.
      const now = Date.now();
      const job = {
        operation: 'DoWork',
        owner: (await store.get(id))!.owner,
        state: 'running' as const,
        createdAt: now,
        expiresAt: now + 60_000,
        leasedUntil: now - 1,
      };
      const input = (value: string) =>
        JSON.stringify({ input: { path: {}, query: {}, header: {}, formData: {}, body: { value, ms: 0 } } });
      await store.create({ ...job, id: 'spent', input: input('spent'), attempts: 2 });
      // A job of another app on the same store is left to it: before, each claim held it up for a
      // lease and cost it an attempt, so that its own app could find it failed unrun.
      await store.create({ ...job, id: 'theirs', operation: 'Translate', input: input('theirs') });
      await store.create({ ...job, id: 'second', input: input('second'), attempts: 1 });
      await store.create({ ...job, id: 'uncounted', input: input('uncounted') });
      await poll(`${url}/_jobs/spent`);
      await until(() => runs.includes('second') && runs.includes('uncounted'), 'the other two jobs to run');
      assert.equal(runs.includes('spent'), false);
      assert.equal((await store.get('spent'))?.status, 500);
      const theirs = (await store.get('theirs'))!;
      assert.deepEqual([theirs.attempts, theirs.leasedUntil], [undefined, job.leasedUntil]);
    });
  });

  it('runs the other jobs of a claim when one cannot be failed, without costing them an attempt', async () => {
    // Before, the store's refusal ended the whole claim: the job after it waited out its lease,
    // was claimed again, and was failed as started too often without having run at all.
    let refusals = 1;
    const store = new (class extends MemoryJobStore {
      override async finish(...args: Parameters<MemoryJobStore['finish']>): Promise<void> {
        if (args[1] === 'failed' && refusals-- > 0) throw new Error('SQLITE_BUSY: database is locked');
        return super.finish(...args);
      }
    })();
    await withJobsApp({ store, leaseMs: 300, maxAttempts: 2 }, async (url, logs) => {
      const started = await request(url).post('/work').set('x-key', 'k1').send({ value: 'owner', ms: 0 });
      const owner = (await store.get(String(started.headers.location.split('/').pop())))!.owner;
      const now = Date.now();
      const job = { operation: 'DoWork', owner, state: 'running' as const, createdAt: now, expiresAt: now + 60_000 };
      const input = (value: string) =>
        JSON.stringify({ input: { path: {}, query: {}, header: {}, formData: {}, body: { value, ms: 0 } } });
      await store.create({ ...job, id: 'spent', input: input('spent'), leasedUntil: now - 1, attempts: 2 });
      await store.create({ ...job, id: 'fresh', input: input('fresh'), leasedUntil: now - 1, attempts: 1 });
      const fresh = await poll(`${url}/_jobs/fresh`);
      assert.deepEqual([fresh.status, fresh.body.value], [200, 'FRESH']);
      assert.equal((await store.get('fresh'))?.attempts, 2);
      // The refused one is failed at its next claim.
      assert.equal((await poll(`${url}/_jobs/spent`)).status, 500);
      assert.ok(
        logs.includes('flowport: a claimed job could not be failed; it will be claimed again'),
        logs.join('\n'),
      );
    });
  });

  it('gives its running jobs back when its signal is aborted: another app takes them at once, at no attempt', async () => {
    // Before, a stopping app kept renewing the lease of a job it would never finish (or, closed,
    // left it to its 60 s lease), and the restart cost the job an attempt: a rolling deployment
    // could fail a long job as started too often.
    const store = new MemoryJobStore();
    const stopping = new AbortController();
    const first = createApp(connector, {
      docs: false,
      credentials: { apiKeys: ['k1'] },
      jobs: { store, signal: stopping.signal, maxAttempts: 1, leaseMs: 400 },
    });
    const next = createApp(connector, {
      docs: false,
      credentials: { apiKeys: ['k1'] },
      jobs: { store, signal: new AbortController().signal, maxAttempts: 1, leaseMs: 400 },
    });
    const [a, b] = await Promise.all([listen(first, 0, '127.0.0.1'), listen(next, 0, '127.0.0.1')]);
    try {
      const started = await request(urlOf(a)).post('/work').set('x-key', 'k1').send({ value: 'moved', ms: 2000 });
      const id = String(started.headers.location.split('/').pop());
      stopping.abort();
      const given = (await store.get(id))!;
      assert.deepEqual([given.state, given.leasedUntil, given.attempts], ['running', 0, 0]);
      // The other app claims it at its next look (every 200 ms with this lease), before the
      // stopping one would have finished it.
      await until(async () => (await store.get(id))?.attempts === 1, 'the other app to claim the job');
      const done = await poll(`${urlOf(b)}/_jobs/${id}`);
      assert.deepEqual([done.status, done.body.value], [200, 'MOVED']);
    } finally {
      for (const s of [a, b]) {
        s.closeAllConnections();
        await new Promise((r) => s.close(r));
      }
    }
  });

  it('stops looking for abandoned jobs when its signal is aborted, so a closed store is left alone', async () => {
    // Before, each app kept a timer that claimed from its store for as long as the process ran, and
    // logged "job recovery failed" every half lease once the store was closed.
    class CountingJobStore extends MemoryJobStore {
      claims = 0;
      closed = false;
      override async claimAbandoned(...args: Parameters<MemoryJobStore['claimAbandoned']>) {
        if (this.closed) throw new Error('The database connection is not open');
        this.claims++;
        return super.claimAbandoned(...args);
      }
    }
    const store = new CountingJobStore();
    const controller = new AbortController();
    const logs: string[] = [];
    createApp(connector, {
      docs: false,
      credentials: { apiKeys: ['k1'] },
      jobs: { store, leaseMs: 400, signal: controller.signal },
      logger: { error: (message) => logs.push(message) },
    });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    for (let i = 0; i < 100 && store.claims < 2; i++) await sleep(50);
    assert.ok(store.claims >= 2, 'recovery runs at start and every half lease');
    controller.abort();
    store.closed = true;
    const claims = store.claims;
    await sleep(700);
    assert.deepEqual([store.claims, logs], [claims, []]);
  });

  /** A job store that does not take a claim's limit, as a store of one's own may not. */
  class UnlimitedClaims extends MemoryJobStore {
    override async claimAbandoned(...args: Parameters<MemoryJobStore['claimAbandoned']>) {
      return super.claimAbandoned(args[0], args[1], args[2]);
    }
  }

  it('runs at most maxRunning jobs at once: the others wait in the store, answered 202, and start as jobs finish', async () => {
    // Before, every job started at once: a burst of thousands ran thousands of handlers together.
    // The lease is long, so that a waiting job is started by a job finishing, not by the next look.
    const store = new MemoryJobStore();
    Object.assign(working, { now: 0, most: 0 });
    await withJobsApp({ store, leaseMs: 60_000, maxRunning: 2 }, async (url) => {
      const values = ['a', 'b', 'c', 'd', 'e'];
      const started = await Promise.all(
        values.map((value) => request(url).post('/work').set('x-key', 'k1').send({ value, ms: 150 })),
      );
      assert.deepEqual(
        started.map((r) => r.status),
        [202, 202, 202, 202, 202],
      );
      const ids = started.map((r) => String(r.headers.location.split('/').pop()));
      const attempts = await Promise.all(ids.map(async (id) => (await store.get(id))!.attempts));
      assert.deepEqual(
        attempts.sort((a, b) => a! - b!),
        [0, 0, 0, 1, 1],
      );
      const done = await Promise.all(ids.map((id) => poll(`${url}/_jobs/${id}`)));
      assert.deepEqual(
        done.map((r) => [r.status, r.body.value]),
        values.map((v) => [200, v.toUpperCase()]),
      );
      assert.deepEqual(working, { now: 0, most: 2 });
      // A waiting job's first run is its first attempt.
      for (const id of ids) assert.equal((await store.get(id))!.attempts, 1);
    });
  });

  it('starts a job behind those that wait, even as a place falls free', async () => {
    // Before, a start that came between a job's end and the claim that follows it took the freed
    // place ahead of the jobs waiting for it: under a steady load, they could wait until they expired.
    class HeldClaims extends MemoryJobStore {
      hold = false;
      readonly held: (() => void)[] = [];
      readonly finished: string[] = [];
      override async claimAbandoned(...args: Parameters<MemoryJobStore['claimAbandoned']>) {
        if (this.hold) await new Promise<void>((go) => this.held.push(go));
        return super.claimAbandoned(...args);
      }
      override async finish(...args: Parameters<MemoryJobStore['finish']>): Promise<void> {
        this.finished.push(args[0]);
        return super.finish(...args);
      }
    }
    const store = new HeldClaims();
    await withJobsApp({ store, leaseMs: 60_000, maxRunning: 1 }, async (url) => {
      const start = async (value: string, ms: number) =>
        String(
          (await request(url).post('/work').set('x-key', 'k1').send({ value, ms })).headers.location.split('/').pop(),
        );
      const first = await start('first', 100);
      const second = await start('second', 0);
      store.hold = true;
      await until(() => store.finished.includes(first) && store.held.length > 0, 'the first job to end');
      // Its place is free, and the second job waits for it: the third waits behind.
      const third = await start('third', 0);
      assert.equal((await store.get(third))?.attempts, 0);
      store.hold = false;
      for (const go of store.held) go();
      await until(() => store.finished.length === 3, 'the waiting jobs to run');
      assert.deepEqual(store.finished, [first, second, third]);
    });
  });

  it("gives a job's place to the next when it expires without its handler settling", async () => {
    // Before, a handler that never settled held its place for good: maxRunning of them kept every
    // later job waiting until it expired too.
    @Controller('/stuck')
    class StuckController {
      @Post('/hang')
      @Action({ id: 'Hang', summary: 'Hang', description: 'Never ends.', async: { retryAfter: 1, expiresAfter: 1 } })
      @Returns(204)
      hang(): Promise<void> {
        return new Promise(() => undefined);
      }

      @Post('/quick')
      @Action({
        id: 'Quick',
        summary: 'Quick',
        description: 'Ends at once.',
        async: { retryAfter: 1, expiresAfter: 60 },
      })
      @Returns(200, Done)
      quick(): Done {
        return { value: 'QUICK', pid: '' };
      }
    }
    const stuck = new Connector({
      info: { title: 'Stuck', description: 'A connector whose job never ends.', version: '1.0.0' },
      brandColor: '#123456',
      controllers: [StuckController],
    });
    const logs: string[] = [];
    const store = new MemoryJobStore();
    const app = createApp(stuck, {
      docs: false,
      credentials: {},
      jobs: { store, leaseMs: 60_000, maxRunning: 1 },
      logger: { error: (message) => logs.push(message) },
    });
    const own = await listen(app, 0, '127.0.0.1');
    try {
      assert.equal((await request(urlOf(own)).post('/stuck/hang')).status, 202);
      const quick = await request(urlOf(own)).post('/stuck/quick');
      const id = String(quick.headers.location.split('/').pop());
      assert.equal((await store.get(id))?.attempts, 0, 'waits behind the one that hangs');
      await until(async () => (await store.get(id))?.state === 'succeeded', 'the waiting job to run');
      assert.deepEqual(logs, [
        'flowport: a job ran until it expired without finishing; its place goes to the next job',
      ]);
    } finally {
      own.closeAllConnections();
      await new Promise((r) => own.close(r));
    }
  });

  it('takes over abandoned jobs maxRunning at a time, and gives back those a store hands out beyond it', async () => {
    // Before, a process that took over a crashed one's jobs ran all of them at once.
    for (const store of [new MemoryJobStore(), new UnlimitedClaims()]) {
      Object.assign(working, { now: 0, most: 0 });
      const now = Date.now();
      const ids = ['j1', 'j2', 'j3', 'j4', 'j5'];
      for (const [i, id] of ids.entries()) {
        await store.create({
          id,
          operation: 'DoWork',
          owner: 'nobody',
          state: 'running',
          input: JSON.stringify({
            input: { path: {}, query: {}, header: {}, formData: {}, body: { value: id, ms: 100 } },
          }),
          createdAt: now + i,
          expiresAt: now + 60_000,
          leasedUntil: now - 1,
          attempts: 0,
        });
      }
      await withJobsApp({ store, leaseMs: 60_000, maxRunning: 2 }, async () => {
        await until(async () => {
          const jobs = await Promise.all(ids.map((id) => store.get(id)));
          return jobs.every((j) => j?.state === 'succeeded');
        }, 'every abandoned job to finish');
      });
      assert.deepEqual(working, { now: 0, most: 2 }, store.constructor.name);
      for (const id of ids) assert.equal((await store.get(id))!.attempts, 1, `${id} started once`);
    }
  });

  it('refuses to start without a job store', () => {
    assert.throws(() => createApp(connector, { credentials: { apiKeys: ['k'] } }), {
      message:
        'DoWork is a long-running action (async), whose jobs need a store: createApp(connector, { jobs: { store: new MemoryJobStore() } }), or a SqliteJobStore (@flowport/store-sqlite) for jobs that outlive the process',
    });
  });
});

describe('an async job survives a restart of the server process', function () {
  this.timeout(60_000);
  // The folder is made in a hook: a filtered run (--grep) defines this suite without running hooks.
  let dir = '';
  const children: ChildProcess[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowport-jobs-'));
  });
  after(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const freePort = () =>
    new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolve(port));
      });
    });

  const start = (port: number) =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(process.execPath, [join(__dirname, 'fixtures', 'jobs-api.js')], {
        env: {
          PATH: process.env.PATH,
          PORT: String(port),
          JOB_DB: join(dir, 'jobs.db'),
          LEASE_MS: '400',
          MAX_ATTEMPTS: '2',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      child.stdout!.once('data', () => resolve(child));
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });

  /** Starts a job on the process at `port`; its status resource. */
  const startWork = async (port: number, work: { value: string; ms: number }) => {
    const accepted = await fetch(`http://127.0.0.1:${port}/work`, {
      method: 'POST',
      headers: { 'x-key': 'k1', 'content-type': 'application/json' },
      body: JSON.stringify(work),
    });
    assert.equal(accepted.status, 202);
    return accepted.headers.get('location')!;
  };

  /** Polls a job's status resource until it no longer answers 202. */
  const settled = async (location: string) => {
    for (let i = 0; i < 100; i++) {
      const res = await fetch(location, { headers: { 'x-key': 'k1' } });
      if (res.status !== 202) return res;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${location} still runs`);
  };

  it('is run again after the crash and its result is served to the caller', async () => {
    const port = await freePort();
    const first = await start(port);
    const location = await startWork(port, { value: 'survivor', ms: 1500 });
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    const second = await start(port);
    const res = await settled(location);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { value: string; pid: string };
    assert.equal(body.value, 'SURVIVOR');
    assert.equal(body.pid, String(second.pid), 'the restarted process ran it');
    second.kill('SIGTERM');
  });

  it('fails a job that crashes its process each time it runs, after maxAttempts (2) processes died', async () => {
    const port = await freePort();
    const first = await start(port);
    const location = await startWork(port, { value: 'crash', ms: 0 });
    const dead = (child: ChildProcess) =>
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise((r) => child.once('exit', r));
    await dead(first);
    // The second process claims the job when its lease runs out, and dies in it too.
    const second = await start(port);
    await dead(second);
    assert.equal(second.signalCode, 'SIGKILL');
    // Before, the third died as well, and every process after it, until the job expired.
    const third = await start(port);
    const res = await settled(location);
    assert.equal(res.status, 500);
    assert.match(
      ((await res.json()) as { detail: string }).detail,
      /^The operation was started 2 times without finishing/,
    );
    assert.equal(third.exitCode, null, 'the third process is still serving');
    third.kill('SIGTERM');
  });
});
