import assert from 'node:assert/strict';
import { Definition } from './definition';
import { fieldOf } from './dynamic-values';

describe('fieldOf: a field of an operation, by its path into the body', () => {
  const reader = new Definition({
    swagger: '2.0',
    paths: {},
    definitions: {
      Matrix: { type: 'array', items: { $ref: '#/definitions/Matrix' } },
      Row: { type: 'object', properties: { cell: { type: 'string' } } },
      Rows: { type: 'array', items: { type: 'array', items: { $ref: '#/definitions/Row' } } },
    },
  });
  const body = (schema: object) => [{ name: 'body', in: 'body', schema }];
  const deref = (s: Record<string, unknown>) => reader.schema(s);

  it('goes through lists of lists to the field', () => {
    const found = fieldOf(body({ $ref: '#/definitions/Rows' }), 'body/cell', deref);
    assert.deepEqual(found?.declared, { type: 'string' });
  });

  it('finds nothing in a list of itself, where it went round for ever', () => {
    assert.equal(fieldOf(body({ $ref: '#/definitions/Matrix' }), 'cell', deref), undefined);
  });
});
