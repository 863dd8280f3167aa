import type http from 'node:http';
import { guardedLookup, type CallbackPolicy } from './callback-url';
import type { DeliveryOptions } from './delivery-options';
import { messageOf, type LogFunction } from './logger';
import { DELIVERY_HEADERS, signatureOf } from './notification-signature';
import type { Delivery, TriggerStore } from './store';
import { retryAfterMs } from './retry-after';

/** The longest time between two purges of the dead letters. */
const PURGE_EVERY_MS = 60 * 60_000;

type Outcome =
  | { kind: 'delivered' }
  | { kind: 'gone' }
  | { kind: 'retry'; error: string; retryAfterMs?: number }
  | { kind: 'fatal'; error: string }
  /** The request could not even be made (a stored callback URL that does not parse, say). */
  | { kind: 'unsendable'; error: string };

/** One protocol's `request` with its keep-alive agent. */
interface Client {
  readonly request: typeof http.request;
  readonly agent: http.Agent;
}

function client(protocol: 'http:' | 'https:'): Client {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = (protocol === 'https:' ? require('node:https') : require('node:http')) as typeof http;
  return { request: lib.request, agent: new lib.Agent({ keepAlive: true }) };
}

/**
 * Moves deliveries from the outbox to their receivers: bounded concurrency, a timeout per
 * attempt, exponential backoff with jitter that honours `Retry-After`, a dead letter after the
 * last attempt, and `410 Gone` removing the subscription. Several workers (processes) may share
 * one store: claims are leases.
 */
export class DeliveryWorker {
  private running = false;
  private inFlight = 0;
  private wakeUp?: () => void;
  // Set by wake(); a wake-up between a claim and the next sleep must not be lost.
  private pending = false;
  private loopDone?: Promise<void>;
  // Store failures in a row: the first is logged, and so is the recovery, not every retry.
  private storeFailures = 0;
  // When the dead letters were last purged; 0 purges at the first turn.
  private purgedAt = 0;
  private readonly active = new Set<Promise<void>>();
  // Connections are reused between deliveries to the same receiver (its address was checked when
  // the connection was made). Each protocol's client and agent are made on its first delivery:
  // node:https loads TLS, which an API start-up need not wait for.
  private readonly clients: { 'http:'?: Client; 'https:'?: Client } = {};

  constructor(
    private readonly store: TriggerStore,
    private readonly secret: string | Buffer,
    private readonly policy: CallbackPolicy,
    private readonly options: DeliveryOptions,
    private readonly log: LogFunction,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Stops claiming work and waits for the deliveries in flight. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loopDone;
    await Promise.all(this.active);
    for (const c of Object.values(this.clients)) c.agent.destroy();
  }

  /** New work is in the outbox. */
  wake(): void {
    this.pending = true;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        await this.claimAndWait();
      } catch (err) {
        // A store error (a locked or full database) must not stop delivery for good, nor end the
        // process: claimed deliveries stay leased in the store and are claimed again later.
        if (this.storeFailures++ === 0) {
          this.log('flowport: the trigger store failed; delivery retries', { error: messageOf(err) });
        }
        await this.sleep(this.options.idleMs);
      }
    }
  }

  private async claimAndWait(): Promise<void> {
    await this.purgeDeadLetters();
    const free = this.options.concurrency - this.inFlight;
    if (free === 0) {
      // Saturated: a finishing delivery wakes the loop.
      await this.sleep(this.options.idleMs);
      return;
    }
    const claimed = await this.store.claimDue(Date.now(), free, this.options.leaseMs);
    if (this.storeFailures > 0) {
      this.log('flowport: the trigger store answers again', { failures: this.storeFailures });
      this.storeFailures = 0;
    }
    for (const d of claimed) this.track(d);
    if (claimed.length === free) return;
    // Nothing more is due now: sleep until the next delivery is, or new work arrives.
    const next = await this.store.nextDue();
    await this.sleep(Math.min(this.options.idleMs, next === undefined ? Infinity : Math.max(0, next - Date.now())));
  }

  /**
   * Deletes the dead letters kept longer than `deadLetterRetentionMs`. A subscription whose flow is
   * gone without unsubscribing (its DELETE never arrived) buries one letter for each event, for as
   * long as the API runs: kept for ever, they filled the store. A letter goes at most a tenth of its
   * time late (or an hour, or the worker's idle time), so that purging costs nothing to speak of.
   */
  private async purgeDeadLetters(): Promise<void> {
    const now = Date.now();
    const { deadLetterRetentionMs: keep, idleMs } = this.options;
    if (now - this.purgedAt < Math.max(idleMs, Math.min(PURGE_EVERY_MS, keep / 10))) return;
    this.purgedAt = now;
    // Kept longer than there has been time since 1970 (Number.MAX_SAFE_INTEGER keeps them all):
    // nothing to delete, and no date a store could write.
    if (now - keep <= 0) return;
    await this.store.purgeDeadLetters(now - keep);
  }

  private track(d: Delivery): void {
    // An attempt whose outcome the store could not record stays leased, and is attempted again
    // once the lease ends: at least once, as the delivery id lets receivers de-duplicate.
    const p = this.attempt(d).catch((err: unknown) =>
      this.log('flowport: the outcome of a delivery could not be recorded; it will be attempted again', {
        delivery: d.id,
        error: messageOf(err),
      }),
    );
    this.inFlight++;
    this.active.add(p);
    void p.then(() => {
      this.inFlight--;
      this.active.delete(p);
      this.wakeUp?.();
    });
  }

  private sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), ms);
      const done = () => {
        clearTimeout(timer);
        this.pending = false;
        resolve();
      };
      this.wakeUp = done;
    });
  }

  private async attempt(d: Delivery): Promise<void> {
    const subscription = await this.store.getSubscription(d.subscriptionId);
    if (!subscription) {
      await this.store.complete(d.id); // unsubscribed meanwhile: nobody is waiting for it
      return;
    }
    // What throws before anything is sent would throw again: kept as a dead letter, not attempted
    // at every lease as an unrecorded outcome is.
    const outcome = await this.post(d).catch((err: unknown): Outcome => ({
      kind: 'unsendable',
      error: messageOf(err),
    }));
    const attempts = d.attempts + 1;
    switch (outcome.kind) {
      case 'delivered':
        await this.store.complete(d.id);
        return;
      case 'gone':
        await this.store.deleteSubscription(d.subscriptionId);
        await this.store.complete(d.id);
        this.log('flowport: subscription removed after 410 Gone', {
          subscription: d.subscriptionId,
          trigger: d.trigger,
        });
        return;
      case 'fatal':
        await this.store.bury(d.id, attempts, outcome.error);
        this.log('flowport: delivery refused by the receiver', { delivery: d.id, error: outcome.error });
        return;
      case 'unsendable':
        await this.store.bury(d.id, attempts, outcome.error);
        this.log('flowport: a delivery cannot be sent; it is kept as a dead letter', {
          delivery: d.id,
          error: outcome.error,
        });
        return;
      case 'retry': {
        if (attempts >= this.options.maxAttempts) {
          await this.store.bury(d.id, attempts, outcome.error);
          this.log('flowport: delivery dead-lettered after the last attempt', {
            delivery: d.id,
            attempts,
            error: outcome.error,
          });
          return;
        }
        const backoff =
          Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempts - 1)) * (0.5 + Math.random());
        await this.store.retry(
          d.id,
          attempts,
          Date.now() + Math.max(backoff, outcome.retryAfterMs ?? 0),
          outcome.error,
        );
      }
    }
  }

  private clientFor(protocol: 'http:' | 'https:'): Client {
    return (this.clients[protocol] ??= client(protocol));
  }

  private async post(d: Delivery): Promise<Outcome> {
    const url = new URL(d.callbackUrl);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const client = this.clientFor(url.protocol === 'https:' ? 'https:' : 'http:');
    return new Promise((resolve) => {
      const req = client.request(
        url,
        {
          method: 'POST',
          agent: client.agent,
          lookup: guardedLookup(url, this.policy),
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(d.body),
            'user-agent': 'Flowport-Webhooks/1',
            [DELIVERY_HEADERS.id]: d.id,
            [DELIVERY_HEADERS.timestamp]: timestamp,
            [DELIVERY_HEADERS.signature]: signatureOf(this.secret, timestamp, d.body),
          },
          timeout: this.options.timeoutMs,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve({ kind: 'delivered' });
            else if (status === 410) resolve({ kind: 'gone' });
            // 408: the receiver closed a connection it found idle, and asks for the request again.
            else if (status === 408 || status === 429 || status >= 500) {
              const after = retryAfterMs(res.headers['retry-after'], Date.now());
              resolve({ kind: 'retry', error: `HTTP ${status}`, retryAfterMs: after });
            } else resolve({ kind: 'fatal', error: `HTTP ${status}` });
          });
          res.on('error', (err) => resolve({ kind: 'retry', error: err.message }));
        },
      );
      // A receiver that never answers is cut off and retried.
      const hardStop = setTimeout(
        () => req.destroy(new Error(`no answer within ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.options.timeoutMs} ms`)));
      req.on('error', (err) => resolve({ kind: 'retry', error: err.message }));
      req.on('close', () => clearTimeout(hardStop));
      req.end(d.body);
    });
  }
}
