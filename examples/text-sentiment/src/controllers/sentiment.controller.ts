import { Action, Body, Controller, Identity, Post, Returns } from '@flowport/core';
import { SentimentRequest, SentimentResult } from '../sentiment.dto';
import { isSupported, scoreText } from '../scoring';

/** What happens after documents are scored; the server wires the triggers in here. */
export interface ScoringEvents {
  scored(owner: string, documents: readonly { id: string; score: number; text: string }[]): Promise<void>;
}

@Controller('/text/analytics/v2.0')
export class SentimentController {
  constructor(private readonly events?: ScoringEvents) {}

  @Post('/sentiment')
  @Action({
    id: 'DetectSentiment',
    summary: 'Detect sentiment',
    description:
      'Scores each document from 0 (negative) to 1 (positive); unsupported languages are reported per document.',
    visibility: 'important',
  })
  @Returns(200, SentimentResult, { description: 'Scores and per-document errors' })
  async score(
    @Body({ summary: 'Documents', description: 'The documents to score.' }) body: SentimentRequest,
    @Identity() caller: Identity,
  ): Promise<SentimentResult> {
    const result: SentimentResult = { documents: [], errors: [] };
    const scored: { id: string; score: number; text: string }[] = [];
    for (const doc of body.documents) {
      const language = doc.language ?? 'en';
      if (!isSupported(language)) {
        result.errors.push({ id: doc.id, message: `Language "${language}" is not supported.` });
        continue;
      }
      const score = scoreText(doc.text, language);
      result.documents.push({ id: doc.id, score });
      scored.push({ id: doc.id, score, text: doc.text });
    }
    await this.events?.scored(caller.subject, scored);
    return result;
  }
}
