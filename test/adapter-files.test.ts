import { createApp, listen, urlOf } from '@flowport/express-adapter';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import zlib, { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { connector } from './fixtures/files-api';
import { until } from './support/until';

const MIB = 1024 * 1024;

describe('files: streamed downloads and raw uploads', function () {
  this.timeout(60_000);
  let child: ChildProcess;
  let url = '';

  before(async () => {
    child = spawn(process.execPath, [join(__dirname, 'fixtures', 'files-api.js')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    url = await new Promise<string>((resolve, reject) => {
      child.stdout!.once('data', (c: Buffer) => resolve(c.toString().trim()));
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
  });
  after(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill();
    await exited;
  });

  it('moves 50 MB down and 50 MB up with peak RSS of the server under 200 MB', async () => {
    const received = await new Promise<{ bytes: number; disposition: string }>((resolve, reject) => {
      http.get(`${url}/files/big?mib=50`, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ bytes, disposition: String(res.headers['content-disposition']) }));
        res.on('error', reject);
      });
    });
    assert.equal(received.bytes, 50 * MIB);
    assert.equal(received.disposition, 'attachment; filename="big file.bin"');

    const hash = createHash('sha256');
    let left = 50 * 16;
    const chunk = Buffer.alloc(64 * 1024, 3);
    const source = new Readable({
      read() {
        if (left-- > 0) {
          hash.update(chunk);
          this.push(chunk);
        } else this.push(null);
      },
    });
    const answer = await new Promise<{ bytes: number; sha256: string }>((resolve, reject) => {
      const req = http.request(
        `${url}/files/upload`,
        { method: 'POST', headers: { 'content-type': 'application/octet-stream' } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c));
          res.on('end', () => resolve(JSON.parse(text)));
        },
      );
      req.on('error', reject);
      source.pipe(req);
    });
    assert.deepEqual(answer, { bytes: 50 * MIB, sha256: hash.digest('hex') });

    const memory = (await (await fetch(`${url}/files/memory`)).json()) as { peakRssMiB: number };
    // Loose by design: buffering either file whole would add 50 MB or more.
    assert.ok(memory.peakRssMiB < 200, `peak RSS ${memory.peakRssMiB} MiB`);
  });

  it('refuses an upload over the limit with 413, and serves inline images with x-ms-media-kind declared', async () => {
    const small = createApp(connector, { docs: true, fileLimit: 1000 });
    const res = await request(small)
      .post('/files/upload')
      .set('content-type', 'application/octet-stream')
      .send(Buffer.alloc(5000));
    assert.equal(res.status, 413);
    const picture = await request(small).get('/files/picture');
    assert.equal(picture.headers['content-type'], 'image/png');
    assert.equal(picture.headers['content-disposition'], 'inline; filename=p.png');
    const spec = JSON.parse((await request(small).get('/connector/apiDefinition.swagger.json')).text);
    assert.deepEqual(spec.paths['/files/picture'].get.responses['200'].schema, {
      type: 'string',
      format: 'binary',
      'x-ms-media-kind': 'image',
    });
  });
});

describe('files: a side that fails or stops early', function () {
  this.timeout(30_000);
  const logs: string[] = [];
  const app = createApp(connector, { docs: false, logger: { error: (message) => logs.push(message) } });
  let server: http.Server;
  let url = '';
  before(async () => {
    server = await listen(app, 0, '127.0.0.1');
    url = urlOf(server);
  });
  beforeEach(() => logs.splice(0));
  after(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));

  for (const [how, path] of [
    ['returned as a stream', '/files/missing'],
    ['wrapped in download()', '/files/missing?wrapped=true'],
  ] as const) {
    it(`a source that fails before its first byte (${how}) is a logged 500 problem, without the download's headers`, async () => {
      const res = await request(url).get(path);
      assert.equal(res.status, 500);
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(res.headers['content-disposition'], undefined);
      assert.match(res.body.detail, /quote request id/);
      assert.deepEqual(logs, ['flowport: unhandled error']);
    });
  }

  it('a source that fails midway cuts the answer, is logged, and the server goes on', async () => {
    const outcome = await new Promise<{ bytes: number; error?: string }>((resolve) => {
      let bytes = 0;
      http
        .get(`${url}/files/broken`, (res) => {
          res.on('data', (chunk: Buffer) => (bytes += chunk.length));
          res.on('error', (err) => resolve({ bytes, error: err.message }));
          res.on('end', () => resolve({ bytes }));
        })
        .on('error', (err) => resolve({ bytes, error: err.message }));
    });
    assert.equal(outcome.error, 'aborted', 'the client sees an incomplete answer, not a complete one');
    assert.deepEqual(logs, ['flowport: the answer failed after it began; it was cut']);
    assert.equal((await request(url).get('/files/picture')).status, 200);
  });

  it("an upload the client cuts short is its failure, not logged as the server's", async () => {
    // Before, the handler's read failed with Node's "aborted", answered and logged as a crash.
    const { port, hostname } = new URL(url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(
          `POST /files/upload HTTP/1.1\r\nHost: ${hostname}\r\ncontent-type: application/octet-stream\r\ncontent-length: 1000\r\n\r\n`,
        );
        socket.write(Buffer.alloc(100), () => setTimeout(() => socket.destroy(), 50));
      });
      socket.on('close', () => resolve());
    });
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(logs, []);
    assert.equal((await request(url).get('/files/open-sources')).status, 200);
  });

  it('downloadFile: the whole file, a range of it (206), one beyond it (416), If-Modified-Since (304), If-Range, HEAD', async () => {
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
    const whole = await request(url).get('/files/disk/report.bin').buffer(true);
    assert.equal(whole.status, 200);
    assert.ok(Buffer.from(whole.body as Buffer).equals(bytes));
    assert.deepEqual(
      [whole.headers['content-length'], whole.headers['accept-ranges'], whole.headers['content-disposition']],
      ['1000', 'bytes', 'attachment; filename=report.bin'],
    );
    assert.equal(whole.headers['content-type'], 'application/octet-stream');
    // As Logic Apps fetches a large file in chunks, and a client resumes a download.
    const part = await request(url).get('/files/disk/report.bin').set('Range', 'bytes=256-511').buffer(true);
    assert.deepEqual([part.status, part.headers['content-range']], [206, 'bytes 256-511/1000']);
    assert.ok(Buffer.from(part.body as Buffer).equals(bytes.subarray(256, 512)));
    const tail = await request(url).get('/files/disk/report.bin').set('Range', 'bytes=990-').buffer(true);
    assert.deepEqual(
      [tail.status, tail.headers['content-range'], (tail.body as Buffer).length],
      [206, 'bytes 990-999/1000', 10],
    );
    const beyond = await request(url).get('/files/disk/report.bin').set('Range', 'bytes=5000-6000');
    assert.deepEqual(
      [
        beyond.status,
        beyond.type,
        beyond.headers['content-range'],
        beyond.headers['content-disposition'],
        beyond.body.detail,
      ],
      [
        416,
        'application/problem+json',
        'bytes */1000',
        undefined,
        'The range asked for is not within the file; Content-Range says its size.',
      ],
    );
    const again = await request(url)
      .get('/files/disk/report.bin')
      .set('If-Modified-Since', String(whole.headers['last-modified']));
    assert.equal(again.status, 304);
    // A range of a file that changed since (If-Range): the whole file instead.
    const changed = await request(url)
      .get('/files/disk/report.bin')
      .set('Range', 'bytes=0-9')
      .set('If-Range', 'Thu, 01 Jan 1970 00:00:00 GMT')
      .buffer(true);
    assert.deepEqual([changed.status, (changed.body as Buffer).length], [200, 1000]);
    const head = await request(url).head('/files/disk/report.bin');
    assert.deepEqual([head.status, head.headers['content-length']], [200, '1000']);
    assert.deepEqual(logs, []);
  });

  it('downloadFile: a file whose read fails midway cuts the answer, is logged, and the server goes on', async () => {
    // send reads through fs.createReadStream: this one gives 100 bytes, then a disk error.
    const real = fs.createReadStream;
    fs.createReadStream = ((path: string, options?: unknown) => {
      if (!String(path).endsWith('report.bin')) return real(path, options as never);
      let reads = 0;
      return new Readable({
        read() {
          if (reads++ === 0) this.push(Buffer.alloc(100));
          else setTimeout(() => this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })), 20);
        },
      });
    }) as typeof fs.createReadStream;
    try {
      const outcome = await new Promise<{ bytes: number; error?: string }>((resolve) => {
        let bytes = 0;
        http
          .get(`${url}/files/disk/report.bin`, (res) => {
            res.on('data', (chunk: Buffer) => (bytes += chunk.length));
            res.on('error', (err) => resolve({ bytes, error: err.message }));
            res.on('end', () => resolve({ bytes }));
          })
          .on('error', (err) => resolve({ bytes, error: err.message }));
      });
      assert.equal(outcome.error, 'aborted', 'the client sees an incomplete answer, not a complete one');
    } finally {
      fs.createReadStream = real;
    }
    assert.deepEqual(logs, ['flowport: the answer failed after it began; it was cut']);
    assert.equal((await request(url).get('/files/disk/report.bin')).status, 200);
  });

  it('downloadFile: a file that cannot be read is a logged 500, as a failed stream is', async () => {
    const missing = await request(url).get('/files/disk/missing.bin');
    assert.deepEqual(
      [missing.status, missing.type, missing.headers['content-disposition']],
      [500, 'application/problem+json', undefined],
    );
    assert.equal(logs.length, 1);
  });

  it('a HEAD of a download ends its source at once, with the headers a GET gets', async () => {
    // Before, Node dropped the body of the HEAD answer after the whole source had been read for it.
    const before = (await request(url).get('/files/open-sources')).body as { pulled: number };
    const head = await request(url).head('/files/big?mib=200');
    assert.deepEqual(
      [head.status, head.headers['content-disposition'], head.headers['content-type']],
      [200, 'attachment; filename="big file.bin"', 'application/octet-stream'],
    );
    let after = { open: -1, pulled: 0 };
    await until(async () => {
      after = (await request(url).get('/files/open-sources')).body as typeof after;
      return after.open === 0;
    }, 'the source of the HEAD to be ended');
    assert.ok(after.pulled - before.pulled < 10, `${after.pulled - before.pulled} chunks of 3,200 were read`);
  });

  it('a client that goes away ends the source of its download', async () => {
    await new Promise<void>((resolve) => {
      const req = http.get(`${url}/files/big?mib=200`, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
    });
    await until(
      async () => (await request(url).get('/files/open-sources')).body.open === 0,
      'the source to be destroyed',
    );
  });

  it('an upload nobody reads: over the limit is 413 (declared) or dropped (chunked), and the connection goes on', async () => {
    // Before, crossing the limit with nobody reading was an unhandled 'error' that ended the process.
    const small = await listen(createApp(connector, { docs: false, fileLimit: 1000 }), 0, '127.0.0.1');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (path: string, size: number, chunked: boolean) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = http.request(
          `${urlOf(small)}${path}`,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/octet-stream',
              ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': size }),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode!, reused: req.reusedSocket }));
          },
        );
        req.on('error', reject);
        let left = size;
        const write = (): void => {
          while (left > 0) {
            const n = Math.min(left, 512);
            left -= n;
            if (!req.write(Buffer.alloc(n))) return void req.once('drain', write);
          }
          req.end();
        };
        write();
      });
    try {
      const answers = [];
      for (const path of ['/files/ignore', '/files/upload'])
        for (const chunked of [false, true]) answers.push((await post(path, 200_000, chunked)).status);
      assert.deepEqual(answers, [413, 200, 413, 413]);
      const after = await post('/files/upload', 10, false);
      assert.deepEqual(after, { status: 200, reused: true });
    } finally {
      agent.destroy();
      small.closeAllConnections();
      await new Promise((r) => small.close(r));
    }
  });
  it('an upload in a content coding reaches the handler decoded, up to the limit; an unknown coding is 415', async () => {
    // Before, a gzip upload was handed over as its compressed bytes, and an unknown coding as if none.
    const small = await listen(createApp(connector, { docs: false, fileLimit: 1000 }), 0, '127.0.0.1');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (coding: string, body: Buffer) =>
      new Promise<{ status: number; accepts?: string; body: Record<string, unknown>; reused: boolean }>(
        (resolve, reject) => {
          const req = http.request(
            `${urlOf(small)}/files/upload`,
            {
              method: 'POST',
              agent,
              headers: { 'content-type': 'application/octet-stream', 'content-encoding': coding },
            },
            (res) => {
              let text = '';
              res.on('data', (c: Buffer) => (text += c));
              res.on('end', () =>
                resolve({
                  status: res.statusCode!,
                  accepts: res.headers['accept-encoding'] as string | undefined,
                  body: JSON.parse(text) as Record<string, unknown>,
                  reused: req.reusedSocket,
                }),
              );
            },
          );
          req.on('error', reject);
          req.end(body);
        },
      );
    // What body-parser decodes for JSON: zstd where zlib has it (Node 22.15 and later).
    const codings = ['identity', 'gzip', 'deflate', 'br', ...('createZstdDecompress' in zlib ? ['zstd'] : [])].join(
      ', ',
    );
    const file = Buffer.from('a file of some bytes, '.repeat(40)); // 880 bytes
    const sha256 = createHash('sha256').update(file).digest('hex');
    try {
      for (const [coding, encoded] of [
        ['gzip', gzipSync(file)],
        ['Deflate', deflateSync(file)],
        ['br', brotliCompressSync(file)],
        ['identity', file],
      ] as const) {
        const answer = await post(coding, encoded);
        assert.deepEqual([coding, answer.status, answer.body], [coding, 200, { bytes: file.length, sha256 }]);
      }
      // Decoded past the limit (1,000 bytes), though only a few dozen bytes were sent.
      const bomb = await post('gzip', gzipSync(Buffer.alloc(100_000)));
      assert.deepEqual([bomb.status, bomb.body.detail], [413, 'The body is larger than 1000 bytes.']);
      const corrupt = await post('gzip', file);
      assert.deepEqual(
        [corrupt.status, corrupt.body.detail],
        [400, 'The body is not valid gzip: incorrect header check.'],
      );
      for (const coding of ['compress', 'gzip, gzip']) {
        const refused = await post(coding, file);
        assert.deepEqual(
          [refused.status, refused.body.detail, refused.accepts],
          [415, `Send the body without Content-Encoding ${coding}; this operation reads ${codings}.`, codings],
        );
      }
      const after = await post('gzip', gzipSync(file));
      assert.deepEqual([after.status, after.reused], [200, true]);
    } finally {
      agent.destroy();
      small.closeAllConnections();
      await new Promise((r) => small.close(r));
    }
  });
});
