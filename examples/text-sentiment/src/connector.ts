import { apiKey, Connector } from '@flowport/core';
import { BatchController } from './controllers/batch.controller';
import { HealthController } from './controllers/health.controller';
import { HistoryController } from './controllers/history.controller';
import { LanguagesController } from './controllers/languages.controller';
import { SentimentController } from './controllers/sentiment.controller';
import { documentsScored, negativeText } from './triggers';

/** The text-sentiment connector of the Power Platform custom-connector tutorial. */
export const connector = new Connector({
  info: {
    title: 'Text Sentiment',
    description:
      'Scores the sentiment of short texts from 0 (negative) to 1 (positive) with the AFINN-165 lexicon, so that flows can route feedback, reviews and messages by tone.',
    version: '1.0.0',
    contact: { name: 'Flowport', url: 'https://github.com/flowport/flowport', email: 'connectors@flowport.dev' },
  },
  host: 'sentiment.flowport.dev',
  basePath: '/',
  schemes: ['https'],
  brandColor: '#3A7BD5',
  publisher: 'Flowport',
  stackOwner: 'Flowport',
  metadata: {
    website: 'https://github.com/flowport/flowport',
    privacyPolicy: 'https://github.com/flowport/flowport/blob/main/PRIVACY.md',
    categories: ['AI', 'Productivity'],
  },
  auth: apiKey({
    in: 'header',
    name: 'Ocp-Apim-Subscription-Key',
    label: 'API Key',
    description: 'A key from the SENTIMENT_API_KEYS list of the service.',
    tooltip: 'Ask the service operator for a key.',
  }),
  testConnection: { operation: () => LanguagesController.prototype.list },
  controllers: [SentimentController, BatchController, LanguagesController, HistoryController, HealthController],
  triggers: [negativeText, documentsScored],
});
