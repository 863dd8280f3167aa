import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFolder } from './folders';

describe('makeFolder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowport-folders-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes the folder and the missing ones above it, and takes one that is there', () => {
    makeFolder(join(dir, 'a', 'b', 'c'));
    assert.ok(statSync(join(dir, 'a', 'b', 'c')).isDirectory());
    makeFolder(join(dir, 'a', 'b'));
    makeFolder(dir);
  });

  it('names the folder it cannot make, and why', () => {
    writeFileSync(join(dir, 'file'), '');
    assert.throws(() => makeFolder(join(dir, 'file', 'x')), /cannot make the folder .*file\/x: ENOTDIR/);
    symlinkSync(join(dir, 'nowhere'), join(dir, 'link'));
    assert.throws(() => makeFolder(join(dir, 'link', 'x')), /cannot make the folder .*link: a link to nowhere/);
  });

  it('fails under /proc, where Node’s recursive mkdir spins forever', function () {
    if (!existsSync('/proc/self')) this.skip();
    // In a child with a time limit: the bug this guards against never returns.
    const script = `require(${JSON.stringify(require.resolve('./folders'))}).makeFolder('/proc/flowport/out')`;
    const child = spawnSync(process.execPath, ['-e', script], { timeout: 10_000, encoding: 'utf8' });
    assert.equal(child.signal, null, 'still running after 10 s');
    assert.equal(child.status, 1);
    assert.match(child.stderr, /cannot make the folder \/proc\/flowport: ENOENT/);
  });
});
