import assert from 'node:assert/strict';
import * as cv from 'class-validator';
import { DiagnosticBag } from '../diagnostics/diagnostic';
import { SchemaRegistry } from '../schema/registry';
import type { Class } from '../types';
import * as fp from './constraints';

type Decorators = PropertyDecorator[];

/** A class with one property `value` of the declared type, carrying the given decorators. */
function dto(declared: Function, decorators: Decorators): Class {
  const cls = class {};
  Reflect.defineMetadata('design:type', declared, cls.prototype, 'value');
  // TypeScript applies a property's decorators bottom-up; so does this.
  for (const d of [...decorators].reverse()) d(cls.prototype, 'value');
  return cls;
}

function schemaOf(cls: Class): unknown {
  const bag = new DiagnosticBag();
  const schema = new SchemaRegistry(bag, 'reject').describeClass(cls);
  assert.deepEqual(bag.errors, []);
  return schema;
}

enum Colour {
  Red = 'red',
  Blue = 'blue',
}

/**
 * Each Flowport decorator beside the class-validator decorator it stands for: both must give the
 * same schema (and so the same runtime validation).
 */
const cases: Record<string, [Function, Decorators, Decorators]> = {
  IsOptional: [String, [fp.IsOptional(), fp.IsString()], [cv.IsOptional(), cv.IsString()]],
  IsDefined: [String, [fp.IsDefined(), fp.IsString()], [cv.IsDefined(), cv.IsString()]],
  IsString: [Object, [fp.IsString()], [cv.IsString()]],
  IsNumber: [Object, [fp.IsNumber()], [cv.IsNumber()]],
  IsInt: [Number, [fp.IsInt()], [cv.IsInt()]],
  IsBoolean: [Object, [fp.IsBoolean()], [cv.IsBoolean()]],
  IsArray: [Array, [fp.IsArray(), fp.IsString({ each: true })], [cv.IsArray(), cv.IsString({ each: true })]],
  IsObject: [Object, [fp.IsObject()], [cv.IsObject()]],
  IsNotEmptyObject: [Object, [fp.IsObject(), fp.IsNotEmptyObject()], [cv.IsObject(), cv.IsNotEmptyObject()]],
  IsDate: [String, [fp.IsDate()], [cv.IsDate()]],
  IsDateString: [String, [fp.IsDateString()], [cv.IsDateString()]],
  IsISO8601: [String, [fp.IsISO8601()], [cv.IsISO8601()]],
  IsRFC3339: [String, [fp.IsRFC3339()], [cv.IsRFC3339()]],
  IsEmail: [String, [fp.IsEmail()], [cv.IsEmail()]],
  IsUrl: [String, [fp.IsUrl()], [cv.IsUrl()]],
  IsUUID: [String, [fp.IsUUID()], [cv.IsUUID()]],
  IsBase64: [String, [fp.IsBase64()], [cv.IsBase64()]],
  IsNotEmpty: [String, [fp.IsNotEmpty()], [cv.IsNotEmpty()]],
  MinLength: [String, [fp.MinLength(2)], [cv.MinLength(2)]],
  MaxLength: [String, [fp.MaxLength(5)], [cv.MaxLength(5)]],
  Length: [String, [fp.Length(1, 4)], [cv.Length(1, 4)]],
  Matches: [String, [fp.Matches(/^a+$/)], [cv.Matches(/^a+$/)]],
  Min: [Number, [fp.Min(1)], [cv.Min(1)]],
  Max: [Number, [fp.Max(9)], [cv.Max(9)]],
  IsPositive: [Number, [fp.IsPositive()], [cv.IsPositive()]],
  IsNegative: [Number, [fp.IsNegative()], [cv.IsNegative()]],
  IsDivisibleBy: [Number, [fp.IsDivisibleBy(3)], [cv.IsDivisibleBy(3)]],
  IsIn: [Object, [fp.IsIn(['a', 'b'])], [cv.IsIn(['a', 'b'])]],
  IsEnum: [String, [fp.IsEnum(Colour)], [cv.IsEnum(Colour)]],
  Equals: [String, [fp.Equals('x')], [cv.Equals('x')]],
  ArrayMinSize: [Array, [fp.ArrayMinSize(1), fp.IsInt({ each: true })], [cv.ArrayMinSize(1), cv.IsInt({ each: true })]],
  ArrayMaxSize: [Array, [fp.ArrayMaxSize(3), fp.IsInt({ each: true })], [cv.ArrayMaxSize(3), cv.IsInt({ each: true })]],
  ArrayNotEmpty: [
    Array,
    [fp.ArrayNotEmpty(), fp.IsInt({ each: true })],
    [cv.ArrayNotEmpty(), cv.IsInt({ each: true })],
  ],
  ArrayUnique: [Array, [fp.ArrayUnique(), fp.IsInt({ each: true })], [cv.ArrayUnique(), cv.IsInt({ each: true })]],
  IsHexColor: [String, [fp.IsHexColor()], [cv.IsHexColor()]],
  IsAlpha: [String, [fp.IsAlpha()], [cv.IsAlpha()]],
  IsAlphanumeric: [String, [fp.IsAlphanumeric()], [cv.IsAlphanumeric()]],
  IsNumberString: [String, [fp.IsNumberString()], [cv.IsNumberString()]],
  IsBooleanString: [String, [fp.IsBooleanString()], [cv.IsBooleanString()]],
};

describe("Flowport's constraint decorators", () => {
  it('cover every exported decorator', () => {
    const exported = Object.entries(fp)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k);
    assert.deepEqual(exported.sort(), Object.keys(cases).sort());
  });

  for (const [name, [declared, flowport, classValidator]] of Object.entries(cases)) {
    it(`@${name} gives the schema class-validator's @${name} gives`, () => {
      const ours = schemaOf(dto(declared, flowport));
      assert.deepEqual(ours, schemaOf(dto(declared, classValidator)));
      // A class without the decorator has no field (FP1422): compared, not checked.
      const bare = new SchemaRegistry(new DiagnosticBag(), 'reject').describeClass(dto(declared, []));
      assert.notDeepEqual(ours, bare, 'the decorator changes nothing');
    });
  }

  it('@Matches takes a source and flags as class-validator does, and refuses flags JSON Schema lacks', () => {
    assert.deepEqual(
      schemaOf(dto(String, [fp.Matches('^b+$', 'u')])),
      schemaOf(dto(String, [cv.Matches('^b+$', 'u')])),
    );
    assert.deepEqual(
      schemaOf(dto(Array, [fp.IsString({ each: true }), fp.Matches(/^c$/, { each: true })])),
      schemaOf(dto(Array, [cv.IsString({ each: true }), cv.Matches(/^c$/, { each: true })])),
    );
    const bag = new DiagnosticBag();
    new SchemaRegistry(bag, 'reject').describeClass(dto(String, [fp.Matches(/^a$/i)]));
    assert.deepEqual(
      bag.errors.map((d) => d.code),
      ['FP1405'],
    );
  });

  it('@IsUUID takes a version as class-validator does, and publishes the pattern validator.js checks', () => {
    for (const version of ['4', 7, 'nil', 'max', 'loose'] as const) {
      assert.deepEqual(schemaOf(dto(String, [fp.IsUUID(version)])), schemaOf(dto(String, [cv.IsUUID(version)])));
    }
    assert.deepEqual(schemaOf(dto(String, [fp.IsUUID('all')])), schemaOf(dto(String, [fp.IsUUID()])));
    assert.deepEqual(
      schemaOf(dto(Array, [fp.IsUUID('4', { each: true })])),
      schemaOf(dto(Array, [cv.IsUUID('4', { each: true })])),
    );

    // Each published pattern accepts exactly what class-validator's check of that version accepts.
    const samples = [
      ...['1', '4', '7', '8', '9', 'a'].flatMap((v) => [
        `c232ab00-9414-${v}1ec-b3c8-9f68deced846`,
        `C232AB00-9414-${v}1EC-83C8-9F68DECED846`,
        `c232ab00-9414-${v}1ec-c3c8-9f68deced846`,
      ]),
      '00000000-0000-0000-0000-000000000000',
      'FFFFFFFF-ffff-FFFF-ffff-FFFFFFFFFFFF',
      'urn:uuid:c232ab00-9414-41ec-b3c8-9f68deced846',
      'c232ab00941441ecb3c89f68deced846',
      'c232ab00-9414-41ec-b3c8-9f68deced84',
    ];
    for (const version of ['1', '2', '3', '4', '5', '6', '7', '8', 'nil', 'max', 'loose'] as const) {
      const { pattern } = (
        schemaOf(dto(String, [fp.IsUUID(version)])) as { properties: { value: { pattern: string } } }
      ).properties.value;
      assert.equal(typeof pattern, 'string');
      for (const sample of samples) {
        assert.equal(new RegExp(pattern).test(sample), cv.isUUID(sample, version), `version ${version}: ${sample}`);
      }
    }
  });

  it('refuses class-validator arguments the schema cannot carry, and takes those it already says', () => {
    const errors = (declared: Function, decorator: PropertyDecorator): string[] => {
      const bag = new DiagnosticBag();
      // An object property needs @IsObject to be typed at all.
      const typed = declared === Object ? [cv.IsObject(), decorator] : [decorator];
      new SchemaRegistry(bag, 'reject').describeClass(dto(declared, typed));
      return bag.errors.map((d) => `${d.code} ${d.message}`);
    };
    const refused: [Function, PropertyDecorator, string][] = [
      [String, cv.IsEmail({ require_tld: false }), '@IsEmail: its options { require_tld: false }'],
      [String, cv.IsUrl({ require_protocol: true }), '@IsUrl: its options { require_protocol: true }'],
      [Number, cv.IsNumber({ maxDecimalPlaces: 2 }), '@IsNumber: its options { maxDecimalPlaces: 2 }'],
      [Number, cv.IsNumber({ allowNaN: true }), '@IsNumber: its options { allowNaN: true }'],
      [String, cv.IsDateString({ strictSeparator: true }), '@IsDateString: its options { strictSeparator: true }'],
      [String, cv.IsISO8601({ strictSeparator: true }), '@IsISO8601: its options { strictSeparator: true }'],
      [String, cv.IsBase64({ urlSafe: true }), '@IsBase64: its options { urlSafe: true }'],
      [String, cv.IsNumberString({ no_symbols: true }), '@IsNumberString: its options { no_symbols: true }'],
      [Object, cv.IsNotEmptyObject({ nullable: true }), '@IsNotEmptyObject: its options { nullable: true }'],
      [
        String,
        cv.IsAlpha('de-DE'),
        '@IsAlpha: its pattern allows the letters of en-US only, not those of locale "de-DE"',
      ],
      [String, cv.IsAlphanumeric('fr-FR'), '@IsAlphanumeric: its pattern allows the letters of en-US only'],
      [String, cv.IsUUID('9' as '4'), '@IsUUID: "9" is not a UUID version (1 to 8, all, loose, nil or max)'],
    ];
    for (const [declared, decorator, message] of refused) {
      const found = errors(declared, decorator);
      assert.equal(found.length, 1, message);
      assert.ok(found[0].startsWith(`FP1408 ${message}`), found[0]);
    }
    const taken: [Function, PropertyDecorator][] = [
      [String, cv.IsEmail({})],
      [Number, cv.IsNumber({ allowNaN: false, allowInfinity: false })],
      [String, cv.IsDateString({ strict: true })],
      [String, cv.IsISO8601({ strict: false })],
      [String, cv.IsBase64({ urlSafe: false })],
      [String, cv.IsAlpha('en-US')],
      [String, cv.IsUUID('all')],
      [Object, cv.IsNotEmptyObject({ nullable: false })],
    ];
    for (const [declared, decorator] of taken) assert.deepEqual(errors(declared, decorator), []);
  });

  it('a subclass inherits its base constraints and replaces those it redeclares by name', () => {
    class Base {
      @fp.IsOptional()
      @fp.IsString()
      @fp.MaxLength(10)
      name?: string;

      @fp.IsInt()
      @fp.Min(0)
      count!: number;
    }
    class Child extends Base {
      @fp.MaxLength(3)
      override name?: string;

      @fp.IsString()
      note!: string;
    }
    assert.deepEqual(schemaOf(Child), {
      type: 'object',
      properties: {
        name: { type: 'string', maxLength: 3 },
        count: { type: 'integer', minimum: 0 },
        note: { type: 'string' },
      },
      required: ['count', 'note'],
      additionalProperties: false,
    });
    assert.deepEqual((schemaOf(Base) as { properties: { name: unknown } }).properties.name, {
      type: 'string',
      maxLength: 10,
    });
  });

  it('mix with class-validator decorators on one class', () => {
    class Mixed {
      @cv.IsString()
      @fp.MaxLength(4)
      code!: string;

      @fp.IsInt()
      @cv.Max(7)
      size!: number;
    }
    assert.deepEqual(schemaOf(Mixed), {
      type: 'object',
      properties: { code: { type: 'string', maxLength: 4 }, size: { type: 'integer', maximum: 7 } },
      required: ['code', 'size'],
      additionalProperties: false,
    });
  });
});
