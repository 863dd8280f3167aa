import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { CONNECTORS } from './support/connectors';
import { ROOT } from './support/corpus';
import { copyExample, scratch } from './support/tmp';
import { cliLines as cli } from './support/cli';

const EXAMPLE_OUT = join(ROOT, 'examples', 'text-sentiment', 'connector');
const EXAMPLE_VALIDATORS = join(ROOT, 'examples', 'text-sentiment', 'generated', 'validators.js');
const FOUR = ['apiDefinition.swagger.json', 'apiProperties.json', 'openapi.json', 'settings.json'];

/** A copy of the example whose scoring operation has another summary: two files of a build change. */
function exampleWithNewSummary(dir: string): string {
  const module = copyExample(dir);
  const controller = join(dir, 'src', 'controllers', 'sentiment.controller.ts');
  writeFileSync(
    controller,
    readFileSync(controller, 'utf8').replace("summary: 'Detect sentiment'", "summary: 'Score sentiment'"),
  );
  return module;
}

/** The lines of a connector module with one action that lists `Item`s, imported by `importLine`. */
function itemsConnector(importLine: string): string[] {
  return [
    "import { Action, Connector, Controller, Get, Returns } from '@flowport/core';",
    importLine,
    "@Controller('/items')",
    'export class Items {',
    "  @Get() @Action({ id: 'ListItems', summary: 'List items' }) @Returns(200, [Item]) list(): Item[] {",
    '    return [];',
    '  }',
    '}',
    'export const connector = new Connector({',
    "  info: { title: 'Items', description: 'The items of a connector a test writes.', version: '1.0.0' },",
    "  brandColor: '#123456',",
    '  controllers: [Items],',
    '});',
  ];
}

describe('flowport build', () => {
  let tmp: ReturnType<typeof scratch>;
  beforeEach(() => {
    tmp = scratch();
  });
  afterEach(() => tmp.cleanup());

  it('the committed example connector and its validators are fresh (--check)', async () => {
    const r = await cli(
      'build',
      CONNECTORS.example,
      '--out',
      EXAMPLE_OUT,
      '--validators',
      EXAMPLE_VALIDATORS,
      '--check',
    );
    assert.deepEqual(r.err, []);
    assert.equal(r.code, 0);
    assert.match(r.out[0], /^up to date: 5 files in .* and .*validators\.js$/);
  });

  it('--validators writes the compiled request validators, and --check finds them stale after a constraint changes', async () => {
    const out = join(tmp.dir, 'out');
    const validators = join(tmp.dir, 'gen', 'validators.js');
    const built = await cli('build', CONNECTORS.example, '--out', out, '--validators', validators);
    assert.equal(built.code, 0, built.err.join('\n'));
    assert.ok(readFileSync(validators).equals(readFileSync(EXAMPLE_VALIDATORS)), 'same bytes as the committed module');
    const module = copyExample(tmp.dir);
    const dto = join(tmp.dir, 'src', 'sentiment.dto.ts');
    writeFileSync(dto, readFileSync(dto, 'utf8').replace('@Length(1, 5120)', '@Length(1, 4096)'));
    const r = await cli('build', module, '--out', out, '--validators', validators, '--check');
    assert.equal(r.code, 1);
    assert.ok(r.err.includes(`stale: ${relative(process.cwd(), validators)}`), r.err.join('\n'));
  });

  it('writes the four files, says so, and a second build writes identical bytes', async () => {
    const out = join(tmp.dir, 'out');
    const first = await cli('build', CONNECTORS.example, '--out', out);
    assert.equal(first.code, 0);
    assert.deepEqual(
      first.out.map((l) => l.replace(/ .*\//, ' ')),
      ['wrote apiDefinition.swagger.json', 'wrote apiProperties.json', 'wrote settings.json', 'wrote openapi.json'],
    );
    assert.deepEqual(readdirSync(out).sort(), FOUR);
    const bytes = FOUR.map((f) => readFileSync(join(out, f)));
    const second = await cli('build', CONNECTORS.example, '--out', out);
    assert.ok(second.out.every((l) => l.startsWith('unchanged ')));
    FOUR.forEach((f, i) => assert.ok(readFileSync(join(out, f)).equals(bytes[i]), f));
    FOUR.forEach((f, i) => assert.ok(readFileSync(join(EXAMPLE_OUT, f)).equals(bytes[i]), `committed ${f}`));
  });

  it('copies the declared icon and script next to the definition', async () => {
    const out = join(tmp.dir, 'sink');
    const r = await cli('build', CONNECTORS.kitchenSink, '--out', out);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.deepEqual(readdirSync(out).sort(), [...FOUR, 'icon.png', 'script.csx'].sort());
    const source = join(ROOT, 'test', 'fixtures', 'kitchen-sink', 'script.csx');
    assert.ok(readFileSync(join(out, 'script.csx')).equals(readFileSync(source)));
  });

  it('refuses a schema written as given that Swagger 2.0 refuses, in build and validate, by pointer', async () => {
    // Before, it was built into a definition the platform refuses at import.
    const module = join(tmp.dir, 'connector.ts');
    const lines = itemsConnector("import { Schema } from '@flowport/core';");
    lines.splice(2, 0, "@Schema({ schema: { type: 'strin' } })", 'class Item {}');
    writeFileSync(module, lines.join('\n'));
    const expected = [
      'error FP2016 swagger-schema: the definition is not Swagger 2.0 here: matches none of the forms the schema allows; likely it must be equal to one of the allowed values: "array", "boolean", "integer", "null", "number", "object", "string"',
      '  at /definitions/Item/type',
    ].join('\n');
    const built = await cli('build', module, '--out', join(tmp.dir, 'out'));
    assert.equal(built.code, 1);
    assert.ok(built.err[0].startsWith(expected), built.err[0]);
    assert.ok(!existsSync(join(tmp.dir, 'out')), 'nothing written');
    const validated = await cli('validate', module);
    assert.equal(validated.code, 1);
    assert.ok(validated.out[0].startsWith(expected), validated.out[0]);
    // The literal fixed (in another file: this process keeps the modules it loaded), it builds.
    const fixedModule = join(tmp.dir, 'fixed.ts');
    writeFileSync(fixedModule, lines.join('\n').replace("'strin'", "'string'"));
    const fixed = await cli('build', fixedModule, '--out', join(tmp.dir, 'out'));
    assert.equal(fixed.code, 0, fixed.err.join('\n'));
  });

  it('names an icon or script the connector declares that is not there, where it looked', async () => {
    // Before: "flowport: ENOENT: no such file or directory, open …".
    const module = copyExample(tmp.dir);
    writeFileSync(
      module,
      readFileSync(module, 'utf8').replace("brandColor: '#3A7BD5',", "brandColor: '#3A7BD5', icon: 'logo.png',"),
    );
    const r = await cli('build', module, '--out', join(tmp.dir, 'out'));
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, [
      `flowport: icon "logo.png" names no file: ${join(tmp.dir, 'src', 'logo.png')} (read relative to the connector's module)`,
    ]);
  });

  it('refuses an icon that is not a PNG, which it would copy as icon.png', async () => {
    // Before, a logo.svg was copied as icon.png, and the connector showed a broken icon.
    const module = copyExample(tmp.dir);
    writeFileSync(
      module,
      readFileSync(module, 'utf8').replace("brandColor: '#3A7BD5',", "brandColor: '#3A7BD5', icon: 'logo.svg',"),
    );
    writeFileSync(join(tmp.dir, 'src', 'logo.svg'), '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>');
    const r = await cli('build', module, '--out', join(tmp.dir, 'out'));
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, [
      [
        'error FP2155 icon-not-png: the icon, logo.svg, is an SVG, not a PNG',
        '  at connector icon icon.png',
        '  hint: Give the connector a PNG icon, about 230 × 230 pixels: the platform takes a PNG only, and the file is named icon.png whatever it holds.',
      ].join('\n'),
    ]);
    // validate judges it alike.
    assert.match(
      (await cli('validate', module)).out.join('\n'),
      /error FP2155 icon-not-png: the icon, logo.svg, is an SVG/,
    );
    assert.ok(!existsSync(join(tmp.dir, 'out')), 'nothing written');
  });

  it('refuses custom code the platform would not run: without the Script class, or over 1 MB', async () => {
    // Before, any file was copied as script.csx, and the platform refused it at upload.
    const module = copyExample(tmp.dir);
    writeFileSync(
      module,
      readFileSync(module, 'utf8').replace(
        "brandColor: '#3A7BD5',",
        "brandColor: '#3A7BD5', script: { file: 'code.csx', operations: [] },",
      ),
    );
    const code = join(tmp.dir, 'src', 'code.csx');
    writeFileSync(code, 'export function run() {}\n');
    const wrong = await cli('build', module, '--out', join(tmp.dir, 'out'));
    assert.deepEqual(
      [wrong.code, wrong.err],
      [
        1,
        [
          [
            'error FP2156 custom-code: the custom code, code.csx, declares no class Script : ScriptBase, the class the platform runs',
            '  at connector script.file script.csx',
            '  hint: Write custom code as a public class Script : ScriptBase whose ExecuteAsync answers each call, in 1 MB at most.',
          ].join('\n'),
        ],
      ],
    );
    const script = 'public class Script : ScriptBase\n{\n}\n';
    writeFileSync(code, script + `// ${'x'.repeat(1024 * 1024)}\n`);
    const large = await cli('build', module, '--out', join(tmp.dir, 'out'));
    assert.equal(large.code, 1);
    assert.match(large.err[0], /the custom code, code.csx, is 10\d{5} bytes, more than the 1 MB the platform takes/);
    writeFileSync(code, script);
    const fine = await cli('build', module, '--out', join(tmp.dir, 'out'));
    assert.equal(fine.code, 0, fine.err.join('\n'));
  });

  it('removes an icon or script an earlier build copied that the connector no longer declares', async () => {
    // Before, they stayed in the folder, and --check called it up to date.
    const out = join(tmp.dir, 'sink');
    assert.equal((await cli('build', CONNECTORS.kitchenSink, '--out', out)).code, 0);
    const check = await cli('build', CONNECTORS.example, '--out', out, '--check');
    assert.equal(check.code, 1);
    assert.deepEqual(
      check.err.filter((l) => /icon|script/.test(l)).map((l) => l.replace(/ .*\//, ' ')),
      ['stale: icon.png', 'stale: script.csx'],
    );
    assert.ok(existsSync(join(out, 'script.csx')), '--check writes nothing');
    const r = await cli('build', CONNECTORS.example, '--out', out);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.deepEqual(
      r.out.filter((l) => l.startsWith('removed ')).map((l) => l.replace(/ .*\//, ' ')),
      ['removed icon.png', 'removed script.csx'],
    );
    assert.deepEqual(readdirSync(out).sort(), [...FOUR].sort());
    // One the last build did not write (its settings.json names none) is someone else's.
    writeFileSync(join(out, 'icon.png'), 'mine');
    const again = await cli('build', CONNECTORS.example, '--out', out, '--check');
    assert.equal(again.code, 0, again.err.join('\n'));
    assert.equal((await cli('build', CONNECTORS.example, '--out', out)).code, 0);
    assert.equal(readFileSync(join(out, 'icon.png'), 'utf8'), 'mine');
  });

  it('--check fails after a summary changes, names each stale file and writes nothing', async () => {
    const module = exampleWithNewSummary(tmp.dir);
    const before = FOUR.map((f) => readFileSync(join(EXAMPLE_OUT, f)));
    const r = await cli('build', module, '--out', EXAMPLE_OUT, '--check');
    assert.equal(r.code, 1);
    assert.deepEqual(
      r.err.map((l) => l.replace(/ .*\//, ' ')),
      [
        'stale: apiDefinition.swagger.json',
        'stale: openapi.json',
        'flowport: the connector files do not match the source; run the same build without --check',
      ],
    );
    FOUR.forEach((f, i) => assert.ok(readFileSync(join(EXAMPLE_OUT, f)).equals(before[i]), `${f} untouched`));
  });

  it('a build that cannot write one of its files changes none of them, and refuses a file as --out', async () => {
    const out = join(tmp.dir, 'connector');
    assert.equal((await cli('build', CONNECTORS.example, '--out', out)).code, 0);
    const module = exampleWithNewSummary(tmp.dir);
    const before = FOUR.map((f) => readFileSync(join(out, f)));
    // A folder where its staging file goes makes the write of openapi.json fail after
    // apiDefinition.swagger.json has been staged.
    const blocker = join(out, `openapi.json.${process.pid}.tmp`);
    mkdirSync(blocker);
    assert.equal((await cli('build', module, '--out', out)).code, 1);
    FOUR.forEach((f, i) => assert.ok(readFileSync(join(out, f)).equals(before[i]), `${f} as it was`));
    assert.deepEqual(readdirSync(out).sort(), [...FOUR, basename(blocker)].sort(), 'no staging file left');
    rmSync(blocker, { recursive: true });
    // A folder in the place of openapi.json: before, apiDefinition.swagger.json was rewritten first.
    const openapi = join(out, 'openapi.json');
    rmSync(openapi);
    mkdirSync(openapi);
    const r = await cli('build', module, '--out', out);
    assert.deepEqual([r.code, r.err], [1, [`flowport: ${openapi} is a folder; a file goes there`]]);
    assert.ok(readFileSync(join(out, FOUR[0])).equals(before[0]), `${FOUR[0]} as it was`);
    const file = join(tmp.dir, 'a-file');
    writeFileSync(file, 'mine');
    const refused = await cli('build', CONNECTORS.example, '--out', file);
    assert.deepEqual([refused.code, refused.err], [1, [`flowport: --out ${file} is a file; name a folder`]]);
    assert.equal(readFileSync(file, 'utf8'), 'mine');
  });

  it('--check takes files Git checked out with CRLF line ends (core.autocrlf) as fresh; a changed one stays stale', async () => {
    // Before, every file was stale on such a Windows checkout, and each build wrote them all again.
    const out = join(tmp.dir, 'connector');
    const validators = join(tmp.dir, 'validators.js');
    assert.equal((await cli('build', CONNECTORS.kitchenSink, '--out', out, '--validators', validators)).code, 0);
    const files = [...readdirSync(out).map((f) => join(out, f)), validators];
    for (const f of files.filter((f) => !f.endsWith('.png'))) {
      writeFileSync(f, readFileSync(f, 'utf8').replace(/\n/g, '\r\n'));
    }
    const check = await cli('build', CONNECTORS.kitchenSink, '--out', out, '--validators', validators, '--check');
    assert.deepEqual([check.code, check.err], [0, []]);
    const again = await cli('build', CONNECTORS.kitchenSink, '--out', out, '--validators', validators);
    assert.deepEqual(
      again.out.filter((l) => !l.startsWith('unchanged')),
      [],
    );
    const definition = join(out, 'apiDefinition.swagger.json');
    writeFileSync(definition, readFileSync(definition, 'utf8').replace('"2.0"', '"2.1"'));
    const stale = await cli('build', CONNECTORS.kitchenSink, '--out', out, '--validators', validators, '--check');
    assert.deepEqual([stale.code, stale.err[0].replace(/ .*\//, ' ')], [1, 'stale: apiDefinition.swagger.json']);
  });

  it('--check reports missing files as missing, and says how to write them', async () => {
    const r = await cli('build', CONNECTORS.example, '--out', join(tmp.dir, 'nothing-here'), '--check');
    assert.equal(r.code, 1);
    assert.deepEqual(
      r.err.map((l) => l.replace(/ .*\//, ' ')),
      [
        'missing: apiDefinition.swagger.json',
        'missing: apiProperties.json',
        'missing: settings.json',
        'missing: openapi.json',
        'flowport: the connector files do not match the source; run the same build without --check',
      ],
    );
    assert.equal(existsSync(join(tmp.dir, 'nothing-here')), false);
  });

  it('prints each diagnostic with code, location and hint, exits 1 and writes nothing', async () => {
    const module = copyExample(tmp.dir);
    const controller = join(tmp.dir, 'src', 'controllers', 'languages.controller.ts');
    writeFileSync(controller, readFileSync(controller, 'utf8').replace("id: 'ListLanguages'", "id: 'DetectSentiment'"));
    const out = join(tmp.dir, 'out');
    const r = await cli('build', module, '--out', out);
    assert.equal(r.code, 1);
    const text = r.err.join('\n');
    assert.match(text, /error FP1001 duplicate-operation-id: operationId "DetectSentiment" is used by/);
    assert.match(text, /at LanguagesController\.list/);
    assert.match(text, /hint: Give one of them an explicit id/);
    assert.equal(existsSync(out), false);
  });

  it('prints its version with --version and -V', async () => {
    // Before, "error: unknown option '--version'" and exit 1.
    const { version } = JSON.parse(readFileSync(join(ROOT, 'packages', 'cli', 'package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-V']) {
      const r = await cli(flag);
      assert.deepEqual([r.code, r.out, r.err], [0, [version], []], flag);
    }
  });

  it('explains a module that exports no connector, and a missing module', async () => {
    const file = join(tmp.dir, 'empty.ts');
    writeFileSync(file, 'export const nothing: number = 1;\n');
    const none = await cli('build', file, '--out', join(tmp.dir, 'o'));
    assert.equal(none.code, 1);
    assert.match(none.err[0], /exports no Connector; export one as `export const connector = new Connector/);
    const missing = await cli('build', join(tmp.dir, 'nope.ts'), '--out', join(tmp.dir, 'o'));
    assert.equal(missing.code, 1);
    assert.match(missing.err[0], /module not found/);
    // validate takes a folder, a definition or a module: before, a missing one was a "module".
    const gone = await cli('validate', join(tmp.dir, 'gone'));
    assert.deepEqual([gone.code, gone.err[0]], [1, `flowport: no such file or folder: ${join(tmp.dir, 'gone')}`]);
    // Before, Node ran a file of another extension as JavaScript: "x is not defined".
    const yaml = join(tmp.dir, 'swagger.yaml');
    writeFileSync(yaml, 'swagger: "2.0"\ninfo:\n  title: x\n');
    const notModule = await cli('validate', yaml);
    assert.equal(notModule.code, 1);
    assert.deepEqual(notModule.err, [
      `flowport: ${yaml} is neither a module (.ts or .js) that exports the connector nor a connector definition (.json); connector definitions are JSON, so convert the YAML first`,
    ]);
  });

  it('builds and validates a folder of TypeScript by its index.ts, and names a folder with none', async () => {
    // Before, `flowport build src` failed with "Cannot find module …/src (required by …/load.js)",
    // and `flowport validate src` looked only for a connector definition there.
    const module = copyExample(tmp.dir);
    const src = dirname(module);
    const bare = await cli('build', src, '--out', join(tmp.dir, 'o'));
    assert.equal(bare.code, 1);
    assert.deepEqual(bare.err, [
      `flowport: ${src} is a folder without an index.ts, an index.js or a package.json main; name the module that exports the connector`,
    ]);
    const notValidated = await cli('validate', src);
    assert.equal(notValidated.code, 1);
    assert.deepEqual(notValidated.err, [
      `flowport: ${src} holds no apiDefinition.swagger.json, nor an index.ts, an index.js or a package.json to load`,
    ]);
    writeFileSync(join(src, 'index.ts'), "export { connector } from './connector';\n");
    const built = await cli('build', src, '--out', join(tmp.dir, 'o'));
    assert.equal(built.code, 0, built.err.join('\n'));
    assert.equal(
      readFileSync(join(tmp.dir, 'o', 'apiDefinition.swagger.json'), 'utf8'),
      readFileSync(join(EXAMPLE_OUT, 'apiDefinition.swagger.json'), 'utf8'),
    );
    const validated = await cli('validate', src);
    assert.equal(validated.code, 0, validated.err.join('\n'));
  });

  it('says what to change when the module awaits at its top level, which require() cannot wait for', async () => {
    // Before, Node's own message advised "use import() instead", advice for the loader that named
    // nothing the user could change.
    const file = join(tmp.dir, 'awaiting.ts');
    writeFileSync(file, "const title = await Promise.resolve('Awaiting');\nexport const name = title;\n");
    const thrown = await cli('build', file, '--out', join(tmp.dir, 'o'));
    assert.equal(thrown.code, 1);
    assert.deepEqual(thrown.err, [
      `flowport: while loading ${file}: it, or a module it imports, awaits at its top level (top-level await), and flowport loads a module with require(), which cannot wait: export the connector from a module that does not await (src/connector.ts), and await in the one that imports it to serve it (src/server.ts)`,
    ]);
  });

  it("says where in the TypeScript a module failed to load, without the CLI's own frames", async () => {
    // Before, only the message: "Cannot read properties of undefined" named no file or line, a
    // missing import listed the CLI's files as its "Require stack", and swc's syntax errors
    // carried its native frames when RUST_BACKTRACE was set.
    const file = join(tmp.dir, 'failing.ts');
    const lines = [
      "import { Controller, Get } from '@flowport/core';",
      '',
      "@Controller('/a')",
      'export class A {',
      "  @Get('/') list(): string[] {",
      '    return [];',
      '  }',
      '}',
      'const settings: { region?: { name: string } } = {};',
      'export const region = settings.region!.name;',
    ];
    writeFileSync(file, lines.join('\n'));
    const thrown = await cli('build', file, '--out', join(tmp.dir, 'o'));
    assert.equal(thrown.code, 1);
    assert.deepEqual(thrown.err.join('\n').split('\n'), [
      `flowport: while loading ${file}: Cannot read properties of undefined (reading 'name')`,
      `  at ${relative(process.cwd(), file)}:10:40`,
    ]);

    const misused = join(tmp.dir, 'misused.ts');
    writeFileSync(
      misused,
      "import { Path } from '@flowport/core';\n\nexport class B {\n  constructor(@Path('id') readonly id: string) {}\n}\n",
    );
    const decorator = await cli('build', misused, '--out', join(tmp.dir, 'o'));
    assert.match(decorator.err.join('\n'), /@Path on constructor parameter #0 of B: .*\n {2}at .*misused\.ts:\d+:\d+$/);
    assert.doesNotMatch(decorator.err.join('\n'), /misused\.ts:1:/, 'not at the helpers swc puts at the top');

    const importing = join(tmp.dir, 'importing.ts');
    writeFileSync(importing, "import './not-there';\n");
    const missing = await cli('build', importing, '--out', join(tmp.dir, 'o'));
    assert.deepEqual(missing.err, [
      `flowport: while loading ${importing}: Cannot find module './not-there' (required by ${relative(process.cwd(), importing)})`,
    ]);

    const broken = join(tmp.dir, 'broken.ts');
    writeFileSync(broken, 'export const x = ;\n');
    const backtrace = process.env.RUST_BACKTRACE;
    process.env.RUST_BACKTRACE = '1';
    try {
      const syntax = await cli('build', broken, '--out', join(tmp.dir, 'o'));
      assert.match(syntax.err.join('\n'), /Expression expected[\s\S]*broken\.ts:1:1/);
      assert.doesNotMatch(syntax.err.join('\n'), /Stack backtrace/);
    } finally {
      if (backtrace === undefined) delete process.env.RUST_BACKTRACE;
      else process.env.RUST_BACKTRACE = backtrace;
    }
  });

  it('builds a module that imports its TypeScript siblings as .js, as node16 resolution asks', async () => {
    // Before: "Cannot find module './item.js'", in every ES module project of TypeScript.
    const dir = join(tmp.dir, 'esm');
    mkdirSync(dir);
    const write = (name: string, ...lines: string[]) => writeFileSync(join(dir, name), lines.join('\n'));
    write('package.json', '{ "type": "module" }');
    write(
      'item.ts',
      "import { Field } from '@flowport/core';",
      'export class Item {',
      '  @Field() name!: string;',
      '}',
    );
    write('connector.ts', ...itemsConnector("import { Item } from './item.js';"));
    const built = await cli('build', join(dir, 'connector.ts'), '--out', join(dir, 'out'));
    assert.equal(built.code, 0, built.err.join('\n'));
    const definition = JSON.parse(readFileSync(join(dir, 'out', 'apiDefinition.swagger.json'), 'utf8')) as {
      definitions: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(definition.definitions), ['Item']);
    // A .js file that is truly missing is still named as it was written.
    write('broken.ts', "import './gone.js';");
    const missing = await cli('build', join(dir, 'broken.ts'), '--out', join(dir, 'out2'));
    assert.match(missing.err[0], /Cannot find module '\.\/gone\.js'/);
  });

  it("builds a module that imports through its tsconfig's paths aliases and baseUrl", async () => {
    // Before: "Cannot find module '@dto/item'", in every project that uses aliases.
    const dir = join(tmp.dir, 'aliases');
    mkdirSync(join(dir, 'src', 'dto'), { recursive: true });
    const write = (name: string, ...lines: string[]) => writeFileSync(join(dir, name), lines.join('\n'));
    write('tsconfig.base.json', '{ "compilerOptions": { "baseUrl": ".", "paths": { "@dto/*": ["src/dto/*"] } } }');
    write('tsconfig.json', '// comments, as tsc allows', '{ "extends": "./tsconfig.base.json" }');
    write(
      'src/dto/item.ts',
      "import { Field } from '@flowport/core';",
      "import { Tag } from 'src/dto/tag';",
      'export class Item {',
      '  @Field() name!: string;',
      '  @Field({ type: [Tag] }) tags!: Tag[];',
      '}',
    );
    // Under baseUrl, as editors write imports in NestJS projects.
    write(
      'src/dto/tag.ts',
      "import { Field } from '@flowport/core';",
      'export class Tag {',
      '  @Field() label!: string;',
      '}',
    );
    write('src/connector.ts', ...itemsConnector("import { Item } from '@dto/item';"));
    const built = await cli('build', join(dir, 'src', 'connector.ts'), '--out', join(dir, 'out'));
    assert.equal(built.code, 0, built.err.join('\n'));
    const definition = JSON.parse(readFileSync(join(dir, 'out', 'apiDefinition.swagger.json'), 'utf8')) as {
      definitions: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(definition.definitions), ['Item', 'Tag']);
  });

  it('reads ${configDir} in the paths of a base tsconfig as the folder of the one that extends it', async () => {
    // TypeScript 5.5's template, for a base config that projects share: before, the alias was
    // read as the literal folder "${configDir}", and the import failed.
    const dir = join(tmp.dir, 'config-dir');
    mkdirSync(join(dir, 'shared'), { recursive: true });
    mkdirSync(join(dir, 'app', 'src', 'dto'), { recursive: true });
    const write = (name: string, ...lines: string[]) => writeFileSync(join(dir, name), lines.join('\n'));
    write('shared/tsconfig.base.json', '{ "compilerOptions": { "paths": { "@dto/*": ["${configDir}/src/dto/*"] } } }');
    write('app/tsconfig.json', '{ "extends": "../shared/tsconfig.base.json" }');
    write(
      'app/src/dto/item.ts',
      "import { Field } from '@flowport/core';",
      'export class Item {',
      '  @Field() name!: string;',
      '}',
    );
    write('app/src/connector.ts', ...itemsConnector("import { Item } from '@dto/item';"));
    const built = await cli('build', join(dir, 'app', 'src', 'connector.ts'), '--out', join(dir, 'out'));
    assert.equal(built.code, 0, built.err.join('\n'));
  });

  it('names an import cycle between two DTOs, and the way out it gives builds', async () => {
    const dir = join(tmp.dir, 'cycle');
    mkdirSync(dir);
    const write = (name: string, ...lines: string[]) => writeFileSync(join(dir, name), lines.join('\n'));
    write(
      'line.ts',
      "import { Field } from '@flowport/core';",
      "import { Order } from './order';",
      'export class Line {',
      '  @Field() sku!: string;',
      '  @Field({ required: false }) order?: Order;',
      '}',
    );
    // Loaded from line.ts, order.ts runs before Line is declared, and its metadata reads Line.
    const order = (declared: string, options: string) => [
      "import { Field } from '@flowport/core';",
      "import { Line } from './line';",
      'type Later<T> = T;',
      'export class Order {',
      `  @Field(${options}) primary?: ${declared};`,
      '}',
    ];
    write('order.ts', ...order('Line', '{ required: false }'));
    write(
      'connector.ts',
      "import { Body, Connector, Controller, Post, Returns } from '@flowport/core';",
      "import { Line } from './line';",
      "@Controller('/lines')",
      'class Lines {',
      "  @Post('/') @Returns(204) add(@Body() _line: Line): void {}",
      '}',
      "export const connector = new Connector({ info: { title: 'Cycle', description: 'Two DTOs that import each other.', version: '1.0.0' }, brandColor: '#123456', controllers: [Lines] });",
    );
    const failed = await cli('build', join(dir, 'connector.ts'), '--out', join(tmp.dir, 'o'));
    assert.equal(failed.code, 1);
    assert.match(
      failed.err[0],
      /Cannot access 'Line' before initialization \(an import cycle, or Line used above its declaration: .* @Field\(\{ type: \(\) => Line \}\) and a type alias, such as Later<Line>/,
    );
    write('order.ts', ...order('Later<Line>', '{ type: () => Line, required: false }'));
    const built = await cli('build', join(dir, 'connector.ts'), '--out', join(tmp.dir, 'o'));
    assert.equal(built.code, 0, built.err.join('\n'));
  });

  it('@flowport/cli/register runs a TypeScript app as the build loads it: metadata, aliases, source lines', () => {
    // tsx and other esbuild-based runners emit no decorator metadata, so an app run with them
    // cannot be typed from its declarations.
    const dir = join(tmp.dir, 'register');
    mkdirSync(join(dir, 'src', 'dto'), { recursive: true });
    const write = (name: string, ...lines: string[]) => writeFileSync(join(dir, name), lines.join('\n'));
    write('tsconfig.json', '{ "compilerOptions": { "baseUrl": ".", "paths": { "@dto/*": ["src/dto/*"] } } }');
    write(
      'src/dto/item.ts',
      "import { Field } from '@flowport/core';",
      'export class Item {',
      '  @Field() count!: number;',
      '}',
    );
    write(
      'src/app.ts',
      "import { Action, Connector, Controller, Get, Path, Query, Returns, resolve } from '@flowport/core';",
      "import { Item } from '@dto/item';",
      "@Controller('/items')",
      'class Items {',
      "  @Get('/{id}') @Action({ id: 'GetItem', summary: 'Get item' }) @Returns(200, Item)",
      "  get(@Path('id') id: number, @Query('all') all?: boolean): Item {",
      '    return { count: all ? id : 0 };',
      '  }',
      '}',
      'const connector = new Connector({',
      "  info: { title: 'Items', description: 'The items of a connector a test runs.', version: '1.0.0' },",
      "  brandColor: '#123456',",
      '  controllers: [Items],',
      '});',
      'const [op] = resolve(connector).operations;',
      "const item = resolve(connector).schemas.get('Item') as { properties: { count: { type: string } } };",
      'console.log(JSON.stringify([...op.parameters.map((p) => p.schema.type), item.properties.count.type]));',
      "console.log(new Error('here').stack?.split('\\n')[1]);",
    );
    const stdout = execFileSync(
      process.execPath,
      ['--enable-source-maps', '--require', '@flowport/cli/register', join('src', 'app.ts')],
      { cwd: dir, encoding: 'utf8' },
    ).split('\n');
    assert.deepEqual(JSON.parse(stdout[0]), ['number', 'boolean', 'number']);
    assert.match(stdout[1], /src[\\/]app\.ts:18:13\)$/);
  });

  it('runs as the installed executable, without a TypeScript compiler in the process', () => {
    const out = join(tmp.dir, 'bin-out');
    const bin = join(ROOT, 'node_modules', '.bin', 'flowport');
    const stdout = execFileSync(bin, ['build', CONNECTORS.example, '--out', out], { encoding: 'utf8' });
    assert.match(stdout, /wrote .*apiDefinition\.swagger\.json/);
    const probe =
      `require(${JSON.stringify(join(ROOT, 'packages/cli/dist/load.js'))}).loadConnector(${JSON.stringify(CONNECTORS.example)});` +
      `process.stdout.write(String(Object.keys(require.cache).some((k) => /node_modules\\/typescript\\//.test(k))))`;
    assert.equal(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }), 'false');
  });

  it('ends when its command is done, though the module started a server', () => {
    // Before, a build of the module that also starts the app wrote its files and never ended,
    // holding a CI job until its time limit.
    const module = join(tmp.dir, 'server.ts');
    const lines = itemsConnector("import { Field } from '@flowport/core';");
    lines.splice(2, 0, 'class Item {', '  @Field() name!: string;', '}');
    lines.push("require('node:http').createServer().listen(0, '127.0.0.1');");
    writeFileSync(module, lines.join('\n'));
    const out = join(tmp.dir, 'out');
    const ran = spawnSync(process.execPath, [join(ROOT, 'packages/cli/dist/bin.js'), 'build', module, '--out', out], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(ran.signal, null, 'ended by itself, not by the time limit');
    assert.equal(ran.status, 0, ran.stderr);
    assert.match(ran.stdout, /wrote .*apiDefinition\.swagger\.json/);
    assert.match(
      ran.stderr,
      /the module left TCPServerWrap running .*Export the connector from a module that does not start the app/,
    );
    assert.ok(existsSync(join(out, 'openapi.json')));
  });
});
