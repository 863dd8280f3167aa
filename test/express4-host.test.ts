import { Action, Connector, Controller, Field, Get, Query, Returns, apiKey } from '@flowport/core';
import { createApp, createRouter } from '@flowport/express-adapter';
import express, { type RequestHandler } from 'express';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import request from 'supertest';
import { BindingController } from './fixtures/binding-api';

/** The part of an Express 4 app these tests use (the package is installed as `express4`). */
interface Express4App {
  (req: IncomingMessage, res: ServerResponse): void;
  use(...handlers: unknown[]): Express4App;
  get(path: string, handler: RequestHandler): Express4App;
}
interface Express4 {
  (): Express4App;
  json(): unknown;
  urlencoded(options: { extended: boolean }): unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const express4 = require('express4') as Express4;

const connector = new Connector({
  info: { title: 'Binding', description: 'A connector that takes JSON bodies.', version: '1.0.0' },
  brandColor: '#123456',
  controllers: [BindingController],
});

/**
 * Many API teams have an Express 4 app already; the router Flowport gives is mounted in it. Its
 * request and response objects, its query parser (qs) and its body-parser 1, which sets `req.body`
 * to `{}` for a request it does not parse, differ from Express 5's.
 */
function express4Host(parsersAhead: boolean): Express4App {
  const app = express4();
  if (parsersAhead) app.use(express4.json(), express4.urlencoded({ extended: true }));
  app.use('/api', createRouter(connector));
  app.get('/own', (_req, res) => void res.json({ own: true }));
  return app;
}

describe('the router mounted in an Express 4 app', () => {
  for (const parsersAhead of [false, true]) {
    describe(parsersAhead ? "behind the app's own body parsers" : 'ahead of any body parser', () => {
      const app = express4Host(parsersAhead);

      it('binds and checks path, query and body as under Express 5', async () => {
        const part = await request(app).get('/api/bind/items/7/parts/a%252Fb?top=3&ids=1,2&flag=true');
        assert.equal(part.status, 200, part.text);
        assert.deepEqual(part.body.echoed, { id: 7, part: 'a/b', top: 3, ids: [1, 2], flag: true });
        const order = await request(app)
          .post('/api/bind/orders')
          .send({ customer: 'c', lines: [{ sku: 's', quantity: 2 }] });
        assert.equal(order.status, 201, order.text);
        assert.equal(order.body.echoed.isOrder, true);
        assert.deepEqual(order.body.echoed.totals, [4]);
      });

      it('answers what it refuses with problem+json, and lets the app serve the rest', async () => {
        const bad = await request(app)
          .post('/api/bind/orders')
          .send({ customer: 'c', lines: [{ sku: 's' }] });
        assert.equal(bad.status, 400);
        assert.match(bad.headers['content-type'], /^application\/problem\+json/);
        assert.deepEqual(
          bad.body.errors.map((e: { pointer: string }) => e.pointer),
          ['/body/lines/0/quantity'],
        );
        const repeated = await request(app).get('/api/bind/items/7/parts/p?top=3&top=4');
        assert.equal(repeated.status, 400);
        assert.equal(repeated.body.errors[0].code, 'repeated');
        const empty = await request(app).post('/api/bind/orders').type('application/json').send('');
        assert.equal(empty.status, 400);
        assert.equal(empty.body.errors[0].message, 'a request body is required');
        const text = await request(app).post('/api/bind/orders').type('text/plain').send('customer');
        assert.equal(text.status, 415);
        assert.equal((await request(app).get('/own')).status, 200);
        assert.equal((await request(app).get('/api/nothing')).status, 404);
      });
    });
  }
});

class Listed {
  @Field() status!: string;
  @Field({ type: 'integer' }) size!: number;
}

@Controller('/tickets')
class TicketsController {
  @Get('/')
  @Action({ id: 'ListTickets', summary: 'List tickets' })
  @Returns(200, Listed)
  list(
    @Query('filter[status]', { required: true }) status: string,
    @Query('page[size]', { type: 'integer', required: false }) size: number | undefined,
  ): Listed {
    return { status, size: size ?? 0 };
  }
}

const tickets = new Connector({
  info: { title: 'Tickets', description: 'A connector whose query names have brackets.', version: '1.0.0' },
  brandColor: '#123456',
  auth: apiKey({ in: 'query', name: 'code', label: 'Key' }),
  controllers: [TicketsController],
});

describe("query parameters named with brackets, under the host app's own query parser", () => {
  // qs, the "extended" parser (Express 4's default, and Express 5's when set), reads
  // `filter[status]=open` as { filter: { status: 'open' } }. Before, the required parameter was
  // missing (a 400 for a request that sent it) and an optional one reached its handler as undefined.
  const credentials = { apiKeys: ['k1'] };
  const hosts = {
    'Express 4': () => express4().use(createRouter(tickets, { credentials })),
    'Express 5 set to "extended"': () =>
      express().set('query parser', 'extended').use(createRouter(tickets, { credentials })),
  };
  for (const [name, host] of Object.entries(hosts)) {
    it(`reads them by the names the connector declares, in ${name}`, async () => {
      const app = host();
      const listed = await request(app).get('/tickets?code=k1&filter[status]=open&page%5Bsize%5D=20');
      assert.equal(listed.status, 200, listed.text);
      assert.deepEqual(listed.body, { status: 'open', size: 20 });
      // The key is the string given, not what qs makes of `code[x]`.
      const nested = await request(app).get('/tickets?code[x]=k1&filter[status]=open');
      assert.equal(nested.status, 401);
    });
  }

  it('ends the query at a fragment a client sends, as Express read it', async () => {
    // A client keeps its fragment; one written into the request line anyway is not the value's.
    const server = createApp(tickets, { docs: false, credentials }).listen(0);
    try {
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<string>((resolve, reject) => {
        let text = '';
        const socket = connect(port, '127.0.0.1', () =>
          socket.write('GET /tickets?code=k1&filter[status]=open#top HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
        );
        socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      assert.match(answer, /^HTTP\/1\.1 200 /);
      assert.deepEqual(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)), { status: 'open', size: 0 });
    } finally {
      server.close();
    }
  });
});
