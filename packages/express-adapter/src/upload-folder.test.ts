import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('the folder of chunked uploads', () => {
  let base: string;
  beforeEach(() => (base = mkdtempSync(join(tmpdir(), 'flowport-sweep-'))));
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  /** Runs a process that takes its uploads folder in `base` (as TMPDIR); the folder it made. */
  function takeFolder(): string {
    const code = `process.stdout.write(require(${JSON.stringify(join(__dirname, 'upload-folder'))}).uploadsFolder())`;
    return execFileSync(process.execPath, ['-e', code], { env: { ...process.env, TMPDIR: base }, encoding: 'utf8' });
  }

  it("removes the folders of processes that are gone, and leaves a live process's and others alone", () => {
    // Before, a process killed (SIGKILL, the OOM killer) left its open uploads' files for good.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const dead = join(base, `flowport-uploads-${gone}-abc123`);
    mkdirSync(dead);
    writeFileSync(join(dead, 'upload'), 'half a file');
    const live = join(base, `flowport-uploads-${process.pid}-def456`);
    mkdirSync(live);
    const older = join(base, 'flowport-uploads-ghi789');
    mkdirSync(older);
    const made = takeFolder();
    assert.deepEqual([existsSync(dead), existsSync(live), existsSync(older)], [false, true, true]);
    // Its own is named for its pid, and removed as it exits.
    assert.match(made, /flowport-uploads-\d+-/);
    assert.equal(existsSync(made), false);
    assert.deepEqual(readdirSync(base).sort(), [`flowport-uploads-${process.pid}-def456`, 'flowport-uploads-ghi789']);
  });
});
