import { registerTypeScript } from '@flowport/cli';
import { DiagnosticError, resolve, type Connector } from '@flowport/core';
import { emitFiles } from '@flowport/core/documents';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './support/cli';
import { scratch } from './support/tmp';
import { TYPESCRIPTS, tscSays } from './support/typescript';

const DEFINITION = 'apiDefinition.swagger.json';

/** A strict tsconfig.json of the app, with decorator metadata, that compiles `file` into dist. */
function writeTsconfig(dir: string, file: string): void {
  const compilerOptions = {
    target: 'es2022',
    module: 'commonjs',
    strict: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    outDir: 'dist',
    types: ['node'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: [file] }));
}

/** Types of another module: swc, which `flowport build` compiles with, cannot tell them from classes. */
const TYPES = `
export enum Colour { Red = 'red', Blue = 'blue' }
export enum Priority { Low = 1, High = 3 }
export const Size = { Small: 's', Large: 'l' } as const;
export type Size = (typeof Size)[keyof typeof Size];
export type PaintId = string;
export type Shades = string[];
`;

const CONNECTOR = `
import { Action, Connector, Controller, Field, Get, IsArray, IsEnum, IsInt, IsOptional, IsString, MaxLength, Query, Returns, Summary } from '@flowport/core';
import { Colour, PaintId, Priority, Shades, Size } from './types';

export class Paint {
  @Summary('Colour') @IsEnum(Colour) colour!: Colour;
  @Summary('Priority') @IsOptional() @IsEnum(Priority) priority?: Priority;
  @Summary('Size') @IsEnum(Size) size!: Size;
  // Aliases, which swc records as Object and tsc as what they name, typed by their constraints.
  @Summary('ID') @IsOptional() @IsString() @MaxLength(8) id?: PaintId;
  @Summary('Shades') @IsOptional() @IsArray() @IsString({ each: true }) shades?: Shades;
  // Recorded as Object by both.
  @Field({ summary: 'Mixes', nullable: true }) @IsOptional() @IsArray() @IsInt({ each: true }) mixes?: number[] | null;
}

@Controller('/paints')
export class Paints {
  @Get()
  @Action({ id: 'ListPaints', summary: 'List paints', description: 'Lists the paints of a colour.' })
  @Returns(200, [Paint])
  list(@Query('colour', { enum: Colour }) colour: Colour, @Query('priority', { enum: Priority }) priority?: Priority): Paint[] {
    return [{ colour, priority, size: Size.Small }];
  }

  @Get('/first')
  @Action({ id: 'FirstColour', summary: 'First colour', description: 'Names the first colour.' })
  @Returns(200, String)
  first(): Colour {
    return Colour.Red;
  }
}

export const connector = new Connector({
  info: { title: 'Paints', description: 'The paints of a connector a test writes.', version: '1.0.0' },
  brandColor: '#123456',
  controllers: [Paints],
});
`;

describe('types named from another module, and aliases', function () {
  this.timeout(120000);
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = scratch());
    writeFileSync(join(dir, 'types.ts'), TYPES);
    writeFileSync(join(dir, 'connector.ts'), CONNECTOR);
    writeTsconfig(dir, 'connector.ts');
  });
  after(() => cleanup());

  it('are built by flowport build as the tsc-compiled app publishes them: an enum as its values’ type, a list as a list', async () => {
    const built = await cli('build', join(dir, 'connector.ts'), '--out', join(dir, 'connector'));
    assert.equal(built.code, 0, built.err);
    const definition = JSON.parse(readFileSync(join(dir, 'connector', DEFINITION), 'utf8'));
    assert.deepEqual(
      Object.fromEntries(
        Object.entries(definition.definitions.Paint.properties).map(([k, v]) => [k, (v as { type: string }).type]),
      ),
      { colour: 'string', priority: 'number', size: 'string', id: 'string', shades: 'array', mixes: 'array' },
    );
    assert.deepEqual(
      definition.paths['/paints'].get.parameters.map((p: { type: string; enum: unknown[] }) => [p.type, p.enum]),
      [
        ['string', ['red', 'blue']],
        ['number', [1, 3]],
      ],
    );

    assert.equal(tscSays(TYPESCRIPTS[1], dir), '');
    const app = require(join(dir, 'dist', 'connector.js')) as { connector: Connector }; // eslint-disable-line @typescript-eslint/no-require-imports
    assert.equal(
      emitFiles(resolve(app.connector))[DEFINITION],
      readFileSync(join(dir, 'connector', DEFINITION), 'utf8'),
      'the definition the app serves is the one the build wrote',
    );
  });
});

/** Declared types of a property, each under each constraint set, in a class of its own. */
const DECLARED: Readonly<Record<string, string>> = {
  String: 'p!: string',
  Optional: 'p?: string',
  Number: 'p!: number',
  Boolean: 'p!: boolean',
  Date: 'p!: Date',
  List: 'p!: string[]',
  StringOrNull: 'p!: string | null',
  DateOrNull: 'p!: Date | null',
  ListOrNull: 'p!: string[] | null',
  LocalEnum: 'p!: Local',
  Enum: 'p!: Colour',
  NumericEnum: 'p!: Priority',
  Constants: 'p!: Size',
  Class: 'p!: Remote',
  Classes: 'p!: Remote[]',
  Record: 'p!: Record<string, number>',
  Literals: "p!: 'a' | 'b'",
};
const CONSTRAINED: Readonly<Record<string, string>> = {
  Bare: '',
  IsString: '@IsString()',
  IsInt: '@IsInt()',
  EachString: '@IsArray() @IsString({ each: true })',
  IsDate: '@IsDate()',
  IsEnum: '@IsEnum(Colour)',
  Matches: '@Matches(/^[a-z]+$/)',
  Nullable: '@Field({ nullable: true })',
  IsIn: "@IsIn(['a', 'b'])",
  Nested: '@ValidateNested() @Type(() => Remote)',
};

/** A module of one connector per declared type and constraint set, whose action takes it as its body. */
function matrix(): string {
  const lines = [
    "import { Body, Connector, Controller, Field, IsArray, IsDate, IsEnum, IsIn, IsInt, IsString, Matches, Post, Returns, Summary } from '@flowport/core';",
    "import { Type } from 'class-transformer';",
    "import { ValidateNested } from 'class-validator';",
    "import { Colour, Priority, Remote, Size } from './types';",
    "export enum Local { Red = 'red' }",
    'export const CONNECTORS: [string, Connector][] = [];',
  ];
  for (const [type, declaration] of Object.entries(DECLARED)) {
    for (const [constraint, decorators] of Object.entries(CONSTRAINED)) {
      const name = `${type}${constraint}`;
      lines.push(
        `export class ${name} { @Summary('P') ${decorators} ${declaration}; }`,
        `@Controller('/${name}') class ${name}Api { @Post() @Returns(204) take(@Body() _b: ${name}): void {} }`,
        `CONNECTORS.push(['${name}', new Connector({ info: { title: '${name}', description: 'One declaration under one constraint set.', version: '1' }, brandColor: '#123456', controllers: [${name}Api] })]);`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The connectors of a module the matrix wrote. */
function connectorsOf(module: string): [string, Connector][] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(module) as { CONNECTORS: [string, Connector][] }).CONNECTORS;
}

/** What each connector publishes for its body class, or the codes that refuse it. */
function readings(connectors: readonly [string, Connector][]): Map<string, string> {
  return new Map(
    connectors.map(([name, connector]) => {
      try {
        const definition = JSON.parse(emitFiles(resolve(connector))[DEFINITION]);
        return [name, JSON.stringify(definition.definitions[name])];
      } catch (err) {
        if (!(err instanceof DiagnosticError)) throw err;
        return [name, err.diagnostics.map((d) => d.code).join(',')];
      }
    }),
  );
}

describe('every other declaration, under each constraint set', function () {
  this.timeout(120000);
  let tmp: ReturnType<typeof scratch>;
  before(() => {
    tmp = scratch();
    writeFileSync(
      join(tmp.dir, 'types.ts'),
      `${TYPES}import { IsString, Summary } from '@flowport/core';\nexport class Remote { @Summary('Y') @IsString() y!: string; }\n`,
    );
    writeFileSync(join(tmp.dir, 'matrix.ts'), matrix());
    writeTsconfig(tmp.dir, 'matrix.ts');
  });
  after(() => tmp?.cleanup());

  it('is read by swc, as flowport build loads it, as tsc compiles it for the app', () => {
    // Only a type alias, which swc cannot see through, may be read otherwise (see above).
    const unregister = registerTypeScript();
    let built: Map<string, string>;
    try {
      built = readings(connectorsOf(join(tmp.dir, 'matrix.ts')));
    } finally {
      unregister();
    }
    assert.equal(tscSays(TYPESCRIPTS[1], tmp.dir), '');
    const served = readings(connectorsOf(join(tmp.dir, 'dist', 'matrix.js')));
    assert.equal(built.size, Object.keys(DECLARED).length * Object.keys(CONSTRAINED).length);
    const differ = [...built].filter(([name, reading]) => served.get(name) !== reading);
    assert.deepEqual(
      differ.map(([name, reading]) => `${name}: ${reading} | ${served.get(name)}`),
      [],
      'flowport build and the app publish each declaration alike',
    );
  });
});
