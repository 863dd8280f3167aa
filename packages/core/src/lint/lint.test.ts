import assert from 'node:assert/strict';
import { lint, notApiProperties } from './lint';

const definition = {
  swagger: '2.0',
  info: { title: 'T', version: '1' },
  paths: { '/a': { get: { operationId: 'GetA', responses: { '200': { description: 'OK' } } } } },
};

describe('lint', () => {
  it('judges an apiProperties.json of the wrong shape without throwing', () => {
    // The CLI checks the shape first (FP2017); a caller of lint() may not.
    for (const properties of [{ properties: { policyTemplateInstances: {} } }, [1, 2], { properties: 'x' }]) {
      const codes = lint({ definition, properties: properties as never, bytes: 1 }, { level: 'certification' }).map(
        (d) => d.code,
      );
      assert.ok(codes.includes('FP2125'), JSON.stringify(properties));
    }
  });

  it('judges extensions and schemas in extensions of the wrong shape without throwing', () => {
    // Found by mutating the corpus definitions at random places: extensions are free-form in the
    // Swagger 2.0 schema, so the shape check before the rules lets these through.
    const odd = {
      ...definition,
      'x-ms-connector-metadata': [null, 5, { propertyName: 'Categories', propertyValue: 'Nonsense' }],
      paths: {
        '/a': {
          'x-ms-notification-content': { schema: { type: 'object', required: true, allOf: 5 } },
          get: {
            operationId: 'GetA',
            parameters: [
              {
                name: 'q',
                in: 'query',
                type: 'string',
                'x-ms-dynamic-values': { operationId: 'GetA', 'value-collection': 7 },
              },
            ],
            responses: { '200': { description: 'OK', schema: { type: 'array', items: { type: 'object' } } } },
          },
        },
      },
    };
    const codes = lint({ definition: odd, bytes: 1 }, { level: 'certification' }).map((d) => d.code);
    assert.ok(codes.includes('FP2124'), codes.join(' '));
  });

  it('locates shape problems of apiProperties.json in that file', () => {
    const [d] = notApiProperties([{ pointer: '/properties/capabilities', problem: 'must be array' }]);
    assert.equal(d.code, 'FP2017');
    assert.equal(d.at.pointer, 'apiProperties.json#/properties/capabilities');
    assert.equal(d.message, 'apiProperties.json does not have the shape the platform reads here: must be array');
  });

  it('resolves each $ref as the platform does: entries of this file, escaped names too', () => {
    const refs = {
      ...definition,
      definitions: { 'a/b': { type: 'object' }, 'My Item': { type: 'string' } },
      parameters: { top: { name: 'top', in: 'query', type: 'integer' } },
      responses: { Ok: { description: 'OK', schema: { $ref: '#/definitions/Gone' } } },
      paths: {
        '/a': {
          parameters: [{ $ref: '#/parameters/bottom' }],
          get: {
            operationId: 'GetA',
            parameters: [{ $ref: '#/parameters/top' }, { $ref: '#/definitions/a~1b' }],
            responses: {
              '200': { description: 'OK', schema: { type: 'array', items: { $ref: '#/definitions/My%20Item' } } },
              '201': { description: 'OK', schema: { $ref: '#/definitions/a~1b' } },
              '202': { $ref: '#/responses/Ok' },
              '203': { $ref: '#/definitions/a~1b/properties' },
            },
          },
        },
      },
    };
    const found = lint({ definition: refs, bytes: 1 }, { level: 'platform' })
      .filter((d) => d.code === 'FP2018')
      .map((d) => `${d.at.pointer} ${d.message}`);
    assert.deepEqual(found, [
      '/responses/Ok/schema/$ref $ref "#/definitions/Gone" points at nothing: #/definitions has no entry "Gone"',
      '/paths/~1a/parameters/0/$ref $ref "#/parameters/bottom" points at nothing: #/parameters has no entry "bottom"',
      '/paths/~1a/get/parameters/1/$ref $ref "#/definitions/a~1b" is not an entry of #/parameters, where this reference must point',
      '/paths/~1a/get/responses/203/$ref $ref "#/definitions/a~1b/properties" is not an entry of #/responses, where this reference must point',
    ]);
  });

  it("judges a path item's parameters, which apply to each of its operations, once", () => {
    // Before, no rule read them: a reserved name or a body too large passed where it stood.
    const shared = {
      ...definition,
      paths: {
        '/a': {
          parameters: [{ name: 'connectionId', in: 'query', type: 'string' }],
          get: { operationId: 'GetA', responses: { '200': { description: 'OK' } } },
          put: { operationId: 'PutA', responses: { '200': { description: 'OK' } } },
        },
      },
    };
    const found = lint({ definition: shared, bytes: 1 }, { level: 'platform' }).map((d) => `${d.code} ${d.at.pointer}`);
    assert.deepEqual(found, ['FP2013 /paths/~1a/parameters/0']);
  });

  it('judges a body on a path item for its GET, where the body is written', () => {
    const shared = {
      ...definition,
      paths: {
        '/a': {
          parameters: [{ name: 'body', in: 'body', schema: { type: 'object' } }],
          put: { operationId: 'PutA', responses: { '200': { description: 'OK' } } },
          get: { operationId: 'GetA', responses: { '200': { description: 'OK' } } },
        },
      },
    };
    const found = lint({ definition: shared, bytes: 1 }, { level: 'platform' }).map(
      (d) => `${d.code} ${d.at.pointer} ${d.message}`,
    );
    assert.deepEqual(found, ['FP2010 /paths/~1a/parameters/0 a GET operation takes a body or form data']);
  });

  it('places a finding in a shared parameter or response where it is written, once for all its uses', () => {
    // Before, at each use: /paths/~1a/get/parameters/0/x-ms-summary, a place the file does not
    // have (no line to show, nothing to annotate), once per operation.
    const label = (summary: string) => ({ name: 'id', in: 'query', type: 'string', 'x-ms-summary': summary });
    const shared = {
      ...definition,
      parameters: { 'project id': label('project id') },
      responses: { Fine: { description: 'OK', schema: { type: 'object', 'x-ms-summary': 'the answer' } } },
      paths: {
        '/a': {
          get: {
            operationId: 'GetA',
            summary: 'Get A',
            parameters: [{ $ref: '#/parameters/project%20id' }],
            responses: { '200': { $ref: '#/responses/Fine' } },
          },
          put: {
            operationId: 'PutA',
            summary: 'Put A',
            parameters: [{ $ref: '#/parameters/project%20id' }, label('own id')],
            responses: { '200': { description: 'OK' } },
          },
        },
      },
    };
    const found = lint({ definition: shared, bytes: 1 }, { level: 'certification' })
      .filter((d) => d.code === 'FP2111')
      .map((d) => d.at.pointer);
    assert.deepEqual(found, [
      '/responses/Fine/schema/x-ms-summary',
      '/parameters/project id/x-ms-summary',
      '/paths/~1a/put/parameters/1/x-ms-summary',
    ]);
  });
});
