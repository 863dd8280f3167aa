import assert from 'node:assert/strict';
import { limitsOf } from './limits';

describe('limitsOf', () => {
  it('reads bytes and sizes, with 1 MB and 10 MiB by default', () => {
    assert.deepEqual(limitsOf({}), { body: 1024 * 1024, file: 10 * 1024 * 1024 });
    assert.deepEqual(limitsOf({ bodyLimit: '100kb', fileLimit: '50mb' }), { body: 102_400, file: 52_428_800 });
    assert.deepEqual(limitsOf({ bodyLimit: 0, fileLimit: 1 }), { body: 0, file: 1 });
    assert.deepEqual(limitsOf({ bodyLimit: '1 MB', fileLimit: '512' }), { body: 1_048_576, file: 512 });
  });

  it('names the option and the value it refuses, at start-up', () => {
    const must = "must be a whole number of bytes or a size such as '1mb' (b, kb, mb, gb, tb; 1kb is 1024 bytes)";
    for (const [options, message] of [
      [{ bodyLimit: 'banana' }, `bodyLimit ${must}; got "banana"`],
      [{ bodyLimit: -5 }, `bodyLimit ${must}; got -5`],
      [{ fileLimit: 1.5 }, `fileLimit ${must}; got 1.5`],
      [{ fileLimit: Infinity }, `fileLimit ${must}; got Infinity`],
      // Read as far as their digits, before: limits of 10 and 1 bytes, and every request a 413.
      [{ fileLimit: '10M' }, `fileLimit ${must}; got "10M"`],
      [{ bodyLimit: '1MiB' }, `bodyLimit ${must}; got "1MiB"`],
    ] as const) {
      assert.throws(() => limitsOf(options), { name: 'TypeError', message });
    }
  });
});
