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
      assert.notDeepEqual(ours, schemaOf(dto(declared, [])), 'the decorator changes nothing');
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
