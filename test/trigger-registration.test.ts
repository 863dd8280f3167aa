import {
  Connector,
  Field,
  MemoryTriggerStore,
  TriggerRuntime,
  webhookTrigger,
  type Subscription,
} from '@flowport/core';
import { createApp } from '@flowport/express-adapter';
import assert from 'node:assert/strict';
import request from 'supertest';

class Change {
  @Field({ description: 'What changed.' })
  id!: string;
}

const changed = webhookTrigger<Change>({
  id: 'OnChange',
  path: '/hooks/changes',
  summary: 'When something changes',
  description: 'Triggers when something changes.',
  payload: Change,
});

const connector = new Connector({
  info: { title: 'Changes', description: 'A connector with a webhook trigger.', version: '1.0.0' },
  brandColor: '#123456',
  controllers: [],
  triggers: [changed],
});

describe('webhook registration beyond the subscriptions a caller may hold', () => {
  /** An app whose callers may hold one subscription each, on `store`. */
  const appHoldingOne = (store: MemoryTriggerStore) =>
    createApp(connector, {
      triggers: new TriggerRuntime({
        store,
        secret: 'registration-secret-0123456789',
        callbacks: { allowLocalhost: true },
        maxSubscriptionsPerOwner: 1,
      }),
    });

  it('is a 409 that says why, and a freed place is taken again', async () => {
    const app = appHoldingOne(new MemoryTriggerStore());
    const register = (flow = 'cb') =>
      request(app)
        .post('/hooks/changes')
        .send({ callbackUrl: `http://localhost:9/${flow}` });
    const first = await register();
    assert.equal(first.status, 201, first.text);
    const second = await register('another-flow');
    assert.equal(second.status, 409, second.text);
    assert.match(second.headers['content-type'], /^application\/problem\+json/);
    assert.equal(
      second.body.detail,
      'The subscription was refused: this caller already holds the most subscriptions to OnChange it may (1); each flow that uses the trigger holds one while it is on, so turn off or delete one first.',
    );
    const location = new URL(first.headers.location);
    assert.equal((await request(app).delete(location.pathname)).status, 204);
    assert.equal((await register('another-flow')).status, 201);
  });

  it('holds across apps that share a store, when registrations reach two of them at once', async () => {
    // Each app counts a caller's registrations one at a time, but only its own: before, two
    // registrations sent to two processes at once both counted no subscription, and both were kept.
    /** Holds each read of the subscriptions until both apps have read them. */
    class BothRead extends MemoryTriggerStore {
      private waiting: (() => void)[] = [];
      override async subscriptionsOf(trigger: string): Promise<Subscription[]> {
        const list = await super.subscriptionsOf(trigger);
        await new Promise<void>((done) => {
          this.waiting.push(done);
          if (this.waiting.length === 2) for (const go of this.waiting.splice(0)) go();
        });
        return list;
      }
    }
    const store = new BothRead();
    const [one, two] = [appHoldingOne(store), appHoldingOne(store)];
    const answers = await Promise.all(
      [one, two].map((app, i) =>
        request(app)
          .post('/hooks/changes')
          .send({ callbackUrl: `http://localhost:9/flow-${i}` }),
      ),
    );
    assert.deepEqual(answers.map((r) => r.status).sort(), [201, 409]);
    assert.equal((await MemoryTriggerStore.prototype.subscriptionsOf.call(store, 'OnChange')).length, 1);
  });

  it('takes a registration of a callback URL the caller holds already, at the limit too, and drops the one before', async () => {
    // A flow saved again registers its trigger's URL again; the DELETE of its old subscription may
    // never have arrived, and two subscriptions to one URL started every run twice.
    const store = new MemoryTriggerStore();
    const app = appHoldingOne(store);
    const register = () => request(app).post('/hooks/changes').send({ callbackUrl: 'http://localhost:9/flow' });
    const first = await register();
    const again = await register();
    assert.deepEqual([first.status, again.status], [201, 201]);
    assert.equal((await store.subscriptionsOf('OnChange')).length, 1);
    assert.equal((await request(app).delete(new URL(first.headers.location).pathname)).status, 404);
    assert.equal((await request(app).delete(new URL(again.headers.location).pathname)).status, 204);
  });
});

describe('webhook registration when DNS fails', () => {
  /** An app whose callback lookups fail with `code`. */
  const appWhoseLookupsFail = (code: string, logged: string[]) =>
    createApp(connector, {
      logger: { error: (message) => logged.push(message) },
      triggers: new TriggerRuntime({
        store: new MemoryTriggerStore(),
        secret: 'registration-secret-0123456789',
        callbacks: {
          resolve: async (host) => {
            throw Object.assign(new Error(`getaddrinfo ${code} ${host}`), { code });
          },
        },
      }),
    });
  const register = (app: ReturnType<typeof appWhoseLookupsFail>) =>
    request(app).post('/hooks/changes').send({ callbackUrl: 'https://prod-01.westeurope.logic.azure.com/workflows/x' });

  it('answers 503 with Retry-After, logged, when the lookup failed, and 400 when the host does not exist', async () => {
    // Before, a DNS server that timed out was a 400 blaming the flow's URL, which nothing could fix.
    const logged: string[] = [];
    const failed = await register(appWhoseLookupsFail('EAI_AGAIN', logged));
    assert.deepEqual([failed.status, failed.headers['retry-after']], [503, '30']);
    assert.equal(
      failed.body.detail,
      'The callback URL could not be checked now: the callback host prod-01.westeurope.logic.azure.com could not be looked up now (EAI_AGAIN).',
    );
    assert.equal(logged.length, 1, logged.join('\n'));
    const missing = await register(appWhoseLookupsFail('ENOTFOUND', logged));
    assert.deepEqual([missing.status, missing.body.errors[0].code], [400, 'callbackRefused']);
  });
});

describe('a connector with triggers served without a trigger runtime', () => {
  it('stops the start, saying how to give it one', () => {
    assert.throws(() => createApp(connector), {
      message:
        'the connector declares the trigger OnChange, which needs a trigger runtime: const triggers = new TriggerRuntime({ store, secret }); triggers.start(); createApp(connector, { triggers })',
    });
  });
});
