import { Action, Body, Controller, Identity, Post, Returns } from '@flowport/core';
import { SentimentRequest, SentimentResult } from '../sentiment.dto';
import { SentimentController } from './sentiment.controller';

/**
 * Scores up to a thousand documents as a long-running action: the caller gets 202 at once and the
 * platform polls for the result, so a slow batch never meets Logic Apps' 120 s request limit.
 */
@Controller('/text/analytics/v2.0')
export class BatchController {
  constructor(private readonly scorer = new SentimentController()) {}

  @Post('/sentiment/batch')
  @Action({
    id: 'DetectSentimentBatch',
    summary: 'Detect sentiment in a batch',
    description: 'Scores many documents in the background; the flow waits for the result without timing out.',
    visibility: 'advanced',
    async: { retryAfter: 5, expiresAfter: 86_400 },
  })
  @Returns(200, SentimentResult, { description: 'Scores and per-document errors' })
  async scoreBatch(
    @Body({ summary: 'Documents', description: 'The documents to score.' }) body: SentimentRequest,
    @Identity() caller: Identity,
  ): Promise<SentimentResult> {
    return this.scorer.score(body, caller);
  }
}
