import { Action, Connector, Controller, Get, Query, Returns } from '@flowport/core';
import { createApp } from '@flowport/express-adapter';
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
  ): unknown {
    if (forgotten) return undefined;
    return broken ? { id: 7, count: 'many', extra: true } : { id: 'a', count: 1 };
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

  it('is off by default', async () => {
    assert.equal((await request(unchecked).get('/items?broken=true')).status, 200);
  });
});
