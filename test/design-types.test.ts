import { resolve, type Connector } from '@flowport/core';
import { emitFiles } from '@flowport/core/documents';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './support/cli';
import { scratch } from './support/tmp';
import { TYPESCRIPTS, tscSays } from './support/typescript';

const DEFINITION = 'apiDefinition.swagger.json';

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
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          module: 'commonjs',
          strict: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          outDir: 'dist',
          types: ['node'],
        },
        files: ['connector.ts'],
      }),
    );
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
