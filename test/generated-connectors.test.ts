import * as core from '@flowport/core';
import { createApp } from '@flowport/express-adapter';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import request from 'supertest';
import { corpusDir } from './support/corpus';
import { powerPlatformSwaggerValidator } from './support/oracles';
import { publishedOrRefused } from './support/published';
import { arbitraryFor } from './support/schema-arbitrary';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Decorate = (target: object, key: string) => void;

/**
 * Connectors made at random from the decorators a DTO uses: kinds of property, constraints,
 * optional, nullable, defaults (declared, or field initialisers). For each, `resolve()` either refuses the declaration with a
 * diagnostic or its documents pass the oracles, and the running app accepts every value the
 * published schema allows and hands it back unchanged (with the defaults filled in). A scratch
 * version of it led to the uniqueItems and default-format fixes of 2026-11-28.
 *
 * The seed is fixed so that a run is repeatable; `FLOWPORT_SEED` explores others.
 */
const SEED = Number(process.env.FLOWPORT_SEED ?? 20261128);
const RUNS = 60;

const KINDS = ['string', 'number', 'integer', 'boolean', 'strings', 'ints', 'nested', 'nesteds', 'date', 'dates'];
const KINDS_OF_DICTIONARY = ['dictionary', 'dictionaryOfNested'];

/** A constraint decorator and its arguments, applied as `core[name](...args)`. */
type Constraint = readonly [string, readonly unknown[]];

const onStrings: fc.Arbitrary<Constraint>[] = [
  fc.tuple(fc.constant('MinLength'), fc.tuple(fc.integer({ min: 0, max: 5 }))),
  fc.tuple(fc.constant('MaxLength'), fc.tuple(fc.integer({ min: 0, max: 20 }))),
  fc.tuple(fc.constant('Matches'), fc.tuple(fc.constantFrom('^[a-z]+$', '^\\d{3}$', 'a', '[^\\s]'))),
  fc.tuple(fc.constant('IsIn'), fc.tuple(fc.constantFrom(['a', 'b'], ['x'], ['', 'q']))),
  ...['IsEmail', 'IsUUID', 'IsUrl', 'IsNotEmpty', 'IsDateString', 'IsBase64', 'IsAlpha', 'IsHexColor'].map((name) =>
    fc.tuple(fc.constant(name), fc.constant([])),
  ),
];
const onNumbers: fc.Arbitrary<Constraint>[] = [
  fc.tuple(fc.constant('Min'), fc.tuple(fc.integer({ min: -10, max: 10 }))),
  fc.tuple(fc.constant('Max'), fc.tuple(fc.integer({ min: -10, max: 100 }))),
  fc.tuple(fc.constant('IsDivisibleBy'), fc.tuple(fc.constantFrom(2, 3, 0.5))),
  fc.tuple(fc.constant('IsIn'), fc.tuple(fc.constantFrom([1, 2], [0]))),
  fc.tuple(fc.constant('IsPositive'), fc.constant([])),
];
const onArrays: fc.Arbitrary<Constraint>[] = [
  fc.tuple(fc.constant('ArrayMinSize'), fc.tuple(fc.integer({ min: 0, max: 3 }))),
  fc.tuple(fc.constant('ArrayMaxSize'), fc.tuple(fc.integer({ min: 0, max: 5 }))),
  fc.tuple(fc.constant('ArrayUnique'), fc.constant([])),
];

const someOf = (list: fc.Arbitrary<Constraint>[]) =>
  fc.uniqueArray(fc.oneof(...list), { maxLength: 2, selector: ([name]) => name });

interface PropertySpec {
  readonly kind: string;
  readonly optional: boolean;
  readonly nullable: boolean;
  readonly withDefault: boolean;
  /** Whether the default is a field initialiser (`p0 = 'abc'`) rather than `@Field({ default })`. */
  readonly initialised: boolean;
  readonly constraints: readonly Constraint[];
  readonly arrayConstraints: readonly Constraint[];
}

const property: fc.Arbitrary<PropertySpec> = fc
  .record({
    kind: fc.constantFrom(...KINDS, ...KINDS_OF_DICTIONARY),
    optional: fc.boolean(),
    nullable: fc.boolean(),
    withDefault: fc.boolean(),
    initialised: fc.boolean(),
  })
  .chain((p) =>
    fc.record({
      kind: fc.constant(p.kind),
      optional: fc.constant(p.optional),
      nullable: fc.constant(p.nullable),
      withDefault: fc.constant(p.withDefault),
      initialised: fc.constant(p.initialised),
      constraints: ['string', 'strings'].includes(p.kind)
        ? someOf(onStrings)
        : ['number', 'integer', 'ints'].includes(p.kind)
          ? someOf(onNumbers)
          : fc.constant([]),
      arrayConstraints: ['strings', 'ints', 'nesteds', 'dates'].includes(p.kind) ? someOf(onArrays) : fc.constant([]),
    }),
  );

class Inner {
  @core.Field({ summary: 'Label', description: 'A label.' }) label!: string;
}

const DEFAULTS: Readonly<Record<string, unknown>> = {
  string: 'abc',
  number: 1.5,
  integer: 3,
  boolean: true,
  strings: ['a'],
  ints: [1],
  date: '2020-01-01T00:00:00Z',
};

const decorators = core as unknown as Record<string, (...args: unknown[]) => Decorate>;
let made = 0;

/** A DTO class with one property per spec (p0, p1, …), and the defaults it declares. */
function dtoOf(specs: readonly PropertySpec[]): { dto: core.Class; defaults: Json } {
  const name = `Generated${made++}`;
  const initial: Json = {};
  // What field initialisers do: each instance gets its own copy of the value.
  const dto = {
    [name]: class {
      constructor() {
        Object.assign(this, structuredClone(initial));
      }
    },
  }[name];
  const defaults: Json = {};
  specs.forEach((p, i) => {
    const key = `p${i}`;
    const design = { string: String, number: Number, integer: Number, boolean: Boolean, nested: Inner, date: Date }[
      p.kind
    ];
    Reflect.defineMetadata('design:type', design ?? Object, dto.prototype, key);
    const options: Json = { summary: `Property ${i}`, description: `Property ${i}.` };
    const types: Json = {
      integer: 'integer',
      strings: [String],
      ints: ['integer'],
      nesteds: [Inner],
      dates: [Date],
      dictionary: Object,
      dictionaryOfNested: Object,
    };
    if (p.kind in types) options.type = types[p.kind];
    if (p.kind === 'dictionary') options.additionalProperties = String;
    if (p.kind === 'dictionaryOfNested') options.additionalProperties = Inner;
    if (p.nullable) options.nullable = true;
    if (p.optional) {
      options.required = false;
      // A Date initialiser is no JSON value, so a date's default is declared.
      if (p.withDefault && p.kind in DEFAULTS) {
        if (p.initialised && p.kind !== 'date') initial[key] = defaults[key] = DEFAULTS[p.kind];
        else options.default = defaults[key] = DEFAULTS[p.kind];
      }
    }
    decorators.Field(options)(dto.prototype, key);
    const each = p.kind === 'strings' || p.kind === 'ints' ? [{ each: true }] : [];
    for (const [constraint, args] of p.constraints) decorators[constraint](...args, ...each)(dto.prototype, key);
    for (const [constraint, args] of p.arrayConstraints) decorators[constraint](...args)(dto.prototype, key);
  });
  return { dto, defaults };
}

/** A connector with one action that takes the DTO and answers it. */
function connectorOf(dto: core.Class): core.Connector {
  class EchoController {
    echo(body: unknown): unknown {
      return body;
    }
  }
  const proto = EchoController.prototype;
  Reflect.defineMetadata('design:paramtypes', [dto], proto, 'echo');
  core.Body()(proto, 'echo', 0);
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'echo')!;
  core.Returns(200, dto, { description: 'The same.' })(proto, 'echo', descriptor);
  core.Action({ id: 'Echo', summary: 'Echo it', description: 'Answers the body it was sent.' })(
    proto,
    'echo',
    descriptor,
  );
  core.Post('/echo')(proto, 'echo', descriptor);
  core.Controller('/generated')(EchoController);
  return new core.Connector({
    info: { title: 'Generated', description: 'A connector made at random by a test.', version: '1.0.0' },
    brandColor: '#123456',
    controllers: [EchoController],
  });
}

/**
 * A draft-04 check of a value against the published schema, apart from Flowport's: values the
 * generator makes that the schema refuses (an enum beside a pattern) are its gaps, not the app's.
 */
function publishedCheck(schema: Json, definitions: Json): (value: unknown) => boolean {
  const nullable = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(nullable);
    if (node === null || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node as Json)) {
      out[k] =
        k === 'properties' || k === 'definitions'
          ? Object.fromEntries(Object.entries(v as Json).map(([n, s]) => [n, nullable(s)]))
          : nullable(v);
    }
    return (node as Json)['x-nullable'] === true ? { anyOf: [out, { type: 'null' }] } : out;
  };
  const ajv = new Ajv04({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile({ ...(nullable(schema) as Json), definitions: nullable(definitions) });
  return (value) => validate(value) === true;
}

/** JSON as a client reads it, with date-times compared as instants. */
function normal(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) return new Date(value).toISOString();
  if (Array.isArray(value)) return value.map(normal);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normal(v)]));
  }
  return value;
}

describe('connectors made at random from DTO decorators (fast-check)', function () {
  this.timeout(300_000);

  it(`are refused with a diagnostic, or published validly and served as published (${RUNS} connectors)`, async function () {
    const platform = powerPlatformSwaggerValidator(corpusDir(this));
    const outcomes = { refused: 0, served: 0, values: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(property, { minLength: 1, maxLength: 5 }), async (specs) => {
        const { dto, defaults } = dtoOf(specs);
        const connector = connectorOf(dto);
        const definition = await publishedOrRefused(connector, platform, outcomes);
        if (definition === undefined) return;
        // Declared or initialised, each default is published: the designer shows what the handler gets.
        const published = ((definition.definitions as Json)[dto.name] as Json).properties as Json;
        for (const [key, value] of Object.entries(defaults)) assert.deepEqual(published[key].default, value, key);
        const body = (definition.paths['/generated/echo'].post.parameters as Json[]).find((p) => p.in === 'body')!;
        const allowed = publishedCheck(body.schema as Json, definition.definitions as Json);
        const app = createApp(connector, { docs: false, validateResponses: true });
        for (const value of fc.sample(arbitraryFor(body.schema as Json, definition.definitions as Json), 8)) {
          const sent = JSON.parse(JSON.stringify(value)) as Json;
          if (!allowed(sent)) continue;
          outcomes.values++;
          const res = await request(app).post('/generated/echo').set('content-type', 'application/json').send(sent);
          const context: string = `sent ${JSON.stringify(sent)}\ndefinitions ${JSON.stringify(definition.definitions)}`;
          assert.equal(res.status, 200, `${context}\nanswered ${res.text}`);
          assert.deepEqual(normal(res.body), normal({ ...defaults, ...sent }), context);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The generator must reach both outcomes and send values, or the property says nothing.
    assert.ok(outcomes.refused > 0 && outcomes.served > RUNS / 2 && outcomes.values > RUNS, JSON.stringify(outcomes));
  });
});
