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

  const bytes = (name: string, content: Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  it('refuses bytes that are not UTF-8 at their line and column, past a U+FFFD the file spells out', () => {
    // Before, each such byte was read as U+FFFD: a Latin-1 "É" was imported as "\uFFFD" without a word.
    const text = Buffer.concat([
      Buffer.from('\uFEFF{"title": "\uFFFD",\n "summary": "', 'utf8'),
      Buffer.from('Émigo', 'latin1'),
      Buffer.from('"}', 'utf8'),
    ]);
    assert.throws(
      () => readJson(bytes('latin1.json', text)),
      (err: unknown) =>
        err instanceof ImportError &&
        err.where === 'line 2, column 14' &&
        err.message.endsWith(
          ': is not UTF-8 (byte 0xC9); save the file as UTF-8 (this one may be Latin-1 or Windows-1252)',
        ),
    );
    assert.deepEqual(readJson(bytes('replacement.json', Buffer.from('\uFEFF{"title": "\uFFFD"}', 'utf8'))), {
      title: '\uFFFD',
    });
  });

  it('refuses UTF-16, saying so and how to save it as UTF-8', () => {
    // Before: "is not JSON: Unexpected token". Windows PowerShell 5.1's Out-File writes UTF-16.
    const json = '{"swagger": "2.0"}';
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
    const big = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json, 'utf16le').swap16()]);
    assert.throws(
      () => readJson(bytes('le.json', little)),
      /: is UTF-16 \(little-endian, by its byte order mark\), and JSON files are UTF-8; save it as UTF-8 \(in PowerShell, `Set-Content -Encoding utf8`\)$/,
    );
    assert.throws(() => readJson(bytes('be.json', big)), /: is UTF-16 \(big-endian, by its byte order mark\)/);
  });
});
