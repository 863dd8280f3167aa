import { compareDefinitions } from '@flowport/cli';
import assert from 'node:assert/strict';
import { definitionHead, importedAndBuilt } from './support/imported';
import { scratch } from './support/tmp';

/*
 * Forms of Swagger 2.0 that connectors seldom use and other tools write, imported and built back
 * to a definition that Swagger 2.0 reads as the same.
 */

/**
 * Parameters declared once on a path item, which Swagger 2.0 applies to each of its operations
 * unless one declares a parameter of the same name and location. Before, an import refused them
 * ("path item key "parameters" has no Flowport form"), and its handlers lacked the path variable.
 */
const DEFINITION = {
  ...definitionHead('Items', 'Parameters shared by the operations of a path.', 'items.example.com'),
  paths: {
    '/items/{id}': {
      parameters: [
        { name: 'id', in: 'path', required: true, type: 'string', 'x-ms-summary': 'Item ID', description: 'The item.' },
        { $ref: '#/parameters/verbose' },
      ],
      get: {
        operationId: 'GetItem',
        summary: 'Get item',
        description: 'Gets an item.',
        responses: { '200': { description: 'The item', schema: { type: 'object' } } },
      },
      delete: {
        operationId: 'DeleteItem',
        summary: 'Delete item',
        description: 'Deletes an item.',
        parameters: [
          {
            name: 'verbose',
            in: 'query',
            required: true,
            type: 'integer',
            'x-ms-summary': 'Verbosity',
            description: 'How much to say.',
          },
        ],
        responses: { '204': { description: 'Deleted' } },
      },
    },
  },
  parameters: {
    verbose: {
      name: 'verbose',
      in: 'query',
      required: false,
      type: 'boolean',
      'x-ms-summary': 'Verbose',
      description: 'More detail.',
    },
  },
};

type Operation = { parameters: { name: string; in: string; type: string }[] };

describe('flowport import of parameters declared on a path item', () => {
  let tmp: ReturnType<typeof scratch>;
  let built: Record<string, unknown>;
  let losses: readonly string[];

  before(() => {
    tmp = scratch();
    ({ built, losses } = importedAndBuilt(DEFINITION, tmp.dir));
  });
  after(() => tmp?.cleanup());

  it('declares them on each operation, where an operation does not declare its own', () => {
    assert.deepEqual(losses, []);
    const item = (built.paths as Record<string, Record<string, Operation>>)['/items/{id}'];
    const shown = (op: Operation) => op.parameters.map((p) => `${p.in} ${p.name} ${p.type}`);
    assert.deepEqual(shown(item.get), ['path id string', 'query verbose boolean']);
    assert.deepEqual(shown(item.delete), ['path id string', 'query verbose integer']);
  });

  it('builds a definition equal to the one it imported, as Swagger 2.0 reads both', () => {
    assert.deepEqual(compareDefinitions(JSON.parse(JSON.stringify(DEFINITION)) as Record<string, unknown>, built), []);
    // The comparison still tells a parameter the path item does not apply apart.
    const moved = JSON.parse(JSON.stringify(DEFINITION)) as typeof DEFINITION;
    moved.paths['/items/{id}'].parameters.pop();
    assert.deepEqual(compareDefinitions(moved as unknown as Record<string, unknown>, built), [
      '/parameters/verbose: unused shared entry, not imported',
      '/paths/~1items~1{id}/get/parameters: 1 items expected, 2 found',
    ]);
  });
});

/** `externalDocs` at the root, on an operation and on a tag. Before, the root's failed the import. */
const DOCUMENTED = {
  ...definitionHead('Pets', 'A connector documented elsewhere too.', 'pets.example.com'),
  externalDocs: { description: 'Find out more', url: 'https://pets.example.com/docs' },
  tags: [{ name: 'Pets', description: 'Pets', externalDocs: { url: 'https://pets.example.com/docs/pets' } }],
  paths: {
    '/pets': {
      get: {
        tags: ['Pets'],
        summary: 'List pets',
        description: 'Lists the pets.',
        externalDocs: { url: 'https://pets.example.com/docs/list' },
        operationId: 'ListPets',
        responses: { '200': { description: 'The pets', schema: { type: 'array', items: { type: 'string' } } } },
      },
    },
  },
};

describe('flowport import of externalDocs', () => {
  let tmp: ReturnType<typeof scratch>;
  before(() => (tmp = scratch()));
  after(() => tmp?.cleanup());

  it('keeps them where they stand, first-class', () => {
    const { built, losses } = importedAndBuilt(DOCUMENTED, tmp.dir);
    assert.deepEqual(losses, []);
    assert.deepEqual(compareDefinitions(JSON.parse(JSON.stringify(DOCUMENTED)) as Record<string, unknown>, built), []);
  });
});
