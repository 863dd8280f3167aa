import assert from 'node:assert/strict';
import { aadIssuers } from './aad-issuers';

describe('aadIssuers', () => {
  const t = '11111111-2222-3333-4444-555555555555';

  it("names the global cloud's issuers for its login hosts and aliases", () => {
    for (const login of [
      'https://login.microsoftonline.com',
      'https://login.windows.net/',
      'https://LOGIN.microsoft.com',
    ])
      assert.deepEqual(aadIssuers(login, t), [
        `https://login.microsoftonline.com/${t}/v2.0`,
        `https://sts.windows.net/${t}/`,
      ]);
  });

  it('keeps the global issuers beside a login host of no known cloud, and for a login URI that is no URL', () => {
    assert.deepEqual(aadIssuers('https://login.example.com:8443/x', t), [
      `https://login.example.com:8443/${t}/v2.0`,
      `https://login.microsoftonline.com/${t}/v2.0`,
      `https://sts.windows.net/${t}/`,
    ]);
    assert.deepEqual(aadIssuers('not a url', t), [
      `https://login.microsoftonline.com/${t}/v2.0`,
      `https://sts.windows.net/${t}/`,
    ]);
  });
});
