import { Connector, Field, MemoryTriggerStore, TriggerRuntime, webhookTrigger } from '@flowport/core';
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

describe('webhook registration beyond the subscriptions a caller may hold', () => {
  it('is a 409 that says why, and a freed place is taken again', async () => {
    const runtime = new TriggerRuntime({
      store: new MemoryTriggerStore(),
      secret: 'registration-secret-0123456789',
      callbacks: { allowLocalhost: true },
      maxSubscriptionsPerOwner: 1,
    });
    const app = createApp(
      new Connector({
        info: { title: 'Changes', description: 'A connector with a webhook trigger.', version: '1.0.0' },
        brandColor: '#123456',
        controllers: [],
        triggers: [changed],
      }),
      { triggers: runtime },
    );
    const register = () => request(app).post('/hooks/changes').send({ callbackUrl: 'http://localhost:9/cb' });
    const first = await register();
    assert.equal(first.status, 201, first.text);
    const second = await register();
    assert.equal(second.status, 409, second.text);
    assert.match(second.headers['content-type'], /^application\/problem\+json/);
    assert.equal(
      second.body.detail,
      'The subscription was refused: this caller already holds the most subscriptions to OnChange it may (1); each flow that uses the trigger holds one while it is on, so turn off or delete one first.',
    );
    const location = new URL(first.headers.location);
    assert.equal((await request(app).delete(location.pathname)).status, 204);
    assert.equal((await register()).status, 201);
  });
});
