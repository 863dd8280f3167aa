import { sentimentApp } from '@flowport/example-text-sentiment/dist/server';
import assert from 'node:assert/strict';
import http from 'node:http';
import { serving } from './support/http';

const KEY = 'expect-continue-test-key-0123456789';

interface Exchange {
  readonly status: number;
  /** Whether the server said `100 Continue` before its answer. */
  readonly continued: boolean;
  /** Whether the client sent the body. */
  readonly sent: boolean;
  readonly connection: string | undefined;
}

/**
 * A POST that asks before sending its body, as curl and .NET's HttpClient do for large bodies:
 * the body goes only after `100 Continue`, and not at all when the answer comes first.
 */
function askFirst(url: string, headers: Record<string, string>, body: string): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    let continued = false;
    let sent = false;
    const req = http.request(`${url}/text/analytics/v2.0/sentiment`, {
      method: 'POST',
      headers: { expect: '100-continue', 'content-length': String(Buffer.byteLength(body)), ...headers },
      agent: false,
    });
    req.on('continue', () => {
      continued = true;
      sent = true;
      req.end(body);
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, continued, sent, connection: res.headers.connection }));
      // Refused first, the announced body is not sent.
      if (!sent) req.destroy();
    });
    req.on('error', (err) => (continued ? reject(err) : undefined));
    req.flushHeaders();
  });
}

describe('a client that asks before sending its body (Expect: 100-continue)', () => {
  const app = serving(() => sentimentApp([KEY]));
  const json = { 'content-type': 'application/json', 'ocp-apim-subscription-key': KEY };
  const valid = JSON.stringify({ documents: [{ id: '1', text: 'I love this' }] });

  it('is told to go on, and answered, when the request is acceptable', async () => {
    const x = await askFirst(app.url(), json, valid);
    assert.deepEqual([x.status, x.continued, x.sent], [200, true, true]);
  });

  it('is refused before it sends the body: bad credentials, content type or declared length', async () => {
    // Before, Node said 100 Continue at once: each of these uploaded its whole body first.
    const wrongKey = await askFirst(app.url(), { ...json, 'ocp-apim-subscription-key': 'nope' }, valid);
    assert.deepEqual([wrongKey.status, wrongKey.continued, wrongKey.sent], [401, false, false]);
    // Node closes such a connection, since the announced body never came.
    assert.equal(wrongKey.connection, 'close');
    const text = await askFirst(app.url(), { ...json, 'content-type': 'text/plain' }, valid);
    assert.deepEqual([text.status, text.continued, text.sent], [415, false, false]);
    const big = `{"documents":[{"id":"1","text":"${'a'.repeat(2 * 1024 * 1024)}"}]}`;
    const tooLong = await askFirst(app.url(), json, big);
    assert.deepEqual([tooLong.status, tooLong.continued, tooLong.sent], [413, false, false]);
  });

  it('keeps serving after refusing one', async () => {
    await askFirst(app.url(), { ...json, 'ocp-apim-subscription-key': 'nope' }, valid);
    const again = await askFirst(app.url(), json, valid);
    assert.equal(again.status, 200);
  });
});
