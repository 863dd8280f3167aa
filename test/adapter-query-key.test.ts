import {
  Action,
  apiKey,
  Connector,
  connectorDefinition,
  Controller,
  Field,
  Get,
  MemoryTriggerStore,
  Page,
  pollingTrigger,
  Query,
  resolve,
  Returns,
  TriggerRuntime,
} from '@flowport/core';
import { createApp, page, type PageResult } from '@flowport/express-adapter';
import { FlowHost } from '@flowport/testing';
import assert from 'node:assert/strict';
import request from 'supertest';
import { serving } from './support/http';

class Row {
  @Field() n!: number;
}

@Controller('/rows')
class RowsController {
  @Get()
  @Action({ id: 'ListRows', summary: 'List rows', pageable: { nextLinkName: 'nextLink' } })
  @Returns(200, Page(Row))
  list(@Query('cursor', { type: String, required: false }) cursor: string | undefined): PageResult<Row> {
    const from = Number(cursor ?? 0);
    return page([{ n: from }], from < 2 ? String(from + 1) : undefined);
  }
}

const rowAdded = pollingTrigger({
  id: 'OnRowAdded',
  path: '/rows/added',
  summary: 'When a row is added',
  description: 'This operation triggers when a row is added.',
  batch: true,
  item: Row,
  poll: () => ({ items: [], cursor: '0' }),
});

const connector = new Connector({
  info: { title: 'Rows', description: 'A connector whose key travels in the query.', version: '1.0.0' },
  brandColor: '#123456',
  auth: apiKey({ in: 'query', name: 'code', label: 'Code' }),
  controllers: [RowsController],
  triggers: [rowAdded],
});

describe('an API key in the query', () => {
  const triggers = new TriggerRuntime({ store: new MemoryTriggerStore(), secret: 'query-key-test-secret-0123' });
  const app = createApp(connector, { docs: false, credentials: { apiKeys: ['k1'] }, triggers });

  it("is left out of the links the adapter builds: a page's next link and a polling Location", async () => {
    // Before, both carried ?code=k1: the key went into run history with the answer, and the
    // platform's call to the link, with the connection's key added, sent it twice.
    const first = await request(app).get('/rows?code=k1');
    assert.equal(first.status, 200);
    const next = new URL(first.body.nextLink);
    assert.deepEqual([...next.searchParams.keys()], ['cursor']);
    const poll = await request(app).get('/rows/added?code=k1');
    assert.equal(poll.status, 202);
    assert.deepEqual([...new URL(poll.headers.location).searchParams.keys()], ['cursor']);
    // Followed as the platform does, with the connection's key added.
    const second = await request(app).get(`${next.pathname}${next.search}&code=k1`);
    assert.deepEqual([second.status, second.body.value], [200, [{ n: 1 }]]);
  });

  it('is taken when a link that carried it is followed with it added again, and refused when the two differ', async () => {
    assert.equal((await request(app).get('/rows?cursor=1&code=k1&code=k1')).status, 200);
    assert.equal((await request(app).get('/rows?cursor=1&code=k1&code=k2')).status, 401);
  });

  describe('with FlowHost', () => {
    const live = serving(() => app);

    it("sends the connection's key in the query the definition names, to each call and each link it follows", async () => {
      // Before, FlowHost sent every connection value as a header: each call of a connector whose
      // key travels in the query was a 401, so none could be tested through it.
      const host = await FlowHost.start({
        api: live.url(),
        connection: { code: 'k1' },
        timeScale: 0,
        definition: connectorDefinition(resolve(connector)),
      });
      try {
        assert.deepEqual(await host.pages('ListRows'), { items: [{ n: 0 }, { n: 1 }, { n: 2 }], pages: 3 });
        await assert.rejects(
          host.poll('OnRowAdded', {}, { maxPolls: 2 }),
          /OnRowAdded did not answer 200 within 2 polls/,
        );
      } finally {
        await host.close();
      }
    });
  });
});
