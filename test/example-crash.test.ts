import { FlowHost } from '@flowport/testing';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './support/corpus';
import { until } from './support/until';

const KEY = 'crash-test-key';

function start(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'examples', 'text-sentiment', 'dist', 'server.js')], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Text Sentiment API +(http:\/\/\S+?)\/text/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

describe('durable delivery across a crash (SIGKILL) of the example', function () {
  this.timeout(60_000);
  // The folder is made in a hook: a filtered run (--grep) defines this suite without running hooks.
  let dir: string | undefined;
  let env: NodeJS.ProcessEnv & { TRIGGER_DB: string };
  const children: ChildProcess[] = [];
  let host: FlowHost | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowport-crash-'));
    env = {
      PORT: '0',
      SENTIMENT_API_KEYS: KEY,
      FLOWPORT_SECRET: 'crash-test-secret-0123456789abcdef',
      TRIGGER_DB: join(dir, 'triggers.db'),
      ALLOW_LOCAL_CALLBACKS: '1',
    };
  });
  after(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await host?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a notification emitted before the kill arrives after the restart', async () => {
    const first = await start(env);
    children.push(first.child);
    host = await FlowHost.start({ api: first.url, connection: { 'Ocp-Apim-Subscription-Key': KEY } });
    const sub = await host.webhook('OnNegativeText', { threshold: 0.5 });
    sub.inbox.answers.push(503); // the first attempt fails: the delivery stays in the outbox
    const res = await fetch(`${first.url}/text/analytics/v2.0/sentiment`, {
      method: 'POST',
      headers: { 'Ocp-Apim-Subscription-Key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ documents: [{ id: 'doomed', text: 'Terrible, awful, horrible news.' }] }),
    });
    assert.equal(res.status, 200);
    // Wait until the failed attempt is recorded (lease released), reading the database itself.
    const db = new Database(env.TRIGGER_DB, { readonly: true, fileMustExist: true });
    const row = () =>
      db.prepare('SELECT attempts, leased_until FROM outbox').get() as
        { attempts: number; leased_until: number } | undefined;
    await until(() => row()?.attempts === 1 && row()?.leased_until === 0, 'the first failed attempt');
    db.close();
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    assert.equal(sub.inbox.received.length, 0, 'not delivered before the crash');

    const second = await start(env);
    children.push(second.child);
    const n = await sub.notification(1, 20_000);
    assert.equal((n.body as { id: string }).id, 'doomed');
    assert.equal(sub.inbox.received.length, 1);
    second.child.kill('SIGTERM');
  });
});
