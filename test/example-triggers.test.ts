import { MemoryTriggerStore } from '@flowport/core';
import { sentimentService } from '@flowport/example-text-sentiment/dist/service';
import { FlowHost } from '@flowport/testing';
import assert from 'node:assert/strict';
import request from 'supertest';
import { serving } from './support/http';

const KEY_A = 'trigger-key-a';
const KEY_B = 'trigger-key-b';
const HEADER = 'Ocp-Apim-Subscription-Key';
const FAST = { baseDelayMs: 20, maxDelayMs: 200, idleMs: 20, timeoutMs: 2000 };
const NEGATIVE = 'This is terrible, awful and sad; a horrible, disappointing failure.';

describe('text-sentiment triggers, driven by FlowHost as Power Automate would', function () {
  this.timeout(30_000);
  const store = new MemoryTriggerStore();
  const service = sentimentService({
    keys: [KEY_A, KEY_B],
    store,
    secret: 'example-trigger-test-secret-0123',
    allowLocalCallbacks: true,
    delivery: FAST,
    validateResponses: true,
  });
  const live = serving(() => service.app);
  let hostA: FlowHost;
  let hostB: FlowHost;

  before(async () => {
    service.triggers.start();
    hostA = await FlowHost.start({ api: live.url(), connection: { [HEADER]: KEY_A }, timeScale: 0.001 });
    hostB = await FlowHost.start({ api: live.url(), connection: { [HEADER]: KEY_B }, timeScale: 0.001 });
  });
  after(async () => {
    await hostA.close();
    await hostB.close();
    await service.close();
  });

  const score = async (key: string, texts: Record<string, string>) => {
    const documents = Object.entries(texts).map(([id, text]) => ({ id, text }));
    const res = await request(live.url()).post('/text/analytics/v2.0/sentiment').set(HEADER, key).send({ documents });
    assert.equal(res.status, 200, res.text);
    return res.body as { documents: { id: string; score: number }[] };
  };

  it('webhook: registers through the definition, delivers negative documents at or below the threshold, unsubscribes via Location', async () => {
    const sub = await hostA.webhook('OnNegativeText', { threshold: 0.4 });
    assert.match(sub.location, /\/text\/analytics\/v2\.0\/hooks\/negative-text\/[0-9a-f-]{36}$/);
    await score(KEY_A, { bad: NEGATIVE, good: 'Wonderful, great and lovely work.' });
    const first = await sub.notification(1);
    assert.equal((first.body as { id: string }).id, 'bad');
    assert.ok((first.body as { score: number }).score <= 0.4);
    assert.equal((first.body as { excerpt: string }).excerpt, NEGATIVE);
    await score(KEY_A, { fine: 'A pleasant and nice day.', bad2: NEGATIVE });
    assert.equal(
      ((await sub.notification(2)).body as { id: string }).id,
      'bad2',
      'the positive documents were not delivered',
    );
    assert.equal(await sub.unsubscribe(), 204);
    assert.deepEqual(await service.triggers.store.subscriptionsOf('OnNegativeText'), []);
    await score(KEY_A, { bad3: NEGATIVE });
    assert.equal(await service.triggers.store.pendingCount(), 0, 'nothing is queued for a deleted subscription');
    assert.equal(await sub.unsubscribe(), 404);
  });

  it('webhook: an excerpt ends before a character it cannot hold whole, instead of half of it', async () => {
    // 199 letters, then an emoji (two UTF-16 units): cut at 200 units, the excerpt ended in half of
    // it, a lone surrogate that is no Unicode text, which a flow's next step may refuse.
    const text = `${NEGATIVE} ${'x'.repeat(199 - NEGATIVE.length - 1)}\u{1F620} and more.`;
    const sub = await hostB.webhook('OnNegativeText', { threshold: 0.4 });
    try {
      await score(KEY_B, { cut: text });
      const { excerpt } = (await sub.notification(1)).body as { excerpt: string };
      assert.equal(excerpt, text.slice(0, 199));
      assert.equal(Buffer.from(excerpt).toString(), excerpt, 'well-formed: it survives UTF-8');
    } finally {
      assert.equal(await sub.unsubscribe(), 204);
    }
  });

  it('refuses a webhook registration whose Host is not a host before subscribing, so that no subscription is left without its Location', async () => {
    const before = (await store.subscriptionsOf('OnNegativeText')).length;
    const res = await request(live.url())
      .post('/text/analytics/v2.0/hooks/negative-text')
      .set(HEADER, KEY_A)
      .set('Host', 'a b')
      .send({ callbackUrl: 'http://127.0.0.1:9/hook', threshold: 0.2 });
    assert.equal(res.status, 400, res.text);
    assert.equal((await store.subscriptionsOf('OnNegativeText')).length, before);
  });

  it('another connection can neither delete the subscription nor trigger it with its own documents', async () => {
    const sub = await hostA.webhook('OnNegativeText', {});
    const res = await request(sub.location).delete('').set(HEADER, KEY_B);
    assert.equal(res.status, 404);
    assert.equal((await service.triggers.store.subscriptionsOf('OnNegativeText')).length, 1);
    await score(KEY_B, { theirs: NEGATIVE });
    assert.equal(await service.triggers.store.pendingCount(), 0, "B's documents are not A's events");
    assert.equal(await sub.unsubscribe(), 204);
  });

  it('polling: follows Location and Retry-After until documents are scored, then answers 202 again', async () => {
    const outcome = await hostA.poll(
      'OnDocumentsScored',
      {},
      // As the README writes it: what `between` returns is awaited, a boolean too.
      { between: (polls) => polls === 2 && score(KEY_A, { p1: 'good', p2: 'bad' }) },
    );
    assert.equal(outcome.polls, 3, 'baseline 202, an idle 202, then 200');
    assert.deepEqual(
      (outcome.body as { id: string }[]).map((d) => d.id),
      ['p1', 'p2'],
    );
    assert.equal(outcome.retryAfter, 60);
    const next = await request(outcome.location).get('').set(HEADER, KEY_A);
    assert.equal(next.status, 202);
    assert.equal(next.headers['retry-after'], '60');
  });

  it('polling: asks to be polled again at once while more than a page of scored documents waits', async () => {
    // 250 documents scored at once: before, the trigger handed out 100 a minute, however many waited.
    const first = await request(live.url()).get('/text/analytics/v2.0/scored').set(HEADER, KEY_B);
    assert.equal(first.status, 202);
    const texts = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`m${i}`, 'fine']));
    await score(KEY_B, texts);
    const answers: [number, number, string][] = [];
    for (let location = first.headers.location as string, i = 0; i < 4; i++) {
      const res = await request(location).get('').set(HEADER, KEY_B);
      answers.push([res.status, Array.isArray(res.body) ? res.body.length : 0, res.headers['retry-after']]);
      location = res.headers.location;
    }
    assert.deepEqual(answers, [
      [200, 100, '0'],
      [200, 100, '0'],
      [200, 50, '60'],
      [202, 0, '60'],
    ]);
  });

  it('a tampered polling cursor is a 400, and so is another connection using it', async () => {
    const first = await request(live.url()).get('/text/analytics/v2.0/scored').set(HEADER, KEY_A);
    assert.equal(first.status, 202);
    const location = new URL(first.headers.location);
    const cursor = location.searchParams.get('cursor')!;
    location.searchParams.set('cursor', `${cursor.slice(0, 10)}A${cursor.slice(11)}`);
    const tampered = await request(location.href).get('').set(HEADER, KEY_A);
    assert.equal(tampered.status, 400);
    assert.deepEqual(
      tampered.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/query/cursor'],
    );
    const stolen = await request(first.headers.location).get('').set(HEADER, KEY_B);
    assert.equal(stolen.status, 400);
  });

  it('after a rotation of the secret, a polling Location signed with the previous one still works', async () => {
    const first = await request(live.url()).get('/text/analytics/v2.0/scored').set(HEADER, KEY_A);
    assert.equal(first.status, 202);
    // The service restarted with a new secret, the old one kept as previous.
    const rotated = (previousSecrets?: string[]) =>
      sentimentService({
        keys: [KEY_A],
        store: new MemoryTriggerStore(),
        secret: 'the-rotated-secret-0123456789',
        previousSecrets,
      });
    const kept = rotated(['example-trigger-test-secret-0123']);
    const forgotten = rotated();
    try {
      const path = new URL(first.headers.location);
      const poll = await request(kept.app).get(`${path.pathname}${path.search}`).set(HEADER, KEY_A);
      assert.equal(poll.status, 202, poll.text);
      // Without it, every poll of the flow is a 400 until someone re-saves it.
      const refused = await request(forgotten.app).get(`${path.pathname}${path.search}`).set(HEADER, KEY_A);
      assert.equal(refused.status, 400);
    } finally {
      await kept.close();
      await forgotten.close();
    }
  });
});

describe('webhook registration refuses callbacks into the network by default (SSRF)', () => {
  const service = sentimentService({
    keys: ['k'],
    store: new MemoryTriggerStore(),
    secret: 'ssrf-test-secret-0123456789',
  });
  after(() => service.close());

  for (const url of [
    'https://127.0.0.1/cb',
    'https://10.0.0.8/cb',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/cb',
    'https://localhost/cb',
    'http://127.0.0.1:8080/cb',
  ]) {
    it(`refuses ${url}`, async () => {
      const res = await request(service.app)
        .post('/text/analytics/v2.0/hooks/negative-text')
        .set(HEADER, 'k')
        .send({ callbackUrl: url });
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.errors[0].pointer, '/body/callbackUrl');
      assert.equal(res.body.errors[0].code, 'callbackRefused');
    });
  }
});
