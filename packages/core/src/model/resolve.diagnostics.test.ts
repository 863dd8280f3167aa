import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { Exclude, Expose, Transform, Type } from 'class-transformer';
import { IsEmail, IsInt, IsLatLong, IsNumber, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { aad, apiKey, authChoice, oauth2 } from '../auth/auth';
import { connectionParameter } from '../auth/connection-parameters';
import { Controller, type ControllerOptions } from '../decorators/controller';
import { Field, Schema, type FieldOptions } from '../decorators/field';
import { Delete, Get, Head, Post, Put } from '../decorators/http';
import { Action, Trigger, type ActionOptions, type TriggerOptions } from '../decorators/operation';
import {
  Body,
  Exchange,
  FormField,
  FormFile,
  Header,
  Identity,
  Path,
  Query,
  type Identity as IdentityType,
  type ParameterOptions,
} from '../decorators/params';
import { Returns, type ResponseOptions } from '../decorators/returns';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsDivisibleBy,
  IsIn,
  IsPositive,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  MinLength,
} from '../decorators/constraints';
import { Connector, type ConnectorOptions } from '../connector';
import { described, param, type Class, type DynamicArgument, type Extensions } from '../types';
import { catalogEntries } from '../diagnostics/catalog';
import {
  convertArrayToObject,
  convertObjectToArray,
  policy,
  pollingTriggerPolicy,
  routeRequestToEndpoint,
  setHeader,
  setProperty,
  stringToArray,
  type PolicyDeclaration,
} from '../policies/templates';
import { pollingTrigger, type TriggerDeclaration } from '../triggers/declarations';
import { formatLocation } from '../diagnostics/location';
import { connectorOf, diagnosticsOf, expectDiagnostic, resolved } from '../test-support/connectors';
import { connectorDefinition } from '../emit/connector/swagger';
import { resolve } from './resolve';
import { Page } from '../paging';

const tested = new Set<string>();
function check(code: string, name: string, run: () => void): void {
  tested.add(code);
  it(`${code} ${name}`, run);
}

/** A type whose metadata is Object: a property may refer to a class declared below it. */
type Later<T> = T;

/** A value of another type than the option takes, as JavaScript (or an unchecked build) passes it. */
const loose = <T>(v: unknown) => v as T;

/** The diagnostics resolve() threw (of `code`, when given), each as "location: message". */
function reported(connector: Connector, code?: string): string[] {
  return diagnosticsOf(connector)
    .filter((d) => code === undefined || d.code === code)
    .map((d) => `${formatLocation(d.at)}: ${d.message}`);
}

class Dto {
  @IsString()
  name!: string;
}

@Controller('/t')
class Target {
  @Get('/list/{group}')
  @Action({ summary: 'List', description: 'Lists.' })
  @Returns(200, Dto)
  list(@Path('group') _g: string): Dto {
    return { name: '' };
  }
}

/** A polling trigger of events, OnEvent, with the filters given. */
function eventTrigger(filters?: Class): ReturnType<typeof pollingTrigger> {
  class Event {
    @IsString() id!: string;
  }
  return pollingTrigger({
    id: 'OnEvent',
    path: '/events',
    summary: 'When an event happens',
    description: 'This operation triggers when an event happens.',
    batch: true,
    item: Event,
    filters,
    poll: () => ({ items: [], cursor: '' }),
  });
}

describe('resolve() diagnostics: each catalog entry, with code, message and location', () => {
  check('FP1001', 'duplicate operationId', () => {
    @Controller()
    class C {
      @Get('/a') @Action({ id: 'Same', summary: 'A' }) @Returns(200) a(): void {}
      @Get('/b') @Action({ id: 'Same', summary: 'B' }) @Returns(200) b(): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1001', 'operationId "Same" is used by C.a and C.b', {
      class: 'C',
      method: 'b',
    });
    assert.equal(
      diagnosticsOf(connectorOf([C])).find((d) => d.code === 'FP1001')?.hint,
      'Give one of them an explicit id: @Action({ id: "…" }).',
    );
    // Two controllers that inherit one method cannot give it two ids in the base class: before,
    // the hint sent the user there.
    abstract class CrudBase {
      @Get('/{id}') @Action({ summary: 'Get one' }) @Returns(200) one(@Path('id') _id: string): void {}
    }
    @Controller('/cats')
    class Cats extends CrudBase {}
    @Controller('/dogs')
    class Dogs extends CrudBase {}
    assert.deepEqual(
      diagnosticsOf(connectorOf([Cats, Dogs]))
        .filter((d) => d.code === 'FP1001')
        .map((d) => [d.message, d.hint]),
      [
        [
          'operationId "One" is used by Cats.one and Dogs.one',
          'Both inherit CrudBase.one: redeclare it in Dogs with all its decorators (route, parameters, @Returns) and @Action({ id: "…" }), calling super.one().',
        ],
      ],
    );
  });

  check('FP1002', 'path variable without parameter', () => {
    @Controller('/x')
    class C {
      @Get('/{id}') @Returns(200) get(): void {}
    }
    expectDiagnostic(
      connectorOf([C]),
      'FP1002',
      'path "/x/{id}" has the variable {id} but the handler declares no @Path("id") parameter',
      { class: 'C', method: 'get' },
    );
  });

  check('FP1003', 'path parameter not in template', () => {
    @Controller()
    class C {
      @Get('/a') @Returns(200) get(@Path('id') _id: string): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1003', '@Path("id") does not appear in the route "/a"', {
      class: 'C',
      method: 'get',
      parameter: { name: 'id', index: 0 },
    });
    assert.equal(
      diagnosticsOf(connectorOf([C])).find((d) => d.code === 'FP1003')?.hint,
      'Add {id} to the route passed to @Get/@Post/…, or use @Query for this parameter.',
    );
    // A route written the Express way is told how to write it.
    @Controller()
    class Express {
      @Get('/a/:id') @Returns(200) get(@Path('id') _id: string): void {}
    }
    assert.equal(
      diagnosticsOf(connectorOf([Express])).find((d) => d.code === 'FP1003')?.hint,
      'Write the variable as {id}: ":id" is Express\'s syntax, which a connector path reads as literal text.',
    );
  });

  check('FP1004', 'two bodies', () => {
    @Controller()
    class C {
      @Post('/a') @Returns(200) post(@Body() _a: Dto, @Body({ name: 'other' }) _b: Dto): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1004', 'the operation declares 2 body parameters; a request has one body', {
      class: 'C',
      method: 'post',
      parameter: { name: 'other', index: 1 },
    });
  });

  check('FP1005', 'body on GET', () => {
    @Controller()
    class C {
      @Get('/a') @Returns(200) get(@Body() _a: Dto): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1005', 'a GET operation cannot take a body or form data', {
      class: 'C',
      method: 'get',
      parameter: { name: 'body', index: 0 },
    });
  });

  check('FP1006', 'file outside form data', () => {
    @Controller()
    class C {
      @Get('/a') @Returns(200) get(@Query('f', { type: 'file' }) _f: unknown): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1006', /only allowed for form-data parameters/, {
      class: 'C',
      method: 'get',
      parameter: { name: 'f', index: 0 },
    });
  });

  check('FP1007', 'body and form data', () => {
    @Controller()
    class C {
      @Post('/a') @Returns(200) post(@Body() _a: Dto, @FormField('f') _f: string): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1007', 'the operation mixes @Body() with form-data parameters', {
      class: 'C',
      method: 'post',
      parameter: { name: 'f', index: 1 },
    });
  });

  check('FP1008', 'undecorated parameter', () => {
    @Controller()
    class C {
      @Get('/a') @Returns(200) get(@Query('q') _q: string, _plain: string): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1008', 'handler parameter #1 has no Flowport parameter decorator', {
      class: 'C',
      method: 'get',
      parameter: { name: '?', index: 1 },
    });
  });

  check('FP1009', 'enum display name for a value not in enum', () => {
    @Controller()
    class C {
      @Get('/a')
      @Returns(200)
      get(@Query('q', { enum: ['a'], enumValues: [{ value: 'b', displayName: 'B' }] }) _q: string): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1009', 'enumValues names "b", which is not one of the allowed values', {
      class: 'C',
      method: 'get',
      parameter: { name: 'q', index: 0 },
    });
  });

  check('FP1010', 'operation metadata without a route', () => {
    @Controller()
    class C {
      @Get('/ok') @Returns(200) ok(): void {}
      @Action({ summary: 'Lost' }) lost(): void {}
    }
    expectDiagnostic(
      connectorOf([C]),
      'FP1010',
      '@Action is declared but the method has no @Get/@Post/@Put/@Patch/@Delete route',
      { class: 'C', method: 'lost' },
    );
  });

  check('FP1011', 'no success response', () => {
    @Controller()
    class C {
      @Get('/a') @Returns(404) get(): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1011', 'the operation declares no 2xx response', {
      class: 'C',
      method: 'get',
    });
  });

  check('FP1012', 'invalid operationId', () => {
    @Controller()
    class C {
      @Get('/a') @Action({ id: 'Get-Items', summary: 'A' }) @Returns(200) get(): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1012', /operationId "Get-Items" must start with a letter/, {
      class: 'C',
      method: 'get',
    });
  });

  check('FP1013', 'invalid path', () => {
    @Controller()
    class C {
      @Get('/files/*') @Returns(200) get(): void {}
    }
    expectDiagnostic(
      connectorOf([C]),
      'FP1013',
      'route "/files/*" is not a valid connector path: it contains "?", "#" or "*"',
      {
        class: 'C',
        method: 'get',
      },
    );
    @Controller()
    class Adjacent {
      @Get('/tiles/{x}{y}') @Returns(200) get(@Path('x') _x: string, @Path('y') _y: string): void {}
    }
    expectDiagnostic(
      connectorOf([Adjacent]),
      'FP1013',
      'route "/tiles/{x}{y}" is not a valid connector path: two variables have nothing between them',
      { class: 'Adjacent', method: 'get' },
    );
    // Before, it was emitted, and swagger-parser refused the definition.
    @Controller()
    class Twice {
      @Get('/items/{id}/copies/{id}') @Returns(200) get(@Path('id') _id: string): void {}
    }
    expectDiagnostic(
      connectorOf([Twice]),
      'FP1013',
      'route "/items/{id}/copies/{id}" is not a valid connector path: the variable {id} appears twice',
      { class: 'Twice', method: 'get' },
    );
  });

  check('FP1014', 'duplicate route', () => {
    @Controller()
    class C {
      @Get('/a/{x}') @Returns(200) one(@Path('x') _x: string): void {}
      @Get('/A/{y}') @Returns(200) two(@Path('y') _y: string): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1014', 'GET /A/{y} is declared by C.one and C.two', {
      class: 'C',
      method: 'two',
    });
  });

  check('FP1015', 'duplicate parameter', () => {
    @Controller()
    class C {
      @Get('/a') @Returns(200) get(@Query('q') _a: string, @Query('q') _b: string): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1015', 'parameter "q" in query is declared twice', {
      class: 'C',
      method: 'get',
      parameter: { name: 'q', index: 1 },
    });
  });

  check('FP1016', 'reserved parameter name', () => {
    @Controller()
    class C {
      @Get('/a') @Returns(200) get(@Query('connectionId') _c: string): void {}
    }
    expectDiagnostic(
      connectorOf([C]),
      'FP1016',
      'a parameter may not be named "connectionId": the platform reserves it',
      {
        class: 'C',
        method: 'get',
        parameter: { name: 'connectionId', index: 0 },
      },
    );
  });

  check('FP1017', 'credential header as a parameter', () => {
    @Controller()
    class C {
      @Get('/a') @Returns(200) get(@Header('X-Key') _k: string): void {}
    }
    const auth = apiKey({ in: 'header', name: 'x-key', label: 'Key' });
    expectDiagnostic(connectorOf([C], { auth }), 'FP1017', /header "X-Key" is set by the platform or the connection/, {
      class: 'C',
      method: 'get',
      parameter: { name: 'X-Key', index: 0 },
    });
  });

  check('FP1018', 'an option of the wrong type (JavaScript, or TypeScript compiled without checking types)', () => {
    // Before, an @Action without a summary failed inside resolve on its length, and a summary of
    // 5 was emitted as it was: a definition that is not Swagger 2.0.
    class D {
      @Field({ summary: loose<string>(5), visibility: loose<'internal'>('hidden') }) a!: string;
    }
    @Controller()
    class C {
      @Post('/a')
      @Action(loose<ActionOptions>({ id: 'A' }))
      @Returns(200, D, { description: loose<string>(['OK']) })
      a(@Body() d: D): D {
        return d;
      }
    }
    const found = reported(connectorOf([C]), 'FP1018');
    assert.deepEqual(found, [
      'C.a: summary must be a string, not undefined',
      "C.a: the 200 response's description must be a string, not an array",
      'D property a: summary must be a string, not number 5',
      'D property a: visibility must be one of "important", "advanced", "internal" or "none", not "hidden"',
    ]);
    // The connector's own options: before, a missing `controllers` failed with "controllers is not
    // iterable", and a `host` of 5 was written as it was.
    const connector = new Connector(
      loose<ConnectorOptions>({
        brandColor: '#123456',
        info: { title: 'T', version: 1 },
        host: 5,
        controllers: [C, 5],
      }),
    );
    assert.deepEqual(reported(connector), [
      'connector info.description: info.description must be a string, not undefined',
      'connector info.version: info.version must be a string, not number 1',
      'connector host: host must be a string, not number 5',
      'connector controllers[1]: controllers[1] must be a controller class, not number 5',
    ]);
    assert.match(
      diagnosticsOf(new Connector(loose<ConnectorOptions>({ brandColor: '#123456' })))
        .map((d) => d.message)
        .join('\n'),
      /info must be an object[^\n]*\ncontrollers must be a list of controller classes, not undefined/,
    );
  });

  it('says that an undefined controller is what an import cycle leaves, which tsc does not catch', () => {
    @Controller()
    class C {
      @Get('/a') @Returns(200) a(): void {}
    }
    assert.deepEqual(reported(connectorOf(loose<(typeof C)[]>([C, undefined])), 'FP1018'), [
      'connector controllers[1]: controllers[1] must be a controller class, not undefined, which an import cycle leaves in a list (made before the module that declares the item has run)',
    ]);
  });

  it('refuses a Connector without options, and resolve() of anything but a Connector, naming what it got', () => {
    // Before: "Cannot read properties of undefined (reading 'asDeclared')" from inside resolve().
    assert.throws(() => new Connector(loose<ConnectorOptions>(undefined)), {
      name: 'TypeError',
      message: 'new Connector(options): options must be an object with info, brandColor and controllers, not undefined',
    });
    assert.throws(() => resolve(loose<Connector>({ options: {} })), {
      name: 'TypeError',
      message: 'resolve() takes a Connector (new Connector({ … })), not an object',
    });
  });

  check('FP1018', "the rest of the connector's options", () => {
    // Before, a missing brandColor read "brandColor "undefined" is not a #rrggbb colour";
    // capabilities: 'actions' was published as seven one-letter capabilities, publisher: 5 and an
    // unknown category were written into the files as they were, and consumes: 'application/json'
    // failed with "types.map is not a function".
    const options = loose<ConnectorOptions>({
      info: {
        title: 'T',
        description: 'A connector built by a unit test of Flowport.',
        version: '1',
        status: 'Beta',
        keywords: 'ai',
        contact: 'me',
        license: { url: 'https://example.com' },
      },
      controllers: [Target],
      capabilities: 'actions',
      publisher: 5,
      schemes: ['https', 'ftp'],
      consumes: 'application/json',
      metadata: { website: 5, categories: ['AI', 'Robots'] },
      unknownProperties: 'deny',
      asDeclared: 'yes',
      policies: {},
      tags: [{ description: 'no name' }],
      icon: 5,
      // Before, the first failed inside resolve(), and the last failed flowport build.
      filePicker: { browse: { operation: 'ListFolders' }, valueTitle: 5 },
      testConnection: { operation: () => Target.prototype.list, parameters: 'q=1' },
      script: 'script.csx',
    });
    assert.deepEqual(reported(new Connector(options)), [
      'connector info.status: info.status must be "Preview" or "Production", not "Beta"',
      'connector info.keywords: info.keywords must be a list of strings, not "ai"',
      'connector info.contact: info.contact must be an object with name, url and email, not "me"',
      'connector info.license.name: info.license.name must be a string, not undefined',
      'connector brandColor: brandColor must be the background colour of the connector\'s icon, as "#rrggbb" (such as "#3A7BD5"), not undefined',
      'connector publisher: publisher must be a string, not number 5',
      'connector icon: icon must be a string, not number 5',
      'connector schemes[1]: schemes[1] must be "http" or "https", not "ftp"',
      'connector consumes: consumes must be a list of media types, not "application/json"',
      'connector capabilities: capabilities must be a list of strings, not "actions"',
      'connector metadata.website: metadata.website must be a string, not number 5',
      'connector metadata.categories[1]: metadata.categories[1] must be one of CONNECTOR_CATEGORIES (exported by @flowport/core), not "Robots"',
      'connector unknownProperties: unknownProperties must be "reject" or "allow", not "deny"',
      'connector asDeclared: asDeclared must be true or false, not "yes"',
      'connector policies: policies must be a list of policies, not an object',
      'connector tags[0]: tags[0] must be a tag with a name, not an object',
      'connector testConnection.parameters: testConnection.parameters must be an object of values by parameter name, not "q=1"',
      'connector filePicker.open: filePicker.open must be an object with operation and parameters, not undefined',
      'connector filePicker.browse.operation: filePicker.browse.operation must be a method reference, () => Controller.prototype.method, not "ListFolders"',
      'connector filePicker.valueTitle: filePicker.valueTitle must be a string, not number 5',
      'connector script: script must be an object with file and operations, not "script.csx"',
    ]);
  });

  check('FP1018', "a controller's and an operation's options", () => {
    // Before, with scopes: 'read' every authenticated call was a 500; deprecated: 'yes' was
    // ignored; a @Trigger without a kind was published as an action; async: { retryAfter: 0.5 } was
    // sent as "Retry-After: 0.5".
    @Controller('/', loose<ControllerOptions>({ tags: 'c', visibility: 'hidden', public: 1 }))
    class E {
      @Get('/a')
      @Action(
        loose<ActionOptions>({
          summary: 'A',
          scopes: 'read',
          deprecated: 'yes',
          consumes: 'application/json',
          pageable: { nextLinkName: 'next' },
          annotation: { revision: 0 },
          async: { retryAfter: 0.5, expiresAfter: 0 },
          operationContext: {},
          externalDocs: { description: 5 },
        }),
      )
      @Returns(200)
      a(): void {}

      @Get('/b') @Trigger(loose<TriggerOptions>({ summary: 'B' })) @Returns(200) b(): void {}
      @Get('/c') @Action(loose<ActionOptions>('C')) @Returns(200) c(): void {}
    }
    assert.deepEqual(reported(connectorOf([E]), 'FP1018'), [
      'E: tags must be a list of strings, not "c"',
      'E: visibility must be one of "important", "advanced", "internal" or "none", not "hidden"',
      'E: public must be true or false, not number 1',
      'E.a: scopes must be a list of strings, not "read"',
      'E.a: deprecated must be true or false, not "yes"',
      'E.a: consumes must be a list of media types, not "application/json"',
      'E.a: pageable.nextLinkName must be "nextLink" or "@odata.nextLink", not "next"',
      'E.a: annotation.revision must be a whole number from 1, not number 0',
      'E.a: async.retryAfter must be a whole number of seconds, 0 or more, not number 0.5',
      'E.a: async.expiresAfter must be a whole number of seconds, 1 or more, not number 0',
      'E.a: operationContext.simulate must be an object with operation and parameters, not undefined',
      'E.a: externalDocs.url must be an absolute http or https URL, not undefined',
      'E.a: externalDocs.description must be a string, not number 5',
      'E.b: kind must be "single" or "batch", not undefined',
      'E.c: @Action options must be an object with summary, not "C"',
      'E.c: summary must be a string, not undefined',
    ]);
    // Paths: before, @Controller(5) served /5 and @Get(6) …/6.
    @Controller(loose<string>(5))
    class G {
      @Get(loose<string>(6)) @Returns(200) g(): void {}
    }
    assert.deepEqual(reported(connectorOf([G]), 'FP1018'), [
      'G: the @Controller path must be a string, not number 5',
      'G.g: the @Get path must be a string, not number 6',
    ]);
  });

  check('FP1018', "a parameter's and a property's options", () => {
    // Before, enum: 'ab' was published as the values "a" and "b", required: 'yes' and
    // allowEmptyValue: 'y' were written as they were, notificationUrl: 'no' made the property the
    // notification URL, and @Query(5) failed with "rec.name.toLowerCase is not a function".
    class F {
      @Field(loose<FieldOptions>({ nullable: 'yes', mediaKind: 'video', enum: 'xy', notificationUrl: 'no' }))
      @IsString()
      f!: string;
      // An option named as an Object.prototype member is no option: before, it was looked up there.
      @Field(loose<FieldOptions>({ hasOwnProperty: true })) @IsString() g!: string;
    }
    @Controller()
    class P {
      @Post('/p')
      @Returns(204)
      p(
        @Body() _f: F,
        @Query('q', loose<ParameterOptions>({ required: 'yes', collectionFormat: 'comma', enumValues: 'x' }))
        _q: string,
        @Query(loose<string>(5)) _n: string,
        @Header('x-h', loose<ParameterOptions>('x')) _h: string,
        @Query(loose<string>(undefined)) _u: string,
      ): void {}
    }
    assert.deepEqual(reported(connectorOf([P]), 'FP1018'), [
      'F property f: nullable must be true or false, not "yes"',
      'F property f: mediaKind must be "image" or "audio", not "video"',
      'F property f: enum must be a list of values, or an enum object, not "xy"',
      'F property f: notificationUrl must be true or false, not "no"',
      'P.p param #1 (q): required must be true or false, not "yes"',
      'P.p param #1 (q): collectionFormat must be "csv" or "ssv" or "tsv" or "pipes" or "multi", not "comma"',
      'P.p param #1 (q): enumValues must be a list of { value, displayName }, not "x"',
      // A name that is no name is not shown as one: before, "param #4 (undefined)".
      'P.p param #2: the parameter name must be a string, not number 5',
      'P.p param #3 (x-h): the parameter options must be an object, not "x"',
    ]);
    // No name at all is FP1307, which says what to write instead.
    assert.equal(reported(connectorOf([P]), 'FP1307').length, 1);
  });

  it('FP1018 names an item a list already has, where Swagger 2.0 lists each once', () => {
    // Before, each was written twice, and the platform refused the definition (uniqueItems).
    @Controller('/twice', { tags: ['Items', 'Items'] })
    class Twice {
      @Get('/')
      @Action({ summary: 'Get', consumes: ['text/plain', 'text/plain'], scopes: ['read', 'read'] })
      @Returns(200)
      get(): void {}
    }
    assert.deepEqual(reported(connectorOf([Twice], { schemes: ['https', 'https'] }), 'FP1018'), [
      'connector schemes[1]: schemes[1] must be "http" or "https" the list does not have already, not "https"',
    ]);
    assert.deepEqual(reported(connectorOf([Twice]), 'FP1018'), [
      'Twice: tags[1] must be a string the list does not have already, not "Items"',
      'Twice.get: consumes[1] must be a media type string the list does not have already, not "text/plain"',
      'Twice.get: scopes[1] must be a string the list does not have already, not "read"',
    ]);
    // x-ms-keywords asks for no such thing, and real connectors repeat some.
    const info = { title: 'T', description: 'Keywords.', version: '1', keywords: ['a', 'a'] };
    assert.doesNotThrow(() => resolve(connectorOf([Target], { info })));
  });

  it('FP1018 names a sign-in or documentation URL that is no absolute http(s) URL', () => {
    // Before, it was published as given, and each connection failed in the sign-in window.
    const auth = oauth2({
      identityProvider: 'oauth2',
      clientId: 'app',
      scopes: ['read'],
      authorizationUrl: 'login.example.com/authorize',
      tokenUrl: 'https://{tenant}.example.com/token', // a placeholder the platform fills in
      refreshUrl: 'ftp://example.com/refresh',
    });
    assert.deepEqual(reported(connectorOf([Target], { auth }), 'FP1018'), [
      'connector auth.authorizationUrl: auth.authorizationUrl must be an absolute http or https URL, not "login.example.com/authorize"',
      'connector auth.refreshUrl: auth.refreshUrl must be an absolute http or https URL, not "ftp://example.com/refresh"',
    ]);
    // An imported connector keeps its own: the importer writes none as "".
    const imported = oauth2({
      identityProvider: 'aad',
      clientId: 'app',
      scopes: [],
      authorizationUrl: '',
      tokenUrl: '',
    });
    assert.doesNotThrow(() => resolve(connectorOf([Target], { auth: imported, asDeclared: true })));
    assert.deepEqual(
      reported(connectorOf([Target], { externalDocs: { url: 'docs', description: 'Docs' } }), 'FP1018'),
      ['connector externalDocs.url: externalDocs.url must be an absolute http or https URL, not "docs"'],
    );
  });

  check('FP1018', 'dynamic sources', () => {
    // Before, dynamicValues: 'langs' was published as an empty x-ms-dynamic-values, and a path of
    // another type failed the build with "path.split is not a function".
    class Form {
      @Field({ dynamicSchema: loose({ operation: () => Target.prototype.list, valuePath: ['schema'] }) })
      @IsString()
      shape!: string;
    }
    @Controller()
    class C {
      @Post('/d')
      @Returns(204)
      d(
        @Body() _f: Form,
        @Query('a', { dynamicValues: loose('langs') }) _a: string,
        @Query('b', { dynamicValues: loose({ operation: () => Target.prototype.list, value: 5 }) }) _b: string,
        @Query('c', { dynamicTree: loose({ open: { operation: 'list', itemValuePath: 'id' } }) }) _c: string,
      ): void {}
    }
    assert.deepEqual(reported(connectorOf([C, Target]), 'FP1018'), [
      'Form property shape: dynamicSchema.valuePath must be a string, not an array',
      'C.d param #1 (a): dynamicValues must be an object with operation, collection, value and title, not "langs"',
      'C.d param #2 (b): dynamicValues.value must be a string, not number 5',
      'C.d param #3 (c): dynamicTree.open.operation must be a method reference, () => Controller.prototype.method, not "list"',
      'C.d param #3 (c): dynamicTree.open.itemTitlePath must be a string, not undefined',
    ]);
  });

  check('FP1018', "@Schema's options", () => {
    // Before, { inline: 'yes' } wrote the class in place, and a name such as "Order line" or
    // "a/b" went into #/definitions/… references as it was, which is no URL.
    @Schema(loose({ name: 'Order line', inline: 'yes' }))
    class Line {
      @IsString() sku!: string;
    }
    @Schema({ name: 'Order.Head-1_x' })
    class Head {
      @IsString() id!: string;
    }
    class Order {
      @Field({ type: Line }) line!: Line;
      @Field({ type: Head }) head!: Head;
    }
    assert.deepEqual(reported(bodyOf(Order), 'FP1018'), [
      'Line: inline must be true or false, not "yes"',
      'Line: name must be letters, digits, "_", "." and "-" only (it is written into $ref URLs), not "Order line"',
    ]);
  });

  check('FP1018', "a response's status and options", () => {
    // Before, @Returns(99) was published as the response "99", headers: 'x' as a header named "0",
    // and a header type 'str' as written.
    @Controller()
    class R {
      @Get('/r')
      @Returns(
        200,
        undefined,
        loose<ResponseOptions>({ headers: { 'x-a': { type: 'str' }, 'x-b': 'string', 'x-c': { type: Date } } }),
      )
      @Returns(loose<number>(99))
      @Returns(201, undefined, loose<ResponseOptions>({ headers: 'x', examples: 'y', mediaKind: 'video' }))
      r(): void {}
    }
    assert.deepEqual(reported(connectorOf([R]), 'FP1018'), [
      'R.r response 200: header x-a type must be "string", "integer", "number" or "boolean", or String, Number or Boolean, not "str"',
      'R.r response 200: header x-b must be an object with type, format and description, not "string"',
      // Before, "not function function Date() { [native code] }".
      'R.r response 200: header x-c type must be "string", "integer", "number" or "boolean", or String, Number or Boolean, not the function Date',
      'R.r response 99: the status must be an HTTP status from 100 to 599, or "default", not number 99',
      'R.r response 201: headers must be an object of headers by name, not "x"',
      'R.r response 201: examples must be an object of examples by media type, not "y"',
      'R.r response 201: mediaKind must be "image" or "audio", not "video"',
    ]);
  });

  check('FP1018', 'trigger declarations', () => {
    // Before, a polling trigger without poll was published and answered every poll with a 500
    // ("trigger.poll is not a function").
    const trigger = { summary: 'When it happens', description: 'This operation triggers when it happens.' };
    const triggers = [
      loose<TriggerDeclaration>({
        ...trigger,
        kind: 'polling',
        id: 'OnPoll',
        path: '/p',
        batch: 'yes',
        retryAfter: 0.5,
      }),
      loose<TriggerDeclaration>({ ...trigger, kind: 'webhook', id: 'OnHook', path: '/h', matches: true }),
      loose<TriggerDeclaration>({ ...trigger, kind: 'poll', id: 'OnOther', path: '/o' }),
    ];
    assert.deepEqual(reported(connectorOf([Target], { triggers }), 'FP1018'), [
      'connector triggers[0] (OnPoll): batch must be true or false, not "yes"',
      'connector triggers[0] (OnPoll): item must be the class of one polled item, not undefined',
      'connector triggers[0] (OnPoll): retryAfter must be a whole number of seconds, 1 or more, not number 0.5',
      'connector triggers[0] (OnPoll): poll must be a function (cursor, filters, caller) => { items, cursor }, not undefined',
      'connector triggers[1] (OnHook): payload must be the class of the event posted to subscribers, not undefined',
      'connector triggers[1] (OnHook): matches must be a function (payload, filters) => boolean, not boolean true',
      'connector triggers[2] (OnOther): kind must be "webhook" or "polling", not "poll"',
    ]);
  });

  check('FP1018', 'auth and connection parameters', () => {
    // Before, apiKey({ in: 'cookie' }) was published as a security definition Swagger 2.0 refuses,
    // and an apiKey without a name failed inside resolve().
    const authOf = (auth: unknown, extra: Partial<ConnectorOptions> = {}) =>
      reported(connectorOf([Target], { auth: loose<ConnectorOptions['auth']>(auth), ...extra }));
    assert.deepEqual(authOf({ type: 'apiKey', in: 'cookie', label: 'Key' }), [
      'connector auth.in: auth.in must be "header" or "query", not "cookie"',
      'connector auth.name: auth.name must be the name of the header or query parameter that carries the key, not undefined',
    ]);
    assert.deepEqual(authOf('apikey'), [
      'connector auth: auth must be an auth declaration (apiKey(), basic(), oauth2(), aad(), noAuth()), not "apikey"',
    ]);
    assert.deepEqual(
      authOf(
        { type: 'choice', displayName: 'Pick', options: [{ name: 'k', displayName: 'Key', auth: { type: 'oauth' } }] },
        { connectionParameters: loose({ host: { kind: 'connectionParameter', type: 'text', displayName: 'Host' } }) },
      ),
      [
        'connector auth.options[0].auth.type: auth.options[0].auth.type must be "none" or "apiKey" or "basic" or "oauth2", not "oauth"',
        'connector connectionParameters.host.type: connectionParameters.host.type must be "string" or "securestring" or "int" or "bool", not "text"',
      ],
    );
    // aad() writes its declaration from these: 'yes' would have left on-behalf-of login out unsaid.
    const entra = { clientId: 'c', resourceUri: 'api://r' };
    assert.deepEqual(authOf(aad(loose({ ...entra, onBehalfOfLogin: 'yes', certificate: 1 }))), [
      'connector auth.certificate: auth.certificate must be true or false, not number 1',
      'connector auth.onBehalfOfLogin: auth.onBehalfOfLogin must be true or false, not "yes"',
    ]);
    assert.deepEqual(authOf(aad({ ...entra, onBehalfOfLogin: true, certificate: true })), [
      'connector auth.onBehalfOfLogin: auth.onBehalfOfLogin must be left out with certificate: true, whose first-party apps have none, not boolean true',
    ]);
    resolved([Target], { auth: aad({ ...entra, onBehalfOfLogin: true }) });
  });

  check('FP1018', 'policies', () => {
    // Before, a policy without a title failed inside resolve() ("reading 'trim'"), and
    // setHeader({ name: 5 }) was written into an apiProperties.json the platform refuses.
    const policies = [
      loose<PolicyDeclaration>({ kind: 'policy', templateId: 'setheader' }),
      setHeader(loose({ name: 5, value: 'v', section: 'Before' })),
      policy('custom', { parameters: { n: 5 } }),
    ];
    assert.deepEqual(reported(connectorOf([Target], { policies })), [
      'connector policies[0].title: policies[0].title must be a string, not undefined',
      'connector policies[0].parameters: policies[0].parameters must be an object of template parameters by name, not undefined',
      'connector policies[1].section: policies[1].section must be "Request" or "Response" or "Failure", not "Before"',
      'connector policies[1].parameters.name: policies[1].parameters.name must be a string, not number 5',
    ]);
  });

  check('FP1101', 'reference to an operation outside the connector', () => {
    @Controller()
    class C {
      @Get('/a')
      @Returns(200)
      get(@Query('q', { dynamicValues: { operation: () => Target.prototype.list, value: 'name' } }) _q: string): void {}
    }
    expectDiagnostic(
      connectorOf([C]),
      'FP1101',
      'dynamicValues references list, which is not an operation of this connector',
      {
        class: 'C',
        method: 'get',
        parameter: { name: 'q', index: 0 },
      },
    );
  });

  check('FP1102', 'reference path missing in the target response', () => {
    @Controller()
    class C {
      @Get('/a')
      @Returns(200)
      get(
        @Query('q', { dynamicValues: { operation: () => Target.prototype.list, collection: 'items', value: 'name' } })
        _q: string,
      ): void {}
    }
    expectDiagnostic(
      connectorOf([C, Target]),
      'FP1102',
      'dynamicValues reads "items" but the response of List has no such property',
      { class: 'C', method: 'get', parameter: { name: 'q', index: 0 } },
    );
  });

  it('FP1102 also for a reference two definitions deep, behind a cycle of references', () => {
    class Choice {
      @Field({ dynamicValues: { operation: () => Target.prototype.list, collection: 'items', value: 'name' } })
      @IsString()
      pick!: string;
    }
    class Branch {
      @ValidateNested() @Type(() => Choice) choice!: Choice;
      @IsOptional() @ValidateNested() @Type(() => Tree) parent?: unknown;
    }
    class Tree {
      @ValidateNested() @Type(() => Branch) branch!: Branch;
    }
    @Controller()
    class C {
      @Post('/a')
      @Returns(200)
      post(@Body() _b: Tree): void {}
    }
    expectDiagnostic(
      connectorOf([C, Target]),
      'FP1102',
      'dynamicValues reads "items" but the response of List has no such property',
      { class: 'C', method: 'post', parameter: { name: 'body', index: 0 }, property: 'branch.choice.pick' },
    );
  });

  check('FP1103', 'binding a parameter the target does not have', () => {
    @Controller()
    class C {
      @Get('/a')
      @Returns(200)
      get(
        @Query('q', { dynamicSchema: { operation: () => Target.prototype.list, parameters: { team: 'x' } } })
        _q: string,
      ): void {}
    }
    expectDiagnostic(
      connectorOf([C, Target]),
      'FP1103',
      'dynamicSchema binds "team", which is not a parameter of List',
      {
        class: 'C',
        method: 'get',
        parameter: { name: 'q', index: 0 },
      },
    );
  });

  check('FP1104', 'taking a value from a parameter the caller does not have', () => {
    @Controller()
    class C {
      @Get('/a')
      @Returns(200)
      get(
        @Query('q', {
          dynamicSchema: { operation: () => Target.prototype.list, parameters: { group: { parameter: 'nope' } } },
        })
        _q: string,
      ): void {}
    }
    expectDiagnostic(
      connectorOf([C, Target]),
      'FP1104',
      'dynamicSchema takes "nope" from the calling operation, which declares no such parameter',
      { class: 'C', method: 'get', parameter: { name: 'q', index: 0 } },
    );
  });

  check('FP1112', 'a dynamic call that leaves out a parameter its target requires', () => {
    // Before, it built: the designer called the target without it, the API refused the call,
    // and the dropdown stayed empty.
    @Controller('/boards')
    class Boards {
      @Get('/')
      @Action({ id: 'ListBoards', summary: 'List boards', visibility: 'internal' })
      @Returns(200, [Dto])
      list(
        @Query('workspace', { type: String, required: true }) _w: string,
        @Query('top', { type: 'integer', required: true, default: 10, visibility: 'internal' }) _t: number,
        @Query('sort', { type: String, required: false }) _s: string | undefined,
      ): Dto[] {
        return [];
      }
    }
    const board = (parameters?: Record<string, DynamicArgument>) =>
      ({ operation: () => Boards.prototype.list, value: 'name', title: 'name', parameters }) as const;
    @Controller('/cards')
    class Cards {
      @Get('/') @Returns(204) unbound(@Query('board', { dynamicValues: board() }) _b: string): void {}
      @Get('/bound') @Returns(204) bound(
        @Query('ws', { type: String, required: true }) _ws: string,
        @Query('board', { dynamicValues: board({ workspace: param('ws') }) }) _b: string,
      ): void {}
      @Get('/literal') @Returns(204) literal(
        @Query('board', {
          dynamicSchema: { operation: () => Boards.prototype.list, parameters: { workspace: 'main' } },
        })
        _b: string,
      ): void {}
    }
    // `top` has a default, which the platform fills in; `sort` is optional.
    assert.deepEqual(reported(connectorOf([Boards, Cards]), 'FP1112'), [
      'Cards.unbound param #0 (board): dynamicValues calls ListBoards without "workspace", which ListBoards requires and gives no default, so the designer\'s call is refused and the field has nothing to offer',
    ]);
    // A connector emitted as declared (an imported one) keeps its call, and is warned.
    const declared = resolved([Boards, Cards], { asDeclared: true }).diagnostics.filter((d) => d.code === 'FP1112');
    assert.deepEqual(
      declared.map((d) => d.severity),
      ['warning'],
    );
  });

  check('FP1105', 'testConnection with a required parameter and no literal', () => {
    expectDiagnostic(
      connectorOf([Target], { testConnection: { operation: () => Target.prototype.list } }),
      'FP1105',
      /testConnection operation List must be a GET callable with literal parameters only; "group" is required/,
      { connector: 'testConnection' },
    );
  });

  check('FP1106', 'a reference that is not a method', () => {
    expectDiagnostic(
      connectorOf([Target], { testConnection: { operation: () => undefined as unknown as Function } }),
      'FP1106',
      'testConnection is not a method reference',
      { connector: 'testConnection' },
    );
  });

  check('FP1425', 'a property of format binary, which only a whole body, form file or answer can be', () => {
    class Upload {
      @Field({ format: 'binary' }) @IsString() data!: string;
      @Field({ format: 'byte' }) @IsString() encoded!: string;
    }
    @Controller('/u')
    class Uploads {
      @Post('/') @Action({ id: 'Upload', summary: 'Upload' }) @Returns(204) up(@Body() _u: Upload): void {}
    }
    // Before, it was published, and the platform's validator refuses it (InvalidStringBinaryProperty).
    assert.deepEqual(reported(connectorOf([Uploads]), 'FP1425'), [
      'Upload property data: a property cannot be of format "binary": the platform takes raw bytes only as a whole body, a form file or a whole answer, and JSON carries bytes as base64 text',
    ]);
  });

  check('FP1428', 'a handler parameter declared as other than what reaches it', () => {
    // Before, each built, and the handler met a stream where it declared a Buffer or a string
    // (`content.length` undefined), and an object where it declared the file's bytes.
    @Controller('/files')
    class Files {
      @Post('/buffer') @Returns(204) buffer(@Body({ type: 'binary' }) _content: Buffer): void {}
      @Post('/text') @Returns(204) text(
        @Body({ type: described(String, { format: 'binary' }) }) _content: string,
      ): void {}
      @Post('/form') @Returns(204) form(
        @FormFile('doc') _doc: Buffer,
        @FormField('photo', { type: 'binary' }) _photo: string,
      ): void {}
      // What does reach them: a stream (a type-only import is recorded as Function), a FormFile,
      // an interface (recorded as Object).
      @Post('/ok') @Returns(204) ok(@Body({ type: 'binary' }) _content: Readable): void {}
      @Post('/ok-form') @Returns(204) okForm(
        @FormFile('doc') _doc: FormFile,
        @FormField('photo', { type: 'binary', required: false }) _photo: FormFile | undefined,
        @FormFile('scan') _scan: { buffer: Buffer },
      ): void {}
    }
    const found = diagnosticsOf(connectorOf([Files])).filter((d) => d.code === 'FP1428');
    assert.deepEqual(
      found.map((d) => `${formatLocation(d.at)}: ${d.message}`),
      [
        'Files.buffer param #0 (body): the handler declares Buffer, but a raw binary body reaches it as a stream of its bytes, so that an upload need not fit in memory',
        'Files.text param #0 (body): the handler declares String, but a raw binary body reaches it as a stream of its bytes, so that an upload need not fit in memory',
        "Files.form param #0 (doc): the handler declares Buffer, but a form's file reaches it as an object with its name, media type, size and bytes",
        "Files.form param #1 (photo): the handler declares String, but a form's file reaches it as an object with its name, media type, size and bytes",
      ],
    );
    assert.equal(
      found[0].hint,
      "Declare it as what it is: @Body({ type: 'binary' }) content: Readable (import { Readable } from 'node:stream'), read with for await or piped on.",
    );
    assert.equal(
      found[3].hint,
      "Declare it as what it is: @FormFile('photo') file: FormFile, whose buffer holds the bytes.",
    );
    // The caller's identity and an MCP server's exchange are objects of their own too; a class of
    // the app's may type part of one (the auth fixture's WhoAmI does).
    @Controller('/who')
    class Who {
      @Get('/') @Returns(204) name(@Identity() _caller: string): void {}
      @Get('/ok') @Returns(204) ok(@Identity() _caller: Identity): void {}
      @Post('/mcp')
      @Action({ id: 'InvokeMCP', summary: 'Serve tools', agenticProtocol: 'mcp-streamable-1.0' })
      @Returns(200)
      mcp(@Exchange() _exchange: string[]): void {}
    }
    assert.deepEqual(
      diagnosticsOf(connectorOf([Who]))
        .filter((d) => d.code === 'FP1428')
        .map((d) => `${formatLocation(d.at)}: ${d.message} | ${d.hint}`),
      [
        "Who.name param #0 (identity): the handler declares String, but the caller's identity reaches it as an Identity: its subject, method, scopes and claims | Declare it as what it is: @Identity() caller: Identity.",
        'Who.mcp param #0 (exchange): the handler declares an array, but the HTTP exchange reaches it as an Exchange: the request, the response and parsedBody | Declare it as what it is: @Exchange() exchange: Exchange.',
      ],
    );
  });

  check('FP1429', "a handler's declared return type unlike its published answer", () => {
    // Before, each built, and the flow read another shape than the definition published: a
    // Report under the Summary's schema, one Summary where a list was promised, a JSON string.
    class Summary {
      @Field({ summary: 'Total' }) total!: number;
    }
    class DailySummary extends Summary {
      @Field({ summary: 'Day' }) day!: string;
    }
    class Report {
      @Field({ summary: 'Title' }) title!: string;
    }
    @Controller('/r')
    class Reports {
      @Get('/other') @Returns(200, Summary) other(): Report {
        return { title: '' };
      }
      @Get('/list') @Returns(200, [Summary]) list(): Summary {
        return { total: 0 };
      }
      @Get('/text') @Returns(200, Summary) text(): string {
        return '';
      }
      @Get('/base') @Returns(200, DailySummary) base(): Summary {
        return { total: 0 };
      }
      @Get('/count') @Returns(200, 'integer') count(): string {
        return '1';
      }
      @Post('/job') @Action({ id: 'Job', summary: 'Run a job', async: {} }) @Returns(200, Summary) job(): Report {
        return { title: '' };
      }
      // What agrees, or says nothing: the class or a subclass of it, a list, a number for an
      // integer, an awaited answer (recorded as Promise), an interface or union (Object), bytes
      // of JSON written ahead or a stream, no type at all, and a file's answer.
      @Get('/same') @Returns(200, Summary) same(): Summary {
        return { total: 0 };
      }
      @Get('/sub') @Returns(200, Summary) sub(): DailySummary {
        return { total: 0, day: '' };
      }
      @Get('/all') @Returns(200, [Summary]) all(): Summary[] {
        return [];
      }
      @Get('/unique') @Returns(200, [Summary]) unique(): Set<Summary> {
        return new Set();
      }
      @Get('/totals') @Returns(200, Summary) totals(): Map<string, number> {
        return new Map([['total', 0]]);
      }
      @Get('/n') @Returns(200, 'integer') n(): number {
        return 1;
      }
      @Get('/at') @Returns(200, described(String, { format: 'date-time' })) at(): Date {
        return new Date();
      }
      // A string where a Date is published is a string in JSON as well.
      @Get('/iso') @Returns(200, Date) iso(): string {
        return new Date().toISOString();
      }
      @Get('/awaited') @Returns(200, Summary) async awaited(): Promise<Report> {
        return { title: '' };
      }
      @Get('/either') @Returns(200, Summary) either(): Summary | Report {
        return { total: 0 };
      }
      @Get('/cached') @Returns(200, Summary) cached(): Buffer {
        return Buffer.from('{"total":0}');
      }
      @Get('/piped') @Returns(200, Summary) piped(): Readable {
        return Readable.from(['{"total":0}']);
      }
      @Get('/untyped') @Returns(200, Summary) untyped() {
        return { total: 0 };
      }
      @Get('/file') @Returns(200, 'binary') file(): Readable {
        return Readable.from([]);
      }
      @Get('/nothing') @Returns(204) nothing(): Report {
        return { title: '' };
      }
    }
    // A named list of itself, published where a handler declares one value: named as it is.
    @Schema({ name: 'Matrix', type: [() => Matrix] })
    class Matrix {}
    @Controller('/m')
    class Matrices {
      @Get('/') @Returns(200, Matrix) grid(): Summary {
        return { total: 0 };
      }
    }
    assert.deepEqual(
      diagnosticsOf(connectorOf([Matrices]))
        .filter((d) => d.code === 'FP1429')
        .map((d) => d.hint.split(' (')[0]),
      ['Declare what the answer is: grid(…): Matrix[]'],
    );
    const found = diagnosticsOf(connectorOf([Reports])).filter((d) => d.code === 'FP1429');
    assert.deepEqual(
      found.map((d) => `${formatLocation(d.at)}: ${d.message}`),
      [
        'Reports.other response 200: the handler declares that it returns Report, and its 200 answer is published as Summary',
        'Reports.list response 200: the handler declares that it returns Summary, and its 200 answer is published as an array',
        'Reports.text response 200: the handler declares that it returns string, and its 200 answer is published as Summary',
        'Reports.base response 200: the handler declares that it returns Summary, and its 200 answer is published as DailySummary',
        'Reports.count response 200: the handler declares that it returns string, and its 200 answer is published as a number',
        'Reports.job response 200: the handler declares that it returns Report, and its 200 answer is published as Summary',
      ],
    );
    assert.equal(
      found[1].hint,
      'Declare what the answer is: list(…): Summary[] (Promise<Summary[]> when it awaits), or publish what it returns in @Returns. JSON.stringify writes what the handler returns, not what the definition publishes, so the flow would read another shape than the designer showed.',
    );
  });

  check('FP1427', "enum values the schema's other keywords refuse", () => {
    // Before, published as declared: the designer offered "medium" and 7, and every request that
    // took either was refused.
    class Order {
      @IsIn(['small', 'medium']) @MaxLength(5) size!: string;
      @IsIn([2, 4, 7], { each: true }) @IsDivisibleBy(2, { each: true }) @Field({ type: [Number] }) packs!: number[];
    }
    @Controller()
    class C {
      @Post('/orders') @Returns(204) add(
        @Body() _o: Order,
        @Query('n', { type: Number, enum: [1, 20], maximum: 10 }) _n: number,
      ): void {}
    }
    assert.deepEqual(reported(connectorOf([C]), 'FP1427'), [
      'Order property size: enum value "medium" is longer than maxLength 5, so no request can give it, though the designer offers it',
      'Order property packs: enum value 7 is not a multiple of 2, so no request can give it, though the designer offers it',
      'C.add param #1 (n): enum value 20 is above the maximum 10, so no request can give it, though the designer offers it',
    ]);
  });

  check('FP1426', 'a loop of required properties, which no JSON value ends', () => {
    // Before, it was published: every request that carried a Person was refused, and the
    // platform's validator refuses such a definition.
    class Person {
      @IsString() name!: string;
      @Field({ type: () => Person }) @ValidateNested() @Type(() => Person) manager!: Person;
    }
    class Team {
      @Field({ type: [Person] }) @ArrayMinSize(1) members!: Person[];
      // The alias keeps the metadata from reading Roster before its declaration.
      @Field({ type: () => Roster }) roster!: Later<Roster>;
    }
    class Roster {
      @Field({ type: () => Team }) team!: Team;
    }
    // Each of these ends: a manager that may be null, one that may be left out, an empty list.
    class Nullable {
      @Field({ type: () => Nullable, nullable: true }) manager!: Nullable | null;
    }
    class Optional {
      @Field({ type: () => Optional }) @IsOptional() manager?: Optional;
    }
    class Tree {
      @Field({ type: [Tree] }) children!: Tree[];
    }
    @Controller()
    class C {
      @Post('/people') @Returns(200, Team) people(@Body() _p: Person): void {}
      @Post('/ends') @Returns(204) ends(@Body() _n: Nullable, @Query('o', { type: Optional }) _o: Optional): void {}
      @Get('/tree') @Returns(200, Tree) tree(): void {}
    }
    assert.deepEqual(reported(connectorOf([C]), 'FP1426'), [
      'Team property roster: Team.roster → Roster.team → Team: each property of the loop is required and none may be null, so no JSON value is one, no request that must carry one is taken, and no answer can hold one',
      'Person property manager: Person.manager → Person: each property of the loop is required and none may be null, so no JSON value is one, no request that must carry one is taken, and no answer can hold one',
    ]);
    // A class declared as another is that other: such aliases ended every chain before, and the
    // adapter failed to compile a loop of them at the first request (a 500).
    @Schema({ type: () => Other })
    class Alias {}
    @Schema({ type: () => Alias })
    class Other {}
    class Holder {
      @Field({ type: () => HolderAlias }) held!: Later<HolderAlias>;
    }
    @Schema({ type: () => Holder })
    class HolderAlias {}
    @Controller()
    class Aliases {
      @Post('/alias') @Returns(204) alias(@Body({ type: () => Alias }) _a: Alias): void {}
      @Post('/holder') @Returns(204) holder(@Body() _h: Holder): void {}
    }
    assert.deepEqual(
      reported(connectorOf([Aliases]), 'FP1426').map((r) => r.slice(0, r.indexOf(': each'))),
      ['Alias: Alias → Other → Alias', 'Holder property held: Holder.held → HolderAlias → Holder'],
    );
    // An imported definition keeps its loop, and is warned of it.
    @Controller()
    class D {
      @Post('/people') @Returns(204) people(@Body() _p: Person): void {}
    }
    const imported = resolved([D], { asDeclared: true });
    assert.deepEqual(
      imported.diagnostics.filter((d) => d.code === 'FP1426').map((d) => d.severity),
      ['warning'],
    );
  });

  check('FP1107', 'a Request policy that writes a property the body class refuses', () => {
    @Schema({ additionalProperties: true })
    class Open {
      @IsString() name!: string;
    }
    class Tagged {
      @IsString() name!: string;
      @Field({ visibility: 'internal' }) @IsOptional() @IsString() source?: string;
    }
    @Controller('/w')
    class Writes {
      @Post('/a') @Action({ id: 'A', summary: 'Do A' }) @Returns(204) a(@Body() _b: Dto): void {}
      @Post('/b') @Action({ id: 'B', summary: 'Do B' }) @Returns(204) b(@Body() _b: Open): void {}
      @Post('/c') @Action({ id: 'C', summary: 'Do C' }) @Returns(204) c(@Body() _b: Tagged): void {}
      @Get('/d') @Action({ id: 'D', summary: 'Do D' }) @Returns(204) d(): void {}
    }
    const write = (o: Partial<Parameters<typeof setProperty>[0]> = {}) =>
      setProperty({
        newPropertyParentPathTemplate: '@body()',
        newPropertySubPathTemplate: 'source',
        propertyValuePathTemplate: 'flowport',
        section: 'Request',
        ...o,
      });
    // Before, it built, and every call through the connector was a 400 ("is not a known property").
    assert.deepEqual(reported(connectorOf([Writes], { policies: [write()] }), 'FP1107'), [
      'connector policies[0] Writes.a: policy "Set property" writes "source" into the body of A, which Dto does not declare: the API would refuse every call made through the connector',
    ]);
    // A Response policy, a nested parent, operations out of its scope, or a body that has the property.
    for (const policies of [
      [write({ section: 'Response' })],
      [write({ newPropertyParentPathTemplate: '@body().meta' })],
      [write({ operations: [() => Writes.prototype.b, () => Writes.prototype.c] })],
    ]) {
      assert.doesNotThrow(() => resolve(connectorOf([Writes], { policies })));
    }
  });

  check('FP1108', 'a policy that routes calls where no operation is served', () => {
    @Controller('/r')
    class Routed {
      @Get('/items/{id}') @Action({ id: 'GetItem', summary: 'Get item' }) @Returns(204) get(
        @Path('id') _id: string,
      ): void {}
      @Get('/v1/items/{id}') @Action({ id: 'GetItemV1', summary: 'Get item v1' }) @Returns(204) old(
        @Path('id') _id: string,
      ): void {}
      @Put('/items/{id}') @Action({ id: 'PutItem', summary: 'Put item' }) @Returns(204) put(
        @Path('id') _id: string,
      ): void {}
    }
    const old = () => Routed.prototype.old;
    const route = (newPath: string, httpMethod?: string) =>
      routeRequestToEndpoint({ newPath, ...(httpMethod && { httpMethod }), operations: [old] } as never);
    // Before, it built, and the API answered every call through the connector with a 404.
    assert.deepEqual(
      reported(
        connectorOf([Routed], { policies: [route('/v2/items/{id}'), route('/r/items/{key}', 'POST')] }),
        'FP1108',
      ),
      [
        'connector policies[0] Routed.old: policy "Route to /v2/items/{id}" sends GetItemV1 to GET /v2/items/{id}, which no operation of the connector serves: the API would refuse every call made through the connector',
        'connector policies[1] Routed.old: policy "Route to /r/items/{key}" sends GetItemV1 to POST /r/items/{key}, which no operation of the connector serves: the API would refuse every call made through the connector',
      ],
    );
    // A served route: another variable name, no leading slash, a trailing one, another method, the original one.
    for (const policy of [
      route('/r/items/{key}'),
      route('r/Items/{id}/', '@Request.OriginalHTTPMethod'),
      route('/r/items/{id}', 'PUT'),
      route("/@{connectionParameters('x')}/items"),
    ]) {
      assert.doesNotThrow(() => resolve(connectorOf([Routed], { policies: [policy] })));
    }
  });

  check('FP1109', 'a polling policy that sets a query parameter the operation does not declare', () => {
    @Controller('/p')
    class Polled {
      @Get('/new')
      @Trigger({ id: 'OnNew', kind: 'batch', summary: 'When an item is added' })
      @Returns(200, [Dto])
      poll(@Query('since', { visibility: 'internal' }) _since?: string): Dto[] {
        return [];
      }
    }
    const polling = (triggerConfig: Record<string, string>) =>
      pollingTriggerPolicy({
        triggerConfig,
        triggerDataPath: '@triggerBody()',
        operations: [() => Polled.prototype.poll],
      });
    // Before, it built, and the handler never saw the cursor: each poll answered the same items.
    assert.deepEqual(
      reported(connectorOf([Polled], { policies: [polling({ after: '@{triggerBody()[0].id}' })] }), 'FP1109'),
      [
        'connector policies[0] Polled.poll: policy "Polling trigger" sets query parameter "after" of OnNew at each poll, which it does not declare: its handler never gets it, and each poll answers the same items',
      ],
    );
    assert.doesNotThrow(() =>
      resolve(
        connectorOf([Polled], {
          policies: [polling({ since: '@{triggerBody()[0].at}', 'x-ms-triggerConfig-nextLink': '@odata.nextLink' })],
        }),
      ),
    );
  });

  describe('policies that reshape a body', () => {
    class Entry {
      @Field({ additionalProperties: String }) @IsOptional() fields?: Record<string, string>;
      @Field({ type: [String] }) @IsOptional() tags?: string[];
      @IsOptional() @IsString() people?: string;
    }
    class Task {
      @IsString() id!: string;
      @Field({ additionalProperties: String }) assignees!: Record<string, string>;
    }
    class Tasks {
      @Field({ type: [Task] }) value!: Task[];
    }
    @Controller('/e')
    class Entries {
      @Post('/entries') @Action({ id: 'AddEntry', summary: 'Add entry' }) @Returns(204) add(@Body() _e: Entry): void {}
      @Get('/tasks/{id}') @Action({ id: 'GetTask', summary: 'Get task' }) @Returns(200, Task) get(
        @Path('id') _id: string,
      ): void {}
      @Get('/tasks') @Action({ id: 'ListTasks', summary: 'List tasks' }) @Returns(200, Tasks) list(): void {}
    }
    const add = () => Entries.prototype.add;

    check('FP1110', 'a Request policy that writes a shape the body class does not take', () => {
      const policies = [
        convertObjectToArray({
          section: 'Request',
          propertyParentPath: '@body()',
          propertySubPath: 'fields',
          newPropertyPath: '@body().fields',
          operations: [add],
        }),
        convertArrayToObject({
          section: 'Request',
          propertyParentPath: '@body()',
          propertySubPath: 'tags',
          keyWithinCollectionPath: 'name',
          newPropertyPath: "@body()['tagged']",
        }),
      ];
      // Before, both built, and every call through the connector that gave fields or tags was a 400.
      assert.deepEqual(reported(connectorOf([Entries], { policies }), 'FP1110'), [
        'connector policies[0] Entries.add: policy "Convert object to array" writes fields of the body of AddEntry as an array, where Entry declares an object: the API would refuse every call that gives it',
        'connector policies[1] Entries.add: policy "Convert array to object" writes tagged of the body of AddEntry as an object, where Entry declares no such property: the API would refuse every call that gives it',
      ]);
      // The shape the body declares, a Response policy, an expression it cannot follow, no section.
      for (const policy of [
        stringToArray({
          section: 'Request',
          propertyParentPath: '@body()',
          propertySubPath: 'people',
          delimiterList: ';',
          childPropertyName: 'id',
          newPropertyPath: '@body().tags',
        }),
        convertObjectToArray({
          section: 'Response',
          propertyParentPath: '@body()',
          newPropertyPath: '@body().fields',
          operations: [add],
        }),
        convertObjectToArray({
          section: 'Request',
          propertyParentPath: "@{body('x')}",
          newPropertyPath: '@body().fields',
        }),
        convertObjectToArray({ propertyParentPath: '@body()', newPropertyPath: '@body().fields' }),
      ]) {
        assert.doesNotThrow(() => resolve(connectorOf([Entries], { policies: [policy] })));
      }
    });

    check('FP1111', 'a Response policy that rewrites an answer into a shape it does not declare', () => {
      const assignees = (o: Partial<Parameters<typeof convertObjectToArray>[0]>) =>
        convertObjectToArray({
          section: 'Response',
          propertyParentPath: '@body()',
          propertySubPath: 'assignees',
          newPropertyPath: '@body().assignees',
          ...o,
        });
      const policies = [
        assignees({ operations: [() => Entries.prototype.get] }),
        assignees({
          propertyParentPath: '@body().value',
          newPropertyPath: '@item().assignees',
          operations: [() => Entries.prototype.list],
        }),
      ];
      // Before, both built, and flows read assignees as the object the designer showed, getting an array.
      assert.deepEqual(reported(connectorOf([Entries], { policies }), 'FP1111'), [
        'connector policies[0] Entries.get: policy "Convert object to array" rewrites assignees of the 200 answer of GetTask as an array, where the answer declares an object: flows read it as declared and would get an array',
        'connector policies[1] Entries.list: policy "Convert object to array" rewrites value[].assignees of the 200 answer of ListTasks as an array, where the answer declares an object: flows read it as declared and would get an array',
      ]);
      // A new property the answer does not declare is the flow's own to read.
      assert.doesNotThrow(() =>
        resolve(connectorOf([Entries], { policies: [assignees({ newPropertyPath: '@body()._assignees' })] })),
      );
    });
  });

  describe('webhooks written by hand', () => {
    function hookConnector(
      field: Record<string, unknown>,
      optional: boolean,
      opts: { kind?: 'single' | 'batch'; del?: boolean; content?: boolean } = {},
    ) {
      class Reg {
        @Field(field)
        @(optional ? IsOptional() : Field({}))
        cb!: string;
      }
      @Controller()
      class H {
        @Post('/hooks')
        @Trigger({
          kind: opts.kind ?? 'single',
          summary: 'When it happens',
          notificationContent: opts.content === false ? undefined : { type: Dto },
        })
        @Returns(201)
        reg(@Body() _b: Reg): void {}
      }
      @Controller()
      class D {
        @Delete('/hooks/{id}') @Returns(204) del(@Path('id') _id: string): void {}
      }
      return connectorOf(opts.del === false ? [H] : [H, D]);
    }
    const url = { notificationUrl: true, visibility: 'internal', type: String };

    check('FP1201', 'notification URL not required', () => {
      expectDiagnostic(
        hookConnector(url, true),
        'FP1201',
        'the notification URL field "cb" must be required at every level of the body',
        {
          class: 'H',
          method: 'reg',
          property: 'cb',
        },
      );
    });
    check('FP1202', 'notification URL not internal', () => {
      expectDiagnostic(
        hookConnector({ notificationUrl: true, type: String }, false),
        'FP1202',
        'the notification URL field "cb" (or a parent) must have visibility "internal"',
        { class: 'H', method: 'reg', property: 'cb' },
      );
    });
    check('FP1203', 'webhook without a DELETE operation', () => {
      expectDiagnostic(
        hookConnector(url, false, { del: false }),
        'FP1203',
        'webhook trigger Reg has no DELETE operation for its subscriptions',
        {
          class: 'H',
          method: 'reg',
        },
      );
    });
    check('FP1204', 'notification content without a notification URL field', () => {
      expectDiagnostic(
        hookConnector({ type: String }, false),
        'FP1204',
        'trigger Reg declares notification content but its body has no field marked notificationUrl',
        { class: 'H', method: 'reg' },
      );
    });
    check('FP1205', 'notification URL without notification content', () => {
      expectDiagnostic(
        hookConnector(url, false, { content: false }),
        'FP1205',
        'operation Reg has a notification URL field but no notification content',
        {
          class: 'H',
          method: 'reg',
        },
      );
    });
    check('FP1206', 'webhook that is not single', () => {
      expectDiagnostic(
        hookConnector(url, false, { kind: 'batch' }),
        'FP1206',
        /webhook trigger Reg must be x-ms-trigger "single"/,
        {
          class: 'H',
          method: 'reg',
        },
      );
    });
    check('FP1207', 'notification URL that is not a string', () => {
      expectDiagnostic(
        hookConnector({ notificationUrl: true, visibility: 'internal', type: Number }, false),
        'FP1207',
        'the notification URL field "cb" must be a string',
        { class: 'H', method: 'reg', property: 'cb' },
      );
    });
  });

  check('FP1301', 'internal required parameter without default', () => {
    @Controller()
    class C {
      @Get('/a') @Returns(200) get(@Query('v', { required: true, visibility: 'internal' }) _v: string): void {}
    }
    expectDiagnostic(
      connectorOf([C]),
      'FP1301',
      '"v" is internal and required but has no default, so the platform cannot fill it',
      {
        class: 'C',
        method: 'get',
        parameter: { name: 'v', index: 0 },
      },
    );
  });

  check('FP1302', 'summary over 80 characters', () => {
    @Controller()
    class C {
      @Get('/a') @Action({ id: 'Long', summary: 'x'.repeat(81) }) @Returns(200) get(): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1302', 'summary of Long has 81 characters; the limit is 80', {
      class: 'C',
      method: 'get',
    });
  });

  check('FP1302', 'summary over 80 characters once an older revision is marked deprecated', () => {
    // Before, the message counted 87 characters in a summary written with 74, and did not say why.
    const summary = 'List the items of the catalogue that were changed within the chosen period';
    @Controller()
    class C {
      @Get('/v1')
      @Action({ id: 'ListItems', summary, annotation: { family: 'Items', revision: 1 } })
      @Returns(200)
      v1(): void {}
      @Get('/v2')
      @Action({ id: 'ListItemsV2', summary: 'List items', annotation: { family: 'Items', revision: 2 } })
      @Returns(200)
      v2(): void {}
    }
    assert.equal(summary.length, 74);
    expectDiagnostic(
      connectorOf([C]),
      'FP1302',
      'summary of ListItems has 87 characters with the "(deprecated)" that marks an older revision of "Items"; the limit is 80',
      { class: 'C', method: 'v1' },
    );
  });

  check('FP1303', 'url-encoding on a query parameter', () => {
    @Controller()
    class C {
      @Get('/a') @Returns(200) get(@Query('q', { urlEncoding: 'double' }) _q: string): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1303', 'x-ms-url-encoding is only for path parameters ("q" is in query)', {
      class: 'C',
      method: 'get',
      parameter: { name: 'q', index: 0 },
    });
  });

  check('FP1304', 'parameter option where it does not apply', () => {
    class Doc {
      @Field() name!: string;
    }
    @Controller()
    class C {
      @Get('/a/{id}') @Returns(200) a(@Path('id', { required: false }) _id: string): void {}
      @Get('/b/{id}') @Returns(200) b(@Path('id', { allowEmptyValue: true }) _id: string): void {}
      @Get('/c') @Returns(200) c(@Header('x-tags', { items: String, collectionFormat: 'multi' }) _t: string[]): void {}
      @Get('/d') @Returns(200) d(@Query('tag', { collectionFormat: 'csv' }) _t: string): void {}
      @Post('/e') @Returns(200) e(@Body({ minLength: 1, maxItems: 3 }) _b: Doc): void {}
      @Post('/f') @Returns(200) f(@Body({ collectionFormat: 'csv' }) _b: Doc): void {}
    }
    const found = reported(connectorOf([C]), 'FP1304');
    assert.deepEqual(found, [
      'C.a param #0 (id): required: false does not apply to a path parameter: a URL has every variable of its path, so Swagger 2.0 makes every path parameter required',
      'C.b param #0 (id): allowEmptyValue does not apply to a path parameter: Swagger 2.0 allows it only on query and form-data parameters, and its schema refuses it elsewhere',
      "C.c param #0 (x-tags): collectionFormat: 'multi' does not apply to a header parameter: 'multi' sends the parameter once per item, which only the query string and forms can carry",
      "C.d param #0 (tag): collectionFormat: 'csv' does not apply to a query parameter: it says how the items of an array are joined, and the value is a string",
      'C.e param #0 (body): minLength does not apply to the body: the body is an object, and it constrains strings, numbers or arrays',
      'C.e param #0 (body): maxItems does not apply to the body: the body is an object, and it constrains strings, numbers or arrays',
      "C.f param #0 (body): collectionFormat: 'csv' does not apply to the body: the body travels as JSON, not as a joined list",
    ]);
    expectDiagnostic(connectorOf([C]), 'FP1304', /^required: false/, {
      class: 'C',
      method: 'a',
      parameter: { name: 'id', index: 0 },
    });
  });

  it('FP1304 leaves options where they apply: an empty query value, a repeated query array, a body array', () => {
    class Doc {
      @Field() name!: string;
    }
    @Controller()
    class C {
      @Get('/a/{id}') @Returns(200) a(
        @Path('id', { required: true }) _id: string,
        @Query('page', { allowEmptyValue: true }) _p: number,
        @Query('tag', { items: String, collectionFormat: 'multi' }) _t: string[],
        @Header('x-ids', { items: String, collectionFormat: 'pipes' }) _i: string[],
      ): void {}
      @Post('/b') @Returns(200) b(@Body({ type: [Doc], minItems: 1 }) _b: Doc[]): void {}
    }
    const paths = connectorDefinition(resolve(connectorOf([C]))).paths as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.equal(paths['/a/{id}'].get.parameters[1].allowEmptyValue, true);
    assert.equal(paths['/a/{id}'].get.parameters[2].collectionFormat, 'multi');
    assert.equal(paths['/b'].post.parameters[0].schema.minItems, 1);
  });

  it('checks the keywords of a body of a string as those of a parameter (FP1411, FP1415, FP1418)', () => {
    @Controller()
    class C {
      @Post('/a') @Action({ summary: 'Text', consumes: ['text/plain'] }) @Returns(200) post(
        @Body({ minLength: -1, pattern: '(', minimum: 3 }) _b: string,
      ): void {}
    }
    assert.deepEqual(
      diagnosticsOf(connectorOf([C])).map((d) => d.code),
      ['FP1418', 'FP1411', 'FP1415'],
    );
  });

  check('FP1305', 'a parameter name no request can carry', () => {
    @Controller()
    class C {
      @Get('/a') @Returns(200) a(@Query('') _q: string, @Query('a b') _ok: string): void {}
      @Get('/b') @Returns(200) b(@Header('x tag') _h: string, @Header('X-Request-Id') _ok: string): void {}
      @Post('/c') @Returns(200) c(@FormField('prénom') _f: string): void {}
    }
    assert.deepEqual(reported(connectorOf([C]), 'FP1305'), [
      'C.a param #0: parameter name "" is empty, so no request can name it',
      'C.b param #0 (x tag): parameter name "x tag" is not an HTTP header name, which has letters, digits and !#$%&\'*+-.^_`|~ only',
      'C.c param #0 (prénom): parameter name "prénom" is not printable US-ASCII, which the platform requires of form fields',
    ]);
  });

  check('FP1307', 'a parameter decorator given no name', () => {
    // Before, this was "the parameter name must be a string, not undefined", whose hint asked to
    // run tsc. Without a name, @Query() takes a class of query parameters; a number is none.
    @Controller()
    class C {
      @Get('/a/{id}') @Returns(200) a(
        @Query(loose<string>(undefined)) _q: number,
        @Path(loose<string>(undefined)) _id: string,
      ): void {}
    }
    const found = diagnosticsOf(connectorOf([C])).filter((d) => d.code === 'FP1307');
    assert.deepEqual(
      found.map((d) => `${formatLocation(d.at)}: ${d.message}`),
      [
        'C.a param #0: @Query() is given no name, which is what the request carries the value under',
        'C.a param #1: @Path() is given no name, which is what the request carries the value under',
      ],
    );
    assert.equal(
      found[0].hint,
      "Name it first: @Query('top', { … }) top?: number. Without a name, @Query() takes a class whose fields are the query parameters: @Query() query: ListQuery, the class alone (TypeScript records ListQuery | undefined as Object).",
    );
    assert.equal(found[1].hint, "Name it first: @Path('id', { … }) id: string.");
  });

  check('FP1308', 'a parameter with a default in code', () => {
    // Before, the handler used 10 where a request left `top` out, and the designer showed no
    // default: a flow could not tell what it would get.
    @Controller()
    class C {
      @Get('/a/{id}') @Returns(200) a(
        @Path('id') _id: string,
        @Query('top', { type: 'integer' }) _top = 10,
        @Query('q', { type: String }) _q?: string,
      ): void {}
      @Get('/b') @Returns(200) b(@Query('top', { type: 'integer', default: 10 }) _top: number): void {}
    }
    const found = diagnosticsOf(connectorOf([C])).filter((d) => d.code === 'FP1308');
    assert.deepEqual(
      found.map((d) => `${formatLocation(d.at)}: ${d.message}`),
      [
        'C.a param #1 (top): the parameter has a default in code (top = …), which the definition cannot show: the designer offers none, and the flow cannot tell what a request that leaves it out gets',
      ],
    );
    assert.equal(
      found[0].hint,
      "Give it in the options instead, @Query('top', { default: … }): Flowport fills it in where a request leaves the parameter out, so the handler still gets it, and the designer shows it.",
    );
  });

  check('FP1306', 'a read-only property a request body requires', () => {
    // Before, the validator asked every caller for the server's own id: a 400 without it.
    class Record {
      @Field({ readOnly: true }) id!: string;
      @Field() name!: string;
    }
    class Batch {
      @Field({ type: [Record] }) records!: Record[];
    }
    // Answered only, never sent: it may require what the server fills in.
    class Receipt {
      @Field({ readOnly: true }) id!: string;
    }
    @Controller()
    class C {
      @Post('/batch') @Returns(200, Receipt) batch(@Body() _b: Batch): void {}
      @Post('/one') @Returns(200, Record) one(@Body() _r: Record): void {}
    }
    assert.deepEqual(reported(connectorOf([C]), 'FP1306'), [
      'Record property id: "id" is read-only and required, and Batch takes it in its request body, where a read-only property is never sent',
    ]);
  });

  function bodyOf(dto: Function) {
    @Controller()
    class C {
      @Post('/a') @Returns(200) post(@Body({ type: dto as never }) _b: unknown): void {}
    }
    return connectorOf([C]);
  }

  check('FP1401', 'constraint with no schema form', () => {
    class Place {
      @IsLatLong()
      where!: string;
    }
    expectDiagnostic(bodyOf(Place), 'FP1401', /constraint @IsLatLong has no JSON Schema form/, {
      class: 'Place',
      property: 'where',
    });
  });

  check('FP1402', 'untyped property', () => {
    class Loose {
      @Field({ summary: 'Value' })
      value!: string | number;
    }
    expectDiagnostic(
      bodyOf(Loose),
      'FP1402',
      'the type cannot be read from its declaration (Object: TypeScript records unions (T | undefined, T | null), interfaces and any as Object, and swc, which flowport build compiles with, type aliases and the class being declared too)',
      { class: 'Loose', property: 'value' },
    );
    // A response's type is named by its status: before, only the method was, and "this property"
    // sent the reader looking for a property.
    @Controller('/loose')
    class Responder {
      @Get('/') @Action({ summary: 'Get' }) @Returns(200, Object) get(): void {}
    }
    const [d] = diagnosticsOf(connectorOf([Responder])).filter((x) => x.code === 'FP1402');
    assert.deepEqual(d?.at, { class: 'Responder', method: 'get', response: '200' });
    assert.equal(formatLocation(d.at), 'Responder.get response 200');
    // Each hint is the fix for its place: before, every one listed the fixes of all three.
    assert.equal(d.hint, "Say the type: @Returns(200, …) takes a class, [Class], 'object' or 'file'.");
    // Options given where the type goes (JavaScript, or a build that checks no types) read as
    // "[object Object]" before.
    @Controller('/misplaced')
    class Misplaced {
      @Get('/a') @Returns(200, { type: Object } as never) a(): void {}
      @Get('/b') @Returns(200, 'json' as never) b(): void {}
    }
    assert.deepEqual(
      diagnosticsOf(connectorOf([Misplaced]))
        .filter((x) => x.code === 'FP1402')
        .map((x) => x.message),
      [
        'the type cannot be read from its declaration ({ type }, an object where a type belongs)',
        'the type cannot be read from its declaration ("json" is not a type name)',
      ],
    );
    // An enum given as a type says where its values go.
    enum Level {
      Low = 1,
      High = 3,
    }
    class Leveled {
      @Field({ type: () => Level as never }) level!: Level;
    }
    assert.equal(
      diagnosticsOf(bodyOf(Leveled)).find((x) => x.code === 'FP1402')?.message,
      'the type cannot be read from its declaration (the enum { Low, High } given as a type: its values go in the enum option, beside type: Number)',
    );
    assert.equal(
      diagnosticsOf(bodyOf(Loose)).find((x) => x.code === 'FP1402')?.hint,
      'Say the type: @Field({ type: String }), or a constraint that types it such as @IsString(); a class by a thunk, such as @Field({ type: () => Loose }).',
    );
    @Controller('/q')
    class Query1 {
      @Get('/') @Returns(204) get(@Query('top') _top: number | undefined, @Query('page') _page: Dto): void {}
    }
    assert.deepEqual(
      diagnosticsOf(connectorOf([Query1]))
        .filter((x) => x.code === 'FP1402')
        .map((x) => x.hint),
      [
        'Say the type: the decorator\'s options, such as { type: Number } for "top"; an object (an interface or a type alias, which leave nothing at run time) is declared as a class with decorated fields.',
        'Say the type: take it with @Body(), or take each of its fields as a parameter of its own.',
      ],
    );
    // Before, a list was told `{ type: Number }`, which FP1404 then refuses for a list, and an
    // interface (tsoa's way to type a body) was not told that it needs a class.
    interface Order {
      id: string;
    }
    @Controller('/i')
    class FromTsoa {
      @Post('/') @Returns(204) create(@Body() _order: Order, @Query('ids') _ids: string[]): void {}
    }
    assert.deepEqual(
      diagnosticsOf(connectorOf([FromTsoa]))
        .filter((x) => x.code === 'FP1402')
        .map((x) => x.hint),
      [
        'Say the type: the decorator\'s options, such as { type: Number } for "body"; an object (an interface or a type alias, which leave nothing at run time) is declared as a class with decorated fields.',
        'Say the type: the item type in the decorator\'s options, such as { type: [String] } for "ids".',
      ],
    );
    // Before, a header list of a class built, and its `items: { $ref }` is not Swagger 2.0; a
    // query list of lists built too, and `?q=a,b` reached the handler as [["a"],["b"]].
    @Controller('/lists')
    class Lists {
      @Get('/') @Returns(204) get(
        @Header('x-dtos', { type: [Dto], required: false }) _dtos: Dto[],
        @Query('grid', { type: [[String]], required: false }) _grid: string[][],
        @Query('rows', { type: [[Dto]], required: false }) _rows: Dto[][],
        @Query('tags', { type: [String], required: false }) _tags: string[],
      ): void {}
    }
    assert.deepEqual(
      diagnosticsOf(connectorOf([Lists]))
        .filter((x) => x.code === 'FP1402')
        .map((x) => [formatLocation(x.at), x.message, x.hint]),
      [
        [
          'Lists.get param #0 (x-dtos)',
          'the type cannot be read from its declaration (a list of objects, but only the body can carry objects)',
          'Say the type: take it with @Body(), or take a list of strings or numbers.',
        ],
        [
          'Lists.get param #1 (grid)',
          'the type cannot be read from its declaration (a list of lists, whose values a query string, header or form field cannot tell apart)',
          'Say the type: take one list of values, or take it with @Body().',
        ],
        [
          'Lists.get param #2 (rows)',
          'the type cannot be read from its declaration (a list of lists, whose values a query string, header or form field cannot tell apart)',
          'Say the type: take one list of values, or take it with @Body().',
        ],
      ],
    );
  });

  check('FP1403', 'two classes with one name', () => {
    const make = () => {
      class Twin {
        @IsString() a!: string;
      }
      return Twin;
    };
    const [one, two] = [make(), make()];
    class Pair {
      @ValidateNested() @Type(() => one) first!: object;
      @ValidateNested() @Type(() => two) second!: object;
    }
    expectDiagnostic(bodyOf(Pair), 'FP1403', 'two different classes are both named "Twin"', { class: 'Twin' });
  });

  check('FP1404', 'array without element type', () => {
    class Bag {
      @IsOptional() items?: string[];
    }
    expectDiagnostic(bodyOf(Bag), 'FP1404', 'the element type of this array is unknown', {
      class: 'Bag',
      property: 'items',
    });
  });

  check('FP1405', 'pattern with flags', () => {
    class Code {
      @Matches(/^[a-z]+$/i) code!: string;
    }
    expectDiagnostic(
      bodyOf(Code),
      'FP1405',
      'pattern /^[a-z]+$/i uses regular-expression flags (i) that JSON Schema cannot carry',
      {
        class: 'Code',
        property: 'code',
      },
    );
  });

  check('FP1406', 'constraints of two types', () => {
    class Mixed {
      @IsString() @IsInt() value!: string;
    }
    expectDiagnostic(bodyOf(Mixed), 'FP1406', 'constraints disagree about the type: string and integer', {
      class: 'Mixed',
      property: 'value',
    });
    // Once: before, the constraint that changed the type back was reported too ("integer and string").
    assert.equal(diagnosticsOf(bodyOf(Mixed)).filter((d) => d.code === 'FP1406').length, 1);
  });

  check('FP1407', 'dictionary editor on a non-dictionary', () => {
    class Ed {
      @Field({ editor: 'dictionary' }) @IsString() value!: string;
    }
    expectDiagnostic(bodyOf(Ed), 'FP1407', /x-ms-editor "dictionary" needs an object schema/, {
      class: 'Ed',
      property: 'value',
    });
  });

  check('FP1408', 'constraint arguments the schema cannot carry', () => {
    class Contact {
      @IsEmail({ require_tld: false }) email!: string;
    }
    expectDiagnostic(
      bodyOf(Contact),
      'FP1408',
      '@IsEmail: its options { require_tld: false } have no JSON Schema form, so the published schema could not promise them',
      { class: 'Contact', property: 'email' },
    );
  });

  check('FP1409', 'a format the platform does not accept', () => {
    class Group {
      @Field({ format: 'guid' }) @IsString() id!: string;
    }
    expectDiagnostic(
      bodyOf(Group),
      'FP1409',
      'format "guid" is not one the Power Platform accepts, so the definition would fail its schema',
      { class: 'Group', property: 'id' },
    );
    @Controller()
    class ByParameter {
      @Get('/g') @Returns(200) get(@Query('id', { format: 'guid' }) _id: string): void {}
    }
    expectDiagnostic(connectorOf([ByParameter]), 'FP1409', /format "guid"/, {
      class: 'ByParameter',
      method: 'get',
      parameter: { name: 'id', index: 0 },
    });
    @Controller()
    class ByHeader {
      @Post('/g')
      @Returns(201, undefined, { headers: { Location: { format: 'url' } } })
      create(): void {}
    }
    expectDiagnostic(connectorOf([ByHeader]), 'FP1409', /format "url"/, {
      class: 'ByHeader',
      method: 'create',
      response: '201',
    });
  });

  check('FP1410', 'a Date field with a format other than date-time', () => {
    // Before, "2026-11-28" was taken, handed over as a Date, and answered "2026-11-28T00:00:00.000Z",
    // which the field's own format refused (a 500 with response validation).
    class Day {
      @Field({ format: 'date' }) day!: Date;
    }
    expectDiagnostic(
      bodyOf(Day),
      'FP1410',
      'a Date field is written by JSON as a date-time ("2026-11-28T00:00:00.000Z"), which format "date" refuses',
      { class: 'Day', property: 'day' },
    );
    class NoTz {
      @Field({ format: 'date-no-tz' }) at!: Date;
    }
    expectDiagnostic(bodyOf(NoTz), 'FP1410', /format "date-no-tz" refuses/, { class: 'NoTz', property: 'at' });
    class Fine {
      @Field({ format: 'date' }) day!: string;
      @Field() at!: Date;
    }
    assert.doesNotThrow(() => resolve(bodyOf(Fine)));
  });

  check('FP1019', 'a long-running action that answers a file', () => {
    @Controller()
    class C {
      @Get('/report')
      @Action({ summary: 'Report', async: { retryAfter: 5 } })
      @Returns(200, 'binary')
      report(): void {}
      @Get('/summary') @Action({ summary: 'Summary', async: { retryAfter: 5 } }) @Returns(200, Dto) summary(): void {}
    }
    const found = diagnosticsOf(connectorOf([C])).filter((d) => d.code === 'FP1019');
    assert.deepEqual(
      found.map((d) => [d.message, d.at]),
      [
        [
          'a long-running action keeps its result in the job store as JSON until it is polled, so it cannot answer a file',
          { class: 'C', method: 'report', response: '200' },
        ],
      ],
    );
  });

  check('FP1020', 'chunkTransfer on an operation the platform never sends content in chunks', () => {
    // The platform opens a chunked upload with an empty POST or PUT and sends the content in
    // PATCHes; a JSON body, a GET or a trigger never gets there.
    @Controller()
    class C {
      @Post('/json') @Action({ summary: 'Json', chunkTransfer: true }) @Returns(200) json(@Body() _d: Dto): void {}
      @Get('/read') @Action({ summary: 'Read', chunkTransfer: true }) @Returns(200) read(): void {}
      @Put('/file')
      @Action({ summary: 'File', chunkTransfer: true })
      @Returns(204)
      file(@Body({ type: 'binary' }) _b: unknown): void {}
    }
    const found = diagnosticsOf(connectorOf([C])).filter((d) => d.code === 'FP1020');
    const claim =
      'chunkTransfer is declared, but the platform sends in chunks only the raw body of a POST or PUT action';
    assert.deepEqual(
      found.map((d) => [d.message, d.at]),
      [
        [`${claim}, and this one takes no raw binary body`, { class: 'C', method: 'json' }],
        [`${claim}, and this is a GET`, { class: 'C', method: 'read' }],
      ],
    );
    // Where it holds, it is emitted.
    @Controller()
    class Fine {
      @Put('/file')
      @Action({ summary: 'File', chunkTransfer: true })
      @Returns(204)
      file(@Body({ type: 'binary' }) _b: unknown): void {}
    }
    const swagger = connectorDefinition(resolve(connectorOf([Fine]))) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    assert.deepEqual(swagger.paths['/file'].put['x-ms-capabilities'], { chunkTransfer: true });
  });

  check('FP1021', 'a long-running action that takes a raw binary body', () => {
    // Before, flowport build wrote the connector and createApp threw a bare Error naming the operation.
    @Controller()
    class C {
      @Post('/import')
      @Action({ summary: 'Import', async: { retryAfter: 5 } })
      @Returns(200, Dto)
      import(@Body({ type: 'binary' }) _file: unknown): void {}
    }
    expectDiagnostic(
      connectorOf([C]),
      'FP1021',
      'a long-running action keeps its input in the job store to run it later, so it cannot take a raw binary body, which is a stream',
      { class: 'C', method: 'import', parameter: { name: 'body', index: 0 } },
    );
  });

  check('FP1022', 'two routes, or two operation declarations, on one method', () => {
    // Before, the decorator applied last replaced the other: GET /b was never routed or emitted.
    @Controller()
    class C {
      @Get('/a') @Get('/b') @Action({ summary: 'List' }) @Returns(200) list(): void {}
      @Post('/c') @Action({ summary: 'One' }) @Trigger({ kind: 'single', summary: 'One' }) @Returns(200) make(): void {}
    }
    const found = diagnosticsOf(connectorOf([C])).filter((d) => d.code === 'FP1022');
    assert.deepEqual(
      found.map((d) => [d.message, d.at]),
      [
        [
          "the method has @Get('/a'), @Get('/b'); a method takes one route and one @Action or @Trigger",
          { class: 'C', method: 'list' },
        ],
        [
          'the method has @Action, @Trigger; a method takes one route and one @Action or @Trigger',
          { class: 'C', method: 'make' },
        ],
      ],
    );
  });

  check('FP1023', 'two responses of one status', () => {
    // Before, one of them was emitted and the other dropped without a word.
    @Controller()
    class C {
      @Get('/a') @Returns(200, Dto) @Returns(200, [Dto]) list(): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1023', 'status 200 is declared by 2 @Returns; a response has one schema', {
      class: 'C',
      method: 'list',
      response: '200',
    });
  });

  check('FP1024', 'one handler parameter with two parameter decorators', () => {
    // Before, the decorator applied last won: the header was never read nor published.
    @Controller()
    class C {
      @Get('/a') @Returns(200) list(@Query('q') @Header('x-q') _q: string): void {}
    }
    expectDiagnostic(
      connectorOf([C]),
      'FP1024',
      "handler parameter #0 has @Query('q'), @Header('x-q'); a handler parameter binds one request value",
      { class: 'C', method: 'list', parameter: { name: 'x-q', index: 0 } },
    );
  });

  check('FP1025', 'an extensions key that does not start with x-', () => {
    // Before, each was written into the definition as it was: a key Swagger 2.0 refuses there.
    const key = <T>(k: string) => loose<T>({ [k]: 1 });
    class D {
      @Field({ extensions: key('field') }) a!: string;
    }
    @Controller('/', { extensions: key('controller') })
    class C {
      @Post('/a')
      @Action({ summary: 'A', extensions: key('operation'), pathExtensions: key('path') })
      @Returns(200, D, {
        extensions: key('response'),
        headers: { 'x-h': { type: 'string', extensions: key('header') } },
      })
      a(@Body() d: D, @Query('q', { extensions: key('parameter') }) _q: string): D {
        return d;
      }
    }
    const found = (connector: Connector) => reported(connector);
    // The connector's own options are checked first: resolve() stops when one of them is wrong.
    const options = {
      info: { ...connectorOf([]).options.info, extensions: key<Extensions>('info') },
      extensions: loose<Extensions>({ 'x-fine': 1, root: 2 }),
      pathExtensions: { '/b': key<Extensions>('pathItem') },
    };
    assert.deepEqual(found(connectorOf([C], options)), [
      'connector info.extensions: info.extensions has the key "info", which does not start with "x-"',
      'connector extensions: extensions has the key "root", which does not start with "x-"',
      'connector pathExtensions["/b"]: pathExtensions["/b"] has the key "pathItem", which does not start with "x-"',
    ]);
    assert.deepEqual(found(connectorOf([C])), [
      'C: extensions has the key "controller", which does not start with "x-"',
      'C.a: extensions has the key "operation", which does not start with "x-"',
      'C.a: pathExtensions has the key "path", which does not start with "x-"',
      'C.a response 200: extensions has the key "response", which does not start with "x-"',
      'C.a response 200: header x-h extensions has the key "header", which does not start with "x-"',
      'C.a param #1 (q): extensions has the key "parameter", which does not start with "x-"',
      'D property a: extensions has the key "field", which does not start with "x-"',
    ]);
    expectDiagnostic(
      connectorOf([C], { extensions: loose(['x-a']) }),
      'FP1018',
      'extensions must be an object of "x-" keys, not an array',
      { connector: 'extensions' },
    );
  });

  check('FP1026', 'a body or answer the adapter writes as JSON where no JSON type is declared', () => {
    // Before, `consumes: ['application/xml']` on an object body was published as XML and every
    // XML request was a 415; `produces: ['text/csv']` on an object answer was published as CSV and
    // sent as JSON.
    @Controller('/m')
    class C {
      @Post('/xml') @Action({ summary: 'Xml', consumes: ['application/xml'] }) @Returns(204) xml(
        @Body() _d: Dto,
      ): void {}
      @Get('/csv') @Action({ summary: 'Csv', produces: ['text/csv'] }) @Returns(200, Dto) csv(): void {}
      // A string is read and written as text, a file as bytes, and JSON declared beside XML is fine.
      @Post('/text')
      @Action({ summary: 'Text', consumes: ['text/plain'], produces: ['text/plain'] })
      @Returns(200, String)
      text(@Body({ type: String }) _t: string): void {}
      @Get('/pdf') @Action({ summary: 'Pdf', produces: ['application/pdf'] }) @Returns(200, 'file') pdf(): void {}
      @Post('/both')
      @Action({ summary: 'Both', consumes: ['application/xml', 'application/json'] })
      @Returns(204)
      both(@Body() _d: Dto): void {}
    }
    assert.deepEqual(reported(connectorOf([C]), 'FP1026'), [
      'C.xml param #0 (body): the request body is read as JSON, but consumes lists application/xml and no JSON type',
      'C.csv response 200: the 200 answer is written as JSON, but produces lists text/csv and no JSON type',
    ]);
    const [d] = diagnosticsOf(connectorOf([C])).filter((x) => x.code === 'FP1026');
    assert.equal(
      d.hint,
      'Add "application/json" to consumes; or, for text, declare the body as a String, which is read as text.',
    );
    // The connector's own lists count where the operation has none.
    @Controller('/n')
    class D {
      @Post('/a') @Action({ summary: 'A' }) @Returns(204) a(@Body() _d: Dto): void {}
    }
    assert.deepEqual(reported(connectorOf([D], { consumes: ['multipart/form-data'] }), 'FP1026'), [
      'D.a param #0 (body): the request body is read as JSON, but consumes lists multipart/form-data and no JSON type',
    ]);
  });

  check('FP1027', 'a form whose consumes cannot carry it', () => {
    // Before, a form with `consumes: ['application/json']` was published so, and the adapter took
    // any form but refused JSON; a file beside urlencoded alone could never arrive.
    @Controller('/f')
    class C {
      @Post('/json') @Action({ summary: 'Json', consumes: ['application/json'] }) @Returns(204) json(
        @FormField('a') _a: string,
      ): void {}
      @Post('/file')
      @Action({ summary: 'File', consumes: ['application/x-www-form-urlencoded'] })
      @Returns(204)
      file(@FormField('note') _n: string, @FormFile('doc') _d: unknown): void {}
      @Post('/both')
      @Action({ summary: 'Both', consumes: ['multipart/form-data', 'application/x-www-form-urlencoded'] })
      @Returns(204)
      both(@FormField('raw', { type: 'binary' }) _r: unknown): void {}
      // Fine: what Flowport declares itself, and a text form in either encoding.
      @Post('/auto') @Action({ summary: 'Auto' }) @Returns(204) auto(@FormFile('doc') _d: unknown): void {}
      @Post('/text')
      @Action({ summary: 'Text', consumes: ['application/x-www-form-urlencoded; charset=utf-8'] })
      @Returns(204)
      text(@FormField('a') _a: string): void {}
    }
    assert.deepEqual(reported(connectorOf([C]), 'FP1027'), [
      'C.json: the operation takes form fields, but consumes lists application/json',
      'C.file param #1 (doc): the form field "doc" is a file, which only multipart/form-data carries, but consumes lists application/x-www-form-urlencoded',
      'C.both param #0 (raw): the form field "raw" is a file, which only multipart/form-data carries, but consumes lists multipart/form-data, application/x-www-form-urlencoded',
    ]);
    assert.deepEqual(
      diagnosticsOf(connectorOf([C]))
        .filter((d) => d.code === 'FP1027')
        .map((d) => d.hint),
      [
        'Add "application/x-www-form-urlencoded" to consumes, or leave consumes out and Flowport declares it.',
        'Declare consumes: ["multipart/form-data"], or leave consumes out and Flowport declares it.',
        'Declare consumes: ["multipart/form-data"], or leave consumes out and Flowport declares it.',
      ],
    );
  });

  check('FP1028', 'a route on a property', () => {
    // TypeScript refuses it; flowport build does not type-check, nor does JavaScript. Before, the
    // property was served, and every request to it was a 500 ("fn.apply is not a function").
    @Controller()
    class C {
      list: unknown = () => [];
      get count(): number {
        return 0;
      }
      @Get('/ok') @Returns(200) ok(): void {}
    }
    const applyRoute = (member: string, path: string) => {
      Get(path)(C.prototype, member, loose<PropertyDescriptor>(Object.getOwnPropertyDescriptor(C.prototype, member)));
      Returns(200)(C.prototype, member, loose<PropertyDescriptor>(undefined));
    };
    applyRoute('list', '/list');
    applyRoute('count', '/count');
    assert.deepEqual(reported(connectorOf([C]), 'FP1028'), [
      "C.list: @Get('/list') is on a property, which no request can call",
      "C.count: @Get('/count') is on an accessor, which no request can call",
    ]);
  });

  check('FP1029', 'a long-running action that is pageable', () => {
    // Before, its job kept page(…)'s own shape ({ items, next, parameter }) as the final answer.
    @Controller()
    class C {
      @Get('/runs')
      @Action({ summary: 'Runs', async: {}, pageable: { nextLinkName: 'nextLink' } })
      @Returns(200, Page(Dto))
      runs(): void {}
    }
    expectDiagnostic(
      connectorOf([C]),
      'FP1029',
      'a long-running action answers once, when its polling ends, so it cannot be paged',
      { class: 'C', method: 'runs' },
    );
  });

  check('FP1030', 'a pageable answer without its next link', () => {
    // Before, paging was published that could never go past the first page.
    @Controller()
    class C {
      @Get('/a') @Action({ summary: 'A', pageable: { nextLinkName: 'nextLink' } }) @Returns(200, [Dto]) a(): void {}
      @Get('/b')
      @Action({ summary: 'B', pageable: { nextLinkName: '@odata.nextLink' } })
      @Returns(200, Page(Dto))
      b(): void {}
      @Get('/c')
      @Action({ summary: 'C', pageable: { nextLinkName: '@odata.nextLink' } })
      @Returns(200, Page(Dto, '@odata.nextLink'))
      c(): void {}
    }
    assert.deepEqual(reported(connectorOf([C]), 'FP1030'), [
      'C.a: pageable names "nextLink", but the answer has no such property, where the platform reads the next page\'s URL',
      'C.b: pageable names "@odata.nextLink", but the answer has no such property, where the platform reads the next page\'s URL',
    ]);
    // The two pages of one item are two definitions: both were "DtoPage" (FP1403).
    assert.deepEqual(reported(connectorOf([C]), 'FP1403'), []);
  });

  check('FP1031', "a body declared for a long-running action's 202", () => {
    // Before, the definition promised the body, and the runtime's 202 was empty.
    @Controller()
    class C {
      @Post('/a') @Action({ summary: 'A', async: {} }) @Returns(200, Dto) @Returns(202, Dto) a(): void {}
      @Post('/b') @Action({ summary: 'B', async: {} }) @Returns(200, Dto) @Returns(202) b(): void {}
    }
    assert.deepEqual(reported(connectorOf([C]), 'FP1031'), [
      "C.a response 202: a long-running action's 202 is empty, with the Location to poll, so the body declared for it is never sent",
    ]);
  });

  check('FP1032', 'an option of no such name', () => {
    // Before, each was ignored without a word: the query took any number, the property any
    // length, and the connector refused unknown properties it was meant to allow.
    class Typo {
      @Field({ maxLenght: 3 } as never) name!: string;
    }
    @Controller('/t', { tag: ['x'] } as never)
    class C {
      @Get('/')
      @Action({ summry: 'List' } as never)
      @Returns(200, Typo, { Description: 'The rows' } as never)
      list(
        @Query('top', { type: Number, maxium: 5, multipleof: 2 } as never) _top: number,
        @Body({ name: 'row', Required: true } as never) _row: Typo,
      ): void {}
    }
    const found = (connector: Connector) =>
      diagnosticsOf(connector)
        .filter((d) => d.code === 'FP1032')
        .map((d) => [formatLocation(d.at), d.message, d.hint]);
    // The connector's own options are checked before anything else is read.
    assert.deepEqual(found(connectorOf([C], { unknownProperty: 'allow' } as never)), [
      [
        'connector unknownProperty',
        'new Connector() takes no option "unknownProperty", so it would be ignored',
        "Rename it unknownProperties, the option it looks like: flowport build compiles without checking TypeScript's types, so nothing else would say so.",
      ],
    ]);
    // And the keys of the objects they take.
    const info = { title: 'T', description: 'A connector with a typo in it.', version: '1', licence: { name: 'MIT' } };
    assert.deepEqual(
      found(connectorOf([C], { info, metadata: { website: 'https://x.example', privacy: 'p' } } as never)),
      [
        [
          'connector info.licence',
          'info takes no option "licence", so it would be ignored',
          "Rename it license, the option it looks like: flowport build compiles without checking TypeScript's types, so nothing else would say so.",
        ],
        [
          'connector metadata.privacy',
          'metadata takes no option "privacy", so it would be ignored',
          "Remove it, or give it the name of an option metadata takes (tsc lists them): flowport build compiles without checking TypeScript's types, so nothing else would say so.",
        ],
      ],
    );
    @Controller('/j')
    class Jobs {
      @Post('/')
      @Action({ summary: 'Run', async: { retryAfter: 5, expiresafter: 60 } } as never)
      @Returns(200)
      run(): void {}
      @Get('/')
      @Action({ summary: 'List', annotation: { family: 'List', revison: 2 } } as never)
      @Returns(200)
      list(): void {}
    }
    assert.deepEqual(found(connectorOf([Jobs])), [
      [
        'Jobs.run',
        'async takes no option "expiresafter", so it would be ignored',
        "Rename it expiresAfter, the option it looks like: flowport build compiles without checking TypeScript's types, so nothing else would say so.",
      ],
      [
        'Jobs.list',
        'annotation takes no option "revison", so it would be ignored',
        "Rename it revision, the option it looks like: flowport build compiles without checking TypeScript's types, so nothing else would say so.",
      ],
    ]);
    // A trigger's, too: a poll every 60 seconds instead of 5.
    const rows = pollingTrigger({
      id: 'OnRow',
      path: '/rows',
      summary: 'When a row is added',
      description: 'This operation triggers when a row is added.',
      batch: true,
      item: Typo,
      retryafter: 5,
      poll: () => ({ items: [], cursor: '0' }),
    } as never);
    assert.deepEqual(found(connectorOf([], { triggers: [rows] })), [
      [
        'connector triggers[0] (OnRow)',
        'pollingTrigger() takes no option "retryafter", so it would be ignored',
        "Rename it retryAfter, the option it looks like: flowport build compiles without checking TypeScript's types, so nothing else would say so.",
      ],
    ]);
    assert.deepEqual(
      found(connectorOf([C])),
      [
        ['C', '@Controller', 'tag', 'Rename it tags, the option it looks like'],
        ['C.list', '@Action', 'summry', 'Rename it summary, the option it looks like'],
        ['C.list response 200', '@Returns', 'Description', 'Rename it description, the option it looks like'],
        [
          'Typo property name',
          '@Field',
          'maxLenght',
          'Remove it, or give it the name of an option @Field takes (tsc lists them)',
        ],
        ['C.list param #0 (top)', '@Query', 'maxium', 'Rename it maximum, the option it looks like'],
        ['C.list param #0 (top)', '@Query', 'multipleof', 'Rename it multipleOf, the option it looks like'],
        ['C.list param #1 (row)', '@Body', 'Required', 'Rename it required, the option it looks like'],
      ].map(([at, decorator, option, fix]) => [
        at,
        `${decorator} takes no option "${option}", so it would be ignored`,
        `${fix}: flowport build compiles without checking TypeScript's types, so nothing else would say so.`,
      ]),
    );
  });

  check('FP1032', 'an option of no such name in an auth method, a policy or a dynamic source', () => {
    // Before, each was ignored without a word: the tenant stayed "common", the header was
    // overwritten where it was to be kept, and the dropdown showed bare ids.
    const found = (connector: Connector) =>
      diagnosticsOf(connector)
        .filter((d) => d.code === 'FP1032')
        .map((d) => `${formatLocation(d.at)}: ${d.message} (${d.hint.split(':')[0]})`);
    const region = connectionParameter({ type: 'string', displayName: 'Region', defaultvalue: 'eu' } as never);
    assert.deepEqual(
      found(
        connectorOf([], {
          auth: aad({ clientId: 'c', resourceUri: 'https://api.example', tenantID: 'contoso' } as never),
          connectionParameters: { region },
          policies: [
            setHeader({ name: 'X-Trace', value: 'on', existsaction: 'skip' } as never),
            policy('custom', { parameters: {}, sectoin: 'Response' } as never),
          ],
        }),
      ),
      [
        'connector policies[0].existsaction: setHeader() takes no option "existsaction", so it would be ignored (Rename it existsAction, the option it looks like)',
        'connector policies[1].sectoin: policy() takes no option "sectoin", so it would be ignored (Rename it section, the option it looks like)',
        'connector auth.tenantID: aad() takes no option "tenantID", so it would be ignored (Rename it tenantId, the option it looks like)',
        'connector connectionParameters.region.defaultvalue: connectionParameters.region takes no option "defaultvalue", so it would be ignored (Rename it defaultValue, the option it looks like)',
      ],
    );
    assert.deepEqual(
      found(
        connectorOf([Target], {
          testConnection: { operation: () => Target.prototype.list, parameter: { group: 'a' } },
          script: { file: 'script.csx', operation: [() => Target.prototype.list] },
        } as never),
      ),
      [
        'connector testConnection.parameter: testConnection takes no option "parameter", so it would be ignored (Rename it parameters, the option it looks like)',
        'connector script.operation: script takes no option "operation", so it would be ignored (Rename it operations, the option it looks like)',
      ],
    );
    // Keys written into the definition as they are given: before, a definition Swagger 2.0 refuses.
    @Controller('/r')
    class Rated {
      @Get('/')
      @Returns(200, undefined, { headers: { 'X-Rate': { type: 'integer', descripton: 'Calls left' } } } as never)
      get(): void {}
    }
    const contact = { name: 'Team', emial: 'team@example.com' };
    assert.deepEqual(
      found(
        connectorOf([Rated], {
          info: { title: 'T', description: 'A connector built by a unit test.', version: '1', contact },
          tags: [{ name: 'Rates', descripton: 'Rates' }],
        } as never),
      ),
      [
        'connector info.contact.emial: info.contact takes no option "emial", so it would be written as it is, into a definition Swagger 2.0 refuses (Rename it email, the option it looks like)',
        'connector tags[0].descripton: tags[0] takes no option "descripton", so it would be written as it is, into a definition Swagger 2.0 refuses (Rename it description, the option it looks like)',
      ],
    );
    assert.deepEqual(found(connectorOf([Rated])), [
      'Rated.get response 200: header X-Rate takes no option "descripton", so it would be ignored (Rename it description, the option it looks like)',
    ]);
    // Declarations written without a helper, and the methods of a choice.
    const key = { ...apiKey({ in: 'header', name: 'X-Key', label: 'Key' }), tooltp: 'The key' };
    const choice = authChoice({
      displayName: 'Sign in',
      options: [{ name: 'key', displayName: 'Key', auth: key, descripton: 'A key' }],
    } as never);
    assert.deepEqual(found(connectorOf([], { auth: choice })), [
      'connector auth.options[0].descripton: auth.options[0] takes no option "descripton", so it would be ignored (Rename it description, the option it looks like)',
      'connector auth.options[0].auth.tooltp: auth.options[0].auth takes no option "tooltp", so it would be ignored (Rename it tooltip, the option it looks like)',
    ]);
    @Controller('/p')
    class Lists {
      @Get('/languages') @Returns(200) languages(): void {}
      @Get('/folders') @Returns(200) folders(): void {}
      @Get('/')
      @Returns(200)
      list(
        @Query('lang', {
          dynamicValues: { operation: () => Lists.prototype.languages, value: 'code', titlePath: 'name' },
        } as never)
        _lang: string,
        @Query('folder', {
          dynamicTree: {
            settings: { canSelectParentNode: true },
            open: { operation: () => Lists.prototype.folders, itemValuePath: 'id', itemTitlePath: 'name' },
          },
        } as never)
        _folder: string,
      ): void {}
    }
    assert.deepEqual(found(connectorOf([Lists])), [
      'Lists.list param #0 (lang): dynamicValues takes no option "titlePath", so it would be ignored (Remove it, or give it the name of an option dynamicValues takes (tsc lists them))',
      'Lists.list param #1 (folder): dynamicTree.settings takes no option "canSelectParentNode", so it would be ignored (Rename it canSelectParentNodes, the option it looks like)',
    ]);
  });

  check('FP1033', 'a schema for an answer that has no body', () => {
    // Before, each was published: a flow waited for outputs the answer never carried.
    @Controller()
    class C {
      @Put('/a') @Returns(204, Dto) a(): void {}
      @Get('/b') @Returns(200, Dto) @Returns(304, Dto) b(): void {}
      @Head('/c') @Returns(200, Dto) c(): void {}
      @Delete('/d') @Returns(204) d(): void {}
    }
    assert.deepEqual(reported(connectorOf([C]), 'FP1033'), [
      'C.a response 204: a 204 (No Content) answer has no body, so the schema declared for it is never sent',
      'C.b response 304: a 304 (Not Modified) answer has no body, so the schema declared for it is never sent',
      'C.c response 200: an answer to HEAD has no body, so the schema declared for it is never sent',
    ]);
    // An imported definition keeps what it declares, as real connectors do.
    const imported = resolved([C], { asDeclared: true });
    assert.deepEqual(
      imported.diagnostics.filter((d) => d.code === 'FP1033'),
      [],
    );
  });

  check('FP1034', '@Exchange() on an operation that speaks no agent protocol', () => {
    @Controller()
    class C {
      @Post('/a') @Action({ id: 'A', summary: 'Do A' }) @Returns(204) a(@Exchange() _e: Exchange): void {}
    }
    // Before, there was no way to take the exchange; an action answers what its @Returns declares.
    assert.deepEqual(reported(connectorOf([C]), 'FP1034'), [
      'C.a param #0 (exchange): @Exchange() hands the handler the HTTP exchange, which only an operation that speaks an agent protocol takes: an action answers what its @Returns declares',
    ]);
  });

  check('FP1036', '@Identity() or @Exchange() on two parameters of one handler', () => {
    @Controller()
    class C {
      @Post('/mcp')
      @Action({ id: 'Mcp', summary: 'Serve tools', agenticProtocol: 'mcp-streamable-1.0' })
      @Returns(200)
      serve(@Exchange() _a: Exchange, @Identity() _who: IdentityType, @Exchange() _b: Exchange): void {}
      @Post('/x') @Action({ id: 'X', summary: 'Do x' }) @Returns(204) x(
        @Identity() _a: IdentityType,
        @Identity() _b: IdentityType,
      ): void {}
    }
    // Before, both built, and one of the two parameters reached the handler as undefined.
    assert.deepEqual(reported(connectorOf([C]), 'FP1036'), [
      'C.serve param #2 (exchange): @Exchange() is on handler parameters #0 and #2; one of them would get undefined',
      'C.x param #1 (identity): @Identity() is on handler parameters #0 and #1; one of them would get undefined',
    ]);
  });

  check('FP1035', 'an MCP server operation declared as something else too', () => {
    const mcp = { summary: 'Serve tools', agenticProtocol: 'mcp-streamable-1.0' } as const;
    @Controller()
    class C {
      @Get('/a') @Action({ id: 'A', ...mcp }) @Returns(200) a(@Exchange() _e: Exchange): void {}
      @Post('/b') @Action({ id: 'B', ...mcp }) @Returns(200) b(@Body() _d: Dto): void {}
      @Post('/c') @Action({ id: 'C', ...mcp, async: {} }) @Returns(200) c(@Exchange() _e: Exchange): void {}
      @Post('/d') @Trigger({ id: 'D', kind: 'single', ...mcp }) @Returns(200) d(@Exchange() _e: Exchange): void {}
      @Post('/mcp') @Action({ id: 'Mcp', ...mcp }) @Returns(200) serve(
        @Exchange() _e: Exchange,
        @Query('tenant', { type: String }) _t?: string,
      ): void {}
    }
    const protocol = 'the operation speaks mcp-streamable-1.0, so';
    assert.deepEqual(reported(connectorOf([C]), 'FP1035'), [
      `C.a: ${protocol} it must be a POST, where the transport posts each message, not a GET`,
      `C.b: ${protocol} it takes no body or form fields: its messages are the protocol's, which the definition does not describe`,
      `C.b: ${protocol} its handler must take @Exchange() to answer the messages`,
      `C.c: ${protocol} it cannot be long-running (async) or pageable`,
      `C.d: ${protocol} it cannot be a trigger: agents call it, flows never start from it`,
    ]);
    // A protocol Flowport does not serve is refused with the option's values.
    @Controller()
    class Sse {
      @Post('/sse') @Action({ id: 'Sse', summary: 'Serve', agenticProtocol: loose('mcp-sse-1.0') }) @Returns(200) s(
        @Exchange() _e: Exchange,
      ): void {}
    }
    assert.match(
      reported(connectorOf([Sse]), 'FP1018').join('\n'),
      /^Sse\.s: agenticProtocol must be "mcp-streamable-1\.0", not "mcp-sse-1\.0"$/,
    );
  });

  check('FP1421', 'a decorated method', () => {
    class Computed {
      @Field() name!: string;
      @Field() total(): number {
        return 1;
      }
    }
    // Only this finding: before, it read as an untyped property whose hint asked for its type.
    assert.deepEqual(
      diagnosticsOf(bodyOf(Computed))
        .filter((d) => d.severity === 'error')
        .map((d) => `${d.code} ${formatLocation(d.at)}: ${d.message}`),
      ['FP1421 Computed property total: the member is a method, which a JSON body or answer cannot carry'],
    );
  });

  check('FP1422', 'a class without a field Flowport can read', () => {
    // Before, it was published as `{ type: object, properties: {}, additionalProperties: false }`:
    // every request with a property was a 400, and the designer showed no field.
    class Plain {
      name!: string;
    }
    expectDiagnostic(
      bodyOf(Plain),
      'FP1422',
      'the class declares no field Flowport can read, so it would be published as an object that refuses every property',
      { class: 'Plain' },
    );
    // An object of any properties says so.
    @Schema({ additionalProperties: true })
    class Bag {}
    assert.doesNotThrow(() => resolve(bodyOf(Bag)));
  });

  check('FP1423', "class-transformer's decorators that Flowport does not apply", () => {
    // Before, they were ignored: a DTO moved from NestJS published `firstName` where its
    // @Expose said the wire carries `first_name`, and answered the password its @Exclude hid.
    class Address {
      @IsString() street!: string;
    }
    class Account {
      @Expose({ name: 'first_name' }) @IsString() firstName!: string;
      @Expose({ groups: ['admin'] }) @IsString() role!: string;
      @Exclude() @IsOptional() @IsString() password?: string;
      @Transform(({ value }: { value: unknown }) => String(value).trim()) @IsString() city!: string;
      @Type(() => Address, { discriminator: { property: 'kind', subTypes: [{ name: 'a', value: Address }] } })
      @ValidateNested()
      address!: Address;
      // What Flowport does read is taken without a word.
      @Expose({ name: 'nick' }) @Type(() => String) @IsString() nick!: string;
    }
    assert.deepEqual(reported(bodyOf(Account), 'FP1423'), [
      'Account property firstName: class-transformer\'s @Expose({ name: "first_name" }) would carry it as "first_name", which Flowport does not do: the published schema, the validator and the handler\'s instance take the property as declared',
      "Account property role: class-transformer's @Expose({ groups }) would carry it only sometimes, which Flowport does not do: the published schema, the validator and the handler's instance take the property as declared",
      "Account property password: class-transformer's @Exclude() would leave it out, which Flowport does not do: the published schema, the validator and the handler's instance take the property as declared",
      "Account property city: class-transformer's @Transform() would change its value, which Flowport does not do: the published schema, the validator and the handler's instance take the property as declared",
      "Account property address: class-transformer's @Type() with a discriminator would choose a subclass for each value, which Flowport does not do: the published schema, the validator and the handler's instance take the property as declared",
    ]);
    // A class that excludes all but what it exposes.
    @Exclude()
    class Shown {
      @Expose() @IsString() shown!: string;
      @IsString() hidden!: string;
    }
    assert.deepEqual(
      reported(bodyOf(Shown), 'FP1423').map((m) => m.split(',')[0]),
      ["Shown property hidden: class-transformer's @Exclude() on the class would leave it out"],
    );
  });

  check('FP1424', "class-validator's validation groups", () => {
    // Before, each grouped constraint held for every request: @IsOptional({ groups: ['update'] })
    // made the property optional when a user was created too.
    class User {
      @IsOptional({ groups: ['update'] }) @IsString() name!: string;
      @IsInt({ groups: ['create', 'import'] }) age!: number;
      @IsEmail() email!: string;
    }
    assert.deepEqual(reported(bodyOf(User), 'FP1424'), [
      'User property name: @IsOptional belongs to the validation groups "update", which a call chooses and one published schema cannot: every request to every operation would be held to it',
      'User property age: @IsInt belongs to the validation groups "create", "import", which a call chooses and one published schema cannot: every request to every operation would be held to it',
    ]);
  });

  it("FP1402 holds a polling trigger's filters to what a query string carries", () => {
    // Before, a filter of a class type was written as a query parameter without a type, which the
    // Swagger 2.0 schema refuses: `flowport build` wrote a definition the platform does not import.
    class Shelf {
      @IsString() name!: string;
    }
    class Filters {
      @Field({ summary: 'Shelf' }) @IsOptional() shelf?: Shelf;
      @Field({ summary: 'Top' }) @IsOptional() @IsInt() top?: number;
    }
    const onEvent = eventTrigger(Filters);
    assert.deepEqual(reported(connectorOf([Target], { triggers: [onEvent] }), 'FP1402'), [
      'Filters property shelf: the type cannot be read from its declaration (a class or object, but only the body can carry objects)',
    ]);
  });

  it('FP1402 says what leaves a property without type metadata: the build, or an import cycle', () => {
    class Order {
      @Field() line!: string;
    }
    // What a CommonJS import cycle records: the class, read before its module ran, is undefined.
    Reflect.defineMetadata('design:type', undefined, Order.prototype, 'line');
    assert.deepEqual(reported(bodyOf(Order), 'FP1402'), [
      'Order property line: the type cannot be read from its declaration (no type metadata: the build emits none (set emitDecoratorMetadata; esbuild, which tsx and Vite run on, never emits it), or an import cycle left the type undefined; for a class, type: () => TheClass reads it late)',
    ]);
  });

  it('FP1402 names built-in classes JSON has no object form for, instead of publishing them as empty objects', () => {
    class Blob {
      @Field() bytes!: Buffer;
      @Field() count!: bigint;
      @Field() pattern!: RegExp;
      @Field() name!: string;
    }
    assert.deepEqual(reported(bodyOf(Blob), 'FP1402'), [
      'Blob property bytes: the type cannot be read from its declaration (Buffer)',
      'Blob property count: the type cannot be read from its declaration (BigInt)',
      'Blob property pattern: the type cannot be read from its declaration (RegExp)',
    ]);
  });

  it("FP1402 names the platform's classes where they are used, and says how bytes are taken in each place", () => {
    // Before, a URL or a stream read as a DTO without fields: FP1422 "at URL" asked to decorate
    // the properties of a class the user cannot edit, and named no handler or property.
    class Link {
      @Field() href!: URL;
      @Field() photo!: Buffer;
      @Field() name!: string;
    }
    @Controller('/files')
    class Files {
      @Post('/') @Returns(200, Readable) upload(@Body() _content: Buffer, @Query('q') _q: Link): void {}
      @Post('/link') @Returns(204) link(@Body() _link: Link): void {}
      @Post('/stream') @Returns(204) stream(@Body() _content: Readable, @Header('x-e') _e: EventEmitter): void {}
    }
    const found = diagnosticsOf(connectorOf([Files]))
      .filter((x) => x.code === 'FP1402' || x.code === 'FP1422')
      .map((x) => [x.code, formatLocation(x.at), x.message, x.hint]);
    const bytesParam = (name: string) =>
      `Say the type: @Body({ type: 'binary' }) to take the raw body, which the handler reads as a stream, or @FormFile('${name}') for a file sent in a form.`;
    assert.deepEqual(found, [
      [
        'FP1402',
        'Files.upload response 200',
        'the type cannot be read from its declaration (Readable)',
        "Say the type: @Returns(200, 'binary'), and answer with download(bytesOrStream, { filename }).",
      ],
      [
        'FP1402',
        'Files.upload param #0 (body)',
        'the type cannot be read from its declaration (Buffer)',
        bytesParam('body'),
      ],
      [
        'FP1402',
        'Link property href',
        'the type cannot be read from its declaration (URL)',
        'Say the type: @Field({ type: String }), or a constraint that types it such as @IsString().',
      ],
      [
        'FP1402',
        'Link property photo',
        'the type cannot be read from its declaration (Buffer)',
        "Say the type: a string of base64 text, which is how JSON carries bytes: @Field({ format: 'byte' }) value!: string.",
      ],
      [
        'FP1402',
        'Files.upload param #1 (q)',
        'the type cannot be read from its declaration (a class or object, but only the body can carry objects)',
        'Say the type: take it with @Body(), or take each of its fields as a parameter of its own.',
      ],
      [
        'FP1402',
        'Files.stream param #0 (body)',
        'the type cannot be read from its declaration (Readable)',
        bytesParam('body'),
      ],
      [
        'FP1402',
        'Files.stream param #1 (x-e)',
        'the type cannot be read from its declaration (EventEmitter)',
        'Say the type: the decorator\'s options, such as { type: Number } for "x-e"; an object (an interface or a type alias, which leave nothing at run time) is declared as a class with decorated fields.',
      ],
    ]);
    // A class of the app's that shares a global's name, or extends a built-in, is still a DTO.
    class Response {
      @Field() status!: string;
    }
    class Failure extends Error {
      @Field() code!: string;
    }
    @Controller('/own')
    class Own {
      @Post('/') @Returns(200, Response) @Returns(400, Failure) post(@Body() _r: Response): void {}
    }
    assert.deepEqual([...resolved([Own]).schemas.keys()].sort(), ['Failure', 'Response']);
  });

  check('FP1411', 'a pattern that is not a regular expression', () => {
    // Before, a parameter's pattern was published as written and every request was a 500 (ajv
    // could not compile it); @Matches('[') threw a bare SyntaxError out of resolve().
    @Controller()
    class C {
      @Get('/p') @Returns(200) get(@Query('q', { pattern: '[a-' }) _q: string): void {}
    }
    expectDiagnostic(
      connectorOf([C]),
      'FP1411',
      'pattern "[a-" is not a regular expression the request validator can compile (Unterminated character class)',
      { class: 'C', method: 'get', parameter: { name: 'q', index: 0 } },
    );
    class Code {
      @Matches('(ab') code!: string;
    }
    expectDiagnostic(bodyOf(Code), 'FP1411', /pattern "\(ab"/, { class: 'Code', property: 'code' });
    class Fine {
      @Matches('^[a-z/]+$') path!: string;
    }
    assert.doesNotThrow(() => resolve(bodyOf(Fine)));
  });

  check('FP1412', 'an enum without values', () => {
    @Controller()
    class C {
      @Get('/e') @Returns(200) get(@Query('kind', { enum: [] }) _k: string): void {}
    }
    expectDiagnostic(
      connectorOf([C]),
      'FP1412',
      'enum lists no values, so no value is valid (and the Swagger 2.0 schema requires at least one)',
      { class: 'C', method: 'get', parameter: { name: 'kind', index: 0 } },
    );
    class Pick {
      @IsIn([], { each: true }) @Field({ type: [String] }) picks!: string[];
    }
    expectDiagnostic(bodyOf(Pick), 'FP1412', /enum lists no values/, { class: 'Pick', property: 'picks' });
  });

  check('FP1413', 'bounds that no value meets', () => {
    @Controller()
    class C {
      @Get('/b') @Returns(200) get(@Query('top', { type: 'integer', minimum: 10, maximum: 1 }) _t: number): void {}
    }
    expectDiagnostic(connectorOf([C]), 'FP1413', 'minimum 10 and maximum 1 leave no value valid', {
      class: 'C',
      method: 'get',
      parameter: { name: 'top', index: 0 },
    });
    class Range {
      @IsPositive() @Max(0) ratio!: number;
      @MinLength(4) @MaxLength(3) code!: string;
    }
    const found = diagnosticsOf(bodyOf(Range)).filter((d) => d.code === 'FP1413');
    assert.deepEqual(
      found.map((d) => [d.at.property, d.message]),
      [
        ['ratio', 'exclusive minimum 0 and maximum 0 leave no value valid'],
        ['code', 'minLength 4 and maxLength 3 leave no value valid'],
      ],
    );
    class Exact {
      @Min(1) @Max(1) one!: number;
      @Min(0.05) @Max(0.05) @IsDivisibleBy(0.01) cents!: number;
      @Min(0) @Max(4) @IsDivisibleBy(2) even!: number;
    }
    assert.doesNotThrow(() => resolve(bodyOf(Exact)));
    // More unique items than their values: before, published, and every list refused.
    class Picks {
      @Field({ type: [String] }) @IsIn(['x'], { each: true }) @ArrayMinSize(2) @ArrayUnique() one!: string[];
      @Field({ type: [Boolean] }) @ArrayMinSize(3) @ArrayUnique() flags!: boolean[];
      @Field({ type: [String] }) @IsIn(['x', 'y'], { each: true }) @ArrayMinSize(2) @ArrayUnique() two!: string[];
    }
    assert.deepEqual(
      diagnosticsOf(bodyOf(Picks))
        .filter((d) => d.code === 'FP1413')
        .map((d) => [d.at.property, d.message]),
      [
        ['one', 'minItems 2 of unique items, where an item takes one value, leave no value valid'],
        ['flags', 'minItems 3 of unique items, where an item takes 2 values, leave no value valid'],
      ],
    );
    // No multiple between the bounds: before, published, and every value refused.
    class Steps {
      @Min(5) @Max(5) @IsDivisibleBy(2) five!: number;
      @IsPositive() @Max(2) @IsDivisibleBy(2) pair!: number;
      @Min(0.011) @Max(0.019) @IsDivisibleBy(0.01) cents!: number;
    }
    assert.deepEqual(
      diagnosticsOf(bodyOf(Steps))
        .filter((d) => d.code === 'FP1413')
        .map((d) => [d.at.property, d.message]),
      [
        ['five', 'minimum 5, maximum 5 and multipleOf 2 leave no value valid'],
        ['cents', 'minimum 0.011, maximum 0.019 and multipleOf 0.01 leave no value valid'],
      ],
    );
  });

  check('FP1415', 'a constraint of another type of value', () => {
    // Before, @Min(3) on a string was published as "minimum": 3, which no validator applies to
    // a string: every string passed, where class-validator's @Min refuses every string.
    class Odd {
      @Min(3) @IsString() short!: string;
      @MaxLength(3) @IsInt() count!: number;
      @Field({ type: [String] }) @Min(1) @Max(9) tags!: string[];
    }
    @Controller()
    class C {
      @Post('/o') @Returns(204) make(
        @Body() _b: Odd,
        @Query('flag', { type: Boolean, minLength: 1 }) _f: boolean,
      ): void {}
    }
    const found = diagnosticsOf(connectorOf([C])).filter((d) => d.code === 'FP1415');
    assert.deepEqual(
      found.map((d) => [d.message, d.hint, d.at.property ?? d.at.parameter?.name]),
      [
        [
          'the value is a string, and minimum only constrains numbers, so the validator would ignore it',
          'Constrain a string with @Length, @Matches, or correct the declared type.',
          'short',
        ],
        [
          'the value is an integer, and maxLength only constrains strings, so the validator would ignore it',
          'Constrain an integer with @Min, @Max, @IsDivisibleBy, or correct the declared type.',
          'count',
        ],
        [
          'the value is an array, and minimum, maximum only constrain numbers, so the validator would ignore them',
          'Constrain an array with @ArrayMinSize, @ArrayMaxSize, @ArrayUnique, or correct the declared type.',
          'tags',
        ],
        [
          'the value is a boolean, and minLength only constrains strings, so the validator would ignore it',
          'Drop it, or correct the declared type.',
          'flag',
        ],
      ],
    );
    // A string's format, too: before, any ids and any number passed, the number with a date picker.
    @Controller()
    class Formats {
      @Get('/f') @Returns(204) list(
        @Query('ids', { type: [String], format: 'uuid' }) _ids: string[],
        @Query('at', { type: Number, format: 'date-time' }) _at: number,
        @Query('big', { type: String, format: 'int64' }) _big: string,
        @Query('day', { type: [described(String, { format: 'date' })] }) _day: string[],
      ): void {}
    }
    assert.deepEqual(
      diagnosticsOf(connectorOf([Formats]))
        .filter((d) => d.code === 'FP1415')
        .map((d) => [d.message, d.hint, d.at.parameter?.name]),
      [
        [
          'the value is an array, and format "uuid" only constrains strings, so the validator would ignore it',
          "Give the format to the items instead: type: [described(String, { format: 'uuid' })].",
          'ids',
        ],
        [
          'the value is a number, and format "date-time" only constrains strings, so the validator would ignore it',
          'Drop it, or correct the declared type.',
          'at',
        ],
      ],
    );
  });

  check('FP1416', 'an accessor in a schema', () => {
    // Before, a request that gave it was a 500 ("Cannot set property full of #<Person> which has
    // only a getter"), and JSON.stringify left it out of every answer.
    class Person {
      @IsString() first!: string;
      @Field({ summary: 'Full name' }) @IsString() get full(): string {
        return this.first;
      }
    }
    class Employee extends Person {
      @IsString() team!: string;
    }
    @Controller()
    class C {
      @Post('/p') @Returns(200, Employee) make(@Body() _p: Person): void {}
    }
    // Once, at the class that declares it: before, also at each class that inherits it.
    assert.deepEqual(reported(connectorOf([C]), 'FP1416'), [
      "Person property full: the property is an accessor, which JSON.stringify does not write into an answer, and which cannot take a request's value without a setter",
    ]);
  });

  check('FP1417', 'enum values of another type', () => {
    // Before, published as written: "type": "number" with "enum": ["a", "b"] accepts no value.
    class Level {
      @IsIn(['low', 2, 'high']) @IsInt() level!: number;
    }
    @Controller()
    class C {
      @Post('/l')
      @Returns(204)
      set(@Body() _l: Level, @Query('n', { type: Number, enum: ['1', '2'] }) _n: number): void {}
    }
    const found = diagnosticsOf(connectorOf([C])).filter((d) => d.code === 'FP1417');
    assert.deepEqual(
      found.map((d) => [d.message, formatLocation(d.at)]),
      [
        [
          'enum lists "low", "high", which are not of type integer, so no request can give them',
          'Level property level',
        ],
        ['enum lists "1", "2", which are not of type number, so no request can give them', 'C.set param #1 (n)'],
      ],
    );
  });

  check('FP1417', "an array's enum of values its items take, with how to put them on the items", () => {
    // Before, the hint said to list values of the declared type: no enum of an array can be met,
    // and it did not say how to constrain the items instead.
    enum Priority {
      Low = 1,
      High = 3,
    }
    class Task {
      @Field({ type: [String] }) @IsIn(['a', 'b']) tags!: string[];
    }
    @Controller()
    class C {
      @Post('/t')
      @Returns(204)
      set(
        @Body() _t: Task,
        @Query('p', { type: [Number], enum: Priority }) _p: Priority[],
        @Query('q', { type: [Number], enum: ['x'] }) _q: number[],
      ): void {}
    }
    const found = diagnosticsOf(connectorOf([C])).filter((d) => d.code === 'FP1417');
    assert.deepEqual(
      found.map((d) => [formatLocation(d.at), d.hint]),
      [
        [
          'Task property tags',
          'They are values of its items: apply the constraint to each item, { each: true } (@IsIn([…], { each: true })), or declare type: [described(String, { enum: … })] in @Field.',
        ],
        [
          'C.set param #1 (p)',
          'They are values of its items: declare them on the items, type: [described(Number, { enum: … })].',
        ],
        ['C.set param #2 (q)', 'List values of the declared type, or declare the type the values have.'],
      ],
    );
  });

  check('FP1418', 'a keyword value of another type than the schema takes', () => {
    // Before, written as they were: @Length('x') as "maxLength": null (NaN), @Length(-1) and
    // @ArrayMaxSize(2.5) as values the Swagger 2.0 schema refuses, { pattern: 5 } as a number.
    class Note {
      @IsString() @Length(loose<number>(-1), loose<number>('x')) text!: string;
      @IsString({ each: true }) @ArrayMaxSize(2.5) tags!: string[];
      @IsInt() @Min(loose<number>('5')) @Max(loose<number>(undefined)) size!: number;
    }
    @Controller()
    class C {
      @Post('/n')
      @Returns(204)
      set(
        @Body() _n: Note,
        @Query('n', { minimum: loose<number>('1'), type: Number }) _count: number,
        @Query('p', { pattern: loose<string>(5) }) _p: string,
      ): void {}
    }
    assert.deepEqual(reported(connectorOf([C]), 'FP1418'), [
      'Note property text: minLength is -1, where the schema takes a whole number, 0 or more',
      'Note property text: maxLength is NaN, where the schema takes a whole number, 0 or more',
      'Note property tags: maxItems is 2.5, where the schema takes a whole number, 0 or more',
      'Note property size: maximum is NaN, where the schema takes a number',
      'C.set param #1 (n): minimum is "1", where the schema takes a number',
      'C.set param #2 (p): pattern is 5, where the schema takes a string',
    ]);
  });

  check('FP1419', '@IsOptional() and required: true on one property', () => {
    class Order {
      @Field({ required: true }) @IsOptional() @IsString() note?: string;
      @Field({ required: false }) @IsOptional() @IsString() tag?: string;
    }
    assert.deepEqual(reported(bodyOf(Order), 'FP1419'), [
      'Order property note: @IsOptional() says the property may be omitted, and @Field({ required: true }) that it may not',
    ]);
  });

  check('FP1420', 'a type option that contradicts the declaration', () => {
    // Before, taken without a word: the handler got an array in a property declared as one Tag.
    class Tag {
      @IsString() name!: string;
    }
    class SpecialTag extends Tag {
      @IsString() kind!: string;
    }
    // A named array definition declared as its own class agrees with itself.
    @Schema({ type: [Tag] })
    class Tags {}
    class Post {
      @Field({ type: [Tag] }) tag!: Tag;
      @Field({ type: Tag }) tags!: Tag[];
      @Field({ type: [Tag] }) fine!: Tag[];
      @Field({ type: Number }) loose!: number | string;
      @Field({ type: () => Tags }) named!: Tags;
    }
    @Controller()
    class C {
      @Get('/p') @Returns(204) get(@Query('ids', { type: [String] }) _ids: string): void {}
    }
    assert.deepEqual(reported(bodyOf(Post), 'FP1420'), [
      'Post property tag: the declaration says Tag, and the type option says an array',
      'Post property tags: the declaration says an array, and the type option says one value',
    ]);
    assert.deepEqual(reported(connectorOf([C]), 'FP1420'), [
      'C.get param #0 (ids): the declaration says String, and the type option says an array',
    ]);
    // One value of another kind: before, the handler got a number where it declared a string
    // (`top.padStart` threw), a string where it declared a Date, and so on.
    class Order {
      @Field({ type: Number }) code!: string;
      @Field({ type: String }) placed!: Date;
      @Field({ type: Tag }) label!: string;
      @Field({ type: 'integer' }) count!: number;
      @Field({ type: Date }) due!: Date;
      @Field({ type: String, format: 'byte' }) scan!: string;
      @Field({ type: String, format: 'byte' }) photo!: Buffer;
      @Field({ type: Tag }) other!: Post;
      @Field({ type: SpecialTag }) special!: Tag;
      @Field({ type: 'object' }) loose!: Tag;
    }
    @Controller()
    class Q {
      @Get('/q') @Returns(204) get(
        @Query('top', { type: 'integer' }) _top: string,
        @Query('since', { type: Date }) _since: string,
        @Header('x-flag', { type: Boolean }) _flag: number,
        @Query('fine', { type: 'integer' }) _fine: number,
      ): void {}
    }
    assert.deepEqual(reported(bodyOf(Order), 'FP1420'), [
      'Order property code: the declaration says String, and the type option says a number',
      'Order property placed: the declaration says Date, and the type option says a string',
      'Order property label: the declaration says String, and the type option says Tag',
      'Order property photo: the declaration says Buffer, and the type option says a string',
      'Order property other: the declaration says Post, and the type option says Tag',
    ]);
    assert.deepEqual(reported(connectorOf([Q]), 'FP1420'), [
      'Q.get param #0 (top): the declaration says String, and the type option says a number',
      'Q.get param #1 (since): the declaration says String, and the type option says a Date',
      'Q.get param #2 (x-flag): the declaration says Number, and the type option says a boolean',
    ]);
    // A class imported as a type only (`import type { Tag }`) is recorded as Function, which says
    // nothing to compare: before, "the declaration says Function, and the type option says Tag".
    class Imported {
      @Field({ type: Tag }) tag!: Tag;
      @Field({ type: [Tag] }) tags!: Tag[];
    }
    Reflect.defineMetadata('design:type', Function, Imported.prototype, 'tag');
    Reflect.defineMetadata('design:type', Function, Imported.prototype, 'tags');
    assert.deepEqual(resolve(bodyOf(Imported)).diagnostics, []);
  });

  check('FP1414', 'a default the schema refuses', () => {
    // The platform fills the default in for the user (always, for an internal parameter), and the
    // API then refused it: every call made with it was a 400.
    @Controller()
    class C {
      @Get('/d')
      @Returns(200)
      get(
        @Query('top', { type: 'integer', default: '10' }) _t: number,
        @Query('kind', { type: String, enum: ['a', 'b'], default: 'c' }) _k: string,
        @Header('api-version', { type: String, visibility: 'internal', required: true, default: '2024-01-01' })
        _v: string,
      ): void {}
    }
    const found = diagnosticsOf(connectorOf([C])).filter((d) => d.code === 'FP1414');
    assert.deepEqual(
      found.map((d) => [d.message, d.at.parameter?.name]),
      [
        ['default "10" is not of type integer, so the value the platform fills in is refused', 'top'],
        ['default "c" is not one of the enum values, so the value the platform fills in is refused', 'kind'],
      ],
    );
    class Options {
      @Field({ default: null }) @IsString() mode!: string;
    }
    expectDiagnostic(bodyOf(Options), 'FP1414', /default null is null, and the schema is not nullable/, {
      class: 'Options',
      property: 'mode',
    });
    // The bounds and the pattern too: the request validator fills in defaults for the handler.
    class Bounded {
      @Field({ default: 'ab' }) @Length(3, 8) code!: string;
      @Field({ default: 'abc' }) @Matches(/^[A-Z]+$/) upper!: string;
      @Field({ default: 0 }) @Min(1) @Max(9) count!: number;
      @Field({ default: 7 }) @IsDivisibleBy(5) step!: number;
      @Field({ type: [String], default: ['a', 5] }) tags!: string[];
      @Field({ type: [String], default: [] }) @ArrayMinSize(1) names!: string[];
      // Formats as the request validators check them: before, every request that left these out
      // was refused, its own default failing the format.
      @Field({ default: 'nobody' }) @IsEmail() email!: string;
      @Field({ type: [String], default: ['a'] }) @IsUUID({ each: true }) ids!: string[];
      @Field({ type: 'integer', format: 'int32', default: 2 ** 31 }) wide!: number;
    }
    assert.deepEqual(
      diagnosticsOf(bodyOf(Bounded))
        .filter((d) => d.code === 'FP1414')
        .map((d) => d.message.replace(', so the value the platform fills in is refused', '')),
      [
        'default "ab" is shorter than minLength 3',
        'default "abc" does not match the pattern ^[A-Z]+$',
        'default 0 is below the minimum 1',
        'default 7 is not a multiple of 5',
        'default ["a",5] has an item 1 that is not of type string',
        'default [] has fewer items than minItems 1',
        'default "nobody" does not meet the format email',
        'default ["a"] has an item 0 that does not meet the format uuid',
        'default 2147483648 does not meet the format int32',
      ],
    );
    class Fine {
      @Field({ default: null, nullable: true }) @IsString() mode!: string | null;
      @Field({ default: 2.5 }) @IsNumber() ratio!: number;
      @Field({ default: new Date(0) }) since!: Date;
      @Field({ default: 'a@example.com' }) @IsEmail() email!: string;
      @Field({ default: 'any text', format: 'password' }) secret!: string;
    }
    assert.doesNotThrow(() => resolve(bodyOf(Fine)));
  });

  check('FP1501', 'invalid connector option', () => {
    expectDiagnostic(connectorOf([Target], { basePath: 'api' }), 'FP1501', 'basePath "api" must start with "/"', {
      connector: 'basePath',
    });
    // Before, "/api?v=1" stopped createApp with path-to-regexp's own error.
    for (const basePath of ['/api?v=1', '/api#top', '/{tenant}']) {
      expectDiagnostic(
        connectorOf([Target], { basePath }),
        'FP1501',
        `basePath "${basePath}" must be a URL path, without "?", "#" or {variables}`,
        { connector: 'basePath' },
      );
    }
  });

  check('FP1502', 'host with a scheme', () => {
    expectDiagnostic(
      connectorOf([Target], { host: 'https://api.example.com' }),
      'FP1502',
      /host "https:\/\/api.example.com" must be host\[:port\]/,
      {
        connector: 'host',
      },
    );
  });

  check('FP1503', 'brand colour', () => {
    expectDiagnostic(
      connectorOf([Target], { brandColor: 'blue' }),
      'FP1503',
      'brandColor "blue" is not a #rrggbb colour',
      {
        connector: 'brandColor',
      },
    );
  });

  check('FP1504', 'controller without @Controller', () => {
    class Plain {}
    expectDiagnostic(
      connectorOf([Plain, Target]),
      'FP1504',
      'class Plain is listed as a controller but has no @Controller decorator',
      {
        class: 'Plain',
      },
    );
  });

  check('FP1505', 'no operations', () => {
    expectDiagnostic(connectorOf([]), 'FP1505', 'the connector has no operations', { connector: 'controllers' });
  });

  check('FP1506', 'invalid connection parameter name', () => {
    const extra = { connectionParameters: { 'bad-name': connectionParameter({ type: 'string', displayName: 'Bad' }) } };
    expectDiagnostic(connectorOf([Target], extra), 'FP1506', 'connection parameter "bad-name": invalid name', {
      connector: 'connectionParameters',
    });
  });

  check('FP1508', 'a controller or a trigger listed twice', () => {
    // Before, each of the controller's operations was reported as declared twice (FP1001, FP1014),
    // with the hint to give one of them another id.
    const onEvent = eventTrigger();
    const found = diagnosticsOf(connectorOf([Target, Target], { triggers: [onEvent, onEvent] }));
    assert.deepEqual(
      found.map((d) => [d.code, d.message, formatLocation(d.at)]),
      [
        ['FP1508', 'controller Target is listed twice in controllers', 'Target'],
        ['FP1508', 'trigger OnEvent is listed twice in triggers', 'connector triggers[1] (OnEvent)'],
      ],
    );
  });

  check('FP1507', 'invalid policy', () => {
    const policies = [policy('set-header', { title: 'Header', parameters: {} })];
    expectDiagnostic(
      connectorOf([Target], { policies }),
      'FP1507',
      /policy "Header" \(set-header\): templateId must be letters only/,
      {
        connector: 'policies[0]',
      },
    );
  });

  it('covers every entry of the catalog', () => {
    // FP2xxx are the rules of flowport validate, covered by their own mutation test.
    const untested = catalogEntries()
      .filter((e) => e.code.startsWith('FP1'))
      .filter((e) => !tested.has(e.code))
      .map((e) => e.code);
    assert.deepEqual(untested, []);
  });
});
