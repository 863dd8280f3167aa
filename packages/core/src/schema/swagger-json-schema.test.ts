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
});
