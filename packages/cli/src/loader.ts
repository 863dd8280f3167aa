import { transformSync } from '@swc/core';
import { addHook } from 'pirates';

/**
 * Compiles TypeScript on `require` with swc: no type checking and no TypeScript compiler in the
 * process, but the legacy decorators and `design:*` metadata that Flowport reads, which
 * esbuild-based loaders do not emit. Each file's source map goes into `sourceMaps` (by file
 * name), so that an error can be placed in the TypeScript. Returns a function that removes the hook.
 */
export function registerTypeScript(sourceMaps?: Map<string, string>): () => void {
  return addHook(
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
}
