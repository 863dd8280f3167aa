import 'reflect-metadata';
import type { Class } from '../types';
import type { ConstraintRecord, ControllerRecord, FieldRecord, MethodRecord, SchemaRecord } from './records';

/**
 * Metadata lives on the decorated classes themselves (no global registry). The keys are
 * registered symbols so that two copies of this package (the CLI's and the app's) read the same
 * records. Each class holds only what its own decorators recorded; the query helpers below walk
 * the prototype chain so that subclasses inherit and override their bases.
 */
const CONTROLLER = Symbol.for('flowport:controller');
const METHODS = Symbol.for('flowport:methods');
const FIELDS = Symbol.for('flowport:fields');
const SCHEMA = Symbol.for('flowport:schema');
const CONSTRAINTS = Symbol.for('flowport:constraints');

function own<T>(key: symbol, target: object, create: () => T): T {
  let value = Reflect.getOwnMetadata(key, target) as T | undefined;
  if (value === undefined) {
    value = create();
    Reflect.defineMetadata(key, value, target);
  }
  return value;
}

/** The second argument an ECMAScript (TC39) decorator gets, where a legacy one gets the member's name. */
function isDecoratorContext(member: unknown): member is { readonly kind: string; readonly name: unknown } {
  return typeof member === 'object' && member !== null && 'kind' in member && 'name' in member;
}

/**
 * The class a decorator on a method, property or parameter records on. On a static member the
 * target is the class itself, and its `constructor` is `Function`: the record would land there,
 * where no class looks, and the member would silently not count.
 */
export function classOf(
  target: object,
  member: string | symbol | undefined,
  decorator: string,
  place = 'a handler method',
): Function {
  // TypeScript 5 without `experimentalDecorators` compiles ECMAScript decorators, which get the
  // member's value and a context object: before, "Cannot read properties of undefined" as the
  // module loaded, after tsc's own errors, which do not say which option is missing.
  if (isDecoratorContext(member)) {
    throw new TypeError(
      `${decorator} on ${String(member.name)} was called as an ECMAScript decorator; Flowport's are TypeScript's experimental decorators: set "experimentalDecorators": true and "emitDecoratorMetadata": true in the compilerOptions of tsconfig.json`,
    );
  }
  // Applied to a class, a member decorator gets the class and no member: JavaScript, or a build
  // that does not type-check (flowport build does not), lets that through.
  if (member === undefined) {
    const cls = (target as { name?: string }).name || 'a class';
    throw new TypeError(`${decorator} goes on ${place}; it was applied to the class ${cls}`);
  }
  if (typeof target === 'function') {
    throw new TypeError(
      `${decorator} on static member ${target.name}.${String(member)}: Flowport reads instance methods and properties; remove \`static\``,
    );
  }
  // Before, the symbol's description became the name: a property "Symbol(s)" the instance never
  // had, or a handler looked up by that string, which was a 500 at every call.
  if (typeof member === 'symbol') {
    throw new TypeError(
      `${decorator} on ${target.constructor.name}[${String(member)}]: a symbol names no JSON property or handler; give ${place} a string name`,
    );
  }
  return target.constructor;
}

/**
 * Refuses a property decorator applied to a handler's parameter, where it gets the parameter's
 * position as a third argument: it would record on a property named as the method, which nothing
 * reads, so `@Min(1)` on a query parameter was neither published nor enforced. `fix` says how the
 * parameter's options say the same.
 */
export function notOnParameter(
  target: object,
  key: string | symbol | undefined,
  position: unknown,
  decorator: string,
  fix: string,
): void {
  if (typeof position !== 'number') return;
  const cls = typeof target === 'function' ? target : target.constructor;
  const where =
    key === undefined
      ? `constructor parameter #${position} of ${cls.name}`
      : `parameter #${position} of ${cls.name}.${String(key)}`;
  throw new TypeError(`${decorator} goes on a DTO property; it was applied to ${where}: ${fix}`);
}

/**
 * The class of a DTO property a decorator is on. One named `__proto__` is refused: every request
 * that carried it would be refused (the adapter answers such a key with 400, since it could reach a
 * prototype), and its schema would have been written onto the prototype of the schema's
 * `properties` instead.
 */
export function propertyClassOf(
  target: object,
  key: string | symbol | undefined,
  decorator: string,
  place = 'a DTO property',
): Function {
  const cls = classOf(target, key, decorator, place);
  if (key === '__proto__') {
    throw new TypeError(
      `${decorator} on ${cls.name}.__proto__: no request may carry a property of that name, since it could reach an object's prototype; rename the property`,
    );
  }
  return cls;
}

/**
 * The class a class decorator records on. Applied to a method, property or parameter instead, it
 * gets that member's name too, and the record would land on a prototype no class looks at.
 */
export function onClass<T extends Function>(target: T, member: readonly unknown[], decorator: string): T {
  if (member[0] !== undefined) {
    const owner = typeof target === 'function' ? target.name : (target as object).constructor.name;
    throw new TypeError(`${decorator} goes on a class; it was applied to ${owner}.${String(member[0])}`);
  }
  return target;
}

/** The record for one method of a class, created on first use. */
export function methodRecord(ctor: Function, method: string): MethodRecord {
  const methods = own(METHODS, ctor, () => new Map<string, MethodRecord>());
  let rec = methods.get(method);
  if (!rec) {
    rec = { responses: [], parameters: [], applied: [] };
    methods.set(method, rec);
  }
  return rec;
}

/** Merges options into the record of one DTO property. */
export function mergeField(ctor: Function, property: string, options: FieldRecord): void {
  const fields = own(FIELDS, ctor, () => new Map<string, FieldRecord>());
  const prev = fields.get(property) ?? {};
  // Extensions only where one declares some: an empty `extensions` read as an annotation, and a
  // class-typed property with one was inlined in the definition instead of referring to its class's.
  const extensions =
    prev.extensions || options.extensions ? { extensions: { ...prev.extensions, ...options.extensions } } : {};
  fields.set(property, { ...prev, ...options, ...extensions });
}

/** Appends a constraint decorator's record, in the order the decorators run. */
export function addConstraint(ctor: Function, record: ConstraintRecord): void {
  own(CONSTRAINTS, ctor, (): ConstraintRecord[] => []).push(record);
}

/** The constraints `ctor` itself declares (not its bases'). */
export function ownConstraints(ctor: Function): readonly ConstraintRecord[] {
  return (Reflect.getOwnMetadata(CONSTRAINTS, ctor) as ConstraintRecord[] | undefined) ?? [];
}

export function setController(ctor: Function, record: ControllerRecord): void {
  Reflect.defineMetadata(CONTROLLER, record, ctor);
}

export function setSchema(ctor: Function, record: SchemaRecord): void {
  Reflect.defineMetadata(SCHEMA, record, ctor);
}

/**
 * Where a class's instances find a member: the nearest class on the prototype chain that writes
 * it, and how (a method, an accessor, a value). Undefined for an instance field, which lives on
 * the instance, and for what only Object.prototype has.
 */
export function memberOf(ctor: Class, name: string): { owner: Function; descriptor: PropertyDescriptor } | undefined {
  for (let p: object | null = ctor.prototype as object; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const descriptor = Object.getOwnPropertyDescriptor(p, name);
    if (descriptor) return { owner: (p as { constructor: Function }).constructor, descriptor };
  }
  return undefined;
}

/** Classes from the root base down to `ctor` itself. */
export function lineage(ctor: Class): Function[] {
  const chain: Function[] = [];
  for (let c: unknown = ctor; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    chain.unshift(c as Function);
  }
  return chain;
}

/** The class's own `@Controller` record (not inherited: a base controller is not routed). */
export function controllerOf(ctor: Class): ControllerRecord | undefined {
  return Reflect.getOwnMetadata(CONTROLLER, ctor) as ControllerRecord | undefined;
}

export function schemaOf(ctor: Class): SchemaRecord | undefined {
  return Reflect.getOwnMetadata(SCHEMA, ctor) as SchemaRecord | undefined;
}

/** Method records over the whole chain, base first; a subclass's record replaces its base's. */
export function methodsOf(ctor: Class): Map<string, MethodRecord> {
  const merged = new Map<string, MethodRecord>();
  for (const c of lineage(ctor)) {
    const methods = Reflect.getOwnMetadata(METHODS, c) as Map<string, MethodRecord> | undefined;
    for (const [name, rec] of methods ?? []) merged.set(name, rec);
  }
  return merged;
}

/** The properties `ctor` itself declares `@Field` options for (not its bases). */
export function ownFieldNames(ctor: Function): string[] {
  return [...((Reflect.getOwnMetadata(FIELDS, ctor) as Map<string, FieldRecord> | undefined)?.keys() ?? [])];
}

/** Field records over the whole chain, base first, each property's options merged. */
export function fieldsOf(ctor: Class): Map<string, FieldRecord> {
  const merged = new Map<string, FieldRecord>();
  for (const c of lineage(ctor)) {
    const fields = Reflect.getOwnMetadata(FIELDS, c) as Map<string, FieldRecord> | undefined;
    for (const [name, rec] of fields ?? []) merged.set(name, { ...merged.get(name), ...rec });
  }
  return merged;
}
