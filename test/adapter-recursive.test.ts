import { Action, Body, Connector, Controller, Field, Post, Returns, resolve } from '@flowport/core';
import { createApp } from '@flowport/express-adapter';
import { validatorsModule } from '@flowport/express-adapter/dist/validation/standalone';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { scratch } from './support/tmp';

class Folder {
  @Field({ summary: 'Folder Name' }) name!: string;
  @Field({ summary: 'Subfolders', type: () => [Folder], required: false }) subfolders?: Folder[];
}

@Controller('/folders')
class FolderController {
  @Post()
  @Action({ id: 'CountFolders', summary: 'Count folders', description: 'Counts the folders of a tree.' })
  @Returns(200, Folder)
  count(@Body() folder: Folder): Folder {
    const count = (f: Folder): number => 1 + (f.subfolders ?? []).reduce((n, s) => n + count(s), 0);
    const instances = (f: Folder): boolean => f instanceof Folder && (f.subfolders ?? []).every(instances);
    return { name: `${count(folder)} folders${instances(folder) ? ', all Folder instances' : ''}` };
  }
}

const connector = new Connector({
  info: { title: 'Folders', description: 'A connector whose body class refers to itself.', version: '1.0.0' },
  brandColor: '#123456',
  controllers: [FolderController],
});

/** A chain of `levels` folders, each the only subfolder of the one before: 2 levels of JSON each. */
function chain(levels: number): string {
  return `${'{"name":"f","subfolders":['.repeat(levels - 1)}{"name":"leaf"}${']}'.repeat(levels - 1)}`;
}

describe('a body class that refers to itself', () => {
  const app = createApp(connector, { docs: true, validateResponses: true });

  it('is declared with a $ref where it recurs, and served with instances at every level', async () => {
    // Before, emitting the definition recursed until the stack ran out.
    const definition = JSON.parse((await request(app).get('/connector/apiDefinition.swagger.json')).text);
    assert.deepEqual(definition.definitions.Folder.properties.subfolders.items, { $ref: '#/definitions/Folder' });
    const res = await request(app)
      .post('/folders')
      .send({ name: 'root', subfolders: [{ name: 'a', subfolders: [{ name: 'b' }] }, { name: 'c' }] });
    assert.deepEqual([res.status, res.body], [200, { name: '4 folders, all Folder instances' }]);
    const bad = await request(app)
      .post('/folders')
      .send({ name: 'root', subfolders: [{ subfolders: [{ name: 1 }] }] });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort(), [
      '/body/subfolders/0/name',
      '/body/subfolders/0/subfolders/0/name',
    ]);
  });

  it('takes a body nested up to the limit, and refuses a deeper one with a 400', async () => {
    // 256 levels of JSON: 128 folders. Before, 20,000 folders made validation exhaust the stack: a 500.
    const deepest = await request(app).post('/folders').set('content-type', 'application/json').send(chain(128));
    assert.deepEqual([deepest.status, deepest.body.name], [200, '128 folders, all Folder instances']);
    for (const levels of [129, 20_000]) {
      const res = await request(app).post('/folders').set('content-type', 'application/json').send(chain(levels));
      assert.equal(res.status, 400, `${levels} folders`);
      assert.deepEqual(res.body.errors, [
        { pointer: '/body', message: 'nests deeper than 256 levels, which this API does not accept', code: 'maxDepth' },
      ]);
    }
  });

  it('is checked the same by precompiled validators (flowport build --validators)', async () => {
    const tmp = scratch();
    try {
      const file = join(tmp.dir, 'validators.js');
      writeFileSync(file, validatorsModule(resolve(connector)));
      const precompiled = createApp(connector, { docs: false, precompiledValidators: file });
      const ok = await request(precompiled)
        .post('/folders')
        .send({ name: 'r', subfolders: [{ name: 'a' }] });
      assert.deepEqual([ok.status, ok.body.name], [200, '2 folders, all Folder instances']);
      const bad = await request(precompiled)
        .post('/folders')
        .send({ name: 'r', subfolders: [{ name: 2 }] });
      assert.equal(bad.body.errors[0].pointer, '/body/subfolders/0/name');
      const deep = await request(precompiled).post('/folders').set('content-type', 'application/json').send(chain(500));
      assert.equal(deep.body.errors[0].code, 'maxDepth');
    } finally {
      tmp.cleanup();
    }
  });
});

class Note {
  @Field({ summary: 'Text' }) text!: string;
  @Field({ summary: 'Metadata', type: 'object', required: false }) meta?: Record<string, unknown>;
}

@Controller('/notes')
class NoteController {
  @Post()
  @Action({ id: 'EchoNote', summary: 'Echo a note', description: 'Answers the note it was sent.' })
  @Returns(200, Note)
  echo(@Body() note: Note): Note {
    return note;
  }
}

describe('a body with a property that takes any JSON', () => {
  const app = createApp(
    new Connector({
      info: { title: 'Notes', description: 'A connector whose notes carry free-form metadata.', version: '1.0.0' },
      brandColor: '#123456',
      controllers: [NoteController],
    }),
  );
  const note = (levels: number) => `{"text":"t","meta":${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}}`;

  it('takes it nested up to the limit, and refuses a deeper one with a 400', async () => {
    const deepest = await request(app).post('/notes').set('content-type', 'application/json').send(note(255));
    assert.equal(deepest.status, 200);
    assert.deepEqual(deepest.body, JSON.parse(note(255)));
    // Before, 20,000 levels were accepted, and writing the answer overflowed the stack: a 500.
    for (const levels of [256, 20_000]) {
      const res = await request(app).post('/notes').set('content-type', 'application/json').send(note(levels));
      assert.equal(res.status, 400, `${levels} levels`);
      assert.equal(res.body.errors[0].code, 'maxDepth');
    }
  });

  it('refuses a number beyond the range of a double there, which the handler would get as Infinity', async () => {
    // Before, `{"big":1e400}` was taken, and answered (or stored) as `{"big":null}`.
    const res = await request(app)
      .post('/notes')
      .set('content-type', 'application/json')
      .send('{"text":"t","meta":{"ok":1.5e308,"big":1e400,"a/b":[2,-1e999]}}');
    assert.equal(res.status, 400, res.text);
    assert.deepEqual(res.body.errors, [
      {
        pointer: '/body/meta/big',
        message: 'is beyond the range of a number (it reads as Infinity)',
        code: 'numberRange',
      },
      {
        pointer: '/body/meta/a~1b/1',
        message: 'is beyond the range of a number (it reads as -Infinity)',
        code: 'numberRange',
      },
    ]);
    // The typed property beside it is reported once, as it was, with the other problems.
    const typed = await request(app)
      .post('/notes')
      .set('content-type', 'application/json')
      .send('{"text":1e400,"meta":{"tiny":1e-400}}');
    assert.deepEqual(
      typed.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`),
      ['/body/text numberRange'],
    );
    const fine = await request(app)
      .post('/notes')
      .set('content-type', 'application/json')
      .send('{"text":"t","meta":{"n":1e300}}');
    assert.deepEqual([fine.status, fine.body.meta], [200, { n: 1e300 }]);
  });
});
