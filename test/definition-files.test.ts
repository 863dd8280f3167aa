import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionHead } from './support/imported';
import { scratch } from './support/tmp';
import { cli } from './support/cli';

/** A connector whose one operation takes `body` as its body. */
function definition(body: unknown, definitions: Record<string, unknown> = {}) {
  return {
    ...definitionHead('Deep', 'A body schema nested far deeper than any real one.', 'deep.example.com'),
    paths: {
      '/things': {
        post: {
          operationId: 'AddThing',
          summary: 'Add thing',
          description: 'Adds a thing.',
          parameters: [{ name: 'body', in: 'body', required: true, schema: body }],
          responses: { '204': { description: 'Added' } },
        },
      },
    },
    definitions,
  };
}

describe('flowport import and validate of a definition file they cannot read as it is', () => {
  let tmp: ReturnType<typeof scratch>;
  beforeEach(() => (tmp = scratch()));
  afterEach(() => tmp.cleanup());

  it('refuse arrays nested 3,000 deep at the place they pass 512 levels, and import writes nothing', async () => {
    // Before, both ran out of stack ("Maximum call stack size exceeded"), and import did so after
    // writing a project whose build then crashed the process (swc, on a type 3,000 arrays deep).
    let body: unknown = { type: 'string' };
    for (let i = 0; i < 3000; i++) body = { type: 'array', items: body };
    const file = join(tmp.dir, 'apiDefinition.swagger.json');
    writeFileSync(file, JSON.stringify(definition(body), null, 1));
    const out = join(tmp.dir, 'imported');
    for (const r of [await cli('import', file, '--out', out), await cli('validate', file)]) {
      assert.equal(r.code, 1);
      assert.match(r.err, /at line 1042, column 522: nests more than 512 levels deep; /);
    }
    assert.equal(existsSync(out), false);
  });

  it('say that a chain of 5,000 schemas referencing one another is too deep to follow', async () => {
    // The chain nests through $ref, which no reading of the text sees; every check that follows
    // references ran out of stack, and that message was all `validate` said.
    const definitions: Record<string, unknown> = { T5000: { type: 'string' } };
    for (let i = 0; i < 5000; i++) {
      definitions[`T${i}`] = { type: 'object', properties: { next: { $ref: `#/definitions/T${i + 1}` } } };
    }
    const file = join(tmp.dir, 'chain.json');
    writeFileSync(file, JSON.stringify(definition({ $ref: '#/definitions/T0' }, definitions)));
    for (const format of ['text', 'sarif']) {
      const r = await cli('validate', file, '--format', format);
      assert.equal(r.code, 1);
      assert.match(`${r.out}\n${r.err}`, /chain\.json nests too deeply to follow, and the call stack ran out\./);
    }
  });

  it('refuse a definition saved as Latin-1 at the byte that is not UTF-8, and import writes nothing', async () => {
    // Before, the byte was read as U+FFFD: the imported project said "\uFFFDmigo" for "Émigo".
    const json = JSON.stringify(definition({ type: 'object', title: 'Émigo' }), null, 2);
    const file = join(tmp.dir, 'latin1.json');
    writeFileSync(file, Buffer.from(json, 'latin1'));
    const out = join(tmp.dir, 'imported');
    for (const r of [await cli('import', file, '--out', out), await cli('validate', file)]) {
      assert.equal(r.code, 1);
      assert.match(r.err, /latin1\.json at line 32, column 25: is not UTF-8 \(byte 0xC9\); save the file as UTF-8/);
    }
    assert.equal(existsSync(out), false);
  });
});
