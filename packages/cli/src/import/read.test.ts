import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError, readJson, readProperties } from './read';

describe('readProperties', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowport-read-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const write = (content: unknown) => {
    const file = join(dir, 'apiProperties.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  };

  it('returns the properties of a well-formed file', () => {
    const properties = { iconBrandColor: '#da3b01', connectionParameters: {} };
    assert.deepEqual(readProperties(write({ properties })), properties);
  });

  it('refuses a value the importer would otherwise drop, naming every place', () => {
    // Before, a connection parameter that was not an object was left out of the import without a word.
    const file = write({ properties: { connectionParameters: { api_key: 5 }, capabilities: 'actions' } });
    assert.throws(
      () => readProperties(file),
      (err: unknown) =>
        err instanceof ImportError &&
        err.where === '/properties/capabilities' &&
        err.message.endsWith(
          'at /properties/capabilities: must be array; also at /properties/connectionParameters/api_key: must be object',
        ),
    );
    assert.throws(() => readProperties(write([1, 2])), /apiProperties\.json at \/: must be object$/);
  });
});

describe('readJson', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowport-read-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** `{"a":` … `}` nested `levels` deep, over two lines, with brackets and quotes inside strings. */
  const nested = (levels: number) => {
    const file = join(dir, `nested-${levels}.json`);
    const open = '{"a":'.repeat(levels - 1);
    writeFileSync(file, `{"s": "[{\\"[", "b":\n${open}{"t": "}}]]\\\\"}${'}'.repeat(levels - 1)}}`);
    return file;
  };

  it('reads a document nested 512 levels deep, not counting brackets inside strings', () => {
    const value = readJson(nested(511)) as { s: string; b: unknown };
    assert.equal(value.s, '[{"[');
  });

  it('refuses one nested deeper, naming the line and column where it goes past', () => {
    // Before, `validate`, `import` and `build` ran out of stack on such a file and said only
    // "Maximum call stack size exceeded".
    assert.throws(
      () => readJson(nested(512)),
      (err: unknown) =>
        err instanceof ImportError &&
        err.where === `line 2, column ${511 * 5 + 1}` &&
        /nests more than 512 levels deep; .*Flatten the schema that starts here\.$/.test(err.message),
    );
  });
});
