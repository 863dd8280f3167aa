import assert from 'node:assert/strict';
import { IsOptional } from 'class-validator';
import { apiKey } from '../auth/auth';
import type { ConnectorOptions } from '../connector';
import { Controller } from '../decorators/controller';
import { Field, Schema } from '../decorators/field';
import { Get, Post } from '../decorators/http';
import { Action } from '../decorators/operation';
import { Body, Path, Query } from '../decorators/params';
import { Returns } from '../decorators/returns';
import { DiagnosticError } from '../diagnostics/diagnostic';
import { resolve } from '../model/resolve';
import { connectorOf } from '../test-support/connectors';
import type { Class } from '../types';
import { described } from '../types';
import { emitFiles } from './files';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function emit(controllers: Class[], extra: Partial<ConnectorOptions> = {}) {
  const files = emitFiles(resolve(connectorOf(controllers, { asDeclared: true, ...extra })));
  return {
    swagger: JSON.parse(files['apiDefinition.swagger.json']) as Json,
    properties: JSON.parse(files['apiProperties.json']) as Json,
    openapi: JSON.parse(files['openapi.json']) as Json,
  };
}

@Schema({ inline: true })
class Address {
  @Field() city!: string;
}

@Schema({ name: 'Tag list', type: [described(String, { format: 'uuid' })] })
class TagList {}

class Customer {
  @Field({ type: () => Address }) address!: Address;
  @Field({
    summary: 'Region',
    dynamicValues: { operation: () => Regions.prototype.list, value: 'id' },
  })
  @IsOptional()
  region?: string;
}

@Controller()
class Regions {
  @Get('/regions')
  @Action({ id: 'ListRegions', summary: 'List regions', pageable: { nextLinkName: 'nextLink' } })
  @Returns(200, [described('object', { description: 'A region' })])
  list(): unknown[] {
    return [];
  }

  @Post('/customers/{id}')
  @Action({ id: 'SaveCustomer', summary: 'Save customer', security: [{ other: ['write'] }] })
  @Returns(200, () => Customer)
  save(@Path('id') id: string, @Body() body: Customer): Customer {
    return body ?? id;
  }
}

describe('asDeclared: a connector emitted exactly as declared', () => {
  it('adds no error responses, url-encoding, companion dynamic list, next-link policy or media types', () => {
    const { swagger, properties } = emit([Regions], { auth: apiKey({ in: 'header', name: 'K', label: 'Key' }) });
    const save = swagger.paths['/customers/{id}'].post;
    assert.deepEqual(Object.keys(save.responses), ['200']);
    assert.equal(save.parameters[0]['x-ms-url-encoding'], undefined);
    const region = swagger.definitions.Customer.properties.region;
    assert.deepEqual(region['x-ms-dynamic-values'], { operationId: 'ListRegions', 'value-path': 'id' });
    assert.equal(region['x-ms-dynamic-list'], undefined);
    assert.equal(properties.properties.policyTemplateInstances, undefined);
    assert.equal(swagger.consumes, undefined);
    assert.deepEqual(properties.properties.capabilities, []);
    assert.equal(swagger.definitions.Customer.additionalProperties, false, 'the unknown-property policy still applies');
  });

  it('writes inline classes in place and publishes extra schemas, typed ones included', () => {
    const { swagger } = emit([Regions], { schemas: [TagList] });
    assert.deepEqual(swagger.definitions.Customer.properties.address, {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    });
    assert.equal(swagger.definitions.Address, undefined);
    assert.deepEqual(swagger.definitions['Tag list'], { type: 'array', items: { type: 'string', format: 'uuid' } });
    assert.deepEqual(swagger.paths['/regions'].get.responses['200'].schema, {
      type: 'array',
      items: { type: 'object', description: 'A region' },
    });
  });

  it('writes security, securityDefinitions and the connection as declared, beside a first-class auth', () => {
    const { swagger, properties } = emit([Regions], {
      auth: apiKey({ in: 'header', name: 'K', label: 'Key' }),
      securityDefinitions: {},
      security: [],
      connection: { parameters: { api_key: { type: 'securestring', uiDefinition: { displayName: 'Key' } } } },
      tags: [{ name: 'Regions', description: 'Where customers live.' }],
      pathExtensions: { '/old': { 'x-ms-notification-content': { schema: { type: 'object' } } } },
    });
    assert.deepEqual(swagger.securityDefinitions, {});
    assert.deepEqual(swagger.security, []);
    assert.deepEqual(swagger.paths['/customers/{id}'].post.security, [{ other: ['write'] }]);
    assert.deepEqual(properties.properties.connectionParameters, {
      api_key: { type: 'securestring', uiDefinition: { displayName: 'Key' } },
    });
    assert.deepEqual(swagger.tags, [{ name: 'Regions', description: 'Where customers live.' }]);
    assert.deepEqual(swagger.paths['/old'], { 'x-ms-notification-content': { schema: { type: 'object' } } });
  });

  it("gives OpenAPI 3 the security as declared: each flow's own form, its scopes, and the requirements", () => {
    // Before, OpenAPI 3 read the auth declaration only: an imported connector's scopes were gone
    // from Swagger UI's Authorize dialog, its other flows read as an authorization code flow, and
    // the requirements (root and per operation) named no scopes.
    const { swagger, openapi } = emit([Regions], {
      auth: apiKey({ in: 'header', name: 'K', label: 'Key' }),
      securityDefinitions: {
        code: {
          type: 'oauth2',
          flow: 'accessCode',
          authorizationUrl: 'https://login.example.com/authorize',
          tokenUrl: 'https://login.example.com/token',
          scopes: { read: 'Read customers', write: 'Change customers' },
        },
        other: {
          type: 'oauth2',
          flow: 'application',
          tokenUrl: 'https://login.example.com/token',
          scopes: { write: 'Change customers' },
          description: 'Service to service',
        },
        browser: {
          type: 'oauth2',
          flow: 'implicit',
          authorizationUrl: 'https://login.example.com/authorize',
          scopes: {},
        },
        user: { type: 'oauth2', flow: 'password', tokenUrl: 'https://login.example.com/token', scopes: {} },
        key: { type: 'apiKey', in: 'query', name: 'code' },
        basic: { type: 'basic' },
      },
      security: [{ code: ['read'] }],
    });
    assert.deepEqual(openapi.components.securitySchemes, {
      code: {
        type: 'oauth2',
        flows: {
          authorizationCode: {
            authorizationUrl: 'https://login.example.com/authorize',
            tokenUrl: 'https://login.example.com/token',
            scopes: { read: 'Read customers', write: 'Change customers' },
          },
        },
      },
      other: {
        type: 'oauth2',
        flows: {
          clientCredentials: { tokenUrl: 'https://login.example.com/token', scopes: { write: 'Change customers' } },
        },
        description: 'Service to service',
      },
      browser: {
        type: 'oauth2',
        flows: { implicit: { authorizationUrl: 'https://login.example.com/authorize', scopes: {} } },
      },
      user: { type: 'oauth2', flows: { password: { tokenUrl: 'https://login.example.com/token', scopes: {} } } },
      key: { type: 'apiKey', in: 'query', name: 'code' },
      basic: { type: 'http', scheme: 'basic' },
    });
    assert.deepEqual(openapi.security, swagger.security);
    assert.deepEqual(openapi.security, [{ code: ['read'] }]);
    assert.deepEqual(openapi.paths['/customers/{id}'].post.security, [{ other: ['write'] }]);
  });

  it("puts an answer's examples beside its schema in OpenAPI 3, by media type", () => {
    // Before, Swagger 2.0's `examples` of a response were left out of OpenAPI 3.
    @Controller()
    class Listed {
      @Get('/regions')
      @Action({ id: 'ListRegions', summary: 'List regions', produces: ['application/json', 'text/csv'] })
      @Returns(200, [String], { examples: { 'application/json': ['eu', 'us'], 'text/csv': 'eu\nus' } })
      list(): string[] {
        return [];
      }
    }
    const { swagger, openapi } = emit([Listed]);
    assert.deepEqual(swagger.paths['/regions'].get.responses['200'].examples, {
      'application/json': ['eu', 'us'],
      'text/csv': 'eu\nus',
    });
    assert.deepEqual(openapi.paths['/regions'].get.responses['200'].content, {
      'application/json': { schema: { type: 'array', items: { type: 'string' } }, example: ['eu', 'us'] },
      'text/csv': { schema: { type: 'array', items: { type: 'string' } }, example: 'eu\nus' },
    });
  });

  it('reports platform judgements as warnings, and still refuses what it cannot serve', () => {
    @Controller()
    class Judged {
      @Get('/a')
      @Action({ id: 'A', summary: 'A' })
      @Returns(404)
      a(@Query('q', { urlEncoding: 'double' }) q: string, @Query('group', { format: 'guid' }) group: string): void {
        void q;
        void group;
      }
    }
    const model = resolve(connectorOf([Judged], { asDeclared: true }));
    const codes = model.diagnostics.map((d) => `${d.severity} ${d.name}`);
    assert.ok(codes.includes('warning no-success-response'), codes.join());
    assert.ok(codes.includes('warning url-encoding-on-query'), codes.join());
    // Office 365 Groups writes format "guid": an imported connector keeps it, with a warning.
    assert.ok(codes.includes('warning unsupported-format'), codes.join());

    @Controller()
    class Broken {
      @Get('/b/{id}')
      @Action({ id: 'B', summary: 'B' })
      @Returns(200)
      b(): void {}
    }
    assert.throws(
      () => resolve(connectorOf([Broken], { asDeclared: true })),
      (err: unknown) => err instanceof DiagnosticError && /path-variable-without-parameter/.test(err.message),
    );
  });
});
