import assert from 'node:assert/strict';
import { jsonText } from './json-text';

describe('jsonText', () => {
  it('writes what JSON.stringify writes where no Map or Set is held', () => {
    for (const value of [null, 1, 'text', [1, '{}'], { a: {}, b: [] }, { at: new Date(0) }])
      assert.equal(jsonText(value), JSON.stringify(value));
  });

  it('writes a Map as the object of its entries and a Set as the list of its values, at any depth', () => {
    // Before, each was written as {}: an answer, a job's result or an event lost what they held.
    const value = {
      counts: new Map<string | number, unknown>([
        ['a', 1],
        [2, new Set(['x', 'y'])],
      ]),
      tags: [new Set([1])],
    };
    assert.equal(jsonText(value), '{"counts":{"2":["x","y"],"a":1},"tags":[[1]]}');
    assert.equal(jsonText(new Map([['__proto__', 1]])), '{"__proto__":1}', 'an own key, never a prototype');
    class Holder {
      toJSON() {
        return { held: new Set(['z']) };
      }
    }
    assert.equal(jsonText(new Holder()), '{"held":["z"]}');
  });

  it('refuses a Map whose keys JSON cannot write, naming their type', () => {
    assert.throws(() => jsonText({ m: new Map([[{}, 1]]) }), {
      name: 'TypeError',
      message: 'a Map with a key of type object has no JSON form: JSON keys are text',
    });
  });
});
