import { annotations, withExtensions, type OperationLookup } from './annotations';
import { code, literal, type Code } from './code';
import { pascalCase, type Namer } from './names';
import { entry, follow, isObject, type Json } from './read';

/** Property names a class field cannot carry (see `classable`). */
const NOT_A_FIELD = new Set(['constructor', '__proto__']);

/** One property of a DTO class. */
export interface FieldSpec {
  readonly key: string;
  readonly optional: boolean;
  /** The TypeScript type; `direct` names a class it depends on at load time (design:type). */
  ts: string;
  readonly direct?: string;
  readonly options: Json;
  readonly validators: string[];
  readonly notes: string[];
}

/** One DTO class: a definition or an object a definition writes inline. */
export interface ClassSpec {
  readonly name: string;
  readonly schemaOptions: Json;
  readonly fields: FieldSpec[];
  readonly notes: string[];
}

/** How a schema is referred to from a decorator: the `type` option and the TypeScript type. */
export interface TypeUse {
  /** A TypeRef expression, or undefined when the TypeScript type says it all (`string`). */
  readonly ref?: Code;
  readonly ts: string;
  /** A class the TypeScript type names directly. */
  readonly direct?: string;
}

const PRIMITIVE: Record<string, { ts: string; ref?: Code; wrapper: Code }> = {
  string: { ts: 'string', wrapper: code('String') },
  number: { ts: 'number', wrapper: code('Number') },
  boolean: { ts: 'boolean', wrapper: code('Boolean') },
  integer: { ts: 'number', ref: code("'integer'"), wrapper: code("'integer'") },
};

/** Constraint keywords a DTO field writes as constraint decorators (`@flowport/core`). */
const VALIDATORS: Record<string, (v: number) => string> = {
  minLength: (v) => `@MinLength(${v})`,
  maxLength: (v) => `@MaxLength(${v})`,
  minimum: (v) => `@Min(${v})`,
  maximum: (v) => `@Max(${v})`,
  minItems: (v) => `@ArrayMinSize(${v})`,
  maxItems: (v) => `@ArrayMaxSize(${v})`,
  multipleOf: (v) => `@IsDivisibleBy(${v})`,
};

const FIELD_STRUCTURE = new Set(['type', 'items', 'properties', 'required', 'additionalProperties', '$ref']);

/**
 * Writes DTO classes for a definition's schemas. Named definitions become classes published under
 * their own name; inline objects become `@Schema({ inline: true })` classes, one per distinct
 * shape. A schema no class can express exactly (no type beside properties, keys Flowport has no
 * option for) is written as a literal, so nothing is lost.
 */
export class SchemaWriter {
  readonly classes: ClassSpec[] = [];
  /** Definition name → class name. */
  readonly definitions = new Map<string, string>();
  private readonly inlineByShape = new Map<string, string>();
  private readonly pending: [string, Json, string][] = [];
  /** Constraint decorators in use, so that each gets imported. */
  readonly validatorsUsed = new Set<string>();
  /** Grows with every literal made: a change tells a caller that its attempt fell back to one. */
  private literalsMade = 0;
  /** The text of every `{ schema }` literal made, to count the ones the output keeps. */
  readonly literalCode = new Set<string>();

  constructor(
    private readonly doc: Json,
    private readonly namer: Namer,
    private readonly ops: OperationLookup,
  ) {}

  /** Names every definition first (so references in any order resolve), then writes them. */
  declareDefinitions(): void {
    const defs = isObject(this.doc.definitions) ? this.doc.definitions : {};
    for (const name of Object.keys(defs)) this.definitions.set(name, this.namer.unique(pascalCase(name), 'Model'));
    for (const [name, schema] of Object.entries(defs)) {
      const cls = this.definitions.get(name)!;
      this.classes.push(this.classSpec(cls, isObject(schema) ? schema : {}, { name: name === cls ? undefined : name }));
    }
    this.flush();
  }

  /** The TypeRef for a body, response, notification or array item. */
  typeOf(schema: unknown, hint: string): TypeUse {
    const use = this.use(schema, hint);
    this.flush();
    return use;
  }

  private use(schema: unknown, hint: string): TypeUse {
    if (!isObject(schema)) return this.literal(schema);
    const ref = this.refClass(schema);
    if (ref) return { ref: code(`() => ${ref}`), ts: ref, direct: ref };
    const keys = Object.keys(schema);
    const only = (...allowed: string[]) => keys.every((k) => allowed.includes(k));
    const p = typeof schema.type === 'string' ? entry(PRIMITIVE, schema.type) : undefined;
    if (p && only('type')) return { ref: p.wrapper, ts: p.ts };
    if (schema.type === 'string' && schema.format === 'binary' && only('type', 'format'))
      return { ref: code("'binary'"), ts: 'Buffer' };
    if (schema.type === 'file' && only('type')) return { ref: code("'file'"), ts: 'Buffer' };
    if (schema.type === 'object' && only('type')) return { ref: code("'object'"), ts: 'Record<string, unknown>' };
    if (keys.length === 0) return { ref: code("'any'"), ts: 'unknown' };
    if (schema.type === 'array' && only('type', 'items') && schema.items !== undefined) {
      const item = this.use(schema.items, `${hint}Item`);
      return { ref: code(`[${item.ref?.text ?? 'String'}]`), ts: arrayOf(item.ts) };
    }
    if (this.classable(schema)) {
      const name = this.inlineClass(schema, hint);
      return { ref: code(`() => ${name}`), ts: name, direct: name };
    }
    return this.describedType(schema, hint) ?? this.literal(schema);
  }

  /** A type with annotations beside it: `described(Number, { format: 'float' })`. */
  private describedType(schema: Json, hint: string): TypeUse | undefined {
    const keys = ['type', 'items', 'properties', 'required', 'additionalProperties', '$ref'];
    const a = annotations(schema, new Set(keys), 'type', this.ops);
    if (a.leftovers.length > 0 || Object.keys(a.options).length + Object.keys(a.extensions).length === 0)
      return undefined;
    const structure = Object.fromEntries(Object.entries(schema).filter(([k]) => keys.includes(k)));
    const before = this.literalsMade;
    const inner = this.use(structure, hint);
    if (this.literalsMade !== before || !inner.ref) return undefined;
    return {
      ref: code(`described(${inner.ref.text}, ${literal(withExtensions(a))})`),
      ts: inner.ts,
      direct: inner.direct,
    };
  }

  /** A schema written as is: `{ schema: { … } }`. References inside stay `$ref`s to definitions. */
  private literal(schema: unknown): TypeUse {
    this.literalsMade++;
    const ref = code(literal({ schema }));
    this.literalCode.add(ref.text);
    return { ref, ts: tsGuess(schema) };
  }

  /** The class of a pure `$ref` to a definition. */
  private refClass(schema: Json): string | undefined {
    if (typeof schema.$ref !== 'string' || Object.keys(schema).length !== 1) return undefined;
    const m = /^#\/definitions\/(.+)$/.exec(schema.$ref);
    const name = m ? decodeURIComponent(m[1]).replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
    return name === undefined ? undefined : this.definitions.get(name);
  }

  /**
   * Whether a DTO class reproduces this object schema exactly. A property named `constructor`
   * cannot be declared as a class field, and one named `__proto__` would be read through the
   * prototype chain; schemas with either are written as literals.
   */
  private classable(s: Json): boolean {
    if (s.type !== 'object' || !isObject(s.properties)) return false;
    const props = Object.keys(s.properties);
    if (props.some((p) => NOT_A_FIELD.has(p))) return false;
    if (s.required !== undefined) {
      if (!Array.isArray(s.required) || !s.required.every((r) => typeof r === 'string' && props.includes(r)))
        return false;
      if (new Set(s.required).size !== s.required.length) return false;
    }
    const extra = s.additionalProperties;
    if (extra !== undefined && typeof extra !== 'boolean' && !isObject(extra)) return false;
    const structural = new Set(['type', 'properties', 'required', 'additionalProperties']);
    const a = annotations(s, structural, 'field', this.ops);
    const own = ['description', 'summary', 'title', 'visibility'];
    return a.leftovers.length === 0 && Object.keys(a.options).every((k) => own.includes(k));
  }

  private inlineClass(schema: Json, hint: string): string {
    const shape = JSON.stringify(schema);
    const known = this.inlineByShape.get(shape);
    if (known) return known;
    const name = this.namer.unique(pascalCase(hint), 'Model');
    this.inlineByShape.set(shape, name);
    this.pending.push([name, schema, hint]);
    return name;
  }

  /** Writes queued inline classes; each may queue more. */
  private flush(): void {
    for (let next = this.pending.shift(); next; next = this.pending.shift()) {
      const [name, schema] = next;
      this.classes.push(this.classSpec(name, schema, { inline: true }));
    }
  }

  private classSpec(name: string, s: Json, base: Json): ClassSpec {
    if (!this.classable(s)) {
      // A named schema that is not an object with properties: its type, else the schema as is.
      const before = this.literalsMade;
      const type = base.inline ? undefined : this.use(s, `${name}Item`);
      if (type?.ref && this.literalsMade === before)
        return { name, schemaOptions: { ...base, type: type.ref }, fields: [], notes: [] };
      return { name, schemaOptions: { ...base, schema: s }, fields: [], notes: [] };
    }
    const structural = new Set(['type', 'properties', 'required', 'additionalProperties']);
    const a = annotations(s, structural, 'field', this.ops);
    const options: Json = { ...base, ...withExtensions(a) };
    if (typeof s.additionalProperties === 'boolean') options.additionalProperties = s.additionalProperties;
    else if (isObject(s.additionalProperties)) {
      options.additionalProperties = this.use(s.additionalProperties, `${name}Value`).ref ?? code('String');
    }
    const required = Array.isArray(s.required) ? (s.required as string[]) : [];
    const properties = s.properties as Json;
    // Fields in `required` order first when the two orders disagree: `required` is an ordered list.
    const inOrder = Object.keys(properties).filter((k) => required.includes(k));
    const keys = inOrder.every((k, i) => k === required[i])
      ? Object.keys(properties)
      : [...required, ...Object.keys(properties).filter((k) => !required.includes(k))];
    const fields = keys.map((k) => this.field(name, k, properties[k], required.includes(k)));
    return { name, schemaOptions: options, fields, notes: a.notes };
  }

  private field(owner: string, key: string, schema: unknown, required: boolean): FieldSpec {
    const hint = `${owner}${pascalCase(key, 'Value')}`;
    const s = isObject(schema) ? schema : {};
    const a = annotations(s, new Set([...FIELD_STRUCTURE, ...Object.keys(VALIDATORS)]), 'field', this.ops);
    const validators: string[] = [];
    for (const [k, make] of Object.entries(VALIDATORS)) {
      if (s[k] === undefined) continue;
      if (typeof s[k] !== 'number') a.leftovers.push(k);
      else {
        validators.push(make(s[k] as number));
        this.validatorsUsed.add(/^@(\w+)/.exec(make(0))![1]);
      }
    }
    const type = this.fieldType(s, hint);
    // The registry puts no constraint on a reference, and beside a `$ref` the emitter keeps only
    // annotations: anything else there, or a shape no option takes, stays literal.
    const besideRef = ['summary', 'description', 'visibility', 'nullable', 'readOnly', 'default', 'example'];
    const refKeepsAll =
      s.$ref === undefined ||
      (validators.length === 0 &&
        Object.keys(a.options).every((k) => [...besideRef, 'testValue', 'title'].includes(k)));
    if (!type || a.leftovers.length > 0 || !isObject(schema) || !refKeepsAll)
      return this.literalField(key, schema, required);
    const options: Json = { ...(type.ref ? { type: type.ref } : {}), ...withExtensions(a) };
    if (type.additional !== undefined) options.additionalProperties = type.additional;
    if (!required) this.validatorsUsed.add('IsOptional');
    return {
      key,
      optional: !required,
      ts: type.ts,
      direct: type.direct,
      options,
      validators: required ? validators : [...validators, '@IsOptional()'],
      notes: a.notes,
    };
  }

  /** A field whose schema is written as is. */
  private literalField(key: string, schema: unknown, required: boolean): FieldSpec {
    const use = this.literal(schema);
    if (!required) this.validatorsUsed.add('IsOptional');
    return {
      key,
      optional: !required,
      ts: use.ts,
      options: { type: use.ref },
      validators: required ? [] : ['@IsOptional()'],
      notes: [],
    };
  }

  /** The type of a field; undefined when only a literal can say it. */
  private fieldType(s: Json, hint: string): (TypeUse & { additional?: unknown }) | undefined {
    if (s.$ref !== undefined) {
      // Annotations beside a `$ref` are fine (the emitter inlines one level); structure is not.
      if (['type', 'items', 'properties', 'required', 'additionalProperties'].some((k) => k in s)) return undefined;
      const cls = this.refClass({ $ref: s.$ref });
      return cls ? { ref: code(`() => ${cls}`), ts: cls, direct: cls } : undefined;
    }
    const type = s.type;
    if (type === undefined) {
      return s.items === undefined && s.properties === undefined && s.additionalProperties === undefined
        ? { ref: code("'any'"), ts: 'unknown' }
        : undefined;
    }
    if (typeof type !== 'string') return undefined;
    const p = entry(PRIMITIVE, type);
    if (p) return { ref: p.ref, ts: p.ts };
    if (type === 'array') {
      if (s.items === undefined) return undefined;
      const item = this.use(s.items, `${hint}Item`);
      return { ref: code(`[${item.ref?.text ?? 'String'}]`), ts: arrayOf(item.ts) };
    }
    if (type !== 'object') return undefined;
    if (s.properties !== undefined) {
      const inner = { ...s };
      for (const k of Object.keys(inner))
        if (!['type', 'properties', 'required', 'additionalProperties'].includes(k)) delete inner[k];
      if (!this.classable(inner)) return undefined;
      const name = this.inlineClass(inner, hint);
      return { ref: code(`() => ${name}`), ts: name, direct: name };
    }
    const extra = s.additionalProperties;
    if (extra === undefined) return { ref: code("'object'"), ts: 'Record<string, unknown>' };
    if (typeof extra === 'boolean') return { ts: 'Record<string, unknown>', additional: extra };
    if (!isObject(extra)) return undefined;
    const value = this.use(extra, `${hint}Value`);
    return { ts: `Record<string, ${value.ts}>`, additional: value.ref ?? code('String') };
  }

  /** Resolves a non-definition `$ref` (e.g. into `#/parameters`) to the value it points at. */
  deref(v: unknown): unknown {
    return isObject(v) && typeof v.$ref === 'string' && !v.$ref.startsWith('#/definitions/')
      ? follow(this.doc, v.$ref)
      : v;
  }
}

function arrayOf(ts: string): string {
  return /^[\w.]+$/.test(ts) ? `${ts}[]` : `Array<${ts}>`;
}

/** A readable TypeScript type for a literal schema. */
function tsGuess(schema: unknown): string {
  if (!isObject(schema)) return 'unknown';
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'unknown[]';
    case 'object':
      return 'Record<string, unknown>';
    default:
      return 'unknown';
  }
}
