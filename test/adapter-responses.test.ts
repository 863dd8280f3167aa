import { Action, Connector, Controller, Field, Get, MemoryJobStore, Post, Query, Returns } from '@flowport/core';
import { createApp, reply } from '@flowport/express-adapter';
import { IsInt, IsString } from 'class-validator';
import assert from 'node:assert/strict';
import request from 'supertest';

class Item {
  @IsString() id!: string;
  @IsInt() count!: number;
}

@Controller('/items')
class ItemsController {
  @Get()
  @Action({ id: 'GetItem', summary: 'Get item' })
  @Returns(200, Item)
  get(
    @Query('broken', { type: Boolean }) broken: boolean | undefined,
    @Query('forgotten', { type: Boolean }) forgotten: boolean | undefined,
    @Query('status', { type: 'integer' }) status: number | undefined,
    @Query('written', { type: String, enum: ['valid', 'wrong', 'garbled'] }) written: string | undefined,
    @Query('stringified', { type: Boolean }) stringified: boolean | undefined,
  ): unknown {
    if (forgotten) return undefined;
    if (stringified) return JSON.stringify({ id: 'a', count: 1 });
    // JSON written ahead of time, as a cache keeps it.
    const ahead: Record<string, string> = { valid: '{"id":"a","count":1}', wrong: '{"id":"a"}', garbled: '{"id":' };
    if (written) return Buffer.from(ahead[written]);
    if (status !== undefined) return reply(status, { id: 'a', count: 1 });
    return broken ? { id: 7, count: 'many', extra: true } : { id: 'a', count: 1 };
  }

  @Get('/fallback')
  @Action({ id: 'GetWithDefault', summary: 'Get with a default answer' })
  @Returns(200, Item)
  @Returns('default', Item)
  fallback(@Query('status', { type: 'integer' }) status: number): unknown {
    return reply(status, status === 299 ? { id: 1 } : { id: 'a', count: 1 });
  }
}

const connector = new Connector({
  info: { title: 'Responses', description: 'A connector whose handler can lie about its output.', version: '1.0.0' },
  brandColor: '#123456',
  controllers: [ItemsController],
});

describe('response validation (opt-in, for development and tests)', () => {
  const checked = createApp(connector, { docs: false, validateResponses: true });
  const unchecked = createApp(connector, { docs: false });

  it('lets an answer that matches its declared schema through', async () => {
    const res = await request(checked).get('/items');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { id: 'a', count: 1 });
  });

  it('turns an answer that does not match into a 500 naming each mismatch', async () => {
    const res = await request(checked).get('/items?broken=true');
    assert.equal(res.status, 500);
    assert.match(res.body.detail, /The response of GetItem does not match its declared 200 schema/);
    assert.deepEqual(res.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`).sort(), [
      '/response/count type',
      '/response/extra additionalProperties',
      '/response/id type',
    ]);
  });

  it('turns an empty answer where a body is declared into a 500', async () => {
    // A handler that forgot to return: before, an empty 200 went through unchecked.
    const res = await request(checked).get('/items?forgotten=true');
    assert.equal(res.status, 500);
    assert.deepEqual(res.body.errors, [
      { pointer: '/response', message: 'is empty; 200 declares a body', code: 'required' },
    ]);
  });

  it('turns an answer of a status the definition does not declare into a 500, unless it declares a default', async () => {
    // Before, reply(201, …) or reply(418, …) went through unchecked: the platform reads an answer
    // by its declared status, and a flow cannot use one it was never told of.
    for (const status of [201, 418]) {
      const res = await request(checked).get(`/items?status=${status}`);
      assert.deepEqual(
        [res.status, res.body.detail, res.body.errors],
        [
          500,
          `The response of GetItem has status ${status}, which its definition does not declare.`,
          [{ pointer: '/response', message: `has status ${status}, which is not declared`, code: 'status' }],
        ],
      );
    }
    // A declared error status Flowport adds (400) is declared; a default takes any other status.
    assert.equal((await request(checked).get('/items?status=400')).status, 400);
    assert.equal((await request(checked).get('/items/fallback?status=201')).status, 201);
    const wrong = await request(checked).get('/items/fallback?status=299');
    assert.equal(wrong.status, 500);
    assert.match(wrong.body.detail, /does not match its declared 299 schema/);
  });

  it('checks JSON a handler answers as bytes it wrote ahead, and sends it as it is', async () => {
    // Before, bytes went out unchecked: a cached answer that no longer matched its schema, or was no JSON.
    const valid = await request(checked).get('/items?written=valid');
    assert.deepEqual([valid.status, valid.type, valid.text], [200, 'application/json', '{"id":"a","count":1}']);
    const wrong = await request(checked).get('/items?written=wrong');
    assert.deepEqual(
      [wrong.status, wrong.body.errors],
      [500, [{ pointer: '/response/count', message: 'is required', code: 'required' }]],
    );
    const garbled = await request(checked).get('/items?written=garbled');
    assert.deepEqual(
      [garbled.status, garbled.body.errors],
      [500, [{ pointer: '/response', message: 'is not JSON', code: 'type' }]],
    );
    // Read as the text it is: supertest would parse the JSON, and fail.
    const sent = await request(unchecked)
      .get('/items?written=garbled')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      });
    assert.deepEqual([sent.status, sent.body], [200, '{"id":']);
  });

  it('without it, logs once a handler that returned nothing where a body is declared', async () => {
    // Before, the empty 200 went out without a word: the flow read every output as missing.
    const logged: [string, Readonly<Record<string, unknown>>][] = [];
    const app = createApp(connector, { docs: false, logger: { error: (m, d) => logged.push([m, d]) } });
    for (let i = 0; i < 2; i++) {
      const res = await request(app).get('/items?forgotten=true');
      assert.deepEqual([res.status, res.text], [200, '']);
    }
    assert.deepEqual(logged, [
      [
        'flowport: GetItem answered 200 without the body it declares (logged once)',
        { operation: 'GetItem', hint: 'return the body, or declare the answer without one (@Returns(204))' },
      ],
    ]);
  });

  it('without it, logs once a handler that returned a string where an object is declared', async () => {
    // Before, JSON.stringify(value) returned went out as a JSON string without a word, and the flow
    // read text where it was promised the item's properties.
    const logged: [string, Readonly<Record<string, unknown>>][] = [];
    const app = createApp(connector, { docs: false, logger: { error: (m, d) => logged.push([m, d]) } });
    for (let i = 0; i < 2; i++) {
      const res = await request(app).get('/items?stringified=true');
      assert.deepEqual([res.status, res.body], [200, '{"id":"a","count":1}']);
    }
    assert.deepEqual(
      logged.map(([m]) => m),
      ['flowport: GetItem answered 200 with a string where it declares an object (logged once)'],
    );
    // Checked, it is the 500 that names the type.
    const res = await request(checked).get('/items?stringified=true');
    assert.deepEqual([res.status, res.body.errors?.[0]?.code], [500, 'type']);
  });

  it('is off by default', async () => {
    assert.equal((await request(unchecked).get('/items?broken=true')).status, 200);
  });
});

describe('answers that hold a Map or a Set', () => {
  class Tally {
    @Field({ summary: 'Counts', additionalProperties: Number }) counts!: Map<string, number>;
    @Field({ summary: 'Tags', type: [String] }) tags!: string[];
  }
  @Controller('/tally')
  class TallyController {
    @Get()
    @Action({ id: 'GetTally', summary: 'Get tally' })
    @Returns(200, Tally)
    get(@Query('odd', { type: Boolean }) odd: boolean | undefined): unknown {
      if (odd) return { counts: new Map([[{ key: 1 }, 1]]), tags: new Set() };
      return {
        counts: new Map([
          ['a', 1],
          ['b', 2],
        ]),
        tags: new Set(['x', 'y']),
      };
    }
  }
  const tally = new Connector({
    info: { title: 'Tally', description: 'A connector whose handler answers with collections.', version: '1.0.0' },
    brandColor: '#123456',
    controllers: [TallyController],
  });

  it('writes a Map as the object of its entries and a Set as the list of its values', async () => {
    // Before, JSON wrote both as {}: the answer lost all it held, and a dictionary's {} even passed
    // response validation.
    const res = await request(createApp(tally, { docs: false, validateResponses: true })).get('/tally');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, { counts: { a: 1, b: 2 }, tags: ['x', 'y'] });
  });

  it('answers a Map whose keys JSON cannot write with a logged 500, not an empty object', async () => {
    const logged: string[] = [];
    const app = createApp(tally, { docs: false, logger: { error: (message) => logged.push(message) } });
    const res = await request(app).get('/tally?odd=true');
    assert.equal(res.status, 500);
    assert.equal(logged.length, 1);
  });
});

describe('response validation of declared headers', () => {
  @Controller('/stock')
  class StockController {
    @Get()
    @Action({ id: 'GetStock', summary: 'Get the stock' })
    @Returns(200, [String], {
      headers: {
        'X-Total-Count': { type: 'integer', description: 'How many there are' },
        'X-Exact': { type: 'boolean' },
        'X-Note': { type: 'string' },
      },
    })
    list(@Query('total', { type: String }) total: string | undefined): unknown {
      return reply(200, ['a'], {
        ...(total === undefined ? {} : { 'X-Total-Count': total }),
        'X-Exact': 'true',
        'X-Note': 'anything',
      });
    }
  }
  const stock = new Connector({
    info: { title: 'Stock', description: 'A connector whose answers carry typed headers.', version: '1.0.0' },
    brandColor: '#123456',
    controllers: [StockController],
  });
  const checked = createApp(stock, { docs: false, validateResponses: true, logger: { error: () => undefined } });

  it('turns a declared integer header sent as another value into a 500 naming it', async () => {
    // Before, only the body was checked: a flow reading X-Total-Count as the integer the
    // definition promised got "many".
    const res = await request(checked).get('/stock?total=many');
    assert.equal(res.status, 500);
    assert.deepEqual(res.body.errors, [
      { pointer: '/headers/X-Total-Count', message: 'must be an integer', code: 'type' },
    ]);
  });

  it('takes a header of its declared type, and one the answer leaves out', async () => {
    const sent = await request(checked).get('/stock?total=12');
    assert.deepEqual([sent.status, sent.headers['x-total-count'], sent.body], [200, '12', ['a']]);
    assert.equal((await request(checked).get('/stock')).status, 200);
    // Unchecked, the header goes out as the handler wrote it.
    const unchecked = await request(createApp(stock, { docs: false })).get('/stock?total=many');
    assert.deepEqual([unchecked.status, unchecked.headers['x-total-count']], [200, 'many']);
  });
});

describe("response validation of a long-running action's declared headers", () => {
  @Controller('/counts')
  class CountsController {
    @Post()
    @Action({ id: 'CountAll', summary: 'Count everything', async: { retryAfter: 1 } })
    @Returns(200, [String], { headers: { 'X-Total-Count': { type: 'integer' } } })
    async count(@Query('total', { type: String }) total: string): Promise<unknown> {
      return reply(200, ['a'], { 'X-Total-Count': total });
    }
  }
  const counts = new Connector({
    info: { title: 'Counts', description: 'A connector whose long-running action answers headers.', version: '1.0.0' },
    brandColor: '#123456',
    controllers: [CountsController],
  });

  it('fails the job with a 500 naming the header, as a synchronous answer is', async () => {
    const app = createApp(counts, {
      docs: false,
      validateResponses: true,
      jobs: { store: new MemoryJobStore() },
      logger: { error: () => undefined },
    });
    const result = async (total: string) => {
      const started = await request(app).post(`/counts?total=${total}`);
      assert.equal(started.status, 202, started.text);
      const path = new URL(started.headers.location).pathname;
      for (let i = 0; i < 100; i++) {
        const polled = await request(app).get(path);
        if (polled.status !== 202) return polled;
        await new Promise((done) => setTimeout(done, 10));
      }
      throw new Error('the job still runs');
    };
    const wrong = await result('many');
    assert.equal(wrong.status, 500);
    assert.deepEqual(wrong.body.errors, [
      { pointer: '/headers/X-Total-Count', message: 'must be an integer', code: 'type' },
    ]);
    const right = await result('3');
    assert.deepEqual([right.status, right.headers['x-total-count']], [200, '3']);
  });
});
