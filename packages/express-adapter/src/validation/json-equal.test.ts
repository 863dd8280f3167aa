import assert from 'node:assert/strict';
import { duplicateOf, isOneOf } from './json-equal';

describe('duplicateOf (uniqueItems)', () => {
  it('names the first repeated item: where it first was and where it came again', () => {
    assert.equal(duplicateOf([]), undefined);
    assert.equal(duplicateOf(['a']), undefined);
    assert.equal(duplicateOf(['a', 'b', 'c']), undefined);
    assert.deepEqual(duplicateOf(['a', 'b', 'c', 'b', 'a']), [1, 3]);
  });

  it('tells values of different types apart, as JSON does', () => {
    assert.equal(duplicateOf([1, '1', true, 'true', null, 'null', [1], { 0: 1 }]), undefined);
    assert.deepEqual(duplicateOf([0, -0]), [0, 1]);
  });

  it('compares objects by their keys in any order, and arrays item by item', () => {
    assert.deepEqual(
      duplicateOf([
        { a: 1, b: [1, { c: 2, d: 3 }] },
        { b: [1, { d: 3, c: 2 }], a: 1 },
      ]),
      [0, 1],
    );
    assert.equal(duplicateOf([{ a: 1 }, { a: 1, b: 1 }, { a: [1, 2] }, { a: [2, 1] }]), undefined);
    assert.equal(duplicateOf([{ a: '1' }, { a: 1 }]), undefined);
    // A key and the text that would join two keys are not confused.
    assert.equal(duplicateOf([{ 'a":1,"b': 2 }, { a: 1, b: 2 }]), undefined);
  });

  it('reads names Object.prototype has as plain keys, from objects JSON.parse made', () => {
    const items = JSON.parse(
      '[{"valueOf":1},{"valueOf":1},{"toString":"x"},{"__proto__":{"a":1}},{"__proto__":{"a":1}},{"constructor":2}]',
    ) as unknown[];
    assert.deepEqual(duplicateOf(items), [0, 1]);
    assert.deepEqual(duplicateOf(items.slice(1)), [2, 3]);
    assert.deepEqual(duplicateOf(['__proto__', 'constructor', '__proto__']), [0, 2]);
    assert.equal(duplicateOf([{ __proto__: null, a: 1 }, { a: 2 }]), undefined);
  });

  it('compares items nested far deeper than the call stack would allow', () => {
    const deep = (leaf: string) => JSON.parse(`${'{"n":['.repeat(50_000)}${leaf}${']}'.repeat(50_000)}`) as unknown;
    assert.deepEqual(duplicateOf([deep('1'), deep('2'), deep('1')]), [0, 2]);
    assert.equal(duplicateOf([deep('1'), deep('"1"')]), undefined);
  });
});

describe('isOneOf (enum)', () => {
  it('finds a value among members by JSON equality, whatever keys the value has', () => {
    const members = [{ a: 1, b: [1, 2] }, 'x', 1, null];
    assert.equal(isOneOf({ b: [1, 2], a: 1 }, members), true);
    assert.equal(isOneOf({ a: 1, b: [2, 1] }, members), false);
    assert.equal(isOneOf('x', members), true);
    assert.equal(isOneOf('1', members), false);
    assert.equal(isOneOf(null, members), true);
    assert.equal(isOneOf(JSON.parse('{"valueOf":1,"toString":2}'), members), false);
  });
});
