import assert from 'node:assert/strict';
import { checkAdapterOptions, keyList } from './adapter-options';

describe('checkAdapterOptions', () => {
  it('takes the options as their types say', () => {
    checkAdapterOptions(undefined);
    checkAdapterOptions({});
    checkAdapterOptions({
      credentials: { apiKeys: ['k1', 'k2'], verifyBasic: () => undefined, aad: { issuer: 'i', clockTolerance: 0 } },
      controllers: () => ({}),
      docs: false,
      logger: { error: () => undefined },
      trustProxy: 1,
    });
    checkAdapterOptions({ credentials: { apiKeys: () => [] } });
    checkAdapterOptions({ trustProxy: 'loopback, 10.0.0.0/8' });
  });

  it('names trustProxy when Express cannot read its addresses', () => {
    // Before, the start stopped with Express's "invalid IP address: 10.0.0.0/99" alone.
    assert.throws(() => checkAdapterOptions({ trustProxy: '10.0.0.0/99' }), {
      message:
        "createApp/createRouter options: trustProxy must be true, a number of hops, or Express's trust proxy addresses, not a string (invalid range on address: 10.0.0.0/99)",
    });
  });

  it('names each wrong option at start-up, and never shows a key', () => {
    // Before: "(apiKeys ?? []).map is not a function" at start-up for a string of keys, and an app
    // whose every request was a 500 for a verifyApiKey that is not a function.
    const secret = 'sk-live-123,sk-live-456';
    assert.throws(
      () =>
        checkAdapterOptions({
          credentials: { apiKeys: secret, verifyApiKey: 'x', aad: { algorithms: 'RS256', clockTolerance: -1 } },
          controllers: 'x',
          validateResponses: 'yes',
          logger: {},
        }),
      (err: Error) => {
        assert.equal(err.name, 'TypeError');
        assert.equal(
          err.message,
          'createApp/createRouter options: ' +
            [
              "credentials.apiKeys must be a list of keys (non-empty strings) or a function that returns one, not a string (split a comma-separated variable: KEYS.split(','))",
              'credentials.verifyApiKey must be a function, not a string',
              'credentials.aad.algorithms must be a list of strings, not a string',
              'credentials.aad.clockTolerance must be a number of seconds, 0 or more, not number -1',
              'controllers must be a function (controller class) => instance, not a string',
              'validateResponses must be true or false, not a string',
              'logger must be an object with an error(message, details) function, not an object',
            ].join('; '),
        );
        assert.ok(!err.message.includes('sk-live'));
        return true;
      },
    );
    assert.throws(() => checkAdapterOptions({ credentials: { apiKeys: ['k', ''] } }), /not a list with other values/);
    assert.throws(() => checkAdapterOptions('x'), /the options must be an object, not a string/);
  });

  it('names an option it does not know, which was ignored without a word', () => {
    assert.throws(() => checkAdapterOptions({ limits: { body: 10 }, bodylimit: 10, credentials: { apikeys: ['k'] } }), {
      name: 'TypeError',
      message:
        'createApp/createRouter options: ' +
        [
          'limits is not an option; the options are credentials, bodyLimit, fileLimit, controllers, docs, logger, validateResponses, precompiledValidators, jobs, triggers, trustProxy',
          'bodylimit is not an option (did you mean bodyLimit?)',
          'credentials.apikeys is not an option (did you mean credentials.apiKeys?)',
        ].join('; '),
    });
  });

  it("checks the jobs' options: names, a store, a lease, attempts, running jobs and a signal", () => {
    // Before, jobs: { stor } started an app whose first long-running action failed inside.
    const signal = new AbortController().signal;
    checkAdapterOptions({ jobs: { store: {}, leaseMs: 1000, maxAttempts: 1, maxRunning: 1, signal } });
    const jobs = { stor: {}, leaseMs: 0, maxAttempts: 2.5, maxRunning: 0, signal: true };
    assert.throws(() => checkAdapterOptions({ jobs }), {
      name: 'TypeError',
      message:
        'createApp/createRouter options: ' +
        [
          'jobs.stor is not an option (did you mean jobs.store?)',
          'jobs.store must be a JobStore (MemoryJobStore, SqliteJobStore…), not undefined',
          'jobs.leaseMs must be a whole number of milliseconds, 1 or more, not number 0',
          'jobs.maxAttempts must be a whole number, 1 or more, not number 2.5',
          'jobs.maxRunning must be a whole number, 1 or more, not number 0',
          'jobs.signal must be an AbortSignal, not boolean true',
        ].join('; '),
    });
  });

  it('refuses what a function of apiKeys returns unless it is a list of keys', () => {
    assert.deepEqual(keyList(['a']), ['a']);
    assert.throws(() => keyList('sk-live-1'), {
      name: 'TypeError',
      message: 'credentials.apiKeys() returned a string; it must return a list of keys (non-empty strings)',
    });
  });
});
