import { createApp, DOC_PATHS, listen, urlOf } from '@flowport/express-adapter';
import type { Express } from 'express';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { connector } from './connector';

/**
 * API keys from `SENTIMENT_API_KEYS` (comma-separated). When it is unset a random development
 * key is generated, so that a fresh checkout works without configuration.
 */
export function apiKeysFrom(env: NodeJS.ProcessEnv): { keys: string[]; generated?: string } {
  const keys = (env.SENTIMENT_API_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (keys.length > 0) return { keys };
  const generated = randomBytes(24).toString('base64url');
  return { keys: [generated], generated };
}

/** The example's Express app, accepting the given keys. */
export function sentimentApp(keys: readonly string[]): Express {
  return createApp(connector, { credentials: { apiKeys: keys } });
}

async function main(): Promise<void> {
  const { keys, generated } = apiKeysFrom(process.env);
  const server = await listen(sentimentApp(keys), Number(process.env.PORT ?? 3000));
  const url = urlOf(server);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`Text Sentiment API   ${url}/text/analytics/v2.0/sentiment`);
  out(`Swagger UI           ${url}${DOC_PATHS.ui}`);
  out(`OpenAPI 3            ${url}${DOC_PATHS.openapi}`);
  out(`Connector definition ${url}${DOC_PATHS.apiDefinition}`);
  out(`Connector files      ${resolve(__dirname, '..', 'connector')}`);
  if (generated) {
    out(`SENTIMENT_API_KEYS is not set; this run accepts the development key ${generated}`);
    out(`  curl -H 'Ocp-Apim-Subscription-Key: ${generated}' -H 'content-type: application/json' \\`);
    out(`    -d '{"documents":[{"id":"1","text":"I love this"}]}' ${url}/text/analytics/v2.0/sentiment`);
  }
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
