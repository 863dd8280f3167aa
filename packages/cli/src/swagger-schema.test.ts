import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { problemsOf } from './schema-problems';
import { compileSwaggerSchema, PRECOMPILED_SWAGGER_SCHEMA, swaggerSchemaProblems } from './swagger-schema';

const valid = () => ({
  swagger: '2.0',
  info: { title: 'T', version: '1' },
  paths: {
    '/a': {
      get: {
        operationId: 'GetA',
        parameters: [{ name: 'top', in: 'query', type: 'integer' }],
        responses: { '200': { description: 'OK', schema: { type: 'object' } } },
      },
    },
  },
});

describe('swaggerSchemaProblems', () => {
  it('finds nothing in a Swagger 2.0 document', () => {
    assert.deepEqual(swaggerSchemaProblems(valid()), []);
  });

  it('reports a place that offers alternatives once, with the deepest failure as the likely reason', () => {
    const doc = valid();
    (doc.paths['/a'].get.parameters[0] as { type: string }).type = 'strin';
    const problems = swaggerSchemaProblems(doc);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(problems[0].pointer, '/paths/~1a/get/parameters/0');
    assert.equal(problems[0].keyword, 'oneOf');
    assert.match(
      problems[0].problem,
      /^matches none of the forms the schema allows; likely \/\w+ must be equal to one of/,
    );
  });

  it('reports each place in pointer order, and names a key the format does not have', () => {
    const doc = valid() as Record<string, unknown>;
    doc.paths = { '/b': { get: { responses: { '200': { description: 'OK' } } }, typo: 1 }, '/a': [] };
    assert.deepEqual(
      swaggerSchemaProblems(doc).map((p) => [p.pointer, p.keyword, p.problem]),
      [
        ['/paths/~1a', 'type', 'must be object'],
        ['/paths/~1b', 'additionalProperties', 'has the key "typo", which it may not have'],
      ],
    );
  });

  it('takes anything JSON.parse can return', () => {
    for (const doc of [null, 'text', 42, []]) assert.equal(swaggerSchemaProblems(doc)[0].pointer, '');
  });
});

describe('the precompiled Swagger 2.0 schema', () => {
  it('is what `npm run build` wrote, and judges as the schema compiled afresh does', () => {
    const precompiled = join(__dirname, PRECOMPILED_SWAGGER_SCHEMA);
    assert.ok(existsSync(precompiled), `${precompiled} is missing: run npm run build`);
    const fresh = compileSwaggerSchema().validate;
    const judge = (doc: unknown) => (fresh(doc) ? [] : problemsOf(fresh.errors ?? []));
    const broken = valid() as Record<string, unknown>;
    broken.paths = { '/b': { get: { parameters: [{ name: 'q', in: 'query' }], responses: {} } } };
    for (const doc of [valid(), broken, null, { swagger: '3.0' }])
      assert.deepEqual(swaggerSchemaProblems(doc), judge(doc));
    assert.notDeepEqual(swaggerSchemaProblems(broken), []);
  });

  it('spares a check the schema compiler: ajv-draft-04 is never loaded', () => {
    const probe = `require(${JSON.stringify(join(__dirname, 'swagger-schema.js'))}).swaggerSchemaProblems({});
      process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes('ajv-draft-04'))))`;
    assert.equal(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }), 'false');
  });
});
