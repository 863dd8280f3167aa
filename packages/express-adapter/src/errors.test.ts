import assert from 'node:assert/strict';
import { ServiceUnavailableError, TooManyRequestsError } from './errors';

describe('errors with Retry-After', () => {
  it('say whole seconds, rounded up and never negative, and leave out a wait that is no number', () => {
    // Before, each was sent as given: "2.5", "-1", "NaN", which RFC 9110's delay-seconds is not.
    const cases: [number | undefined, string | undefined][] = [
      [7, '7'],
      [2.5, '3'],
      [0.001, '1'],
      [0, '0'],
      [-1, '0'],
      [Number.NaN, undefined],
      [Number.POSITIVE_INFINITY, undefined],
      [undefined, undefined],
    ];
    for (const [seconds, header] of cases) {
      for (const error of [
        new TooManyRequestsError('Slow down.', seconds),
        new ServiceUnavailableError('Down.', seconds),
      ])
        assert.equal(error.headers['retry-after'], header, `${error.status} for ${seconds}`);
    }
  });
});
