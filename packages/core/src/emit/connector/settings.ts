import type { ApiModel } from '../../model/types';

/** The conventional file names of a connector folder (reference §1.1). */
export const CONNECTOR_FILES = {
  apiDefinition: 'apiDefinition.swagger.json',
  apiProperties: 'apiProperties.json',
  settings: 'settings.json',
  openapi: 'openapi.json',
  icon: 'icon.png',
  script: 'script.csx',
} as const;

/** `settings.json` for `paconn create --settings settings.json`. */
export function settings(model: ApiModel): Record<string, unknown> {
  const json: Record<string, unknown> = {
    apiDefinition: CONNECTOR_FILES.apiDefinition,
    apiProperties: CONNECTOR_FILES.apiProperties,
  };
  if (model.branding.icon) json.icon = CONNECTOR_FILES.icon;
  // paconn reads `script` although its settings schema predates it (reference §1.3).
  if (model.capabilities.script) json.script = CONNECTOR_FILES.script;
  return json;
}
