import assert from 'node:assert/strict';
import { Controller } from '../decorators/controller';
import { Get } from '../decorators/http';
import { Action } from '../decorators/operation';
import { Returns } from '../decorators/returns';
import { resolved } from '../test-support/connectors';

describe('versioning by x-ms-api-annotation', () => {
  @Controller('/items')
  class Items {
    @Get('/v1')
    @Action({
      id: 'GetItems',
      summary: 'Get items',
      description: 'Gets the items.',
      annotation: { family: 'GetItems', revision: 1 },
    })
    @Returns(200)
    v1(): void {}

    @Get('/v2')
    @Action({
      id: 'GetItems_V2',
      summary: 'Get items',
      description: 'Gets the items, paged.',
      annotation: { family: 'GetItems', revision: 2 },
    })
    @Returns(200)
    v2(): void {}

    @Get('/other')
    @Action({ id: 'Other', summary: 'Other', annotation: { revision: 1 } })
    @Returns(200)
    other(): void {}
  }

  it('keeps an older revision routed but deprecated, with "(deprecated)" appended', () => {
    const model = resolved([Items]);
    const [v1, v2, other] = model.operations;
    assert.deepEqual(
      [v1.deprecated, v1.summary, v1.description],
      [true, 'Get items (deprecated)', 'Gets the items. (deprecated)'],
    );
    assert.deepEqual([v1.method, v1.path], ['get', '/items/v1']);
    assert.deepEqual([v2.deprecated, v2.summary], [false, 'Get items']);
    assert.equal(other.deprecated, false);
  });
});
