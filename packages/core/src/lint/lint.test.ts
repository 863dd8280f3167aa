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
});
