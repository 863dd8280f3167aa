import {
  Action,
  Connector,
  connectorDefinition,
  Controller,
  Field,
  Get,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  Path,
  Query,
  resolve,
  Returns,
  Summary,
} from '@flowport/core';
import { emitFiles } from '@flowport/core/documents';
import { createApp, listen, shutdown, urlOf } from '@flowport/express-adapter';
import { FlowHost } from '@flowport/testing';
import { Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import request from 'supertest';

@ValidatorConstraint({ name: 'isEven' })
class IsEven implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'number' && value % 2 === 0;
  }
  defaultMessage(): string {
    return 'must be even';
  }
}

/** A class of query parameters, as NestJS takes them: `@Query() query: ListQuery`. */
class ListQuery {
  @Field({ summary: 'Top', description: 'How many to list.' }) @IsOptional() @IsInt() @Min(1) @Max(100) top: number =
    20;
  @Summary('Search') @IsOptional() @IsString() q?: string;
  @Field({ summary: 'Sort', type: String }) @IsOptional() @IsIn(['asc', 'desc']) sort?: 'asc' | 'desc';
  @Field({ summary: 'Since', type: Date }) @IsOptional() since?: Date;
  // Only a request carries it, so a Date may take format "date", as a parameter's may.
  @Field({ summary: 'Day', type: Date, format: 'date' }) @IsOptional() day?: Date;
  @Field({ summary: 'Tags', type: [String] }) @IsOptional() tags?: string[];
  @Summary('Owner') @IsString() owner!: string;
  // A field named as an Object.prototype member is read only where the request gives it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- typed as the member it shadows
  @Field({ summary: 'Value Of', type: String, required: false }) valueOf!: any;
}

class PageQuery {
  @Summary('Page') @IsOptional() @IsInt() @Validate(IsEven) page?: number;
}

@Controller('/things')
class Things {
  @Get('/{kind}')
  @Action({ id: 'ListThings', summary: 'List things', description: 'Lists the things of a kind.' })
  @Returns(200)
  list(@Path('kind') kind: string, @Query() query: ListQuery): object {
    return {
      kind,
      isListQuery: query instanceof ListQuery,
      since: query.since instanceof Date ? query.since.toISOString() : null,
      day: query.day instanceof Date ? query.day.toISOString() : null,
      valueOfIsOwn: Object.hasOwn(query, 'valueOf'),
      own: Object.keys(query),
      query,
    };
  }

  @Get('/')
  @Action({ id: 'PageThings', summary: 'Page things', description: 'Lists the things a page at a time.' })
  @Returns(200)
  page(@Query() query: PageQuery): object {
    return { page: query.page ?? null };
  }
}

const connector = new Connector({
  info: { title: 'Query Classes', description: 'Takes its query parameters as classes.', version: '1.0.0' },
  brandColor: '#123456',
  controllers: [Things],
});

describe('a class of query parameters (@Query() query: ListQuery)', () => {
  const app = createApp(connector, { docs: false });

  it('publishes each field as a query parameter, labelled, constrained and defaulted by its decorators', () => {
    const definition = connectorDefinition(resolve(connector)) as {
      paths: Record<string, Record<string, { parameters: Record<string, unknown>[] }>>;
    };
    const parameters = definition.paths['/things/{kind}'].get.parameters;
    assert.deepEqual(
      parameters.map((p) => [p.name, p.in, p.required]),
      [
        ['kind', 'path', true],
        ['top', 'query', false],
        ['q', 'query', false],
        ['sort', 'query', false],
        ['since', 'query', false],
        ['day', 'query', false],
        ['tags', 'query', false],
        ['owner', 'query', true],
        ['valueOf', 'query', false],
      ],
    );
    assert.deepEqual(parameters[1], {
      name: 'top',
      in: 'query',
      required: false,
      type: 'integer',
      description: 'How many to list.',
      'x-ms-summary': 'Top',
      default: 20,
      minimum: 1,
      maximum: 100,
    });
    assert.deepEqual(parameters[3].enum, ['asc', 'desc']);
    assert.equal(parameters[4].format, 'date-time');
    assert.equal(parameters[5].format, 'date');
    // No definition of its own: the class is only the handler's view of the parameters.
    assert.equal(JSON.stringify(definition).includes('ListQuery'), false);
    const openapi = JSON.parse(emitFiles(resolve(connector))['openapi.json']) as {
      paths: Record<string, Record<string, { parameters: { name: string; schema: Record<string, unknown> }[] }>>;
    };
    assert.deepEqual(openapi.paths['/things/{kind}'].get.parameters[1].schema, {
      type: 'integer',
      title: 'Top',
      default: 20,
      minimum: 1,
      maximum: 100,
    });
  });

  it('hands the handler an instance made from the query, coerced, with its initialisers and defaults', async () => {
    const given = await request(app).get(
      '/things/tools?owner=me&top=5&q=drill&sort=asc&since=2026-01-01T00:00:00Z&day=2026-01-02&tags=a,b&valueOf=v',
    );
    assert.equal(given.status, 200, given.text);
    assert.deepEqual(given.body, {
      kind: 'tools',
      isListQuery: true,
      since: '2026-01-01T00:00:00.000Z',
      day: '2026-01-02T00:00:00.000Z',
      valueOfIsOwn: true,
      own: ['top', 'q', 'sort', 'since', 'day', 'tags', 'owner', 'valueOf'],
      query: {
        top: 5,
        q: 'drill',
        sort: 'asc',
        since: '2026-01-01T00:00:00.000Z',
        day: '2026-01-02T00:00:00.000Z',
        tags: ['a', 'b'],
        owner: 'me',
        valueOf: 'v',
      },
    });
    const left = await request(app).get('/things/tools?owner=me');
    assert.equal(left.status, 200, left.text);
    assert.deepEqual(left.body.own, ['top', 'owner'], 'what the request leaves out stays out; top has its default');
    assert.deepEqual(left.body.query, { top: 20, owner: 'me' });
    assert.equal(left.body.valueOfIsOwn, false);
  });

  it('refuses what the published parameters refuse, pointing at each by name', async () => {
    const res = await request(app).get('/things/tools?top=0&sort=up&since=yesterday');
    assert.equal(res.status, 400);
    assert.deepEqual(
      (res.body as { errors: { pointer: string; code: string }[] }).errors.map((e) => `${e.pointer} ${e.code}`),
      ['/query/owner required', '/query/top minimum', '/query/sort enum', '/query/since format'],
    );
  });

  it('runs custom constraints on the instance, pointing at the query parameter', async () => {
    assert.deepEqual((await request(app).get('/things/?page=2')).body, { page: 2 });
    const res = await request(app).get('/things/?page=3');
    assert.equal(res.status, 400);
    assert.equal(res.body.detail, 'The query parameters break a rule of the operation.');
    assert.deepEqual(res.body.errors, [{ pointer: '/query/page', message: 'must be even', code: 'isEven' }]);
  });

  it('refuses, at build time, a field no query string carries and a name bound twice', () => {
    class Filter {
      @IsString() name!: string;
    }
    class Nested {
      @Field({ summary: 'Filter' }) @IsOptional() filter?: Filter;
      @Summary('Top') @IsOptional() @IsInt() top?: number;
    }
    @Controller()
    class Wrong {
      @Get('/w')
      @Action({ id: 'Wrong', summary: 'Wrong', description: 'Takes what a query cannot carry.' })
      @Returns(200)
      wrong(@Query() _q: Nested, @Query('top', { type: Number }) _top: number | undefined): void {}
    }
    assert.throws(
      () =>
        resolve(new Connector({ ...{ info: connector.options.info, brandColor: '#123456' }, controllers: [Wrong] })),
      (err: Error) => {
        assert.match(
          err.message,
          /FP1402 untyped-property: .*only the body can carry objects\)\n {2}at Wrong\.wrong param #0 \(filter\)/,
        );
        assert.match(err.message, /FP1015 duplicate-parameter: parameter "top" in query is declared twice/);
        return true;
      },
    );
  });

  it('refuses options given beside a class, which its fields take from their own decorators', () => {
    @Controller()
    class Given {
      @Get('/g')
      @Action({ id: 'Given', summary: 'Given', description: 'Gives options to a class.' })
      @Returns(200)
      given(@Query(undefined as unknown as string, { summary: 'Filter' }) _q: PageQuery): void {}
    }
    assert.throws(
      () => resolve(new Connector({ info: connector.options.info, brandColor: '#123456', controllers: [Given] })),
      /FP1304 parameter-option-misplaced: summary does not apply to a class of query parameters: each field is a parameter, described by its own decorators\n {2}at Given\.given param #0\n {2}hint: Move them onto the fields of PageQuery/,
    );
  });

  it('is called by FlowHost with each field as a parameter of its own', async () => {
    const server: Server = await listen(createApp(connector), 0, '127.0.0.1');
    const host = await FlowHost.start({ api: urlOf(server) });
    try {
      const answer = await host.action('ListThings', undefined, { kind: 'x', owner: 'me', tags: ['a', 'b c'] });
      assert.equal(answer.status, 200);
      assert.deepEqual((answer.body as { query: unknown }).query, { top: 20, tags: ['a', 'b c'], owner: 'me' });
    } finally {
      await host.close();
      await shutdown(server);
    }
  });
});

@Controller('/clock')
class Clock {
  @Get('/')
  @Action({ id: 'ReadClock', summary: 'Read clock', description: 'Reads a wall-clock time.' })
  @Returns(200)
  read(@Query('at', { type: Date, format: 'date-no-tz', required: true }) at: Date): object {
    return { at: at.toISOString() };
  }
}

describe('a Date given as a time without an offset (date-no-tz)', () => {
  const app = createApp(
    new Connector({
      info: { title: 'Clock', description: 'Reads wall-clock times into dates.', version: '1.0.0' },
      brandColor: '#123456',
      controllers: [Clock],
    }),
    { docs: false },
  );
  const zone = process.env.TZ;
  after(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('is read as UTC, whatever time zone the server runs in', async () => {
    // JavaScript reads such a time in the server's zone: before, New York made 15:00 UTC of it.
    for (const tz of ['America/New_York', 'Asia/Kolkata', 'UTC']) {
      process.env.TZ = tz;
      const res = await request(app).get('/clock?at=2024-01-01T10:00:00');
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body, { at: '2024-01-01T10:00:00.000Z' }, tz);
    }
  });
});
