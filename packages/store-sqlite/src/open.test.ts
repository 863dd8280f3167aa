import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

describe('opening a store without better-sqlite3’s native addon', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'flowport-unbuilt-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('says that its install script did not run, and how to allow it', () => {
    // As npm 12 installs it where package.json does not allow its install script: the package
    // without its build folder. Before, the message listed the dozen paths `bindings` had tried.
    const installed = dirname(require.resolve('better-sqlite3/package.json'));
    const copy = join(dir, 'node_modules', 'better-sqlite3');
    cpSync(installed, copy, { recursive: true, filter: (from) => !from.startsWith(join(installed, 'build')) });
    for (const name of ['bindings', 'file-uri-to-path']) {
      const from = dirname(require.resolve(`${name}/package.json`, { paths: [installed] }));
      cpSync(from, join(dir, 'node_modules', name), { recursive: true });
    }
    const script = `
      const Module = require('node:module');
      const resolve = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) {
        return request === 'better-sqlite3' ? ${JSON.stringify(join(copy, 'lib', 'index.js'))} : resolve.call(this, request, ...rest);
      };
      const { SqliteJobStore } = require(${JSON.stringify(require.resolve('./sqlite-job-store'))});
      try { new SqliteJobStore(':memory:'); } catch (err) { process.stdout.write(err.message); }`;
    const message = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: dir });
    assert.equal(
      message,
      'Cannot open the SQLite database :memory:: better-sqlite3 has no native addon, since its install script did not run (npm 12 and pnpm 10 run a dependency\'s install script only where the project allows it): with npm, add "allowScripts": { "better-sqlite3": true } to the package.json of your project and run npm rebuild better-sqlite3; with pnpm, run pnpm approve-builds',
    );
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

describe('the files of a new store', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'flowport-mode-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const mode = (file: string) => statSync(file).mode & 0o777;

  it('are readable by their owner only, the -wal and -shm files too; an existing file keeps its mode', async function () {
    if (process.platform === 'win32') this.skip();
    // Before, they were made as the umask allowed (0644 with the usual 022): every user of the
    // machine could read the callback URLs, whose signatures start flows, and the jobs' inputs.
    const file = join(dir, 'triggers.db');
    const store = new SqliteTriggerStore(file);
    await store.addSubscription({
      id: 's1',
      trigger: 'OnEvent',
      owner: 'o',
      callbackUrl: 'https://example.logic.azure.com/workflows/1?sig=secret',
      filters: {},
      createdAt: new Date(0).toISOString(),
    });
    const made = readdirSync(dir).filter((f) => f.startsWith('triggers.db'));
    assert.ok(made.includes('triggers.db-wal'), made.join());
    for (const f of made) assert.equal(mode(join(dir, f)).toString(8), '600', f);
    await store.close();
    const jobs = join(dir, 'jobs.db');
    writeFileSync(jobs, '');
    chmodSync(jobs, 0o640);
    await new SqliteJobStore(jobs).close();
    assert.equal(mode(jobs).toString(8), '640');
  });
});
