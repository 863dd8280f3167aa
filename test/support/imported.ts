import { build, importConnector } from '@flowport/cli';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes `definition` into `dir`, imports it, and builds the imported module: the definition
 * Flowport writes for it, and what the import reported it could not carry over.
 */
export function importedAndBuilt(
  definition: object,
  dir: string,
): { built: Record<string, unknown>; losses: readonly string[] } {
  const file = join(dir, 'apiDefinition.swagger.json');
  writeFileSync(file, JSON.stringify(definition, null, 2));
  const out = join(dir, 'imported');
  const { losses } = importConnector({ definition: file, out });
  build(join(out, 'src', 'connector.ts'), { out: join(out, 'connector') });
  const built = JSON.parse(readFileSync(join(out, 'connector', 'apiDefinition.swagger.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  return { built, losses };
}

/** The head of a Swagger 2.0 definition a test imports: `info`, an HTTPS host and JSON. */
export function definitionHead(title: string, description: string, host: string) {
  return {
    swagger: '2.0',
    info: { title, description, version: '1.0' },
    host,
    basePath: '/',
    schemes: ['https'],
    consumes: ['application/json'],
    produces: ['application/json'],
  };
}
