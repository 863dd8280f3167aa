import 'reflect-metadata';
import { checkFieldOptions, checkSchemaOptions } from './described-options';
import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import { fieldsOf, lineage, memberOf, ownFieldNames, schemaOf } from '../metadata/store';
import type { FieldOptions } from '../decorators/field';
import type { Class, TypeRef } from '../types';
import { transformerTypeOf, unappliedTransforms } from './class-transformer-metadata';
import { initialValues } from './initial-values';
import { ownValidatedProperties } from './class-validator-metadata';
import { constraintsOf, type Constraint } from './constraints';
import { checkKeywords } from './keyword-checks';
import { converters } from './converters';
import {
  checkDeclaredShape,
  contradiction,
  type Contradiction,
  type DefinedClasses,
  type Direction,
} from './declared-shape';
import { typeFix } from './type-fix';
import { designType } from './design-type';
import { typesValue, writtenBy } from './constraint-types';
import { applyDescribed } from './describe';
import type { SchemaModel, SchemaTable } from './model';
import { isBytesClass, isPlatformClass } from './platform-classes';
import { NO_METADATA, RECORDED_AS_OBJECT, resolveTypeRef } from './type-ref';

/**
 * Turns DTO classes into named schemas, once per class. Every class becomes one definition
 * named after the class (or `@Schema({ name })`); properties come from class-validator
 * constraints, class-transformer `@Type` and Flowport `@Field` options, walking inheritance.
 */
export class SchemaRegistry {
  readonly table: SchemaTable = new Map();
  private readonly names = new Map<Class, string>();
  /** The class of each definition name given so far, to find a clash without scanning every class. */
  private readonly byName = new Map<string, Class>();

  private readonly inline = new Map<Class, SchemaModel>();

  /** The definitions made so far, as the declared-type checks read them. */
  private readonly defined: DefinedClasses = {
    nameOf: (cls) => this.names.get(cls),
    schemaNamed: (name) => this.table.get(name),
    classNamed: (name) => this.byName.get(name),
  };

  /**
   * @param conventions - add Flowport's companions (e.g. `x-ms-dynamic-list` beside
   *   `x-ms-dynamic-values`); false for a connector emitted as declared.
   */
  constructor(
    readonly bag: DiagnosticBag,
    private readonly unknownProperties: 'reject' | 'allow',
    readonly conventions = true,
  ) {}

  /** Whether object schemas are closed (`additionalProperties: false`) by default. */
  get closedObjects(): boolean {
    return this.unknownProperties === 'reject';
  }

  /** The schema of a `TypeRef`: a `{ ref }` for classes, inline for everything else. */
  schemaFor(t: TypeRef | undefined, at: SourceLocation): SchemaModel {
    const r = resolveTypeRef(t);
    switch (r.kind) {
      case 'primitive': {
        const s: SchemaModel = r.format ? { type: r.type, format: r.format } : { type: r.type };
        if (r.runtimeType) s.runtimeType = r.runtimeType;
        return s;
      }
      case 'file':
        return { type: 'file' };
      case 'binary':
        return { type: 'string', format: 'binary' };
      case 'object':
        return { type: 'object' };
      case 'any':
        return {};
      case 'array':
        return { type: 'array', items: this.schemaFor(r.items, at) };
      case 'literal':
        return { literal: r.schema };
      case 'described': {
        const s = this.schemaFor(r.type, at);
        applyDescribed(s, r.options, this.bag, at, this.conventions);
        if (r.options.title !== undefined) s.title = r.options.title;
        return s;
      }
      case 'class':
        if (!this.names.has(r.cls) && isPlatformClass(r.cls)) return this.untyped(at, r.cls.name, r.cls);
        return schemaOf(r.cls)?.inline ? this.inlineSchema(r.cls) : { ref: this.define(r.cls) };
      case 'unknown':
        return this.untyped(at, r.found, r.builtIn);
    }
  }

  /** A type with no JSON form, reported where it is used, with the way to say what was meant. */
  private untyped(at: SourceLocation, found: string, type: unknown): SchemaModel {
    this.bag.report('untypedProperty', at, { found, fix: typeFix(at, found, isBytesClass(type)) });
    return {};
  }

  /** The class behind each definition name. */
  classes(): Map<string, Class> {
    return new Map(this.byName);
  }

  /** Defines the class's schema (if new) and returns its definition name. */
  define(cls: Class): string {
    const known = this.names.get(cls);
    if (known) return known;
    const name = schemaOf(cls)?.name ?? cls.name;
    if (this.byName.has(name)) this.bag.report('schemaNameCollision', { class: cls.name }, { name });
    this.names.set(cls, name);
    this.byName.set(name, cls);
    this.table.set(name, {}); // placeholder first, so self-references terminate
    this.table.set(name, this.objectSchema(cls));
    return name;
  }

  /** An `@Schema({ inline: true })` class: its schema written in place, built once. */
  private inlineSchema(cls: Class): SchemaModel {
    let s = this.inline.get(cls);
    if (!s) {
      s = this.objectSchema(cls);
      // Written in place, it has no definition to find its class by; the runtime still builds one.
      if (s.properties) s.runtimeClass = cls;
      this.inline.set(cls, s);
    }
    // A copy, so a parameter's or field's annotations stay on that use.
    return { ...s };
  }

  /**
   * A body or response whose schema another operation supplies at design time
   * (`x-ms-dynamic-schema`): the flow sends, or expects, the properties that schema names, which
   * the class does not declare. A class closed only by the convention is therefore written in
   * place and open at this one use (its definition stays closed elsewhere); an explicit
   * `@Schema({ additionalProperties: false })` is kept as declared.
   */
  openToDynamicSchema(s: SchemaModel): SchemaModel {
    if (!this.conventions || s.ref === undefined || !(s.dynamicSchema || s.dynamicProperties)) return s;
    const target = this.table.get(s.ref);
    const cls = this.classes().get(s.ref);
    if (target?.additionalProperties !== false || !cls || schemaOf(cls)?.additionalProperties === false) return s;
    const { additionalProperties: _closed, ...open } = target;
    const { ref: _ref, ...annotations } = s;
    return { ...open, ...annotations, runtimeClass: cls };
  }

  /**
   * The object schema of a class without naming it (e.g. filters flattened into parameters);
   * `answered: false` for a class only a request carries (query parameters), which no answer writes.
   */
  describeClass(cls: Class, { answered = true }: { readonly answered?: boolean } = {}): SchemaModel {
    return this.objectSchema(cls, answered);
  }

  private objectSchema(cls: Class, answered = true): SchemaModel {
    const options = schemaOf(cls) ?? {};
    checkSchemaOptions(options, { class: cls.name }, this.bag, this.conventions);
    if (options.schema) return { literal: options.schema };
    if (options.type !== undefined) return this.schemaFor(options.type, { class: cls.name });
    const constraints = constraintsOf(cls);
    const fields = fieldsOf(cls);
    // Base-class properties first, then each subclass's, each in declaration order.
    // When every property carries a Flowport decorator, their record is the declaration order;
    // otherwise class-validator's properties come first, then the Field-only ones.
    // A finding about a property names the class that declares it (the last one in the chain that
    // decorates it), where it is fixed, not each subclass that inherits it.
    const declaredBy = new Map<string, Function>();
    const order = [
      ...new Set(
        lineage(cls).flatMap((c) => {
          const fields = ownFieldNames(c);
          // A property a subclass redeclares keeps the place its base gave it: its base's
          // class-validator constraints are not among the subclass's, and before, it moved to the
          // subclass's properties, in the designer and in answers.
          const validated = [
            ...new Set([
              ...ownValidatedProperties(c),
              ...constraints.filter((k) => k.target === c).map((k) => k.property),
            ]),
          ];
          const names = validated.every((p) => fields.includes(p)) ? fields : [...validated, ...fields];
          for (const name of names) declaredBy.set(name, c);
          return names;
        }),
      ),
    ];
    const schema: SchemaModel = { type: 'object', properties: {} };
    const required: string[] = [];
    for (const property of order) {
      const at = { class: (declaredBy.get(property) ?? cls).name, property };
      // Before, every request with it was a 500 ("Cannot set property … which has only a getter")
      // and every answer lacked it.
      const member = memberKind(cls, property);
      if (member === 'accessor') this.bag.report('accessorProperty', at);
      // Before, it read as an untyped property ("Function"), and the hint asked for its type.
      if (member === 'method') {
        this.bag.report('methodProperty', at);
        continue;
      }
      const own = constraints.filter((c) => c.property === property);
      const field = fields.get(property) ?? {};
      checkFieldOptions(field, at, this.bag);
      const optional = own.some((c) => c.kind === 'optional') && !own.some((c) => c.kind === 'defined');
      // Before, the option won without a word: the schema required what class-validator skips.
      if (optional && field.required === true) this.bag.report('conflictingRequired', at);
      const isRequired = (field.required ?? !optional) === true;
      if (isRequired) required.push(property);
      // What a handler sees where a request leaves an optional property out is its default.
      const initial = isRequired || !this.conventions ? undefined : initialValues(cls).get(property);
      schema.properties![property] = this.propertySchema(cls, property, own, field, at, { initial, answered });
    }
    if (required.length > 0) schema.required = required;
    const extra = options.additionalProperties;
    // Before, a class whose properties have no decorator (TypeScript records none of them) was
    // published as an empty object that refused every property: each request with one was a 400.
    if (order.length === 0 && extra === undefined && this.conventions)
      this.bag.report('classWithoutFields', { class: cls.name });
    if (extra === undefined) {
      if (this.unknownProperties === 'reject') schema.additionalProperties = false;
    } else if (extra === false || (extra === true && !this.conventions)) {
      schema.additionalProperties = extra;
    } else if (extra !== true) {
      schema.additionalProperties = this.schemaFor(extra, { class: cls.name });
    }
    if (options.description !== undefined) schema.description = options.description;
    if (options.summary !== undefined) schema.summary = options.summary;
    if (options.title !== undefined) schema.title = options.title;
    if (options.visibility !== undefined) schema.visibility = options.visibility;
    if (options.extensions) schema.extensions = { ...options.extensions };
    return schema;
  }

  private propertySchema(
    cls: Class,
    property: string,
    constraints: readonly Constraint[],
    field: FieldOptions,
    at: SourceLocation,
    { initial, answered }: { readonly initial: unknown; readonly answered: boolean },
  ): SchemaModel {
    const s = this.baseSchema(cls, property, constraints, field, at);
    for (const effect of unappliedTransforms(cls, property)) this.bag.report('unappliedTransform', at, { effect });
    // One contradiction is one report: a constraint that changes the type back is the same one.
    let conflicting = false;
    for (const c of constraints) {
      if (c.groups)
        this.bag.report('validationGroups', at, {
          constraint: decoratorName(c.name),
          groups: c.groups.map((g) => JSON.stringify(g)).join(', '),
        });
      if (c.kind === 'custom') {
        s.runtimeConstraints = [...(s.runtimeConstraints ?? []), c.name];
        continue;
      }
      if (c.kind === 'conditional') {
        this.bag.report('unsupportedConstraint', at, { constraint: '@ValidateIf' });
        continue;
      }
      if (c.kind !== 'builtIn') continue;
      const convert = converters[c.name];
      if (!convert) {
        this.bag.report('unsupportedConstraint', at, { constraint: decoratorName(c.name) });
        continue;
      }
      if (c.name === 'matches') this.checkFlags(c, at);
      const target = c.each && s.type === 'array' && s.items ? (s.items = { ...s.items }) : s;
      if (target.ref) {
        // A constraint on a class-typed value has nothing to constrain in the reference itself.
        continue;
      }
      const before = target.type;
      const unsupported = convert(target, c.args);
      if (typeof unsupported === 'string') {
        this.bag.report('unsupportedConstraintArguments', at, {
          constraint: decoratorName(c.name),
          reason: unsupported,
        });
      }
      // @IsInt narrows a `number` declaration; any other change of type is a contradiction.
      const after = target.type;
      if (!conflicting && before && after && before !== after && !(before === 'number' && after === 'integer')) {
        this.bag.report('conflictingTypes', at, { first: before, second: after });
        conflicting = true;
      }
    }
    applyDescribed(s, field, this.bag, at, this.conventions);
    if (initial !== undefined && s.default === undefined && s.ref === undefined && s.literal === undefined)
      s.default = initial;
    // An answer's Date goes through Date#toJSON, which always writes a date-time: with another
    // format, a handler that returns what it was given breaks its own definition.
    const date = s.runtimeType === 'Date' ? s : s.items?.runtimeType === 'Date' ? s.items : undefined;
    if (date && date.format !== 'date-time' && answered)
      this.bag.report('dateFieldFormat', at, { format: String(date.format) });
    // A flag of another type is reported by checkFieldOptions, and sets nothing.
    if (field.nullable === true) s.nullable = true;
    if (field.readOnly === true) s.readOnly = true;
    if (field.title !== undefined) s.title = field.title;
    if (field.mediaKind) s.mediaKind = field.mediaKind;
    if (field.notificationUrl === true) s.notificationUrl = true;
    if (field.editor === 'dictionary') {
      s.editor = field.editor;
      if (s.type !== 'object' || s.additionalProperties === undefined || s.additionalProperties === false) {
        this.bag.report('editorNeedsDictionary', at);
      }
    }
    if (s.type === 'file') this.bag.report('fileOutsideFormData', at);
    // An imported connector keeps its own keywords, as written.
    if (this.conventions) checkKeywords(s, this.bag, at);
    return s;
  }

  private baseSchema(
    cls: Class,
    property: string,
    constraints: readonly Constraint[],
    field: FieldOptions,
    at: SourceLocation,
  ): SchemaModel {
    if (field.additionalProperties !== undefined) {
      const values = field.additionalProperties;
      return {
        type: 'object',
        additionalProperties: typeof values === 'boolean' ? values : this.schemaFor(values, at),
      };
    }
    if (field.type !== undefined) {
      const given = this.schemaFor(field.type, at);
      this.checkDeclaredShape(designType(Reflect.getMetadata('design:type', cls.prototype, property)), given, at);
      return given;
    }
    const declared = designType(Reflect.getMetadata('design:type', cls.prototype, property));
    const transformed = transformerTypeOf(cls, property);
    // @IsArray (or @ArrayMinSize…) says a list where the declaration recorded none: `string[] |
    // null`, which TypeScript records as Object, or an alias of a list, which swc does. Before, an
    // `each` constraint then typed the property itself (FP1406, "integer and array"), and a
    // nullable list could not be built.
    const listed =
      (declared === undefined || declared === Object) &&
      constraints.some((c) => !c.each && writtenBy(c)?.type === 'array');
    if (declared === Array || listed) {
      const items = transformed ?? this.itemTypeFromEach(constraints);
      if (items === undefined) {
        this.bag.report('untypedArray', at);
        return { type: 'array', items: {} };
      }
      return {
        type: 'array',
        items: transformed === undefined ? (items as SchemaModel) : this.schemaFor(transformed as TypeRef, at),
      };
    }
    if (transformed !== undefined && transformed !== Object) return this.schemaFor(transformed as TypeRef, at);
    if (declared !== Object && declared !== undefined) return this.schemaFor(declared as TypeRef, at);
    // A union or `any`: constraints such as @IsString may still say what it is.
    if (constraints.some((c) => !c.each && typesValue(c))) return {};
    const found = declared === Object ? RECORDED_AS_OBJECT : NO_METADATA;
    this.bag.report('untypedProperty', at, { found, fix: typeFix(at, found) });
    return {};
  }

  /** A `type` option against the declared TypeScript type: see {@link checkDeclaredShape}. */
  checkDeclaredShape(declared: unknown, given: SchemaModel, at: SourceLocation): void {
    checkDeclaredShape(declared, given, at, this.bag, this.defined);
  }

  /** Where a declared TypeScript type and a schema disagree: see {@link contradiction}. */
  contradiction(declared: unknown, given: SchemaModel, direction: Direction): Contradiction | undefined {
    return contradiction(declared, given, this.defined, direction);
  }

  private itemTypeFromEach(constraints: readonly Constraint[]): SchemaModel | undefined {
    const each = constraints.find((c) => c.each && typesValue(c));
    return each && writtenBy(each);
  }

  private checkFlags(c: Constraint, at: SourceLocation): void {
    const re = c.args[0];
    const flags = re instanceof RegExp ? re.flags : String(c.args[1] ?? '');
    if (flags.replace(/[gu]/g, '') !== '') {
      this.bag.report('invalidPattern', at, { pattern: String(re), flags });
    }
  }
}

/** Decorators whose name is not their constraint's name capitalised. */
const DECORATOR_NAMES: Record<string, string> = {
  isUuid: 'IsUUID',
  isIso8601: 'IsISO8601',
  nestedValidation: 'ValidateNested',
  whitelistValidation: 'Allow',
};

/** How a constraint is written in a DTO: `isEmail` → `@IsEmail`, `isUuid` → `@IsUUID`. */
function decoratorName(constraint: string): string {
  return `@${DECORATOR_NAMES[constraint] ?? `${constraint[0].toUpperCase()}${constraint.slice(1)}`}`;
}

/** What a decorated member is on the class's prototype chain: a plain property is on neither. */
function memberKind(cls: Class, property: string): 'accessor' | 'method' | undefined {
  const d = memberOf(cls, property)?.descriptor;
  if (d === undefined) return undefined;
  if (d.get !== undefined || d.set !== undefined) return 'accessor';
  return typeof d.value === 'function' ? 'method' : undefined;
}
