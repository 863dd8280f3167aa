import assert from 'node:assert/strict';
import { readCursor, signCursor } from './cursor';

describe('polling cursor codec', () => {
  const secret = 'a-secret-of-sixteen+';
  const state = { trigger: 'OnNew', owner: 'u1', cursor: '42', skip: 1 };

  it('round-trips a signed cursor', () => {
    assert.deepEqual(readCursor(signCursor(state, secret), secret), state);
  });

  it('refuses a tampered payload, a forged signature, another secret and garbage', () => {
    const token = signCursor(state, secret);
    const [payload, mac] = token.split('.');
    const evil = Buffer.from(JSON.stringify({ ...state, owner: 'u2' })).toString('base64url');
    assert.equal(readCursor(`${evil}.${mac}`, secret), undefined);
    assert.equal(readCursor(`${payload}.${mac.slice(0, -2)}AA`, secret), undefined);
    assert.equal(readCursor(token, 'another-secret-of-16'), undefined);
    for (const junk of ['', '.', 'abc', 'a.b', `${payload}.`]) assert.equal(readCursor(junk, secret), undefined, junk);
  });
});
