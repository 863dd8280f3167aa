import { every, isObject, misnamedOptions, shown } from '../diagnostics/option-checks';
import type { CallbackPolicy } from './callback-url';
import type { DeliveryOptions } from './delivery-options';
import type { TriggerRuntimeOptions } from './runtime';
import type { TriggerStore } from './store';

/*
 * The options of a TriggerRuntime, checked when it is made, as createApp checks its own. Before,
 * a misspelt name was ignored without a word: `callbacks: { allowHost: [...] }` left the host
 * allow-list off, so that a registration could name any public host. Secrets are never shown.
 */

const RUNTIME = every<TriggerRuntimeOptions>()([
  'store',
  'secret',
  'previousSecrets',
  'callbacks',
  'maxSubscriptionsPerOwner',
  'delivery',
  'logger',
]);
const CALLBACKS = every<CallbackPolicy>()(['allowHosts', 'allowLocalhost', 'allowPrivateNetworks', 'resolve']);
const DELIVERY = every<DeliveryOptions>()([
  'timeoutMs',
  'maxAttempts',
  'baseDelayMs',
  'maxDelayMs',
  'concurrency',
  'leaseMs',
  'idleMs',
  'deadLetterRetentionMs',
]);
/** Counts, of which there must be one at least; the rest are milliseconds, 0 or more. */
const COUNTS = new Set(['maxAttempts', 'concurrency']);
const STORE = every<TriggerStore>()([
  'addSubscription',
  'getSubscription',
  'deleteSubscription',
  'subscriptionsOf',
  'enqueue',
  'claimDue',
  'complete',
  'retry',
  'bury',
  'deadLetters',
  'purgeDeadLetters',
  'pendingCount',
  'nextDue',
  'close',
]);

const isSecret = (v: unknown): v is string | Buffer => typeof v === 'string' || Buffer.isBuffer(v);

/** Throws one TypeError that names each option of another type, and each name that is no option. */
export function checkRuntimeOptions(options: unknown): void {
  if (!isObject(options)) {
    throw new TypeError(`TriggerRuntime options must be an object with store and secret, not ${shown(options)}`);
  }
  const problems: string[] = [];
  problems.push(...misnamedOptions('', options, RUNTIME));
  const store = options.store;
  const lacking = isObject(store) ? [...STORE].filter((m) => typeof store[m] !== 'function') : [];
  if (!isObject(store) || lacking.length > 0) {
    const why = isObject(store) ? `an object without ${lacking.join(', ')}` : shown(store);
    problems.push(`store must be a TriggerStore (MemoryTriggerStore, SqliteTriggerStore…), not ${why}`);
  }
  secret('secret', options.secret, problems);
  const previous = options.previousSecrets;
  if (previous !== undefined && !Array.isArray(previous)) problems.push('previousSecrets must be a list of secrets');
  if (Array.isArray(previous)) previous.forEach((s: unknown, i) => secret(`previousSecrets[${i}]`, s, problems));
  const callbacks = options.callbacks;
  if (callbacks !== undefined && !isObject(callbacks))
    problems.push(`callbacks must be an object, not ${shown(callbacks)}`);
  if (isObject(callbacks)) {
    problems.push(...misnamedOptions('callbacks.', callbacks, CALLBACKS));
    const hosts = callbacks.allowHosts;
    if (hosts !== undefined && !(Array.isArray(hosts) && hosts.every((h) => typeof h === 'string' && h !== '')))
      problems.push(
        `callbacks.allowHosts must be a list of host patterns such as '*.logic.azure.com', not ${shown(hosts)}`,
      );
    for (const k of ['allowLocalhost', 'allowPrivateNetworks'] as const)
      if (callbacks[k] !== undefined && typeof callbacks[k] !== 'boolean')
        problems.push(`callbacks.${k} must be true or false, not ${shown(callbacks[k])}`);
    if (callbacks.resolve !== undefined && typeof callbacks.resolve !== 'function')
      problems.push(`callbacks.resolve must be a function, not ${shown(callbacks.resolve)}`);
  }
  const delivery = options.delivery;
  if (delivery !== undefined && !isObject(delivery))
    problems.push(`delivery must be an object, not ${shown(delivery)}`);
  if (isObject(delivery)) {
    problems.push(...misnamedOptions('delivery.', delivery, DELIVERY));
    for (const k of DELIVERY) {
      const v = delivery[k];
      const least = COUNTS.has(k) ? 1 : 0;
      if (v !== undefined && !(Number.isSafeInteger(v) && (v as number) >= least))
        problems.push(`delivery.${k} must be a whole number, ${least} or more, not ${shown(v)}`);
    }
  }
  const max = options.maxSubscriptionsPerOwner;
  if (max !== undefined && !(Number.isSafeInteger(max) && (max as number) >= 1))
    problems.push(`maxSubscriptionsPerOwner must be a whole number, 1 or more, not ${shown(max)}`);
  const logger = options.logger as unknown;
  if (logger !== undefined && typeof logger !== 'function' && !(isObject(logger) && typeof logger.error === 'function'))
    problems.push(
      `logger must be a function or an object with an error(message, details) function, not ${shown(logger)}`,
    );
  if (problems.length > 0) throw new TypeError(`TriggerRuntime options: ${problems.join('; ')}`);
}

/** A signing secret: its type and length, never its value. */
function secret(option: string, v: unknown, problems: string[]): void {
  if (!isSecret(v)) problems.push(`${option} must be a string or a Buffer of 16 bytes or more, not ${typeof v}`);
  else if (Buffer.byteLength(v) < 16) problems.push(`${option} must be at least 16 bytes`);
}
