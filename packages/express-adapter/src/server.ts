import type { Express } from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP server for an Express app whose request and response objects are created with
 * Express's prototypes already in place. Express re-prototypes both on every request
 * (expressjs/express#5998); with the prototype preset that costs nothing, which roughly doubles
 * throughput on small requests (see bench/).
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
  return http.createServer(
    {
      IncomingMessage: FlowportRequest as unknown as typeof http.IncomingMessage,
      ServerResponse: FlowportResponse as unknown as typeof http.ServerResponse,
    },
    app,
  );
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
