import assert from 'node:assert/strict';
import { Validators } from './validators';

describe('Validators', () => {
  it('checks the formats the platform accepts', () => {
    const validate = new Validators({}).of({ type: 'string', format: 'date-time' });
    assert.equal(validate('2026-11-28T10:00:00Z'), undefined);
    assert.equal(validate('yesterday')?.[0]?.keyword, 'format');
  });

  it('takes a format outside that list, which a connector emitted as declared may keep, as a hint, silently', () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      // Office 365 Groups writes format "guid"; ajv would warn once per compiled schema.
      const validate = new Validators({}).of({ type: 'string', format: 'guid' });
      assert.equal(validate('not a guid at all'), undefined);
      assert.equal(validate(5)?.[0]?.keyword, 'type');
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(warnings, []);
  });

  it("checks uniqueItems with Flowport's own keyword, for items Object.prototype's names would break", () => {
    const validate = new Validators({}).of({ type: 'array', uniqueItems: true, items: { type: 'object' } });
    // ajv's own keyword threw "a.valueOf is not a function" here.
    const errors = validate(JSON.parse('[{"valueOf":1},{"a":1},{"valueOf":1}]'));
    assert.deepEqual(
      errors?.map((e) => [e.keyword, e.params, e.message]),
      [['uniqueItems', { i: 2, j: 0 }, 'must NOT have duplicate items (items ## 0 and 2 are identical)']],
    );
    assert.equal(validate(JSON.parse('[{"toString":1},{"toString":2}]')), undefined);
    // ajv's own keyword passed this: it keys a plain object by each string.
    const strings = new Validators({}).of({ type: 'array', uniqueItems: true, items: { type: 'string' } });
    assert.equal(strings(['__proto__', '__proto__'])?.[0]?.keyword, 'uniqueItems');
    assert.equal(strings(['a', 'b']), undefined);
    assert.equal(new Validators({}).of({ type: 'array', uniqueItems: false })([1, 1]), undefined);
  });

  it("checks an enum of objects with Flowport's own code, and one of scalars with ajv's", () => {
    const objects = new Validators({}).of({ type: 'object', enum: [{ a: 1 }, { a: 2 }] });
    assert.equal(objects({ a: 2 }), undefined);
    // ajv's own keyword threw "a.valueOf is not a function" here.
    const errors = objects(JSON.parse('{"valueOf":1}'));
    assert.deepEqual(
      errors?.map((e) => [e.keyword, e.params, e.message]),
      [['enum', { allowedValues: [{ a: 1 }, { a: 2 }] }, 'must be equal to one of the allowed values']],
    );
    const scalars = new Validators({}).of({ type: 'string', enum: ['a', 'b'] });
    assert.equal(scalars('a'), undefined);
    assert.deepEqual(scalars('c')?.[0]?.params, { allowedValues: ['a', 'b'] });
  });
});
