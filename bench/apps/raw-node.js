'use strict';
// Baseline (c): the same API on raw node:http, the practical limit.
const http = require('node:http');
const { isSupported, scoreText } = require('../../examples/text-sentiment/dist/scoring');
const { keyMatches, validate } = require('./hand-rules');

const keys = (process.env.SENTIMENT_API_KEYS ?? '').split(',').filter(Boolean);
const LIMIT = 1024 * 1024;

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
const problem = (res, status, detail, errors = []) =>
  send(res, status, 'application/problem+json', JSON.stringify({ title: detail, status, errors }));

http
  .createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') return send(res, 200, 'application/json', '{"status":"ok"}');
    if (req.method !== 'POST' || req.url !== '/text/analytics/v2.0/sentiment') return problem(res, 404, 'Not Found');
    if (!keyMatches(req.headers['ocp-apim-subscription-key'], keys)) return problem(res, 401, 'Unauthorized');
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > LIMIT) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return problem(res, 400, 'Bad Request');
      }
      const errors = validate(body);
      if (errors.length > 0) return problem(res, 400, 'Bad Request', errors);
      const result = { documents: [], errors: [] };
      for (const d of body.documents) {
        const language = d.language ?? 'en';
        if (isSupported(language)) result.documents.push({ id: d.id, score: scoreText(d.text, language) });
        else result.errors.push({ id: d.id, message: `Language "${language}" is not supported.` });
      }
      send(res, 200, 'application/json', JSON.stringify(result));
    });
  })
  .listen(Number(process.env.PORT ?? 3000));
