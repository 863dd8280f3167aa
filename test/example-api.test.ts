import { sentimentApp, apiKeysFrom, secretFrom, trustProxyFrom } from '@flowport/example-text-sentiment/dist/server';
import express from 'express';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { ROOT } from './support/corpus';
import { serving } from './support/http';

const KEY = 'test-key-1';
const SENTIMENT = '/text/analytics/v2.0/sentiment';
const doc = (id: string, text: string, language?: string) => (language ? { id, text, language } : { id, text });

describe('text-sentiment example over HTTP', () => {
  const app = sentimentApp([KEY, 'test-key-2']);
  const post = (body: unknown) =>
    request(app)
      .post(SENTIMENT)
      .set('Ocp-Apim-Subscription-Key', KEY)
      .set('content-type', 'application/json')
      .send(JSON.stringify(body));

  describe('scoring', () => {
    it('scores each document from 0 to 1, positive above negative', async () => {
      const res = await post({
        documents: [
          doc('p', 'I love this, it is wonderful and great'),
          doc('n', 'This is terrible, awful and sad'),
          doc('z', 'The table is brown'),
        ],
      });
      assert.equal(res.status, 200);
      assert.match(res.headers['content-type'], /^application\/json/);
      const scores = Object.fromEntries(res.body.documents.map((d: { id: string; score: number }) => [d.id, d.score]));
      assert.deepEqual(Object.keys(scores), ['p', 'n', 'z']);
      for (const s of Object.values(scores) as number[]) assert.ok(s >= 0 && s <= 1 && Number(s.toFixed(3)) === s);
      assert.ok(scores.p > 0.8 && scores.n < 0.2 && scores.z === 0.5, JSON.stringify(scores));
      assert.deepEqual(res.body.errors, []);
    });

    it('reports an unsupported language per document, not as a failed request', async () => {
      const res = await post({ documents: [doc('1', 'good', 'en'), doc('2', 'bon', 'fr')] });
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.documents.map((d: { id: string }) => d.id),
        ['1'],
      );
      assert.deepEqual(res.body.errors, [{ id: '2', message: 'Language "fr" is not supported.' }]);
    });

    it('accepts 1,000 documents of 5,120 characters and refuses 1,001 or 5,121', async () => {
      const many = Array.from({ length: 1000 }, (_, i) => doc(String(i), 'x'.repeat(i === 0 ? 5120 : 10)));
      assert.equal((await post({ documents: many })).status, 200);
      const tooMany = await post({ documents: [...many, doc('x', 'y')] });
      assert.equal(tooMany.status, 400);
      assert.deepEqual(tooMany.body.errors, [
        { pointer: '/body/documents', message: 'must NOT have more than 1000 items', code: 'maxItems' },
      ]);
      const tooLong = await post({ documents: [doc('1', 'x'.repeat(5121))] });
      assert.deepEqual(
        tooLong.body.errors.map((e: { pointer: string }) => e.pointer),
        ['/body/documents/0/text'],
      );
    });

    it('lists the languages that feed the Language field', async () => {
      const res = await request(app).get('/text/analytics/v2.0/languages').set('Ocp-Apim-Subscription-Key', KEY);
      assert.deepEqual(res.body, { languages: [{ code: 'en', name: 'English' }] });
    });

    it('answers /health without credentials', async () => {
      const res = await request(app).get('/health');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { status: 'ok' });
    });
  });

  describe('API key auth', () => {
    it('refuses a missing key with 401 and a challenge naming the header', async () => {
      const res = await request(app)
        .post(SENTIMENT)
        .send({ documents: [doc('1', 'a')] });
      assert.equal(res.status, 401);
      assert.equal(res.headers['www-authenticate'], 'ApiKey realm="connector", header="Ocp-Apim-Subscription-Key"');
      assert.match(res.headers['content-type'], /^application\/problem\+json/);
    });

    it('refuses a wrong key, accepts every configured one', async () => {
      const wrong = await request(app)
        .get('/text/analytics/v2.0/languages')
        .set('Ocp-Apim-Subscription-Key', 'test-key-3');
      assert.equal(wrong.status, 401);
      assert.equal(wrong.body.detail, 'Connection credentials are invalid or expired.');
      const second = await request(app)
        .get('/text/analytics/v2.0/languages')
        .set('Ocp-Apim-Subscription-Key', 'test-key-2');
      assert.equal(second.status, 200);
    });

    it('the testConnection operation exercises the key', async () => {
      const spec = JSON.parse((await request(app).get('/connector/apiDefinition.swagger.json')).text);
      const id = spec['x-ms-capabilities'].testConnection.operationId;
      const [path, item] = Object.entries(spec.paths as Record<string, Record<string, { operationId: string }>>).find(
        ([, i]) => Object.values(i).some((op) => op.operationId === id),
      )!;
      assert.equal(item.get['x-ms-visibility' as never], 'internal');
      assert.equal((await request(app).get(path)).status, 401);
      assert.equal((await request(app).get(path).set('Ocp-Apim-Subscription-Key', KEY)).status, 200);
    });

    it('reads keys from SENTIMENT_API_KEYS, or generates a development key (not in production)', () => {
      assert.deepEqual(apiKeysFrom({ SENTIMENT_API_KEYS: ' a, b ,,c ' }), { keys: ['a', 'b', 'c'] });
      const dev = apiKeysFrom({});
      assert.equal(dev.keys.length, 1);
      assert.equal(dev.keys[0], dev.generated);
      assert.ok(dev.generated!.length >= 32);
      assert.notEqual(apiKeysFrom({}).generated, dev.generated);
      // In production a generated key would be a secret printed to the service's log.
      assert.throws(
        () => apiKeysFrom({ NODE_ENV: 'production' }),
        /^Error: SENTIMENT_API_KEYS is not set; with NODE_ENV=production it must be/,
      );
      assert.deepEqual(apiKeysFrom({ NODE_ENV: 'production', SENTIMENT_API_KEYS: 'k' }), { keys: ['k'] });
    });

    it('reads FLOWPORT_SECRET, or makes one for the run (not in production)', () => {
      assert.deepEqual(secretFrom({ FLOWPORT_SECRET: 'a-secret-of-16-bytes' }), {
        secret: 'a-secret-of-16-bytes',
        generated: false,
      });
      const dev = secretFrom({ FLOWPORT_SECRET: '' });
      assert.equal(dev.generated, true);
      assert.equal(Buffer.byteLength(dev.secret), 64);
      assert.notEqual(secretFrom({}).secret, dev.secret);
      // Before, production ran on a secret of its own each run: at every restart each polling
      // cursor a flow held was refused, and two instances refused each other's.
      assert.throws(
        () => secretFrom({ NODE_ENV: 'production' }),
        /^Error: FLOWPORT_SECRET is not set; with NODE_ENV=production it must be/,
      );
      assert.throws(
        () => secretFrom({ FLOWPORT_SECRET: 'short' }),
        /^Error: FLOWPORT_SECRET must be at least 16 bytes/,
      );
    });

    it('reads TRUST_PROXY as hops, true or false, or the addresses Express takes (createApp checks them)', () => {
      const read = (TRUST_PROXY?: string) => trustProxyFrom({ TRUST_PROXY });
      assert.deepEqual(
        [read(), read(' '), read('1'), read('true'), read('false'), read('loopback, 10.0.0.0/8')],
        [undefined, undefined, 1, true, false, 'loopback, 10.0.0.0/8'],
      );
    });
  });

  describe('bad input is a 4xx problem, never a crash', () => {
    const expectProblem = (res: request.Response, status: number) => {
      assert.equal(res.status, status, res.text);
      assert.match(res.headers['content-type'], /^application\/problem\+json/);
      assert.equal(res.body.status, status);
      assert.ok(res.body.requestId);
    };

    it('malformed JSON → 400', async () => {
      const res = await request(app)
        .post(SENTIMENT)
        .set('Ocp-Apim-Subscription-Key', KEY)
        .set('content-type', 'application/json')
        .send('{"documents": [');
      expectProblem(res, 400);
      assert.match(res.body.detail, /^The body is not valid JSON/);
    });

    it('__proto__ and constructor keys → 400 naming them, and nothing is polluted', async () => {
      const res = await request(app)
        .post(SENTIMENT)
        .set('Ocp-Apim-Subscription-Key', KEY)
        .set('content-type', 'application/json')
        .send(
          '{"documents":[{"id":"1","text":"hi","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}]}',
        );
      expectProblem(res, 400);
      assert.deepEqual(res.body.errors.map((e: { pointer: string }) => e.pointer).sort(), [
        '/body/documents/0/__proto__',
        '/body/documents/0/constructor',
      ]);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });

    it('a 10 MB body → 413', async () => {
      const res = await request(app)
        .post(SENTIMENT)
        .set('Ocp-Apim-Subscription-Key', KEY)
        .set('content-type', 'application/json')
        .send(`{"documents":[{"id":"1","text":"${'x'.repeat(10 * 1024 * 1024)}"}]}`);
      expectProblem(res, 413);
    });

    it('a wrong content type → 415', async () => {
      const res = await request(app)
        .post(SENTIMENT)
        .set('Ocp-Apim-Subscription-Key', KEY)
        .set('content-type', 'text/plain')
        .send('documents');
      expectProblem(res, 415);
    });

    it('deeply nested JSON → 400', async () => {
      const deep = `{"documents":${'['.repeat(50000)}${']'.repeat(50000)}}`;
      const res = await request(app)
        .post(SENTIMENT)
        .set('Ocp-Apim-Subscription-Key', KEY)
        .set('content-type', 'application/json')
        .send(deep);
      expectProblem(res, 400);
    });

    it('wrong types and missing fields are all reported at once', async () => {
      const res = await post({ documents: [{ id: 7, language: 'english' }] });
      expectProblem(res, 400);
      assert.deepEqual(res.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`).sort(), [
        '/body/documents/0/id type',
        '/body/documents/0/language pattern',
        '/body/documents/0/text required',
      ]);
    });

    it('a body with 300,000 problems → 400 listing the first 100, and the next request is served', async () => {
      // 600 KB, within the body limit: a spread of 300,000 problems overflowed the stack (a 500).
      const res = await request(app)
        .post(SENTIMENT)
        .set('Ocp-Apim-Subscription-Key', KEY)
        .set('content-type', 'application/json')
        .send(`{"documents":[${Array(300_000).fill('7').join(',')}]}`);
      expectProblem(res, 400);
      assert.equal(
        res.body.detail,
        "The request does not match the operation's definition; its first 100 problems are listed.",
      );
      assert.equal(res.body.errors.length, 100);
      assert.ok(res.body.errors.some((e: { code: string }) => e.code === 'maxItems'));
      const few = await post({ documents: [{ id: 7, text: 'x' }] });
      expectProblem(few, 400);
      assert.equal(few.body.detail, "The request does not match the operation's definition.");
      assert.equal((await post({ documents: [{ id: '1', text: 'fine' }] })).status, 200);
    });

    it('an empty body → 400 "a request body is required"', async () => {
      const res = await request(app).post(SENTIMENT).set('Ocp-Apim-Subscription-Key', KEY);
      expectProblem(res, 400);
      assert.deepEqual(res.body.errors, [
        { pointer: '/body', message: 'a request body is required', code: 'required' },
      ]);
    });

    it('answers 400, 401, 413 and 415 with the media type /openapi.json declares for them', async () => {
      const openapi = JSON.parse((await request(app).get('/openapi.json')).text);
      const declared = openapi.paths[SENTIMENT].post.responses as Record<string, { content: object }>;
      const keyed = () => request(app).post(SENTIMENT).set('Ocp-Apim-Subscription-Key', KEY);
      const answers = [
        await post({ documents: [{ id: 7 }] }),
        await request(app).post(SENTIMENT).send({ documents: [] }),
        await keyed()
          .set('content-type', 'application/json')
          .send(`"${'x'.repeat(2 * 1024 * 1024)}"`),
        await keyed().set('content-type', 'text/plain').send('documents'),
      ];
      assert.deepEqual(
        answers.map((res) => res.status),
        [400, 401, 413, 415],
      );
      for (const res of answers) {
        const media = String(res.headers['content-type']).split(';')[0];
        assert.deepEqual(Object.keys(declared[res.status].content), [media], `${res.status}`);
      }
    });

    it('unknown path → 404, wrong method → 405 with Allow', async () => {
      expectProblem(await request(app).get('/nope'), 404);
      const wrong = await request(app).get(SENTIMENT).set('Ocp-Apim-Subscription-Key', KEY);
      expectProblem(wrong, 405);
      assert.equal(wrong.headers.allow, 'POST');
    });

    it('answers HEAD like GET without a body, OPTIONS with 204 and Allow, other methods with 405', async () => {
      const head = await request(app).head('/health');
      assert.equal(head.status, 200);
      assert.equal(head.text, undefined);
      const options = await request(app).options(SENTIMENT);
      assert.equal(options.status, 204);
      assert.equal(options.headers.allow, 'POST');
      const remove = await request(app).delete('/health');
      expectProblem(remove, 405);
      assert.equal(remove.headers.allow, 'GET, HEAD');
    });
  });

  describe('on a real socket', () => {
    const live = serving(() => sentimentApp([KEY]));

    it('keeps the connection alive after 4xx answers', async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const sockets = new Set<unknown>();
      const call = (path: string, key?: string) =>
        new Promise<number>((resolve, reject) => {
          const req = http.request(
            `${live.url()}${path}`,
            { agent, headers: key ? { 'Ocp-Apim-Subscription-Key': key } : {} },
            (res) => {
              sockets.add(res.socket);
              res.resume();
              res.on('end', () => resolve(res.statusCode!));
            },
          );
          req.on('error', reject);
          req.end();
        });
      const statuses = [
        await call('/nope'),
        await call('/text/analytics/v2.0/languages'),
        await call(SENTIMENT, KEY),
        await call('/health'),
      ];
      agent.destroy();
      assert.deepEqual(statuses, [404, 401, 405, 200]);
      assert.equal(sockets.size, 1, 'one socket served all four requests');
    });
  });

  describe('documents', () => {
    const built = (f: string) => readFileSync(join(ROOT, 'examples', 'text-sentiment', 'connector', f), 'utf8');

    it('serve byte-for-byte what flowport build writes', async () => {
      for (const [path, file] of [
        ['/openapi.json', 'openapi.json'],
        ['/connector/apiDefinition.swagger.json', 'apiDefinition.swagger.json'],
        ['/connector/apiProperties.json', 'apiProperties.json'],
        ['/connector/settings.json', 'settings.json'],
      ]) {
        const res = await request(app).get(path);
        assert.equal(res.status, 200);
        assert.match(res.headers['content-type'], /^application\/json/);
        assert.equal(res.text, built(file), path);
      }
    });

    it('let a page on another origin read them, as Logic Apps HTTP + Swagger does from the designer', async () => {
      for (const path of ['/openapi.json', '/connector/apiDefinition.swagger.json', '/connector/apiProperties.json']) {
        const res = await request(app).get(path).set('Origin', 'https://portal.azure.com');
        assert.equal(res.headers['access-control-allow-origin'], '*', path);
      }
      // Only the documents: an operation's answer is not opened to other origins.
      const health = await request(app).get('/health').set('Origin', 'https://portal.azure.com');
      assert.equal(health.headers['access-control-allow-origin'], undefined);
      // A request with headers of its own is asked about first (a preflight), and allowed.
      const preflight = await request(app)
        .options('/connector/apiDefinition.swagger.json')
        .set('Origin', 'https://portal.azure.com')
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'x-ms-client-request-id');
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers['access-control-allow-origin'], '*');
      assert.match(preflight.headers['access-control-allow-methods'], /\bGET\b/);
      assert.equal(preflight.headers['access-control-allow-headers'], 'x-ms-client-request-id');
      // An app's own CORS middleware, run first, keeps its answer.
      const outer = express()
        .use((_req, res, next) => {
          res.setHeader('access-control-allow-origin', 'https://make.powerautomate.com');
          next();
        })
        .use(app);
      const own = await request(outer).get('/openapi.json').set('Origin', 'https://make.powerautomate.com');
      assert.equal(own.headers['access-control-allow-origin'], 'https://make.powerautomate.com');
    });

    it('serve Swagger UI at /docs, reading /openapi.json', async () => {
      const page = await request(app).get('/docs/');
      assert.equal(page.status, 200);
      assert.match(page.text, /swagger-ui/);
      const init = await request(app).get('/docs/swagger-ui-init.js');
      // Relative to the page at /docs/, so that an app mounted under a prefix reads its own.
      assert.match(init.text, /"url": "\.\.\/openapi.json"/);
    });
  });
});
