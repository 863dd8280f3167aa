import { Action, Body, Controller, Post, Returns } from '@flowport/core';
import { SentimentRequest, SentimentResult } from '../sentiment.dto';
import { isSupported, scoreText } from '../scoring';

@Controller('/text/analytics/v2.0')
export class SentimentController {
  @Post('/sentiment')
  @Action({
    id: 'DetectSentiment',
    summary: 'Detect sentiment',
    description:
      'Scores each document from 0 (negative) to 1 (positive); unsupported languages are reported per document.',
    visibility: 'important',
  })
  @Returns(200, SentimentResult, { description: 'Scores and per-document errors' })
  score(
    @Body({ summary: 'Documents', description: 'The documents to score.' }) body: SentimentRequest,
  ): SentimentResult {
    const result: SentimentResult = { documents: [], errors: [] };
    for (const doc of body.documents) {
      const language = doc.language ?? 'en';
      if (isSupported(language)) result.documents.push({ id: doc.id, score: scoreText(doc.text, language) });
      else result.errors.push({ id: doc.id, message: `Language "${language}" is not supported.` });
    }
    return result;
  }
}
