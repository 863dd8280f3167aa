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

/** What makes a folder a module that require() loads. */
const MODULE_ENTRIES = ['index.ts', 'index.js', 'package.json'];

/**
 * A connector's files from what a user names on the command line: a folder holding
 * `apiDefinition.swagger.json` and, optionally, `apiProperties.json`, or a definition file with the
 * `apiProperties.json` beside it if there is one. Undefined for anything else (a module); with
 * `modules`, a folder without a definition is a module too when it has an index or a package.json.
 */
export function connectorFiles(target: string, modules = false): ConnectorFiles | undefined {
  const path = resolve(target);
  const stat = existsSync(path) ? statSync(path) : undefined;
  if (stat?.isDirectory()) {
    const definition = findFile(path, 'apiDefinition.swagger.json');
    if (definition) return { definition, properties: findFile(path, 'apiProperties.json') };
    if (!modules) throw new Error(`${target} holds no apiDefinition.swagger.json`);
    if (MODULE_ENTRIES.some((name) => existsSync(join(path, name)))) return undefined;
    throw new Error(
      `${target} holds no apiDefinition.swagger.json, nor an index.ts, an index.js or a package.json to load`,
    );
  }
  const json = /\.json$/i.test(path);
  // For `validate`, which takes a folder, a definition or a module, "module not found" named one.
  if (!stat && (json || modules)) throw new Error(`no such file${json ? '' : ' or folder'}: ${target}`);
  if (!json) return undefined;
  return { definition: path, properties: findFile(dirname(path), 'apiProperties.json') };
}
