import { Action, Connector, Controller, Get, MemoryTriggerStore, Returns } from '@flowport/core';
import { createApp } from '@flowport/express-adapter';
import { sentimentService } from '@flowport/example-text-sentiment/dist/service';
import { FlowHost } from '@flowport/testing';
import assert from 'node:assert/strict';
import request from 'supertest';
import { serving } from './support/http';

const KEY = 'runtime-key';
const HEADER = 'Ocp-Apim-Subscription-Key';

describe('the example as Power Automate uses it: batch action, test connection', function () {
  this.timeout(30_000);
  const service = sentimentService({
    keys: [KEY],
    store: new MemoryTriggerStore(),
    secret: 'runtime-test-secret-0123456789',
    validateResponses: true,
  });
  const live = serving(() => service.app);
  after(() => service.close());

  it('runs the batch scoring as a long-running action: 202, then the checked result', async () => {
    const host = await FlowHost.start({ api: live.url(), connection: { [HEADER]: KEY }, timeScale: 0.02 });
    try {
      const documents = Array.from({ length: 200 }, (_, i) => ({
        id: String(i),
        text: i % 2 ? 'awful and sad' : 'lovely and great',
      }));
      const outcome = await host.action('DetectSentimentBatch', { documents });
      assert.equal(outcome.status, 200);
      assert.ok(outcome.polls >= 1, 'it answered 202 first');
      const scores = (outcome.body as { documents: { id: string; score: number }[] }).documents;
      assert.equal(scores.length, 200);
      assert.ok(scores[0].score > 0.5 && scores[1].score < 0.5);
    } finally {
      await host.close();
    }
  });

  it('the connection test answers 200 with a good key and 401 with a bad one', async () => {
    const good = await FlowHost.start({ api: live.url(), connection: { [HEADER]: KEY } });
    const bad = await FlowHost.start({ api: live.url(), connection: { [HEADER]: 'wrong' } });
    try {
      assert.equal(await good.testConnection(), 200);
      assert.equal(await bad.testConnection(), 401);
    } finally {
      await good.close();
      await bad.close();
    }
  });
});

describe('versioning at runtime', () => {
  @Controller('/items')
  class Items {
    @Get('/v1')
    @Action({
      id: 'GetItems',
      summary: 'Get items',
      description: 'Gets the items.',
      annotation: { family: 'GetItems', revision: 1 },
    })
    @Returns(200)
    v1(): unknown {
      return { revision: 1 };
    }

    @Get('/v2')
    @Action({
      id: 'GetItems_V2',
      summary: 'Get items',
      description: 'Gets the items.',
      annotation: { family: 'GetItems', revision: 2 },
    })
    @Returns(200)
    v2(): unknown {
      return { revision: 2 };
    }
  }
  const app = createApp(
    new Connector({
      info: { title: 'Versions', description: 'A connector with two revisions of one operation.', version: '1' },
      brandColor: '#123456',
      controllers: [Items],
    }),
  );

  it('serves both revisions; the definition marks the older one deprecated', async () => {
    assert.deepEqual((await request(app).get('/items/v1')).body, { revision: 1 });
    assert.deepEqual((await request(app).get('/items/v2')).body, { revision: 2 });
    const spec = JSON.parse((await request(app).get('/connector/apiDefinition.swagger.json')).text);
    assert.equal(spec.paths['/items/v1'].get.deprecated, true);
    assert.equal(spec.paths['/items/v1'].get.summary, 'Get items (deprecated)');
    assert.equal(spec.paths['/items/v2'].get.deprecated, undefined);
  });
});
