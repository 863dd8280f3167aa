import assert from 'node:assert/strict';
import { inexactIntegerIn, inexactIntegerMessage, isInexactInteger } from './exact-integers';

const json = (text: string) => inexactIntegerIn(Buffer.from(text));

describe('exact integers', () => {
  it('tells the integer literals a number holds exactly from those it would change', () => {
    // Beyond 2^53 − 1 too, when a double holds the integer: JSON.stringify writes 1e20 as 21 digits.
    const exacts = ['0', '-1', '9007199254740991', '-9007199254740992', '100000000000000000000', '1152921504606846976'];
    for (const exact of [...exacts, '+900719925474099', '000000000000000001'])
      assert.equal(isInexactInteger(exact), false, exact);
    for (const inexact of ['9007199254740993', '-9007199254740993', '+12345678901234567891', '1'.repeat(400)])
      assert.equal(isInexactInteger(inexact), true, inexact);
    for (const other of ['1e400', '12345678901234567.5', '0x20000000000001', 'abc', ''])
      assert.equal(isInexactInteger(other), false, other);
  });

  it('finds such a literal in a JSON text, and only outside its strings and fractions', () => {
    assert.equal(json('{"id":9007199254740993}'), '9007199254740993');
    assert.equal(json('[1,2,[{"a":-12345678901234567891}]]'), '-12345678901234567891');
    assert.equal(json('18446744073709551615'), '18446744073709551615');
    assert.equal(
      inexactIntegerMessage('9007199254740993'),
      'is the integer 9007199254740993, which a number cannot hold: it would read as 9007199254740992',
    );
    assert.match(inexactIntegerMessage('9'.repeat(400)), /it would read as Infinity$/);
    assert.equal(json('{"id":9007199254740991,"n":-9007199254740991,"big":100000000000000000000}'), undefined);
    // Digits in strings (escaped quotes included), fractions and exponents are not integer literals.
    assert.equal(json('{"card":"4111111111111111111","q":"\\"12345678901234567890"}'), undefined);
    assert.equal(json('{"x":0.12345678901234567890,"y":1.5e12345678901234567}'), undefined);
    assert.equal(json('{"x":12345678901234567890.0}'), undefined);
    assert.equal(json(''), undefined);
  });

  it('reads a slice of a larger buffer where it lies', () => {
    const whole = Buffer.from('xxxx[99999999999999999]yyyy');
    assert.equal(inexactIntegerIn(whole.subarray(4, 23)), '99999999999999999');
  });
});
