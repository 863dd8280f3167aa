import assert from 'node:assert/strict';
import { Field } from '../decorators/field';
import { IsOptional } from '../decorators/constraints';
import { resolved } from '../test-support/connectors';
import { webhookTrigger } from '../triggers/declarations';
import { locator } from './locate';

describe('locator', () => {
  it("places a webhook registration body's fields in the trigger's filters class, and the rest at the trigger", () => {
    // Before, a finding in the generated OnChangeSubscription definition had no place in the
    // source: "at /definitions/OnChangeSubscription/properties/minLevel" named no class the user wrote.
    class Change {
      @Field() id!: string;
    }
    class ChangeFilter {
      @Field({ summary: 'Minimum level' }) @IsOptional() minLevel?: number;
    }
    const changed = webhookTrigger({
      id: 'OnChange',
      path: '/hooks/changes',
      summary: 'When something changes',
      description: 'This operation triggers when something changes.',
      payload: Change,
      filters: ChangeFilter,
    });
    const at = locator(resolved([], { triggers: [changed] }));
    const trigger = { connector: 'triggers[0] (OnChange)' };
    assert.deepEqual(at('/definitions/OnChangeSubscription/properties/minLevel/x-ms-summary'), {
      class: 'ChangeFilter',
      property: 'minLevel',
    });
    assert.deepEqual(at('/definitions/OnChangeSubscription/properties/callbackUrl'), trigger);
    assert.deepEqual(at('/definitions/OnChangeSubscription/required'), trigger);
    assert.deepEqual(at('/definitions/Change/properties/id'), { class: 'Change', property: 'id' });
  });
});
