import assert from 'node:assert/strict';
import { retryAfterMs } from './retry-after';

describe('retryAfterMs', () => {
  const now = Date.parse('Sat, 28 Nov 2026 12:00:00 GMT');

  it('reads seconds, and an HTTP date as the time until it', () => {
    assert.equal(retryAfterMs('15', now), 15_000);
    assert.equal(retryAfterMs(' 0 ', now), 0);
    assert.equal(retryAfterMs(['120', '5'], now), 120_000);
    assert.equal(retryAfterMs('Sat, 28 Nov 2026 12:00:30 GMT', now), 30_000);
    assert.equal(retryAfterMs('Sat, 28 Nov 2026 11:59:00 GMT', now), 0);
  });

  it('is undefined when there is none, or it is neither', () => {
    for (const header of [undefined, null, '', [], 'soon', '-3', '12.5']) {
      assert.equal(retryAfterMs(header, now), undefined, JSON.stringify(header));
    }
  });
});
