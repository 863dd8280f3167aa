import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import type { Class } from '../types';
import { isBytesSchema } from './bytes';
import type { SchemaModel } from './model';

/** What the check reads of the definitions made so far. */
export interface DefinedClasses {
  nameOf(cls: Class): string | undefined;
  schemaNamed(name: string): SchemaModel | undefined;
  classNamed(name: string): Class | undefined;
}

/**
 * Whether a recorded `design:type` says nothing to compare: unions, `any` and interfaces are
 * recorded as Object, and a class imported as a type only (`import type { Tag }`) as Function.
 */
export function saysNothing(declared: unknown): boolean {
  return typeof declared !== 'function' || declared === Object || declared === Function;
}

/** A declared type as a finding names it. */
export function declaredName(declared: Function): string {
  return declared === Array ? 'an array' : declared.name;
}

/** What a declared primitive (or Date) is handed over as, by the value kind the schema gives it. */
const PRIMITIVE_DECLARATIONS = new Map<unknown, string>([
  [String, 'a string'],
  [Number, 'a number'],
  [Boolean, 'a boolean'],
  [Date, 'a Date'],
]);

/** The kind of value a one-value schema hands the handler, as {@link PRIMITIVE_DECLARATIONS} names it. */
function valueKind(s: SchemaModel): string | undefined {
  if (s.ref !== undefined || s.type === 'object') return 'an object';
  if (s.runtimeType === 'Date') return 'a Date';
  if (s.type === 'integer' || s.type === 'number') return 'a number';
  if (s.type === 'string') return 'a string';
  if (s.type === 'boolean') return 'a boolean';
  return undefined;
}

/** What a declared type and a schema disagree on, each as a finding names it. */
export interface Contradiction {
  readonly declared: string;
  readonly given: string;
}

/**
 * Which way a value goes between the schema and the declaration: `in`, the schema's value is
 * handed to what is declared (a parameter, a property), so a subclass of the declared class is
 * taken; `out`, what is declared goes out under the schema (a handler's answer), so the declared
 * class must be the schema's class or a subclass of it.
 */
export type Direction = 'in' | 'out';

/**
 * Where a TypeScript declaration and a schema say different things of one value: a list where the
 * declaration says one value, or the reverse; a number where it says string, a string where it
 * says Date; an instance of an unrelated class (see {@link Direction}). Unions, `any` and
 * interfaces (recorded as Object) say nothing to compare, and a plain object (`type: 'object'`)
 * may stand for a class of the app's that only types it.
 */
export function contradiction(
  declared: unknown,
  given: SchemaModel,
  defined: DefinedClasses,
  direction: Direction,
): Contradiction | undefined {
  if (saysNothing(declared) || given.literal !== undefined) return undefined;
  const type = declared as Function;
  // The declared class itself (a named array definition, `@Schema({ type: [Item] })`) agrees.
  if (given.ref !== undefined && defined.nameOf(type as Class) === given.ref) return undefined;
  const list =
    given.type === 'array' || (given.ref !== undefined && defined.schemaNamed(given.ref)?.type === 'array')
      ? true
      : given.type !== undefined || given.ref !== undefined
        ? false
        : undefined;
  if (list === undefined) return undefined;
  if ((type === Array) !== list) return { declared: declaredName(type), given: list ? 'an array' : 'one value' };
  if (type === Array) return undefined;
  const handed = valueKind(given);
  // Bytes have their own check (FP1428), which says what reaches the handler instead.
  if (handed === undefined || isBytesSchema(given)) return undefined;
  const expected = PRIMITIVE_DECLARATIONS.get(type);
  const givenClass = given.ref !== undefined ? defined.classNamed(given.ref) : given.runtimeClass;
  const agrees =
    expected !== undefined
      ? expected === handed ||
        // JSON.stringify writes a Date as its date-time text, which a string published so takes.
        (direction === 'out' && type === Date && handed === 'a string' && given.format !== 'date') ||
        // The other way, a string answered where a Date is published (`toISOString()`) is a string
        // in JSON as the Date is; whether it is a date-time is validateResponses' to check.
        (direction === 'out' && type === String && handed === 'a Date')
      : givenClass === undefined
        ? handed === 'an object'
        : givenClass === type ||
          (direction === 'in' ? givenClass.prototype instanceof type : type.prototype instanceof givenClass);
  return agrees ? undefined : { declared: type.name, given: givenClass?.name ?? handed };
}

/**
 * A `type` option that hands the handler another value than the declared TypeScript type says
 * (FP1420): `@Field({ type: [Tag] }) tag!: Tag` handed an array typed as a Tag, `@Query('top',
 * { type: 'integer' }) top: string` a number, and the like (see {@link contradiction}).
 */
export function checkDeclaredShape(
  declared: unknown,
  given: SchemaModel,
  at: SourceLocation,
  bag: DiagnosticBag,
  defined: DefinedClasses,
): void {
  const found = contradiction(declared, given, defined, 'in');
  if (found) bag.report('typeOptionContradicts', at, { ...found });
}
