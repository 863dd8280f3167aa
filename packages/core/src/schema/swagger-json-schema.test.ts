import assert from 'node:assert/strict';
import { DEFINITIONS_ID, toJsonSchema } from './swagger-json-schema';

describe('toJsonSchema: Swagger 2.0 schema as JSON Schema, meaning unchanged', () => {
  it('turns x-nullable into a null type, also for enums and references', () => {
    assert.deepEqual(toJsonSchema({ type: 'string', 'x-nullable': true, enum: ['a'] }), {
      type: ['string', 'null'],
      enum: ['a', null],
    });
    assert.deepEqual(toJsonSchema({ $ref: '#/definitions/A', 'x-nullable': true }), {
      anyOf: [{ $ref: `${DEFINITIONS_ID}#/definitions/A` }, { type: 'null' }],
    });
  });

  it('drops the default of a required property, which validators would otherwise fill in', () => {
    assert.deepEqual(
      toJsonSchema({
        type: 'object',
        required: ['a'],
        properties: { a: { type: 'string', default: 'x' }, b: { type: 'integer', default: 1 } },
      }),
      { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'integer', default: 1 } } },
    );
    // A default its own schema refuses is not filled in either (Encodian's booleans have "false").
    assert.deepEqual(
      toJsonSchema({
        type: 'object',
        properties: {
          flag: { type: 'boolean', default: 'false' },
          code: { type: 'string', pattern: '^[A-Z]+$', default: 'abc' },
          tags: { type: 'array', items: { type: 'string', enum: ['a'] }, default: ['b'] },
          note: { type: 'string', 'x-nullable': true, default: null },
        },
      }),
      {
        type: 'object',
        properties: {
          flag: { type: 'boolean' },
          code: { type: 'string', pattern: '^[A-Z]+$' },
          tags: { type: 'array', items: { type: 'string', enum: ['a'] } },
          note: { type: ['string', 'null'], default: null },
        },
      },
    );
    // A required name without a property, or a property that is not a schema, is left as it is.
    assert.deepEqual(toJsonSchema({ type: 'object', required: ['c', 5], properties: { d: true } }), {
      type: 'object',
      required: ['c', 5],
      properties: { d: true },
    });
  });

  it('turns draft-04 boolean exclusive bounds into numbers', () => {
    assert.deepEqual(
      toJsonSchema({ type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: false }),
      {
        type: 'number',
        exclusiveMinimum: 0,
        maximum: 1,
      },
    );
  });

  it('drops vendor keys and annotations, recursing through properties, items and additionalProperties', () => {
    assert.deepEqual(
      toJsonSchema({
        type: 'object',
        'x-ms-summary': 'S',
        example: {},
        readOnly: true,
        properties: { a: { type: 'array', items: { $ref: '#/definitions/B' }, 'x-ms-visibility': 'internal' } },
        additionalProperties: { type: 'integer', 'x-ms-test-value': 1 },
      }),
      {
        type: 'object',
        properties: { a: { type: 'array', items: { $ref: `${DEFINITIONS_ID}#/definitions/B` } } },
        additionalProperties: { type: 'integer' },
      },
    );
  });

  it('moves the defaults of properties named as members of Object.prototype to ownDefaults', () => {
    // ajv finds the inherited member where such a property is absent, and checks it.
    assert.deepEqual(
      toJsonSchema({
        type: 'object',
        properties: {
          toString: { type: 'boolean', default: false },
          constructor: { type: 'string', default: 'x' },
          valueOf: { type: 'integer' },
          name: { type: 'string', default: 'n' },
        },
        required: ['constructor'],
      }),
      {
        type: 'object',
        properties: {
          toString: { type: 'boolean' },
          constructor: { type: 'string' },
          valueOf: { type: 'integer' },
          name: { type: 'string', default: 'n' },
        },
        required: ['constructor'],
        ownDefaults: { toString: false },
      },
    );
  });
});
