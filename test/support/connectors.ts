import { loadConnector } from '@flowport/cli';
import type { ConnectorFiles } from '@flowport/core/documents';
import { join } from 'node:path';
import { ROOT } from './corpus';

/** TypeScript sources of the connectors the integration tests build. */
export const CONNECTORS = {
  example: join(ROOT, 'examples', 'text-sentiment', 'src', 'connector.ts'),
  kitchenSink: join(ROOT, 'test', 'fixtures', 'kitchen-sink', 'connector.ts'),
} as const;

const cache = new Map<string, ConnectorFiles>();

/** The emitted files of a connector module, loaded from TypeScript as the CLI loads it. */
export function emitted(module: string): ConnectorFiles {
  let files = cache.get(module);
  if (!files) {
    const { connector, core, documents } = loadConnector(module);
    files = documents.emitFiles(core.resolve(connector));
    cache.set(module, files);
  }
  return files;
}

export function parsed(module: string, file: keyof ConnectorFiles): Record<string, unknown> {
  return JSON.parse(emitted(module)[file]) as Record<string, unknown>;
}
