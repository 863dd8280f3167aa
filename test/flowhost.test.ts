import { Connector } from '@flowport/core';
import { createApp, listen, urlOf } from '@flowport/express-adapter';
import { FlowHost } from '@flowport/testing';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text as textOf } from 'node:stream/consumers';
import { connector } from './fixtures/flowhost-api';
import { connector as forms } from './fixtures/forms-api';

/** A webhook registration's body: the field the platform puts its callback URL in. */
const CALLBACK_BODY = {
  name: 'body',
  in: 'body',
  schema: { type: 'object', properties: { callback: { type: 'string', 'x-ms-notification-url': true } } },
};

/** A server answering every request with `answer`, and the URL it listens on. */
async function serving(answer: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(answer);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Closes a FlowHost and the server a test started for it. */
async function closing(host: FlowHost, server: Server): Promise<void> {
  await host.close();
  await new Promise<void>((done) => server.close(() => done()));
}

describe('FlowHost: calls an operation as the platform does', () => {
  let server: Server;
  let host: FlowHost;
  before(async () => {
    server = await listen(createApp(connector, { credentials: {} }), 0, '127.0.0.1');
    host = await FlowHost.start({ api: urlOf(server) });
  });
  after(async () => {
    await host?.close();
    await new Promise<void>((done) => server?.close(() => done()) ?? done());
  });

  it('puts each parameter where it is declared: path (encoded as declared), query list, header, internal default', async () => {
    // Before, only a query could be given: a path variable was sent as "{id}", a header not at all.
    const res = await host.action('GetThing', undefined, { id: 'a/b c%', tags: ['x', 'y z'], 'x-mode': 'fast' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { id: 'a/b c%', tags: ['x', 'y z'], version: '2026-11-28', mode: 'fast' });
  });

  it('names a parameter the operation does not declare, and a path parameter not given', async () => {
    await assert.rejects(host.action('GetThing', undefined, { id: 'a', top: 3 }), {
      message: 'GetThing has no path, query or header parameter "top" (it has "id", "tags", "x-mode", "api-version")',
    });
    await assert.rejects(host.action('GetThing', undefined, { tags: ['x'] }), {
      message: 'GetThing needs a value for its path parameter "id"',
    });
  });

  it('hands over a file answer as its bytes, where it tried to parse JSON', async () => {
    const res = await host.action('GetThingFile', undefined, { id: 'é' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, Buffer.from([0, 1, 2, 255, ...Buffer.from('é')]));
  });
});

describe('FlowHost: sends form fields as a form, as the platform does', () => {
  let server: Server;
  let host: FlowHost;
  before(async () => {
    server = await listen(createApp(forms, { credentials: {} }), 0, '127.0.0.1');
    host = await FlowHost.start({ api: urlOf(server) });
  });
  after(async () => {
    await host?.close();
    await new Promise<void>((done) => server?.close(() => done()) ?? done());
  });

  it('text fields, a repeated list, a binary field and a file with its name and type', async () => {
    // Before, the fields went as JSON, which a form operation refuses (415).
    const note = await host.action('Note', { text: 'hi' });
    const survey = await host.action('Survey', { answer: 'yes', tags: ['a', 'b c'] });
    const scan = await host.action('Scan', { inputFile: new TextEncoder().encode('EICAR') });
    const picture = await host.action('Picture', {
      picture: { content: new Uint8Array([1, 2, 3]), filename: 'p.png', contentType: 'image/png' },
    });
    assert.deepEqual(
      [note, survey, scan, picture].map((r) => [r.status, r.body]),
      [
        [200, { text: 'hi' }],
        [200, { answer: 'yes', tags: ['a', 'b c'] }],
        [
          200,
          {
            fieldname: 'inputFile',
            originalname: 'inputFile',
            encoding: '7bit',
            mimetype: 'application/octet-stream',
            size: 5,
            head: 'EICAR',
          },
        ],
        [200, { size: 3 }],
      ],
    );
  });

  it('sends an internal field the test leaves out with its default, as the platform fills it', async () => {
    // Before, only path, query and header parameters got theirs: the form went without it (400).
    const stamped = await host.action('Stamp', { text: 'hi' });
    assert.deepEqual([stamped.status, stamped.body], [200, { text: 'hi', source: 'flow' }]);
    const own = await host.action('Stamp', { text: 'hi', source: 'test' });
    assert.deepEqual(own.body, { text: 'hi', source: 'test' });
  });

  it('names a field the operation does not declare, and fields given as anything but an object', async () => {
    await assert.rejects(host.action('Note', { text: 'hi', extra: 1 }), {
      message: 'Note has no form field "extra" (it has "text")',
    });
    await assert.rejects(host.action('Note', 'hi'), {
      message: 'Note takes form fields: pass them as an object by their names',
    });
  });
});

describe('FlowHost: a connector with a basePath', () => {
  it("calls operations under the definition's basePath, from the app's address", async () => {
    const withBase = new Connector({ ...connector.options, basePath: '/api/v1' });
    const server = await listen(createApp(withBase, { credentials: {} }), 0, '127.0.0.1');
    try {
      const host = await FlowHost.start({ api: urlOf(server) });
      const res = await host.action('GetThing', undefined, { id: 'a' });
      await host.close();
      assert.deepEqual([res.status, (res.body as { id: string }).id], [200, 'a']);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});

describe('FlowHost: says why it cannot go on', () => {
  it('names the definition URL it cannot reach or read', async () => {
    const { server, url } = await serving((_req, res) => res.writeHead(404).end('no'));
    await assert.rejects(FlowHost.start({ api: url }), {
      message: `${url}/connector/apiDefinition.swagger.json answered 404; pass the definition in FlowHost.start({ definition })`,
    });
    await new Promise<void>((done) => server.close(() => done()));
    await assert.rejects(FlowHost.start({ api: url }), (err: Error) => {
      assert.match(err.message, /^cannot reach http:\/\/127\.0\.0\.1:\d+\/connector\/apiDefinition\.swagger\.json/);
      return true;
    });
    await assert.rejects(FlowHost.start({ api: url, definition: { swagger: '2.0' } }), /has no paths/);
  });

  it('names each option it does not take, or takes of another type, never showing a header value', async () => {
    // Before, `conection` was ignored, and every call went without the key: 401s that looked like the API's.
    await assert.rejects(
      FlowHost.start({ api: 'localhost:3000', conection: { 'X-Key': 'sk-secret' }, timeScale: -1 } as never),
      {
        name: 'TypeError',
        message:
          'FlowHost.start options: conection is not an option (did you mean connection?); api must be the base URL of the app, such as http://127.0.0.1:3000; timeScale must be a number, 0 or more',
      },
    );
    await assert.rejects(FlowHost.start({ api: 'http://127.0.0.1:1', connection: { 'X-Key': 5 } } as never), {
      message: 'FlowHost.start options: connection must be an object of header values by name',
    });
  });

  it("judges an answer's formats as the adapter's validators do: the platform's date-no-tz, and no warning for a hint", async () => {
    // Before, FlowHost checked formats with ajv-formats alone: date-no-tz was ignored, and ajv
    // printed "unknown format" at every compile.
    const answers = ['{"at":"2026-11-28T10:00","kind":"x"}', '{"at":"2026-13-45T25:61","kind":"x"}'];
    const { server, url } = await serving((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(answers.shift()),
    );
    const definition = {
      swagger: '2.0',
      info: { title: 'Times', version: '1.0' },
      paths: {
        '/time': {
          get: {
            operationId: 'GetTime',
            responses: {
              200: {
                description: 'The time',
                schema: {
                  type: 'object',
                  properties: {
                    at: { type: 'string', format: 'date-no-tz' },
                    kind: { type: 'string', format: 'guid' },
                  },
                },
              },
            },
          },
        },
      },
    };
    const warned: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args);
    try {
      const host = await FlowHost.start({ api: url, definition });
      assert.equal((await host.action('GetTime')).status, 200);
      await assert.rejects(host.action('GetTime'), {
        message: 'GetTime answered 200 with a body its definition does not declare: /at must match format "date-no-tz"',
      });
      await host.close();
    } finally {
      console.warn = warn;
      await new Promise<void>((done) => server.close(() => done()));
    }
    assert.deepEqual(warned, []);
  });

  it('fails an action that answers a success status its definition does not declare, unless it has a default', async () => {
    // Before, only a declared status was checked: an answer of another went through unchecked.
    const { server, url } = await serving((_req, res) =>
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":1}'),
    );
    const declaring = (responses: Record<string, unknown>) => ({
      swagger: '2.0',
      paths: { '/make': { post: { operationId: 'Make', responses } } },
    });
    const strict = await FlowHost.start({ api: url, definition: declaring({ '200': { description: 'Made' } }) });
    const open = await FlowHost.start({
      api: url,
      definition: declaring({
        '200': { description: 'Made' },
        default: { description: 'Any other', schema: { type: 'object' } },
      }),
    });
    try {
      await assert.rejects(strict.action('Make', undefined, {}), {
        message: 'Make answered 201, a status its definition does not declare',
      });
      assert.deepEqual((await open.action('Make', undefined, {})).body, { id: 1 });
    } finally {
      await strict.close();
      await open.close();
      await new Promise<void>((done) => server.close(() => done()));
    }
  });

  it('fills a dropdown from its operation, with the arguments it takes, and fails on a value the field refuses', async () => {
    const asked: string[] = [];
    const { server, url } = await serving((req, res) => {
      asked.push(req.url!);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          items: [
            { id: 'ok', about: { name: 'Fine' } },
            { id: 'BAD', about: { name: 'Bad' } },
          ],
        }),
      );
    });
    const kind = (extension: Record<string, unknown>) => ({
      swagger: '2.0',
      paths: {
        '/make': {
          post: {
            operationId: 'Make',
            parameters: [{ name: 'kind', in: 'query', type: 'string', pattern: '^[a-z]+$', ...extension }],
            responses: { '204': { description: 'Made' } },
          },
        },
        '/kinds': {
          get: {
            operationId: 'ListKinds',
            parameters: [
              { name: 'group', in: 'query', type: 'string', required: true },
              { name: 'fixed', in: 'query', type: 'string' },
            ],
            responses: { '200': { description: 'Kinds', schema: { type: 'object' } } },
          },
        },
      },
    });
    const values = {
      'x-ms-dynamic-values': {
        operationId: 'ListKinds',
        parameters: { group: { parameter: 'group' }, fixed: 'x' },
        'value-collection': 'items',
        'value-path': 'id',
        'value-title': 'about/name',
      },
    };
    const list = {
      'x-ms-dynamic-list': {
        operationId: 'ListKinds',
        parameters: { group: { parameterReference: 'group' }, fixed: { value: 'y' } },
        itemsPath: 'items',
        itemValuePath: 'id',
      },
    };
    const host = await FlowHost.start({ api: url, definition: kind(values) });
    const listed = await FlowHost.start({ api: url, definition: kind(list) });
    try {
      await assert.rejects(host.dynamicValues('Make', 'kind'), {
        message: 'the dropdown calls ListKinds with "group" from "group", which has no value',
      });
      await assert.rejects(host.dynamicValues('Make', 'kind', { group: 'g' }), {
        message: 'the dropdown offers "BAD", which Make refuses for "kind": must match pattern "^[a-z]+$"',
      });
      assert.deepEqual(asked, ['/kinds?group=g&fixed=x']);
      await assert.rejects(listed.dynamicValues('Make', 'kind', { group: 'h' }), /offers "BAD"/);
      assert.equal(asked[1], '/kinds?group=h&fixed=y');
    } finally {
      await host.close();
      await listed.close();
      await new Promise<void>((done) => server.close(() => done()));
    }
  });

  it('fetches a dynamic schema from its operation, and fails on an answer with no usable schema', async () => {
    const asked: string[] = [];
    const schemas: Record<string, unknown> = {
      book: { type: 'object', properties: { title: { type: 'string', 'x-ms-summary': 'Title' } } },
      none: 5,
      broken: { type: 'strin' },
    };
    const { server, url } = await serving((req, res) => {
      asked.push(req.url!);
      const kind = new URL(req.url!, 'http://x').searchParams.get('kind') ?? '';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ shape: { schema: schemas[kind] } }));
    });
    const source = {
      operationId: 'GetShape',
      parameters: { kind: { parameter: 'kind' }, v: 2 },
      'value-path': 'shape/schema',
    };
    const definition = {
      swagger: '2.0',
      paths: {
        '/records/{kind}': {
          post: {
            operationId: 'AddRecord',
            parameters: [
              { name: 'kind', in: 'path', required: true, type: 'string' },
              { name: 'record', in: 'body', schema: { type: 'object', 'x-ms-dynamic-schema': source } },
            ],
            responses: {
              '201': {
                description: 'Added',
                schema: {
                  type: 'object',
                  'x-ms-dynamic-properties': {
                    operationId: 'GetShape',
                    parameters: { kind: { parameterReference: 'kind' }, v: { value: 2 } },
                    itemValuePath: 'shape/schema',
                  },
                },
              },
            },
          },
        },
        '/shapes': {
          get: {
            operationId: 'GetShape',
            parameters: [
              { name: 'kind', in: 'query', type: 'string', required: true },
              { name: 'v', in: 'query', type: 'integer' },
            ],
            responses: { '200': { description: 'The shape', schema: { type: 'object' } } },
          },
        },
      },
    };
    const host = await FlowHost.start({ api: url, definition });
    try {
      await assert.rejects(host.dynamicSchema('AddRecord', 'record'), {
        message: 'the x-ms-dynamic-schema of "record" calls GetShape with "kind" from "kind", which has no value',
      });
      assert.deepEqual(await host.dynamicSchema('AddRecord', 'record', { kind: 'book' }), schemas.book);
      assert.deepEqual(await host.dynamicSchema('AddRecord', 'response', { kind: 'book' }), schemas.book);
      assert.deepEqual(asked, ['/shapes?kind=book&v=2', '/shapes?kind=book&v=2']);
      await assert.rejects(host.dynamicSchema('AddRecord', 'record', { kind: 'none' }), {
        message: 'GetShape answered no schema at "shape/schema"',
      });
      await assert.rejects(
        host.dynamicSchema('AddRecord', 'record', { kind: 'broken' }),
        /^Error: the schema GetShape answered at "shape\/schema" cannot be used: schema is invalid/,
      );
      await assert.rejects(host.dynamicSchema('AddRecord', 'kind'), {
        message: 'AddRecord "kind" declares no x-ms-dynamic-schema or x-ms-dynamic-properties',
      });
    } finally {
      await closing(host, server);
    }
  });

  it('fails an action still running after its last poll, instead of answering the 202 as its result', async () => {
    let calls = 0;
    const { server, url } = await serving((_req, res) => {
      calls++;
      res.writeHead(202, { Location: '/status', 'Retry-After': '0' }).end();
    });
    const definition = {
      swagger: '2.0',
      paths: { '/run': { post: { operationId: 'Run', responses: { '200': { description: 'Done' } } } } },
    };
    const host = await FlowHost.start({ api: url, definition });
    try {
      await assert.rejects(host.action('Run', undefined, {}, 3), { message: 'Run was still running after 3 polls' });
      assert.equal(calls, 4);
    } finally {
      await closing(host, server);
    }
  });
  it('polls only a polling trigger, naming what the operation is instead', async () => {
    // Before, polling a webhook trigger sent it a GET and failed on the 405 that came back.
    const definition = {
      swagger: '2.0',
      paths: {
        '/hooks': {
          'x-ms-notification-content': { schema: { type: 'object' } },
          post: {
            operationId: 'OnEvent',
            'x-ms-trigger': 'single',
            responses: { '201': { description: 'Registered' } },
          },
        },
        '/things': { get: { operationId: 'ListThings', responses: { '200': { description: 'Things' } } } },
      },
    };
    const host = await FlowHost.start({ api: 'http://127.0.0.1:9', definition });
    try {
      await assert.rejects(host.poll('OnEvent'), {
        message: 'OnEvent is a webhook trigger (its path has x-ms-notification-content): register it with webhook()',
      });
      await assert.rejects(host.poll('ListThings'), {
        message: 'ListThings is not a polling trigger (it has no x-ms-trigger): call it with action()',
      });
    } finally {
      await host.close();
    }
  });

  it("checks a polling trigger's items against what it declares for 200, as an action's answer", async () => {
    // Before, poll() handed over any 200 body: a batch trigger answering one object instead of a
    // list passed its test, and a run on the platform would split nothing.
    let answer = '{"id": 1}';
    let location: string | undefined = '/events?after=1';
    const { server, url } = await serving((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', ...(location && { location }) }).end(answer);
    });
    const definition = {
      swagger: '2.0',
      paths: {
        '/events': {
          get: {
            operationId: 'OnEvents',
            'x-ms-trigger': 'batch',
            responses: {
              '200': { description: 'New events', schema: { type: 'array', items: { $ref: '#/definitions/Event' } } },
              '202': { description: 'Nothing new' },
            },
          },
        },
      },
      definitions: { Event: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } },
    };
    const host = await FlowHost.start({ api: url, definition });
    try {
      await assert.rejects(host.poll('OnEvents'), {
        message: 'OnEvents answered 200 with a body its definition does not declare: / must be array',
      });
      answer = '[{"id": "one"}]';
      await assert.rejects(host.poll('OnEvents'), {
        message: 'OnEvents answered 200 with a body its definition does not declare: /0/id must be integer',
      });
      answer = '[{"id": 1}, {"id": 2}]';
      location = undefined;
      await assert.rejects(host.poll('OnEvents'), {
        message:
          'OnEvents answered 200 without a Location, where a polling trigger gives the URL of its next poll; a list the connector polls through the pollingtrigger policy is polled by the connector runtime, which FlowHost does not stand in for: call it with action()',
      });
      location = '/events?after=1';
      const outcome = await host.poll('OnEvents');
      assert.deepEqual(outcome.body, [{ id: 1 }, { id: 2 }]);
      assert.equal(outcome.location, `${url}/events?after=1`);
    } finally {
      await closing(host, server);
    }
  });

  it('checks each page against what the pageable operation declares for 200', async () => {
    // Before, pages() checked no page: a second page of items of the wrong shape passed its test.
    const { server, url } = await serving((req, res) => {
      const second = req.url?.includes('page=2');
      const body = second ? { value: [{ id: 'two' }] } : { value: [{ id: 1 }], nextLink: `${url}/things?page=2` };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    const definition = {
      swagger: '2.0',
      paths: {
        '/things': {
          get: {
            operationId: 'ListThings',
            'x-ms-pageable': { nextLinkName: 'nextLink' },
            parameters: [{ name: 'page', in: 'query', type: 'integer' }],
            responses: {
              '200': {
                description: 'A page',
                schema: {
                  type: 'object',
                  properties: {
                    value: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' } } } },
                    nextLink: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      },
    };
    const host = await FlowHost.start({ api: url, definition });
    try {
      await assert.rejects(host.pages('ListThings'), {
        message:
          'ListThings page 2 answered 200 with a body its definition does not declare: /value/0/id must be integer',
      });
    } finally {
      await closing(host, server);
    }
  });

  it('says where the definition it fetched is not JSON', async () => {
    // Before, start() failed with JSON.parse's SyntaxError alone.
    const { server, url } = await serving((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>');
    });
    try {
      await assert.rejects(FlowHost.start({ api: url }), {
        message: `${url}/connector/apiDefinition.swagger.json answered what is not JSON; pass the definition in FlowHost.start({ definition })`,
      });
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });

  it('fails an answer labelled JSON that is not, naming the operation and what came', async () => {
    // Before, JSON.parse's SyntaxError ("Unexpected token '<'") named neither.
    const { server, url } = await serving((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('<html>Gateway</html>');
    });
    const definition = {
      swagger: '2.0',
      paths: { '/things': { get: { operationId: 'ListThings', responses: { '200': { description: 'Things' } } } } },
    };
    const host = await FlowHost.start({ api: url, definition });
    try {
      await assert.rejects(host.action('ListThings'), {
        message: /^ListThings answered 200 with application\/json, which is not JSON \(.*\): "<html>Gateway<\/html>"$/,
      });
    } finally {
      await closing(host, server);
    }
  });

  it('sends the defaults of required internal fields the test leaves out, at any depth of a body, and leaves out optional ones', async () => {
    // Before, a body went as the test gave it: an API that requires them (a Flowport one does,
    // their default being for the designer to fill in) answered 400 where the platform succeeds.
    // And an optional internal parameter went with its default, which the platform leaves out
    // (reference §3.2, the validator's InternalPropertyWithDefaultOptional).
    const { server, url } = await serving(async (req, res) => {
      const text = await textOf(req);
      const echo = JSON.stringify({ url: req.url, body: JSON.parse(text) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(echo);
    });
    const internal = (extra: Record<string, unknown>) => ({ type: 'string', 'x-ms-visibility': 'internal', ...extra });
    const definition = {
      swagger: '2.0',
      paths: {
        '/orders': {
          post: {
            operationId: 'AddOrder',
            parameters: [
              { name: 'api', in: 'query', required: true, ...internal({ default: '2' }) },
              { name: 'mode', in: 'query', required: false, ...internal({ default: 'fast' }) },
              { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Order' } },
            ],
            responses: { '200': { description: 'The order and where it went' } },
          },
        },
      },
      definitions: {
        Order: {
          type: 'object',
          required: ['version'],
          properties: {
            version: internal({ default: 'v1' }),
            channel: internal({ default: 'web' }),
            note: { type: 'string', default: 'not internal' },
            lines: { type: 'array', items: { $ref: '#/definitions/Line' } },
          },
        },
        Line: {
          type: 'object',
          required: ['unit'],
          properties: { sku: { type: 'string' }, unit: internal({ default: 'each' }) },
        },
      },
    };
    const host = await FlowHost.start({ api: url, definition });
    try {
      const given = { lines: [{ sku: 'a' }, { sku: 'b', unit: 'box' }] };
      const res = await host.action('AddOrder', given);
      assert.deepEqual(res.body, {
        url: '/orders?api=2',
        body: {
          lines: [
            { sku: 'a', unit: 'each' },
            { sku: 'b', unit: 'box' },
          ],
          version: 'v1',
        },
      });
      assert.deepEqual(given, { lines: [{ sku: 'a' }, { sku: 'b', unit: 'box' }] }, "the test's value is as it was");
    } finally {
      await closing(host, server);
    }
  });

  it('fails an action whose answer sends a declared integer header as another value', async () => {
    // Before, only the body was judged; the adapter's validateResponses now checks such headers too.
    let total = 'many';
    const { server, url } = await serving((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'X-Total-Count': total }).end('["a"]');
    });
    const definition = {
      swagger: '2.0',
      paths: {
        '/stock': {
          get: {
            operationId: 'GetStock',
            responses: {
              '200': {
                description: 'The stock',
                schema: { type: 'array', items: { type: 'string' } },
                headers: { 'X-Total-Count': { type: 'integer' } },
              },
            },
          },
        },
      },
    };
    const host = await FlowHost.start({ api: url, definition });
    try {
      await assert.rejects(host.action('GetStock'), {
        message: 'GetStock answered 200 with the header X-Total-Count: many, which must be an integer',
      });
      total = '12';
      assert.deepEqual((await host.action('GetStock')).body, ['a']);
    } finally {
      await closing(host, server);
    }
  });

  it("checks each notification against the trigger's notification content, read one by one or all at once", async () => {
    // Before, `notifications` handed them over unchecked: a test that read them there passed on a
    // payload the flow could not read.
    const { server, url } = await serving(async (req, res) => {
      const text = await textOf(req);
      const callback = (JSON.parse(text) as { callback: string }).callback;
      res.writeHead(201, { Location: '/hooks/1' }).end();
      void (async () => {
        for (const body of [{ id: 'a' }, { id: 2 }]) {
          await fetch(callback, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
        }
      })();
    });
    const definition = {
      swagger: '2.0',
      paths: {
        '/hooks': {
          'x-ms-notification-content': {
            schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
          },
          post: {
            operationId: 'OnEvent',
            'x-ms-trigger': 'single',
            parameters: [CALLBACK_BODY],
            responses: { '201': { description: 'Registered' } },
          },
        },
      },
    };
    const host = await FlowHost.start({ api: url, definition });
    try {
      const sub = await host.webhook('OnEvent');
      assert.deepEqual((await sub.notification(1)).body, { id: 'a' });
      const mismatch = /^notification 2 of OnEvent does not match x-ms-notification-content: \/id must be string/;
      await assert.rejects(sub.notification(2), { message: mismatch });
      assert.throws(() => sub.notifications, { message: mismatch });
    } finally {
      await closing(host, server);
    }
  });

  it('finds the notification URL field behind a property whose class refers to itself', async () => {
    // Before, `filter` (a Filter with `not: Filter`) ahead of the field recursed until the stack ran out.
    const bodies: unknown[] = [];
    const { server, url } = await serving(async (req, res) => {
      const text = await textOf(req);
      bodies.push(JSON.parse(text));
      res.writeHead(201, { Location: '/hooks/1' }).end();
    });
    const definition = {
      swagger: '2.0',
      definitions: {
        Filter: {
          type: 'object',
          properties: { field: { type: 'string' }, not: { $ref: '#/definitions/Filter' } },
        },
        Registration: {
          type: 'object',
          required: ['callbackUrl'],
          properties: {
            filter: { $ref: '#/definitions/Filter' },
            callbackUrl: { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' },
          },
        },
      },
      paths: {
        '/hooks': {
          'x-ms-notification-content': { schema: { type: 'object' } },
          post: {
            operationId: 'OnEvent',
            'x-ms-trigger': 'single',
            parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Registration' } }],
            responses: { '201': { description: 'Registered' } },
          },
        },
      },
    };
    const host = await FlowHost.start({ api: url, definition });
    try {
      const sub = await host.webhook('OnEvent', { filter: { field: 'a', not: { field: 'b' } } });
      assert.equal(sub.location, `${url}/hooks/1`);
      const body = bodies[0] as { filter: unknown; callbackUrl: string };
      assert.deepEqual(body.filter, { field: 'a', not: { field: 'b' } });
      assert.match(body.callbackUrl, /^http:\/\/127\.0\.0\.1:\d+\//);
    } finally {
      await closing(host, server);
    }
  });

  it('registers a webhook with its path, query and header parameters as declared', async () => {
    // Before, a registration with a path parameter went out as "/teams/{team}/hooks".
    const seen: { url?: string; mode?: string; body?: unknown }[] = [];
    const { server, url } = await serving(async (req, res) => {
      const text = await textOf(req);
      seen.push({ url: req.url, mode: req.headers['x-mode'] as string | undefined, body: JSON.parse(text) });
      res.writeHead(201, { Location: '/teams/a%20b/hooks/1' }).end();
    });
    const definition = {
      swagger: '2.0',
      paths: {
        '/teams/{team}/hooks': {
          'x-ms-notification-content': { schema: { type: 'object' } },
          post: {
            operationId: 'OnTeamEvent',
            'x-ms-trigger': 'single',
            parameters: [
              { name: 'team', in: 'path', required: true, type: 'string' },
              { name: 'kind', in: 'query', type: 'string' },
              { name: 'X-Mode', in: 'header', type: 'string' },
              CALLBACK_BODY,
            ],
            responses: { '201': { description: 'Registered' } },
          },
        },
      },
    };
    const host = await FlowHost.start({ api: url, definition });
    try {
      const sub = await host.webhook('OnTeamEvent', {}, { team: 'a b', kind: 'created', 'X-Mode': 'fast' });
      assert.equal(sub.location, `${url}/teams/a%20b/hooks/1`);
      assert.deepEqual(
        seen.map((s) => [s.url, s.mode]),
        [['/teams/a%20b/hooks?kind=created', 'fast']],
      );
      assert.match(String((seen[0].body as { callback: string }).callback), /^http:\/\/127\.0\.0\.1:\d+\//);
      await assert.rejects(host.webhook('OnTeamEvent'), {
        message: 'OnTeamEvent needs a value for its path parameter "team"',
      });
    } finally {
      await closing(host, server);
    }
  });
});
