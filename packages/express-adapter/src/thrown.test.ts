import assert from 'node:assert/strict';
import { loggedError, thrownMessage } from './thrown';

describe('loggedError: a thrown value as the log shows it', () => {
  it("gives an Error's stack", () => {
    const err = new Error('boom');
    assert.equal(loggedError(err), err.stack);
  });

  it('names what an object that is not an Error says of itself, and nothing else', () => {
    // Before, an SDK's rejection with { status, message } was logged as "[object Object]".
    const rejection = {
      status: 404,
      message: 'no such row',
      config: { headers: { authorization: 'Bearer not-a-real-token' } },
    };
    assert.equal(loggedError(rejection), 'an object that is not an Error { status: 404, message: "no such row" }');
    assert.equal(loggedError({}), 'an object that is not an Error, with no message');
    assert.equal(loggedError(['a']), 'an array, with no message');
  });

  it('survives a field that throws when read', () => {
    const hostile = {
      code: 'E1',
      get message(): string {
        throw new Error('no');
      },
    };
    assert.equal(loggedError(hostile), 'an object that is not an Error { code: "E1" }');
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    assert.equal(loggedError(proxy), 'an object that is not an Error, with no message');
  });

  it('writes other values as they are', () => {
    assert.deepEqual([loggedError('boom'), loggedError(null), loggedError(42)], ['boom', 'null', '42']);
  });
});

describe('thrownMessage: a thrown value on one line', () => {
  it("gives an Error's message, and what another value says of itself", () => {
    // Before, a job that failed with { status, message } was logged as "[object Object]".
    assert.equal(thrownMessage(new TypeError('boom')), 'boom');
    assert.equal(
      thrownMessage({ status: 503, message: 'busy', secret: 'not-a-real-secret' }),
      'an object that is not an Error { status: 503, message: "busy" }',
    );
    assert.equal(thrownMessage('plain'), 'plain');
  });
});
