import { build, compareDefinitions, importConnector } from '@flowport/cli';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch } from './support/tmp';

/**
 * Parameters declared once on a path item, which Swagger 2.0 applies to each of its operations
 * unless one declares a parameter of the same name and location. Before, an import refused them
 * ("path item key "parameters" has no Flowport form"), and its handlers lacked the path variable.
 */
const DEFINITION = {
  swagger: '2.0',
  info: { title: 'Items', description: 'Parameters shared by the operations of a path.', version: '1.0' },
  host: 'items.example.com',
  basePath: '/',
  schemes: ['https'],
  consumes: ['application/json'],
  produces: ['application/json'],
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
    const definition = join(tmp.dir, 'apiDefinition.swagger.json');
    writeFileSync(definition, JSON.stringify(DEFINITION, null, 2));
    const out = join(tmp.dir, 'imported');
    losses = importConnector({ definition, out }).losses;
    build(join(out, 'src', 'connector.ts'), { out: join(out, 'connector') });
    built = JSON.parse(readFileSync(join(out, 'connector', 'apiDefinition.swagger.json'), 'utf8')) as Record<
      string,
      unknown
    >;
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
