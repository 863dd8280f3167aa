import type * as Core from '@flowport/core';
import { Connector } from '@flowport/core';
import type * as Documents from '@flowport/core/documents';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { registerTypeScript } from './loader';

/** A module could not be loaded or exported no connector. */
export class LoadError extends Error {
  override name = 'LoadError';
}

/**
 * Loads the user's module (TypeScript or compiled JavaScript) without starting a server and
 * returns the `Connector` it exports: the export named `connector`, the default export, or the
 * only exported `Connector`.
 */
export function loadConnector(modulePath: string): {
  connector: Connector;
  file: string;
  core: typeof Core;
  documents: typeof Documents;
} {
  const file = resolve(modulePath);
  if (!existsSync(file)) throw new LoadError(`module not found: ${modulePath}`);
  const unregister = /\.[cm]?tsx?$/.test(file) ? registerTypeScript() : () => undefined;
  let exports: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exports = require(file) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof Error) err.message = `while loading ${modulePath}: ${err.message}`;
    throw err;
  } finally {
    unregister();
  }
  const { core, documents } = coreFor(file);
  const candidates = Object.entries(exports).filter(([, v]) => Connector.isConnector(v));
  const named = candidates.find(([k]) => k === 'connector') ?? candidates.find(([k]) => k === 'default');
  if (named) return { connector: named[1] as Connector, file, core, documents };
  if (candidates.length === 1) return { connector: candidates[0][1] as Connector, file, core, documents };
  if (candidates.length === 0) {
    throw new LoadError(
      `${modulePath} exports no Connector; export one as \`export const connector = new Connector({ … })\``,
    );
  }
  throw new LoadError(
    `${modulePath} exports ${candidates.length} connectors (${candidates.map(([k]) => k).join(', ')}); name the one to build \`connector\``,
  );
}

/**
 * The copy of `@flowport/core` the module itself uses, so that resolve() and the emitters see
 * exactly the classes and metadata the module's decorators recorded; ours when it has none.
 */
function coreFor(file: string): { core: typeof Core; documents: typeof Documents } {
  let root: string;
  try {
    root = dirname(require.resolve('@flowport/core/package.json', { paths: [dirname(file)] }));
  } catch {
    root = dirname(require.resolve('@flowport/core/package.json'));
  }
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    core: require(root) as typeof Core,
    documents: require(join(root, 'documents')) as typeof Documents,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}
