import assert from 'node:assert/strict';
import { Controller } from '../../decorators/controller';
import { Field } from '../../decorators/field';
import { Delete, Get, Post } from '../../decorators/http';
import { Action, Trigger } from '../../decorators/operation';
import { Body, Path, Query } from '../../decorators/params';
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

class HookConfig {
  @Field({ summary: 'Callback', visibility: 'internal', notificationUrl: true }) url!: string;
}

class HookRegistration {
  @Field({ summary: 'Events' }) events!: string;
  @Field({ summary: 'Configuration' }) config!: HookConfig;
}

class Event {
  @Field({ summary: 'Name' }) name!: string;
}

@Controller('/hooks')
class Hooks {
  @Post('/')
  @Trigger({ id: 'OnEvent', kind: 'single', summary: 'When an event occurs', notificationContent: { type: Event } })
  @Returns(201)
  hook(@Body() _body: HookRegistration): void {}

  @Delete('/{id}')
  @Action({ id: 'DeleteHook', summary: 'Delete a hook', visibility: 'internal' })
  @Returns(204)
  unhook(@Path('id') _id: string): void {}
}

describe('openApiDocument: a webhook registration', () => {
  it("names the callback URL field where the body nests it, as the callback's runtime expression", () => {
    // Before, only a field at the top of the body was found: Emigo's `config/url` had no callback.
    const doc = openApiDocument(resolved([Hooks]));
    const callbacks = doc.paths['/hooks']?.post?.callbacks as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(callbacks.notification), ['{$request.body#/config/url}']);
  });
});
