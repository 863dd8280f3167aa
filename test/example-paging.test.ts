import { MemoryTriggerStore } from '@flowport/core';
import { sentimentService } from '@flowport/example-text-sentiment/dist/service';
import { FlowHost } from '@flowport/testing';
import assert from 'node:assert/strict';
import request from 'supertest';
import { serving } from './support/http';

const KEY = 'paging-key';
const HEADER = 'Ocp-Apim-Subscription-Key';
const options = { keys: [KEY], secret: 'paging-test-secret-0123456789', validateResponses: true };

describe('paging: the scoring history, followed by FlowHost through its next links', () => {
  const service = sentimentService({ ...options, store: new MemoryTriggerStore() });
  const live = serving(() => service.app);
  after(() => service.close());
  /** Scores `n` documents, so that a test that pages has a history of its own to page, run alone too. */
  const score = async (n: number) => {
    const documents = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, text: 'a fine day' }));
    const res = await request(live.url()).post('/text/analytics/v2.0/sentiment').set(HEADER, KEY).send({ documents });
    assert.equal(res.status, 200, res.text);
  };

  it('pages newest first and ends when there is no next link', async () => {
    const documents = Array.from({ length: 7 }, (_, i) => ({ id: `d${i}`, text: 'a fine day' }));
    assert.equal(
      (await request(live.url()).post('/text/analytics/v2.0/sentiment').set(HEADER, KEY).send({ documents })).status,
      200,
    );
    const host = await FlowHost.start({ api: live.url(), connection: { [HEADER]: KEY } });
    try {
      const { items, pages } = await host.pages('ListScoringHistory', { top: '3' });
      assert.equal(pages, 3);
      assert.deepEqual(
        (items as { id: string }[]).map((d) => d.id),
        ['d6', 'd5', 'd4', 'd3', 'd2', 'd1', 'd0'],
      );
    } finally {
      await host.close();
    }
  });

  it('neither repeats nor skips a document when more are scored while a flow pages', async () => {
    // A cursor that counted entries from the newest shifted with every document scored meanwhile:
    // the next page began with documents the flow had already read.
    // A key of its own: the log is the process's, and other tests score with theirs.
    const own = sentimentService({ ...options, keys: ['paging-own-key'], store: new MemoryTriggerStore() });
    try {
      const post = (ids: string[]) =>
        request(own.app)
          .post('/text/analytics/v2.0/sentiment')
          .set(HEADER, 'paging-own-key')
          .send({ documents: ids.map((id) => ({ id, text: 'a fine day' })) });
      assert.equal((await post(['d0', 'd1', 'd2', 'd3'])).status, 200);
      const first = await request(own.app).get('/text/analytics/v2.0/history?top=2').set(HEADER, 'paging-own-key');
      assert.deepEqual(
        (first.body.value as { id: string }[]).map((d) => d.id),
        ['d3', 'd2'],
      );
      assert.equal((await post(['n0', 'n1'])).status, 200);
      const next = new URL(first.body.nextLink as string);
      const second = await request(own.app).get(`${next.pathname}${next.search}`).set(HEADER, 'paging-own-key');
      assert.deepEqual(
        (second.body.value as { id: string }[]).map((d) => d.id),
        ['d1', 'd0'],
      );
      assert.equal(second.body.nextLink, undefined);
      // The cursor is the definition's to check, not the handler's to guess at.
      const bad = await request(own.app)
        .get('/text/analytics/v2.0/history?top=2&cursor=abc')
        .set(HEADER, 'paging-own-key');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.errors[0].pointer, '/query/cursor');
    } finally {
      await own.close();
    }
  });

  it('builds absolute next links from the request, ignoring forwarded headers unless the proxy is trusted', async () => {
    await score(3);
    const first = await request(live.url())
      .get('/text/analytics/v2.0/history?top=2')
      .set(HEADER, KEY)
      .set('X-Forwarded-Proto', 'https')
      .set('X-Forwarded-Host', 'api.example.org');
    assert.match(first.body.nextLink, /^http:\/\/127\.0\.0\.1:\d+\/text\/analytics\/v2\.0\/history\?top=2&cursor=\d+$/);

    const proxied = sentimentService({ ...options, store: new MemoryTriggerStore(), trustProxy: true });
    await request(proxied.app)
      .post('/text/analytics/v2.0/sentiment')
      .set(HEADER, KEY)
      .send({
        documents: [
          { id: 'a', text: 'x' },
          { id: 'b', text: 'y' },
          { id: 'c', text: 'z' },
        ],
      });
    const behind = await request(proxied.app)
      .get('/text/analytics/v2.0/history?top=2')
      .set(HEADER, KEY)
      .set('X-Forwarded-Proto', 'https')
      .set('X-Forwarded-Host', 'api.example.org');
    assert.equal(
      behind.body.nextLink,
      `https://api.example.org/text/analytics/v2.0/history?top=2&cursor=${behind.body.value[1].sequence}`,
    );
    // A forwarded scheme or host that is not one is refused, as a Host header of that kind is.
    for (const [name, value] of [
      ['X-Forwarded-Proto', 'javascript'],
      ['X-Forwarded-Host', '['],
    ]) {
      const bad = await request(proxied.app)
        .get('/text/analytics/v2.0/history?top=2')
        .set(HEADER, KEY)
        .set(name, value);
      assert.deepEqual([bad.status, bad.type], [400, 'application/problem+json'], `${name}: ${value}`);
    }
    await proxied.close();
  });

  it('refuses a Host that is not a host with 400, where it ended in a logged 500 or a link to elsewhere', async () => {
    // `new URL` threw on `[`, `a b` and a port beyond 65535 after the handler had run; `@evil`
    // became a next link to http://evil/.
    await score(2);
    for (const host of ['[', 'a b', 'a:99999', '@evil', 'a/b']) {
      const res = await request(live.url())
        .get('/text/analytics/v2.0/history?top=1')
        .set(HEADER, KEY)
        .set('Host', host);
      assert.equal(res.status, 400, host);
      assert.match(res.body.detail, /is not a host name with an optional port/);
    }
    for (const host of ['api.example.org:8443', '[::1]:3000', '10.0.0.1']) {
      const res = await request(live.url())
        .get('/text/analytics/v2.0/history?top=1')
        .set(HEADER, KEY)
        .set('Host', host);
      assert.equal(res.status, 200, host);
      assert.ok(res.body.nextLink.startsWith(`http://${host}/`), res.body.nextLink);
    }
  });
});
