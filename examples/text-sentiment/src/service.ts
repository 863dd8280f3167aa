import { MemoryJobStore, TriggerRuntime, type JobStore, type TriggerStore } from '@flowport/core';
import { createApp } from '@flowport/express-adapter';
import type { Express } from 'express';
import { resolve } from 'node:path';
import { connector } from './connector';
import { BatchController } from './controllers/batch.controller';
import { SentimentController, type ScoringEvents } from './controllers/sentiment.controller';
import { scoreLog } from './score-log';
import { negativeText } from './triggers';

/** Everything the text-sentiment service needs to run. */
export interface SentimentServiceOptions {
  /** Accepted API keys. */
  readonly keys: readonly string[];
  /** Where subscriptions and the delivery outbox live. */
  readonly store: TriggerStore;
  /** Where batch-scoring jobs live; in memory when omitted. */
  readonly jobs?: JobStore;
  /** Signs polling cursors and notifications; at least 16 bytes. */
  readonly secret: string;
  /** Secrets `secret` replaced, whose polling cursors are still read (a rotation). */
  readonly previousSecrets?: readonly string[];
  /** Accept http://localhost callback URLs (development and tests). */
  readonly allowLocalCallbacks?: boolean;
  /** Honour X-Forwarded-Proto/Host when building absolute links (behind a proxy you trust), as Express's `trust proxy`. */
  readonly trustProxy?: boolean | number | string;
  /** Check every answer against its declared schema (development and tests). */
  readonly validateResponses?: boolean;
  /** Delivery tuning (tests shorten the waits). */
  readonly delivery?: ConstructorParameters<typeof TriggerRuntime>[0]['delivery'];
}

/** The Express app and its trigger runtime; call `triggers.start()` to deliver, `close()` to stop. */
export function sentimentService(options: SentimentServiceOptions): {
  app: Express;
  triggers: TriggerRuntime;
  close: () => Promise<void>;
} {
  const jobs = options.jobs ?? new MemoryJobStore();
  // Aborted on close: the app stops looking for abandoned jobs before their store closes.
  const closing = new AbortController();
  const triggers = new TriggerRuntime({
    store: options.store,
    secret: options.secret,
    previousSecrets: options.previousSecrets,
    callbacks: { allowLocalhost: options.allowLocalCallbacks === true },
    delivery: options.delivery,
  });
  const events: ScoringEvents = {
    async scored(owner, documents) {
      scoreLog.record(owner, documents);
      const scoredAt = new Date().toISOString();
      const events = documents.map((d) => ({ id: d.id, score: d.score, excerpt: excerptOf(d.text), scoredAt }));
      await triggers.emitAll(negativeText, events, { owner });
    },
  };
  const app = createApp(connector, {
    credentials: { apiKeys: options.keys },
    triggers,
    validateResponses: options.validateResponses,
    trustProxy: options.trustProxy,
    jobs: { store: jobs, signal: closing.signal },
    // Written by `npm run connector` (flowport build --validators) beside the connector files.
    precompiledValidators: resolve(__dirname, '..', 'generated', 'validators.js'),
    controllers: (cls) =>
      cls === SentimentController
        ? new SentimentController(events)
        : cls === BatchController
          ? new BatchController(new SentimentController(events))
          : new (cls as new () => object)(),
  });
  return {
    app,
    triggers,
    close: async () => {
      await triggers.stop();
      await options.store.close();
      closing.abort();
      await jobs.close();
    },
  };
}

/**
 * The first 200 UTF-16 units of a text, one fewer where the 200th is the first half of a
 * character outside the Basic Multilingual Plane (an emoji): cut there, the excerpt ended in a lone
 * surrogate, which is no Unicode text.
 */
function excerptOf(text: string, units = 200): string {
  const cut = text.slice(0, units);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
