/**
 * @flowport/core/documents — the connector's documents and their checks: the four generated
 * files, OpenAPI 3, apiProperties.json, settings.json and the lint.
 *
 * `flowport build` and `flowport validate` use them; a serving app needs them only when its docs
 * are first asked for. They live outside the main entry point so that a process that serves an
 * API does not load them at start-up: the performance reference's advice to keep the runtime
 * entry free of build-time code (tsoa's full entry costs 859 ms of start-up against 320 ms).
 * @packageDocumentation
 */
export { emitFiles, type ConnectorFiles } from './emit/files';
export { apiProperties } from './emit/connector/api-properties';
export { settings, CONNECTOR_FILES } from './emit/connector/settings';
export { openApiDocument } from './emit/openapi3/openapi3';
export { authDocuments } from './emit/connector/auth-documents';
export {
  lint,
  notApiProperties,
  notSwagger,
  rules,
  withoutRestated,
  type LintOptions,
  type ShapeProblem,
} from './lint/lint';
export { locator } from './lint/locate';
export type { ConnectorAssets, ConnectorDocuments, ConnectorFile } from './lint/document';
export type { Level, Rule } from './lint/rule';
