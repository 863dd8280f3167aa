import assert from 'node:assert/strict';
import { DELIVERY_HEADERS, signatureOf, verifySignature } from './notification-signature';

describe('verifySignature: a receiver trusts a notification', () => {
  const SECRET = 'current-secret-0123456789';
  const OLD = 'previous-secret-0123456789';
  const body = JSON.stringify({ id: 'd1', score: 0.1 });
  const now = 1_800_000_000_000;
  const sent = (secret: string, timestamp = String(now / 1000), text = body) => ({
    [DELIVERY_HEADERS.timestamp]: timestamp,
    [DELIVERY_HEADERS.signature]: signatureOf(secret, timestamp, text),
  });

  it('takes one signed with the secret, or with a secret given beside it (a rotation), the body as text or bytes', () => {
    assert.equal(verifySignature(SECRET, sent(SECRET), body, { now }), true);
    assert.equal(verifySignature(SECRET, sent(SECRET), Buffer.from(body), { now }), true);
    assert.equal(verifySignature([SECRET, OLD], sent(OLD), body, { now }), true);
    assert.equal(verifySignature(SECRET, sent(SECRET, String(now / 1000 - 299)), body, { now }), true);
  });

  it('refuses another secret, another body, an old or future timestamp, and headers that are missing or malformed', () => {
    assert.equal(verifySignature(SECRET, sent(OLD), body, { now }), false);
    assert.equal(verifySignature(SECRET, sent(SECRET), body.replace('0.1', '0.9'), { now }), false);
    // Recorded and sent again ten minutes later: a replay.
    assert.equal(verifySignature(SECRET, sent(SECRET, String(now / 1000 - 600)), body, { now }), false);
    assert.equal(verifySignature(SECRET, sent(SECRET, String(now / 1000 + 600)), body, { now }), false);
    assert.equal(
      verifySignature(SECRET, sent(SECRET, String(now / 1000 - 600)), body, { now, toleranceSeconds: 900 }),
      true,
    );
    const good = sent(SECRET);
    assert.equal(verifySignature(SECRET, {}, body, { now }), false);
    assert.equal(verifySignature(SECRET, { ...good, [DELIVERY_HEADERS.timestamp]: 'soon' }, body, { now }), false);
    assert.equal(
      verifySignature(SECRET, { ...good, [DELIVERY_HEADERS.signature]: 'sha256=abc' }, body, { now }),
      false,
    );
    const upper = good[DELIVERY_HEADERS.signature].toUpperCase();
    assert.equal(verifySignature(SECRET, { ...good, [DELIVERY_HEADERS.signature]: upper }, body, { now }), false);
    const twice = [good[DELIVERY_HEADERS.signature], good[DELIVERY_HEADERS.signature]];
    assert.equal(verifySignature(SECRET, { ...good, [DELIVERY_HEADERS.signature]: twice }, body, { now }), false);
  });
});
