import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import semver from 'semver';
import { ROOT } from './support/corpus';
import { scratch } from './support/tmp';
import { packageDir, TYPESCRIPTS, tscSays } from './support/typescript';

type PackageJson = {
  name: string;
  type?: string;
  main?: string;
  engines?: { node?: string };
  types?: string;
  typings?: string;
  exports?: unknown;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as PackageJson;

/** The module specifiers a declaration file imports or re-exports, comments left out. */
function specifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return [...code.matchAll(/(?:\bfrom|\bimport\(?)\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

/** The declaration file a relative specifier names: `./x` is x.d.ts or x/index.d.ts. */
function declarationOf(from: string, specifier: string): string {
  const base = join(dirname(from), specifier.replace(/\.js$/, ''));
  return existsSync(`${base}.d.ts`) ? `${base}.d.ts` : join(base, 'index.d.ts');
}

/**
 * The declaration files a user's compiler reads: from the package's entry points (`types`, and
 * each `types` of `exports`), every file they import, and so on.
 */
function reachableDeclarations(dir: string, pkg: PackageJson): string[] {
  const entries = [
    pkg.types,
    ...[...JSON.stringify(pkg.exports ?? {}).matchAll(/"types":"([^"]+)"/g)].map((m) => m[1]),
  ];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const s of specifiers(readFileSync(file, 'utf8'))) if (s.startsWith('.')) visit(declarationOf(file, s));
  };
  for (const entry of entries) if (entry) visit(join(dir, entry));
  return [...seen];
}

/** The packages a declaration file imports types from, by package name. */
function importedPackages(text: string): string[] {
  return specifiers(text)
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s.split('/')[0]))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]));
}

/** The package.json a package folder would find for `name`. */
function installed(name: string, from: string): PackageJson | undefined {
  const dir = packageDir(name, from);
  return dir === undefined ? undefined : readJson(join(dir, 'package.json'));
}

/** Whether a package carries its own types: a `types` (or `typings`) field, or a `types` export. */
function shipsTypes(name: string, from: string): boolean {
  const pkg = installed(name, from);
  if (!pkg) return false;
  return pkg.types !== undefined || pkg.typings !== undefined || JSON.stringify(pkg.exports ?? {}).includes('"types"');
}

describe('the published packages', () => {
  // A user's project installs only what a package declares: a type the package's declarations
  // import from elsewhere is `any` to the user, or, with skipLibCheck off, an error (TS7016). Before,
  // @flowport/express-adapter's declarations imported Express's types without depending on
  // @types/express, so createApp() typed nothing in a project that had not installed it itself.
  for (const folder of readdirSync(join(ROOT, 'packages'))) {
    const dir = join(ROOT, 'packages', folder);
    const pkg = readJson(join(dir, 'package.json'));
    it(`${pkg.name}: every package its declarations import is a dependency, with its types`, () => {
      // An optional peer may be missing from the project (class-validator, where the DTOs use
      // Flowport's own decorators), so no declaration may name it.
      const optional = (name: string) => pkg.peerDependenciesMeta?.[name]?.optional === true;
      const declared = Object.fromEntries(
        Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies }).filter(([name]) => !optional(name)),
      );
      const missing = new Set<string>();
      const files = reachableDeclarations(dir, pkg);
      assert.ok(files.length > 1, `${pkg.name} has declarations to read`);
      for (const file of files) {
        for (const name of importedPackages(readFileSync(file, 'utf8'))) {
          if (name === pkg.name) continue;
          const typesPackage = `@types/${name.replace(/^@([^/]+)\//, '$1__')}`;
          const typed = name in declared && shipsTypes(name, dir);
          if (!typed && !(typesPackage in declared)) missing.add(`${name} (${file.slice(dir.length + 1)})`);
        }
      }
      assert.deepEqual([...missing], []);
    });

    it(`${pkg.name}: claims no Node that cannot require its ES-module-only dependencies`, () => {
      // Node 22 before 22.12 (and 20 before 20.19) require() an ES module only behind a flag, so
      // the adapter's require('jose') (jose 6 is ES modules only) failed there at the first
      // bearer token, while the package claimed Node >= 20.19.
      const esmOnly = Object.keys(pkg.dependencies ?? {}).filter((name) => {
        const dep = installed(name, dir);
        const exported = JSON.stringify(dep?.exports ?? {});
        return dep?.type === 'module' && !exported.includes('"require"') && !dep.main?.endsWith('.cjs');
      });
      const range = pkg.engines?.node;
      assert.ok(range, `${pkg.name} names the Node versions it runs on`);
      if (esmOnly.length === 0) return;
      const refused = ['20.18.0', '22.11.0'].filter((node) => semver.satisfies(node, range));
      assert.deepEqual(refused, [], `${pkg.name} requires ${esmOnly.join(', ')}; engines.node ${range}`);
    });

    it(`${pkg.name}: ships no test code`, function () {
      this.timeout(30_000);
      // Before, @flowport/core shipped the helpers of its unit tests (dist/test-support).
      const packed = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: dir,
        encoding: 'utf8',
      });
      const files = (JSON.parse(packed) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
      assert.ok(files.includes('package.json'), `${pkg.name} packs its files`);
      assert.deepEqual(
        files.filter((f) => /\.test\.|test-support|fixtures/.test(f)),
        [],
      );
    });
  }

  // What a user's project compiles: every entry point, Express's types through createApp(), with
  // the library check on (tsc --init turns it off; a strict team turns it back on) and without
  // esModuleInterop (a declaration that default-imports node:http needed it: TS1192), by the oldest
  // TypeScript the README names, by the one this repository builds with, and by the newest (what
  // `npm install typescript` gives a new project).
  const USER_CODE = `
import * as core from '@flowport/core';
import * as documents from '@flowport/core/documents';
import * as formats from '@flowport/core/formats';
import * as adapter from '@flowport/express-adapter';
import * as store from '@flowport/store-sqlite';
import * as testing from '@flowport/testing';
import * as cli from '@flowport/cli';
import { Readable } from 'node:stream';

class Greeting {
  @core.Field({ summary: 'Message' }) @core.IsString() message!: string;
}

@core.Controller()
class GreetingController {
  @core.Post('/greet')
  @core.Action({ id: 'Greet', summary: 'Greet someone', description: 'Answers with the greeting.' })
  @core.Returns(200, Greeting)
  greet(@core.Body() body: Greeting): Greeting {
    return body;
  }

  @core.Post('/mcp')
  @core.Action({ id: 'InvokeMCP', summary: 'Serve tools', agenticProtocol: 'mcp-streamable-1.0' })
  @core.Returns(200)
  serve(@core.Exchange() { response }: core.Exchange, @core.Identity() caller: core.Identity): void {
    response.end(caller.subject);
  }

  @core.Post('/files')
  @core.Action({ id: 'Store', summary: 'Store a file', description: 'Stores the file of a form or the raw body.' })
  @core.Returns(200, Greeting)
  async store(
    @core.FormFile('doc') doc: core.FormFile,
    @core.Query('note', { type: String, required: false }) note: string | undefined,
  ): Promise<Greeting> {
    return { message: \`\${doc.originalname} \${doc.mimetype} \${doc.size} \${doc.buffer.length} \${note ?? ''}\` };
  }

  @core.Put('/raw')
  @core.Action({ id: 'Upload', summary: 'Upload bytes', description: 'Counts the bytes of the raw body.' })
  @core.Returns(200, Greeting)
  async upload(@core.Body({ type: 'binary' }) content: Readable): Promise<Greeting> {
    let size = 0;
    for await (const chunk of content) size += (chunk as Buffer).length;
    return { message: String(size) };
  }
}

const connector = new core.Connector({
  info: { title: 'Greeting', version: '1.0', description: 'Greets whoever asks it to.' },
  brandColor: '#123456',
  auth: core.aad({ clientId: 'client', resourceUri: 'api://greeting', redirectMode: 'GlobalPerConnector' }),
  controllers: [GreetingController],
});
const app = adapter.createApp(connector);
app.get('/own', (_req, res) => {
  res.json({ own: true });
});
export const all = [documents.emitFiles, formats.meetsFormat, store.SqliteTriggerStore, testing.FlowHost, cli.build, app];
`;
  for (const typescript of TYPESCRIPTS) {
    it(`a strict project's code against them compiles with TypeScript ${typescript.version}, libraries checked`, function () {
      this.timeout(60_000);
      const { dir, cleanup } = scratch();
      try {
        writeFileSync(join(dir, 'user.ts'), USER_CODE);
        const compilerOptions = {
          target: 'ES2022',
          // Each version's own module resolution for CommonJS: node10 up to 5.x, bundler from 7.
          module: 'commonjs',
          strict: true,
          // The flags a strict project adds to strict: the declarations must hold under them too.
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          noPropertyAccessFromIndexSignature: true,
          noImplicitOverride: true,
          skipLibCheck: false,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          noEmit: true,
          types: ['node'],
        };
        writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['user.ts'] }));
        assert.equal(tscSays(typescript, dir), '');
      } finally {
        cleanup();
      }
    });
  }
});
