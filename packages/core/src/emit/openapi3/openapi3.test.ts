import assert from 'node:assert/strict';
import { Controller } from '../../decorators/controller';
import { Get } from '../../decorators/http';
import { Action } from '../../decorators/operation';
import { Query } from '../../decorators/params';
import { Returns } from '../../decorators/returns';
import { resolved } from '../../test-support/connectors';
import { openApiDocument } from './openapi3';

@Controller('/items')
class Items {
  @Get('/')
  @Action({ id: 'ListItems', summary: 'List items' })
  @Returns(200, [String])
  list(@Query('filter', { required: false, allowEmptyValue: true }) _filter?: string): string[] {
    return [];
  }
}

describe('openApiDocument', () => {
  it("carries the info's terms of service and license, and a query parameter that may be sent empty", () => {
    // Before, both were in the connector definition only, so Swagger UI showed neither.
    const doc = openApiDocument(
      resolved([Items], {
        info: {
          title: 'Items',
          description: 'A connector with a license.',
          version: '1.0.0',
          termsOfService: 'https://example.com/terms',
          license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
        },
      }),
    );
    assert.equal(doc.info.termsOfService, 'https://example.com/terms');
    assert.deepEqual(doc.info.license, { name: 'MIT', url: 'https://opensource.org/licenses/MIT' });
    assert.deepEqual(Object.keys(doc.paths), ['/items']);
    assert.deepEqual(doc.paths['/items'].get?.parameters, [
      { name: 'filter', in: 'query', required: false, allowEmptyValue: true, schema: { type: 'string' } },
    ]);
  });
});
