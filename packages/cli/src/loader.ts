import { transformSync } from '@swc/core';
import { addHook } from 'pirates';

/**
 * Compiles TypeScript on `require` with swc: no type checking and no TypeScript compiler in the
 * process, but the legacy decorators and `design:*` metadata that Flowport reads, which
 * esbuild-based loaders do not emit. Returns a function that removes the hook.
 */
export function registerTypeScript(): () => void {
  return addHook(
    (code, filename) =>
      transformSync(code, {
        filename,
        sourceMaps: 'inline',
        module: { type: 'commonjs' },
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true, tsx: filename.endsWith('.tsx') },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        },
      }).code,
    { exts: ['.ts', '.tsx', '.cts', '.mts'], ignoreNodeModules: true },
  );
}
