import { Action, Body, Connector, Controller, Field, Get, Header, Post, Query, Returns, resolve } from '@flowport/core';
import { createApp } from '@flowport/express-adapter';
import { validatorsModule } from '@flowport/express-adapter/dist/validation/standalone';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { scratch } from './support/tmp';

class Order {
  @Field() item!: string;
  @Field({ required: false, default: 1 }) quantity?: number;
  @Field({ required: false, default: '2024-01-02T00:00:00Z' }) due?: Date;
  @Field({ required: false, type: [String], default: ['new'] }) labels?: string[];
  @Field({ default: 'EUR' }) currency!: string;
}

@Controller('/defaults')
class DefaultsController {
  @Get('/list')
  @Action({ id: 'ListOrders', summary: 'List orders', description: 'Lists orders, a page at a time.' })
  @Returns(200, 'object')
  list(
    @Query('top', { required: false, type: Number, default: 20 }) top: number | undefined,
    @Query('since', { required: false, type: Date, default: '2024-01-01T00:00:00Z' }) since: Date | undefined,
    @Query('ids', { required: false, type: [Number], default: [1, 2] }) ids: number[] | undefined,
    @Header('api-version', { visibility: 'internal', required: true, default: '2024-01-01' }) version: string,
  ): object {
    const seen = { top, since: since instanceof Date ? since.toISOString() : since, ids: [...(ids ?? [])], version };
    ids?.push(99); // a handler that changes its default must not change the next request's
    return seen;
  }

  @Get('/page')
  @Action({ id: 'GetPage', summary: 'Get page', description: 'Gets one page of orders.' })
  @Returns(200, 'object')
  page(
    @Query('page', { type: 'integer', required: false, allowEmptyValue: true, default: 1 }) page: number,
    @Query('size', { type: 'integer', required: false, default: 10 }) size: number,
    @Query('tags', { type: [String], required: false, allowEmptyValue: true, default: ['all'] }) tags: string[],
  ): object {
    return { page, size, tags };
  }

  @Post('/orders')
  @Action({ id: 'PlaceOrder', summary: 'Place order', description: 'Places an order.' })
  @Returns(200, 'object')
  place(@Body() order: Order): object {
    const seen = {
      ...order,
      labels: order.labels && [...order.labels],
      due: order.due instanceof Date ? `Date ${order.due.toISOString()}` : order.due,
    };
    order.labels?.push('changed');
    return seen;
  }
}

const connector = new Connector({
  info: { title: 'Defaults', description: 'A connector whose optional values have defaults.', version: '1.0.0' },
  brandColor: '#123456',
  controllers: [DefaultsController],
});

/** What each app must answer: the same whether its validators are compiled at run time or ahead. */
function behavesAsPublished(app: () => ReturnType<typeof createApp>): void {
  it('hands an optional parameter that is left out to the handler as its default, typed as declared', async () => {
    // Before, the handler got undefined though the definition said the server uses the default.
    for (let i = 0; i < 2; i++) {
      const res = await request(app()).get('/defaults/list').set('api-version', '2024-06-01');
      assert.deepEqual(
        [res.status, res.body],
        [200, { top: 20, since: '2024-01-01T00:00:00.000Z', ids: [1, 2], version: '2024-06-01' }],
      );
    }
    const given = await request(app()).get('/defaults/list?top=5&ids=7').set('api-version', '2024-06-01');
    assert.deepEqual([given.status, given.body.top, given.body.ids], [200, 5, [7]]);
  });

  it('takes an empty value of a parameter that allows one (allowEmptyValue) as left out', async () => {
    // Before, `?page=` was "must be integer" although the definition allows an empty value.
    const empty = await request(app()).get('/defaults/page?page=');
    assert.deepEqual([empty.status, empty.body], [200, { page: 1, size: 10, tags: ['all'] }]);
    // A list can be empty, as it is without allowEmptyValue: before, the option made it the default.
    const none = await request(app()).get('/defaults/page?tags=');
    assert.deepEqual([none.status, none.body], [200, { page: 1, size: 10, tags: [] }]);
    const refused = await request(app()).get('/defaults/page?size=');
    assert.deepEqual(
      [refused.status, refused.body.errors],
      [400, [{ pointer: '/query/size', message: 'must be integer', code: 'type' }]],
    );
  });

  it('still refuses a required parameter or property that is left out, default or not', async () => {
    const header = await request(app()).get('/defaults/list');
    assert.equal(header.status, 400);
    assert.deepEqual(header.body.errors, [
      { pointer: '/header/api-version', message: 'is required', code: 'required' },
    ]);
    const body = await request(app()).post('/defaults/orders').send({ item: 'pen' });
    assert.equal(body.status, 400);
    assert.deepEqual(body.body.errors, [{ pointer: '/body/currency', message: 'is required', code: 'required' }]);
  });

  it('fills in the defaults of body properties, a Date as a Date, a fresh list each time', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await request(app()).post('/defaults/orders').send({ item: 'pen', currency: 'USD' });
      assert.deepEqual(
        [res.status, res.body],
        [200, { item: 'pen', quantity: 1, due: 'Date 2024-01-02T00:00:00.000Z', labels: ['new'], currency: 'USD' }],
      );
    }
    const given = await request(app()).post('/defaults/orders').send({ item: 'pen', currency: 'USD', quantity: 3 });
    assert.equal(given.body.quantity, 3);
  });
}

describe('defaults of optional parameters and properties', () => {
  const app = createApp(connector, { docs: false, validateResponses: true });
  behavesAsPublished(() => app);

  it('publishes every default, the required ones too, for the designer to fill in', async () => {
    const definition = JSON.parse(
      (await request(createApp(connector)).get('/connector/apiDefinition.swagger.json')).text,
    );
    const parameters = definition.paths['/defaults/list'].get.parameters;
    assert.deepEqual(
      parameters.map((p: { name: string; default?: unknown }) => [p.name, p.default]),
      [
        ['top', 20],
        ['since', '2024-01-01T00:00:00Z'],
        ['ids', [1, 2]],
        ['api-version', '2024-01-01'],
      ],
    );
    assert.equal(definition.definitions.Order.properties.currency.default, 'EUR');
  });

  describe('with precompiled validators (flowport build --validators)', () => {
    // Made in a hook, not here: a filtered run (--grep) defines this suite without running its
    // hooks, and before, each such run left the folder behind.
    let tmp: ReturnType<typeof scratch> | undefined;
    after(() => tmp?.cleanup());
    const logged: string[] = [];
    let precompiled: ReturnType<typeof createApp>;
    before(() => {
      tmp = scratch();
      const file = join(tmp.dir, 'validators.js');
      writeFileSync(file, validatorsModule(resolve(connector)));
      precompiled = createApp(connector, {
        docs: false,
        precompiledValidators: file,
        logger: { error: (message) => logged.push(message) },
      });
    });
    behavesAsPublished(() => precompiled);
    it('uses them', () => assert.deepEqual(logged, []));
  });
});
