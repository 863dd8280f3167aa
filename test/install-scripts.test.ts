import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/corpus';

const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;

describe('install scripts', () => {
  it('are each allowed or denied in package.json, so that npm 12 runs those the project needs', () => {
    // npm 12 skips the install script of a dependency allowScripts does not name: before, it
    // skipped better-sqlite3's, and the example could not open its database.
    const lock = read('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript === true)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    const allowed = (read('package.json').allowScripts ?? {}) as Record<string, boolean>;
    assert.deepEqual([...new Set(withScripts)].sort(), Object.keys(allowed).sort());
    assert.equal(allowed['better-sqlite3'], true, 'the SQLite stores need its addon');
  });
});
