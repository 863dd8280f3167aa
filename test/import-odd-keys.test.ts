import { compareDefinitions, importConnector } from '@flowport/cli';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionHead, importedAndBuilt } from './support/imported';
import { scratch } from './support/tmp';

/**
 * Keys that JavaScript treats specially: written as `__proto__: …` in an object literal, the
 * first sets a prototype instead of a key; `constructor` cannot be a class field. A real API
 * may still use either, and an import must keep them.
 */
const DEFINITION = {
  ...definitionHead('Odd Keys', 'Property and extension names JavaScript treats specially.', 'odd.example.com'),
  paths: {
    '/cars': {
      post: {
        summary: 'Add car',
        description: 'Adds a car.',
        operationId: 'AddCar',
        parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Car' } }],
        responses: { '200': { description: 'The car', schema: { $ref: '#/definitions/Car' } } },
        'x-vendor': JSON.parse('{"__proto__": {"kept": true}, "constructor": 1}') as unknown,
      },
    },
  },
  definitions: {
    Car: {
      type: 'object',
      properties: JSON.parse(
        '{"constructor": {"type": "string", "description": "Maker"}, "__proto__": {"type": "string"}, "model": {"type": "string"}}',
      ) as unknown,
    },
  },
};

describe('flowport import keeps keys that JavaScript treats specially', () => {
  let tmp: ReturnType<typeof scratch>;
  let built: Record<string, unknown>;

  before(() => {
    tmp = scratch();
    ({ built } = importedAndBuilt(DEFINITION, tmp.dir));
  });
  after(() => tmp?.cleanup());

  it('builds what it imported: `constructor` and `__proto__` properties, and a `__proto__` key in an extension', () => {
    assert.deepEqual(compareDefinitions(JSON.parse(JSON.stringify(DEFINITION)) as Record<string, unknown>, built), []);
    const definitions = built.definitions as Record<string, { properties: object }>;
    assert.deepEqual(Object.keys(definitions.Car.properties), ['constructor', '__proto__', 'model']);
    const vendor = (built.paths as Record<string, Record<string, Record<string, object>>>)['/cars'].post['x-vendor'];
    assert.deepEqual(Object.keys(vendor), ['__proto__', 'constructor']);
    assert.equal(Object.getPrototypeOf(vendor), Object.prototype);
  });
});

describe('flowport import reads keys named like inherited members as unknown keys', () => {
  let tmp: ReturnType<typeof scratch>;
  before(() => (tmp = scratch()));
  after(() => tmp?.cleanup());

  it('reports `constructor` and `__proto__` where the format has no such key, keeps a `toString` key, and goes on', () => {
    const definition = JSON.parse(
      JSON.stringify(DEFINITION).replace(
        '"operationId":"AddCar",',
        '"operationId":"AddCar","constructor":"x","__proto__":{"a":1},',
      ),
    ) as typeof DEFINITION;
    const post = definition.paths['/cars'].post;
    post.parameters.push({ name: 'q', in: 'constructor', required: false } as never);
    (definition.definitions as Record<string, unknown>).Tag = { type: 'string', toString: 'x' };
    const file = join(tmp.dir, 'odd.swagger.json');
    writeFileSync(file, JSON.stringify(definition));
    const result = importConnector({ definition: file, out: join(tmp.dir, 'odd') });
    assert.deepEqual(
      result.losses.filter((l) => /constructor|__proto__/.test(l)),
      [
        'AddCar: operation key "constructor" has no Flowport form',
        'AddCar: operation key "__proto__" has no Flowport form',
        'AddCar: parameter q in "constructor"',
      ],
    );
    const models = readFileSync(join(tmp.dir, 'odd', 'src', 'models.ts'), 'utf8');
    assert.match(models, /toString: 'x'/);
  });
});

describe('flowport import keeps a capability whose call parameters are no object as written', () => {
  let tmp: ReturnType<typeof scratch>;
  before(() => (tmp = scratch()));
  after(() => tmp?.cleanup());

  it('builds a testConnection or file picker whose parameters are a number, as the definition writes them', () => {
    // Found by mutating RescoCloud (seed 404): `parameters: 5` went into the typed testConnection
    // option, and the imported project did not build (FP1018).
    const definition = {
      ...definitionHead('Odd Capabilities', 'Capabilities with call parameters of another shape.', 'odd.example.com'),
      paths: {
        '/me': {
          get: {
            summary: 'Who am I',
            description: 'Answers the caller.',
            operationId: 'Me',
            responses: { '200': { description: 'The caller', schema: { type: 'object' } } },
          },
        },
      },
      'x-ms-capabilities': {
        testConnection: { operationId: 'Me', parameters: 5 },
        'file-picker': { open: { operationId: 'Me', parameters: ['a'] } },
      },
    };
    const { built, losses } = importedAndBuilt(definition, tmp.dir);
    assert.deepEqual(losses, []);
    assert.deepEqual(built['x-ms-capabilities'], definition['x-ms-capabilities']);
  });
});

/**
 * Unicode numbers that are no part of an identifier (`²`, `₂`, `½`) in a definition's, an
 * operation's, a parameter's and a property's names. Before, the import wrote `class AreaM²` and
 * `get½Area(… x²: string)`, and the project it wrote did not compile.
 */
const NUMBERED = {
  ...definitionHead('Odd Names', 'Names with numbers that no identifier can hold.', 'odd.example.com'),
  paths: {
    '/areas': {
      get: {
        summary: 'Get area',
        description: 'Gets an area.',
        operationId: 'Get½Area',
        parameters: [
          { name: 'x²', in: 'query', type: 'string' },
          { name: 'Ⅻ', in: 'query', type: 'string' },
        ],
        responses: { '200': { description: 'The area', schema: { $ref: '#/definitions/Area m²' } } },
      },
    },
  },
  definitions: {
    'Area m²': {
      type: 'object',
      properties: { 'm²': { type: 'number' }, 'CO₂': { type: 'integer' }, ⅻ: { type: 'string' } },
    },
  },
};

describe('flowport import names what it writes with identifiers only', () => {
  let tmp: ReturnType<typeof scratch>;
  before(() => (tmp = scratch()));
  after(() => tmp?.cleanup());

  it('leaves out of identifiers the numbers they cannot hold, and builds the definition it read', () => {
    const { built } = importedAndBuilt(NUMBERED, tmp.dir);
    assert.deepEqual(compareDefinitions(JSON.parse(JSON.stringify(NUMBERED)) as Record<string, unknown>, built), []);
    const models = readFileSync(join(tmp.dir, 'imported', 'src', 'models.ts'), 'utf8');
    assert.match(models, /^export class AreaM \{$/m);
    assert.match(models, /^ {2}'m²'\?: number;$/m);
    assert.match(models, /^ {2}ⅻ\?: string;$/m, 'a letter number is an identifier');
  });
});
