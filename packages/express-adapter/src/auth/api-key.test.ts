import assert from 'node:assert/strict';
import { matchesAnyKey } from './api-key';

describe('matchesAnyKey', () => {
  it('matches exactly one of several keys of any length', () => {
    assert.equal(matchesAnyKey('b-key', ['a', 'b-key', 'c']), true);
    assert.equal(matchesAnyKey('b-ke', ['a', 'b-key']), false);
    assert.equal(matchesAnyKey('b-key-longer', ['b-key']), false);
    assert.equal(matchesAnyKey('', ['']), true);
    assert.equal(matchesAnyKey('x', []), false);
  });
});
