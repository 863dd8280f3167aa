import { compareDefinitions, importConnector, loadConnector } from '@flowport/cli';
import { lint } from '@flowport/core/documents';
import { createApp } from '@flowport/express-adapter';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { validateWithSwaggerParser } from './support/oracles';
import assert from 'node:assert/strict';
import { definitionHead, importedAndBuilt } from './support/imported';
import { scratch } from './support/tmp';
import { TYPESCRIPTS, tscSays } from './support/typescript';

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

/**
 * Definition names that are not plain words, which a JSON pointer escapes ("/" as "~1") and a URI
 * fragment percent-encodes. Before, Flowport referred to "a/b" as `#/definitions/a/b`, which points
 * at nothing, and keyed OpenAPI 3 components by names it does not allow.
 */
const NAMED = {
  ...definitionHead('Names', 'Definitions named with characters beyond letters.', 'names.example.com'),
  paths: {
    '/a': {
      post: {
        summary: 'Add A',
        description: 'Adds an A.',
        operationId: 'AddA',
        parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/a~1b' } }],
        responses: {
          '200': { description: 'The list', schema: { $ref: '#/definitions/List%601' } },
          '201': { description: 'The page', schema: { $ref: '#/definitions/Page[Item]' } },
        },
      },
    },
  },
  definitions: {
    'a/b': {
      type: 'object',
      required: ['x'],
      properties: { x: { type: 'integer' }, item: { $ref: '#/definitions/my item' } },
    },
    'List`1': { type: 'array', items: { type: 'string' } },
    'Page[Item]': {
      type: 'object',
      properties: { value: { type: 'array', items: { $ref: '#/definitions/my%20item' } } },
    },
    'my item': { type: 'object', properties: { n: { type: 'number' } } },
  },
};

describe('flowport import of definitions named with any characters', () => {
  let tmp: ReturnType<typeof scratch>;
  let built: Record<string, unknown>;
  before(() => {
    tmp = scratch();
    ({ built } = importedAndBuilt(NAMED, tmp.dir));
  });
  after(() => tmp?.cleanup());

  it('refers to each as a JSON pointer does, and builds a definition equal to the one imported', () => {
    assert.deepEqual(compareDefinitions(JSON.parse(JSON.stringify(NAMED)) as Record<string, unknown>, built), []);
    const post = (built.paths as Record<string, Record<string, { parameters: { schema: object }[] }>>)['/a'].post;
    assert.deepEqual(post.parameters[0].schema, { $ref: '#/definitions/a~1b' });
    const found = lint({ definition: built, bytes: 1 }, { level: 'platform' }).map((d) => d.message);
    assert.deepEqual(found, []);
  });

  it('names their OpenAPI 3 components as OpenAPI 3 allows, each its own', async () => {
    const openapi = JSON.parse(readFileSync(join(tmp.dir, 'imported', 'connector', 'openapi.json'), 'utf8')) as {
      components: { schemas: object };
    };
    for (const name of Object.keys(openapi.components.schemas)) assert.match(name, /^[A-Za-z0-9._-]+$/);
    assert.equal(Object.keys(openapi.components.schemas).length, 5);
    await validateWithSwaggerParser(openapi);
  });

  it('validates a request against them', async () => {
    const { connector } = loadConnector(join(tmp.dir, 'imported', 'src', 'connector.ts'));
    const app = createApp(connector, { docs: false });
    const wrong = await request(app)
      .post('/a')
      .send({ x: 'one', item: { n: 'two' } });
    assert.deepEqual(
      wrong.body.errors?.map((e: { pointer: string }) => e.pointer),
      ['/body/x', '/body/item/n'],
    );
    // A valid one reaches the handler, which the import left unwritten.
    const right = await request(app)
      .post('/a')
      .send({ x: 1, item: { n: 2 } });
    assert.equal(right.status, 501, right.text);
  });
});

/** Operations that take bytes: a raw body, and a form with a file and a binary field. */
const BYTES = {
  ...definitionHead('Bytes', 'Operations that take bytes.', 'bytes.example.com'),
  paths: {
    '/files': {
      post: {
        operationId: 'UploadFile',
        summary: 'Upload file',
        description: 'Uploads a file.',
        consumes: ['application/octet-stream'],
        parameters: [{ name: 'body', in: 'body', required: true, schema: { type: 'string', format: 'binary' } }],
        responses: { '200': { description: 'Stored', schema: { $ref: '#/definitions/Stored' } } },
      },
    },
    '/forms': {
      post: {
        operationId: 'SendForm',
        summary: 'Send form',
        description: 'Sends a form.',
        consumes: ['multipart/form-data'],
        parameters: [
          { name: 'doc', in: 'formData', required: true, type: 'file' },
          { name: 'photo', in: 'formData', required: false, type: 'string', format: 'binary' },
        ],
        responses: { '200': { description: 'Stored', schema: { $ref: '#/definitions/Stored' } } },
      },
    },
  },
  definitions: {
    Stored: { type: 'object', properties: { size: { type: 'integer' }, name: { type: 'string' } } },
  },
};

describe('flowport import of operations that take bytes', () => {
  let tmp: ReturnType<typeof scratch>;
  before(() => (tmp = scratch()));
  after(() => tmp?.cleanup());

  it('types each parameter as what reaches the handler, so that handlers written to those types compile and work', async () => {
    // Before, a raw body was typed Buffer (or string, under a description), though a stream
    // reaches the handler, and a form's file unknown.
    writeFileSync(join(tmp.dir, 'apiDefinition.swagger.json'), JSON.stringify(BYTES));
    const imported = join(tmp.dir, 'imported');
    const { losses } = importConnector({ definition: join(tmp.dir, 'apiDefinition.swagger.json'), out: imported });
    assert.deepEqual(losses, []);
    const controllers = join(imported, 'src', 'controllers');
    const fill = (file: string, stub: string, code: string) => {
      const text = readFileSync(join(controllers, file), 'utf8');
      assert.ok(text.includes(stub), `${file} has its stub`);
      writeFileSync(join(controllers, file), text.replace(stub, code));
    };
    fill(
      'files.ts',
      "throw new NotImplementedError('UploadFile is not implemented yet.');",
      'let size = 0; for await (const chunk of body) size += chunk.length; return { size };',
    );
    fill(
      'forms.ts',
      "throw new NotImplementedError('SendForm is not implemented yet.');",
      'return { size: doc.buffer.length + (photo?.size ?? 0), name: `${doc.originalname} ${doc.mimetype}` };',
    );
    assert.match(
      readFileSync(join(controllers, 'files.ts'), 'utf8'),
      /@Body\(\{ type: 'binary' \}\) body: NodeJS\.ReadableStream/,
    );
    assert.equal(tscSays(TYPESCRIPTS[1], imported), '');
    const { connector } = loadConnector(join(imported, 'src', 'connector.ts'));
    const app = createApp(connector, { docs: false });
    const upload = await request(app).post('/files').type('application/octet-stream').send(Buffer.alloc(70_000, 1));
    assert.deepEqual([upload.status, upload.body], [200, { size: 70_000 }]);
    const form = await request(app)
      .post('/forms')
      .attach('doc', Buffer.from('%PDF-1.7'), { filename: 'a.pdf', contentType: 'application/pdf' })
      .attach('photo', Buffer.from('GIF89a'), 'p.gif');
    assert.deepEqual([form.status, form.body], [200, { size: 14, name: 'a.pdf application/pdf' }]);
  });
});
