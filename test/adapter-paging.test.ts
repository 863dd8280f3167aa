import {
  Action,
  Connector,
  connectorDefinition,
  Controller,
  Field,
  Get,
  Page,
  Query,
  resolve,
  Returns,
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
  list(@Query('from', { type: String, required: false }) from: string | undefined): PageResult<Row> {
    const at = Number(from ?? 0);
    // page()'s cursor goes in "cursor", a parameter this operation does not declare.
    return page([{ n: at }], at < 2 ? String(at + 1) : undefined);
  }

  @Get('/named')
  @Action({ id: 'ListNamedRows', summary: 'List named rows', pageable: { nextLinkName: 'nextLink' } })
  @Returns(200, Page(Row))
  named(@Query('from', { type: String, required: false }) from: string | undefined): PageResult<Row> {
    const at = Number(from ?? 0);
    return page([{ n: at }], at < 2 ? String(at + 1) : undefined, 'from');
  }

  @Get('/stuck')
  @Action({ id: 'ListStuckRows', summary: 'List stuck rows', pageable: { nextLinkName: 'nextLink' } })
  @Returns(200, Page(Row))
  stuck(@Query('cursor', { type: String, required: false }) cursor: string | undefined): PageResult<Row> {
    // A handler that never moves on: its next link is the link it was called with.
    return page([{ n: Number(cursor ?? 0) }], '0');
  }
}

const connector = new Connector({
  info: { title: 'Rows', description: 'A connector whose rows come in pages.', version: '1.0.0' },
  brandColor: '#123456',
  controllers: [RowsController],
});

describe('paging: the query parameter that carries the cursor', () => {
  const logged: string[] = [];
  const app = createApp(connector, {
    docs: false,
    logger: { error: (message, details) => logged.push(`${message} ${JSON.stringify(details)}`) },
  });

  it('is one the operation declares; a page naming another is a logged 500, not a link back to page one', async () => {
    // Before, the next link carried ?cursor=1, which the handler never saw: every page was the
    // first, and a flow following the links looped until the platform's own limit.
    const res = await request(app).get('/rows');
    assert.equal(res.status, 500);
    assert.equal(logged.length, 1);
    assert.match(
      logged[0],
      /ListRows answered a page whose next link carries its cursor in the query parameter \\"cursor\\", which ListRows does not declare/,
    );
    assert.match(logged[0], /@Query\('cursor'/);
  });

  it('is followed to the last page when the page names it', async () => {
    const seen: number[] = [];
    let next: string | undefined = '/rows/named';
    while (next) {
      const res = await request(app).get(next);
      assert.equal(res.status, 200, res.text);
      seen.push(...(res.body.value as Row[]).map((r) => r.n));
      next =
        res.body.nextLink === undefined
          ? undefined
          : new URL(res.body.nextLink as string).pathname + new URL(res.body.nextLink as string).search;
    }
    assert.deepEqual(seen, [0, 1, 2]);
  });

  describe('followed by FlowHost', () => {
    const live = serving(() => app);

    it('reads every page, and fails on a next link back to a page it read, where the designer would loop', async () => {
      const host = await FlowHost.start({ api: live.url(), definition: connectorDefinition(resolve(connector)) });
      try {
        assert.deepEqual(await host.pages('ListNamedRows'), { items: [{ n: 0 }, { n: 1 }, { n: 2 }], pages: 3 });
        await assert.rejects(host.pages('ListStuckRows'), /ListStuckRows page 2 links back to a page already read/);
      } finally {
        await host.close();
      }
    });
  });
});
