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

  it('reads a boolean in any case, as the flow engine writes one it turns into text ("True")', () => {
    // Before, a flow that mapped a boolean into a boolean query parameter was refused: "must be boolean".
    assert.deepEqual(
      ['True', 'FALSE', 'false', 'tRUE', 'Yes', '1', 'Truee'].map((v) => coerce(v, { type: 'boolean' })),
      [true, false, false, true, 'Yes', '1', 'Truee'],
    );
    assert.deepEqual(coerce('True,false', { type: 'array', items: { type: 'boolean' } }), [true, false]);
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

  it('reads a header list as HTTP writes it: commas with optional spaces, empty items ignored', () => {
    // Node joins repeated header lines with ", "; before, the second item kept its space, and
    // "1, 2" was refused ("must be number") while "a, b" was handed over as ["a", " b"].
    const ints = { type: 'array', items: { type: 'integer' } };
    assert.deepEqual(coerce('1, 2,3 ,\t4', ints, true), [1, 2, 3, 4]);
    assert.deepEqual(coerce(['a, b', 'c'], { type: 'array', items: { type: 'string' } }, true), ['a', 'b', 'c']);
    assert.deepEqual(coerce('a,, b,', { type: 'array', items: { type: 'string' } }, true), ['a', 'b']);
    assert.deepEqual(coerce('', ints, true), []);
    // In a query a space is data.
    assert.deepEqual(coerce('a, b', { type: 'array', items: { type: 'string' } }), ['a', ' b']);
    assert.deepEqual(coerce('a| b', { type: 'array', collectionFormat: 'pipes', items: { type: 'string' } }, true), [
      'a',
      ' b',
    ]);
  });

  it('reads a repeated scalar as its first value only when there is one', () => {
    assert.equal(coerce(['5'], { type: 'integer' }), 5);
    assert.deepEqual(coerce(['5', '6'], { type: 'integer' }), ['5', '6']);
  });
});
