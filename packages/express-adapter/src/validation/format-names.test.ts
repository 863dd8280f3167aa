import { FORMAT_CHECKS } from '@flowport/core/formats';
import assert from 'node:assert/strict';
import { FORMAT_KINDS, FORMAT_NAMES, type FormatKind } from './format-names';

/** The kind of a check as ajv's code calls it. */
function kindOf(check: unknown): FormatKind {
  if (check === true) return 'none';
  if (check instanceof RegExp) return 'pattern';
  return typeof check === 'function' ? 'function' : 'object';
}

describe('FORMAT_KINDS', () => {
  it("names every format, in core's order, with the kind of its check", () => {
    // The fingerprint of precompiled validators reads this list without loading the checks: a
    // check whose kind changed without it would be called the old way by a module built before.
    assert.deepEqual(Object.keys(FORMAT_KINDS), [...FORMAT_NAMES]);
    assert.deepEqual(FORMAT_KINDS, Object.fromEntries(FORMAT_NAMES.map((name) => [name, kindOf(FORMAT_CHECKS[name])])));
  });
});
