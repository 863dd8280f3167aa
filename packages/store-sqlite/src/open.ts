import Database from 'better-sqlite3';

/**
 * Where `npm install` puts better-sqlite3's native addon, both for a prebuilt binary and for a
 * local build. Naming it spares the `bindings` package's probe of a dozen candidate paths, about
 * 3 ms of every start-up; an install laid out otherwise still finds it that way.
 */
function addonPath(): string | undefined {
  try {
    return require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
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
