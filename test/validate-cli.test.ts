import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONNECTORS } from './support/connectors';
import { corpusDir } from './support/corpus';
import { ROOT } from './support/corpus';
import { scratch } from './support/tmp';
import { cli } from './support/cli';

const EXAMPLE_CONNECTOR = join(ROOT, 'examples', 'text-sentiment', 'connector');

/**
 * Each lint finding `kept` is reported once, and the build's `dropped`, which it restates at the
 * same place, not at all: `validate` of an imported module states each problem once.
 */
function assertStatedOnce(codes: readonly string[], pairs: readonly (readonly [string, string])[]): void {
  for (const [kept, dropped] of pairs) {
    assert.equal(codes.filter((c) => c === kept).length, 1, `${kept} in ${codes.join()}`);
    assert.ok(!codes.includes(dropped), `${dropped} in ${codes.join()}`);
  }
}

describe('flowport validate (CLI)', () => {
  let tmp: ReturnType<typeof scratch>;
  beforeEach(() => (tmp = scratch()));
  afterEach(() => tmp.cleanup());

  it('finds nothing in the example at certification level, and exits 0', async () => {
    const r = await cli('validate', CONNECTORS.example);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /0 error\(s\), 0 warning\(s\) at certification level/);
  });

  it("places a module's findings on their lines of the TypeScript, in the file that declares each, in text, JSON and SARIF", async () => {
    // Before, SARIF annotated every finding on the module's first line, in the module's file even
    // for a DTO of another file; and a module that did not resolve wrote its errors to stderr as
    // text, so that the SARIF file a CI uploads was empty.
    const dto = join(tmp.dir, 'dto.ts');
    writeFileSync(
      dto,
      [
        "import { Field, IsString } from '@flowport/core';",
        '',
        'export class Note {',
        "  @Field({ summary: 'note text' }) @IsString()",
        '  text!: string;',
        '}',
        '',
      ].join('\n'),
    );
    const module = join(tmp.dir, 'placed.ts');
    const connector = (summary: string) =>
      [
        "import { Action, Body, Connector, Controller, Post, Returns } from '@flowport/core';",
        "import { Note } from './dto';",
        '',
        "@Controller('/notes')",
        'export class NotesController {',
        `  @Post() @Action({ id: 'AddNote', summary: '${summary}', description: 'Adds a note.' }) @Returns(204)`,
        '  add(@Body() _n: Note): void {}',
        '}',
        "export const connector = new Connector({ info: { title: 'Notes', description: 'Notes, placed on their lines.', version: '1' }, host: 'notes.example.com', brandColor: '#123456', controllers: [NotesController] });",
        '',
      ].join('\n');
    writeFileSync(module, connector('Add note'));
    const found = JSON.parse((await cli('validate', module, '--format', 'json')).out) as {
      code: string;
      position?: { file: string; line: number; column: number };
    }[];
    assert.deepEqual(
      found.find((d) => d.code === 'FP2111')?.position,
      { file: dto, line: 5, column: 3 },
      'the property, in the file of its class',
    );

    const failing = join(tmp.dir, 'failing.ts');
    writeFileSync(failing, connector('x'.repeat(81)));
    const r = await cli('validate', failing, '--format', 'sarif');
    assert.equal(r.code, 1);
    const [result] = JSON.parse(r.out).runs[0].results;
    assert.equal(result.ruleId, 'FP1302');
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: pathToFileURL(failing).href },
      region: { startLine: 7, startColumn: 3 },
    });
    assert.match((await cli('validate', failing)).out, /at NotesController\.add \(.*failing\.ts:7:3\)/);
    // flowport build says the same where it stops.
    const built = await cli('build', failing, '--out', join(tmp.dir, 'out'));
    assert.equal(built.code, 1);
    assert.match(built.err, /error FP1302 summary-too-long: .*\n {2}at NotesController\.add \(.*failing\.ts:7:3\)/);
  });

  it('judges a module whose declared icon is not there, which only its build refuses', async () => {
    // A missing icon is the build's to refuse; validate judges the rest without it. When the
    // asset rules came, it stopped validate with the build's error, and no finding was reported.
    const module = join(tmp.dir, 'iconless.ts');
    writeFileSync(
      module,
      [
        "import { Action, Connector, Controller, Get, Returns } from '@flowport/core';",
        "@Controller('/a')",
        "export class A { @Get('/x') @Action({ id: 'GetX', summary: 'Get x', description: 'Gets x.' }) @Returns(204) x(): void {} }",
        "export const connector = new Connector({ info: { title: 'Iconless', description: 'A connector whose icon is missing.', version: '1' }, host: 'x.example.com', brandColor: '#123456', icon: 'missing.png', controllers: [A] });",
        '',
      ].join('\n'),
    );
    const r = await cli('validate', module);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /iconless\.ts: 0 error\(s\), \d+ warning\(s\) at certification level/);
    const built = await cli('build', module, '--out', join(tmp.dir, 'out'));
    assert.equal(built.code, 1);
    assert.match(built.err, /icon "missing\.png" names no file/);
  });

  it('writes SARIF that says why when the target cannot be judged at all, as a failed invocation', async () => {
    // Before, nothing went to stdout: the SARIF file a CI uploads was empty, which its upload refuses.
    const broken = join(tmp.dir, 'broken.ts');
    writeFileSync(broken, "import './not-there';\n");
    const r = await cli('validate', broken, '--format', 'sarif');
    assert.equal(r.code, 1);
    const [run] = JSON.parse(r.out).runs;
    assert.deepEqual(run.results, []);
    const [invocation] = run.invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.match(invocation.toolExecutionNotifications[0].message.text, /Cannot find module '.\/not-there'/);
    assert.match(r.err, /flowport: while loading .*broken\.ts: Cannot find module/);
  });

  it("judges a folder's icon.png and script.csx as the build judges a module's, at the file itself", async () => {
    // Before, a folder's icon and custom code were not looked at: a JPEG named icon.png, or a
    // script without the Script class, passed, and the platform refused them at upload.
    const folder = join(tmp.dir, 'folder');
    mkdirSync(folder);
    for (const name of ['apiDefinition.swagger.json', 'apiProperties.json'])
      copyFileSync(join(ROOT, 'examples', 'text-sentiment', 'connector', name), join(folder, name));
    writeFileSync(join(folder, 'icon.png'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]));
    writeFileSync(join(folder, 'script.csx'), 'public class Script : ScriptBase { }\n');
    const r = await cli('validate', folder, '--level', 'platform');
    assert.equal(r.code, 1);
    assert.deepEqual(r.out.split('\n').slice(0, 2), [
      'error FP2155 icon-not-png: the icon, icon.png, is a JPEG, not a PNG',
      `  at icon.png (${join(folder, 'icon.png').replace(`${process.cwd()}/`, '')}:1:1)`,
    ]);
    writeFileSync(join(folder, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    assert.equal((await cli('validate', folder, '--level', 'platform')).code, 0);
  });

  it('checks a connector folder by JSON pointer; --max-warnings decides the exit code', async function () {
    const folder = join(corpusDir(this), 'connectors', 'Datelist');
    const r = await cli('validate', folder);
    assert.equal(r.code, 0);
    assert.match(r.out, /warning FP2119 webhook-no-delete: webhook NewBooking has no DELETE operation/);
    assert.match(r.out, /at \/paths\/~1webhooks\/post/);
    const strict = await cli('validate', folder, '--max-warnings', '0');
    assert.equal(strict.code, 1);
    assert.match(strict.err, /flowport: 2 warning\(s\), more than --max-warnings 0 allows/);
    assert.equal((await cli('validate', folder, '--max-warnings', '2')).code, 0);
    assert.equal((await cli('validate', folder, '--level', 'platform', '--max-warnings', '0')).code, 0);
    // Before, "abc" became NaN and passed everything, and "-3" failed with no word why.
    for (const wrong of ['abc', '-3', '1.5', '']) {
      const r = await cli('validate', folder, '--max-warnings', wrong);
      assert.equal(r.code, 2, wrong);
      assert.match(r.err, /--max-warnings must be a whole number of 0 or more/);
    }
  });

  it('writes JSON and SARIF', async function () {
    const folder = join(corpusDir(this), 'connectors', 'Datelist');
    const json = JSON.parse((await cli('validate', folder, '--format', 'json')).out) as {
      code: string;
      at: { pointer: string };
    }[];
    assert.deepEqual(json.map((d) => d.code).sort(), ['FP2119', 'FP2120']);
    const sarif = JSON.parse((await cli('validate', folder, '--format', 'sarif')).out);
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort(), ['FP2119', 'FP2120']);
    assert.deepEqual(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id).sort(), ['FP2119', 'FP2120']);
  });

  it('says on which line and column of the file each finding stands, in text, JSON and SARIF', async function () {
    // Before, only the JSON pointer: an annotation in CI marked the whole file.
    const folder = join(corpusDir(this), 'connectors', 'Datelist');
    const file = join(folder, 'apiDefinition.swagger.json');
    const lines = readFileSync(file, 'utf8').split('\n');
    const text = (line: number, column: number) => lines[line - 1].slice(column - 1);
    const json = JSON.parse((await cli('validate', folder, '--format', 'json')).out) as {
      code: string;
      position: { file: string; line: number; column: number };
    }[];
    const noDelete = json.find((d) => d.code === 'FP2119')!;
    assert.equal(noDelete.position.file, file);
    assert.match(text(noDelete.position.line, noDelete.position.column), /^"post"/);
    const sarif = JSON.parse((await cli('validate', folder, '--format', 'sarif')).out);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'FP2119');
    assert.deepEqual(result.locations[0].physicalLocation.region, {
      startLine: noDelete.position.line,
      startColumn: noDelete.position.column,
    });
    const r = await cli('validate', folder);
    assert.ok(
      r.out.includes(`at /paths/~1webhooks/post (`) &&
        r.out.includes(`apiDefinition.swagger.json:${noDelete.position.line}:${noDelete.position.column})`),
      r.out,
    );
  });

  it('locates findings in TypeScript source for a module', async () => {
    const file = join(tmp.dir, 'bad.ts');
    writeFileSync(
      file,
      `import { Action, Connector, Controller, Get, Returns } from '@flowport/core';
@Controller('/things')
export class ThingController {
  @Get() @Action({ id: 'ListThings', summary: 'List things.', description: 'List things.' }) @Returns(200) list(): void {}
}
export const connector = new Connector({ info: { title: 'Things API', description: 'Lists the things that there are in a system.', version: '1' }, brandColor: '#123456', controllers: [ThingController] });
`,
    );
    const r = await cli('validate', file);
    assert.match(r.out, /warning FP2102 title-words: the title contains "API"/);
    assert.match(
      r.out,
      /warning FP2108 summary-characters: summary of ListThings ends with "\."\n {2}at ThingController\.list \/paths\/~1things\/get\/summary/,
    );
    assert.match(r.out, /FP2110 description-is-summary/);
  });

  it('reports a problem that resolve() judges and the lint finds in the JSON once, with its pointer', async () => {
    const file = join(tmp.dir, 'imported.ts');
    writeFileSync(
      file,
      `import { Action, Connector, Controller, Get, Query, Returns } from '@flowport/core';
@Controller('/groups')
export class GroupsController {
  @Get()
  @Action({ id: 'Groups.List', summary: 'List groups', description: 'Lists the groups of the tenant.' })
  @Returns(200)
  list(@Query('owner', { format: 'guid', urlEncoding: 'double' }) owner: string): void {
    void owner;
  }

  @Get('/missing')
  @Action({ id: 'Missing', summary: 'Find nothing', description: 'Answers that nothing is there.' })
  @Returns(404)
  missing(): void {}
}
export const connector = new Connector({ asDeclared: true, info: { title: 'Groups', description: 'Lists the groups of a tenant, as imported.', version: '1' }, brandColor: '#123456', controllers: [GroupsController] });
`,
    );
    const r = await cli('validate', file, '--format', 'json');
    const codes = (JSON.parse(r.out) as { code: string }[]).map((d) => d.code);
    // FP2113, FP2131, FP2142 and FP2114 restate FP1012, FP1303, FP1409 and FP1011 at the same place.
    assertStatedOnce(codes, [
      ['FP2113', 'FP1012'],
      ['FP2131', 'FP1303'],
      ['FP2142', 'FP1409'],
      ['FP2114', 'FP1011'],
    ] as const);
  });

  it('reports each judgement of an imported module once: the lint finding restates the build’s', async () => {
    const file = join(tmp.dir, 'imported-judged.ts');
    writeFileSync(
      file,
      `import { Action, apiKey, Body, Connector, Controller, Field, Get, Header, param, Post, Query, Returns } from '@flowport/core';
type Later<T> = T;
export class Row {
  @Field({ readOnly: true }) id!: string;
  @Field() name!: string;
}
export class Person {
  @Field({ type: () => Person }) manager!: Later<Person>;
}
@Controller('/rows')
export class RowsController {
  @Get() @Action({ id: 'ListRows', summary: 'List rows', description: 'Lists the rows.' }) @Returns(200, [Row])
  list(): void {}

  @Get('/one') @Action({ id: 'GetRow', summary: 'Get row', description: 'Gets one row.' }) @Returns(200, Row)
  one(
    @Query('q', { dynamicValues: { operation: () => RowsController.prototype.list, parameters: { region: param('area') }, value: 'id', title: 'title' } }) _q: string,
    @Header('X-Api-Key') _key: string,
    @Header('x tag') _tag: string,
  ): void {}

  @Post() @Action({ id: 'AddRow', summary: 'Add row', description: 'Adds a row.' }) @Returns(200, Row)
  add(@Body() _r: Row): void {}

  @Post('/people') @Action({ id: 'AddPerson', summary: 'Add person', description: 'Adds a person.' }) @Returns(204)
  person(@Body() _p: Person): void {}
}
export const connector = new Connector({
  asDeclared: true,
  info: { title: 'Rows', description: 'Rows and people, as imported.', version: '1' },
  brandColor: '#123456',
  auth: apiKey({ in: 'header', name: 'X-Api-Key', label: 'Key' }),
  controllers: [RowsController],
});
`,
    );
    const r = await cli('validate', file, '--format', 'json');
    const codes = (JSON.parse(r.out) as { code: string }[]).map((d) => d.code);
    assertStatedOnce(codes, [
      ['FP2148', 'FP1103'],
      ['FP2149', 'FP1104'],
      ['FP2121', 'FP1102'],
      ['FP2153', 'FP1017'],
      ['FP2152', 'FP1305'],
      ['FP2147', 'FP1306'],
      ['FP2146', 'FP1426'],
    ] as const);
  });

  it('reports a body on a GET, a long summary, an internal required parameter and connectionId once each', async () => {
    const file = join(tmp.dir, 'imported-plain.ts');
    writeFileSync(
      file,
      `import { Action, Body, Connector, Controller, Get, Query, Returns } from '@flowport/core';
@Controller('/rows')
export class RowsController {
  @Get('/with-body') @Action({ id: 'GetWithBody', summary: 'Get with body', description: 'Gets with a body.' }) @Returns(204)
  withBody(@Body({ type: { schema: { type: 'object' } } }) _b: unknown): void {}

  @Get('/long') @Action({ id: 'GetLong', summary: 'Get a row with a summary that goes on and on far beyond the eighty characters allowed', description: 'Gets.' }) @Returns(204)
  long(@Query('mode', { visibility: 'internal', required: true, type: String }) _m: string, @Query('connectionId', { type: String }) _c?: string): void {}
}
export const connector = new Connector({ asDeclared: true, info: { title: 'Rows', description: 'Rows with judgements, as imported.', version: '1' }, brandColor: '#123456', controllers: [RowsController] });
`,
    );
    const r = await cli('validate', file, '--format', 'json');
    const codes = (JSON.parse(r.out) as { code: string }[]).map((d) => d.code);
    assertStatedOnce(codes, [
      ['FP2010', 'FP1005'],
      ['FP2013', 'FP1016'],
      ['FP2107', 'FP1302'],
      ['FP2117', 'FP1301'],
    ] as const);
  });

  it('reports an enum display name for no value and a brand colour that is none once each', async () => {
    const file = join(tmp.dir, 'imported-colour.ts');
    writeFileSync(
      file,
      `import { Action, Body, Connector, Controller, Field, Post, Returns } from '@flowport/core';
export class Row {
  @Field({ enum: ['a', 'b'], enumValues: [{ value: 'c', displayName: 'C' }] }) kind!: string;
}
@Controller('/rows')
export class RowsController {
  @Post() @Action({ id: 'AddRow', summary: 'Add row', description: 'Adds a row.' }) @Returns(204)
  add(@Body() _b: Row): void {}
}
export const connector = new Connector({ asDeclared: true, info: { title: 'Rows', description: 'Rows with judgements, as imported.', version: '1' }, brandColor: 'blue', controllers: [RowsController] });
`,
    );
    const r = await cli('validate', file, '--format', 'json');
    const found = JSON.parse(r.out) as { code: string; at: Record<string, unknown> }[];
    const codes = found.map((d) => d.code);
    assertStatedOnce(codes, [
      ['FP2135', 'FP1009'],
      ['FP2125', 'FP1503'],
    ] as const);
    // The file's place, and the option that declares it.
    assert.deepEqual(found.find((d) => d.code === 'FP2125')?.at, {
      connector: 'brandColor',
      pointer: 'apiProperties.json#/properties/iconBrandColor',
    });
  });

  it("reports a webhook's notification URL problems once each, where the build places them at the URL's property", async () => {
    // Before, FP1201 and FP1202 (at HooksController.onEvent property callback) and FP2118 (at the
    // operation) stated each problem twice: a rule restated one judgement, at its own place only.
    const definition = {
      swagger: '2.0',
      info: { title: 'Hooks', description: 'A webhook whose callback is shown to the user.', version: '1.0' },
      host: 'hooks.example.com',
      basePath: '/',
      schemes: ['https'],
      consumes: ['application/json'],
      produces: ['application/json'],
      paths: {
        '/hooks': {
          'x-ms-notification-content': { description: 'An event', schema: { type: 'object' } },
          post: {
            operationId: 'OnEvent',
            summary: 'When an event happens',
            description: 'Fires on each event.',
            'x-ms-trigger': 'single',
            parameters: [
              {
                name: 'body',
                in: 'body',
                required: true,
                schema: { type: 'object', properties: { callback: { type: 'string', 'x-ms-notification-url': true } } },
              },
            ],
            responses: { '201': { description: 'Created' } },
          },
        },
        '/hooks/{id}': {
          delete: {
            operationId: 'DeleteHook',
            summary: 'Delete hook',
            description: 'Deletes a hook.',
            'x-ms-visibility': 'internal',
            parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
            responses: { '200': { description: 'Deleted' } },
          },
        },
      },
    };
    const file = join(tmp.dir, 'apiDefinition.swagger.json');
    writeFileSync(file, JSON.stringify(definition));
    assert.equal((await cli('import', file, '--out', join(tmp.dir, 'hooks'))).code, 0);
    const r = await cli('validate', join(tmp.dir, 'hooks', 'src', 'connector.ts'), '--format', 'json');
    const found = (JSON.parse(r.out) as { code: string; message: string }[]).filter((d) =>
      /notification/.test(d.message),
    );
    assert.deepEqual(
      found.map((d) => `${d.code} ${d.message}`),
      [
        'FP2118 webhook OnEvent: the notification URL is not required at every level',
        'FP2118 webhook OnEvent: the notification URL (or a parent) is not internal',
      ],
    );
  });

  it('flowport build runs the platform level and writes nothing when it fails', async () => {
    const file = join(tmp.dir, 'broken.ts');
    writeFileSync(
      file,
      `import { Action, Connector, Controller, Get, Query, Returns } from '@flowport/core';
@Controller()
export class C {
  @Get('/x') @Action({ summary: 'X' }) @Returns(200)
  x(@Query('q', { type: String, extensions: { 'x-ms-dynamic-values': { operationId: 'Nowhere' } } }) _q: string): void {}
}
export const connector = new Connector({ info: { title: 'T', description: 'A connector with a broken extension.', version: '1' }, brandColor: '#123456', controllers: [C] });
`,
    );
    const out = join(tmp.dir, 'out');
    const r = await cli('build', file, '--out', out);
    assert.equal(r.code, 1);
    assert.match(r.err, /error FP2015 dynamic-target-missing: x-ms-dynamic-values calls operationId "Nowhere"/);
    assert.match(r.err, /at C\.x param #0 \(q\)/);
    assert.equal(existsSync(out), false);
  });

  it('reports where a folder’s definition is not Swagger 2.0, instead of failing inside a rule', async () => {
    // Before, `parameters: {}` made a rule throw "(op.parameters ?? []).map is not a function".
    const definition = JSON.parse(readFileSync(join(EXAMPLE_CONNECTOR, 'apiDefinition.swagger.json'), 'utf8'));
    definition.paths['/health'].get.parameters = { top: 1 };
    definition.paths['/health'].get.responses['200'].schema = { type: 'obj' };
    writeFileSync(join(tmp.dir, 'apiDefinition.swagger.json'), JSON.stringify(definition));
    const r = await cli('validate', tmp.dir, '--format', 'json');
    assert.equal(r.code, 1, r.err);
    const found = (JSON.parse(r.out) as { code: string; message: string; at: { pointer: string } }[]).map((d) => [
      d.code,
      d.at.pointer,
      d.message,
    ]);
    assert.deepEqual(found, [
      ['FP2016', '/paths/~1health/get/parameters', 'the definition is not Swagger 2.0 here: must be array'],
      [
        'FP2016',
        '/paths/~1health/get/responses/200',
        'the definition is not Swagger 2.0 here: matches none of the forms the schema allows; likely /schema/type must be equal to one of the allowed values: "array", "boolean", "integer", "null", "number", "object", "string"',
      ],
    ]);
    writeFileSync(join(tmp.dir, 'apiDefinition.swagger.json'), 'null');
    assert.match(
      (await cli('validate', tmp.dir)).out,
      /error FP2016 swagger-schema: the definition is not Swagger 2\.0 here: must be object/,
    );
  });

  it('reports where a folder’s apiProperties.json does not have the shape the rules read', async () => {
    // Before, a policy list that was an object made a rule throw "… .entries is not a function", and
    // an apiProperties.json that was a list got "iconBrandColor "undefined"" and exit 0.
    writeFileSync(
      join(tmp.dir, 'apiDefinition.swagger.json'),
      readFileSync(join(EXAMPLE_CONNECTOR, 'apiDefinition.swagger.json')),
    );
    const properties = JSON.parse(readFileSync(join(EXAMPLE_CONNECTOR, 'apiProperties.json'), 'utf8'));
    properties.properties.policyTemplateInstances = {};
    properties.properties.connectionParameters.api_key = 'secret';
    writeFileSync(join(tmp.dir, 'apiProperties.json'), JSON.stringify(properties));
    const r = await cli('validate', tmp.dir, '--format', 'json');
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(
      (JSON.parse(r.out) as { code: string; message: string; at: { pointer: string } }[]).map((d) => [
        d.code,
        d.at.pointer,
        d.message,
      ]),
      [
        [
          'FP2017',
          'apiProperties.json#/properties/connectionParameters/api_key',
          'apiProperties.json does not have the shape the platform reads here: must be object',
        ],
        [
          'FP2017',
          'apiProperties.json#/properties/policyTemplateInstances',
          'apiProperties.json does not have the shape the platform reads here: must be array',
        ],
      ],
    );
    writeFileSync(join(tmp.dir, 'apiProperties.json'), '[1, 2]');
    const list = await cli('validate', tmp.dir);
    assert.equal(list.code, 1);
    assert.match(
      list.out,
      /error FP2017 api-properties-schema: .* must be object\n {2}at apiProperties\.json# \(.*apiProperties\.json:1:1\)\n/,
    );
  });

  it('reads a definition with a byte order mark, and says where one is not JSON', async () => {
    // It read files as JSON.parse does: a byte order mark was "not valid JSON", at no place.
    const definition = readFileSync(join(EXAMPLE_CONNECTOR, 'apiDefinition.swagger.json'));
    writeFileSync(
      join(tmp.dir, 'apiDefinition.swagger.json'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), definition]),
    );
    assert.equal((await cli('validate', tmp.dir)).code, 0);
    writeFileSync(join(tmp.dir, 'apiDefinition.swagger.json'), '{\n  "swagger": "2.0",\n  oops\n}');
    const broken = await cli('validate', tmp.dir);
    assert.equal(broken.code, 1);
    assert.match(broken.err, /apiDefinition\.swagger\.json at line 3, column 3: is not JSON/);
  });

  it('takes a definition file itself, with the apiProperties.json beside it', async () => {
    const r = await cli('validate', join(EXAMPLE_CONNECTOR, 'apiDefinition.swagger.json'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /apiDefinition\.swagger\.json: 0 error\(s\), 0 warning\(s\) at certification level/);
    // apiProperties.json beside the file is read: one without a publisher is reported.
    writeFileSync(
      join(tmp.dir, 'apiDefinition.swagger.json'),
      readFileSync(join(EXAMPLE_CONNECTOR, 'apiDefinition.swagger.json')),
    );
    const properties = JSON.parse(readFileSync(join(EXAMPLE_CONNECTOR, 'apiProperties.json'), 'utf8'));
    delete properties.properties.publisher;
    writeFileSync(join(tmp.dir, 'apiProperties.json'), JSON.stringify(properties));
    assert.match((await cli('validate', join(tmp.dir, 'apiDefinition.swagger.json'))).out, /FP2132 publisher-missing/);
    const missing = await cli('validate', join(tmp.dir, 'nothing.json'));
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no such file: .*nothing\.json/);
  });

  it('ends quietly when its reader stops early, with the status of a closed pipe', async () => {
    // Before, `flowport validate … | head` ended with an unhandled EPIPE error and its stack.
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++) paths[`/x${i}`] = { get: { operationId: `X${i}`, responses: { 200: {} } } };
    const definition = { swagger: '2.0', info: { title: 'Many', version: '1' }, paths };
    writeFileSync(join(tmp.dir, 'apiDefinition.swagger.json'), JSON.stringify(definition));
    const bin = join(ROOT, 'packages', 'cli', 'dist', 'bin.js');
    const child = spawn(process.execPath, [bin, 'validate', tmp.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const [status] = (await once(child, 'exit')) as [number];
    assert.equal(stderr, '');
    assert.equal(status, 141);
  });

  it('refuses an unknown level or format', async () => {
    assert.equal((await cli('validate', CONNECTORS.example, '--level', 'strict')).code, 2);
    assert.equal((await cli('validate', CONNECTORS.example, '--format', 'xml')).code, 2);
  });
});
