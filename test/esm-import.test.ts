import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ROOT } from './support/corpus';

/** Every entry point a user imports, by the name they import it by. */
const ENTRIES = [
  '@flowport/core',
  '@flowport/core/documents',
  '@flowport/core/formats',
  '@flowport/express-adapter',
  '@flowport/store-sqlite',
  '@flowport/testing',
  '@flowport/cli',
];

describe('the packages from an ES module', () => {
  it('give every export by name, as they do to require()', function () {
    this.timeout(30_000);
    // Before, `import { emitFiles } from '@flowport/core/documents'` failed in an ES module
    // (ERR_UNSUPPORTED_DIR_IMPORT): the entry was a folder, which only require() reads.
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(process.cwd() + '/');
      // Node 23 and later add 'module.exports' to a CommonJS module's namespace; it is Node's, not ours.
      const names = (m) => Object.keys(m).filter((k) => !['default', '__esModule', 'module.exports'].includes(k)).sort();
      const found = {};
      for (const entry of ${JSON.stringify(ENTRIES)}) {
        found[entry] = { esm: names(await import(entry)), cjs: names(require(entry)) };
      }
      process.stdout.write(JSON.stringify(found));`;
    const found = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }),
    ) as Record<string, { esm: string[]; cjs: string[] }>;
    for (const entry of ENTRIES) {
      assert.ok(found[entry].cjs.length > 0, entry);
      assert.deepEqual(found[entry].esm, found[entry].cjs, entry);
    }
  });
});
