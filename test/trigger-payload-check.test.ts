import {
  Connector,
  Field,
  InvalidPayloadError,
  Max,
  MemoryTriggerStore,
  Min,
  TriggerRuntime,
  webhookTrigger,
} from '@flowport/core';
import { createApp } from '@flowport/express-adapter';
import assert from 'node:assert/strict';

class Reading {
  @Field({ description: 'The sensor.' })
  sensor!: string;

  @Min(0)
  @Max(100)
  @Field({ description: 'Percent.' })
  level!: number;

  @Field({ description: 'When it was read.' })
  at!: Date;
}

const lowLevel = webhookTrigger<Reading>({
  id: 'OnLowLevel',
  path: '/hooks/low-level',
  summary: 'When a level is low',
  description: 'Triggers when a sensor reads a low level.',
  payload: Reading,
});

const connector = new Connector({
  info: { title: 'Levels', description: 'A connector with a webhook trigger.', version: '1.0.0' },
  brandColor: '#123456',
  controllers: [],
  triggers: [lowLevel],
});

/** A runtime with one subscription to OnLowLevel, and its store. */
async function runtimeWithSubscriber(): Promise<{ runtime: TriggerRuntime; store: MemoryTriggerStore }> {
  const store = new MemoryTriggerStore();
  const runtime = new TriggerRuntime({ store, secret: 'payload-check-secret-0123456789' });
  await store.addSubscription({
    id: 's1',
    trigger: 'OnLowLevel',
    owner: 'o',
    callbackUrl: 'https://flows.example.com/cb',
    filters: {},
    createdAt: new Date().toISOString(),
  });
  return { runtime, store };
}

async function queued(store: MemoryTriggerStore): Promise<number> {
  return (await store.claimDue(Date.now() + 60_000, 100, 60_000)).length;
}

describe('trigger events checked against their notification schema (validateResponses)', () => {
  it('queues an event that matches, and refuses one that does not, naming where, queuing none of its batch', async () => {
    const { runtime, store } = await runtimeWithSubscriber();
    createApp(connector, { triggers: runtime, validateResponses: true });
    const good = { sensor: 'tank-1', level: 5, at: new Date() };
    assert.equal(await runtime.emit(lowLevel, good), 1);
    // Before, each was queued and delivered: a flow's run then failed on it, where its developer
    // could not see why.
    await assert.rejects(
      runtime.emitAll(lowLevel, [good, { sensor: 'tank-2', level: 140, at: new Date() }]),
      (err: unknown) =>
        err instanceof InvalidPayloadError &&
        err.message ===
          "OnLowLevel: an event does not match the trigger's notification schema, so flows could not read it: event #2: /payload/level must be <= 100",
    );
    await assert.rejects(
      runtime.emit(lowLevel, { level: 5, at: new Date() } as unknown as Reading),
      /read it: \/payload\/sensor is required$/,
    );
    assert.equal(await queued(store), 1);
  });

  it('leaves events unchecked without validateResponses, as answers are', async () => {
    const { runtime } = await runtimeWithSubscriber();
    createApp(connector, { triggers: runtime });
    assert.equal(await runtime.emit(lowLevel, { sensor: 'tank-2', level: 140, at: new Date() }), 1);
  });
});
