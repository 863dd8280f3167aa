import type * as Core from '@flowport/core';
import { Connector } from '@flowport/core';
import type * as Documents from '@flowport/core/documents';
import { existsSync, statSync } from 'node:fs';
import { SourceMap, type SourceMapPayload, type SourceMapping } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { registerPathAliases, registerTypeScript, TYPESCRIPT_FILE } from './loader';

/** What Node and the TypeScript loader run as a module. */
const MODULE_FILE = /\.(?:[cm]?[jt]s|tsx)$/i;

/** A module could not be loaded or exported no connector. */
export class LoadError extends Error {
  override name = 'LoadError';
}

/**
 * Loads the user's module (TypeScript or compiled JavaScript) without starting a server and
 * returns the `Connector` it exports: the export named `connector`, the default export, or the
 * only exported `Connector`.
 */
export function loadConnector(modulePath: string): {
  connector: Connector;
  file: string;
  core: typeof Core;
  documents: typeof Documents;
} {
  const file = resolve(modulePath);
  if (!existsSync(file)) throw new LoadError(`module not found: ${modulePath}`);
  // A folder is a package, or a folder of TypeScript with an index.ts that require() finds once
  // TypeScript is registered.
  const folder = statSync(file).isDirectory();
  // Node runs a file of any other extension as JavaScript: a swagger.yaml was run, and failed
  // with "x is not defined".
  if (!folder && !MODULE_FILE.test(file)) {
    throw new LoadError(
      `${modulePath} is neither a module (.ts or .js) that exports the connector nor a connector definition (.json)${/\.ya?ml$/i.test(file) ? '; connector definitions are JSON, so convert the YAML first' : ''}`,
    );
  }
  // Read only when loading fails, to point into the TypeScript rather than swc's output of it.
  const sourceMaps = new Map<string, string>();
  const unregister = folder || TYPESCRIPT_FILE.test(file) ? registerTypeScript(sourceMaps) : () => undefined;
  const unalias = registerPathAliases(folder ? file : dirname(file));
  let exports: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exports = require(file) as Record<string, unknown>;
  } catch (err) {
    if (folder && err instanceof Error && err.message.startsWith(`Cannot find module '${file}'`)) {
      throw new LoadError(
        `${modulePath} is a folder without an index.ts, an index.js or a package.json main; name the module that exports the connector`,
      );
    }
    if (err instanceof Error) {
      err.message = `while loading ${modulePath}: ${loadFailure(err, dirname(file), sourceMaps)}`;
    }
    throw err;
  } finally {
    unregister();
    unalias();
  }
  const { core, documents } = coreFor(file);
  const candidates = Object.entries(exports).filter(([, v]) => Connector.isConnector(v));
  const named = candidates.find(([k]) => k === 'connector') ?? candidates.find(([k]) => k === 'default');
  if (named) return { connector: named[1] as Connector, file, core, documents };
  if (candidates.length === 1) return { connector: candidates[0][1] as Connector, file, core, documents };
  if (candidates.length === 0) {
    throw new LoadError(
      `${modulePath} exports no Connector; export one as \`export const connector = new Connector({ … })\``,
    );
  }
  throw new LoadError(
    `${modulePath} exports ${candidates.length} connectors (${candidates.map(([k]) => k).join(', ')}); name the one to build \`connector\``,
  );
}

/**
 * What the user needs of an error raised while their module loads: the message, and where in
 * their own files it was raised (the message alone does not say which line threw). Node's
 * "Require stack" lists the CLI's files below the one that asked, and swc appends its native
 * frames when RUST_BACKTRACE is set; neither is the user's.
 */
function loadFailure(
  err: Error & { code?: unknown; requireStack?: unknown },
  folder: string,
  sourceMaps: ReadonlyMap<string, string>,
): string {
  let message = err.message.replace(/\n+Stack backtrace:\n[\s\S]*$/, '');
  // A class read before its declaration ran: decorator metadata reads a property's class as the
  // class that declares the property is defined, so two DTOs that import each other end here.
  const early = err instanceof ReferenceError && /^Cannot access '([\w$]+)' before initialization/.exec(message);
  if (early) {
    const name = early[1];
    message += ` (an import cycle, or ${name} used above its declaration: declare ${name} first, or break the cycle; or give the property @Field({ type: () => ${name} }) and a type alias, such as Later<${name}> with type Later<T> = T, whose metadata does not read ${name})`;
  }
  // Node's own advice ("use import()") is for the loader, which requires the module: to the user it
  // named nothing to change.
  if (err.code === 'ERR_REQUIRE_ASYNC_MODULE') {
    return 'it, or a module it imports, awaits at its top level (top-level await), and flowport loads a module with require(), which cannot wait: export the connector from a module that does not await (src/connector.ts), and await in the one that imports it to serve it (src/server.ts)';
  }
  if (err.code === 'MODULE_NOT_FOUND' && Array.isArray(err.requireStack) && err.requireStack.length > 0) {
    return message.replace(/\nRequire stack:\n[\s\S]*$/, '') + ` (required by ${shown(String(err.requireStack[0]))})`;
  }
  const frames = (err.stack ?? '').split('\n').flatMap((line) => {
    const m = /^\s+at (?:(.*) \()?(\/.+?|[A-Za-z]:\\.+?):(\d+):(\d+)\)?$/.exec(line);
    return m ? [{ fn: m[1] ?? '', file: m[2], line: Number(m[3]), column: Number(m[4]) }] : [];
  });
  // A decorator that throws is reported at the class it decorates: the frames below the
  // compiler's decorator helpers are the helpers' and the decorator's own.
  const outermostHelper = frames.map((f) => DECORATOR_HELPER.test(f.fn)).lastIndexOf(true);
  const own = frames
    .slice(outermostHelper + 1)
    .find((f) => f.file.startsWith(folder) && !/[\\/]node_modules[\\/]/.test(f.file));
  return own ? `${message}\n  at ${shown(own.file)}:${original(own, sourceMaps)}` : message;
}

/** `line:column` in the TypeScript of a position in swc's output of it (both 1-based). */
function original(at: { file: string; line: number; column: number }, sourceMaps: ReadonlyMap<string, string>): string {
  const map = sourceMaps.get(at.file);
  const entry: Partial<SourceMapping> = map
    ? new SourceMap(JSON.parse(map) as SourceMapPayload).findEntry(at.line - 1, at.column - 1)
    : {};
  return entry.originalLine === undefined || entry.originalColumn === undefined
    ? `${at.line}:${at.column}`
    : `${entry.originalLine + 1}:${entry.originalColumn + 1}`;
}

/** The decorator helpers swc (`_ts_decorate`, `_ts_param`) and tsc (`__decorate`, `__param`) emit. */
const DECORATOR_HELPER = /^(?:_ts_(?:decorate|param|metadata)|__(?:decorate|param|metadata))$/;

/** A path as the user would type it: relative to where they are, when it is below. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * The copy of `@flowport/core` the module itself uses, so that resolve() and the emitters see
 * exactly the classes and metadata the module's decorators recorded; ours when it has none.
 */
function coreFor(file: string): { core: typeof Core; documents: typeof Documents } {
  let root: string;
  try {
    root = dirname(require.resolve('@flowport/core/package.json', { paths: [dirname(file)] }));
  } catch {
    root = dirname(require.resolve('@flowport/core/package.json'));
  }
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    core: require(root) as typeof Core,
    documents: require(join(root, 'documents')) as typeof Documents,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}
