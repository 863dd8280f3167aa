import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

describe('openDatabase', () => {
  it('loads better-sqlite3’s addon by its path, without the bindings package’s probe', () => {
    // A fresh process: this one may have loaded `bindings` through another test.
    const script = `
      const db = require(${JSON.stringify(require.resolve('./open'))}).openDatabase(':memory:');
      const row = db.prepare('SELECT 41 + 1 AS answer').get();
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
