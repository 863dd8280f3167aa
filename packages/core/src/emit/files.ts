import type { ApiModel } from '../model/types';
import { apiProperties } from './connector/api-properties';
import { CONNECTOR_FILES, settings } from './connector/settings';
import { connectorDefinition } from './connector/swagger';
import { toJson } from './json';
import { openApiDocument } from './openapi3/openapi3';

/** The generated documents of a connector, by file name, as the bytes `flowport build` writes. */
export interface ConnectorFiles {
  readonly 'apiDefinition.swagger.json': string;
  readonly 'apiProperties.json': string;
  readonly 'settings.json': string;
  readonly 'openapi.json': string;
}

/** Emits the four generated files from a resolved model. Same model, same bytes. */
export function emitFiles(model: ApiModel): ConnectorFiles {
  return {
    [CONNECTOR_FILES.apiDefinition]: toJson(connectorDefinition(model)),
    [CONNECTOR_FILES.apiProperties]: toJson(apiProperties(model)),
    [CONNECTOR_FILES.settings]: toJson(settings(model)),
    [CONNECTOR_FILES.openapi]: toJson(openApiDocument(model)),
  };
}
