import assert from 'node:assert/strict';
import { SqliteTriggerStore } from '@flowport/store-sqlite';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './support/corpus';

/** Starts the example as `npm start` does, and waits for its first lines. */
function start(env: NodeJS.ProcessEnv, until = /^Connector files/): Promise<{ child: ChildProcess; lines: string[] }> {
  const child = spawn(process.execPath, [join(ROOT, 'examples', 'text-sentiment', 'dist', 'server.js')], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      lines.splice(0, lines.length, ...buffer.split('\n').filter(Boolean));
      if (lines.some((l) => until.test(l))) resolve({ child, lines });
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${buffer}`)));
    setTimeout(() => reject(new Error(`no start-up lines: ${buffer}`)), 20000).unref();
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('the example as a process (npm start)', function () {
  this.timeout(30000);
  const children: ChildProcess[] = [];
  after(async () => Promise.all(children.map(stop)));

  it('listens on PORT, prints the API, docs and connector URLs, and serves them', async () => {
    const { child, lines } = await start({ PORT: '0', SENTIMENT_API_KEYS: 'k1,k2' });
    children.push(child);
    const url = /(http:\/\/\S+?)\/text\/analytics\/v2\.0\/sentiment/.exec(lines[0])![1];
    assert.match(lines.join('\n'), /Swagger UI +http:\/\/\S+\/docs/);
    assert.match(lines.join('\n'), /Connector definition +http:\/\/\S+\/connector\/apiDefinition\.swagger\.json/);
    assert.ok(!lines.join('\n').includes('development key'), 'no key is printed when keys are configured');
    const res = await fetch(`${url}/text/analytics/v2.0/sentiment`, {
      method: 'POST',
      headers: { 'Ocp-Apim-Subscription-Key': 'k2', 'content-type': 'application/json' },
      body: JSON.stringify({ documents: [{ id: '1', text: 'great' }] }),
    });
    assert.equal(res.status, 200);
    assert.equal((await fetch(`${url}/docs/`)).status, 200);
    await stop(child);
    assert.equal(child.exitCode, 0, 'SIGTERM closes the server cleanly');
  });

  it('refuses a FLOWPORT_SECRET or a previous secret shorter than 16 bytes, naming the variable', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'examples', 'text-sentiment', 'dist', 'server.js')], {
      env: { PATH: process.env.PATH, PORT: '0', SENTIMENT_API_KEYS: 'k1', FLOWPORT_SECRET: 'too-short' },
      encoding: 'utf8',
    });
    assert.deepEqual([r.status, r.stderr], [1, 'FLOWPORT_SECRET must be at least 16 bytes long\n']);
    const previous = spawnSync(process.execPath, [join(ROOT, 'examples', 'text-sentiment', 'dist', 'server.js')], {
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        SENTIMENT_API_KEYS: 'k1',
        FLOWPORT_PREVIOUS_SECRETS: 'an-old-secret-of-this-api, short',
      },
      encoding: 'utf8',
    });
    assert.deepEqual(
      [previous.status, previous.stderr],
      [1, 'FLOWPORT_PREVIOUS_SECRETS: secret 2 must be at least 16 bytes long\n'],
    );
  });

  it('links back over the scheme and host a trusted proxy names, with TRUST_PROXY', async () => {
    // Behind a proxy that ends TLS, a job's Location was http://, where the platform polls https.
    const { child, lines } = await start({ PORT: '0', SENTIMENT_API_KEYS: 'k1', TRUST_PROXY: 'loopback' });
    children.push(child);
    const url = /(http:\/\/\S+?)\/text\/analytics\/v2\.0\/sentiment/.exec(lines[0])![1];
    const res = await fetch(`${url}/text/analytics/v2.0/sentiment/batch`, {
      method: 'POST',
      headers: {
        'Ocp-Apim-Subscription-Key': 'k1',
        'content-type': 'application/json',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'sentiment.example.com',
      },
      body: JSON.stringify({ documents: [{ id: '1', text: 'great' }] }),
    });
    assert.equal(res.status, 202);
    assert.match(res.headers.get('location') ?? '', /^https:\/\/sentiment\.example\.com\/_jobs\//);
    await stop(child);
  });

  it('refuses a PORT that is not a port number, naming the variable', () => {
    // Before, Node's own "options.port should be >= 0 and < 65536. Received type number (NaN)."
    for (const port of ['abc', '99999', '']) {
      const r = spawnSync(process.execPath, [join(ROOT, 'examples', 'text-sentiment', 'dist', 'server.js')], {
        env: { PATH: process.env.PATH, PORT: port, SENTIMENT_API_KEYS: 'k1' },
        encoding: 'utf8',
      });
      assert.deepEqual([r.status, r.stderr], [1, `PORT must be a port number from 0 to 65535, not "${port}"\n`]);
    }
  });

  it("refuses a PORT in use, naming the variable, and leaves the trigger database's deliveries alone", async () => {
    // Before, Node's "listen EADDRINUSE: address already in use :::3000", after the trigger runtime
    // had leased the due deliveries of the database that the process holding the port works from.
    const dir = mkdtempSync(join(tmpdir(), 'flowport-port-'));
    const busy = http.createServer();
    try {
      await new Promise<void>((resolve) => busy.listen(0, resolve));
      const port = String((busy.address() as AddressInfo).port);
      const db = join(dir, 'triggers.db');
      const store = new SqliteTriggerStore(db);
      const delivery = {
        id: 'd1',
        subscriptionId: 's1',
        trigger: 'OnNegativeText',
        callbackUrl: 'https://callback.example.com/hook',
        body: '{}',
        attempts: 0,
        nextAttemptAt: Date.now() - 1000,
        createdAt: new Date().toISOString(),
      };
      await store.enqueue([delivery]);
      await store.close();

      const r = spawnSync(process.execPath, [join(ROOT, 'examples', 'text-sentiment', 'dist', 'server.js')], {
        env: { PATH: process.env.PATH, PORT: port, SENTIMENT_API_KEYS: 'k1', TRIGGER_DB: db },
        encoding: 'utf8',
      });
      assert.deepEqual(
        [r.status, r.stderr],
        [1, `PORT ${port} is in use by another process; stop it, or set PORT to another port (0 picks a free one)\n`],
      );
      const after = new SqliteTriggerStore(db);
      try {
        assert.deepEqual(
          (await after.claimDue(Date.now(), 10, 60_000)).map((d) => d.id),
          ['d1'],
          'the delivery is due, not leased by the process that exited',
        );
      } finally {
        await after.close();
      }
    } finally {
      busy.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a TRIGGER_DB in a folder that does not exist, naming the variable, and does not hang under /proc', () => {
    // Before, the folder was made with Node's recursive mkdir, which spins forever under /proc.
    for (const [db, folder] of [
      ['/proc/flowport/triggers.db', '/proc/flowport'],
      [join(ROOT, '.flowport-tmp', 'no-such-folder', 'triggers.db'), join(ROOT, '.flowport-tmp', 'no-such-folder')],
    ]) {
      const r = spawnSync(process.execPath, [join(ROOT, 'examples', 'text-sentiment', 'dist', 'server.js')], {
        env: { PATH: process.env.PATH, PORT: '0', SENTIMENT_API_KEYS: 'k1', TRIGGER_DB: db },
        encoding: 'utf8',
        timeout: 20_000,
      });
      assert.deepEqual(
        [r.signal, r.status, r.stderr],
        [null, 1, `TRIGGER_DB is in a folder that does not exist: ${folder}\n`],
      );
    }
  });

  it('without SENTIMENT_API_KEYS, generates and prints a development key that works', async () => {
    const { child, lines } = await start({ PORT: '0' }, /development key/);
    children.push(child);
    const url = /(http:\/\/\S+?)\/text/.exec(lines[0])![1];
    const key = /development key (\S+)/.exec(lines.join('\n'))![1];
    const ok = await fetch(`${url}/text/analytics/v2.0/languages`, { headers: { 'Ocp-Apim-Subscription-Key': key } });
    assert.equal(ok.status, 200);
  });

  it('serves from its precompiled validators where code generation from strings is forbidden; an app without them does not start', () => {
    // Hardened hosts run node with --disallow-code-generation-from-strings, which refuses the
    // new Function that ajv compiles a schema into. Before, an app without precompiled validators
    // started, then answered every request with a 500 whose log blamed the schema.
    const dist = join(ROOT, 'examples', 'text-sentiment', 'dist');
    const run = (script: string) =>
      spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '-e', script], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 20000,
      });
    const served = run(`
      const { sentimentService } = require(${JSON.stringify(join(dist, 'service.js'))});
      const { MemoryTriggerStore } = require('@flowport/core');
      const { app } = sentimentService({ keys: ['k'], store: new MemoryTriggerStore(), secret: 'x'.repeat(32) });
      const server = app.listen(0, async () => {
        const post = (documents) => fetch('http://127.0.0.1:' + server.address().port + '/text/analytics/v2.0/sentiment', {
          method: 'POST', headers: { 'content-type': 'application/json', 'Ocp-Apim-Subscription-Key': 'k' },
          body: JSON.stringify({ documents }) }).then(async (r) => [r.status, (await r.json()).errors]);
        const answers = [await post([{ id: '1', text: 'good' }]), await post([{ id: 1, text: 'good' }])];
        server.close();
        process.stdout.write(JSON.stringify(answers));
      });`);
    assert.equal(served.status, 0, served.stderr);
    assert.deepEqual(JSON.parse(served.stdout), [
      [200, []],
      [400, [{ pointer: '/body/documents/0/id', message: 'must be string', code: 'type' }]],
    ]);
    const refused = run(`
      const { connector } = require(${JSON.stringify(join(dist, 'connector.js'))});
      const { createApp } = require('@flowport/express-adapter');
      try { createApp(connector, { credentials: { apiKeys: ['k'] } }); process.stdout.write('started'); }
      catch (err) { process.stdout.write(err.message); }`);
    assert.match(refused.stdout, /^Flowport: this process does not allow code generation from strings/);
    assert.match(
      refused.stdout,
      /flowport build <module> --validators <file>, and give that file to createApp as precompiledValidators/,
    );
  });

  it('serves a scored POST and a refused one with neither class-validator, class-transformer, ajv’s compiler nor the document emitters loaded', async () => {
    const dist = join(ROOT, 'examples', 'text-sentiment', 'dist');
    // The example as server.js wires it (precompiled validators, no response checks), in memory.
    const script = `
      const { sentimentService } = require(${JSON.stringify(join(dist, 'service.js'))});
      const { MemoryTriggerStore } = require('@flowport/core');
      const { app } = sentimentService({ keys: ['k'], store: new MemoryTriggerStore(), secret: 'x'.repeat(32) });
      const server = app.listen(0, async () => {
        const post = (documents) => fetch('http://127.0.0.1:' + server.address().port + '/text/analytics/v2.0/sentiment', {
          method: 'POST', headers: { 'content-type': 'application/json', 'Ocp-Apim-Subscription-Key': 'k' },
          body: JSON.stringify({ documents }) }).then((r) => r.status);
        const statuses = [await post([{ id: '1', text: 'good' }]), await post([{ id: '', text: '' }])];
        const loaded = Object.keys(require.cache);
        statuses.push(await fetch('http://127.0.0.1:' + server.address().port + '/openapi.json').then((r) => r.status));
        server.close();
        process.stdout.write(JSON.stringify({ statuses, loaded, afterDocs: Object.keys(require.cache) }));
      });`;
    const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((resolve) => child.once('exit', resolve));
    const { statuses, loaded, afterDocs } = JSON.parse(out) as {
      statuses: number[];
      loaded: string[];
      afterDocs: string[];
    };
    assert.deepEqual(statuses, [200, 400, 200]);
    const files = loaded.map((f) => f.replace(/\\/g, '/'));
    assert.ok(
      files.some((f) => f.includes('/express-adapter/dist/')),
      'the list holds the app',
    );
    const heavy = files.filter((f) =>
      /\/class-(validator|transformer)\/|\/ajv\/dist\/(core|compile)\/|\/ajv-formats\//.test(f),
    );
    assert.deepEqual(heavy, []);
    // @flowport/core/documents (the lint, OpenAPI 3, apiProperties) loads with the first document.
    const documents = (list: string[]) => list.filter((f) => /\/core\/dist\/(lint|emit\/openapi3)\//.test(f));
    assert.deepEqual(documents(files), []);
    assert.notDeepEqual(documents(afterDocs.map((f) => f.replace(/\\/g, '/'))), []);
  });
});
