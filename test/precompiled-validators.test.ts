import {
  Action,
  apiKey,
  ArrayUnique,
  Body,
  Connector,
  connectorDefinition,
  Controller,
  Field,
  Header,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  Path,
  Post,
  Query,
  resolve,
  Returns,
  Schema,
  type ApiModel,
} from '@flowport/core';
import { createApp } from '@flowport/express-adapter';
import { createAjv, jsonDefinitions } from '@flowport/express-adapter/dist/validation/ajv';
import { emittedOperation } from '@flowport/express-adapter/dist/validation/emitted';
import { keyOf, loadPrecompiled, PRECOMPILED_MARK } from '@flowport/express-adapter/dist/validation/precompiled';
import { requestSchemas, schemaList } from '@flowport/express-adapter/dist/validation/request-schemas';
import { validatorsModule } from '@flowport/express-adapter/dist/validation/standalone';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { arbitraryFor, mutations } from './support/schema-arbitrary';
import { scratch } from './support/tmp';

type Json = Record<string, unknown>;

class Address {
  @Field({ summary: 'Street' }) @IsString() @Length(1, 40) street!: string;
  @Field({ summary: 'Web Site' }) @IsOptional() @IsUrl() site?: string;
}

class Line {
  @Field({ summary: 'Product' }) @IsString() product!: string;
  @Field({ summary: 'Count', required: false }) @IsOptional() @IsInt() count?: number;
}

// An enum of objects: compared by Flowport's own code, which the module requires.
@Schema({ schema: { type: 'object', enum: [{ w: 1 }, { w: 2, h: 3 }] } })
class Size {}

// A default of a property Object.prototype has a member of the name of: filled in by Flowport's
// own code (`ownDefaults`), which the module requires.
@Schema({ schema: { type: 'object', properties: { toString: { type: 'boolean', default: false } } } })
class Options {}

class Order {
  @Field({ summary: 'Order ID' }) @IsUUID() id!: string;
  @Field({ summary: 'Email' }) @IsEmail() email!: string;
  @Field({ summary: 'When' }) @IsDateString() when!: string;
  @Field({ summary: 'Quantity', format: 'int32' }) @IsInt() @Min(1) @Max(99) quantity!: number;
  @Field({ summary: 'Colour' }) @IsIn(['red', 'blue']) colour!: string;
  @Field({ summary: 'Code' }) @Matches(/^[A-Z]{3}$/) code!: string;
  @Field({ summary: 'Note', nullable: true }) @IsOptional() @IsString() note?: string | null;
  @Field({ summary: 'Tags', type: [String] }) @ArrayUnique() tags!: string[];
  @Field({ summary: 'Address', type: Address }) address!: Address;
  // Objects under uniqueItems: compared by Flowport's own keyword, which the module requires.
  @Field({ summary: 'Lines', type: [Line], required: false }) @IsOptional() @ArrayUnique() lines?: Line[];
  @Field({ summary: 'Size', type: Size, required: false }) @IsOptional() size?: Size;
  @Field({ summary: 'Options', type: Options, required: false }) @IsOptional() options?: Options;
  // A format whose check is a function: the module calls it through the formats module.
  @Field({ summary: 'Local Time', format: 'date-no-tz' }) @IsOptional() @IsString() local?: string;
}

@Controller('/orders')
class OrderController {
  @Post('/{shop}')
  @Action({ id: 'PlaceOrder', summary: 'Place an order', description: 'Places an order in a shop.' })
  @Returns(200, Order)
  place(
    @Path('shop', { summary: 'Shop' }) shop: string,
    @Query('top', { summary: 'Top', type: 'integer', minimum: 1, maximum: 100, required: false }) top: number,
    @Header('x-trace', { summary: 'Trace', required: false }) trace: string,
    @Body({ summary: 'Order' }) order: Order,
  ): Order {
    void [shop, top, trace];
    return order;
  }
}

const connector = new Connector({
  info: { title: 'Orders', description: 'A connector that takes orders, for validator tests.', version: '1.0.0' },
  host: 'orders.example.com',
  brandColor: '#123456',
  auth: apiKey({ in: 'header', name: 'X-Key', label: 'Key' }),
  controllers: [OrderController],
});

describe('precompiled request validators (flowport build --validators)', function () {
  this.timeout(60000);
  // Made in a hook, not here: a filtered run (--grep) defines this suite without running its hooks.
  let tmp: ReturnType<typeof scratch>;
  after(() => tmp?.cleanup());
  let model: ApiModel;
  let definition: Json;
  let file: string;

  before(() => {
    tmp = scratch();
    model = resolve(connector);
    definition = connectorDefinition(model) as Json;
    file = join(tmp.dir, 'validators.js');
    writeFileSync(file, validatorsModule(model));
  });

  it('answer every value exactly as validators compiled at run time do, errors included', () => {
    const definitions = jsonDefinitions(definition.definitions as Json);
    const { validators, problem } = loadPrecompiled(file, definitions);
    assert.equal(problem, undefined);
    const ajv = createAjv(definitions);
    const op = model.operations[0];
    const schemas = requestSchemas(emittedOperation(definition, op).parameters);
    const list = schemaList(schemas);
    assert.equal(Object.keys(validators).length, list.length, 'one validator per request schema');
    const same = (schema: Json, value: unknown) => {
      const ours = validators[keyOf(schema)];
      assert.ok(ours, 'the module holds the schema');
      const compiled = ajv.compile(schema);
      assert.equal(ours(value), compiled(value), JSON.stringify(value));
      assert.deepEqual(ours.errors ?? null, compiled.errors ?? null, JSON.stringify(value));
    };
    // The body: values the published schema allows, and each single mutation of them.
    const bodyParameter = (emittedOperation(definition, op).parameters as Json[]).find((p) => p.in === 'body')!;
    const swaggerDefinitions = definition.definitions as Json;
    fc.assert(
      fc.property(arbitraryFor(bodyParameter.schema as Json, swaggerDefinitions), (value) => {
        same(schemas.body!.schema!, value);
        for (const m of mutations(value, bodyParameter.schema as Json, swaggerDefinitions)) {
          same(schemas.body!.schema!, m.value);
        }
      }),
      { numRuns: 100 },
    );
    // The other parameters, by location.
    const samples: Record<string, unknown[]> = {
      path: [{ shop: 'a' }, {}, { shop: 1 }],
      query: [{}, { top: 5 }, { top: 0 }, { top: 101 }, { top: 2.5 }, { top: 'x' }, { top: Infinity }],
      header: [{}, { 'x-trace': 't' }, { 'x-trace': 3 }],
    };
    for (const g of schemas.groups) for (const value of samples[g.location]) same(g.schema, value);
  });

  /** The module's validator of the order body. */
  const orderValidator = () => {
    const { validators } = loadPrecompiled(file, jsonDefinitions(definition.definitions as Json));
    const body = schemaList(requestSchemas(emittedOperation(definition, model.operations[0]).parameters)).find(
      (schema) => JSON.stringify(schema).includes('Order'),
    )!;
    return validators[keyOf(body)];
  };
  /** A valid order, and then `rest` (written JSON members) in it. */
  const orderWith = (rest: string) =>
    JSON.parse(
      `{"id":"1b4e28ba-2d7a-4c1c-9c4e-1d2f3a4b5c6d","email":"a@b.example","when":"2026-11-27T10:00:00Z","quantity":3,"colour":"red","code":"ABC","tags":[],"address":{"street":"Main"},${rest}}`,
    ) as Record<string, unknown>;

  it('check date-no-tz with its check, a function, and refuse a day the calendar lacks', () => {
    const ours = orderValidator();
    assert.equal(ours(orderWith('"local":"2026-11-28T10:00:00.1234567"')), true);
    assert.equal(ours(orderWith('"local":"2026-02-30T10:00"')), false);
    assert.deepEqual(
      ours.errors?.map((e) => [e.instancePath, e.keyword]),
      [['/local', 'format']],
    );
  });

  it('check uniqueItems and an enum of objects with the code compiled at run time uses, whatever keys they have', () => {
    const ours = orderValidator();
    const order = (lines: string) => orderWith(`"lines":${lines}`);
    assert.equal(ours(order('[{"product":"a"},{"count":1,"product":"a"}]')), true);
    assert.equal(ours(order('[{"product":"a","count":1},{"count":1,"product":"a"}]')), false);
    assert.deepEqual(
      ours.errors?.map((e) => [e.instancePath, e.keyword, e.params]),
      [['/lines', 'uniqueItems', { i: 1, j: 0 }]],
    );
    // Unknown properties are refused, yet ajv's own keyword threw on them first.
    assert.equal(ours(order('[{"product":"a","valueOf":1},{"product":"a","valueOf":1}]')), false);
    assert.deepEqual(ours.errors?.map((e) => e.keyword).sort(), [
      'additionalProperties',
      'additionalProperties',
      'uniqueItems',
    ]);
    // An enum of objects, in any key order; ajv's own keyword threw on the last.
    const sized = (size: string) => order(`[],"size":${size}`); // no lines, then the size
    assert.equal(ours(sized('{"h":3,"w":2}')), true);
    assert.equal(ours(sized('{"w":3}')), false);
    assert.equal(ours(sized('{"valueOf":1}')), false);
    assert.deepEqual(
      ours.errors?.map((e) => [e.instancePath, e.keyword]),
      [['/size', 'enum']],
    );
  });

  it('fill in a default of a property named toString, with the code compiled at run time uses', () => {
    const ours = orderValidator();
    const order = (options: string) => orderWith(`"options":${options}`);
    const left = order('{}');
    assert.equal(ours(left), true, JSON.stringify(ours.errors));
    assert.deepEqual(left.options, { toString: false });
    assert.equal(ours(order('{"toString":"no"}')), false);
    assert.deepEqual(
      ours.errors?.map((e) => [e.instancePath, e.keyword]),
      [['/options/toString', 'type']],
    );
  });

  it('serve from the module: accept what the definition allows, reject the rest naming each field', async () => {
    const app = createApp(connector, { credentials: { apiKeys: ['k'] }, precompiledValidators: file, docs: false });
    const body = {
      id: '1b4e28ba-2d7a-4c1c-9c4e-1d2f3a4b5c6d',
      email: 'a@b.example',
      when: '2026-11-27T10:00:00Z',
      quantity: 3,
      colour: 'red',
      code: 'ABC',
      tags: ['x'],
      address: { street: 'Main' },
    };
    const post = (value: object) =>
      request(app).post('/orders/s1?top=3').set('X-Key', 'k').set('content-type', 'application/json').send(value);
    assert.equal((await post(body)).status, 200);
    const bad = await post({ ...body, email: 'nope', tags: ['x', 'x'], address: { street: '' } });
    assert.equal(bad.status, 400);
    assert.deepEqual((bad.body as { errors: { pointer: string }[] }).errors.map((e) => e.pointer).sort(), [
      '/body/address/street',
      '/body/email',
      '/body/tags',
    ]);
    const lines = [
      { product: 'a', toString: 'x' },
      { product: 'a', toString: 'x' },
    ];
    const repeated = await post({ ...body, lines });
    assert.equal(repeated.status, 400, repeated.text);
    assert.ok((repeated.body as { errors: { pointer: string }[] }).errors.some((e) => e.pointer === '/body/lines'));
  });

  it('are not used when built for other definitions, missing or unloadable: logged, and each schema compiled on first use', async () => {
    const stale = join(tmp.dir, 'stale.js');
    const code = validatorsModule(model);
    writeFileSync(stale, code.replace(/^(\/\/ flowport validators )\S+/, '$1other'));
    assert.ok(code.startsWith(PRECOMPILED_MARK));
    const logged: string[] = [];
    const app = createApp(connector, {
      credentials: { apiKeys: ['k'] },
      precompiledValidators: stale,
      docs: false,
      logger: { error: (message, details) => logged.push(`${message} ${JSON.stringify(details)}`) },
    });
    assert.equal(logged.length, 1);
    assert.match(logged[0], /built for other definitions/);
    const res = await request(app)
      .post('/orders/s1?top=0')
      .set('X-Key', 'k')
      .set('content-type', 'application/json')
      .send({});
    assert.equal(res.status, 400);
    assert.ok((res.body as { errors: { pointer: string }[] }).errors.some((e) => e.pointer === '/query/top'));
    const missing = loadPrecompiled(join(tmp.dir, 'absent.js'), {});
    assert.deepEqual(missing.validators, {});
    assert.match(missing.problem!, /does not exist/);
    // The right mark over code that does not run: reported, not thrown.
    const broken = join(tmp.dir, 'broken.js');
    writeFileSync(broken, `${code.split('\n')[0]}\nthis is not JavaScript(\n`);
    const definitions = jsonDefinitions((connectorDefinition(model) as Json).definitions as Json);
    const unloadable = loadPrecompiled(broken, definitions);
    assert.deepEqual(unloadable.validators, {});
    assert.match(unloadable.problem!, /could not be loaded/);
  });
});
