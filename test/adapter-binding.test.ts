import {
  Action,
  Body,
  Connector,
  connectorDefinition,
  Controller,
  Get,
  Post,
  Query,
  resolve,
  Returns,
  Schema,
} from '@flowport/core';
import { createApp } from '@flowport/express-adapter';
import { IsString } from 'class-validator';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { get, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib, { gzipSync } from 'node:zlib';
import request from 'supertest';
import { BindingController, OpenController } from './fixtures/binding-api';

const base = {
  info: { title: 'Binding', description: 'A connector that exercises request binding.', version: '1.0.0' },
  brandColor: '#123456',
};
const logged: { message: string; details: Record<string, unknown> }[] = [];
const app = createApp(new Connector({ ...base, controllers: [BindingController] }), {
  docs: false,
  logger: { error: (message, details) => logged.push({ message, details: { ...details } }) },
});

interface Answer {
  readonly echoed?: { readonly tags?: string[]; readonly cookie?: string };
  readonly errors?: unknown[];
}

/** A GET with header lines as given, repeated names too (supertest sends one line per name). */
async function getWithHeaderLines(path: string, lines: string[]): Promise<{ status: number; body: Answer }> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const res = await new Promise<IncomingMessage>((done, fail) =>
      // Given as a list, headers are sent as they are: Host too, or Node's server answers 400.
      get({ port, path, headers: ['Host', 'localhost', ...lines] as unknown as OutgoingHttpHeaders }, done).on(
        'error',
        fail,
      ),
    );
    let text = '';
    for await (const chunk of res) text += chunk;
    return { status: res.statusCode!, body: JSON.parse(text) as Answer };
  } finally {
    server.close();
  }
}

describe('binding, coercion and replies', () => {
  it('coerces path, query and header strings to the declared types', async () => {
    const res = await request(app).get('/bind/items/42/parts/a%252Fb?top=3&ids=1,2,3&flag=true').set('X-Trace', 'beef');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.echoed, { id: 42, part: 'a/b', top: 3, ids: [1, 2, 3], flag: true, trace: 'beef' });
  });

  it('answers malformed percent-encoding with 400, also in a double-encoded path parameter', async () => {
    const single = await request(app).get('/bind/items/1/parts/%E0%A4%A');
    // Before, the router's "Failed to decode param '%E0%A4%A'".
    assert.deepEqual(
      [single.status, single.body.detail],
      [400, 'A path parameter is not percent-encoded UTF-8: %E0%A4%A does not decode.'],
    );
    const double = await request(app).get('/bind/items/1/parts/%25E0%25A4%25A');
    assert.equal(double.status, 400);
    assert.deepEqual(double.body.errors, [
      { pointer: '/path/part', message: 'is not valid double percent-encoding', code: 'urlEncoding' },
    ]);
  });

  it('says a parameter of one value was given several times, and takes repeats of a list', async () => {
    // Before, `?top=1&top=2` was answered "must be integer".
    const res = await request(app).get('/bind/items/1/parts/p?top=1&top=2&flag=true&flag=false');
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors, [
      { pointer: '/query/top', message: 'is given 2 times; it takes one value', code: 'repeated' },
      { pointer: '/query/flag', message: 'is given 2 times; it takes one value', code: 'repeated' },
    ]);
    const list = await request(app).get('/bind/items/1/parts/p?ids=1&ids=2,3').set('X-Trace', 'beef');
    assert.deepEqual([list.status, list.body.echoed.ids], [200, [1, 2, 3]]);
    // Every value, past the 1,000 pairs Express's query parser keeps: before, the handler got the
    // first 1,000 ids, and `top`, after them, was left out without a word.
    const many = Array.from({ length: 1_200 }, (_, i) => `ids=${i}`).join('&');
    const long = await request(app).get(`/bind/items/1/parts/p?${many}&top=7`).set('X-Trace', 'beef');
    assert.equal(long.status, 200, long.text);
    assert.deepEqual(
      [long.body.echoed.ids.length, long.body.echoed.ids.at(-1), long.body.echoed.top],
      [1_200, 1_199, 7],
    );
  });

  it('reads a header list as HTTP writes it, and names a header of one value that is sent twice', async () => {
    // Before, `X-Tags: a, b` reached the handler as ["a", " b"], an integer list "1, 2" was
    // refused, and two X-Trace lines were joined into "a, b" and refused as not matching the pattern.
    const list = await getWithHeaderLines('/bind/items/1/parts/p', ['X-Tags', 'a, b', 'X-Tags', 'c']);
    assert.deepEqual([list.status, list.body.echoed?.tags], [200, ['a', 'b', 'c']]);
    // Cookie lines are one list, as HTTP/2 sends them (one cookie a line), joined as Node joins them.
    const cookies = await getWithHeaderLines('/bind/items/1/parts/p', ['Cookie', 'a=1', 'Cookie', 'b=2']);
    assert.deepEqual([cookies.status, cookies.body.echoed?.cookie], [200, 'a=1; b=2']);
    const twice = await getWithHeaderLines('/bind/items/1/parts/p', ['X-Trace', 'ab', 'X-Trace', 'cd']);
    assert.equal(twice.status, 400);
    assert.deepEqual(twice.body.errors, [
      { pointer: '/header/x-trace', message: 'is given 2 times; it takes one value', code: 'repeated' },
    ]);
  });

  it('takes the properties a dynamic schema adds to a body class, and still checks the declared ones', async () => {
    // Before, Line's closed definition stood in the body's schema: every property the flow sent
    // from GetLineSchema's answer was refused as "is not a known property".
    const res = await request(app).post('/bind/lines').send({ sku: 'a', quantity: 2, colour: 'red' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.echoed, { isLine: true, total: 4, keys: ['sku', 'quantity', 'colour'] });
    const bad = await request(app).post('/bind/lines').send({ sku: 'a', quantity: 0, colour: 'red' });
    assert.deepEqual(
      bad.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/body/quantity'],
    );
    const order = await request(app).post('/bind/orders').send({ customer: 'c', lines: [], colour: 'red' });
    assert.equal(order.status, 400, 'a body without a dynamic schema stays closed');
  });

  it('reports each value that is not of its type, by location', async () => {
    const res = await request(app).get('/bind/items/x/parts/p?top=11&ids=1,a&flag=maybe').set('X-Trace', 'XYZ');
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`).sort(), [
      '/header/x-trace pattern',
      '/path/id type',
      '/query/flag type',
      '/query/ids/1 type',
      '/query/top maximum',
    ]);
  });

  it("publishes and enforces a parameter's multipleOf, as Swagger 2.0 allows, to the cent", async () => {
    // Before, @Query took no such option: it was ignored without a word, and ?step=0.015 reached
    // the handler. And 19.99 / 0.01 is 1998.9999999999998: an exact test refused 19.99 and 0.07.
    @Controller('/steps')
    class Steps {
      @Get('/')
      @Action({ id: 'Step', summary: 'Step' })
      @Returns(200, 'object')
      step(@Query('step', { type: Number, multipleOf: 0.01 }) step: number): unknown {
        return { step };
      }
    }
    const connector = new Connector({ ...base, controllers: [Steps] });
    const definition = connectorDefinition(resolve(connector)) as {
      paths: Record<string, { get: { parameters: object[] } }>;
    };
    assert.deepEqual(definition.paths['/steps'].get.parameters, [
      { name: 'step', in: 'query', required: false, type: 'number', multipleOf: 0.01 },
    ]);
    const steps = createApp(connector, { docs: false });
    for (const step of [19.99, 0.07, 100]) {
      const ok = await request(steps).get(`/steps?step=${step}`);
      assert.deepEqual([ok.status, ok.body], [200, { step }]);
    }
    const off = await request(steps).get('/steps?step=0.015');
    assert.equal(off.status, 400);
    assert.deepEqual(
      off.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`),
      ['/query/step multipleOf'],
    );
  });

  it('refuses a number too large to read, in a parameter or the body, instead of handing over Infinity', async () => {
    // JSON.parse and Number read 1e400 as Infinity; it passed `type: number` and was answered as null.
    const query = await request(app).get('/bind/items/1/parts/p?ids=1,1e400,-1e400');
    assert.equal(query.status, 400, query.text);
    assert.deepEqual(query.body.errors, [
      {
        pointer: '/query/ids/1',
        message: 'is beyond the range of a number (it reads as Infinity)',
        code: 'numberRange',
      },
      {
        pointer: '/query/ids/2',
        message: 'is beyond the range of a number (it reads as -Infinity)',
        code: 'numberRange',
      },
    ]);
    const body = await request(app)
      .post('/bind/orders')
      .set('Content-Type', 'application/json')
      .send('{"customer":"c","lines":[{"sku":"a","quantity":1e400}]}');
    assert.equal(body.status, 400, body.text);
    assert.deepEqual(body.body.errors, [
      {
        pointer: '/body/lines/0/quantity',
        message: 'is beyond the range of a number (it reads as Infinity)',
        code: 'numberRange',
      },
    ]);
  });

  it('refuses an integer that a number would change into another (beyond 2^53), in a parameter or the body', async () => {
    // Number and JSON.parse read 9007199254740993 as 9007199254740992: another ID, without a word.
    const path = await request(app).get('/bind/items/9007199254740993/parts/p?ids=1,-12345678901234567891');
    assert.equal(path.status, 400, path.text);
    const beyond = (n: string, as: string) => `is the integer ${n}, which a number cannot hold: it would read as ${as}`;
    assert.deepEqual(path.body.errors, [
      { pointer: '/path/id', message: beyond('9007199254740993', '9007199254740992'), code: 'inexactInteger' },
      {
        pointer: '/query/ids/1',
        message: beyond('-12345678901234567891', '-12345678901234567168'),
        code: 'inexactInteger',
      },
    ]);
    const body = await request(app)
      .post('/bind/orders')
      .set('Content-Type', 'application/json')
      .send('{"customer":"9007199254740993","lines":[{"sku":"a","quantity":9007199254740993}]}');
    assert.equal(body.status, 400, body.text);
    assert.equal(body.type, 'application/problem+json');
    assert.deepEqual(body.body.errors, [
      { pointer: '/body', message: beyond('9007199254740993', '9007199254740992'), code: 'inexactInteger' },
    ]);
    const utf16 = await request(app)
      .post('/bind/orders')
      .set('Content-Type', 'application/json; charset=utf-16le')
      .serialize((bytes: Buffer) => bytes as unknown as string) // as they are, not as JSON of a Buffer
      .send(Buffer.from('{"customer":"c","lines":[{"sku":"a","quantity":9007199254740993}]}', 'utf16le'));
    assert.deepEqual([utf16.status, utf16.body.errors?.[0]?.code], [400, 'inexactInteger']);
    const utf32 = await request(app)
      .post('/bind/orders')
      .set('Content-Type', 'application/json; charset=utf-32')
      .send('{}');
    assert.deepEqual([utf32.status, utf32.body.detail], [415, 'Send JSON as UTF-8 or UTF-16, not utf-32.']);
    // A charset body-parser refuses itself is told alike: before, 'unsupported charset "LATIN1"'.
    const latin1 = await request(app)
      .post('/bind/orders')
      .set('Content-Type', 'application/json; charset=latin1')
      .send('{}');
    assert.deepEqual([latin1.status, latin1.body.detail], [415, 'Send JSON as UTF-8 or UTF-16, not latin1.']);
    // Bytes that are not UTF-8 in a JSON string: before, the handler got U+FFFD in their place.
    const notUtf8 = await request(app)
      .post('/bind/orders')
      .set('Content-Type', 'application/json')
      .serialize((bytes: Buffer) => bytes as unknown as string)
      .send(Buffer.concat([Buffer.from('{"customer":"caf'), Buffer.from([0xe9]), Buffer.from('","lines":[]}')]));
    assert.deepEqual(
      [notUtf8.status, notUtf8.body.detail, notUtf8.body.errors?.[0]?.message],
      [
        400,
        'The body is not valid UTF-8.',
        'has bytes that are not UTF-8 from byte 16: read as text, they would be replaced, and the text changed',
      ],
    );
    // An integer that a number holds is read as it is, beyond 2^53 too (JSON.stringify writes 1e20 so).
    const exact = await request(app).get('/bind/items/9007199254740991/parts/p?ids=100000000000000000000');
    assert.deepEqual([exact.status, exact.body.echoed.id, exact.body.echoed.ids], [200, 9007199254740991, [1e20]]);
  });

  it('refuses a query value whose escapes are not UTF-8, rather than hand the handler other text', async () => {
    // Before, Express's query parser read "caf%E9" as "caf\ufffd", and the handler ran with it.
    const latin1 = await request(app).get('/bind/downstream?kind=caf%E9');
    assert.equal(latin1.status, 400, latin1.text);
    assert.deepEqual(latin1.body.errors, [
      {
        pointer: '/query/kind',
        message: 'is not percent-encoded UTF-8: decoded, its text would be changed',
        code: 'urlEncoding',
      },
    ]);
    // UTF-8 escapes, a "%" that begins no escape, and parameters the operation does not declare go through.
    for (const query of ['kind=caf%C3%A9', 'kind=100%', 'kind=a&other=%E9']) {
      const res = await request(app).get(`/bind/downstream?${query}`);
      assert.deepEqual([query, res.status, res.body.detail], [query, 404, 'No such order.']);
    }
  });

  it('hands the body over as DTO instances, nested ones too, with field initialisers run', async () => {
    const res = await request(app)
      .post('/bind/orders')
      .send({
        customer: 'c',
        lines: [
          { sku: 'a', quantity: 2 },
          { sku: 'b', quantity: 5 },
        ],
        note: null,
      });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.headers.location, '/bind/orders/1');
    assert.deepEqual(res.body.echoed, {
      isOrder: true,
      linesAreLines: true,
      totals: [4, 10],
      note: null,
      createdBy: 'default-field-initialiser',
    });
  });

  it("enforces class-validator's @IsUUID('4') as published: a UUID of another version is refused", async () => {
    const order = { customer: 'c', lines: [{ sku: 'a', quantity: 1 }] };
    const v4 = await request(app)
      .post('/bind/orders')
      .send({ ...order, reference: '9B2D6F4E-3C1A-4F7B-8E2D-1A2B3C4D5E6F' });
    assert.equal(v4.status, 201, v4.text);
    const v1 = await request(app)
      .post('/bind/orders')
      .send({ ...order, reference: 'c232ab00-9414-11ec-b3c8-9f68deced846' });
    assert.equal(v1.status, 400);
    assert.deepEqual(
      v1.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`),
      ['/body/reference pattern'],
    );
  });

  it('builds the values of a dictionary as declared: DTO instances and dates', async () => {
    // Raw JSON: in an object literal `__proto__` would set a prototype, not send a key.
    const res = await request(app)
      .post('/bind/meetings')
      .set('content-type', 'application/json')
      .send(
        '{"starts":"2024-05-01T10:00:00Z",' +
          '"catering":{"red":{"sku":"tea","quantity":2},"__proto__":{"sku":"cake","quantity":3}},' +
          '"milestones":{"draft":"2024-02-01T00:00:00Z","final":"2024-03-01T00:00:00Z"}}',
      );
    assert.equal(res.status, 200, res.text);
    // `__proto__` arrives as an ordinary key (JSON.parse makes it one) and stays one.
    assert.deepEqual(res.body.echoed.catering, ['red:4', '__proto__:6']);
    assert.deepEqual(res.body.echoed.milestones, [1, 2]);
  });

  it('builds an inline class (written in place in the schema) as an instance too', async () => {
    const res = await request(app)
      .post('/bind/meetings')
      .send({ starts: '2024-05-01T10:00:00Z', agenda: { topic: 'budget' } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.echoed.agenda, 'BUDGET');
  });

  it('refuses, when the app is built, a body class that cannot be made without arguments', async () => {
    // Before, the app started, and each request was a 500 (TypeError inside `new Item()`).
    class Item {
      @IsString() name: string;
      constructor(init: { name: string }) {
        this.name = init.name.trim();
      }
    }
    @Controller('/items')
    class Items {
      @Post('/') @Returns(200, Item) add(@Body() item: Item): Item {
        return item;
      }
    }
    assert.throws(
      () => createApp(new Connector({ ...base, controllers: [Items] }), { docs: false }),
      (e: Error) =>
        e.message ===
          "Item is a class a request is read into, and each request makes one with new Item() (as class-transformer does), which threw: Cannot read properties of undefined (reading 'name'). Let new Item() work without arguments: give the constructor's parameters defaults, or move what it does with them out of the constructor." &&
        e.cause instanceof TypeError,
    );
    // One that defaults its argument is built as before, with what the request holds.
    class Named {
      @IsString() name: string;
      constructor(init: { name: string } = { name: 'unnamed' }) {
        this.name = init.name;
      }
    }
    @Controller('/named')
    class NamedItems {
      @Post('/') @Returns(200, Named) add(@Body() item: Named): { name: string; isNamed: boolean } {
        return { name: item.name, isNamed: item instanceof Named };
      }
    }
    const named = createApp(new Connector({ ...base, controllers: [NamedItems] }), { docs: false });
    const res = await request(named).post('/named').send({ name: 'a' });
    assert.deepEqual([res.status, res.body], [200, { name: 'a', isNamed: true }]);
  });

  it('hands an optional body sent without bytes over as no body, whatever its type or framing says', async () => {
    // express.json() reads no bytes as {}: before, the handler got a Note without its required
    // title, where {} sent was refused.
    class Note {
      @IsString() title!: string;
    }
    @Controller('/notes')
    class Notes {
      @Post('/') @Returns(200, Note) add(@Body({ required: false }) note?: Note): { title: string } {
        return { title: note === undefined ? '(none)' : `${note.constructor.name}: ${note.title}` };
      }
      @Post('/required') @Returns(200, Note) need(@Body() note: Note): Note {
        return note;
      }
    }
    const notes = createApp(new Connector({ ...base, controllers: [Notes] }), { docs: false });
    const server = notes.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    /** A POST of these bytes, framed by Content-Length or, with `chunked`, as chunks. */
    const post = async (path: string, headers: OutgoingHttpHeaders, bytes = '') => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers });
      req.end(bytes);
      const [res] = (await once(req, 'response')) as [IncomingMessage];
      let text = '';
      for await (const chunk of res) text += String(chunk);
      return [res.statusCode, JSON.parse(text) as { title?: string; errors?: { message: string }[] }] as const;
    };
    try {
      for (const headers of [
        { 'content-type': 'application/json', 'content-length': '0' },
        { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        { 'content-length': '0' },
      ]) {
        assert.deepEqual(await post('/notes', headers), [200, { title: '(none)' }], JSON.stringify(headers));
        const [status, problem] = await post('/notes/required', headers);
        assert.deepEqual([status, problem.errors?.[0].message], [400, 'a request body is required']);
      }
      const json = { 'content-type': 'application/json' };
      assert.deepEqual(await post('/notes', json, '{"title":"a"}'), [200, { title: 'Note: a' }]);
      assert.equal((await post('/notes', json, '{}'))[0], 400);
    } finally {
      server.close();
    }
  });

  it('answers 500 for a body schema written as given that ajv cannot compile, and logs where to look', async () => {
    @Schema({ schema: { type: 'strin' } })
    class Odd {}
    @Controller('/odd')
    class OddItems {
      @Post('/') @Returns(204) add(@Body() _odd: Odd): void {}
    }
    const seen: string[] = [];
    const odd = createApp(new Connector({ ...base, controllers: [OddItems] }), {
      docs: false,
      logger: { error: (_message, details) => seen.push(String(details?.error)) },
    });
    const res = await request(odd).post('/odd').send({ a: 1 });
    assert.equal(res.status, 500);
    assert.match(
      seen[0],
      /^Error: ajv cannot compile a schema of this operation \(type must be JSONType or JSONType\[\]: strin\): one written as given, a \{ schema \} literal or an imported definition, is not JSON Schema; flowport validate names the place/,
    );
  });

  it('hands values declared as Date to the handler as dates, in the body, its arrays and parameters', async () => {
    const res = await request(app)
      .post('/bind/meetings?after=2023-12-31T23:00:00-02:00')
      .send({
        starts: '2024-05-01T10:00:00+02:00',
        reminders: ['2024-05-01T07:30:00Z'],
        ends: null,
        followUp: '2024-05-09T10:00:00Z',
        holds: ['2024-06-01T00:00:00Z'],
      });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.echoed, {
      starts: '2024-05-01T08:00:00.000Z',
      reminders: [7],
      ends: null,
      // Typed by @IsDate alone: before, the handler got the strings.
      followUp: 9,
      holds: [5],
      after: 2024,
      // A Date returned goes out as JSON writes it.
      startsAgain: '2024-05-01T08:00:00.000Z',
    });
    const omitted = await request(app).post('/bind/meetings').send({ starts: '2024-05-01T10:00:00Z' });
    assert.equal(omitted.status, 200, omitted.text);
    assert.equal(omitted.body.echoed.after, 'undefined');
    // RFC 3339 allows a leap second, which a Date cannot hold: it is read as POSIX time reads it,
    // the instant of the next second. Before, the handler got an Invalid Date (answered as null).
    const leap = await request(app)
      .post('/bind/meetings?after=2016-12-31T18:59:60.5-05:00')
      .send({ starts: '2016-12-31T23:59:60Z', reminders: [] });
    assert.equal(leap.status, 200, leap.text);
    assert.deepEqual([leap.body.echoed.starts, leap.body.echoed.after], ['2017-01-01T00:00:00.000Z', 2017]);
    // What the published schema refuses never reaches a Date.
    const invalid = await request(app).post('/bind/meetings').send({ starts: 'next Tuesday' });
    assert.equal(invalid.status, 400);
    assert.deepEqual(
      invalid.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`),
      ['/body/starts format'],
    );
  });

  it('runs custom constraints that have no schema form, after the schema', async () => {
    assert.equal((await request(app).post('/bind/words').send({ word: 'level' })).status, 204);
    const res = await request(app).post('/bind/words').send({ word: 'levels' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors, [
      { pointer: '/body/word', message: 'must read the same backwards', code: 'isPalindrome' },
    ]);
  });

  it('binds multipart form data and uploaded files', async () => {
    const res = await request(app)
      .post('/bind/upload')
      .field('note', 'hi')
      .attach('file', Buffer.from('PNG-data'), 'a.png');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.echoed, { name: 'a.png', size: 8, head: 'PNG', note: 'hi' });
    const missing = await request(app).post('/bind/upload').field('note', 'too long');
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.errors.map((e: { pointer: string }) => e.pointer).sort(), [
      '/formData/file',
      '/formData/note',
    ]);
  });

  it('names a file field the operation does not declare, or a second file under a declared one', async () => {
    // With multer's any(), both were "Too many files." without a name.
    const upload = () => request(app).post('/bind/upload').field('note', 'hi');
    const answers = await Promise.all([
      upload().attach('file', Buffer.from('a'), 'a.txt').attach('other', Buffer.from('b'), 'b.txt'),
      upload().attach('other', Buffer.from('b'), 'b.txt').attach('file', Buffer.from('a'), 'a.txt'),
      upload().attach('file', Buffer.from('a'), 'a.txt').attach('file', Buffer.from('b'), 'b.txt'),
    ]);
    assert.deepEqual(
      answers.map((r) => [r.status, r.body.detail, r.body.errors[0]?.pointer]),
      [
        [400, 'Unexpected file field (other).', '/formData/other'],
        [400, 'Unexpected file field (other).', '/formData/other'],
        [400, 'Unexpected file field (file).', '/formData/file'],
      ],
    );
    assert.deepEqual(answers[0].body.errors, [
      { pointer: '/formData/other', message: 'unexpected file field', code: 'LIMIT_UNEXPECTED_FILE' },
    ]);
  });

  it('answers a form that is not valid multipart with 400 naming what is wrong, not a logged 500', async () => {
    logged.length = 0;
    const cut = await request(app)
      .post('/bind/upload')
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc');
    assert.deepEqual(
      [cut.status, cut.type, cut.body.detail],
      [400, 'application/problem+json', 'The form is not valid multipart/form-data: Unexpected end of form.'],
    );
    const unbounded = await request(app).post('/bind/upload').set('Content-Type', 'multipart/form-data').send('x');
    assert.deepEqual(
      [unbounded.status, unbounded.body.detail],
      [400, 'The form is not valid multipart/form-data: Multipart: Boundary not found.'],
    );
    assert.deepEqual(logged, []);
  });

  it('reads a JSON body in a content coding, says which coding failed, and refuses a multipart form in one (415)', async () => {
    const codings = ['identity', 'gzip', 'deflate', 'br', ...('createZstdDecompress' in zlib ? ['zstd'] : [])].join(
      ', ',
    );
    const json = await request(app)
      .post('/bind/orders')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .serialize((bytes: Buffer) => bytes as unknown as string) // as they are, not as JSON of a Buffer
      .send(gzipSync('{"customer":"c","lines":[{"sku":"a","quantity":2}]}'));
    assert.deepEqual([json.status, json.body.echoed?.totals], [201, [4]], json.text);
    const corrupt = await request(app)
      .post('/bind/orders')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'br')
      .send('{}');
    assert.deepEqual([corrupt.status, corrupt.body.detail], [400, 'The body is not valid br: Decompression failed.']);
    const unknown = await request(app)
      .post('/bind/orders')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'compress')
      .send('{}');
    assert.deepEqual(
      [unknown.status, unknown.body.detail, unknown.headers['accept-encoding']],
      [415, `Send the body without Content-Encoding compress; this operation reads ${codings}.`, codings],
    );
    // busboy would read the compressed bytes as a malformed form.
    const form = await request(app)
      .post('/bind/upload')
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .set('Content-Encoding', 'gzip')
      .serialize((bytes: Buffer) => bytes as unknown as string)
      .send(gzipSync('--xyz\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--xyz--\r\n'));
    assert.deepEqual(
      [form.status, form.type, form.body.detail, form.headers['accept-encoding']],
      [
        415,
        'application/problem+json',
        'Send the body without Content-Encoding gzip; this operation reads identity.',
        'identity',
      ],
    );
  });

  it('bounds a form: a field over the body limit is 413, undeclared fields beyond a few are 400', async () => {
    // Multer's defaults kept up to 1,000 fields of 1 MB each of one request in memory.
    const small = createApp(new Connector({ ...base, controllers: [BindingController] }), {
      docs: false,
      bodyLimit: 100,
    });
    const form = (fields: number, size: number) => {
      const req = request(small).post('/bind/upload').attach('file', Buffer.from('12345'), 'a.bin');
      for (let i = 0; i < fields; i++) req.field(`extra${i}`, 'x'.repeat(size));
      return req;
    };
    const long = await form(1, 101);
    assert.deepEqual([long.status, long.body.detail], [413, 'Field value too long (extra0).']);
    const many = await form(10, 1);
    assert.deepEqual([many.status, many.body.detail], [400, 'Too many fields.']);
    // The declared note and eight more, each within the limit, are fine.
    const fine = await form(8, 100).field('note', 'hi');
    assert.equal(fine.status, 200, fine.text);
  });

  it('refuses a JSON body over the body limit with 413 naming the limit, with a length or chunked', async () => {
    const small = createApp(new Connector({ ...base, controllers: [BindingController] }), {
      docs: false,
      bodyLimit: 100,
    });
    const order = JSON.stringify({ customer: 'c'.repeat(200), lines: [] });
    const sized = await request(small).post('/bind/orders').set('content-type', 'application/json').send(order);
    assert.deepEqual([sized.status, sized.body.detail], [413, 'The body is larger than 100 bytes.']);
    // Before, a body sent in chunks, whose length shows only as it is read, was told less.
    const server = small.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<IncomingMessage>((done, fail) => {
        const req = httpRequest(
          { port, method: 'POST', path: '/bind/orders', headers: { 'content-type': 'application/json' } },
          done,
        ).on('error', fail);
        req.write(order.slice(0, 50));
        req.end(order.slice(50));
      });
      let text = '';
      for await (const chunk of answer) text += chunk;
      assert.deepEqual([answer.statusCode, JSON.parse(text).detail], [413, 'The body is larger than 100 bytes.']);
    } finally {
      server.close();
    }
  });

  it('refuses an upload over the file limit with 413', async () => {
    const small = createApp(new Connector({ ...base, controllers: [BindingController] }), {
      docs: false,
      fileLimit: 4,
    });
    const res = await request(small).post('/bind/upload').attach('file', Buffer.from('12345'), 'a.bin');
    assert.equal(res.status, 413);
    assert.deepEqual(res.body.errors, [
      { pointer: '/formData/file', message: 'file too large', code: 'LIMIT_FILE_SIZE' },
    ]);
  });

  it('turns a thrown HttpError into its status, and sends binary results as bytes', async () => {
    const teapot = await request(app).get('/bind/teapot');
    assert.equal(teapot.status, 418);
    assert.equal(teapot.body.detail, 'I am a teapot.');
    const bytes = await request(app)
      .get('/bind/bytes')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    assert.equal(bytes.headers['content-type'], 'image/png');
    assert.deepEqual([...(bytes.body as Buffer)], [0x89, 0x50, 0x4e, 0x47]);
  });

  it('answers a handler crash with 500 and no internals, and logs it with the request id', async () => {
    const res = await request(app).get('/bind/crash').set('x-request-id', 'req-123');
    assert.equal(res.status, 500);
    assert.equal(res.body.requestId, 'req-123');
    assert.equal(res.body.detail, 'An unexpected error occurred; quote request id req-123 when reporting it.');
    assert.ok(!res.text.includes('hunter2'));
    const entry = logged.find((l) => l.details.requestId === 'req-123');
    assert.ok(entry && String(entry.details.error).includes('database password'), 'the log has the cause');
  });

  it('answers a status an error carries only when the error is meant for the caller', async () => {
    // Before, any error with a 4xx `status` was answered with it: a downstream service's 401, from
    // an HTTP client's error, told Power Automate that the caller's own connection was broken.
    const sdk = await request(app).get('/bind/downstream?kind=sdk').set('x-request-id', 'req-sdk');
    assert.equal(sdk.status, 500);
    assert.ok(!sdk.text.includes('status code 401'));
    assert.ok(logged.some((l) => l.details.requestId === 'req-sdk'));
    const exposed = await request(app).get('/bind/downstream?kind=http-errors');
    assert.deepEqual([exposed.status, exposed.body.detail], [404, 'No such order.']);
    // The router's 400 for a path parameter that is not valid percent-encoding stays a 400.
    assert.equal((await request(app).get('/bind/items/%E0%A4%A/parts/1')).status, 400);
  });

  it('with unknown properties allowed, keeps them as own data and never touches a prototype', async () => {
    const open = createApp(new Connector({ ...base, controllers: [OpenController], unknownProperties: 'allow' }), {
      docs: false,
    });
    const res = await request(open)
      .post('/open/echo')
      .set('content-type', 'application/json')
      .send('{"sku":"a","quantity":1,"__proto__":{"polluted":1},"extra":2}');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.echoed, { proto: true, keys: ['sku', 'quantity', '__proto__', 'extra'] });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('binding: names that Object.prototype has', () => {
  @Controller('/proto')
  class ProtoNames {
    @Get('/query')
    @Action({ id: 'ProtoQuery', summary: 'Query' })
    @Returns(200)
    query(
      @Query('toString', { type: String }) text: string | undefined,
      @Query('valueOf', { type: Number }) count: number | undefined,
    ): { given: unknown[] } {
      return { given: [typeof text, text, typeof count, count] };
    }

    @Post('/body')
    @Action({ id: 'ProtoBody', summary: 'Body' })
    @Returns(200)
    body(
      @Body({
        type: {
          schema: { type: 'object', properties: { constructor: { type: 'string' } }, required: ['constructor'] },
        },
      })
      body: Record<string, unknown>,
    ): { keys: string[] } {
      return { keys: Object.keys(body) };
    }

    @Post('/defaults')
    @Action({ id: 'ProtoDefaults', summary: 'Defaults' })
    @Returns(200)
    defaults(
      @Query('valueOf', { type: 'integer', default: 3 }) count: number,
      @Body({
        type: {
          schema: {
            type: 'object',
            properties: { toString: { type: 'boolean', default: false }, hasOwnProperty: { type: 'string' } },
          },
        },
      })
      body: Record<string, unknown>,
    ): { count: number; body: Record<string, unknown> } {
      return { count, body };
    }
  }
  const proto = createApp(new Connector({ ...base, controllers: [ProtoNames] }), { docs: false });

  it('fills in the default of an optional parameter or property named toString or valueOf', async () => {
    // Before, ajv took the inherited function for the value and refused it: "must be boolean".
    const left = await request(proto).post('/proto/defaults').send({});
    assert.deepEqual([left.status, left.body], [200, { count: 3, body: { toString: false } }]);
    const given = await request(proto).post('/proto/defaults?valueOf=4').send({ toString: true });
    assert.deepEqual([given.status, given.body], [200, { count: 4, body: { toString: true } }]);
    const wrong = await request(proto).post('/proto/defaults').send({ toString: 'yes' });
    assert.deepEqual(wrong.body.errors, [{ pointer: '/body/toString', message: 'must be boolean', code: 'type' }]);
  });

  it('takes an optional parameter named toString or valueOf that is left out as left out', async () => {
    // Before, each was read from Object.prototype: the request was refused as "must be string",
    // and, with that passed, the handler got Object.prototype's functions.
    const left = await request(proto).get('/proto/query');
    assert.equal(left.status, 200, left.text);
    assert.deepEqual(left.body.given, ['undefined', null, 'undefined', null]);
    const given = await request(proto).get('/proto/query?toString=a&valueOf=2');
    assert.deepEqual(given.body.given, ['string', 'a', 'number', 2]);
  });

  it('refuses a body without a required property named constructor, which every object inherits', async () => {
    const missing = await request(proto).post('/proto/body').send({});
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.errors, [{ pointer: '/body/constructor', message: 'is required', code: 'required' }]);
    const sent = await request(proto).post('/proto/body').send({ constructor: 'x' });
    assert.deepEqual([sent.status, sent.body], [200, { keys: ['constructor'] }]);
  });
});
