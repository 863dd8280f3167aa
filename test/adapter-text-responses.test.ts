import { Action, Connector, Controller, described, Get, MemoryJobStore, Post, Query, Returns } from '@flowport/core';
import { createApp } from '@flowport/express-adapter';
import assert from 'node:assert/strict';
import request from 'supertest';

@Controller('/text')
class TextController {
  @Get('/greeting')
  @Action({ id: 'Greet', summary: 'Greet', produces: ['text/plain'] })
  @Returns(200, String)
  greet(@Query('name', { type: String, required: false }) name: string | undefined): string {
    return `Hello, "${name ?? 'you'}"\nhave a nice day`;
  }

  @Get('/report')
  @Action({ id: 'Report', summary: 'Report', produces: ['text/csv; charset=utf-8'] })
  @Returns(200, String)
  report(): string {
    return 'a,b\n1,2\n';
  }

  @Get('/json')
  @Action({ id: 'Quoted', summary: 'Quoted', produces: ['application/json', 'text/plain'] })
  @Returns(200, String)
  quoted(): string {
    return 'a "string" in JSON';
  }

  @Post('/later')
  @Action({ id: 'Later', summary: 'Later', produces: ['text/plain'], async: { retryAfter: 1, expiresAfter: 60 } })
  @Returns(200, String)
  async later(): Promise<string> {
    return 'done\nat last';
  }
}

const connector = new Connector({
  info: { title: 'Text', description: 'A connector whose actions answer text.', version: '1.0.0' },
  brandColor: '#123456',
  controllers: [TextController],
});

describe('answers declared as text', () => {
  const app = createApp(connector, { docs: false, jobs: { store: new MemoryJobStore() } });

  it('sends a string as the text the operation produces, not as a JSON string', async () => {
    // Before, the answer was application/json `"Hello, \"you\"\nhave a nice day"`: a flow reading
    // the declared text/plain got the quotes and the escapes.
    const res = await request(app).get('/text/greeting').buffer(true);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(res.text, 'Hello, "you"\nhave a nice day');
    const csv = await request(app).get('/text/report').buffer(true);
    assert.deepEqual([csv.headers['content-type'], csv.text], ['text/csv; charset=utf-8', 'a,b\n1,2\n']);
  });

  it('keeps JSON where the operation produces JSON', async () => {
    const res = await request(app).get('/text/json');
    assert.deepEqual(
      [res.headers['content-type'], res.body],
      ['application/json; charset=utf-8', 'a "string" in JSON'],
    );
  });

  it("sends an async action's text result as text too", async () => {
    const started = await request(app).post('/text/later');
    assert.equal(started.status, 202);
    const path = new URL(started.headers.location).pathname;
    let done = await request(app).get(path).buffer(true);
    for (let i = 0; i < 100 && done.status === 202; i++) {
      await new Promise((r) => setTimeout(r, 20));
      done = await request(app).get(path).buffer(true);
    }
    assert.deepEqual(
      [done.status, done.headers['content-type'], done.text],
      [200, 'text/plain; charset=utf-8', 'done\nat last'],
    );
  });

  it('checks a text answer against its declared schema when responses are validated', async () => {
    @Controller('/short')
    class ShortController {
      @Get()
      @Action({ id: 'Short', summary: 'Short', produces: ['text/plain'] })
      @Returns(200, described(String, { enum: ['short'] }))
      get(@Query('long', { type: Boolean, required: false }) long: boolean | undefined): string {
        return long ? 'long' : 'short';
      }
    }
    const checked = createApp(
      new Connector({
        info: { title: 'Short', description: 'A connector whose action answers one word.', version: '1.0.0' },
        brandColor: '#123456',
        controllers: [ShortController],
      }),
      { docs: false, validateResponses: true, logger: { error: () => undefined } },
    );
    const ok = await request(checked).get('/short').buffer(true);
    assert.deepEqual([ok.status, ok.text], [200, 'short']);
    const wrong = await request(checked).get('/short?long=true');
    assert.equal(wrong.status, 500);
    assert.deepEqual(wrong.body.errors, [{ pointer: '/response', message: 'must be one of "short"', code: 'enum' }]);
  });
});
