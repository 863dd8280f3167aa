import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CallbackLookupError,
  CallbackRefusedError,
  checkCallbackUrl,
  guardedLookup,
  isPublicAddress,
} from './callback-url';

const refused = async (url: string, policy = {}, reason?: RegExp) => {
  await assert.rejects(checkCallbackUrl(url, policy), (err: unknown) => {
    assert.ok(err instanceof CallbackRefusedError, String(err));
    if (reason) assert.match(err.message, reason);
    return true;
  });
};
const resolveTo = (address: string) => ({ resolve: async () => [{ address, family: address.includes(':') ? 6 : 4 }] });

describe('callback URLs (SSRF)', () => {
  it('tells public from private, loopback, link-local and special addresses, IPv6 mapped forms too', () => {
    for (const a of ['8.8.8.8', '20.50.2.1', '2606:4700::1111']) assert.equal(isPublicAddress(a), true, a);
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
      '::ffff:a00:1',
      '64:ff9b::a9fe:a9fe',
      'not-an-ip',
    ]) {
      assert.equal(isPublicAddress(a), false, a);
    }
  });

  it('tells a lookup that failed from a host that does not exist', async () => {
    const failing = (code?: string) => ({
      resolve: async () => {
        throw Object.assign(new Error('lookup failed'), code === undefined ? {} : { code });
      },
    });
    await assert.rejects(checkCallbackUrl('https://flow.example/cb', failing('ETIMEOUT')), CallbackLookupError);
    await assert.rejects(checkCallbackUrl('https://flow.example/cb', failing('EAI_AGAIN')), CallbackLookupError);
    await refused('https://flow.example/cb', failing('ENOTFOUND'), /does not resolve/);
    await refused('https://flow.example/cb', failing(), /does not resolve/);
  });

  it('accepts a public https URL', async () => {
    const url = await checkCallbackUrl(
      'https://prod-01.westeurope.logic.azure.com/workflows/x?sig=y',
      resolveTo('20.50.2.1'),
    );
    assert.equal(url.hostname, 'prod-01.westeurope.logic.azure.com');
  });

  it('refuses 127.0.0.1, 10.x, 169.254.169.254, [::1] and a hostname resolving to a private address by default', async () => {
    await refused('https://127.0.0.1/cb', {}, /private, loopback or link-local/);
    await refused('https://10.0.0.5/cb', {}, /private/);
    await refused('https://169.254.169.254/latest/meta-data', {}, /link-local/);
    await refused('https://[::1]/cb', {}, /loopback/);
    await refused('https://internal.example/cb', resolveTo('10.20.30.40'), /internal.example resolves to a private/);
    await refused('https://mapped.example/cb', resolveTo('::ffff:192.168.0.9'));
  });

  it('refuses http, credentials, garbage, unresolvable hosts and hosts off the allow-list', async () => {
    await refused('http://example.com/cb', resolveTo('20.50.2.1'), /must use https/);
    await refused('https://user:pw@example.com/cb', resolveTo('20.50.2.1'), /credentials/);
    await refused('not a url', {}, /not a valid absolute URL/);
    await refused(
      'https://nowhere.invalid/cb',
      { resolve: async () => Promise.reject(new Error('ENOTFOUND')) },
      /does not resolve/,
    );
    await refused(
      'https://evil.example.com/cb',
      { ...resolveTo('20.50.2.1'), allowHosts: ['*.logic.azure.com'] },
      /allow-list/,
    );
    await checkCallbackUrl('https://prod-7.westus.logic.azure.com/x', {
      ...resolveTo('20.50.2.1'),
      allowHosts: ['*.logic.azure.com'],
    });
  });

  it('accepts http://localhost only when enabled, and private networks only when allowed', async () => {
    await refused('http://localhost:7000/cb', {}, /https/);
    await checkCallbackUrl('http://127.0.0.1:7000/cb', { allowLocalhost: true });
    await checkCallbackUrl('http://[::1]:7000/cb', { allowLocalhost: true });
    await refused('http://10.0.0.5/cb', { allowLocalhost: true }, /https/);
    await checkCallbackUrl('https://10.0.0.5/cb', { allowPrivateNetworks: true });
  });

  it("looks a delivery's host up again when it connects, and refuses an address the policy does not allow", async () => {
    // The defence against a host that resolves to a public address when it is registered and to
    // an internal one when a notification goes out (DNS rebinding); no test reached it before.
    // `localhost` stands for such a host: the hosts file gives it a loopback address.
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((done) => server.listen(0, 'localhost', done));
    const { port } = server.address() as AddressInfo;
    const get = (policy: object) =>
      new Promise<string>((resolve, reject) => {
        const url = new URL(`http://localhost:${port}/`);
        request(url, { lookup: guardedLookup(url, policy) }, (res) => {
          res.setEncoding('utf8');
          let text = '';
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve(text));
        })
          .on('error', reject)
          .end();
      });
    try {
      await assert.rejects(get({}), (err: unknown) => {
        assert.ok(err instanceof CallbackRefusedError, String(err));
        assert.equal(err.message, 'localhost resolves to a refused address');
        return true;
      });
      assert.equal(await get({ allowLocalhost: true }), 'ok');
      assert.equal(await get({ allowPrivateNetworks: true }), 'ok');
      // Both forms of Node's call: one address, or all of them (with autoSelectFamily).
      const lookup = guardedLookup(new URL('http://localhost/'), { allowLocalhost: true });
      const one = await new Promise<unknown[]>((done) => lookup('localhost', {}, (...args: unknown[]) => done(args)));
      assert.equal(one[0], null);
      assert.match(String(one[1]), /^(127\.|::1$)/);
      assert.ok(one[2] === 4 || one[2] === 6);
      const all = await new Promise<unknown[]>((done) =>
        lookup('localhost', { all: true }, (...args: unknown[]) => done(args)),
      );
      assert.equal(all[0], null);
      assert.ok(Array.isArray(all[1]) && all[1].length > 0, String(all[1]));
      const missing = await new Promise<unknown[]>((done) =>
        lookup('no-such-host.invalid', {}, (...args: unknown[]) => done(args)),
      );
      // Handed on as the resolver gave it (ENOTFOUND, or EAI_AGAIN where no DNS server answers).
      assert.ok(missing[0] instanceof Error && missing[1] === '', String(missing[0]));
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});
