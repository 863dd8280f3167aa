import assert from 'node:assert/strict';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { aad, apiKey, authChoice, basic, oauth2, oauth2Generic } from '../auth/auth';
import { connectionParameter } from '../auth/connection-parameters';
import type { ConnectorOptions } from '../connector';
import { IsString as FlowportIsString, Min as FlowportMin } from '../decorators/constraints';
import { Controller } from '../decorators/controller';
import { Field, Schema, Summary, Visibility } from '../decorators/field';
import { Delete, Get, Post } from '../decorators/http';
import { Action, Public, Trigger } from '../decorators/operation';
import { Body, FormFile, Header, Path, Query } from '../decorators/params';
import { Returns } from '../decorators/returns';
import { resolve } from '../model/resolve';
import { dynamicHostUrl, routeRequestToEndpoint, setHeader, updateNextLink } from '../policies/templates';
import { connectorOf } from '../test-support/connectors';
import { pollingTrigger, webhookTrigger } from '../triggers/declarations';
import type { Class } from '../types';
import { described, param } from '../types';
import { Page } from '../paging';
import { emitFiles } from './files';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function emit(controllers: Class[], extra: Partial<ConnectorOptions> = {}) {
  const files = emitFiles(resolve(connectorOf(controllers, extra)));
  return {
    swagger: JSON.parse(files['apiDefinition.swagger.json']) as Json,
    properties: JSON.parse(files['apiProperties.json']) as Json,
    settings: JSON.parse(files['settings.json']) as Json,
    openapi: JSON.parse(files['openapi.json']) as Json,
    files,
  };
}

class Thing {
  @Summary('Name') @IsString() name!: string;
}

@Controller('/things')
class Things {
  @Get()
  @Action({ id: 'ListThings', summary: 'List things', description: 'Lists things.' })
  @Returns(200, [Thing])
  list(): Thing[] {
    return [];
  }
}

describe('golden: operations (@Controller, routes, @Action)', () => {
  @Controller('/v1/', { tags: ['Items'], visibility: 'advanced' })
  class Items {
    @Get('/items/{id}/')
    @Visibility('important')
    @Action({
      summary: 'Get item',
      description: 'Gets one item.',
      deprecated: true,
      annotation: { family: 'GetItem', revision: 2, status: 'Preview' },
      noGenericTest: true,
      openAiData: { 'openai-enabled': true },
      operationContext: { simulate: { operation: () => Items.prototype.other, parameters: { top: 1 } } },
      pageable: { nextLinkName: '@odata.nextLink' },
      safe: true,
      consumes: ['application/json'],
      produces: ['application/json', 'text/plain'],
      tags: ['Read'],
      extensions: { 'x-op': 1 },
    })
    @Returns(200, Page(Thing, '@odata.nextLink'))
    getItem(@Path('id') _id: string): unknown {
      return { value: [] };
    }

    @Delete('/other')
    @Public()
    @Action({ summary: 'Other' })
    @Returns(204)
    other(): void {}
  }

  it('emits every operation option under its x-ms name, in a fixed key order', () => {
    const { swagger } = emit([Items], { auth: apiKey({ in: 'header', name: 'k', label: 'Key' }) });
    assert.deepEqual(Object.keys(swagger.paths), ['/v1/items/{id}', '/v1/other']);
    assert.deepEqual(swagger.paths['/v1/items/{id}'].get, {
      tags: ['Items', 'Read'],
      summary: 'Get item',
      description: 'Gets one item.',
      operationId: 'GetItem',
      consumes: ['application/json'],
      produces: ['application/json', 'text/plain'],
      parameters: [{ name: 'id', in: 'path', required: true, type: 'string', 'x-ms-url-encoding': 'single' }],
      responses: {
        '200': { description: 'OK', schema: { $ref: '#/definitions/ThingODataPage' } },
        '400': {
          description: 'Bad request: the request does not match the definition (problem+json lists every error)',
        },
        '401': { description: 'Unauthorized: missing or invalid connection credentials' },
        '500': { description: 'Internal server error' },
      },
      deprecated: true,
      'x-ms-visibility': 'important',
      'x-ms-api-annotation': { family: 'GetItem', revision: 2, status: 'Preview' },
      'x-ms-no-generic-test': true,
      'x-ms-pageable': { nextLinkName: '@odata.nextLink' },
      'x-ms-openai-data': { 'openai-enabled': true },
      'x-ms-operation-context': { simulate: { operationId: 'Other', parameters: { top: 1 } } },
      'x-ms-safe-operation': true,
      'x-op': 1,
    });
  });

  it('writes externalDocs of the connector, an operation and a tag in both documents', () => {
    // Before, neither option existed: an import refused a root externalDocs, and OpenAPI 3 had
    // no tag descriptions at all.
    @Controller('/docs')
    class Documented {
      @Get('/')
      @Action({
        summary: 'List documents',
        description: 'Lists documents.',
        tags: ['Docs'],
        externalDocs: { url: 'https://docs.example.com/list', description: 'How lists work' },
      })
      @Returns(200)
      list(): void {}
    }
    const { swagger, openapi, files } = emit([Documented], {
      externalDocs: { url: 'https://docs.example.com' },
      tags: [{ name: 'Docs', description: 'Documents', externalDocs: { url: 'https://docs.example.com/tags' } }],
    });
    const list = { description: 'How lists work', url: 'https://docs.example.com/list' };
    assert.deepEqual(swagger.externalDocs, { url: 'https://docs.example.com' });
    assert.deepEqual(swagger.paths['/docs'].get.externalDocs, list);
    assert.deepEqual(Object.keys(swagger.paths['/docs'].get).slice(0, 4), [
      'tags',
      'summary',
      'description',
      'externalDocs',
    ]);
    assert.deepEqual(openapi.externalDocs, { url: 'https://docs.example.com' });
    assert.deepEqual(openapi.paths['/docs'].get.externalDocs, list);
    assert.deepEqual(openapi.tags, [
      { name: 'Docs', description: 'Documents', externalDocs: { url: 'https://docs.example.com/tags' } },
    ]);
    assert.match(
      files['apiDefinition.swagger.json'],
      /"externalDocs": \{\n {4}"url": "https:\/\/docs.example.com"\n {2}\}/,
    );
  });

  it('derives PascalCase operationIds, inherits the controller visibility, and opts public operations out of auth', () => {
    const { swagger } = emit([Items], { auth: apiKey({ in: 'header', name: 'k', label: 'Key' }) });
    const other = swagger.paths['/v1/other'].delete;
    assert.equal(other.operationId, 'Other');
    assert.equal(other['x-ms-visibility'], 'advanced');
    assert.deepEqual(other.security, []);
    assert.deepEqual(other.responses, {
      '204': { description: 'No Content' },
      '500': { description: 'Internal server error' },
    });
  });

  it('walks controller inheritance; a subclass overrides a base method', () => {
    @Controller('/base')
    class Base {
      @Get('/a') @Action({ summary: 'A from base' }) @Returns(200) a(): void {}
      @Get('/b') @Action({ summary: 'B from base' }) @Returns(200) b(): void {}
    }
    @Controller('/derived')
    class Derived extends Base {
      @Get('/b2') @Action({ id: 'B', summary: 'B from derived' }) @Returns(200) override b(): void {}
    }
    const { swagger } = emit([Derived]);
    assert.deepEqual(Object.keys(swagger.paths), ['/derived/a', '/derived/b2']);
    assert.equal(swagger.paths['/derived/b2'].get.summary, 'B from derived');
  });
});

describe('golden: parameters (@Path, @Query, @Header, @Body, @FormField, @FormFile)', () => {
  @Controller()
  class P {
    @Get('/p/{folder}')
    @Returns(200)
    get(
      @Path('folder', { summary: 'Folder', description: 'The folder.', urlEncoding: 'double' }) _f: string,
      @Query('top', { summary: 'Top', minimum: 1, maximum: 50, default: 10, testValue: 5, type: 'integer' }) _t: number,
      @Query('ids', { items: Number, collectionFormat: 'multi', maxItems: 3 }) _ids: number[],
      @Query('mode', {
        enum: ['a', 'b'],
        enumValues: [
          { value: 'a', displayName: 'Alpha' },
          { value: 'b', displayName: 'Beta' },
        ],
        visibility: 'advanced',
      })
      _m: string,
      @Header('X-Trace', { pattern: '^[0-9a-f]+$', extensions: { 'x-trace': true } }) _x: string,
      @Query('on', { allowEmptyValue: true }) _on: boolean,
    ): void {}

    @Post('/p')
    @Returns(200)
    post(@Body({ summary: 'Thing', description: 'The thing.', visibility: 'important' }) _b: Thing): void {}

    @Post('/upload')
    @Returns(200)
    upload(@FormFile('file', { summary: 'File', required: true }) _f: unknown): void {}
  }

  it('emits non-body parameters with their type, constraints and x-ms annotations inline', () => {
    const { swagger } = emit([P]);
    assert.deepEqual(swagger.paths['/p/{folder}'].get.parameters, [
      {
        name: 'folder',
        in: 'path',
        required: true,
        type: 'string',
        description: 'The folder.',
        'x-ms-summary': 'Folder',
        'x-ms-url-encoding': 'double',
      },
      {
        name: 'top',
        in: 'query',
        required: false,
        type: 'integer',
        'x-ms-summary': 'Top',
        default: 10,
        minimum: 1,
        maximum: 50,
        'x-ms-test-value': 5,
      },
      {
        name: 'ids',
        in: 'query',
        required: false,
        type: 'array',
        items: { type: 'number' },
        collectionFormat: 'multi',
        maxItems: 3,
      },
      {
        name: 'mode',
        in: 'query',
        required: false,
        type: 'string',
        'x-ms-visibility': 'advanced',
        enum: ['a', 'b'],
        'x-ms-enum-values': [
          { value: 'a', displayName: 'Alpha' },
          { value: 'b', displayName: 'Beta' },
        ],
      },
      { name: 'X-Trace', in: 'header', required: false, type: 'string', pattern: '^[0-9a-f]+$', 'x-trace': true },
      { name: 'on', in: 'query', required: false, type: 'boolean', allowEmptyValue: true },
    ]);
  });

  it('puts body labels on the parameter and the type in its schema', () => {
    const { swagger } = emit([P]);
    assert.deepEqual(swagger.paths['/p'].post.parameters, [
      {
        name: 'body',
        in: 'body',
        required: true,
        description: 'The thing.',
        'x-ms-summary': 'Thing',
        'x-ms-visibility': 'important',
        schema: { $ref: '#/definitions/Thing' },
      },
    ]);
  });

  it('emits uploads as formData of type file', () => {
    const { swagger } = emit([P]);
    assert.deepEqual(swagger.paths['/upload'].post.parameters, [
      { name: 'file', in: 'formData', required: true, type: 'file', 'x-ms-summary': 'File' },
    ]);
  });
});

describe('golden: schemas from DTO classes (class-validator table, @Field, @Schema)', () => {
  enum Color {
    Red = 'red',
    Blue = 'blue',
  }
  enum Level {
    Low = 1,
    High = 2,
  }
  class Base {
    // Read-only, so optional: the widget is also a request body (FP1306).
    @Field({ readOnly: true, required: false }) @IsUUID() id!: string;
  }
  @Schema({
    name: 'Widget',
    description: 'A widget.',
    summary: 'Widget',
    additionalProperties: true,
    extensions: { 'x-w': 1 },
  })
  class WidgetDto extends Base {
    @Summary('Name') @IsString() @Length(2, 40) name!: string;
    @IsOptional() @IsEmail() email?: string;
    @IsInt() @Min(0) @Max(9) rank!: number;
    @IsPositive() weight!: number;
    @IsEnum(Color) color!: Color;
    @IsEnum(Level) level!: Level;
    @IsIn([true]) flag!: boolean;
    @Matches(/^[A-Z]+$/) code!: string;
    @Field({ nullable: true, title: 'Notes', example: 'n' }) @IsOptional() @IsString() notes?: string | null;
    @ValidateNested({ each: true }) @Type(() => Thing) @ArrayMaxSize(3) things!: Thing[];
    @IsString({ each: true }) tags!: string[];
    @Field({ additionalProperties: Number, editor: 'dictionary' }) counts!: Record<string, number>;
    @Field({ type: 'binary', mediaKind: 'image' }) picture!: string;
    @Field({ type: { schema: { type: 'object', 'x-free': true } } }) free!: object;
    @Field({ type: () => Thing, summary: 'Best Thing', visibility: 'advanced' }) best!: Thing;
    @Field({ type: Date }) at!: Date;
    @Field({ required: false }) @IsBoolean() done!: boolean;
  }
  @Controller()
  class W {
    @Post('/w') @Returns(200, WidgetDto) post(@Body() _w: WidgetDto): void {}
  }

  it('maps constraints, nesting, enums, nullability and connector fields to the definition', () => {
    const { swagger } = emit([W]);
    assert.deepEqual(swagger.definitions.Widget, {
      type: 'object',
      description: 'A widget.',
      'x-ms-summary': 'Widget',
      properties: {
        id: { type: 'string', format: 'uuid', readOnly: true },
        name: { type: 'string', 'x-ms-summary': 'Name', minLength: 2, maxLength: 40 },
        email: { type: 'string', format: 'email' },
        rank: { type: 'integer', minimum: 0, maximum: 9 },
        weight: { type: 'number', minimum: 0, exclusiveMinimum: true },
        color: { type: 'string', enum: ['red', 'blue'] },
        level: {
          type: 'number',
          enum: [1, 2],
          'x-ms-enum-values': [
            { value: 1, displayName: 'Low' },
            { value: 2, displayName: 'High' },
          ],
        },
        flag: { type: 'boolean', enum: [true] },
        code: { type: 'string', pattern: '^[A-Z]+$' },
        notes: { type: 'string', title: 'Notes', 'x-nullable': true, example: 'n' },
        things: { type: 'array', maxItems: 3, items: { $ref: '#/definitions/Thing' } },
        tags: { type: 'array', items: { type: 'string' } },
        counts: { type: 'object', additionalProperties: { type: 'number' }, 'x-ms-editor': 'dictionary' },
        picture: { type: 'string', format: 'binary', 'x-ms-media-kind': 'image' },
        free: { type: 'object', 'x-free': true },
        best: {
          type: 'object',
          'x-ms-summary': 'Best Thing',
          'x-ms-visibility': 'advanced',
          properties: { name: { type: 'string', 'x-ms-summary': 'Name' } },
          required: ['name'],
          additionalProperties: false,
        },
        at: { type: 'string', format: 'date-time' },
        done: { type: 'boolean' },
      },
      required: [
        'name',
        'rank',
        'weight',
        'color',
        'level',
        'flag',
        'code',
        'things',
        'tags',
        'counts',
        'picture',
        'free',
        'best',
        'at',
      ],
      'x-w': 1,
    });
  });

  it('closes objects unless unknownProperties is "allow"', () => {
    assert.equal(emit([Things]).swagger.definitions.Thing.additionalProperties, false);
    assert.equal(
      emit([Things], { unknownProperties: 'allow' }).swagger.definitions.Thing.additionalProperties,
      undefined,
    );
  });

  it('sorts definitions by name and references classes once', () => {
    const { swagger } = emit([W]);
    assert.deepEqual(Object.keys(swagger.definitions), ['Thing', 'Widget']);
  });

  it('refers to the class of a property without a label, inlining only a labelled one', () => {
    class Part {
      @Field() sku!: string;
    }
    class Kit {
      @Field() main!: Part;
      @Field({ type: () => Part }) spare!: Part;
      @Field({ summary: 'Extra part' }) extra!: Part;
    }
    @Controller()
    class K {
      @Post('/k') @Returns(200) post(@Body() _k: Kit): void {}
    }
    // Before, @Field() recorded an empty `extensions`, which counted as a label: every class-typed
    // property was written out in place instead of as a $ref to its class's definition.
    const { properties } = emit([K]).swagger.definitions.Kit;
    assert.deepEqual(properties.main, { $ref: '#/definitions/Part' });
    assert.deepEqual(properties.spare, { $ref: '#/definitions/Part' });
    assert.equal(properties.extra['x-ms-summary'], 'Extra part');
    assert.equal(properties.extra.$ref, undefined);
  });

  it('ends a class that refers to itself, or to another that refers back, in a plain $ref', () => {
    // A labelled reference is inlined (nothing may stand beside $ref); before, a class that
    // reached itself that way was inlined until the stack ran out.
    class Person {
      @Field({ summary: 'Name' }) name!: string;
      @Field({ summary: 'Team', type: () => Team, required: false }) team?: object;
    }
    class Team {
      @Field({ summary: 'Lead', type: () => Person }) lead!: Person;
      @Field({ summary: 'Parent Team', type: () => Team, required: false }) parent?: Team;
    }
    @Controller()
    class C {
      @Post('/people') @Returns(200, Person) add(@Body() p: Person): Person {
        return p;
      }
    }
    const { swagger, openapi } = emit([C]);
    const { Person: person, Team: team } = swagger.definitions;
    // Each labelled reference keeps its label where it is first inlined; a second visit to a
    // class already being inlined is where the recursion ends.
    assert.equal(person.properties.team['x-ms-summary'], 'Team');
    assert.equal(person.properties.team.properties.lead['x-ms-summary'], 'Lead');
    assert.deepEqual(person.properties.team.properties.lead.properties.team, { $ref: '#/definitions/Team' });
    assert.deepEqual(person.properties.team.properties.parent, { $ref: '#/definitions/Team' });
    assert.equal(team.properties.parent['x-ms-summary'], 'Parent Team');
    assert.deepEqual(team.properties.parent.properties.parent, { $ref: '#/definitions/Team' });
    assert.deepEqual(openapi.components.schemas.Team.properties.parent.allOf, [{ $ref: '#/components/schemas/Team' }]);
  });
});

describe('golden: responses (@Returns)', () => {
  @Controller()
  class R {
    @Get('/r')
    @Returns(200, [Thing], { description: 'Things', summary: 'Things', extensions: { 'x-r': 1 } })
    @Returns(202, undefined, {
      headers: {
        Location: { description: 'Poll here.' },
        'Retry-After': { type: 'integer', summary: 'Wait' },
        // As a parameter's type is said; before, FP1018 refused the constructors.
        'X-Count': { type: Number },
        'X-Done': { type: Boolean },
        'X-Id': { type: String },
      },
    })
    @Returns('default', undefined, { description: 'Error' })
    get(): void {}

    @Get('/f') @Returns(200, 'file', { description: 'The file' }) file(): void {}
  }

  it('declares what a file answer is sent as, and a raw body is read as, where the operation lists no types of its own', () => {
    // Before, such an operation inherited the connector's application/json: the definition said
    // JSON where the runtime sent application/octet-stream (and OpenAPI 3 said so).
    @Controller()
    class F {
      @Get('/file') @Returns(200, 'file') file(): void {}
      @Get('/either') @Returns(200, Thing) @Returns(206, 'binary') either(): void {}
      @Get('/pdf') @Action({ summary: 'Pdf', produces: ['application/pdf'] }) @Returns(200, 'file') pdf(): void {}
      @Get('/json') @Returns(200, Thing) json(): void {}
      // Its body is a stream of bytes: before, it too inherited application/json.
      @Post('/upload') @Returns(204) upload(@Body({ type: 'binary' }) _b: unknown): void {}
    }
    const { swagger, openapi } = emit([F]);
    assert.deepEqual(swagger.paths['/upload'].post.consumes, ['application/octet-stream']);
    assert.deepEqual(Object.keys(openapi.paths['/upload'].post.requestBody.content), ['application/octet-stream']);
    const produces = (path: string) => swagger.paths[path].get.produces;
    assert.deepEqual(produces('/file'), ['application/octet-stream']);
    assert.deepEqual(produces('/either'), ['application/octet-stream', 'application/json']);
    assert.deepEqual(produces('/pdf'), ['application/pdf']);
    assert.equal(produces('/json'), undefined);
    assert.deepEqual(Object.keys(openapi.paths['/either'].get.responses['200'].content), ['application/json']);
    assert.deepEqual(Object.keys(openapi.paths['/either'].get.responses['206'].content), ['application/octet-stream']);
  });

  it('emits statuses in order with descriptions, schemas and headers', () => {
    const { swagger } = emit([R]);
    assert.deepEqual(swagger.paths['/r'].get.responses, {
      '200': {
        description: 'Things',
        'x-ms-summary': 'Things',
        schema: { type: 'array', items: { $ref: '#/definitions/Thing' } },
        'x-r': 1,
      },
      '202': {
        description: 'Accepted',
        headers: {
          Location: { type: 'string', description: 'Poll here.' },
          'Retry-After': { type: 'integer', 'x-ms-summary': 'Wait' },
          'X-Count': { type: 'number' },
          'X-Done': { type: 'boolean' },
          'X-Id': { type: 'string' },
        },
      },
      default: { description: 'Error' },
      '500': { description: 'Internal server error' },
    });
    assert.deepEqual(swagger.paths['/f'].get.responses['200'], { description: 'The file', schema: { type: 'file' } });
  });
});

describe('golden: dynamic values, schema and tree', () => {
  class Team {
    @IsString() id!: string;
    @IsString() title!: string;
  }
  class TeamPage {
    @ValidateNested({ each: true }) @Type(() => Team) value!: Team[];
  }
  class TaskSchema {
    @Field({ type: { schema: { type: 'object' } } }) schema!: object;
  }
  class Task {
    @Field({
      dynamicValues: {
        operation: () => D.prototype.teams,
        parameters: { org: param('org'), active: true },
        collection: 'value',
        value: 'id',
        title: 'title',
      },
    })
    @IsString()
    team!: string;
  }
  @Controller()
  class D {
    @Get('/orgs/{org}/teams') @Returns(200, TeamPage) teams(
      @Path('org') _o: string,
      @Query('active') _a: boolean,
    ): TeamPage {
      return { value: [] };
    }
    @Get('/orgs/{org}/schema') @Returns(200, TaskSchema) schema(@Path('org') _o: string): void {}
    @Post('/orgs/{org}/tasks')
    @Returns(200)
    create(
      @Path('org') _o: string,
      @Body({
        dynamicSchema: {
          operation: () => D.prototype.schema,
          parameters: { org: param('org') },
          valuePath: 'schema/properties',
        },
      })
      _t: Task,
    ): void {}
  }

  it('emits x-ms-dynamic-values with x-ms-dynamic-list, from a method reference', () => {
    const { swagger } = emit([D]);
    const team = swagger.definitions.Task.properties.team;
    assert.deepEqual(team['x-ms-dynamic-values'], {
      operationId: 'Teams',
      parameters: { org: { parameter: 'org' }, active: true },
      'value-collection': 'value',
      'value-path': 'id',
      'value-title': 'title',
    });
    assert.deepEqual(team['x-ms-dynamic-list'], {
      operationId: 'Teams',
      parameters: { org: { parameterReference: 'org' }, active: { value: true } },
      itemsPath: 'value',
      itemValuePath: 'id',
      itemTitlePath: 'title',
    });
  });

  it('emits x-ms-dynamic-schema with x-ms-dynamic-properties on the body schema root', () => {
    const { swagger } = emit([D]);
    const schema = swagger.paths['/orgs/{org}/tasks'].post.parameters[1].schema;
    assert.deepEqual(schema['x-ms-dynamic-schema'], {
      operationId: 'Schema',
      parameters: { org: { parameter: 'org' } },
      'value-path': 'schema/properties',
    });
    assert.deepEqual(schema['x-ms-dynamic-properties'], {
      operationId: 'Schema',
      parameters: { org: { parameterReference: 'org' } },
      itemValuePath: 'schema',
    }); // The flow sends the properties the schema operation names, which Task does not declare:
    // before, Task's closed definition was inlined here and the API refused every one of them.
    assert.equal(schema.additionalProperties, undefined);
    assert.deepEqual(Object.keys(schema.properties), ['team']);
    assert.equal(swagger.definitions.Task.additionalProperties, false, 'closed wherever else it is used');
  });

  it('opens a response class to a dynamic schema, and keeps a class closed by its own declaration', () => {
    class Row {
      @IsString() id!: string;
    }
    @Schema({ additionalProperties: false })
    class Fixed {
      @IsString() id!: string;
    }
    const dynamic = { operation: () => R.prototype.schema, valuePath: 'schema' };
    @Controller()
    class R {
      @Get('/schema') @Returns(200, TaskSchema) schema(): void {}
      @Get('/rows/{id}') @Returns(200, described(Row, { dynamicSchema: dynamic })) row(@Path('id') _i: string): void {}
      @Post('/fixed') @Returns(200) fixed(@Body({ dynamicSchema: dynamic }) _f: Fixed): void {}
    }
    const { swagger } = emit([R]);
    const row = swagger.paths['/rows/{id}'].get.responses['200'].schema;
    assert.deepEqual([row.properties, row.additionalProperties], [{ id: { type: 'string' } }, undefined]);
    assert.equal(swagger.paths['/fixed'].post.parameters[0].schema.additionalProperties, false);
  });

  it('emits x-ms-dynamic-tree with resolved operationIds', () => {
    @Controller()
    class T {
      @Get('/folders') @Returns(200, TeamPage) folders(): void {}
      @Get('/file')
      @Returns(200)
      file(
        @Query('path', {
          dynamicTree: {
            settings: { canSelectLeafNodes: true },
            open: {
              operation: () => T.prototype.folders,
              itemsPath: 'value',
              itemValuePath: 'id',
              itemTitlePath: 'title',
            },
          },
        })
        _p: string,
      ): void {}
    }
    const { swagger } = emit([T]);
    assert.deepEqual(swagger.paths['/file'].get.parameters[0]['x-ms-dynamic-tree'], {
      settings: { canSelectLeafNodes: true },
      open: { operationId: 'Folders', itemsPath: 'value', itemValuePath: 'id', itemTitlePath: 'title' },
    });
  });
});

describe('golden: triggers (webhookTrigger, pollingTrigger, @Trigger)', () => {
  class Event {
    @IsString() id!: string;
  }
  class Filter {
    @Field({ summary: 'Minimum' }) @IsOptional() @IsInt() min?: number;
  }
  const hook = webhookTrigger({
    id: 'OnEvent',
    path: '/hooks/events',
    summary: 'When an event occurs',
    description: 'This operation triggers when an event occurs.',
    payload: Event,
    filters: Filter,
    hint: 'Make an event.',
  });
  const poll = pollingTrigger({
    id: 'OnNew',
    path: '/poll',
    summary: 'When an event is new',
    description: 'This operation triggers when an event is new.',
    batch: false,
    item: Event,
    poll: () => ({ items: [], cursor: '' }),
  });

  it('generates the registration with path-level notification content, a 201 with Location, and the DELETE', () => {
    const { swagger } = emit([Things], { triggers: [hook] });
    const path = swagger.paths['/hooks/events'];
    assert.deepEqual(Object.keys(path), ['x-ms-notification-content', 'post']);
    assert.deepEqual(path['x-ms-notification-content'], {
      description: 'When an event occurs',
      schema: { $ref: '#/definitions/Event' },
    });
    assert.equal(path.post['x-ms-trigger'], 'single');
    assert.equal(path.post['x-ms-trigger-hint'], 'Make an event.');
    assert.deepEqual(Object.keys(path.post.responses), ['201', '400', '413', '415', '500']);
    assert.equal(path.post.responses['201'].headers.Location.type, 'string');
    assert.deepEqual(swagger.definitions.OnEventSubscription.required, ['callbackUrl']);
    assert.deepEqual(swagger.definitions.OnEventSubscription.properties.callbackUrl, {
      type: 'string',
      description: 'The URL the platform receives notifications on; filled in by the platform.',
      'x-ms-summary': 'Callback URL',
      'x-ms-visibility': 'internal',
      'x-ms-notification-url': true,
    });
    assert.deepEqual(swagger.definitions.OnEventSubscription.properties.min, {
      type: 'integer',
      'x-ms-summary': 'Minimum',
    });
    const del = swagger.paths['/hooks/events/{subscriptionId}'].delete;
    assert.equal(del.operationId, 'OnEventUnsubscribe');
    assert.equal(del['x-ms-visibility'], 'internal');
    assert.deepEqual(Object.keys(del.responses), ['204', '400', '404', '500']);
  });

  it('generates a polling operation with 200 and 202, Location and Retry-After, and polling metadata', () => {
    const { swagger } = emit([Things], { triggers: [poll] });
    const op = swagger.paths['/poll'].get;
    assert.equal(op['x-ms-trigger'], 'single');
    assert.deepEqual(op['x-ms-trigger-metadata'], { kind: 'query', mode: 'polling' });
    assert.deepEqual(op.responses['200'].schema, { $ref: '#/definitions/Event' });
    assert.deepEqual(Object.keys(op.responses['202'].headers), ['Location', 'Retry-After']);
    assert.equal(op.parameters.find((p: Json) => p.name === 'cursor')['x-ms-visibility'], 'internal');
  });

  it('emits hand-written triggers with their kind, hint and metadata', () => {
    @Controller()
    class Poll {
      @Get('/items')
      @Trigger({ kind: 'batch', summary: 'When items arrive', hint: 'Add items.', pollingMetadata: true })
      @Returns(200, [Thing])
      items(): void {}
    }
    const op = emit([Poll]).swagger.paths['/items'].get;
    assert.equal(op['x-ms-trigger'], 'batch');
    assert.equal(op['x-ms-trigger-hint'], 'Add items.');
    assert.deepEqual(op['x-ms-trigger-metadata'], { kind: 'query', mode: 'polling' });
  });

  it('lists triggers among the capabilities when there are any', () => {
    assert.deepEqual(emit([Things], { triggers: [poll] }).properties.properties.capabilities, ['actions', 'triggers']);
    assert.deepEqual(emit([Things]).properties.properties.capabilities, ['actions']);
  });
});

describe('golden: auth (one declaration → securityDefinitions and connectionParameters)', () => {
  it('apiKey in a header', () => {
    const { swagger, properties } = emit([Things], {
      auth: apiKey({
        in: 'header',
        name: 'X-Key',
        label: 'API Key',
        description: 'Your key.',
        tooltip: 'From the portal.',
      }),
    });
    assert.deepEqual(swagger.securityDefinitions, { api_key: { type: 'apiKey', in: 'header', name: 'X-Key' } });
    assert.deepEqual(swagger.security, [{ api_key: [] }]);
    assert.deepEqual(properties.properties.connectionParameters, {
      api_key: {
        type: 'securestring',
        uiDefinition: {
          displayName: 'API Key',
          description: 'Your key.',
          tooltip: 'From the portal.',
          constraints: { required: 'true', clearText: false },
        },
      },
    });
  });

  it('apiKey in the query with its own names', () => {
    const { swagger, properties } = emit([Things], {
      auth: apiKey({ in: 'query', name: 'key', label: 'Key', definitionName: 'query_key', parameterName: 'key' }),
    });
    assert.deepEqual(swagger.securityDefinitions, { query_key: { type: 'apiKey', in: 'query', name: 'key' } });
    assert.deepEqual(Object.keys(properties.properties.connectionParameters), ['key']);
  });

  it('basic', () => {
    const { swagger, properties } = emit([Things], { auth: basic({ usernameLabel: 'Email' }) });
    assert.deepEqual(swagger.securityDefinitions, { basic_auth: { type: 'basic' } });
    assert.deepEqual(properties.properties.connectionParameters, {
      username: { type: 'string', uiDefinition: { displayName: 'Email', constraints: { required: 'true' } } },
      password: {
        type: 'securestring',
        uiDefinition: { displayName: 'Password', constraints: { required: 'true', clearText: false } },
      },
    });
  });

  it('OAuth 2.0 with a named provider: the `token` parameter, custom URLs, no secret', () => {
    const { swagger, properties } = emit([Things], {
      auth: oauth2({
        identityProvider: 'oauth2',
        clientId: 'client',
        scopes: ['read'],
        authorizationUrl: 'https://id.example.com/authorize',
        tokenUrl: 'https://id.example.com/token',
        refreshUrl: 'https://id.example.com/refresh',
      }),
    });
    assert.deepEqual(swagger.securityDefinitions.oauth2_auth, {
      type: 'oauth2',
      flow: 'accessCode',
      authorizationUrl: 'https://id.example.com/authorize',
      tokenUrl: 'https://id.example.com/token',
      scopes: { read: 'read' },
    });
    assert.deepEqual(properties.properties.connectionParameters.token, {
      type: 'oauthSetting',
      oAuthSettings: {
        identityProvider: 'oauth2',
        clientId: 'client',
        scopes: ['read'],
        redirectMode: 'Global',
        redirectUrl: 'https://global.consent.azure-apim.net/redirect',
        properties: { IsFirstParty: 'False' },
        customParameters: {
          authorizationUrl: { value: 'https://id.example.com/authorize' },
          tokenUrl: { value: 'https://id.example.com/token' },
          refreshUrl: { value: 'https://id.example.com/refresh' },
        },
      },
    });
  });

  it('AAD with token:TenantId, and oauth2generic templates', () => {
    const entra = emit([Things], {
      auth: aad({ clientId: 'c', resourceUri: 'api://r', tenantParameter: true }),
    }).properties;
    assert.equal(entra.properties.connectionParameters.token.oAuthSettings.identityProvider, 'aad');
    assert.deepEqual(entra.properties.connectionParameters.token.oAuthSettings.customParameters, {
      loginUri: { value: 'https://login.microsoftonline.com' },
      tenantId: { value: 'common' },
      resourceUri: { value: 'api://r' },
    });
    assert.deepEqual(entra.properties.connectionParameters['token:TenantId'], {
      type: 'string',
      metadata: { sourceType: 'AzureActiveDirectoryTenant' },
      uiDefinition: { constraints: { required: 'false', hidden: 'true' } },
    });
    const generic = emit([Things], {
      auth: oauth2Generic({
        clientId: 'c',
        authorizationUrl: 'https://a',
        tokenUrl: 'https://t',
        templates: { tokenUrlTemplate: 'https://t?x={ClientId}', scopeListDelimiter: ' ' },
      }),
    }).properties;
    assert.deepEqual(generic.properties.connectionParameters.token.oAuthSettings.customParameters, {
      tokenUrlTemplate: { value: 'https://t?x={ClientId}' },
      scopeListDelimiter: { value: ' ' },
    });
  });

  it("a redirect URL of the connector's own: GlobalPerConnector, with no redirectUrl, which the platform gives", () => {
    // Before, aad() took no redirectMode, and any OAuth connection was written with the shared URL.
    const own = emit([Things], {
      auth: aad({ clientId: 'c', resourceUri: 'api://r', redirectMode: 'GlobalPerConnector' }),
    }).properties.properties.connectionParameters.token.oAuthSettings;
    assert.equal(own.redirectMode, 'GlobalPerConnector');
    assert.equal('redirectUrl' in own, false);
    const shared = emit([Things], { auth: aad({ clientId: 'c', resourceUri: 'api://r' }) }).properties.properties
      .connectionParameters.token.oAuthSettings;
    assert.deepEqual(
      [shared.redirectMode, shared.redirectUrl],
      ['Global', 'https://global.consent.azure-apim.net/redirect'],
    );
  });

  it('AAD with on-behalf-of login: offered in the settings as the connectors that offer it write it', () => {
    const { properties } = emit([Things], {
      auth: aad({ clientId: 'c', resourceUri: 'api://r', tenantId: 'contoso.com', onBehalfOfLogin: true }),
    });
    const settings = properties.properties.connectionParameters.token.oAuthSettings;
    assert.deepEqual(settings.properties, {
      IsFirstParty: 'False',
      AzureActiveDirectoryResourceId: 'api://r',
      IsOnbehalfofLoginSupported: true,
    });
    assert.deepEqual(settings.customParameters, {
      loginUri: { value: 'https://login.microsoftonline.com' },
      tenantId: { value: 'contoso.com' },
      resourceUri: { value: 'api://r' },
      enableOnbehalfOfLogin: { value: 'true' },
    });
  });

  it('AAD declares the 503 with Retry-After that unreachable signing keys give; other methods do not', () => {
    // The adapter answers 503 when the tenant's keys cannot be fetched (not the caller's 401).
    const entra = emit([Things], { auth: aad({ clientId: 'c', resourceUri: 'api://r' }) }).swagger;
    const responses = entra.paths['/things'].get.responses;
    assert.deepEqual(Object.keys(responses), ['200', '401', '500', '503']);
    assert.deepEqual(responses['503'].headers, {
      'Retry-After': { type: 'integer', description: 'Seconds to wait before trying again.' },
    });
    // Described in the connector, whose designer reads one output schema; typed in OpenAPI 3.
    assert.match(responses['503'].description, /^Service unavailable/);
    const keyed = emit([Things], { auth: apiKey({ in: 'header', name: 'x-key', label: 'Key' }) }).swagger;
    assert.deepEqual(Object.keys(keyed.paths['/things'].get.responses), ['200', '401', '500']);
  });

  it('operation scopes join the OAuth definition and the operation requirement', () => {
    @Controller()
    class S {
      @Post('/s') @Action({ summary: 'Write', scopes: ['items.write'] }) @Returns(200) write(): void {}
    }
    const { swagger } = emit([S], { auth: aad({ clientId: 'c', resourceUri: 'api://r', scopes: ['items.read'] }) });
    assert.deepEqual(swagger.securityDefinitions.oauth2_auth.scopes, {
      'items.read': 'items.read',
      'items.write': 'items.write',
    });
    assert.deepEqual(swagger.paths['/s'].post.security, [{ oauth2_auth: ['items.write'] }]);
  });

  it('multi-auth emits connectionParameterSets and one definition per method', () => {
    const { swagger, properties } = emit([Things], {
      auth: authChoice({
        displayName: 'Sign in',
        options: [
          { name: 'key', displayName: 'Key', auth: apiKey({ in: 'header', name: 'k', label: 'Key' }) },
          { name: 'user', displayName: 'User', auth: basic() },
        ],
      }),
      connectionParameters: {
        region: connectionParameter({ type: 'string', displayName: 'Region', defaultValue: 'eu' }),
      },
    });
    assert.deepEqual(Object.keys(swagger.securityDefinitions), ['api_key', 'basic_auth']);
    const sets = properties.properties.connectionParameterSets;
    assert.equal(properties.properties.connectionParameters, undefined);
    assert.deepEqual(sets.uiDefinition, { displayName: 'Sign in' });
    assert.deepEqual(
      sets.values.map((v: Json) => [v.name, Object.keys(v.parameters)]),
      [
        ['key', ['api_key', 'region']],
        ['user', ['username', 'password', 'region']],
      ],
    );
    assert.deepEqual(sets.values[0].parameters.region, {
      type: 'string',
      uiDefinition: { displayName: 'Region' },
      defaultValue: 'eu',
    });
  });

  it('no auth: empty securityDefinitions and no connection parameters', () => {
    const { swagger, properties } = emit([Things]);
    assert.deepEqual(swagger.securityDefinitions, {});
    assert.equal(swagger.security, undefined);
    assert.deepEqual(properties.properties.connectionParameters, {});
  });
});

describe('golden: policies scoped by method reference', () => {
  it('emits template instances with prefixed parameters, section and operation names', () => {
    const { properties } = emit([Things], {
      policies: [
        dynamicHostUrl({ urlTemplate: "https://@connectionParameters('host')" }),
        setHeader({ name: 'X-A', value: '1', section: 'Response', operations: [() => Things.prototype.list] }),
        routeRequestToEndpoint({ title: 'Route', newPath: '/things/' }),
        updateNextLink({ nextLinkPropertyName: 'next' }),
      ],
    });
    assert.deepEqual(properties.properties.policyTemplateInstances, [
      {
        templateId: 'dynamichosturl',
        title: 'Set host URL',
        parameters: { 'x-ms-apimTemplateParameter.urlTemplate': "https://@connectionParameters('host')" },
      },
      {
        templateId: 'setheader',
        title: 'Set header X-A',
        parameters: {
          'x-ms-apimTemplateParameter.name': 'X-A',
          'x-ms-apimTemplateParameter.value': '1',
          'x-ms-apimTemplateParameter.existsAction': 'override',
          'x-ms-apimTemplate-policySection': 'Response',
          'x-ms-apimTemplate-operationName': ['ListThings'],
        },
      },
      {
        templateId: 'routerequesttoendpoint',
        title: 'Route',
        parameters: { 'x-ms-apimTemplateParameter.newPath': '/things/' },
      },
      {
        templateId: 'updatenextlink',
        title: 'Update next link',
        parameters: { 'x-ms-apimTemplateParameter.nextLinkPropertyName': 'next' },
      },
    ]);
  });
});

describe('golden: connector level (info, metadata, capabilities, settings, extensions)', () => {
  const full = (): Partial<ConnectorOptions> => ({
    info: {
      title: 'Full',
      description: 'A connector with every connector-level option set for a test.',
      version: '3.0.0',
      contact: { name: 'Team', email: 'team@example.com' },
      status: 'Production',
      deploymentVersion: '1.0.4',
      keywords: ['a', 'b'],
      extensions: { 'x-i': 1 },
    },
    host: 'api.example.com',
    basePath: '/v3',
    schemes: ['https', 'http'],
    consumes: ['application/json', 'text/plain'],
    brandColor: '#AA0000',
    publisher: 'Pub',
    stackOwner: 'Owner',
    metadata: { website: 'https://example.com', privacyPolicy: 'https://example.com/p', categories: ['AI', 'Data'] },
    capabilities: ['actions'],
    testConnection: { operation: () => Things.prototype.list },
    icon: 'icon.png',
    script: { file: 'script.csx', operations: [() => Things.prototype.list] },
    extensions: { 'x-root': true },
  });

  it('emits the root in a fixed order with info, metadata and capabilities', () => {
    const { swagger } = emit([Things], full());
    assert.deepEqual(Object.keys(swagger), [
      'swagger',
      'info',
      'host',
      'basePath',
      'schemes',
      'consumes',
      'produces',
      'paths',
      'definitions',
      'securityDefinitions',
      'x-ms-connector-metadata',
      'x-ms-capabilities',
      'x-root',
    ]);
    assert.deepEqual(swagger.info, {
      title: 'Full',
      description: 'A connector with every connector-level option set for a test.',
      version: '3.0.0',
      contact: { name: 'Team', email: 'team@example.com' },
      'x-ms-api-annotation': { status: 'Production' },
      'x-ms-deployment-version': '1.0.4',
      'x-ms-keywords': ['a', 'b'],
      'x-i': 1,
    });
    assert.deepEqual(swagger['x-ms-connector-metadata'], [
      { propertyName: 'Website', propertyValue: 'https://example.com' },
      { propertyName: 'Privacy policy', propertyValue: 'https://example.com/p' },
      { propertyName: 'Categories', propertyValue: 'AI;Data' },
    ]);
    assert.deepEqual(swagger['x-ms-capabilities'], { testConnection: { operationId: 'ListThings' } });
  });

  it('emits apiProperties branding and script operations, and settings.json', () => {
    const { properties, settings } = emit([Things], full());
    assert.deepEqual(properties, {
      properties: {
        connectionParameters: {},
        iconBrandColor: '#AA0000',
        scriptOperations: ['ListThings'],
        capabilities: ['actions'],
        publisher: 'Pub',
        stackOwner: 'Owner',
      },
    });
    assert.deepEqual(settings, {
      apiDefinition: 'apiDefinition.swagger.json',
      apiProperties: 'apiProperties.json',
      icon: 'icon.png',
      script: 'script.csx',
    });
  });

  it('is byte-deterministic: the same declarations emit the same bytes', () => {
    const a = emit([Things], full()).files;
    const b = emit([Things], full()).files;
    assert.deepEqual(a, b);
    for (const text of Object.values(a)) {
      assert.ok(text.endsWith('}\n'), 'trailing newline');
      assert.ok(!text.includes('\r'), 'LF line ends');
      assert.match(text, /^\{\n {2}"/, '2-space indent');
    }
  });
});

describe('golden: OpenAPI 3 document', () => {
  it('uses servers, components, nullable, requestBody and callbacks', () => {
    class Msg {
      @Field({ nullable: true }) @IsOptional() @IsString() text?: string | null;
    }
    const hook = webhookTrigger({
      id: 'OnMsg',
      path: '/hooks',
      summary: 'When a message arrives',
      description: 'This operation triggers when a message arrives.',
      payload: Msg,
    });
    @Controller()
    class M {
      @Post('/m') @Returns(200, Msg) post(@Body() _m: Msg): void {}
    }
    const { openapi } = emit([M], {
      host: 'api.example.com',
      basePath: '/v1',
      triggers: [hook],
      auth: apiKey({ in: 'header', name: 'k', label: 'Key' }),
    });
    assert.deepEqual(openapi.servers, [
      { url: './v1', description: 'The server this document is served from' },
      { url: 'https://api.example.com/v1', description: 'Production' },
    ]);
    assert.deepEqual(openapi.components.schemas.Msg.properties.text, { type: 'string', nullable: true });
    assert.deepEqual(openapi.components.securitySchemes, { api_key: { type: 'apiKey', in: 'header', name: 'k' } });
    assert.deepEqual(openapi.paths['/m'].post.requestBody, {
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Msg' } } },
    });
    const callback = openapi.paths['/hooks'].post.callbacks.notification['{$request.body#/callbackUrl}'].post;
    assert.deepEqual(callback.requestBody.content['application/json'].schema, { $ref: '#/components/schemas/Msg' });
  });

  it('publishes a base path without its trailing slash, which would double the slash before each path', () => {
    // Before, "/v1/" was written as is: Swagger UI called ./v1//m, which the router does not serve.
    @Controller()
    class M {
      @Post('/m') @Returns(204) post(): void {}
    }
    const { swagger, openapi } = emit([M], { host: 'api.example.com', basePath: '/v1//' });
    assert.equal(swagger.basePath, '/v1');
    assert.deepEqual(
      openapi.servers.map((s: { url: string }) => s.url),
      ['./v1', 'https://api.example.com/v1'],
    );
  });
});

describe('golden: OpenAPI 3 callbacks for hand-written webhooks', () => {
  it('finds the notification-url field through the body DTO reference', () => {
    class Reg {
      @Field({ notificationUrl: true, visibility: 'internal', type: String }) hook!: string;
    }
    @Controller()
    class H {
      @Post('/hooks')
      @Trigger({ kind: 'single', summary: 'When it happens', notificationContent: { type: Thing } })
      @Returns(201)
      reg(@Body() _b: Reg): void {}
      @Delete('/hooks/{id}') @Returns(204) del(@Path('id') _id: string): void {}
    }
    const { openapi } = emit([H]);
    assert.deepEqual(Object.keys(openapi.paths['/hooks'].post.callbacks.notification), ['{$request.body#/hook}']);
  });

  it('writes a query list in OpenAPI 3 as its collectionFormat says, not as exploded form', () => {
    // Before, no style was written, so OpenAPI 3 readers (Swagger UI's "Try it out") sent
    // ?ids=1&ids=2 for a list the connector sends as ?ids=1,2.
    @Controller()
    class L {
      @Get('/l/{keys}')
      @Returns(200)
      list(
        @Path('keys', { items: String }) _k: string[],
        @Query('ids', { items: Number }) _i: number[],
        @Query('tags', { items: String, collectionFormat: 'pipes' }) _t: string[],
        @Query('each', { items: String, collectionFormat: 'multi' }) _e: string[],
        @Query('top', { type: Number }) _top: number,
      ): void {}
    }
    const { openapi } = emit([L]);
    const styles = openapi.paths['/l/{keys}'].get.parameters.map((p: Json) => [p.name, p.style, p.explode]);
    assert.deepEqual(styles, [
      ['keys', undefined, undefined],
      ['ids', 'form', false],
      ['tags', 'pipeDelimited', false],
      ['each', 'form', true],
      ['top', undefined, undefined],
    ]);
  });

  it('names the class when a parameter decorator is put on a constructor', () => {
    assert.throws(() => {
      class Wrong {
        constructor(@Query('q') readonly q: string) {}
      }
      return Wrong;
    }, /@Query on constructor parameter #0 of Wrong: Flowport parameter decorators go on handler method parameters/);
  });

  it('says where a decorator goes when it is put on the wrong kind of thing', () => {
    // TypeScript refuses these, but flowport build does not type-check, nor does JavaScript.
    // Before, @Returns on a class read "on static member A.undefined… remove static", and the
    // others were recorded where nothing looks, without a word.
    class A {}
    const apply =
      (decorator: unknown, ...args: unknown[]) =>
      () =>
        (decorator as (...a: unknown[]) => void)(...args);
    const cases: [() => void, string][] = [
      [apply(Returns(200), A), '@Returns goes on a handler method; it was applied to the class A'],
      [apply(Get('/x'), A), '@Get goes on a handler method; it was applied to the class A'],
      [apply(Field(), A), '@Field goes on a DTO property; it was applied to the class A'],
      [apply(FlowportIsString(), A), '@IsString goes on a DTO property; it was applied to the class A'],
      [apply(Controller('/x'), A.prototype, 'list', {}), '@Controller goes on a class; it was applied to A.list'],
      [apply(Schema({}), A.prototype, 'name'), '@Schema goes on a class; it was applied to A.name'],
      [
        apply(Query('q'), A.prototype, 'name', undefined),
        '@Query goes on a parameter of a handler method; it was applied to A.name',
      ],
      [
        apply(Header('Cache-Control'), A.prototype, 'list', {}),
        "@Header goes on a parameter of a handler method; it was applied to A.list; to set a header of the answer, declare it in @Returns(…, { headers }) and return reply(status, body, { 'Cache-Control': … })",
      ],
      [
        apply(Body(), A, undefined, undefined),
        '@Body goes on a parameter of a handler method; it was applied to the class A',
      ],
    ];
    for (const [run, message] of cases) assert.throws(run, { name: 'TypeError', message });
  });

  it("refuses a DTO property's decorator on a handler's parameter, saying how the parameter's options say it", () => {
    // TypeScript refuses these (TS1239), but flowport build does not type-check, nor does
    // JavaScript. Before, each was recorded on a property named as the method, which nothing
    // reads: @Min(1) on a query parameter was neither published nor enforced, and @Visibility on
    // a second parameter made the whole operation internal.
    class A {}
    const onParameter = (decorator: unknown, key: string | undefined, position: number) => () =>
      (decorator as (...a: unknown[]) => void)(key === undefined ? A : A.prototype, key, position);
    const constraints =
      "a parameter takes its constraints in its options (minimum, maximum, minLength, maxLength, pattern, enum, required…), such as @Query('top', { minimum: 1, required: false }); or take a class of query parameters, @Query() query: ListQuery, whose properties carry constraints";
    const labels =
      "a parameter takes these in its options, such as @Query('top', { summary: 'Top', description: '…', visibility: 'advanced' })";
    const cases: [() => void, string][] = [
      [
        onParameter(FlowportMin(1), 'list', 0),
        `@Min goes on a DTO property; it was applied to parameter #0 of A.list: ${constraints}`,
      ],
      [
        onParameter(Summary('Top'), 'list', 1),
        `@Summary goes on a DTO property; it was applied to parameter #1 of A.list: ${labels}`,
      ],
      [
        onParameter(Visibility('internal'), 'list', 1),
        `@Visibility goes on a DTO property; it was applied to parameter #1 of A.list: ${labels}`,
      ],
      [
        onParameter(Field(), undefined, 0),
        `@Field goes on a DTO property; it was applied to constructor parameter #0 of A: ${labels}`,
      ],
    ];
    for (const [run, message] of cases) assert.throws(run, { name: 'TypeError', message });
  });

  it('says which compiler options to set when a member decorator is called as an ECMAScript decorator', () => {
    // TypeScript 5 compiles those without experimentalDecorators. Before, the module failed to load
    // with "Cannot read properties of undefined (reading 'constructor')".
    const context = (kind: string, name: string) => ({ kind, name, static: false, private: false, metadata: {} });
    const fix =
      'was called as an ECMAScript decorator; Flowport\'s are TypeScript\'s experimental decorators: set "experimentalDecorators": true and "emitDecoratorMetadata": true in the compilerOptions of tsconfig.json';
    const cases: [unknown, unknown, string][] = [
      [FlowportIsString(), undefined, `@IsString on name ${fix}`],
      [Field(), undefined, `@Field on name ${fix}`],
      [Get('/'), () => [], `@Get on list ${fix}`],
      [Returns(200), () => [], `@Returns on list ${fix}`],
    ];
    for (const [decorator, value, message] of cases) {
      const kind = typeof value === 'function' ? 'method' : 'field';
      const name = kind === 'method' ? 'list' : 'name';
      assert.throws(() => (decorator as (...a: unknown[]) => void)(value, context(kind, name)), {
        name: 'TypeError',
        message,
      });
    }
  });

  it('names the class and member when a decorator is put on a static member', () => {
    // Before, the record landed on Function (a static member's target is the class, whose
    // constructor is Function): the method was silently no operation, the property no field.
    const cases: [string, () => unknown][] = [
      [
        '@Get on static member Static.list',
        () => {
          class Static {
            @Get('/') static list(): void {}
          }
          return Static;
        },
      ],
      [
        '@Returns on static member Static.list',
        () => {
          class Static {
            @Returns(200) static list(): void {}
          }
          return Static;
        },
      ],
      [
        '@Action on static member Static.list',
        () => {
          class Static {
            @Action({ summary: 'List' }) static list(): void {}
          }
          return Static;
        },
      ],
      [
        '@Query on static member Static.list',
        () => {
          class Static {
            static list(@Query('q') _q: string): void {}
          }
          return Static;
        },
      ],
      [
        '@Summary on static member Static.label',
        () => {
          class Static {
            @Summary('Label') static label = 'a';
          }
          return Static;
        },
      ],
      [
        '@IsString on static member Static.label',
        () => {
          class Static {
            @FlowportIsString() static label = 'a';
          }
          return Static;
        },
      ],
    ];
    for (const [message, declare] of cases) {
      assert.throws(declare, (err: Error) => {
        assert.equal(err.message, `${message}: Flowport reads instance methods and properties; remove \`static\``);
        return true;
      });
    }
  });

  it('refuses a member named by a symbol, and a DTO property named __proto__', () => {
    // Before, a symbol's description became the name: the schema required a property
    // "Symbol(s)" that the instance never had, and a handler was looked up by that string (a 500
    // at every call). A __proto__ property's schema was written onto the prototype of the
    // schema's properties, so the definition required a property it did not describe.
    const s = Symbol('s');
    const cases: [() => unknown, string][] = [
      [
        () => {
          class Keyed {
            @Field({ type: String }) [s]!: string;
          }
          return Keyed;
        },
        '@Field on Keyed[Symbol(s)]: a symbol names no JSON property or handler; give a DTO property a string name',
      ],
      [
        () => {
          class Keyed {
            @Get('/') [s](): void {}
          }
          return Keyed;
        },
        '@Get on Keyed[Symbol(s)]: a symbol names no JSON property or handler; give a handler method a string name',
      ],
      [
        () => {
          class Proto {
            @Field({ type: String }) ['__proto__']!: string;
          }
          return Proto;
        },
        "@Field on Proto.__proto__: no request may carry a property of that name, since it could reach an object's prototype; rename the property",
      ],
      [
        () => {
          class Proto {
            @FlowportIsString() ['__proto__']!: string;
          }
          return Proto;
        },
        "@IsString on Proto.__proto__: no request may carry a property of that name, since it could reach an object's prototype; rename the property",
      ],
    ];
    for (const [declare, message] of cases) assert.throws(declare, { name: 'TypeError', message });
  });
});

describe('golden: numeric enums name their members for the designer', () => {
  enum Priority {
    Low = 1,
    Medium = 2,
    High = 3,
  }
  enum Colour {
    Red = 'red',
    Blue = 'blue',
  }
  const named = [
    { value: 1, displayName: 'Low' },
    { value: 2, displayName: 'Medium' },
    { value: 3, displayName: 'High' },
  ];
  class Task {
    @IsEnum(Priority) priority!: Priority;
    @IsEnum(Priority, { each: true }) @Field({ type: [Number] }) others!: Priority[];
    @IsEnum(Colour) colour!: Colour;
    @Field({ enumValues: [{ value: 1, displayName: 'Whenever' }] }) @IsEnum(Priority) chosen!: Priority;
  }
  @Controller()
  class T {
    @Post('/tasks')
    @Returns(200)
    post(@Body() _t: Task, @Query('at', { enum: Priority, type: Number }) _at: Priority): void {}
  }

  it('writes x-ms-enum-values from the names of a numeric enum, and nothing for a string enum', () => {
    const { swagger } = emit([T]);
    const props = swagger.definitions.Task.properties as Json;
    assert.deepEqual(props.priority['x-ms-enum-values'], named);
    assert.deepEqual(props.others.items['x-ms-enum-values'], named);
    assert.equal(props.colour['x-ms-enum-values'], undefined, 'a string value already says what it is');
    assert.deepEqual(props.chosen['x-ms-enum-values'], [{ value: 1, displayName: 'Whenever' }], 'declared names win');
    const at = (swagger.paths['/tasks'].post.parameters as Json[]).find((p) => p.name === 'at') as Json;
    assert.deepEqual(at['x-ms-enum-values'], named);
  });

  it('lists a tag the controller and the operation both give once, and a value given twice to @IsIn', () => {
    // Before, each was written twice, which Swagger 2.0 refuses (uniqueItems).
    class Picked {
      @IsIn(['a', 'a', 'b']) pick!: string;
    }
    @Controller('/tagged', { tags: ['Items'] })
    class Tagged {
      @Post('/') @Action({ summary: 'Post', tags: ['Items', 'Reports'] }) @Returns(200) post(
        @Body() _p: Picked,
      ): void {}
    }
    const { swagger } = emit([Tagged]);
    assert.deepEqual(swagger.paths['/tagged'].post.tags, ['Items', 'Reports']);
    assert.deepEqual(swagger.definitions.Picked.properties.pick.enum, ['a', 'b']);
  });

  it('lists a value two names share once, under its first name', () => {
    // Before, `Low = 1, Minimal = 1` was published as enum [1, 1, …], which Swagger 2.0 refuses.
    /* eslint-disable @typescript-eslint/no-duplicate-enum-values -- aliases, as users write them */
    enum Level {
      Low = 1,
      Minimal = 1,
      High = 2,
    }
    enum Mode {
      Fast = 'fast',
      Quick = 'fast',
      Slow = 'slow',
    }
    /* eslint-enable @typescript-eslint/no-duplicate-enum-values */
    class Aliased {
      @IsEnum(Level) level!: Level;
      @IsEnum(Mode) mode!: Mode;
    }
    @Controller()
    class A {
      @Post('/aliased') @Returns(200) post(@Body() _a: Aliased): void {}
    }
    const props = emit([A]).swagger.definitions.Aliased.properties as Json;
    assert.deepEqual(props.level.enum, [1, 2]);
    assert.deepEqual(props.level['x-ms-enum-values'], [
      { value: 1, displayName: 'Low' },
      { value: 2, displayName: 'High' },
    ]);
    assert.deepEqual(props.mode.enum, ['fast', 'slow']);
  });
});

describe('golden: field initialisers of optional properties are their defaults', () => {
  let made = 0;
  class Inner {
    @IsString() name = 'inner';
  }
  class Options {
    @IsOptional() @IsInt() top: number = 10;
    @IsOptional() @IsString() mode?: string = 'fast';
    @IsOptional() @IsString({ each: true }) tags?: string[] = ['a'];
    @Field({ default: 3 }) @IsOptional() @IsInt() chosen?: number = 5;
    // Required: a request always carries it, so the handler never sees the initialiser.
    @IsString() name: string = '';
    // Another value at each build, or no JSON value: none is published.
    @IsOptional() @IsInt() made?: number = ++made;
    // The time of the build: two instances made in one millisecond agreed, and it was published.
    @IsOptional() @IsInt() stamp?: number = Date.now();
    @IsOptional() @IsString() day?: string = new Date().toISOString().slice(0, 10);
    @IsOptional() @IsInt() year?: number = new Date().getFullYear();
    @IsOptional() @IsString() weekday?: string = Date().slice(0, 3);
    @Field({ type: Date }) @IsOptional() at?: Date = new Date(0);
    @IsOptional() @IsString() epoch?: string = new Date(0).toISOString();
    @IsOptional() @ValidateNested() inner?: Inner = new Inner();
  }
  @Controller()
  class O {
    @Post('/o') @Returns(200) post(@Body() _o: Options): void {}
  }

  it('publishes what the handler sees where a request leaves the property out', () => {
    const { swagger, openapi } = emit([O]);
    const props = swagger.definitions.Options.properties as Json;
    const defaults = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, (v as Json).default]));
    assert.deepEqual(defaults, {
      top: 10,
      mode: 'fast',
      tags: ['a'],
      chosen: 3, // the declared default wins
      name: undefined,
      made: undefined,
      stamp: undefined,
      day: undefined,
      year: undefined,
      weekday: undefined,
      at: undefined,
      epoch: '1970-01-01T00:00:00.000Z',
      inner: undefined,
    });
    assert.equal(Date, globalThis.Date, 'the clock is the real one again');
    assert.equal(openapi.components.schemas.Options.properties.top.default, 10);
  });

  it('refuses an initialiser its own schema refuses (FP1414), and reads none from a constructor that throws', () => {
    class Bad {
      @IsOptional() @IsInt() @Min(1) top?: number = 0;
    }
    @Controller()
    class B {
      @Post('/b') @Returns(200) post(@Body() _b: Bad): void {}
    }
    assert.throws(() => emit([B]), /FP1414[\s\S]*default 0 is below the minimum 1/);
    class Strict {
      @IsOptional() @IsInt() top?: number = 10;
      constructor(init: { top: number }) {
        this.top = init.top;
      }
    }
    @Controller()
    class S {
      @Post('/s') @Returns(200) post(@Body() _s: Strict): void {}
    }
    assert.equal(emit([S]).swagger.definitions.Strict.properties.top.default, undefined);
  });
});
