import assert from 'node:assert/strict';
import { coerce } from './coerce';

describe('coerce: wire strings to declared types', () => {
  it('converts valid integers, numbers and booleans and leaves invalid strings for validation to report', () => {
    assert.equal(coerce('42', { type: 'integer' }), 42);
    assert.equal(coerce('4.2', { type: 'integer' }), '4.2');
    assert.equal(coerce('-1.5e3', { type: 'number' }), -1500);
    assert.equal(coerce('', { type: 'number' }), '');
    assert.equal(coerce('abc', { type: 'number' }), 'abc');
    assert.equal(coerce('true', { type: 'boolean' }), true);
    assert.equal(coerce('yes', { type: 'boolean' }), 'yes');
    assert.equal(coerce('007', { type: 'string' }), '007');
  });

  it('splits arrays by collectionFormat and coerces their items', () => {
    assert.deepEqual(coerce('1,2', { type: 'array', items: { type: 'integer' } }), [1, 2]);
    assert.deepEqual(coerce('a|b', { type: 'array', collectionFormat: 'pipes', items: { type: 'string' } }), [
      'a',
      'b',
    ]);
    assert.deepEqual(
      coerce(['1', '2'], { type: 'array', collectionFormat: 'multi', items: { type: 'number' } }),
      [1, 2],
    );
    assert.deepEqual(coerce('', { type: 'array', items: { type: 'string' } }), []);
  });

  it('reads a repeated scalar as its first value only when there is one', () => {
    assert.equal(coerce(['5'], { type: 'integer' }), 5);
    assert.deepEqual(coerce(['5', '6'], { type: 'integer' }), ['5', '6']);
  });
});
