import assert from 'node:assert/strict';
import { oas3Schema } from './schema';

describe('oas3Schema', () => {
  it("writes a literal schema (Swagger 2.0, as an import keeps it) in OpenAPI 3.0's spelling", () => {
    // Egnyte's webhook notification content: a $ref with a type beside it, kept as a literal.
    const literal = {
      type: 'object',
      $ref: '#/definitions/LinkWebhookResponse',
      properties: {
        file: { type: 'file' },
        note: { type: 'string', 'x-nullable': true, example: { $ref: '#/definitions/Not-a-reference' } },
        'x-nullable': { type: 'boolean' },
        tags: { type: 'array', items: { $ref: '#/definitions/Tag' } },
      },
      allOf: [{ $ref: '#/definitions/Base' }, { type: 'object', discriminator: 'kind', required: ['kind'] }],
      'x-ms-summary': 'Kept',
    };
    assert.deepEqual(oas3Schema({ literal, description: 'Laid over it' }), {
      type: 'object',
      $ref: '#/components/schemas/LinkWebhookResponse',
      properties: {
        file: { type: 'string', format: 'binary' },
        note: { type: 'string', nullable: true, example: { $ref: '#/definitions/Not-a-reference' } },
        'x-nullable': { type: 'boolean' },
        tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } },
      },
      allOf: [
        { $ref: '#/components/schemas/Base' },
        { type: 'object', discriminator: { propertyName: 'kind' }, required: ['kind'] },
      ],
      'x-ms-summary': 'Kept',
      description: 'Laid over it',
    });
  });
});
