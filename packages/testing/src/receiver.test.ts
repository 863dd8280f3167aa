import assert from 'node:assert/strict';
import { CallbackReceiver } from './receiver';

describe('CallbackReceiver', () => {
  let receiver: CallbackReceiver;
  beforeEach(async () => {
    receiver = await CallbackReceiver.start();
  });
  afterEach(() => receiver.close());

  const deliver = (url: string, body: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers a notification that is not JSON with 400 and tells the waiting test why, and keeps receiving', async () => {
    const inbox = receiver.inbox();
    const waiting = assert.rejects(
      inbox.nth(1, 5_000),
      /notification 1 cannot arrive: a delivery was refused with 400, the body is not JSON .*"\{\\"score\\": 0\.2,"/,
    );
    const refused = await deliver(inbox.url, '{"score": 0.2,');
    assert.equal(refused.status, 400);
    assert.match(((await refused.json()) as { error: string }).error, /^the body is not JSON \(/);
    await waiting;
    assert.equal(inbox.refused.length, 1);
    assert.equal(inbox.refused[0].text, '{"score": 0.2,');

    const accepted = await deliver(inbox.url, '{"score": 0.2}');
    assert.equal(accepted.status, 200);
    assert.deepEqual(
      inbox.received.map((n) => n.body),
      [{ score: 0.2 }],
    );
    assert.equal(inbox.attempts, 2);
  });

  it('takes an empty notification as one without a body', async () => {
    const inbox = receiver.inbox();
    assert.equal((await fetch(inbox.url, { method: 'POST' })).status, 200);
    assert.equal((await inbox.nth(1)).body, undefined);
  });
});
