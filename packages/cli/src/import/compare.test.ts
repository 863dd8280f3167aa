import assert from 'node:assert/strict';
import { compareDefinitions, compareProperties } from './compare';

const base = () => ({
  swagger: '2.0',
  info: { title: 'T', version: '1' },
  paths: {
    '/items': {
      get: {
        operationId: 'List',
        parameters: [{ $ref: '#/parameters/top' }],
        responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Item' } } },
      },
    },
  },
  parameters: { top: { name: '$top', in: 'query', type: 'integer' } },
  definitions: { Item: { type: 'object', properties: { id: { type: 'string' } } } },
});

describe('import: the round-trip comparison', () => {
  it('ignores key order and resolves references, shared parameters included', () => {
    const inline = {
      info: { version: '1', title: 'T' },
      swagger: '2.0',
      paths: {
        '/items': {
          get: {
            responses: { '200': { schema: { $ref: '#/definitions/Item' }, description: 'OK' } },
            parameters: [{ in: 'query', name: '$top', type: 'integer' }],
            operationId: 'List',
          },
        },
      },
      definitions: { Item: { properties: { id: { type: 'string' } }, type: 'object' } },
    };
    assert.deepEqual(compareDefinitions(base(), inline), []);
  });

  it('finds a changed, missing or extra value and names where', () => {
    const changed = base();
    changed.definitions.Item.properties.id.type = 'integer';
    assert.deepEqual(compareDefinitions(base(), changed), [
      '/paths/~1items/get/responses/200/schema/properties/id/type: expected "string", found "integer"',
      '/definitions/Item/properties/id/type: expected "string", found "integer"',
    ]);
    const extra = base() as ReturnType<typeof base> & { host?: string };
    extra.host = 'example.com';
    assert.deepEqual(compareDefinitions(base(), extra), ['/host: unexpected "example.com"']);
  });

  it('lays keys beside a $ref over its target', () => {
    const a = base();
    (a.paths['/items'].get.responses['200'].schema as Record<string, unknown>).description = 'One item';
    const b = base();
    b.paths['/items'].get.responses['200'].schema = {
      type: 'object',
      properties: { id: { type: 'string' } },
      description: 'One item',
    } as never;
    assert.deepEqual(compareDefinitions(a, b), []);
  });

  it('applies only the documented normalisations', () => {
    const a = { ...base(), basePath: '/', securityDefinitions: {}, security: [], tags: [] };
    const b = base();
    (b.paths['/items'].get as Record<string, unknown>).deprecated = false;
    assert.deepEqual(compareDefinitions(a, b), []);
    const c = base();
    (c.paths['/items'].get as Record<string, unknown>).deprecated = true;
    assert.equal(compareDefinitions(base(), c).length, 1);
  });

  it('reports a shared parameter no operation uses', () => {
    const a = base();
    (a.parameters as Record<string, unknown>).unused = { name: 'x', in: 'query', type: 'string' };
    assert.deepEqual(compareDefinitions(a, base()), ['/parameters/unused: unused shared entry, not imported']);
  });

  it('terminates on recursive definitions', () => {
    const a = base();
    (a.definitions.Item.properties as Record<string, unknown>).children = {
      type: 'array',
      items: { $ref: '#/definitions/Item' },
    };
    assert.deepEqual(compareDefinitions(a, structuredClone(a)), []);
  });

  it('compares apiProperties by key order only', () => {
    const a = { properties: { iconBrandColor: '#da3b01', capabilities: [] } };
    assert.deepEqual(compareProperties(a, { properties: { capabilities: [], iconBrandColor: '#da3b01' } }), []);
    assert.equal(compareProperties(a, { properties: { capabilities: [], iconBrandColor: '#ffffff' } }).length, 1);
    assert.equal(compareProperties({ properties: { required: false } }, { properties: {} }).length, 1);
  });
});
