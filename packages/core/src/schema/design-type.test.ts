import assert from 'node:assert/strict';
import { designType } from './design-type';

// As swc writes them: `var Colour; (function (Colour) { … })(Colour || (Colour = {}))`.
enum Colour {
  Red = 'red',
  Blue = 'blue',
}
enum Priority {
  Low = 1,
  High = 3,
}
enum Mixed {
  No = 0,
  Yes = 'yes',
}

describe('designType: what tsc records where swc recorded the value of a type’s name', () => {
  it('reads an enum object as tsc does: String, Number, or Object for both', () => {
    assert.equal(designType(Colour), String);
    assert.equal(designType(Priority), Number);
    assert.equal(designType(Mixed), Object);
  });

  it('reads a constant object of literals as the union of its values', () => {
    assert.equal(designType({ Small: 's', Large: 'l' } as const), String);
    assert.equal(designType({ On: true, Off: false } as const), Boolean);
  });

  it('leaves what is no enum as it is', () => {
    class Item {}
    const nested = { a: { b: 1 } };
    for (const recorded of [Item, String, Object, undefined, null, nested, {}, [1], Object.create(null)])
      assert.equal(designType(recorded), recorded);
  });
});
