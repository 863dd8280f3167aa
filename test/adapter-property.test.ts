import { sentimentApp } from '@flowport/example-text-sentiment/dist/server';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import request from 'supertest';
import { serving } from './support/http';
import { arbitraryFor, mutations } from './support/schema-arbitrary';

const KEY = 'property-key';
const PATH = '/text/analytics/v2.0/sentiment';
const RUNS = 300;

describe('property: the published schema is the runtime contract (fast-check)', function () {
  this.timeout(120000);
  const live = serving(() => sentimentApp([KEY]));
  let spec: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  let body: Record<string, unknown>;

  before(async () => {
    spec = JSON.parse((await request(live.url()).get('/connector/apiDefinition.swagger.json')).text);
    body = spec.paths[PATH].post.parameters.find((p: { in: string }) => p.in === 'body').schema;
  });

  const send = (value: unknown) =>
    request(live.url())
      .post(PATH)
      .set('Ocp-Apim-Subscription-Key', KEY)
      .set('content-type', 'application/json')
      .send(JSON.stringify(value));

  it(`accepts ${RUNS} requests generated from the emitted schema`, async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryFor(body, spec.definitions), async (value) => {
        const res = await send(value);
        assert.equal(res.status, 200, `${JSON.stringify(value)} → ${res.text}`);
      }),
      { numRuns: RUNS },
    );
  });

  it(`rejects ${RUNS} single mutations with 400 naming the mutated pointer`, async () => {
    const mutated = arbitraryFor(body, spec.definitions).chain((value) => {
      const all = mutations(value, body, spec.definitions);
      return fc.constantFrom(...all);
    });
    await fc.assert(
      fc.asyncProperty(mutated, async (m) => {
        const res = await send(m.value);
        assert.equal(res.status, 400, `${m.code} at ${m.pointer}: ${res.text}`);
        const errors = res.body.errors as { pointer: string; code: string }[];
        assert.ok(
          errors.some((e) => e.pointer === `/body${m.pointer}` && e.code === m.code),
          `expected ${m.code} at /body${m.pointer}, got ${JSON.stringify(errors)}`,
        );
        assert.ok(
          errors.every((e) => e.pointer === `/body${m.pointer}`),
          `a single mutation reports only its own pointer: ${JSON.stringify(errors)}`,
        );
      }),
      { numRuns: RUNS },
    );
  });
});
