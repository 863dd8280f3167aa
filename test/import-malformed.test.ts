import { compareDefinitions } from '@flowport/cli';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { definitionHead, importedAndBuilt } from './support/imported';
import { scratch } from './support/tmp';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const text = (name: string, where: string, summary: string) => ({
  name,
  in: where,
  type: 'string',
  required: false,
  'x-ms-summary': summary,
});

/**
 * Swagger 2.0 allows a parameter (a location and a name) once per list, and an operation's own to
 * override its path item's. A header's name is the same in any case, as on the wire.
 */
const DEFINITION = {
  ...definitionHead('Twice', 'Parameters listed twice, and one overridden in another case.', 'twice.example.com'),
  paths: {
    '/runs': {
      parameters: [text('X-Trace', 'header', 'Trace')],
      get: {
        summary: 'List runs',
        description: 'Lists the runs.',
        operationId: 'ListRuns',
        parameters: [
          text('page', 'query', 'Page'),
          text('page', 'query', 'Page Again'),
          text('x-trace', 'header', 'Own'),
        ],
        responses: { '200': { description: 'The runs', schema: { type: 'object' } } },
      },
    },
  },
};

/** A folder picker whose tree says its paths and settings in types its option does not take. */
const TREE = {
  ...definitionHead('Odd Tree', 'A folder picker written with values of other types.', 'tree.example.com'),
  paths: {
    '/folders': {
      get: {
        summary: 'List folders',
        description: 'Lists the folders.',
        operationId: 'ListFolders',
        'x-ms-visibility': 'internal',
        responses: { '200': { description: 'The folders', schema: { type: 'object' } } },
      },
    },
    '/copies': {
      post: {
        summary: 'Copy folder',
        description: 'Copies a folder.',
        operationId: 'CopyFolder',
        parameters: [
          {
            name: 'body',
            in: 'body',
            required: true,
            schema: {
              type: 'object',
              properties: {
                destination: {
                  type: 'string',
                  'x-ms-dynamic-tree': {
                    settings: { canSelectParentNodes: 'yes' },
                    open: { operationId: 'ListFolders', itemValuePath: 5, itemTitlePath: 'name' },
                  },
                },
              },
            },
          },
        ],
        responses: { '204': { description: 'Copied' } },
      },
    },
  },
};

describe('flowport import of what the Swagger 2.0 schema cannot see is wrong', () => {
  let tmp: ReturnType<typeof scratch>;
  before(() => (tmp = scratch()));
  /** A folder of its own for each import. */
  const folder = (name: string) => {
    const dir = join(tmp.dir, name);
    mkdirSync(dir);
    return dir;
  };
  after(() => tmp?.cleanup());

  it('a parameter listed twice: keeps the first and says it left the second out, so that what it writes builds', () => {
    // Before, both were written, and the project failed to build: FP1015 duplicate-parameter.
    const { built, losses } = importedAndBuilt(DEFINITION, folder('twice'));
    assert.deepEqual(losses, ['ListRuns: parameter page in "query" is listed twice; the second is left out']);
    const parameters = (built as Json).paths['/runs'].get.parameters as Json[];
    assert.deepEqual(
      parameters.map((p) => `${p.in} ${p.name} ${p['x-ms-summary']}`),
      ['query page Page', 'header x-trace Own'],
    );
  });

  it('a dynamic tree with a path or a setting of another type: kept as written, and what it writes builds', () => {
    // Before, it became a dynamicTree option, and the project failed to build (FP1018).
    const { built, losses } = importedAndBuilt(TREE, folder('tree'));
    assert.equal(losses.length, 0);
    assert.deepEqual(compareDefinitions(TREE, built), []);
  });
});
