import assert from 'node:assert/strict';
import { nestsWithoutBound, scanOpenBody } from './depth';

const ref = (name: string) => ({ $ref: `flowport:definitions#/definitions/${name}` });

describe('nestsWithoutBound', () => {
  it('finds a class that refers to itself, directly or through another', () => {
    const definitions = {
      Folder: { type: 'object', properties: { subfolders: { type: 'array', items: ref('Folder') } } },
      A: { type: 'object', properties: { b: ref('B') } },
      B: { type: 'object', properties: { a: ref('A') } },
    };
    assert.equal(nestsWithoutBound(ref('Folder'), definitions), true);
    assert.equal(nestsWithoutBound({ type: 'object', properties: { x: ref('B') } }, definitions), true);
  });

  it('does not take a class reached twice for one that recurs', () => {
    const definitions = {
      Tag: { type: 'string' },
      Item: {
        type: 'object',
        properties: { a: ref('Tag'), b: ref('Tag'), all: { type: 'array', items: ref('Tag') } },
        additionalProperties: false,
      },
    };
    const both = { type: 'object', properties: { one: ref('Item'), two: ref('Item') }, additionalProperties: false };
    assert.equal(nestsWithoutBound(both, definitions), false);
    assert.equal(nestsWithoutBound(ref('Missing'), definitions), false);
  });
});

describe('nestsWithoutBound, for places that take any JSON', () => {
  const closed = (properties: Record<string, unknown>) => ({ type: 'object', properties, additionalProperties: false });
  const definitions = {
    Note: closed({ text: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } }),
    Open: { type: 'object', properties: { text: { type: 'string' } } },
  };

  it('finds a schema with no type, an open object or an array of anything, wherever it is', () => {
    for (const schema of [
      {},
      { type: 'object' },
      { type: ['object', 'null'], additionalProperties: true },
      { type: 'array' },
      closed({ meta: { type: 'object', additionalProperties: { type: 'array' } } }),
      closed({ list: { type: 'array', items: ref('Open') } }),
      { anyOf: [ref('Note'), { description: 'anything' }] },
    ]) {
      assert.equal(nestsWithoutBound(schema, definitions), true, JSON.stringify(schema));
    }
  });

  it('passes a schema of fixed depth: closed objects, typed arrays, dictionaries of scalars, enums', () => {
    for (const schema of [
      ref('Note'),
      { type: 'string' },
      { type: ['integer', 'null'] },
      closed({
        notes: { type: 'array', items: ref('Note') },
        counts: { type: 'object', additionalProperties: { type: 'integer' } },
      }),
      { enum: [{ a: 1 }] },
      { allOf: [ref('Note')] },
    ]) {
      assert.equal(nestsWithoutBound(schema, definitions), false, JSON.stringify(schema));
    }
  });
});

describe('scanOpenBody', () => {
  it('counts objects and arrays, not scalars', () => {
    assert.equal(scanOpenBody({ a: [{ b: 1 }] }, 3), undefined);
    assert.equal(scanOpenBody({ a: [{ b: {} }] }, 3), 'tooDeep');
    assert.equal(scanOpenBody('text', 0), undefined);
  });

  it('walks a value far deeper than the stack would allow', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    assert.equal(scanOpenBody(deep, 256), 'tooDeep');
    assert.equal(scanOpenBody(deep, 100_000), undefined);
  });

  it('finds a number JSON.parse read as Infinity, at the top or anywhere inside, after depth', () => {
    assert.equal(scanOpenBody(JSON.parse('1e400'), 1), 'nonFinite');
    assert.equal(scanOpenBody(JSON.parse('{"a":[1,{"b":-1e400}]}'), 3), 'nonFinite');
    assert.equal(scanOpenBody(JSON.parse('{"a":[1e400,{"b":{}}]}'), 3), 'tooDeep');
    assert.equal(scanOpenBody(JSON.parse('{"a":[1e308,1e-400,"1e400"]}'), 3), undefined);
  });
});
