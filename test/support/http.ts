import type { Express } from 'express';
import { listen, urlOf } from '@flowport/express-adapter';
import type { Server } from 'node:http';

/** Runs an app on an ephemeral loopback port for a `describe` block; closes it afterwards. */
export function serving(make: () => Express): { url: () => string; server: () => Server } {
  let server: Server | undefined;
  before(async () => {
    server = await listen(make(), 0, '127.0.0.1');
  });
  after(async () => {
    await new Promise<void>((resolve) => {
      server?.closeAllConnections();
      server?.close(() => resolve());
    });
  });
  return { url: () => urlOf(server!), server: () => server! };
}
