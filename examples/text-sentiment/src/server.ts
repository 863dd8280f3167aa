import { MemoryTriggerStore } from '@flowport/core';
import { DOC_PATHS, listen, shutdown, urlOf } from '@flowport/express-adapter';
import { SqliteJobStore, SqliteTriggerStore } from '@flowport/store-sqlite';
import type { Express } from 'express';
import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { sentimentService } from './service';

/**
 * API keys from `SENTIMENT_API_KEYS` (comma-separated). When it is unset a random development
 * key is generated, so that a fresh checkout works without configuration; with
 * `NODE_ENV=production` it must be set, since that key would be printed to the service's log.
 */
export function apiKeysFrom(env: NodeJS.ProcessEnv): { keys: string[]; generated?: string } {
  const keys = (env.SENTIMENT_API_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (keys.length > 0) return { keys };
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'SENTIMENT_API_KEYS is not set; with NODE_ENV=production it must be (comma-separated keys), since a development key would be printed to the log',
    );
  }
  const generated = randomBytes(24).toString('base64url');
  return { keys: [generated], generated };
}

/** The example's Express app with an in-memory trigger store; answers are checked against their schemas (tests). */
export function sentimentApp(keys: readonly string[]): Express {
  return sentimentService({
    keys,
    store: new MemoryTriggerStore(),
    secret: randomBytes(32).toString('hex'),
    validateResponses: true,
  }).app;
}

/** `PORT`, 3000 when unset; anything but a port number is refused naming the variable. */
export function portFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.PORT ?? '3000';
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(port <= 65535)) throw new Error(`PORT must be a port number from 0 to 65535, not "${raw}"`);
  return port;
}

/**
 * The trigger database: `TRIGGER_DB`, whose folder must exist, or `data/triggers.db` beside the
 * example, whose folder is made. A folder under `TRIGGER_DB` is not made: Node's recursive mkdir
 * spins forever where a parent exists but cannot hold folders (`/proc`), and a mistyped path
 * would otherwise become a new, empty store.
 */
export function triggerDbFrom(env: NodeJS.ProcessEnv): string {
  if (env.TRIGGER_DB === undefined || env.TRIGGER_DB === '') {
    const folder = resolve(__dirname, '..', 'data');
    mkdirSync(folder, { recursive: true });
    return join(folder, 'triggers.db');
  }
  const file = resolve(env.TRIGGER_DB);
  if (!isFolder(dirname(file))) throw new Error(`TRIGGER_DB is in a folder that does not exist: ${dirname(file)}`);
  return file;
}

/**
 * `FLOWPORT_SECRET`, which signs polling cursors and notifications: at least 16 bytes. When it is
 * unset a random one is made for this run, so that a fresh checkout works; with
 * `NODE_ENV=production` it must be set, since every cursor a flow holds would stop working at the
 * next restart (a 400 at each poll until the flow is saved again), and two instances behind a load
 * balancer would refuse each other's.
 */
export function secretFrom(env: NodeJS.ProcessEnv): { secret: string; generated: boolean } {
  const given = env.FLOWPORT_SECRET;
  if (given === undefined || given === '') {
    if (env.NODE_ENV === 'production') {
      throw new Error(
        'FLOWPORT_SECRET is not set; with NODE_ENV=production it must be (at least 16 bytes, the same on every instance), since a secret made for each run breaks the polling cursors flows hold at every restart',
      );
    }
    return { secret: randomBytes(32).toString('hex'), generated: true };
  }
  if (Buffer.byteLength(given) < 16) throw new Error('FLOWPORT_SECRET must be at least 16 bytes long');
  return { secret: given, generated: false };
}

/** `FLOWPORT_PREVIOUS_SECRETS`: the secrets `FLOWPORT_SECRET` replaced (comma-separated). */
export function previousSecretsFrom(env: NodeJS.ProcessEnv): string[] {
  const secrets = (env.FLOWPORT_PREVIOUS_SECRETS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const [i, secret] of secrets.entries()) {
    if (Buffer.byteLength(secret) < 16)
      throw new Error(`FLOWPORT_PREVIOUS_SECRETS: secret ${i + 1} must be at least 16 bytes long`);
  }
  return secrets;
}

/**
 * `TRUST_PROXY`: which proxy's X-Forwarded-Proto and -Host to believe when the API links back to
 * itself (a webhook subscription's Location, a job's, a polling trigger's). Behind a proxy that
 * ends TLS (Azure App Service, a load balancer) those links were built as http://, and the
 * platform's DELETE of a subscription met the redirect to https. A number of hops, `true`, or
 * addresses and subnets as Express takes them (`loopback`, `10.0.0.0/8`), which createApp checks;
 * unset, none.
 */
export function trustProxyFrom(env: NodeJS.ProcessEnv): boolean | number | string | undefined {
  const raw = env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return raw;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const port = portFrom(process.env);
  const { keys, generated } = apiKeysFrom(process.env);
  const dbFile = triggerDbFrom(process.env);
  const { secret, generated: randomSecret } = secretFrom(process.env);
  const previousSecrets = previousSecretsFrom(process.env);
  const service = sentimentService({
    keys,
    store: new SqliteTriggerStore(dbFile),
    jobs: new SqliteJobStore(dbFile.replace(/(\.db)?$/, '-jobs.db')),
    secret,
    previousSecrets,
    allowLocalCallbacks: process.env.ALLOW_LOCAL_CALLBACKS === '1',
    trustProxy: trustProxyFrom(process.env),
  });
  const server = await listen(service.app, port).catch(async (err: unknown) => {
    await service.close();
    throw (err as { code?: unknown }).code === 'EADDRINUSE'
      ? new Error(
          `PORT ${port} is in use by another process; stop it, or set PORT to another port (0 picks a free one)`,
        )
      : err;
  });
  // Deliveries start once the port is ours: a second `npm start` beside a running one, on the same
  // trigger database, would otherwise lease notifications it never sends, until it exits.
  service.triggers.start();
  const url = urlOf(server);
  out(`Text Sentiment API   ${url}/text/analytics/v2.0/sentiment`);
  out(`Swagger UI           ${url}${DOC_PATHS.ui}`);
  out(`OpenAPI 3            ${url}${DOC_PATHS.openapi}`);
  out(`Connector definition ${url}${DOC_PATHS.apiDefinition}`);
  out(`Connector files      ${resolve(__dirname, '..', 'connector')}`);
  out(`Trigger store        ${dbFile}`);
  if (randomSecret) out('FLOWPORT_SECRET is not set; polling cursors of this run stop working after a restart.');
  if (generated) {
    out(`SENTIMENT_API_KEYS is not set; this run accepts the development key ${generated}`);
    out(`  curl -H 'Ocp-Apim-Subscription-Key: ${generated}' -H 'content-type: application/json' \\`);
    out(`    -d '{"documents":[{"id":"1","text":"I love this"}]}' ${url}/text/analytics/v2.0/sentiment`);
  }
  // Requests in flight are answered (and may still queue notifications) before the stores close.
  const stop = () => {
    shutdown(server)
      .then(() => service.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
