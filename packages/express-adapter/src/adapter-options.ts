import { misnamedOptions } from '@flowport/core';
import express from 'express';
import type { JobOptions } from './job-options';
import type { AdapterOptions, CredentialOptions } from './options';
/**
 * The options of createApp/createRouter, checked against their types when the app is built. A
 * JavaScript caller, or `process.env.KEYS` passed where a list belongs, got errors from deep
 * inside ("(apiKeys ?? []).map is not a function"), or an app whose every request was a 500
 * (`verifyApiKey: 'x'`). Throws one TypeError that lists every wrong option.
 */
export function checkAdapterOptions(options: unknown): void {
  const problems: string[] = [];
  const wrong = (option: string, value: unknown, expected: string, fix = '') =>
    problems.push(`${option} must be ${expected}, not ${shown(value)}${fix}`);
  if (options === undefined) return;
  if (!isObject(options)) return fail([`the options must be an object, not ${shown(options)}`]);
  unknown('', options, OPTIONS, problems);
  const credentials = options.credentials;
  if (credentials !== undefined && !isObject(credentials)) {
    wrong('credentials', credentials, 'an object with apiKeys or a verify function');
  } else if (credentials) {
    unknown('credentials.', credentials, CREDENTIALS, problems);
    const keys = credentials.apiKeys;
    if (keys !== undefined && typeof keys !== 'function' && !isKeyList(keys)) {
      const split = typeof keys === 'string' ? " (split a comma-separated variable: KEYS.split(','))" : '';
      wrong('credentials.apiKeys', keys, 'a list of keys (non-empty strings) or a function that returns one', split);
    }
    for (const k of ['verifyApiKey', 'verifyBasic', 'verifyToken']) {
      if (credentials[k] !== undefined && typeof credentials[k] !== 'function')
        wrong(`credentials.${k}`, credentials[k], 'a function');
    }
    const aad = credentials.aad;
    if (aad !== undefined && !isObject(aad)) wrong('credentials.aad', aad, 'an object');
    else if (aad) {
      unknown('credentials.aad.', aad, AAD, problems);
      if (aad.jwksUri !== undefined && typeof aad.jwksUri !== 'string')
        wrong('credentials.aad.jwksUri', aad.jwksUri, 'a URL');
      for (const k of ['issuer', 'audience', 'algorithms']) {
        const v = aad[k];
        if (v !== undefined && !(typeof v === 'string' && k !== 'algorithms') && !isStrings(v))
          wrong(`credentials.aad.${k}`, v, k === 'algorithms' ? 'a list of strings' : 'a string or a list of strings');
      }
      const skew = aad.clockTolerance;
      if (skew !== undefined && !(typeof skew === 'number' && skew >= 0))
        wrong('credentials.aad.clockTolerance', skew, 'a number of seconds, 0 or more');
    }
  }
  if (options.controllers !== undefined && typeof options.controllers !== 'function')
    wrong('controllers', options.controllers, 'a function (controller class) => instance');
  for (const k of ['docs', 'validateResponses']) {
    if (options[k] !== undefined && typeof options[k] !== 'boolean') wrong(k, options[k], 'true or false');
  }
  const logger = options.logger;
  if (logger !== undefined && !(isObject(logger) && typeof logger.error === 'function'))
    wrong('logger', logger, 'an object with an error(message, details) function');
  if (options.precompiledValidators !== undefined && typeof options.precompiledValidators !== 'string')
    wrong('precompiledValidators', options.precompiledValidators, 'the path of the module flowport build wrote');
  for (const k of ['jobs', 'triggers']) {
    if (options[k] !== undefined && !isObject(options[k])) wrong(k, options[k], 'an object');
  }
  const jobs = options.jobs;
  if (isObject(jobs)) {
    // Before, `jobs: { stor }` started an app whose first long-running action failed inside.
    unknown('jobs.', jobs, JOBS, problems);
    if (!isObject(jobs.store)) wrong('jobs.store', jobs.store, 'a JobStore (MemoryJobStore, SqliteJobStore…)');
    const lease = jobs.leaseMs;
    if (lease !== undefined && !(Number.isSafeInteger(lease) && (lease as number) > 0))
      wrong('jobs.leaseMs', lease, 'a whole number of milliseconds, 1 or more');
    for (const k of ['maxAttempts', 'maxRunning'] as const) {
      const count = jobs[k];
      if (count !== undefined && !(Number.isSafeInteger(count) && (count as number) > 0))
        wrong(`jobs.${k}`, count, 'a whole number, 1 or more');
    }
    if (jobs.signal !== undefined && !(jobs.signal instanceof AbortSignal))
      wrong('jobs.signal', jobs.signal, 'an AbortSignal');
  }
  const proxy = options.trustProxy;
  const proxies = "true, a number of hops, or Express's trust proxy addresses";
  if (proxy !== undefined && !['boolean', 'number', 'string'].includes(typeof proxy))
    wrong('trustProxy', proxy, proxies);
  else if (typeof proxy === 'string') {
    // Express compiles the addresses when the app sets them: a mistyped one stopped the start
    // with "invalid IP address: 10.0.0.0/99", naming no option.
    try {
      express().set('trust proxy', proxy);
    } catch (err) {
      wrong('trustProxy', proxy, proxies, ` (${(err as Error).message})`);
    }
  }
  if (problems.length > 0) fail(problems);
}

const OPTIONS = [
  'credentials',
  'bodyLimit',
  'fileLimit',
  'controllers',
  'docs',
  'logger',
  'validateResponses',
  'precompiledValidators',
  'jobs',
  'triggers',
  'trustProxy',
] as const satisfies readonly (keyof AdapterOptions)[];
const CREDENTIALS = [
  'apiKeys',
  'verifyApiKey',
  'verifyBasic',
  'verifyToken',
  'aad',
] as const satisfies readonly (keyof CredentialOptions)[];
const JOBS = [
  'store',
  'leaseMs',
  'maxAttempts',
  'maxRunning',
  'signal',
] as const satisfies readonly (keyof JobOptions)[];
const AAD = ['jwksUri', 'issuer', 'algorithms', 'audience', 'clockTolerance'] as const satisfies readonly (keyof Aad)[];
type Aad = NonNullable<CredentialOptions['aad']>;
// Each list names every option of its type: an option added to the type and not here fails to compile.
const complete: [
  Exclude<keyof AdapterOptions, (typeof OPTIONS)[number]>,
  Exclude<keyof CredentialOptions, (typeof CREDENTIALS)[number]>,
  Exclude<keyof Aad, (typeof AAD)[number]>,
  Exclude<keyof JobOptions, (typeof JOBS)[number]>,
] extends [never, never, never, never]
  ? true
  : false = true;
void complete;

/**
 * Keys that are no option: `limits` or `bodylimit` for `bodyLimit` was ignored without a word,
 * and the app ran with the default. Names only; a value is never shown.
 */
function unknown(prefix: string, given: Record<string, unknown>, known: readonly string[], problems: string[]): void {
  problems.push(...misnamedOptions(prefix, given, new Set(known)));
}

/** Whether `keys`, from a function of `credentials.apiKeys`, is a list of keys; throws otherwise. */
export function keyList(keys: unknown): readonly string[] {
  if (isKeyList(keys)) return keys;
  throw new TypeError(
    `credentials.apiKeys() returned ${shown(keys)}; it must return a list of keys (non-empty strings)`,
  );
}

function fail(problems: readonly string[]): never {
  throw new TypeError(`createApp/createRouter options: ${problems.join('; ')}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is readonly string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isKeyList = (v: unknown): v is readonly string[] => isStrings(v) && v.every((s) => s !== '');

function shown(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'string') return 'a string';
  if (Array.isArray(v)) return 'a list with other values';
  return typeof v === 'object' ? 'an object' : typeof v === 'function' ? 'a function' : `${typeof v} ${String(v)}`;
}
