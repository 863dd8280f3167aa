'use strict';
// Baseline (b): the same API written by hand with Express 5, the way most people write it.
const express = require('express');
const { isSupported, scoreText } = require('../../examples/text-sentiment/dist/scoring');
const { keyMatches, validate } = require('./hand-rules');

const keys = (process.env.SENTIMENT_API_KEYS ?? '').split(',').filter(Boolean);
const app = express();
app.disable('x-powered-by');

const problem = (res, status, detail, errors = []) =>
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ title: detail, status, errors }));

app.get('/health', (_req, res) => res.json({ status: 'ok' }));

app.post('/text/analytics/v2.0/sentiment', express.json({ limit: '1mb' }), (req, res) => {
  if (!keyMatches(req.get('Ocp-Apim-Subscription-Key'), keys)) return problem(res, 401, 'Unauthorized');
  const errors = validate(req.body);
  if (errors.length > 0) return problem(res, 400, 'Bad Request', errors);
  const result = { documents: [], errors: [] };
  for (const d of req.body.documents) {
    const language = d.language ?? 'en';
    if (isSupported(language)) result.documents.push({ id: d.id, score: scoreText(d.text, language) });
    else result.errors.push({ id: d.id, message: `Language "${language}" is not supported.` });
  }
  res.json(result);
});

app.use((err, _req, res, _next) => problem(res, err.status ?? 500, err.type ?? 'Error'));
app.listen(Number(process.env.PORT ?? 3000));
