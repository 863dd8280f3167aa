import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
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
    const space = /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))![1];
    const dead = join(base, `flowport-uploads-${space}.${gone}-abc123`);
    mkdirSync(dead);
    writeFileSync(join(dead, 'upload'), 'half a file');
    const kept = [
      `flowport-uploads-${space}.${process.pid}-def456`, // a live process's
      `flowport-uploads-1.${gone}-jkl012`, // of another PID namespace: a container sharing the folder
      'flowport-uploads-ghi789', // named as before
    ];
    for (const name of kept) mkdirSync(join(base, name));
    const made = takeFolder();
    assert.equal(existsSync(dead), false);
    // Its own is named for its namespace and pid, and removed as it exits.
    assert.match(made, new RegExp(`flowport-uploads-${space}\\.\\d+-`));
    assert.equal(existsSync(made), false);
    assert.deepEqual(readdirSync(base).sort(), [...kept].sort());
  });
});
