import {
  Action,
  apiKey,
  Body,
  Connector,
  connectorDefinition,
  Controller,
  Get,
  MemoryJobStore,
  Patch,
  Path,
  Put,
  Query,
  resolve,
  Returns,
} from '@flowport/core';
import { FlowHost } from '@flowport/testing';
import { createApp, listen, urlOf } from '@flowport/express-adapter';
import { IsString, registerDecorator } from 'class-validator';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FilesController } from './fixtures/files-api';
import { until } from './support/until';

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Record<string, unknown> | undefined;
  readonly reused: boolean;
}

/** The files of open uploads, wherever this process keeps them. */
function uploadFile(id: string): string | undefined {
  for (const folder of readdirSync(tmpdir()).filter((n) => n.startsWith('flowport-uploads-'))) {
    const file = join(tmpdir(), folder, id);
    if (existsSync(file)) return file;
  }
  return undefined;
}

describe("chunked upload (Logic Apps' protocol for actions with chunkTransfer)", function () {
  this.timeout(30_000);
  const connector = new Connector({
    info: { title: 'Files', description: 'A connector that moves large files in and out.', version: '1.0.0' },
    brandColor: '#123456',
    auth: apiKey({ in: 'header', name: 'x-key', label: 'Key' }),
    controllers: [FilesController],
  });
  let server: http.Server;
  let agent: http.Agent;
  const logged: string[] = [];

  before(async () => {
    const app = createApp(connector, {
      docs: false,
      fileLimit: 1000,
      credentials: { apiKeys: ['k1', 'k2'] },
      logger: { error: (message, details) => logged.push(`${message} ${JSON.stringify(details)}`) },
    });
    server = await listen(app, 0, '127.0.0.1');
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  });
  after(async () => {
    agent.destroy();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const send = (method: string, url: string, headers: Record<string, string>, body?: Buffer) =>
    new Promise<Answer>((resolve, reject) => {
      const target = url.startsWith('http') ? url : `${urlOf(server)}${url}`;
      const req = http.request(target, { method, agent, headers: { 'x-key': 'k1', ...headers } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
            reused: req.reusedSocket,
          }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  const open = (path: string, total: number | string, headers: Record<string, string> = {}) =>
    send('PUT', path, { 'x-ms-transfer-mode': 'chunked', 'x-ms-content-length': String(total), ...headers });
  const chunk = (location: string, range: string, bytes: Buffer, headers: Record<string, string> = {}) =>
    send(
      'PATCH',
      location,
      {
        'content-type': 'application/octet-stream',
        'content-range': range,
        ...headers,
      },
      bytes,
    );

  const file = Buffer.from('a file of some bytes, '.repeat(40)); // 880 bytes
  const sha256 = createHash('sha256').update(file).digest('hex');

  it('opens an upload, takes the chunks in order, and answers the last one with the action', async () => {
    const opened = await open('/files/chunked/report', file.length);
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    const { port } = server.address() as AddressInfo;
    assert.match(
      String(opened.headers.location),
      new RegExp(`^http://127\\.0\\.0\\.1:${port}/_uploads/[0-9a-f-]{36}$`),
    );
    assert.equal(opened.headers['x-ms-chunk-size'], String(file.length));
    const location = String(opened.headers.location);
    const id = location.split('/').pop()!;

    const first = await chunk(location, 'bytes=0-299/880', file.subarray(0, 300));
    assert.deepEqual([first.status, first.headers.range], [200, 'bytes=0-299']);
    assert.ok(uploadFile(id), 'the content waits in a file');
    // The same chunk again (its answer was lost): it is here already.
    const again = await chunk(location, 'bytes=0-299/880', file.subarray(0, 300));
    assert.deepEqual([again.status, again.headers.range], [200, 'bytes=0-299']);
    // Out of order: the answer says where the next one starts.
    const gap = await chunk(location, 'bytes=600-879/880', file.subarray(600));
    assert.deepEqual(
      [gap.status, gap.headers.range, gap.body?.detail],
      [409, 'bytes=0-299', 'The next chunk starts at byte 300.'],
    );
    // Short of its range, the RFC 9110 form: refused, and the connection goes on.
    const short = await chunk(location, 'bytes 300-599/880', file.subarray(300, 400));
    assert.deepEqual([short.status, short.body?.detail], [400, 'The chunk holds 100 bytes; its range names 300.']);
    const second = await chunk(location, 'bytes 300-599/880', file.subarray(300, 600));
    assert.deepEqual([second.status, second.headers.range, second.reused], [200, 'bytes=0-599', true]);

    const last = await chunk(location, 'bytes=600-879/880', file.subarray(600));
    assert.deepEqual(
      [last.status, last.headers.range, last.body],
      [200, 'bytes=0-879', { name: 'report', bytes: file.length, sha256 }],
    );
    // The file is removed when the answer closes, which the client may see first.
    await until(() => uploadFile(id) === undefined, 'the file to be removed after the answer');
    const after = await chunk(location, 'bytes=600-879/880', file.subarray(600));
    assert.deepEqual([after.status, after.body?.detail], [404, 'No such upload; it may have expired.']);
  });

  it("checks the action's other inputs and the declared size when the upload opens", async () => {
    const badName = await open('/files/chunked/Not-a-name', file.length);
    assert.equal(badName.status, 400);
    assert.deepEqual(
      (badName.body?.errors as { pointer: string }[]).map((e) => e.pointer),
      ['/path/name'],
    );
    assert.equal(badName.headers.location, undefined);
    const large = await open('/files/chunked/report', 1001);
    assert.deepEqual([large.status, large.body?.detail], [413, 'The content is larger than 1000 bytes.']);
    const none = await send('PUT', '/files/chunked/report', { 'x-ms-transfer-mode': 'chunked' });
    assert.deepEqual(
      [none.status, none.body?.detail],
      [400, 'A chunked upload needs x-ms-content-length, the size of the whole content in bytes; got none.'],
    );
    const unauthenticated = await open('/files/chunked/report', file.length, { 'x-key': 'wrong' });
    assert.equal(unauthenticated.status, 401);
    // An action that does not declare chunkTransfer says so, rather than run on the empty body.
    const whole = await send('POST', '/files/upload', { 'x-ms-transfer-mode': 'chunked', 'x-ms-content-length': '10' });
    assert.deepEqual(
      [whole.status, whole.body?.detail],
      [400, 'Upload does not take its body in chunks (x-ms-transfer-mode: chunked); send the body whole.'],
    );
  });

  it("refuses a chunk that is not the upload's: another caller, a wrong total, a range beyond it, no range", async () => {
    const opened = await open('/files/chunked/mine', file.length);
    const location = String(opened.headers.location);
    const other = await chunk(location, 'bytes=0-299/880', file.subarray(0, 300), { 'x-key': 'k2' });
    assert.deepEqual([other.status, other.body?.detail], [404, 'No such upload; it may have expired.']);
    const total = await chunk(location, 'bytes=0-299/900', file.subarray(0, 300));
    assert.deepEqual(
      [total.status, total.body?.detail],
      [400, 'The upload was opened for 880 bytes; this chunk says 900.'],
    );
    const beyond = await chunk(location, 'bytes=0-880/880', file);
    assert.deepEqual(
      [beyond.status, beyond.body?.detail],
      [400, "The chunk's range 0-880 is not within the 880 bytes of the content."],
    );
    const none = await send('PATCH', location, { 'content-type': 'application/octet-stream' }, file);
    assert.deepEqual(
      [none.status, none.body?.detail],
      [400, 'A chunk needs Content-Range: bytes=<first>-<last>/<total>; got none.'],
    );
    const long = await chunk(location, 'bytes=0-99/880', file.subarray(0, 300));
    assert.deepEqual(
      [long.status, long.body?.detail],
      [400, 'The chunk holds more than the 100 bytes its range names.'],
    );
    // None of these moved the upload on.
    const first = await chunk(location, 'bytes=0-879/880', file);
    assert.deepEqual([first.status, first.body], [200, { name: 'mine', bytes: file.length, sha256 }]);
  });
  it('FlowHost sends content in chunks as the engine does, and whole to an action without chunkTransfer', async () => {
    const host = await FlowHost.start({
      api: urlOf(server),
      connection: { 'x-key': 'k1' },
      definition: connectorDefinition(resolve(connector)),
    });
    try {
      const chunked = await host.upload('UploadChunked', file, { name: 'report' }, { chunkSize: 300 });
      assert.deepEqual(chunked, { status: 200, body: { name: 'report', bytes: file.length, sha256 }, chunks: 3 });
      // The API's suggestion (x-ms-chunk-size: the whole 880 bytes, within the 4 MiB it suggests at most).
      assert.equal((await host.upload('UploadChunked', file, { name: 'report' })).chunks, 1);
      const refused = await host.upload('UploadChunked', file, { name: 'Not-a-name' });
      assert.deepEqual([refused.status, refused.chunks], [400, 0]);
      await assert.rejects(host.upload('Upload', file), /Upload does not declare x-ms-capabilities\.chunkTransfer/);
      await assert.rejects(host.upload('UploadChunked', file, { name: 'report' }, { chunkSize: 0 }), {
        message: 'chunkSize must be a whole number of bytes above 0, not 0',
      });
      const whole = await host.action('Upload', file);
      assert.deepEqual(whole, { status: 200, body: { bytes: file.length, sha256 }, polls: 0 });
    } finally {
      await host.close();
    }
  });
  it('keeps at most 8 uploads of one caller open, without holding up another caller', async () => {
    // Each open upload may hold a file up to the file limit: one caller cannot take every place.
    const answers = [];
    for (let i = 0; i < 9; i++) answers.push(await open('/files/chunked/many', file.length, { 'x-key': 'k2' }));
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200, 200, 200, 200, 200, 200, 429],
    );
    assert.deepEqual(
      [answers[8].body?.detail, answers[8].headers['retry-after']],
      ['You have 8 uploads open, as many as one caller may; finish one, or wait until one expires.', '60'],
    );
    assert.equal((await open('/files/chunked/mine', file.length)).status, 200);
    // Finishing one frees its place.
    const done = await chunk(String(answers[0].headers.location), 'bytes=0-879/880', file, { 'x-key': 'k2' });
    assert.equal(done.status, 200);
    assert.equal((await open('/files/chunked/many', file.length, { 'x-key': 'k2' })).status, 200);
  });
  it('takes a chunk again after the network cut it short, and one chunk at a time', async () => {
    const opened = await open('/files/chunked/cut', file.length);
    const location = new URL(String(opened.headers.location));
    // 300 bytes announced, 100 sent, then the connection is gone.
    await new Promise<void>((resolve) => {
      const socket = connect(Number(location.port), location.hostname, () => {
        socket.write(
          `PATCH ${location.pathname} HTTP/1.1\r\nHost: ${location.host}\r\nx-key: k1\r\n` +
            'content-type: application/octet-stream\r\ncontent-range: bytes=0-299/880\r\ncontent-length: 300\r\n\r\n',
        );
        socket.write(file.subarray(0, 100), () => setTimeout(() => socket.destroy(), 50));
      });
      socket.on('close', () => resolve());
    });
    // Until the server has dropped the cut chunk, the chunk sent again is told to wait (409).
    let again: Answer | undefined;
    await until(
      async () => (again = await chunk(location.href, 'bytes=0-299/880', file.subarray(0, 300))).status !== 409,
      'the cut chunk to be dropped',
    );
    assert.deepEqual([again?.status, again?.headers.range], [200, 'bytes=0-299'], JSON.stringify(again?.body));
    // Two at once: the second is told to wait for the first, or is out of order if it comes first.
    const [first, second] = await Promise.all([
      chunk(location.href, 'bytes=300-599/880', file.subarray(300, 600)),
      new Promise((r) => setTimeout(r, 5)).then(() => chunk(location.href, 'bytes=600-879/880', file.subarray(600))),
    ]);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.ok(second.status === 409 || second.status === 200, JSON.stringify(second.body));
    const rest = second.status === 200 ? second : await chunk(location.href, 'bytes=600-879/880', file.subarray(600));
    assert.deepEqual([rest.status, rest.body], [200, { name: 'cut', bytes: file.length, sha256 }]);
    // The cut was the client's doing: nothing is logged as the server's failure.
    assert.deepEqual(logged, []);
  });
});

describe('operations at the paths Flowport serves itself', () => {
  it('are refused at start-up, named, where they would never be reached', () => {
    @Controller()
    class Shadowed {
      @Get('/_JOBS/{id}') @Action({ summary: 'Job' }) @Returns(200) job(@Path('id') _id: string): void {}
      @Patch('/_uploads/{id}') @Action({ summary: 'Upload part' }) @Returns(200) part(@Path('id') _id: string): void {}
      @Get('/_jobs/{id}/log') @Action({ summary: 'Job log' }) @Returns(200) log(@Path('id') _id: string): void {}
    }
    const base = {
      info: { title: 'Shadows', description: 'A connector whose paths clash with Flowport.', version: '1.0.0' },
      brandColor: '#123456',
    };
    assert.throws(
      () => createApp(new Connector({ ...base, controllers: [Shadowed] }), { jobs: { store: new MemoryJobStore() } }),
      {
        message:
          'Job (GET /_JOBS/{id}) is at the path where Flowport serves the status of long-running actions, so it would never be reached; give it another path',
      },
    );
    // Without jobs (and without chunked uploads) the paths are free.
    assert.doesNotThrow(() => createApp(new Connector({ ...base, controllers: [Shadowed] })));
    assert.throws(
      () => createApp(new Connector({ ...base, controllers: [Shadowed, FilesController] }), { docs: false }),
      /^Error: Part \(PATCH \/_uploads\/\{id\}\) is at the path where Flowport serves the chunks of uploads/,
    );
  });
});

describe('a chunked upload whose query parameters are a class with rules of its own', () => {
  /** A rule with no schema form: checked at runtime only. */
  const IsPalindrome = (): PropertyDecorator => (target, property) =>
    registerDecorator({
      name: 'isPalindrome',
      target: target.constructor,
      propertyName: String(property),
      options: { message: 'must read the same backwards' },
      validator: { validate: (v: unknown) => typeof v === 'string' && v === [...v].reverse().join('') },
    });
  class Tagging {
    @IsString() @IsPalindrome() tag!: string;
  }
  @Controller('/tagged')
  class TaggedUploads {
    @Put('/')
    @Action({
      id: 'UploadTagged',
      summary: 'Upload a tagged file',
      consumes: ['application/octet-stream'],
      chunkTransfer: true,
    })
    @Returns(204)
    upload(@Query() _tagging: Tagging, @Body({ type: 'binary', required: true }) _body: Readable): void {}
  }

  it('meets them when the upload opens, as a whole body does', async () => {
    // Before, the upload opened (200 and a Location), and the handler ran at the last chunk on a
    // tag that the same request with its body whole was refused for.
    const app = createApp(
      new Connector({
        info: { title: 'Tagged', description: 'Tagged uploads.', version: '1.0.0' },
        brandColor: '#123456',
        controllers: [TaggedUploads],
      }),
      { docs: false },
    );
    const server = await listen(app, 0, '127.0.0.1');
    try {
      const open = (tag: string) =>
        fetch(`${urlOf(server)}/tagged?tag=${tag}`, {
          method: 'PUT',
          headers: { 'x-ms-transfer-mode': 'chunked', 'x-ms-content-length': '3' },
        });
      const refused = await open('levels');
      assert.equal(refused.status, 400);
      assert.deepEqual(((await refused.json()) as { errors: unknown[] }).errors, [
        { pointer: '/query/tag', message: 'must read the same backwards', code: 'isPalindrome' },
      ]);
      const opened = await open('level');
      assert.equal(opened.status, 200);
      assert.match(opened.headers.get('location') ?? '', /\/_uploads\/[0-9a-f-]{36}$/);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
