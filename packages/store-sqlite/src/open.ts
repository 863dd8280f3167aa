import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync } from 'node:fs';
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

/**
 * Makes a database file that does not exist yet readable and writable by its owner only. A
 * store holds what grants access: the callback URLs of subscriptions carry the signature that
 * starts a flow, and jobs keep the input of the calls that started them. SQLite makes its files
 * as the umask allows (usually readable by every user of the machine), and gives the -wal and -shm
 * files the mode of the database's. An existing file keeps the mode it has; a file that cannot be
 * made here (no such folder) is left to SQLite, whose error names it.
 */
function createPrivately(file: string): void {
  if (file === '' || file === ':memory:' || file.startsWith('file:')) return;
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch {
    // It exists, or SQLite says why it cannot be opened.
  }
}

/**
 * Opens (and creates when missing) a database file with better-sqlite3 and readies it with
 * `ready` (pragmas, tables, statements). A failure names the file: SQLite's own messages ("file is
 * not a database", "no such column") do not, and a service with two stores would not say which.
 * The connection is closed before the error is thrown.
 */
export function openDatabase<T>(
  file: string,
  ready: (db: Database.Database) => T,
): { db: Database.Database; value: T } {
  addon ??= { path: addonPath() };
  let db: Database.Database | undefined;
  try {
    createPrivately(file);
    db = new Database(file, addon.path === undefined ? {} : { nativeBinding: addon.path });
    return { db, value: ready(db) };
  } catch (err) {
    db?.close();
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`Cannot open the SQLite database ${file}: ${unbuilt(reason) ?? reason}`, { cause: err });
  }
}

/**
 * What to do where better-sqlite3 has no native addon: its install script, which builds or
 * fetches it, never ran. npm 12 and pnpm 10 run a dependency's install script only where the
 * project allows it, and before, the error listed the dozen paths the `bindings` package had
 * tried, not why none held the addon.
 */
function unbuilt(reason: string): string | undefined {
  if (!reason.startsWith('Could not locate the bindings file')) return undefined;
  return 'better-sqlite3 has no native addon, since its install script did not run (npm 12 and pnpm 10 run a dependency\'s install script only where the project allows it): with npm, add "allowScripts": { "better-sqlite3": true } to the package.json of your project and run npm rebuild better-sqlite3; with pnpm, run pnpm approve-builds';
}
