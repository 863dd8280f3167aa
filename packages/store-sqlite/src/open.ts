import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where `npm install` puts better-sqlite3's native addon, both for a prebuilt binary and for a
 * local build. Naming it spares the `bindings` package's probe of a dozen candidate paths, about
 * 2 ms of every start-up. Found from the package's own entry, so a bundler sees no new module
 * request; anywhere else (a bundle, another layout) better-sqlite3 looks for it as usual.
 */
function addonPath(): string | undefined {
  try {
    const main: unknown = require.resolve('better-sqlite3');
    if (typeof main !== 'string') return undefined;
    const file = join(dirname(main), '..', 'build', 'Release', 'better_sqlite3.node');
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

let addon: { path?: string } | undefined;

/** Opens (and creates when missing) a database file with better-sqlite3. */
export function openDatabase(file: string): Database.Database {
  addon ??= { path: addonPath() };
  return new Database(file, addon.path === undefined ? {} : { nativeBinding: addon.path });
}
