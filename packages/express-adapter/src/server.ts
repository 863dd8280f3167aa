import type { Express } from 'express';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientError, refuseConnect, refuseExpectation } from './client-error';

/**
 * How long an idle kept-alive connection stays open, in milliseconds. The connector runtime (Azure
 * API Management) and Azure's load balancers keep an idle connection to the API for about four
 * minutes and send the next request over it; a server that closes it first (Node closes after 5 s)
 * races that request, which then fails (BackendConnectionFailure, a 502 the flow sees). Kept longer
 * than theirs, the connection is closed by the client, which knows it has closed it.
 * `shutdown()` closes idle connections at once, whatever this is.
 */
export const KEEP_ALIVE_MS = 245_000;

/**
 * An HTTP server for an Express app whose request and response objects are created with
 * Express's prototypes already in place. Express re-prototypes both on every request
 * (expressjs/express#5998); with the prototype preset that costs nothing, which roughly doubles
 * throughput on small requests (see bench/). Requests Node cannot parse, an `Expect` other than
 * 100-continue and `CONNECT` are answered with problem+json as well, and an idle connection is kept
 * for {@link KEEP_ALIVE_MS}.
 */
export function createServer(app: Express): http.Server {
  function FlowportRequest(this: http.IncomingMessage, socket: unknown): void {
    (http.IncomingMessage as unknown as (this: unknown, s: unknown) => void).call(this, socket);
  }
  FlowportRequest.prototype = app.request;
  function FlowportResponse(this: http.ServerResponse, req: unknown, options: unknown): void {
    (http.ServerResponse as unknown as (this: unknown, r: unknown, o: unknown) => void).call(this, req, options);
  }
  FlowportResponse.prototype = app.response;
  const server = http.createServer(
    {
      IncomingMessage: FlowportRequest as unknown as typeof http.IncomingMessage,
      ServerResponse: FlowportResponse as unknown as typeof http.ServerResponse,
    },
    app,
  );
  // Node counts neither headersTimeout nor requestTimeout while a kept-alive connection is idle.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // What Node's parser refuses, or answers itself, never reaches the app; it is answered as
  // problem+json too.
  server.on('clientError', answerClientError);
  server.on('checkContinue', continueWhenRead);
  server.on('checkExpectation', refuseExpectation);
  server.on('connect', refuseConnect);
  return server;
}

/**
 * A client that asks first (`Expect: 100-continue`) is told to send its body when something
 * starts reading it, not before the app has looked at the request: Node's default sends
 * `100 Continue` at once, so a client whose credentials, content type or declared length would be
 * refused uploaded the whole body first. Refused before any read, the client never sends it, and
 * Node closes that connection, since the body it announced did not follow.
 */
function continueWhenRead(this: http.Server, req: http.IncomingMessage, res: http.ServerResponse): void {
  const read = req._read;
  req._read = function (this: http.IncomingMessage, size: number): void {
    req._read = read;
    if (!res.headersSent) res.writeContinue();
    read.call(this, size);
  };
  this.emit('request', req, res);
}

/** Starts {@link createServer} on a port (0 for any free one); resolves once listening. */
export function listen(app: Express, port: number, host?: string): Promise<http.Server> {
  const server = createServer(app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** The base URL a listening server answers on. */
export function urlOf(server: http.Server): string {
  const { address, port } = server.address() as AddressInfo;
  const host =
    address === '::' || address === '0.0.0.0' ? 'localhost' : address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${port}`;
}

/** How {@link shutdown} drains a server. */
export interface ShutdownOptions {
  /** How long requests in flight may take to finish before their connections are cut (default 10 s). */
  readonly graceMs?: number;
}

/**
 * Stops a server the way a rolling deployment needs: no new connections, requests in flight
 * finish and are answered, then every connection is closed. Resolves once the server is closed.
 *
 * `server.close()` alone leaves each connection that answered a request in flight open until its
 * keep-alive timeout (5 s by default), during which a client may send it more; `closeAllConnections()`
 * alone cuts the requests in flight. Here each connection is closed once it is idle, a request that
 * arrives on a kept-alive connection while draining is answered with `Connection: close`, and
 * whatever still runs after `graceMs` is cut. Called again while it drains, it answers the same
 * promise.
 */
export function shutdown(server: http.Server, options: ShutdownOptions = {}): Promise<void> {
  // A second signal (SIGTERM after SIGINT, say) joins the drain under way: closing the server
  // again would fail (ERR_SERVER_NOT_RUNNING), and a caller that exits on failure would cut it.
  const draining = drains.get(server);
  if (draining) return draining;
  const drain = drainAndClose(server, options.graceMs ?? 10_000);
  drains.set(server, drain);
  return drain;
}

/** The drain under way of each server being shut down. */
const drains = new WeakMap<http.Server, Promise<void>>();

function drainAndClose(server: http.Server, graceMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // A request already on its way over a kept-alive connection is served, and that ends it.
    const closing = (_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.shouldKeepAlive = false;
    };
    server.prependListener('request', closing);
    // Node has no event for "a connection became idle"; closing idle ones every tick of a short
    // timer is what ends each connection soon after its last answer.
    const idle = setInterval(() => server.closeIdleConnections(), 25);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    closeListener(server, (err) => {
      clearInterval(idle);
      clearTimeout(cut);
      server.off('request', closing);
      if (err) reject(err);
      else resolve();
    });
  });
}

/**
 * `server.close()`, except that the connections idle at this moment are left to the drain's timer.
 * Node's `close()` closes them at once, in the same turn of the event loop, but a busy server has
 * not yet read what its clients sent since the last turn: a kept-alive connection whose next
 * request waits unread looks idle, and closing it loses that request (the client sees
 * ECONNRESET; under load, most connections did). A turn later that request is read and answered
 * with `Connection: close`.
 */
function closeListener(server: http.Server, done: (err?: Error) => void): void {
  const own = Object.getOwnPropertyDescriptor(server, 'closeIdleConnections');
  server.closeIdleConnections = () => {};
  try {
    server.close(done);
  } finally {
    if (own) Object.defineProperty(server, 'closeIdleConnections', own);
    else delete (server as { closeIdleConnections?: unknown }).closeIdleConnections;
  }
}
