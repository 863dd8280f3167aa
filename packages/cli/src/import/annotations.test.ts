import assert from 'node:assert/strict';
import { annotations, type OperationLookup } from './annotations';
import { code } from './code';

const ops: OperationLookup = (id) =>
  id === 'ListThings' ? code('() => ThingsController.prototype.listThings') : undefined;
const none = new Set<string>();
const read = (schema: Record<string, unknown>, place: 'field' | 'parameter' | 'type' = 'field') =>
  annotations(schema, none, place, ops);

describe('import: annotations of a schema become options, the rest goes to the bag', () => {
  it('reads the label, help text, visibility, default, enum and display names', () => {
    const a = read({
      'x-ms-summary': 'Kind',
      description: 'The kind.',
      'x-ms-visibility': 'advanced',
      default: 'new',
      enum: ['new', 'used'],
      'x-ms-enum-values': [
        { value: 'new', displayName: 'New' },
        { value: 'used', displayName: 'Used' },
      ],
    });
    assert.deepEqual(Object.keys(a.options), ['summary', 'description', 'visibility', 'default', 'enum', 'enumValues']);
    assert.deepEqual(a.extensions, {});
  });

  it('keeps an undocumented visibility value, a misspelling and an AutoRest key in the bag, with reasons', () => {
    const a = read({ 'x-ms-visibility': 'Advanced', 'x-ms-visibilty': 'internal', 'x-ms-enum': { name: 'Kind' } });
    assert.deepEqual(a.options, {});
    assert.deepEqual(Object.keys(a.extensions), ['x-ms-visibility', 'x-ms-visibilty', 'x-ms-enum']);
    assert.deepEqual(a.notes, [
      'x-ms-visibility: "Advanced" is not a documented value, kept as written',
      'x-ms-visibilty: misspelling of x-ms-visibility in the source, kept as written',
      'x-ms-enum: an AutoRest key the platform ignores, kept as written',
    ]);
  });

  it('keeps display names for values the enum lacks in the bag', () => {
    const a = read({ enum: ['a'], 'x-ms-enum-values': [{ value: 'b', displayName: 'B' }] });
    assert.deepEqual(Object.keys(a.options), ['enum']);
    assert.deepEqual(Object.keys(a.extensions), ['x-ms-enum-values']);
  });

  it('references the target method of dynamic values, and keeps a reference to no operation as written', () => {
    const a = read({
      'x-ms-dynamic-values': {
        operationId: 'ListThings',
        'value-path': 'id',
        parameters: { top: 5, kind: { parameter: 'kind' } },
      },
    });
    const dv = a.options.dynamicValues as Record<string, unknown>;
    assert.equal((dv.operation as { text: string }).text, '() => ThingsController.prototype.listThings');
    assert.equal(((dv.parameters as Record<string, unknown>).kind as { text: string }).text, "param('kind')");
    const missing = read({ 'x-ms-dynamic-values': { operationId: 'Gone', 'value-path': 'id' } });
    assert.deepEqual(Object.keys(missing.extensions), ['x-ms-dynamic-values']);
  });

  it('takes the file-picker form of dynamic values', () => {
    const a = read({ 'x-ms-dynamic-values': { capability: 'file-picker', parameters: {}, 'value-path': 'Id' } });
    const dv = a.options.dynamicValues as Record<string, unknown>;
    assert.equal(dv.capability, 'file-picker');
    assert.equal(dv.value, 'Id');
    assert.deepEqual(dv.parameters, {}, 'an empty parameters object is kept as written');
    assert.equal(dv.operation, undefined);
  });

  it('gives parameters no field-only options, and leaves keys it does not know to the caller', () => {
    const p = read({ title: 'T', readOnly: true, pattern: '^a' }, 'parameter');
    assert.deepEqual(p.options, {});
    assert.deepEqual(p.leftovers, ['title', 'readOnly', 'pattern']);
    assert.deepEqual(read({ title: 'T' }, 'type').options, { title: 'T' });
  });

  it('accepts x-ms-media-kind only on binary strings and x-ms-editor only on dictionaries', () => {
    assert.deepEqual(read({ type: 'string', format: 'binary', 'x-ms-media-kind': 'image' }).options.mediaKind, 'image');
    assert.deepEqual(Object.keys(read({ type: 'string', 'x-ms-media-kind': 'image' }).extensions), ['x-ms-media-kind']);
    const dictionary = read({ type: 'object', additionalProperties: { type: 'string' }, 'x-ms-editor': 'dictionary' });
    assert.equal(dictionary.options.editor, 'dictionary');
    assert.deepEqual(Object.keys(read({ type: 'object', 'x-ms-editor': 'dictionary' }).extensions), ['x-ms-editor']);
  });
});
