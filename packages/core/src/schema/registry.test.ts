import assert from 'node:assert/strict';
import { Field } from '../decorators/field';
import { ArrayMinSize, IsArray, IsBase64, IsDate, IsInt, IsString, Matches, MaxLength } from 'class-validator';
import { IsDateString, IsOptional } from '../decorators/constraints';
import { DiagnosticBag } from '../diagnostics/diagnostic';
import { ConnectorSchemas } from '../emit/connector/schema';
import { oas3Schema } from '../emit/openapi3/schema';
import type { SchemaModel } from './model';
import { SchemaRegistry } from './registry';

describe('SchemaRegistry', () => {
  it('marks values declared as Date for the runtime, and publishes them as date-time strings', () => {
    class Slot {
      @Field({ summary: 'At' }) at!: Date;
      @Field({ summary: 'Reminders', type: [Date] }) @IsOptional() reminders?: Date[];
      @Field({ summary: 'Text' }) @IsDateString() text!: string;
    }
    const bag = new DiagnosticBag();
    const schema = new SchemaRegistry(bag, 'reject').describeClass(Slot);
    assert.deepEqual(bag.errors, []);
    const props = schema.properties as Record<string, SchemaModel>;
    assert.equal(props.at.runtimeType, 'Date');
    assert.equal(props.reminders.items?.runtimeType, 'Date');
    assert.equal(props.text.runtimeType, undefined, 'a string stays a string, date-time or not');

    const swagger = new ConnectorSchemas(new Map()).render(schema);
    const openapi = oas3Schema(schema);
    for (const doc of [swagger, openapi]) {
      const written = doc as { properties: Record<string, Record<string, unknown>> };
      assert.equal(written.properties.at.type, 'string');
      assert.equal(written.properties.at.format, 'date-time');
      assert.doesNotMatch(JSON.stringify(doc), /runtimeType|Date"/);
    }
  });

  it('keeps a property a subclass redeclares where its base declared it', () => {
    // class-validator leaves the base's constraints on a redeclared property out of the
    // subclass's; before, the property moved after the subclass's own, in the designer and in
    // the answers built from the class.
    class Base {
      @IsString() id!: string;
      @IsOptional() @IsInt() version?: number;
    }
    class Thing extends Base {
      @IsString() color!: string;
    }
    class Special extends Thing {
      @IsString() @MaxLength(8) declare id: string;
      @IsString() label!: string;
    }
    const bag = new DiagnosticBag();
    const schema = new SchemaRegistry(bag, 'reject').describeClass(Special);
    assert.deepEqual(bag.errors, []);
    assert.deepEqual(Object.keys(schema.properties ?? {}), ['id', 'version', 'color', 'label']);
    assert.deepEqual(schema.required, ['id', 'color', 'label']);
    assert.equal(schema.properties?.id.maxLength, 8);
  });

  it('reads @IsArray on a declaration TypeScript recorded as Object as a list, its `each` constraints as the items', () => {
    // `number[] | null` is recorded as Object, as swc records an alias of a list: before, @IsInt({
    // each: true }) typed the property itself, and the build stopped (FP1406 "integer and array").
    class Scores {
      @Field({ nullable: true }) @IsArray() @IsInt({ each: true }) codes!: number[] | null;
      @IsArray() @IsString({ each: true }) @MaxLength(4, { each: true }) @IsOptional() tags?: string[] | null;
    }
    const bag = new DiagnosticBag();
    const schema = new SchemaRegistry(bag, 'reject').describeClass(Scores);
    assert.deepEqual(bag.errors, []);
    assert.deepEqual(schema.properties?.codes, { type: 'array', items: { type: 'integer' }, nullable: true });
    assert.deepEqual(schema.properties?.tags, { type: 'array', items: { type: 'string', maxLength: 4 } });
  });

  it('hands a value typed by @IsDate alone to the handler as a Date, and one declared a string as a string', () => {
    class Slot {
      @Field({ nullable: true }) @IsDate() at!: Date | null;
      @IsDate({ each: true }) holds!: Date[];
      @IsDate() text!: string;
    }
    const bag = new DiagnosticBag();
    const props = new SchemaRegistry(bag, 'reject').describeClass(Slot).properties as Record<string, SchemaModel>;
    assert.deepEqual(bag.errors, []);
    assert.equal(props.at.runtimeType, 'Date');
    assert.equal(props.holds.items?.runtimeType, 'Date');
    assert.equal(props.text.runtimeType, undefined);
    assert.deepEqual(
      [props.at.format, props.holds.items?.format, props.text.format],
      ['date-time', 'date-time', 'date-time'],
    );
  });

  it('takes the type a constraint writes for a property recorded as Object, whichever constraint it is', () => {
    // Before, a fixed list of constraints typed such a property, and these stopped the build (FP1402).
    class Postal {
      @IsOptional() @Matches(/^\d{5}$/) zip?: string | null;
      @IsOptional() @IsBase64() photo?: string | null;
      @IsOptional() @ArrayMinSize(1) @Matches(/^[a-z]+$/, { each: true }) codes?: string[] | null;
    }
    const bag = new DiagnosticBag();
    const props = new SchemaRegistry(bag, 'reject').describeClass(Postal).properties as Record<string, SchemaModel>;
    assert.deepEqual(bag.errors, []);
    assert.deepEqual(props.zip, { type: 'string', pattern: '^\\d{5}$' });
    assert.deepEqual(props.photo, { type: 'string', format: 'byte' });
    assert.deepEqual(props.codes, { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' }, minItems: 1 });
  });
});
