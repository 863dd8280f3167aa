import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT } from './support/corpus';

/** The entry points users import: each symbol they export is public API. */
const ENTRIES = ['core', 'express-adapter', 'store-sqlite', 'testing', 'cli'].map((p) =>
  join(ROOT, 'packages', p, 'src', 'index.ts'),
);

/** Whether a declaration carries a TSDoc comment (a variable's sits on its statement). */
function documented(decl: ts.Declaration): boolean {
  if (ts.getJSDocCommentsAndTags(decl).length > 0) return true;
  return ts.isVariableDeclaration(decl) && ts.getJSDocCommentsAndTags(decl.parent.parent).length > 0;
}

describe('public API', function () {
  this.timeout(60_000);

  it('documents every symbol the packages export with TSDoc', () => {
    const program = ts.createProgram(ENTRIES, {
      strict: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const undocumented: string[] = [];
    for (const entry of ENTRIES) {
      const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
      for (const exported of checker.getExportsOfModule(module)) {
        const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        const decl = symbol.declarations?.[0];
        if (decl && !documented(decl))
          undocumented.push(`${exported.name} (${relative(ROOT, decl.getSourceFile().fileName)})`);
      }
    }
    assert.deepEqual(undocumented, []);
  });
});
