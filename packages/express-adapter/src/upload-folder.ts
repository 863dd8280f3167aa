import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A process's folder of upload files, `flowport-uploads-<space>.<pid>-<random>` in the temporary
 * folder: `<space>` names the PID namespace the pid is one of (Linux), or is 0 where there is
 * none to read.
 */
const FOLDER = /^flowport-uploads-(\d+)\.(\d+)-/;

/**
 * The PID namespace of this process: containers that share a temporary folder (a pod's volume)
 * each count pids of their own, and a pid that is gone in one may be alive in another.
 */
function pidSpace(): string {
  try {
    return /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))?.[1] ?? '0';
  } catch {
    return '0';
  }
}

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
 * that kept crashing filled the disk. A pid taken again by another process keeps its folder, and
 * so does a pid of another namespace.
 */
function sweep(base: string, space: string): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const [, of, pid] = FOLDER.exec(name) ?? [];
    // Only folders of this process's own namespace: another's pids cannot be looked up from here.
    if (of !== space || Number(pid) === process.pid || alive(Number(pid))) continue;
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
    const space = pidSpace();
    sweep(base, space);
    const made = mkdtempSync(join(base, `flowport-uploads-${space}.${process.pid}-`));
    folder = made;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return folder;
}
