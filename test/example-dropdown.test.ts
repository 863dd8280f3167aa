import { MemoryTriggerStore } from '@flowport/core';
import { sentimentService } from '@flowport/example-text-sentiment/dist/service';
import { FlowHost } from '@flowport/testing';
import assert from 'node:assert/strict';
import { serving } from './support/http';

const KEY = 'dropdown-key';

describe("the Language field's dropdown, filled by FlowHost as the designer fills it", () => {
  const service = sentimentService({
    keys: [KEY],
    secret: 'dropdown-test-secret-0123456789',
    store: new MemoryTriggerStore(),
    validateResponses: true,
  });
  const live = serving(() => service.app);
  after(() => service.close());

  it('lists the languages ListLanguages answers, each one the field accepts', async () => {
    const host = await FlowHost.start({ api: live.url(), connection: { 'Ocp-Apim-Subscription-Key': KEY } });
    try {
      assert.deepEqual(await host.dynamicValues('DetectSentiment', 'documents/language'), [
        { value: 'en', title: 'English' },
      ]);
      await assert.rejects(host.dynamicValues('DetectSentiment', 'documents/text'), {
        message: 'DetectSentiment "documents/text" declares no x-ms-dynamic-values or x-ms-dynamic-list',
      });
      await assert.rejects(host.dynamicValues('DetectSentiment', 'documents/nope'), {
        message: 'DetectSentiment has no parameter or body field "documents/nope"',
      });
    } finally {
      await host.close();
    }
  });
});
