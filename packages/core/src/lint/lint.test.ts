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

  it('locates shape problems of apiProperties.json in that file', () => {
    const [d] = notApiProperties([{ pointer: '/properties/capabilities', problem: 'must be array' }]);
    assert.equal(d.code, 'FP2017');
    assert.equal(d.at.pointer, 'apiProperties.json#/properties/capabilities');
    assert.equal(d.message, 'apiProperties.json does not have the shape the platform reads here: must be array');
  });
});
