import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './corpus';

/** The folder a package folder would find `name` in, walking up through node_modules. */
export function packageDir(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const found = join(dir, 'node_modules', name);
    if (existsSync(join(found, 'package.json'))) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The TypeScript compilers a user's code is checked with: the oldest the README names, the one
 * this repository builds with, and the newest (what `npm install typescript` gives a new
 * project). The other two live in workspaces of their own, so that their tsc stays out of the
 * root's node_modules/.bin.
 */
export const TYPESCRIPTS = [
  { version: '5.0', from: join(ROOT, 'test', 'typescript-5.0') },
  { version: 'current', from: ROOT },
  { version: '7', from: join(ROOT, 'test', 'typescript-7') },
] as const;

/** What `tsc -p project` says with the TypeScript found from `from`: '' when the project compiles. */
export function tscSays(typescript: (typeof TYPESCRIPTS)[number], project: string): string {
  // By folder: TypeScript 7 exports neither bin/tsc nor its package.json.
  const dir = packageDir('typescript', typescript.from);
  assert.ok(dir, `TypeScript ${typescript.version} is installed`);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  if (typescript.version !== 'current') {
    assert.ok(version.startsWith(`${typescript.version}.`), `TypeScript ${version} found for ${typescript.version}`);
  }
  try {
    execFileSync(process.execPath, [join(dir, 'bin', 'tsc'), '-p', project], { encoding: 'utf8' });
    return '';
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err);
  }
}
