import assert from 'node:assert/strict';
import { nonFiniteNumbers } from './non-finite';

describe('nonFiniteNumbers', () => {
  const pointers = (json: string, limit = 10) =>
    nonFiniteNumbers(JSON.parse(json) as unknown, '/body', limit).map((p) => p.pointer);

  it('names each in the order of the body, with its keys escaped', () => {
    assert.deepEqual(pointers('{"z":1e400,"a":[0,-1e400,{"~x/y":1e999}]}'), [
      '/body/z',
      '/body/a/1',
      '/body/a/2/~0x~1y',
    ]);
    assert.deepEqual(pointers('1e400'), ['/body']);
    assert.deepEqual(pointers('{"a":[1,"1e400",1e308]}'), []);
  });

  it('says how each reads, and stops at the limit', () => {
    const [first] = nonFiniteNumbers(-Infinity, '/body', 1);
    assert.deepEqual(first, {
      pointer: '/body',
      message: 'is beyond the range of a number (it reads as -Infinity)',
      code: 'numberRange',
    });
    assert.deepEqual(pointers(`[${Array(50).fill('1e400').join(',')}]`, 3), ['/body/0', '/body/1', '/body/2']);
  });
});
