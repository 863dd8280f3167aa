import { transformSync } from '@swc/core';
import Module from 'node:module';
import { addHook } from 'pirates';
import { loadConfig, register } from 'tsconfig-paths';

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
  const unresolve = resolveTypeScriptSources();
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

/**
 * A TypeScript file may import `./dto.js` for `./dto.ts`, as TypeScript's `node16` and `nodenext`
 * resolution requires of ES module projects: where no such JavaScript file exists, the import is
 * resolved to its TypeScript source. Before, `flowport build` failed in such a project with
 * "Cannot find module './dto.js'".
 */
function resolveTypeScriptSources(): () => void {
  const loader = Module as unknown as { _resolveFilename: ResolveFilename };
  const original = loader._resolveFilename;
  loader._resolveFilename = function (this: unknown, request, parent, ...rest) {
    try {
      return original.call(this, request, parent, ...rest);
    } catch (err) {
      const m = /^(\.{1,2}\/.*)(\.[cm]?jsx?)$/.exec(request);
      const fromTypeScript = /\.[cm]?tsx?$/.test(parent?.filename ?? '');
      if (!m || !fromTypeScript || (err as { code?: unknown }).code !== 'MODULE_NOT_FOUND') throw err;
      for (const ext of SOURCES_OF[m[2]] ?? []) {
        try {
          return original.call(this, m[1] + ext, parent, ...rest);
        } catch {
          // The next source extension, or the first error.
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
 * The `paths` aliases of the tsconfig.json that governs `folder` (the nearest above it, with its
 * `extends`), as TypeScript resolves them: `import { Item } from '@dto/item'`. Only the aliases:
 * a bare name that no alias matches is left to Node, so that a folder under `baseUrl` never stands
 * in for a package. Returns a function that removes them. Before, such an import failed with
 * "Cannot find module '@dto/item'".
 */
export function registerPathAliases(folder: string): () => void {
  const config = loadConfig(folder);
  if (config.resultType !== 'success' || Object.keys(config.paths ?? {}).length === 0) return () => undefined;
  return register({ baseUrl: config.absoluteBaseUrl, paths: config.paths, addMatchAll: false });
}
