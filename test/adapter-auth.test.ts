import {
  Action,
  aad,
  apiKey,
  authChoice,
  basic,
  Connector,
  Controller,
  Get,
  oauth2,
  Returns,
  type AuthChoice,
  type AuthDeclaration,
  MemoryJobStore,
} from '@flowport/core';
import { createApp, type AdapterOptions } from '@flowport/express-adapter';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { AuthController } from './fixtures/auth-api';

const TENANT = '11111111-2222-3333-4444-555555555555';
const AUDIENCE = 'api://flowport-test';
type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

function connectorWith(auth: AuthDeclaration | AuthChoice): Connector {
  return new Connector({
    info: { title: 'Auth Test', description: 'A connector that exercises every auth method.', version: '1.0.0' },
    brandColor: '#123456',
    auth,
    controllers: [AuthController],
  });
}

describe('auth: Entra ID (AAD) bearer tokens against a local JWKS', () => {
  let jwks: Server;
  let jwksUrl = '';
  let jwksHits = 0;
  let signingKey: PrivateKey;
  let otherKey: PrivateKey;
  let app: ReturnType<typeof createApp>;

  before(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const other = await generateKeyPair('RS256', { extractable: true });
    signingKey = pair.privateKey;
    otherKey = other.privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      jwksHits++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`;
    app = createApp(connectorWith(aad({ clientId: 'client', resourceUri: AUDIENCE, tenantId: TENANT })), {
      credentials: { aad: { jwksUri: jwksUrl } },
    });
  });
  after(() => new Promise<void>((r) => jwks.close(() => r())));

  type Claims = Record<string, unknown>;
  const sign = (
    claims: Claims = {},
    opts: { key?: PrivateKey; kid?: string; exp?: string | number; nbf?: string | number } = {},
  ) => {
    const jwt = new SignJWT({ oid: 'user-1', tid: TENANT, scp: 'Items.Read', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? 'key-1' })
      .setIssuedAt()
      .setIssuer((claims.iss as string) ?? ISSUER)
      .setAudience((claims.aud as string) ?? AUDIENCE)
      .setExpirationTime(opts.exp ?? '10m');
    if (opts.nbf !== undefined) jwt.setNotBefore(opts.nbf);
    return jwt.sign(opts.key ?? signingKey);
  };
  const me = (token: string) => request(app).get('/auth/me').set('authorization', `Bearer ${token}`);

  it('accepts a valid token and hands the identity to the handler', async () => {
    const res = await me(await sign());
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, { subject: 'user-1', method: 'oauth2', scopes: ['Items.Read'] });
  });

  it('hands an on-behalf-of handler the presented token, which serialising the identity leaves out', async () => {
    const jwt = await sign();
    const res = await request(app).get('/auth/token').set('authorization', `Bearer ${jwt}`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.token, jwt);
    assert.ok(!res.body.serialised.includes(jwt), res.body.serialised);
    assert.match(res.body.serialised, /"subject":"user-1"/);
  });

  const refused: [string, () => Promise<string>][] = [
    ['no token', async () => ''],
    ['an expired token', () => sign({}, { exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['a token not valid yet', () => sign({}, { nbf: Math.floor(Date.now() / 1000) + 3600 })],
    ['a wrong audience', () => sign({ aud: 'api://someone-else' })],
    [
      'a wrong issuer',
      () => sign({ iss: 'https://login.microsoftonline.com/99999999-2222-3333-4444-555555555555/v2.0' }),
    ],
    ['an unknown key id', () => sign({}, { key: otherKey, kid: 'key-2' })],
    ['a known key id signed by another key', () => sign({}, { key: otherKey })],
    [
      'alg: none',
      async () => {
        const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ oid: 'x', iss: ISSUER, aud: AUDIENCE, exp: now + 600 })}.`;
      },
    ],
    [
      'HS256 (not on the allow-list)',
      async () =>
        new SignJWT({ oid: 'x' })
          .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('10m')
          .sign(new TextEncoder().encode('a-shared-secret-of-32-bytes-long!')),
    ],
    ['a garbage token', async () => 'not.a.token'],
  ];
  for (const [what, token] of refused) {
    it(`refuses ${what} with 401 and a Bearer challenge`, async () => {
      const t = await token();
      const res = t ? await me(t) : await request(app).get('/auth/me');
      assert.equal(res.status, 401, res.text);
      assert.equal(res.headers['www-authenticate'], 'Bearer realm="connector"');
      assert.match(res.headers['content-type'], /^application\/problem\+json/);
    });
  }

  it('says in the detail why a token is refused, without a secret', async () => {
    // Before, every refusal was "invalid or expired": a v2.0 token (its audience the API's
    // application ID) looked like an expired one.
    const appId = '22222222-3333-4444-5555-666666666666';
    const cases: [string, string][] = [
      [await sign({}, { exp: Math.floor(Date.now() / 1000) - 3600 }), 'the token has expired'],
      [await sign({}, { nbf: Math.floor(Date.now() / 1000) + 3600 }), 'the token is not valid yet'],
      [
        await sign({ aud: appId, ver: '2.0' }),
        `the token's audience is "${appId}", not "${AUDIENCE}"; a v2.0 token names the API by its application ID: give that as credentials.aad.audience`,
      ],
      [await sign({ aud: 'api://someone-else' }), `the token's audience is "api://someone-else", not "${AUDIENCE}"`],
      [
        await sign({ iss: `https://sts.windows.net/${appId}/` }),
        `the token's issuer "https://sts.windows.net/${appId}/" is not one of the tenant's`,
      ],
      [await sign({}, { key: otherKey }), "the token's signature does not verify"],
      [await sign({}, { key: otherKey, kid: 'key-2' }), "no signing key of the issuer has the token's key ID"],
      [await sign({ oid: '', sub: '' }), 'the token names no subject (oid or sub)'],
      ['not.a.token', 'the token is not a well-formed JWT'],
      ['has spaces', 'the bearer token holds characters no token has'],
    ];
    for (const [token, why] of cases) {
      const res = await me(token);
      assert.equal(res.status, 401, why);
      assert.equal(res.body.detail, `Connection credentials are invalid or expired (${why}).`);
      assert.equal(res.headers['www-authenticate'], 'Bearer realm="connector"');
    }
  });

  it('answers 403 with insufficient_scope when a scope is missing, 204 when present', async () => {
    const res = await request(app)
      .post('/auth/items')
      .set('authorization', `Bearer ${await sign()}`);
    assert.equal(res.status, 403);
    assert.equal(
      res.headers['www-authenticate'],
      'Bearer realm="connector", error="insufficient_scope", scope="Items.Write"',
    );
    const ok = await request(app)
      .post('/auth/items')
      .set('authorization', `Bearer ${await sign({ scp: 'Items.Read Items.Write' })}`);
    assert.equal(ok.status, 204);
  });

  it('lets public operations through without a token', async () => {
    assert.equal((await request(app).get('/auth/open')).status, 204);
  });

  it('fetches the JWKS once and serves later tokens from the cache', async () => {
    const before = jwksHits;
    for (let i = 0; i < 5; i++) assert.equal((await me(await sign())).status, 200);
    assert.equal(jwksHits - before, 0);
    assert.ok(jwksHits >= 1);
  });

  it('answers 503 with Retry-After, and logs why, when the signing keys cannot be fetched', async () => {
    // Before, this was a 401: Power Automate would have taken the connection's credentials as bad.
    const broken = createServer((_req, res) => {
      res.statusCode = 500;
      res.end('down');
    });
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r));
    const { port } = broken.address() as AddressInfo;
    try {
      for (const jwksUri of [`http://127.0.0.1:${port}/keys`, 'http://127.0.0.1:9/keys']) {
        const logs: string[] = [];
        const cut = createApp(connectorWith(aad({ clientId: 'client', resourceUri: AUDIENCE, tenantId: TENANT })), {
          credentials: { aad: { jwksUri } },
          logger: { error: (message) => logs.push(message) },
        });
        const res = await request(cut)
          .get('/auth/me')
          .set('authorization', `Bearer ${await sign()}`);
        assert.equal(res.status, 503, jwksUri);
        assert.equal(res.headers['retry-after'], '30');
        assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
        assert.match(res.body.detail, /signing keys of its issuer could not be fetched/);
        assert.deepEqual(logs, [`flowport: ${res.body.detail}`]);
      }
    } finally {
      await new Promise<void>((r) => broken.close(() => r()));
    }
  });

  const appFor = (options: Parameters<typeof aad>[0]) =>
    createApp(connectorWith(aad(options)), { credentials: { aad: { jwksUri: jwksUrl } } });
  const statusOf = async (target: ReturnType<typeof createApp>, claims: Claims) =>
    (
      await request(target)
        .get('/auth/me')
        .set('authorization', `Bearer ${await sign(claims)}`)
    ).status;

  it("takes the issuers of the login URI's cloud: a sovereign cloud's tokens were all refused", async () => {
    const other = '99999999-2222-3333-4444-555555555555';
    const cases: [string, string, [string, number][]][] = [
      [
        'https://login.microsoftonline.us',
        TENANT,
        [
          [`https://login.microsoftonline.us/${TENANT}/v2.0`, 200],
          [`https://sts.windows.net/${TENANT}/`, 200],
          [`https://login.microsoftonline.us/${other}/v2.0`, 401],
          [ISSUER, 401],
        ],
      ],
      [
        'https://login.chinacloudapi.cn',
        TENANT,
        [
          [`https://login.partner.microsoftonline.cn/${TENANT}/v2.0`, 200],
          [`https://sts.chinacloudapi.cn/${TENANT}/`, 200],
          [`https://sts.windows.net/${TENANT}/`, 401],
        ],
      ],
      // Any tenant's token, from the issuer of its own tenant: `tid` and `iss` must agree.
      [
        'https://login.microsoftonline.us',
        'common',
        [
          [`https://login.microsoftonline.us/${TENANT}/v2.0`, 200],
          [`https://login.microsoftonline.us/${other}/v2.0`, 401],
        ],
      ],
      [
        'https://login.microsoftonline.com',
        'organizations',
        [
          [ISSUER, 200],
          [`https://sts.windows.net/${other}/`, 401],
        ],
      ],
    ];
    for (const [loginUri, tenantId, issuers] of cases) {
      const target = appFor({ clientId: 'client', resourceUri: AUDIENCE, tenantId, loginUri });
      for (const [iss, status] of issuers)
        assert.equal(await statusOf(target, { iss }), status, `${loginUri} ${tenantId} ${iss}`);
    }
  });

  it('refuses to start with a tenant named by its domain, which no token issuer names', () => {
    assert.throws(
      () => appFor({ clientId: 'client', resourceUri: AUDIENCE, tenantId: 'contoso.onmicrosoft.com' }),
      /aad tenantId "contoso\.onmicrosoft\.com" is not a tenant ID, and tokens name their tenant by its ID: declare the ID, or give credentials\.aad\.issuer \(https:\/\/login\.microsoftonline\.com\/<tenant ID>\/v2\.0\)/,
    );
    const issuer = `https://login.microsoftonline.com/${TENANT}/v2.0`;
    const named = createApp(
      connectorWith(aad({ clientId: 'client', resourceUri: AUDIENCE, tenantId: 'contoso.onmicrosoft.com' })),
      { credentials: { aad: { jwksUri: jwksUrl, issuer } } },
    );
    return statusOf(named, {}).then((status) => assert.equal(status, 200));
  });
});

describe('auth: basic, API key in the query, generic OAuth 2.0, multi-auth', () => {
  const passwordsSeen: string[] = [];
  const basicApp = createApp(connectorWith(basic()), {
    credentials: {
      verifyBasic: (user, password) => {
        passwordsSeen.push(password);
        return user === 'ann' && password === 'pa:ss'
          ? { subject: user, method: 'basic', scopes: [], claims: {} }
          : undefined;
      },
    },
  });
  const b64 = (s: string) => Buffer.from(s).toString('base64');

  it('basic: accepts the right password (colons allowed), refuses a wrong or malformed one', async () => {
    const ok = await request(basicApp)
      .get('/auth/me')
      .set('authorization', `Basic ${b64('ann:pa:ss')}`);
    assert.deepEqual(ok.body, { subject: 'ann', method: 'basic', scopes: [] });
    for (const header of [`Basic ${b64('ann:nope')}`, `Basic ${b64('no-colon')}`, 'Basic !!!']) {
      const res = await request(basicApp).get('/auth/me').set('authorization', header);
      assert.equal(res.status, 401, header);
      assert.equal(res.headers['www-authenticate'], 'Basic realm="connector", charset="UTF-8"');
    }
  });

  it('basic: takes more than one space after the scheme, and refuses credentials that are not UTF-8', async () => {
    // Before, two spaces were a 401, and Latin-1 bytes reached verifyBasic as U+FFFD, so that
    // "pa\xe9ss" and "pa\xe8ss" were one password.
    const twoSpaces = await request(basicApp)
      .get('/auth/me')
      .set('authorization', `Basic  ${b64('ann:pa:ss')}`);
    assert.equal(twoSpaces.status, 200);
    passwordsSeen.length = 0;
    const latin1 = Buffer.from('ann:pa\xe9ss', 'latin1').toString('base64');
    const res = await request(basicApp).get('/auth/me').set('authorization', `Basic ${latin1}`);
    assert.deepEqual([res.status, res.type, passwordsSeen], [401, 'application/problem+json', []]);
  });

  it('verify callbacks may answer { subject } alone; an answer without a subject is their bug, a logged 500', async () => {
    // Before, { subject } typed only with a cast, and its missing scopes made an operation that
    // asks for one a 500 (identity.scopes.includes); `true` let the caller in without a subject,
    // so that its jobs and subscriptions belonged to "anonymous".
    const logs: string[] = [];
    const app = createApp(connectorWith(basic()), {
      credentials: {
        verifyBasic: (user, password) =>
          password !== 'ok'
            ? undefined
            : user === 'odd'
              ? (true as never)
              : user === 'none'
                ? ({} as never)
                : { subject: user },
      },
      logger: { error: (message, details) => logs.push(`${message} ${String(details.error)}`) },
    });
    const me = await request(app)
      .get('/auth/me')
      .set('authorization', `Basic ${b64('ann:ok')}`);
    assert.deepEqual([me.status, me.body], [200, { subject: 'ann', method: 'basic', scopes: [] }]);
    const scoped = await request(app)
      .post('/auth/items')
      .set('authorization', `Basic ${b64('ann:ok')}`);
    assert.deepEqual([scoped.status, scoped.body.detail], [403, 'The credentials lack the scope(s) Items.Write.']);
    for (const user of ['odd', 'none']) {
      const res = await request(app)
        .get('/auth/me')
        .set('authorization', `Basic ${b64(`${user}:ok`)}`);
      assert.equal(res.status, 500, user);
    }
    assert.equal(logs.length, 2);
    assert.match(
      logs[0],
      /credentials\.verifyBasic must resolve to \{ subject, … \} for a caller it accepts, or undefined; it gave true/,
    );
    assert.match(logs[1], /it gave an object without a subject/);
  });

  it('a credential check or store that throws null or undefined is a logged 500, not a pass to the next route', async () => {
    // Before, Express read the rejection as "no error": the request went on to the 405 answer.
    const logs: string[] = [];
    class BrokenJobs extends MemoryJobStore {
      override get(): Promise<undefined> {
        return Promise.reject(null);
      }
    }
    const app = createApp(connectorWith(basic()), {
      credentials: {
        verifyBasic: (user) => {
          if (user === 'ok') return { subject: 'ok' };
          throw user === 'null' ? null : undefined;
        },
      },
      jobs: { store: new BrokenJobs() },
      logger: { error: (message, details) => logs.push(`${message} ${String(details.error)}`) },
    });
    for (const [user, path] of [
      ['null', '/auth/me'],
      ['undefined', '/auth/me'],
      ['ok', '/_jobs/some-job'],
    ]) {
      const res = await request(app)
        .get(path)
        .set('authorization', `Basic ${b64(`${user}:pw`)}`);
      assert.deepEqual([res.status, res.type], [500, 'application/problem+json'], `${user} ${path}`);
    }
    assert.equal(logs.length, 3);
    assert.match(logs[0], /the operation threw null/);
  });

  it('API key in the query, checked by a callback', async () => {
    const app = createApp(connectorWith(apiKey({ in: 'query', name: 'code', label: 'Code' })), {
      credentials: {
        verifyApiKey: (key) =>
          key === 'k1' ? { subject: 'svc', method: 'apiKey', scopes: [], claims: {} } : undefined,
      },
    });
    assert.equal((await request(app).get('/auth/me?code=k1')).status, 200);
    assert.equal((await request(app).get('/auth/me?code=k2')).status, 401);
    assert.equal((await request(app).get('/auth/me')).status, 401);
  });

  it("lets an operation whose own security is empty (an imported one's `security: []`) through without a key", async () => {
    @Controller('/declared')
    class DeclaredController {
      @Get('/open')
      @Action({ id: 'DeclaredOpen', summary: 'Open as declared', security: [] })
      @Returns(204)
      open(): void {}
    }
    const connector = new Connector({
      info: { title: 'Declared', description: 'A connector with an open operation.', version: '1.0.0' },
      brandColor: '#123456',
      auth: apiKey({ in: 'header', name: 'x-key', label: 'Key' }),
      controllers: [AuthController, DeclaredController],
    });
    const app = createApp(connector, { credentials: { apiKeys: ['k1'] } });
    const definition = JSON.parse((await request(app).get('/connector/apiDefinition.swagger.json')).text);
    assert.deepEqual(definition.paths['/declared/open'].get.security, []);
    // Before, the definition said open and the adapter answered 401.
    assert.equal((await request(app).get('/declared/open')).status, 204);
    assert.equal((await request(app).get('/auth/me')).status, 401);
  });

  it('generic OAuth 2.0 through verifyToken', async () => {
    const app = createApp(
      connectorWith(
        oauth2({
          identityProvider: 'oauth2',
          clientId: 'c',
          scopes: [],
          authorizationUrl: 'https://a',
          tokenUrl: 'https://t',
        }),
      ),
      {
        credentials: {
          verifyToken: async (t) =>
            t === 'good' ? { subject: 'u', method: 'oauth2', scopes: ['Items.Write'], claims: {} } : undefined,
        },
      },
    );
    assert.equal((await request(app).post('/auth/items').set('authorization', 'Bearer good')).status, 204);
    assert.equal((await request(app).post('/auth/items').set('authorization', 'Bearer bad')).status, 401);
    assert.equal((await request(app).post('/auth/items').set('authorization', 'Bearer  good')).status, 204);
    const presented = await request(app).get('/auth/token').set('authorization', 'Bearer good');
    assert.equal(presented.body.token, 'good');
  });

  it('multi-auth accepts each declared method and announces all in the challenge', async () => {
    const app = createApp(
      connectorWith(
        authChoice({
          displayName: 'Sign in',
          options: [
            { name: 'key', displayName: 'Key', auth: apiKey({ in: 'header', name: 'x-key', label: 'Key' }) },
            { name: 'user', displayName: 'User', auth: basic() },
          ],
        }),
      ),
      {
        credentials: { apiKeys: ['k'], verifyBasic: (u) => ({ subject: u, method: 'basic', scopes: [], claims: {} }) },
      },
    );
    assert.equal((await request(app).get('/auth/me').set('x-key', 'k')).body.method, 'apiKey');
    assert.equal(
      (
        await request(app)
          .get('/auth/me')
          .set('authorization', `Basic ${b64('bo:x')}`)
      ).body.method,
      'basic',
    );
    const none = await request(app).get('/auth/me');
    assert.equal(
      none.headers['www-authenticate'],
      'ApiKey realm="connector", header="x-key", Basic realm="connector", charset="UTF-8"',
    );
  });

  it('refuses to start when a declared method has no way to check credentials', () => {
    const cases: [AuthDeclaration, AdapterOptions, RegExp][] = [
      [apiKey({ in: 'header', name: 'k', label: 'K' }), {}, /apiKey auth but no credentials.apiKeys/],
      // An unset variable split into no keys: before, a server that refused every caller.
      [
        apiKey({ in: 'header', name: 'k', label: 'K' }),
        { credentials: { apiKeys: [] } },
        /credentials.apiKeys is an empty list, which lets no caller in/,
      ],
      [basic(), {}, /basic auth but no credentials.verifyBasic/],
      [
        oauth2({
          identityProvider: 'oauth2',
          clientId: 'c',
          scopes: [],
          authorizationUrl: 'https://a',
          tokenUrl: 'https://t',
        }),
        {},
        /verifyToken/,
      ],
    ];
    for (const [auth, options, message] of cases) assert.throws(() => createApp(connectorWith(auth), options), message);
  });
});
