import assert from 'node:assert/strict';
import { byStatus, compact, toJson } from './json';

describe('emit/json', () => {
  it('byStatus keys responses by status as Object.fromEntries does: same keys, order and JSON', () => {
    const responses = [
      { status: '500' },
      { status: 'default' },
      { status: '200' },
      { status: '401' },
      { status: '202' },
    ];
    const built = byStatus(responses, (r) => ({ description: `answer ${r.status}` }));
    const expected = Object.fromEntries(responses.map((r) => [r.status, { description: `answer ${r.status}` }]));
    assert.deepEqual(Object.keys(built), ['200', '202', '401', '500', 'default']);
    assert.deepEqual(built, expected);
    assert.equal(toJson(built), toJson(expected));
    // An ordinary object otherwise: later keys go in, and no trace of the sparse index is left.
    built['404'] = { description: 'answer 404' };
    assert.deepEqual(Object.keys(built), ['200', '202', '401', '404', '500', 'default']);
    assert.equal(Object.keys(byStatus([], () => 0)).length, 0);
  });

  it('compact drops undefined values only', () => {
    assert.deepEqual(compact({ a: undefined, b: null, c: 0, d: '' }), { b: null, c: 0, d: '' });
  });

  it('toJson indents by two spaces and ends with a newline', () => {
    assert.equal(toJson({ a: [1] }), '{\n  "a": [\n    1\n  ]\n}\n');
  });
});
