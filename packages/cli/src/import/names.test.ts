import assert from 'node:assert/strict';
import { camelCase, classNamer, Namer, pascalCase, words } from './names';

describe('import: names from a definition become TypeScript identifiers', () => {
  it('splits at spaces, dots, dashes, case changes and acronyms', () => {
    assert.deepEqual(words('Create order'), ['Create', 'order']);
    assert.deepEqual(words('v1.RecordApi.RecordAdd'), ['v1', 'Record', 'Api', 'Record', 'Add']);
    assert.deepEqual(words('@odata.nextLink'), ['odata', 'next', 'Link']);
    assert.deepEqual(words('getHTTPStatus'), ['get', 'HTTP', 'Status']);
  });

  it('writes classes in PascalCase and members in camelCase', () => {
    assert.equal(pascalCase('Create order'), 'CreateOrder');
    assert.equal(pascalCase('v1.RecordApi.RecordAdd'), 'V1RecordApiRecordAdd');
    assert.equal(
      camelCase('TimekeepingController_GetTimekeepingDataList'),
      'timekeepingControllerGetTimekeepingDataList',
    );
    assert.equal(camelCase('X-API-Version'), 'xApiVersion');
    assert.equal(camelCase('$top'), 'top');
  });

  it('keeps letters beyond ASCII, which are valid identifiers', () => {
    assert.equal(pascalCase('Brønnøysund register'), 'BrønnøysundRegister');
  });

  it('leaves out the numbers that no identifier holds, which separate words as punctuation does', () => {
    assert.deepEqual(words('Area m²'), ['Area', 'm']);
    assert.equal(pascalCase('CO₂ emissions'), 'CoEmissions');
    assert.equal(camelCase('Get½Area'), 'getArea');
    assert.equal(camelCase('²'), 'value');
    assert.equal(pascalCase('Chapter Ⅻ'), 'ChapterⅫ');
  });

  it('puts an underscore before a leading digit', () => {
    assert.equal(pascalCase('2FA settings'), '_2FaSettings');
    assert.equal(camelCase('3d secure'), '_3dSecure');
  });

  it('suffixes reserved words and falls back when nothing is left', () => {
    assert.equal(camelCase('delete'), 'delete_');
    assert.equal(camelCase('new'), 'new_');
    assert.equal(camelCase('in'), 'in_');
    assert.equal(camelCase('---'), 'value');
    assert.equal(pascalCase('***'), 'Model');
  });

  it('numbers collisions within a scope', () => {
    const n = new Namer();
    assert.equal(n.unique('order'), 'order');
    assert.equal(n.unique('order'), 'order2');
    assert.equal(n.unique('order'), 'order3');
  });

  it('gives a class named like a global or an imported decorator a suffix instead', () => {
    const n = classNamer(['Field', 'Schema']);
    assert.equal(n.unique('Error', 'Model'), 'ErrorModel');
    assert.equal(n.unique('Field', 'Model'), 'FieldModel');
    assert.equal(n.unique('Field', 'Model'), 'FieldModel2');
    assert.equal(n.unique('Order', 'Model'), 'Order');
  });
});
