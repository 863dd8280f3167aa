import assert from 'node:assert/strict';
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

describe('flowport import of a parameter listed twice', () => {
  let tmp: ReturnType<typeof scratch>;
  before(() => (tmp = scratch()));
  after(() => tmp?.cleanup());

  it('keeps the first and says it left the second out, so that what it writes builds', () => {
    // Before, both were written, and the project failed to build: FP1015 duplicate-parameter.
    const { built, losses } = importedAndBuilt(DEFINITION, tmp.dir);
    assert.deepEqual(losses, ['ListRuns: parameter page in "query" is listed twice; the second is left out']);
    const parameters = (built as Json).paths['/runs'].get.parameters as Json[];
    assert.deepEqual(
      parameters.map((p) => `${p.in} ${p.name} ${p['x-ms-summary']}`),
      ['query page Page', 'header x-trace Own'],
    );
  });
});
