import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Makes a folder and the missing ones above it, one `mkdir` each. Node's `{ recursive: true }`
 * spins at full CPU forever when a parent exists but answers ENOENT for a child, as everything
 * under `/proc` and `/sys` does (`--out /proc/x` never returned); here that ENOENT is thrown.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let at = resolve(dir); !existsSync(at); at = dirname(at)) {
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Made meanwhile by another process: fine, as long as it is a folder.
      if (code === 'EEXIST' && isFolder(folder)) continue;
      const why = code === 'EEXIST' ? 'a link to nowhere is in its place' : (err as Error).message;
      throw new Error(`cannot make the folder ${folder}: ${why}`, { cause: err });
    }
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a file, not a folder, is at `path`. */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
