import assert from 'node:assert/strict';
import { isRecursive, nestsDeeperThan } from './depth';

const ref = (name: string) => ({ $ref: `flowport:definitions#/definitions/${name}` });

describe('isRecursive', () => {
  it('finds a class that refers to itself, directly or through another', () => {
    const definitions = {
      Folder: { type: 'object', properties: { subfolders: { type: 'array', items: ref('Folder') } } },
      A: { type: 'object', properties: { b: ref('B') } },
      B: { type: 'object', properties: { a: ref('A') } },
    };
    assert.equal(isRecursive(ref('Folder'), definitions), true);
    assert.equal(isRecursive({ type: 'object', properties: { x: ref('B') } }, definitions), true);
  });

  it('does not take a class reached twice for one that recurs', () => {
    const definitions = {
      Tag: { type: 'string' },
      Item: { type: 'object', properties: { a: ref('Tag'), b: ref('Tag'), all: { type: 'array', items: ref('Tag') } } },
    };
    assert.equal(
      isRecursive({ type: 'object', properties: { one: ref('Item'), two: ref('Item') } }, definitions),
      false,
    );
    assert.equal(isRecursive(ref('Missing'), definitions), false);
  });
});

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, not scalars', () => {
    assert.equal(nestsDeeperThan({ a: [{ b: 1 }] }, 3), false);
    assert.equal(nestsDeeperThan({ a: [{ b: {} }] }, 3), true);
    assert.equal(nestsDeeperThan('text', 0), false);
  });

  it('walks a value far deeper than the stack would allow', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    assert.equal(nestsDeeperThan(deep, 256), true);
    assert.equal(nestsDeeperThan(deep, 100_000), false);
  });
});
