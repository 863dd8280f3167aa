import { pollingTrigger, webhookTrigger } from '@flowport/core';
import { scoreLog } from './score-log';
import { NegativeTextEvent, ScoredDocument, ScoreThreshold } from './trigger.dto';

/** Fired by the sentiment operation for each document at or below the subscriber's threshold. */
export const negativeText = webhookTrigger({
  id: 'OnNegativeText',
  path: '/text/analytics/v2.0/hooks/negative-text',
  summary: 'When negative text is detected',
  description: 'This operation triggers when a scored document is at or below the chosen threshold.',
  payload: NegativeTextEvent,
  payloadDescription: 'The negative document',
  filters: ScoreThreshold,
  hint: 'To see it work, score a text such as "This is terrible".',
  matches: (event: NegativeTextEvent, filters: ScoreThreshold) => event.score <= (filters.threshold ?? 0.3),
});

/** Polls the caller's score log. */
export const documentsScored = pollingTrigger({
  id: 'OnDocumentsScored',
  path: '/text/analytics/v2.0/scored',
  summary: 'When documents are scored',
  description: 'This operation triggers when new documents have been scored through this connection.',
  batch: true,
  item: ScoredDocument,
  retryAfter: 60,
  hint: 'To see it work, score a few documents.',
  poll: (cursor, _filters, caller) => scoreLog.since(caller.owner, cursor),
});
