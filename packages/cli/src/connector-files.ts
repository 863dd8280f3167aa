import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The files of a connector that `validate` and `import` read. */
export interface ConnectorFiles {
  readonly definition: string;
  /** The `apiProperties.json` of the same connector, when there is one. */
  readonly properties?: string;
}

function findFile(dir: string, name: string): string | undefined {
  // The PowerPlatformConnectors repository matches file names case-insensitively.
  const hit = readdirSync(dir).find((f) => f.toLowerCase() === name.toLowerCase());
  return hit ? join(dir, hit) : undefined;
}

/**
 * A connector's files from what a user names on the command line: a folder holding
 * `apiDefinition.swagger.json` and, optionally, `apiProperties.json`, or a definition file with the
 * `apiProperties.json` beside it if there is one. Undefined for anything else (a module).
 */
export function connectorFiles(target: string): ConnectorFiles | undefined {
  const path = resolve(target);
  const stat = existsSync(path) ? statSync(path) : undefined;
  if (stat?.isDirectory()) {
    const definition = findFile(path, 'apiDefinition.swagger.json');
    if (!definition) throw new Error(`${target} holds no apiDefinition.swagger.json`);
    return { definition, properties: findFile(path, 'apiProperties.json') };
  }
  if (!/\.json$/i.test(path)) return undefined;
  if (!stat) throw new Error(`no such file: ${target}`);
  return { definition: path, properties: findFile(dirname(path), 'apiProperties.json') };
}
