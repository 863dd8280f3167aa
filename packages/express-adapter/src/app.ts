import { resolve, type Connector } from '@flowport/core';
import type * as Documents from '@flowport/core/documents';
import express, { type Express } from 'express';
import { mountDocs } from './docs';
import { notFound, problemHandler } from './error-handler';
import { consoleLogger, type AdapterOptions } from './options';
import { routerFor } from './router';
import { toExpressPath } from './express-path';

/**
 * An Express app serving the connector: its operations under `basePath`, Swagger UI at
 * `/docs`, the OpenAPI 3 document and the connector files, and problem+json for every error
 * (404 for unknown paths, 405 with `Allow` for wrong methods).
 *
 * @example
 * ```ts
 * const app = createApp(connector, { credentials: { apiKeys: () => process.env.KEYS!.split(',') } });
 * await listen(app, 3000);
 * ```
 */
export function createApp(connector: Connector, options: AdapterOptions = {}): Express {
  const model = resolve(connector);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // routerFor checks the options first. The basePath is a route too: "/a(b)" stopped the start with
  // path-to-regexp's own error, and "/café" was never reached.
  app.use(toExpressPath(model.basePath), routerFor(model, options));
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  // After the operations: an API request then never walks past the document routes.
  if (options.docs !== false) {
    // Required on the first request for a document: the emitters and the lint are not needed to serve.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mountDocs(app, () => (require('@flowport/core/documents') as typeof Documents).emitFiles(model));
  }
  app.use(notFound);
  app.use(problemHandler(options.logger ?? consoleLogger));
  return app;
}
