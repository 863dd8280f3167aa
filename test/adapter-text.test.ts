import {
  Action,
  Body,
  Connector,
  Controller,
  described,
  Get,
  MemoryJobStore,
  Post,
  Query,
  Returns,
} from '@flowport/core';
import { createApp, listen, urlOf } from '@flowport/express-adapter';
import { FlowHost } from '@flowport/testing';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
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

  @Get('/export')
  @Action({ id: 'Export', summary: 'Export', produces: ['text/csv'] })
  @Returns(200, String)
  export(@Query('stream', { type: Boolean, required: false }) stream: boolean | undefined): unknown {
    return stream ? Readable.from([Buffer.from('a,b\n'), Buffer.from('1,2\n')]) : Buffer.from('a,b\n1,2\n');
  }

  @Get('/json')
  @Action({ id: 'Quoted', summary: 'Quoted', produces: ['application/json', 'text/plain'] })
  @Returns(200, String)
  quoted(): string {
    return 'a "string" in JSON';
  }

  @Post('/echo')
  @Action({ id: 'Echo', summary: 'Echo', consumes: ['text/plain'], produces: ['text/plain'] })
  @Returns(200, String)
  echo(@Body({ type: String }) text: string): string {
    return `${typeof text}: ${text}`;
  }

  @Post('/either')
  @Action({ id: 'Either', summary: 'Either', consumes: ['application/json', 'application/xml'] })
  @Returns(200, String)
  either(@Body({ type: String }) text: string): string {
    return text;
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

describe('bodies and answers declared as text', () => {
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

  it('reads a string body the operation consumes as text, and refuses JSON it does not declare', async () => {
    // Before, a body was read as JSON only: "Send the body as text/plain; got text/plain" (415),
    // while a JSON string got through.
    const plain = await request(app).post('/text/echo').set('content-type', 'text/plain').send('a\nb').buffer(true);
    assert.deepEqual([plain.status, plain.text], [200, 'string: a\nb']);
    const latin1 = await request(app)
      .post('/text/echo')
      .set('content-type', 'text/plain; charset=iso-8859-1')
      .send(Buffer.from('caf\xe9', 'latin1'))
      .buffer(true);
    assert.deepEqual([latin1.status, latin1.text], [200, 'string: café']);
    // Before, body-parser's own words: 'unsupported charset "KLINGON"'.
    const unknown = await request(app).post('/text/echo').set('content-type', 'text/plain; charset=klingon').send('a');
    assert.deepEqual(
      [unknown.status, unknown.body.detail],
      [415, 'Send the body in UTF-8 or another charset this API knows; it does not know klingon.'],
    );
    const json = await request(app).post('/text/echo').set('content-type', 'application/json').send('"a"');
    assert.deepEqual([json.status, json.body.detail], [415, 'Send the body as text/plain; got application/json.']);
    // JSON and text declared: each is read as what it is.
    const xml = await request(app).post('/text/either').set('content-type', 'application/xml').send('<a>1</a>');
    assert.deepEqual([xml.status, xml.body], [200, '<a>1</a>']);
    const quoted = await request(app).post('/text/either').set('content-type', 'application/json').send('"<a/>"');
    assert.deepEqual([quoted.status, quoted.body], [200, '<a/>']);
    const other = await request(app).post('/text/either').set('content-type', 'text/csv').send('a,b');
    assert.deepEqual(
      [other.status, other.body.detail],
      [415, 'Send the body as application/json or application/xml; got text/csv.'],
    );
  });

  it('refuses a text body whose bytes are not text in its Unicode charset, rather than change the text', async () => {
    // Before, each such byte reached the handler as U+FFFD: "string: caf\ufffd", and 200.
    const latin1AsUtf8 = await request(app)
      .post('/text/echo')
      .set('content-type', 'text/plain; charset=utf-8')
      .send(Buffer.from('caf\xe9', 'latin1'));
    assert.equal(latin1AsUtf8.status, 400, latin1AsUtf8.text);
    assert.deepEqual(latin1AsUtf8.body.errors, [
      {
        pointer: '/body',
        message: 'has bytes that are not UTF-8 from byte 3: read as text, they would be replaced, and the text changed',
        code: 'encoding',
      },
    ]);
    const loneSurrogate = await request(app)
      .post('/text/echo')
      .set('content-type', 'text/plain; charset=utf-16le')
      .send(Buffer.from([0x61, 0x00, 0x00, 0xd8, 0x62, 0x00]));
    assert.deepEqual([loneSurrogate.status, loneSurrogate.body.detail], [400, 'The body is not valid UTF-16LE.']);
    const utf16 = await request(app)
      .post('/text/echo')
      .set('content-type', 'text/plain; charset=utf-16le')
      .send(Buffer.from('café', 'utf16le'))
      .buffer(true);
    assert.deepEqual([utf16.status, utf16.text], [200, 'string: café']);
  });

  it('sends a string as text to an action that takes text, from FlowHost as the engine does', async () => {
    const server = await listen(createApp(connector, { jobs: { store: new MemoryJobStore() } }), 0, '127.0.0.1');
    const host = await FlowHost.start({ api: urlOf(server) });
    try {
      const res = await host.action('Echo', 'from a flow');
      assert.deepEqual([res.status, res.body], [200, 'string: from a flow']);
    } finally {
      await host.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('labels bytes or a stream a text operation answers as its text type', async () => {
    for (const path of ['/text/export', '/text/export?stream=true']) {
      const res = await request(app).get(path).buffer(true);
      assert.deepEqual(
        [res.status, res.headers['content-type'], res.text],
        [200, 'text/csv; charset=utf-8', 'a,b\n1,2\n'],
      );
    }
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
