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

  it('builds absolute next links from the request, ignoring forwarded headers unless the proxy is trusted', async () => {
    const first = await request(live.url())
      .get('/text/analytics/v2.0/history?top=2')
      .set(HEADER, KEY)
      .set('X-Forwarded-Proto', 'https')
      .set('X-Forwarded-Host', 'api.example.org');
    assert.match(first.body.nextLink, /^http:\/\/127\.0\.0\.1:\d+\/text\/analytics\/v2\.0\/history\?top=2&cursor=2$/);

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
    assert.equal(behind.body.nextLink, 'https://api.example.org/text/analytics/v2.0/history?top=2&cursor=2');
    await proxied.close();
  });
});
