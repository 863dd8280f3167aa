import { transformSync } from '@swc/core';
import Module from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';
import { addHook } from 'pirates';
import { createMatchPath, loadConfig } from 'tsconfig-paths';

type ResolveFilename = (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;

/** The TypeScript files a `.js`, `.jsx`, `.mjs` or `.cjs` specifier stands for in TypeScript's Node16 resolution. */
const SOURCES_OF: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/**
 * Compiles TypeScript on `require` with swc: no type checking and no TypeScript compiler in the
 * process, but the legacy decorators and `design:*` metadata that Flowport reads, which
 * esbuild-based loaders do not emit. Each file's source map goes into `sourceMaps` (by file
 * name), so that an error can be placed in the TypeScript. Returns a function that removes the hook.
 */
export function registerTypeScript(sourceMaps?: Map<string, string>): () => void {
  const unresolve = onUnresolved(typeScriptSourcesOf);
  const unhook = addHook(
    (code, filename) => {
      const out = transformSync(code, {
        filename,
        sourceMaps: true,
        module: { type: 'commonjs' },
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true, tsx: filename.endsWith('.tsx') },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        },
      });
      if (out.map === undefined) return out.code;
      sourceMaps?.set(filename, out.map);
      // Inline as well, for a process run with --enable-source-maps.
      return `${out.code}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(out.map).toString('base64')}`;
    },
    { exts: ['.ts', '.tsx', '.cts', '.mts'], ignoreNodeModules: true },
  );
  return () => {
    unhook();
    unresolve();
  };
}

/** A TypeScript file's name, and a file of an installed package's. */
export const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;
const INSTALLED = /[\\/]node_modules[\\/]/;

/**
 * Where Node finds nothing for a request from one of the user's TypeScript files, resolves the
 * first of `alternatives(request)` that it finds instead; the original error stands otherwise.
 * Requests that Node resolves, and those of installed packages, are never touched. Returns a
 * function that removes the hook.
 */
function onUnresolved(alternatives: (request: string) => readonly string[]): () => void {
  const loader = Module as unknown as { _resolveFilename: ResolveFilename };
  const original = loader._resolveFilename;
  loader._resolveFilename = function (this: unknown, request, parent, ...rest) {
    try {
      return original.call(this, request, parent, ...rest);
    } catch (err) {
      const from = parent?.filename ?? '';
      if (
        (err as { code?: unknown }).code !== 'MODULE_NOT_FOUND' ||
        !TYPESCRIPT_FILE.test(from) ||
        INSTALLED.test(from)
      )
        throw err;
      for (const candidate of alternatives(request)) {
        try {
          return original.call(this, candidate, parent, ...rest);
        } catch {
          // The next candidate, or the first error.
        }
      }
      throw err;
    }
  };
  return () => {
    loader._resolveFilename = original;
  };
}

/**
 * A TypeScript file may import `./dto.js` for `./dto.ts`, as TypeScript's `node16` and `nodenext`
 * resolution requires of ES module projects. Before, `flowport build` failed in such a project
 * with "Cannot find module './dto.js'".
 */
function typeScriptSourcesOf(request: string): readonly string[] {
  const m = /^(\.{1,2}\/.*)(\.[cm]?jsx?)$/.exec(request);
  return m ? (SOURCES_OF[m[2]] ?? []).map((ext) => m[1] + ext) : [];
}

/** TypeScript's template for the folder of the tsconfig.json being read. */
const CONFIG_DIR = '${configDir}';

/**
 * The `paths` aliases of the tsconfig.json that governs `folder` (the nearest above it, with its
 * `extends`), and its `baseUrl`, as tsc resolves the user's imports with them (`import { Item }
 * from '@dto/item'`, or `'src/dto/item'` under a baseUrl). Only where Node finds nothing: an alias
 * never stands in for an installed package. Returns a function that removes them. Before, such an
 * import failed with "Cannot find module '@dto/item'".
 */
export function registerPathAliases(folder: string): () => void {
  const config = loadConfig(folder);
  if (config.resultType !== 'success') return () => undefined;
  const aliases = Object.keys(config.paths ?? {}).length > 0;
  if (!aliases && config.baseUrl === undefined) return () => undefined;
  // TypeScript 5.5's ${configDir}: the folder of the tsconfig.json read, also where a base that
  // projects share names it. tsconfig-paths leaves it in the text.
  const configDir = dirname(config.configFileAbsolutePath);
  const atConfigDir = (path: string) => {
    const at = path.indexOf(CONFIG_DIR);
    return at < 0 ? path : resolve(configDir, `.${path.slice(at + CONFIG_DIR.length)}`);
  };
  const paths = Object.fromEntries(
    Object.entries(config.paths ?? {}).map(([alias, targets]) => [alias, targets.map(atConfigDir)]),
  );
  const match = createMatchPath(atConfigDir(config.absoluteBaseUrl), paths, ['main'], config.baseUrl !== undefined);
  return onUnresolved((request) => {
    if (request.startsWith('.') || isAbsolute(request)) return [];
    const found = match(request, undefined, undefined, ['.ts', '.tsx', '.mts', '.cts', '.js', '.json']);
    return found === undefined ? [] : [found];
  });
}
