import assert from 'node:assert/strict';
import { positionsIn } from './positions';

describe('positions of JSON pointers in a file', () => {
  const text = [
    '{',
    '  "info": { "title": "T", "contact": {} },',
    '  "paths": {',
    '    "/a/{id}": {',
    '      "get": { "parameters": [ { "name": "id" }, { "$ref": "#/parameters/x" } ] }',
    '    }',
    '  },',
    '  "definitions": { "a/b": { "type": "object" }, "x~y": {} }',
    '}',
  ].join('\n');
  const at = positionsIn('def.json', text);

  it('finds a member at its key, and an item of a list by its index', () => {
    // Where `needle` starts on line `line` (1-based both).
    const spot = (line: number, needle: string, from = 0) => ({
      file: 'def.json',
      line,
      column: text.split('\n')[line - 1].indexOf(needle, from) + 1,
    });
    assert.deepEqual(at('/info/contact'), spot(2, '"contact"'));
    assert.deepEqual(at('/paths/~1a~1{id}/get/parameters/1/$ref'), spot(5, '"$ref"'));
    assert.deepEqual(at('/paths/~1a~1{id}/get/parameters/0'), spot(5, '{ "name"'));
    assert.deepEqual(at('/definitions/a~1b/type'), spot(8, '"type"'));
    assert.deepEqual(at('/definitions/x~0y'), spot(8, '"x~y"'));
    assert.deepEqual(at(''), { file: 'def.json', line: 1, column: 1 });
  });

  it('finds nothing for a place the file does not have', () => {
    assert.equal(at('/info/license'), undefined);
    assert.equal(at('/paths/~1a~1{id}/get/parameters/7'), undefined);
  });
});
