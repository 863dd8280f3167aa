import assert from 'node:assert/strict';
import { limitsOf } from './limits';

describe('limitsOf', () => {
  it('reads bytes and sizes, with 1 MB and 10 MiB by default', () => {
    assert.deepEqual(limitsOf({}), { body: 1024 * 1024, file: 10 * 1024 * 1024 });
    assert.deepEqual(limitsOf({ bodyLimit: '100kb', fileLimit: '50mb' }), { body: 102_400, file: 52_428_800 });
    assert.deepEqual(limitsOf({ bodyLimit: 0, fileLimit: 1 }), { body: 0, file: 1 });
  });

  it('names the option and the value it refuses, at start-up', () => {
    for (const [options, message] of [
      [{ bodyLimit: 'banana' }, `bodyLimit must be a whole number of bytes or a size such as '1mb'; got "banana"`],
      [{ bodyLimit: -5 }, `bodyLimit must be a whole number of bytes or a size such as '1mb'; got -5`],
      [{ fileLimit: 1.5 }, `fileLimit must be a whole number of bytes or a size such as '1mb'; got 1.5`],
      [{ fileLimit: Infinity }, `fileLimit must be a whole number of bytes or a size such as '1mb'; got Infinity`],
    ] as const) {
      assert.throws(() => limitsOf(options), { name: 'TypeError', message });
    }
  });
});
