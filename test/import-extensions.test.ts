import { build, compareDefinitions, compareProperties, importConnector, loadConnector } from '@flowport/cli';
import { createApp } from '@flowport/express-adapter';
import request from 'supertest';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/corpus';
import { scratch } from './support/tmp';
import { cliLines as cli } from './support/cli';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'import');
const DEFINITION = join(FIXTURE, 'apiDefinition.swagger.json');
const PROPERTIES = join(FIXTURE, 'apiProperties.json');

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/**
 * Each documented extension in the fixture, and the first-class form the generated code must use
 * for it (never the generic bag).
 */
const FIRST_CLASS: readonly [string, string, RegExp][] = [
  ['x-ms-summary', 'models.ts', /@Field\(\{ summary: 'Item ID', readOnly: true \}\)/],
  ['x-ms-visibility', 'controllers/items.ts', /visibility: 'important'/],
  ['x-ms-api-annotation (info)', 'connector.ts', /status: 'Preview'/],
  [
    'x-ms-api-annotation (operation)',
    'controllers/items.ts',
    /annotation: \{ family: 'ListItems', revision: 1, status: 'Production' \}/,
  ],
  ['x-ms-deployment-version', 'connector.ts', /deploymentVersion: '1\.2\.0'/],
  ['x-ms-keywords', 'connector.ts', /keywords: \['inventory', 'stock'\]/],
  ['x-ms-connector-metadata', 'connector.ts', /metadata: \{\s+website: 'https:\/\/inventory\.example\.com',/],
  [
    'x-ms-capabilities testConnection',
    'connector.ts',
    /testConnection: \{ operation: \(\) => CategoriesController\.prototype\.listCategories \}/,
  ],
  [
    'x-ms-capabilities file-picker',
    'connector.ts',
    /filePicker: \{\s+open: \{ operation: \(\) => FoldersController\.prototype\.listFolders \}/,
  ],
  ['x-ms-capabilities chunkTransfer', 'controllers/items.ts', /chunkTransfer: true/],
  ['x-ms-pageable', 'controllers/items.ts', /pageable: \{ nextLinkName: 'nextLink' \}/],
  ['x-ms-no-generic-test', 'controllers/items.ts', /noGenericTest: true/],
  ['x-ms-openai-data', 'controllers/items.ts', /openAiData: \{ 'openai-enabled': true \}/],
  ['x-ms-safe-operation', 'controllers/items.ts', /safe: true/],
  ['x-ms-test-value', 'controllers/items.ts', /testValue: 5/],
  ['x-ms-enum-values', 'controllers/items.ts', /enumValues: \[/],
  ['x-ms-url-encoding', 'controllers/items.ts', /@Path\('id', \{ urlEncoding: 'double'/],
  ['x-ms-media-kind', 'controllers/items.ts', /mediaKind: 'image'/],
  [
    'x-ms-trigger single + hint',
    'controllers/triggers.ts',
    /@Trigger\(\{[^)]*kind: 'single',\s+hint: 'To see it work, change an item\.'/,
  ],
  ['x-ms-trigger batch + metadata', 'controllers/triggers.ts', /kind: 'batch',\s+pollingMetadata: true/],
  [
    'x-ms-notification-content',
    'controllers/triggers.ts',
    /notificationContent: \{ type: \(\) => Item, description: 'The changed item' \}/,
  ],
  ['x-ms-notification-url', 'models.ts', /notificationUrl: true/],
  [
    'x-ms-dynamic-values',
    'models.ts',
    /dynamicValues: \{\s+operation: \(\) => CategoriesController\.prototype\.listCategories,/,
  ],
  [
    'x-ms-dynamic-list',
    'models.ts',
    /dynamicList: \{\s+operation: \(\) => CategoriesController\.prototype\.listCategories,/,
  ],
  [
    'x-ms-dynamic-schema',
    'controllers/records.ts',
    /dynamicSchema: \{\s+operation: \(\) => RecordsController\.prototype\.getTableSchema,/,
  ],
  [
    'x-ms-dynamic-properties',
    'controllers/records.ts',
    /dynamicProperties: \{\s+operation: \(\) => RecordsController\.prototype\.getTableSchema,/,
  ],
  ['x-ms-dynamic-tree', 'models.ts', /dynamicTree: \{\s+settings:/],
  ['x-ms-editor', 'models.ts', /editor: 'dictionary', additionalProperties: String/],
  ['policies (typed helper)', 'connector.ts', /setHeader\(\{\s+name: 'api-version',/],
  ['policies (template spelled otherwise)', 'connector.ts', /policy\('SetQueryParameter', \{/],
  ['auth', 'connector.ts', /auth: apiKey\(\{\s+in: 'header',\s+name: 'X-Api-Key',/],
];

describe('flowport import: every documented extension', function () {
  this.timeout(60_000);
  let tmp: ReturnType<typeof scratch>;
  let dir: string;
  const source = (file: string) => readFileSync(join(dir, 'src', file), 'utf8');

  before(() => {
    tmp = scratch();
    dir = join(tmp.dir, 'inventory');
    importConnector({ definition: DEFINITION, properties: PROPERTIES, out: dir });
  });
  after(() => tmp.cleanup());

  for (const [extension, file, pattern] of FIRST_CLASS) {
    it(`${extension} becomes its first-class option`, () => assert.match(source(file), pattern));
  }

  it('keeps keys with no first-class form in the bag, each with a one-line reason', () => {
    assert.match(
      source('models.ts'),
      /\/\/ x-ms-visibilty: misspelling of x-ms-visibility in the source, kept as written\n/,
    );
    assert.match(source('models.ts'), /extensions: \{ 'x-ms-visibilty': 'advanced' \}/);
    assert.match(source('connector.ts'), /\/\/ x-ms-openai-manifest: no first-class option, kept as written/);
  });

  it('keeps a policy scoped to an operation the definition lacks as written', () => {
    assert.match(
      source('connector.ts'),
      /operations: \[\(\) => RecordsController\.prototype\.createRecord, 'RemovedOperation'\]/,
    );
  });

  it('answers 501 from every handler until it is written', () => {
    assert.match(
      source('controllers/items.ts'),
      /throw new NotImplementedError\('ListItems is not implemented yet\.'\);/,
    );
  });

  it('serves straight away: the declared auth is enforced and each handler answers 501 problem+json', async () => {
    const { connector } = loadConnector(join(dir, 'src', 'connector.ts'));
    const app = createApp(connector, { credentials: { apiKeys: ['test-key-1'] } });
    const refused = await request(app).get('/v1/items');
    assert.equal(refused.status, 401);
    const answer = await request(app).get('/v1/items').query({ $top: 5 }).set('X-Api-Key', 'test-key-1');
    assert.equal(answer.status, 501);
    assert.match(answer.headers['content-type'] as string, /^application\/problem\+json/);
    assert.equal((answer.body as { detail: string }).detail, 'ListItems is not implemented yet.');
    const invalid = await request(app).get('/v1/items').query({ $top: 500 }).set('X-Api-Key', 'test-key-1');
    assert.equal(invalid.status, 400, 'the imported maximum is enforced');
  });

  it('builds straight away and emits what it was imported from', () => {
    const out = join(dir, 'connector');
    build(join(dir, 'src', 'connector.ts'), { out });
    assert.deepEqual(compareDefinitions(readJson(DEFINITION), readJson(join(out, 'apiDefinition.swagger.json'))), []);
    assert.deepEqual(compareProperties(readJson(PROPERTIES), readJson(join(out, 'apiProperties.json'))), []);
  });
});

describe('flowport import: invalid input', () => {
  let tmp: ReturnType<typeof scratch>;
  beforeEach(() => {
    tmp = scratch();
  });
  afterEach(() => tmp.cleanup());

  const write = (name: string, text: string) => {
    const file = join(tmp.dir, name);
    writeFileSync(file, text);
    return file;
  };

  async function refuses(definition: string, message: RegExp): Promise<void> {
    const out = join(tmp.dir, 'out');
    const r = await cli('import', definition, '--out', out);
    assert.equal(r.code, 1);
    assert.match(r.err.join('\n'), message);
    assert.equal(existsSync(out), false, 'nothing is written');
    assert.deepEqual(
      readdirSync(tmp.dir).filter((f) => f.includes('.import-')),
      [],
      'no staging folder is left behind',
    );
  }

  it('names the line and column of a JSON syntax error', async () => {
    await refuses(
      write('a.json', '{\n  "swagger": "2.0",\n  "info": {,\n}'),
      /a\.json at line 3, column 12: is not JSON/,
    );
  });

  it('refuses OpenAPI 3 and other versions', async () => {
    await refuses(
      write('b.json', '{"openapi":"3.0.3","info":{},"paths":{}}'),
      /at \/swagger: must be "2\.0".*found OpenAPI 3\.0\.3/,
    );
  });

  it('refuses a definition without an operation, whose project would not build', async () => {
    await refuses(
      write('no-operations.json', '{"swagger":"2.0","info":{"title":"T","version":"1"},"paths":{}}'),
      /at \/paths: has no operation, and a connector needs one/,
    );
  });

  it('names a $ref that points at nothing', async () => {
    const doc = {
      swagger: '2.0',
      info: { title: 'T', version: '1' },
      paths: { '/a': { get: { responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Nope' } } } } } },
    };
    await refuses(
      write('c.json', JSON.stringify(doc, null, 2)),
      /at \/paths\/~1a\/get\/responses\/200\/schema\/\$ref: \$ref "#\/definitions\/Nope" points at nothing \(.*c\.json:14:15\)/,
    );
  });

  it('refuses a path item that is a $ref, which the platform does not read, at its escaped pointer', async () => {
    // Before, it said "at /paths//b/$ref: has no Flowport form": a pointer that names no place.
    const get = { operationId: 'GetB', responses: { '200': { description: 'OK' } } };
    const doc = {
      swagger: '2.0',
      info: { title: 'T', version: '1' },
      paths: { '/a': { get: { ...get, operationId: 'GetA' } }, '/b': { $ref: '#/x-items/b' } },
      'x-items': { b: { get } },
    };
    await refuses(
      write('e.json', JSON.stringify(doc)),
      /at \/paths\/~1b\/\$ref: stands for a path item, which the platform does not read: write its operations in place/,
    );
  });

  it('says where the definition is not Swagger 2.0, instead of dropping what is there without a word', async () => {
    // Before, this imported with exit 0 and the parameters and the 200 answer were silently gone.
    const doc = {
      swagger: '2.0',
      info: { title: 'T', version: '1' },
      paths: { '/a': { get: { operationId: 'GetA', parameters: { top: 1 }, responses: { '200': null } } } },
    };
    const out = join(tmp.dir, 'out');
    const r = await cli('import', write('d.json', JSON.stringify(doc)), '--out', out);
    assert.equal(r.code, 1);
    assert.deepEqual(r.err.slice(2), [
      'not imported: /paths/~1a/get/parameters: not Swagger 2.0, must be array',
      'not imported: /paths/~1a/get/responses/200: not Swagger 2.0, matches none of the forms the schema allows; likely it must be object',
    ]);
  });

  it('says why a definition cannot be read, and nothing ahead of it', async () => {
    // Before, the note about a missing apiProperties.json came first, two lines above the reason.
    const r = await cli('import', write('bad.json', '{"swagger": "2.0",'), '--out', join(tmp.dir, 'bad'));
    assert.equal(r.code, 1);
    assert.equal(r.err.length, 1, r.err.join('\n'));
    assert.match(r.err[0], /^flowport: .*bad\.json at line 1, column \d+: is not JSON/);
  });

  it('refuses a folder that is not empty, and leaves it alone', async () => {
    const out = join(tmp.dir, 'taken');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const r = await cli('import', DEFINITION, '--out', out);
    assert.equal(r.code, 1);
    assert.match(r.err.join('\n'), /exists and is not empty/);
    assert.deepEqual(readdirSync(out), ['keep.txt']);
  });

  it('says what it wrote and what to run next', async () => {
    const out = join(tmp.dir, 'ok');
    const r = await cli('import', DEFINITION, '--properties', PROPERTIES, '--out', out);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.match(r.out[0], /^imported 10 operations into 5 controllers and \d+ classes/);
    assert.match(r.out[1], /^next: flowport build .*src\/connector\.ts --out <folder>$/);
  });

  it('reads a folder, or a definition with the apiProperties.json beside it, as validate does', async () => {
    // Before, a folder was "cannot be read (EISDIR)", and the properties beside a definition were
    // left out without a word: the imported connector had no connection parameters or policies.
    const both = join(tmp.dir, 'both');
    assert.equal((await cli('import', DEFINITION, '--properties', PROPERTIES, '--out', both)).code, 0);
    const expected = readFileSync(join(both, 'src', 'connector.ts'), 'utf8');
    assert.match(expected, /The key from your account page/);
    for (const [name, given] of [
      ['from-folder', FIXTURE],
      ['from-file', DEFINITION],
    ]) {
      const out = join(tmp.dir, name);
      const r = await cli('import', given, '--out', out);
      assert.equal(r.code, 0, r.err.join('\n'));
      assert.deepEqual(r.err, []);
      assert.equal(readFileSync(join(out, 'src', 'connector.ts'), 'utf8'), expected, name);
    }
    const alone = join(tmp.dir, 'alone');
    mkdirSync(alone);
    writeFileSync(join(alone, 'apiDefinition.swagger.json'), readFileSync(DEFINITION));
    const r = await cli('import', alone, '--out', join(tmp.dir, 'from-alone'));
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.match(r.err.join('\n'), /no apiProperties\.json beside the definition.*\n.*--properties/);
    assert.doesNotMatch(readFileSync(join(tmp.dir, 'from-alone', 'src', 'connector.ts'), 'utf8'), /account page/);
  });
});
