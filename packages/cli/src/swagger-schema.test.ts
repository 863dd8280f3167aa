import assert from 'node:assert/strict';
import { swaggerSchemaProblems } from './swagger-schema';

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
