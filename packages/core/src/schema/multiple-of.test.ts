import assert from 'node:assert/strict';
import { defaultProblem } from './default-check';
import { isMultipleOf } from './multiple-of';

describe('isMultipleOf: multiples as the request validators judge them', () => {
  it('takes the amounts that floating point division denies', () => {
    // 19.99 / 0.01 is 1998.9999999999998: an exact test refused most amounts of money.
    for (const value of [19.99, 0.07, 1.1, 0.3, 100, 0, -4.35]) assert.ok(isMultipleOf(value, 0.01), String(value));
    for (const value of [3, 4.5, -1.5]) assert.ok(isMultipleOf(value, 1.5), String(value));
  });

  it('refuses what is no multiple, to the ninth decimal of the quotient', () => {
    for (const value of [0.015, 19.995, 0.0100001]) assert.ok(!isMultipleOf(value, 0.01), String(value));
    assert.ok(!isMultipleOf(5, 2));
  });

  it('judges a default as the validator would fill it in (FP1414)', () => {
    assert.equal(defaultProblem({ type: 'number', multipleOf: 0.01 }, 19.99), undefined);
    assert.equal(defaultProblem({ type: 'number', multipleOf: 0.01 }, 0.015), 'is not a multiple of 0.01');
  });
});
