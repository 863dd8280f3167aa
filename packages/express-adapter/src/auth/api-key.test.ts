import assert from 'node:assert/strict';
import type { ApiKeyAuth } from '@flowport/core';
import type { Request } from 'express';
import { apiKeyCheck, matchesAnyKey } from './api-key';

describe('matchesAnyKey', () => {
  it('matches exactly one of several keys of any length', () => {
    assert.equal(matchesAnyKey('b-key', ['a', 'b-key', 'c']), true);
    assert.equal(matchesAnyKey('b-ke', ['a', 'b-key']), false);
    assert.equal(matchesAnyKey('b-key-longer', ['b-key']), false);
    assert.equal(matchesAnyKey('', ['']), true);
    assert.equal(matchesAnyKey('x', []), false);
  });
});

describe('apiKeyCheck', () => {
  const auth = { type: 'apiKey', name: 'X-Key', in: 'header', label: 'API key' } as ApiKeyAuth;
  const request = (key: string) => ({ get: (name: string) => (name === 'X-Key' ? key : undefined) }) as Request;

  it('accepts a configured key and names the caller by a fingerprint, never the key', async () => {
    const check = apiKeyCheck(auth, { apiKeys: ['secret-one', 'secret-two'] });
    const identity = await check.verify(request('secret-two'));
    assert.match(identity?.subject ?? '', /^key:[0-9a-f]{16}$/);
    assert.ok(!identity?.subject.includes('secret'));
    assert.equal(await check.verify(request('secret-three')), undefined);
  });

  it('reads a key function on every request, so rotated keys take effect at once', async () => {
    let keys = ['old-key'];
    const check = apiKeyCheck(auth, { apiKeys: () => keys.slice() });
    assert.ok(await check.verify(request('old-key')));
    keys = ['new-key'];
    assert.equal(await check.verify(request('old-key')), undefined);
    assert.ok(await check.verify(request('new-key')));
  });

  it('gives one key the same subject on every request and two keys different ones', async () => {
    const check = apiKeyCheck(auth, { apiKeys: ['a-key', 'b-key'] });
    const a1 = await check.verify(request('a-key'));
    const a2 = await check.verify(request('a-key'));
    const b = await check.verify(request('b-key'));
    assert.equal(a1?.subject, a2?.subject);
    assert.notEqual(a1?.subject, b?.subject);
  });
});
