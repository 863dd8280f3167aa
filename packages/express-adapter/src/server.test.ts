import assert from 'node:assert/strict';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import express from 'express';
import { KEEP_ALIVE_MS, listen, shutdown } from './server';

/** A GET over `agent`: the status, the Connection header, and the socket it came over. */
function get(port: number, path: string, agent: http.Agent) {
  return new Promise<{ status: number; connection?: string; body: string; socket: import('node:net').Socket }>(
    (resolve, reject) => {
      const req = http.get({ port, path, agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body, socket: req.socket! }),
        );
      });
      req.on('error', reject);
    },
  );
}

/** Resolves when `socket` has been closed (by either side). */
const closed = (socket: import('node:net').Socket) =>
  new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));

describe('shutdown', () => {
  let server: http.Server;
  let port: number;
  let agent: http.Agent;
  /** Resolves the request parked at /slow. */
  let release: () => void;
  let arrived: Promise<void>;

  beforeEach(async () => {
    const app = express();
    let arrive!: () => void;
    arrived = new Promise((resolve) => (arrive = resolve));
    app.get('/slow', (_req, res) => {
      release = () => res.json({ finished: true });
      arrive();
    });
    app.get('/fast', (_req, res) => res.json({ fast: true }));
    server = await listen(app, 0, '127.0.0.1');
    // No keep-alive timeout: an idle connection stays open until the server closes it.
    server.keepAliveTimeout = 0;
    port = (server.address() as AddressInfo).port;
    agent = new http.Agent({ keepAlive: true });
  });
  afterEach(() => {
    agent.destroy();
    server.closeAllConnections();
    server.close();
  });

  it('answers the request in flight, then closes its connection as soon as it is idle', async () => {
    const idle = await get(port, '/fast', new http.Agent({ keepAlive: true }));
    const inFlight = get(port, '/slow', agent);
    await arrived;
    const stopped = shutdown(server, { graceMs: 60_000 });
    await assert.rejects(get(port, '/fast', new http.Agent()), { code: 'ECONNREFUSED' });
    release();
    const answer = await inFlight;
    assert.deepEqual([answer.status, JSON.parse(answer.body)], [200, { finished: true }]);
    await stopped;
    await closed(answer.socket);
    await closed(idle.socket);
    assert.equal(server.listening, false);
  });

  it('serves a request that arrives on a busy connection while draining, with Connection: close', async () => {
    // Raw HTTP/1.1 on one socket: the second request is written after the shutdown began, behind
    // the first, which is still running (so the connection is not idle and stays open).
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    const ended = closed(socket);
    socket.write('GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await arrived;
    const stopped = shutdown(server, { graceMs: 60_000 });
    socket.write('GET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await new Promise((resolve) => server.once('request', resolve));
    release();
    await stopped;
    await ended;
    const answers = received.split(/(?=HTTP\/1\.1 )/);
    assert.equal(answers.length, 2, received);
    assert.match(answers[0], /^HTTP\/1\.1 200 [^]*\{"finished":true\}$/);
    assert.match(answers[1], /^HTTP\/1\.1 200 [^]*\r\nConnection: close\r\n[^]*\{"fast":true\}$/i);
  });

  it('answers a request sent on an idle kept-alive connection that the server has not read yet', async () => {
    // A busy server reads what its clients sent one turn of the event loop later: at the moment of
    // the signal, a connection whose next request waits unread looks idle. Closing it then loses
    // that request (the client sees ECONNRESET); it was the common case under load.
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    const ended = new Promise<string>((resolve) => {
      socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      socket.on('close', () => resolve('closed'));
    });
    socket.write('GET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await new Promise<void>((resolve) => socket.once('data', () => resolve()));
    // Written and shut down in one turn: the server reads the request only after shutdown() began.
    socket.write('GET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const stopped = shutdown(server, { graceMs: 60_000 });
    assert.equal(await ended, 'closed');
    await stopped;
    const answers = received.split(/(?=HTTP\/1\.1 )/);
    assert.equal(answers.length, 2, received);
    assert.match(answers[1], /^HTTP\/1\.1 200 [^]*\r\nConnection: close\r\n[^]*\{"fast":true\}$/i);
  });

  it('joins the drain under way when called again, as a second signal would', async () => {
    // Before, the second call closed a closed server and rejected (ERR_SERVER_NOT_RUNNING); the
    // example, which exits 1 on a failed shutdown, then cut the request the first call waited for.
    const inFlight = get(port, '/slow', agent);
    await arrived;
    const first = shutdown(server, { graceMs: 60_000 });
    const second = shutdown(server, { graceMs: 60_000 });
    assert.equal(second, first);
    release();
    assert.equal((await inFlight).status, 200);
    await second;
    assert.equal(server.listening, false);
  });

  it('cuts a request still running after the grace period, and resolves', async () => {
    const inFlight = get(port, '/slow', agent).catch((err: NodeJS.ErrnoException) => err.code);
    await arrived;
    await shutdown(server, { graceMs: 50 });
    assert.equal(await inFlight, 'ECONNRESET');
    assert.equal(server.listening, false);
  });
});

/** What the server answers to `raw`, sent as is over a new connection. */
function exchange(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write(raw));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('kept-alive connections', () => {
  it('are kept idle longer than the connector runtime and Azure keep theirs, and clients are told so', async () => {
    // Before, Node's 5 s: the server closed a connection the runtime would reuse for minutes, and
    // the request it sent as the server closed it failed as a 502.
    assert.ok(KEEP_ALIVE_MS > 240_000);
    const app = express();
    app.get('/', (_req, res) => res.json({ ok: true }));
    const server = await listen(app, 0, '127.0.0.1');
    const agent = new http.Agent({ keepAlive: true });
    try {
      assert.equal(server.keepAliveTimeout, KEEP_ALIVE_MS);
      const keepAlive = await new Promise<string>((resolve, reject) =>
        http
          .get({ port: (server.address() as AddressInfo).port, path: '/', agent }, (res) => {
            res.resume();
            resolve(String(res.headers['keep-alive']));
          })
          .on('error', reject),
      );
      assert.equal(keepAlive, `timeout=${KEEP_ALIVE_MS / 1000}`);
    } finally {
      agent.destroy();
      await shutdown(server);
    }
  });
});

describe('requests Node cannot parse', () => {
  let server: http.Server;
  let port: number;
  before(async () => {
    const app = express();
    app.get('/', (_req, res) => res.json({ ok: true }));
    server = await listen(app, 0, '127.0.0.1');
    port = (server.address() as AddressInfo).port;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('answers them with problem+json and Node’s status, where Node sent no body, and goes on serving', async () => {
    const cases: [string, number, string][] = [
      [
        `GET / HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`,
        431,
        `The request's headers are larger than the ${http.maxHeaderSize} bytes this server reads.`,
      ],
      ['G@T / HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'The request is not valid HTTP/1.1: Invalid method encountered.'],
      [
        'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n',
        400,
        'The request is not valid HTTP/1.1: Invalid character in Content-Length.',
      ],
    ];
    for (const [raw, status, detail] of cases) {
      const answer = await exchange(port, raw);
      const [head, body] = answer.split('\r\n\r\n');
      assert.match(head, new RegExp(`^HTTP/1.1 ${status} `));
      assert.match(head, /\r\nContent-Type: application\/problem\+json; charset=utf-8\r\n/);
      assert.deepEqual(JSON.parse(body), { type: 'about:blank', title: http.STATUS_CODES[status], status, detail });
    }
    const fine = await exchange(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.match(fine, /^HTTP\/1.1 200 /);
  });

  it('answers an Expect other than 100-continue with a 417 that names it, and serves the next request', async () => {
    // Node's own 417 has no body; the connection stays open, as after any refused request.
    const answer = await exchange(
      port,
      'POST /?q=1 HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 2\r\n\r\n{}' +
        'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    const [refused, served] = answer.split(/(?=HTTP\/1\.1 )/);
    const [head, body] = refused.split('\r\n\r\n');
    assert.match(head, /^HTTP\/1.1 417 /);
    assert.match(head, /\r\ncontent-type: application\/problem\+json; charset=utf-8\r\n/i);
    assert.deepEqual(JSON.parse(body), {
      type: 'about:blank',
      title: 'Expectation Failed',
      status: 417,
      detail: 'This API meets no expectation but 100-continue; send the request without "Expect: 200-ok".',
      instance: '/',
    });
    assert.match(served, /^HTTP\/1.1 200 [^]*\{"ok":true\}$/);
  });

  it('answers CONNECT with a 400 saying it is no proxy, where Node closed the connection without a word', async () => {
    const answer = await exchange(port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    const [head, body] = answer.split('\r\n\r\n');
    assert.match(head, /^HTTP\/1.1 400 [^]*\r\nConnection: close$/);
    assert.deepEqual(JSON.parse(body), {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'This server is an API, not a proxy: it opens no tunnel (CONNECT).',
    });
    assert.match(await exchange(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), /^HTTP\/1.1 200 /);
  });

  it('writes nothing over an answer already under way on the connection', async () => {
    // The first request is answered; the malformed one behind it must not add a second answer
    // into that stream, whose client would read it as the body of the next response.
    for (const behind of ['zz\r\n', 'G@T / HTTP/1.1\r\n\r\n']) {
      const chunked = behind === 'zz\r\n' ? 'Transfer-Encoding: chunked\r\n' : '';
      const answer = await exchange(port, `GET / HTTP/1.1\r\nHost: x\r\n${chunked}\r\n${behind}`);
      assert.match(answer, /^HTTP\/1.1 200 /);
      assert.equal(answer.split('HTTP/1.1 ').length - 1, 1, answer);
    }
  });
});
