import type { ConnectorFiles } from '@flowport/core';
import type { Express, RequestHandler } from 'express';
import swaggerUi from 'swagger-ui-express';

/** Where the documents are served. */
export const DOC_PATHS = {
  ui: '/docs',
  openapi: '/openapi.json',
  apiDefinition: '/connector/apiDefinition.swagger.json',
  apiProperties: '/connector/apiProperties.json',
  settings: '/connector/settings.json',
} as const;

function bytes(text: string): RequestHandler {
  const body = Buffer.from(text, 'utf8');
  return (_req, res) => {
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(body);
  };
}

/** Serves the documents byte-for-byte as `flowport build` writes them, and Swagger UI over OpenAPI 3. */
export function mountDocs(app: Express, files: ConnectorFiles): void {
  app.get(DOC_PATHS.openapi, bytes(files['openapi.json']));
  app.get(DOC_PATHS.apiDefinition, bytes(files['apiDefinition.swagger.json']));
  app.get(DOC_PATHS.apiProperties, bytes(files['apiProperties.json']));
  app.get(DOC_PATHS.settings, bytes(files['settings.json']));
  // Swagger UI reads the served document, so the page and /openapi.json cannot disagree.
  const ui = { swaggerOptions: { url: DOC_PATHS.openapi }, customSiteTitle: 'API docs' };
  app.use(DOC_PATHS.ui, swaggerUi.serveFiles(undefined, ui), swaggerUi.setup(undefined, ui));
}
