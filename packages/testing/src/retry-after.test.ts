import assert from 'node:assert/strict';
import { retryAfterSeconds } from './retry-after';

describe('retryAfterSeconds', () => {
  const now = Date.parse('Sat, 28 Nov 2026 12:00:00 GMT');

  it('reads seconds, and an HTTP date as the seconds until it', () => {
    // Before, a date was read as NaN seconds, and FlowHost polled again at once.
    assert.equal(retryAfterSeconds('15', 1, now), 15);
    assert.equal(retryAfterSeconds(' 0 ', 1, now), 0);
    assert.equal(retryAfterSeconds('Sat, 28 Nov 2026 12:00:30 GMT', 1, now), 30);
    assert.equal(retryAfterSeconds('Sat, 28 Nov 2026 11:59:00 GMT', 1, now), 0);
  });

  it('falls back when there is none, or it is neither', () => {
    assert.equal(retryAfterSeconds(null, 1, now), 1);
    assert.equal(retryAfterSeconds('soon', 5, now), 5);
    assert.equal(retryAfterSeconds('-3', 5, now), 5);
  });
});
