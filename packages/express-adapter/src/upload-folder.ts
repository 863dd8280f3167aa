import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A process's folder of upload files: `flowport-uploads-<pid>-<random>` in the temporary folder. */
const FOLDER = /^flowport-uploads-(\d+)-/;

let folder: string | undefined;

/** Whether process `pid` is alive: one of another user's answers EPERM, and is alive too. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes the upload folders of processes that are gone. A process removes its own as it exits,
 * but one killed (SIGKILL, the OOM killer, a crash of the runtime) cannot: before, each left its
 * open uploads' files, up to the file limit each, for as long as the machine ran, and a process
 * that kept crashing filled the disk. A pid taken again by another process keeps its folder.
 */
function sweep(base: string): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = FOLDER.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
    try {
      rmSync(join(base, name), { recursive: true, force: true });
    } catch {
      // Another user's folder: left alone, and no reason to refuse the upload.
    }
  }
}

/** One folder a process for the files of its uploads, removed when the process exits. */
export function uploadsFolder(): string {
  if (folder === undefined) {
    const base = tmpdir();
    sweep(base);
    const made = mkdtempSync(join(base, `flowport-uploads-${process.pid}-`));
    folder = made;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return folder;
}
