import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteJobStore } from './sqlite-job-store';
import { SqliteTriggerStore } from './sqlite-store';

describe('openDatabase', () => {
  it('loads better-sqlite3’s addon by its path, without the bindings package’s probe', () => {
    // A fresh process: this one may have loaded `bindings` through another test.
    const script = `
      const { openDatabase } = require(${JSON.stringify(require.resolve('./open'))});
      const { db, value: row } = openDatabase(':memory:', (db) => db.prepare('SELECT 41 + 1 AS answer').get());
      db.close();
      const probed = Object.keys(require.cache).some((f) => /[\\\\/]node_modules[\\\\/]bindings[\\\\/]/.test(f));
      process.stdout.write(JSON.stringify({ row, probed }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as {
      row: { answer: number };
      probed: boolean;
    };
    assert.deepEqual(out, { row: { answer: 42 }, probed: false });
  });
});

describe('opening a store on a file that is not a database', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowport-open-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, open] of [
    ['SqliteTriggerStore', (file: string) => new SqliteTriggerStore(file)],
    ['SqliteJobStore', (file: string) => new SqliteJobStore(file)],
  ] as const) {
    it(`${name} names the file and SQLite's reason, and leaves the file as it was`, () => {
      const file = join(dir, `${name}.db`);
      const bytes = Buffer.from('not a database, but somebody’s data\n'.repeat(200));
      writeFileSync(file, bytes);
      assert.throws(
        () => open(file),
        (err: Error) => err.message === `Cannot open the SQLite database ${file}: file is not a database`,
      );
      assert.deepEqual(readFileSync(file), bytes);
      // No -wal or -journal file beside it either: nothing was written.
      assert.deepEqual(
        readdirSync(dir).filter((f) => f.startsWith(name)),
        [`${name}.db`],
      );
    });
  }

  it('names the file when its folder does not exist', () => {
    const file = join(dir, 'missing', 'jobs.db');
    assert.throws(() => new SqliteJobStore(file), new RegExp(`^Error: Cannot open the SQLite database ${file}: `));
  });
});
