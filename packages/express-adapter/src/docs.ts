import type { ConnectorFiles } from '@flowport/core/documents';
import type { Express, RequestHandler } from 'express';
import type swaggerUiType from 'swagger-ui-express';

/** Where the documents are served. */
export const DOC_PATHS = {
  ui: '/docs',
  openapi: '/openapi.json',
  apiDefinition: '/connector/apiDefinition.swagger.json',
  apiProperties: '/connector/apiProperties.json',
  settings: '/connector/settings.json',
} as const;

/** Runs `make` once, on first use. */
function once<T>(make: () => T): () => T {
  let value: { readonly it: T } | undefined;
  return () => (value ??= { it: make() }).it;
}

/**
 * The documents are public, and read across origins: Logic Apps' HTTP + Swagger action fetches the
 * definition from the designer's page, and refuses a document without CORS; so does Swagger UI or
 * an editor served from elsewhere. No credentials are involved, so `*`; an app's own CORS
 * middleware, run before, keeps its say. `docs: false` serves none of them.
 */
function bytes(text: () => Buffer): RequestHandler {
  return (_req, res) => {
    if (!res.hasHeader('access-control-allow-origin')) res.setHeader('access-control-allow-origin', '*');
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(text());
  };
}

/** A browser asks first (a preflight) when its request carries headers of its own: allowed. */
const preflight: RequestHandler = (req, res) => {
  res.setHeader('allow', 'GET, HEAD');
  if (!res.hasHeader('access-control-allow-origin')) {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-methods', 'GET, HEAD');
    const asked = req.get('access-control-request-headers');
    if (asked) res.setHeader('access-control-allow-headers', asked);
    res.setHeader('access-control-max-age', '600');
  }
  res.status(204).end();
};

/**
 * Serves the documents byte-for-byte as `flowport build` writes them, and Swagger UI over OpenAPI 3.
 * Both are built on the first request for them: an API starts without emitting documents nobody
 * has asked for, or loading Swagger UI.
 */
export function mountDocs(app: Express, emit: () => ConnectorFiles): void {
  const files = once(emit);
  const file = (name: keyof ConnectorFiles) => once(() => Buffer.from(files()[name], 'utf8'));
  const served: [string, keyof ConnectorFiles][] = [
    [DOC_PATHS.openapi, 'openapi.json'],
    [DOC_PATHS.apiDefinition, 'apiDefinition.swagger.json'],
    [DOC_PATHS.apiProperties, 'apiProperties.json'],
    [DOC_PATHS.settings, 'settings.json'],
  ];
  for (const [path, name] of served) app.get(path, bytes(file(name)));
  app.options(
    served.map(([path]) => path),
    preflight,
  );
  // Swagger UI reads the served document, so the page and /openapi.json cannot disagree. The URL is
  // relative to the page (/docs/ always ends in "/": /docs redirects there), so that an app mounted
  // under a prefix reads its own document.
  const ui = { swaggerOptions: { url: `..${DOC_PATHS.openapi}` }, customSiteTitle: 'API docs' };
  const handlers = once(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const swaggerUi = require('swagger-ui-express') as typeof swaggerUiType;
    return [...swaggerUi.serveFiles(undefined, ui), swaggerUi.setup(undefined, ui)];
  });
  app.use(DOC_PATHS.ui, (req, res, next) => {
    const chain = handlers();
    let i = 0;
    const step = (err?: unknown): void => {
      if (err !== undefined || i === chain.length) return next(err);
      chain[i++](req, res, step);
    };
    step();
  });
}
