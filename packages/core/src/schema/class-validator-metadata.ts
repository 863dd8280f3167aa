import type { Class } from '../types';
import type { Constraint } from './constraints';

/** The part of class-validator's store Flowport reads. */
interface ClassValidatorStorage {
  readonly validationMetadatas?: unknown;
  getTargetValidationMetadatas(target: Function, schema: string, always: boolean, strictGroups: boolean): unknown[];
}

/**
 * class-validator's store, if the app has loaded class-validator. It keeps the store on the
 * global object (its `getMetadataStorage`), created when its first decorator runs, so reading it
 * there lets an app that uses only Flowport's decorators never load class-validator's 318
 * modules.
 */
function classValidatorStorage(): ClassValidatorStorage | undefined {
  return (globalThis as { classValidatorMetadataStorage?: ClassValidatorStorage }).classValidatorMetadataStorage;
}

let builtInNames: Set<string> | undefined;

/**
 * Built-in constraint names, taken from class-validator's own exported constants (`IS_STRING`
 * = 'isString', …) so that the list follows the installed version and user-defined custom
 * constraints can be told apart from built-ins without a list of our own. Read on first need,
 * which comes only once class-validator's decorators have run.
 */
function classValidatorBuiltIns(): Set<string> {
  builtInNames ??= new Set(
    Object.entries(loadClassValidator() as Record<string, unknown>)
      .filter(([k, v]) => /^[A-Z0-9_]+$/.test(k) && typeof v === 'string')
      .map(([, v]) => v as string),
  );
  return builtInNames;
}

/**
 * class-validator's exports, for code that runs only once the app has loaded it (its decorators
 * filled the store). Required inside `try`: the peer is optional, and a bundler (esbuild) leaves a
 * require there to run time where the app does not install it, instead of refusing to bundle the
 * app. Typed `unknown` so that the published declarations never name a package the app may lack.
 */
export function loadClassValidator(): unknown {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('class-validator') as unknown;
  } catch (err) {
    throw new Error('class-validator cannot be loaded, though its decorators ran: install it beside the app', {
      cause: err,
    });
  }
}

/** One entry of class-validator's store, as far as Flowport reads it. */
export interface RawMetadata {
  target: Function | string;
  type: string;
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
  groups?: string[];
}

/** class-validator's constraints on a class and its bases, in declaration order. */
export function classValidatorConstraintsOf(cls: Class): Constraint[] {
  return validationMetadatas(cls).map((m) => ({
    target: typeof m.target === 'function' ? m.target : cls,
    property: m.propertyName,
    name: m.name ?? m.type,
    kind: kindOf(m),
    args: m.constraints ?? [],
    each: m.each === true,
    ...(m.groups?.length ? { groups: [...m.groups] } : {}),
  }));
}

/**
 * What `getTargetValidationMetadatas(cls, '', true, false)` returns: the class's own metadata, then
 * its bases' for properties and types the class does not redeclare.
 *
 * That method tests every registered class for being a base of `cls` on each call
 * (typestack/class-validator#2686), which makes a build quadratic in the number of DTOs: 160 DTOs
 * cost 13 ms of a 60 ms first resolve. Since 0.14 the store keeps metadata in a map by class, so
 * the bases can be looked up along the prototype chain instead. Where that reading is not certain
 * (another store layout, a base whose prototype is not its own, two validated bases whose order
 * only the map knows), class-validator answers itself.
 */
export function validationMetadatas(cls: Class): RawMetadata[] {
  const storage = classValidatorStorage();
  if (!storage) return [];
  const byClass: unknown = storage.validationMetadatas;
  return (
    (byClass instanceof Map && alongPrototypeChain(cls, byClass as Map<unknown, RawMetadata[]>)) ||
    (storage.getTargetValidationMetadatas(cls, '', true, false) as RawMetadata[])
  );
}

function alongPrototypeChain(cls: Class, byClass: Map<unknown, RawMetadata[]>): RawMetadata[] | undefined {
  if (typeof cls.prototype !== 'object' || cls.prototype === null) return undefined;
  const own = byClass.get(cls) ?? [];
  let inherited: RawMetadata[] | undefined;
  for (let proto: unknown = Object.getPrototypeOf(cls.prototype); proto; proto = Object.getPrototypeOf(proto)) {
    const base: unknown = (proto as { constructor?: unknown }).constructor;
    if (typeof base !== 'function' || base.prototype !== proto) return undefined;
    const found = byClass.get(base);
    if (!found) continue;
    if (inherited) return undefined;
    inherited = found;
  }
  if (!inherited) return [...own];
  const redeclared = (m: RawMetadata) => own.some((o) => o.propertyName === m.propertyName && o.type === m.type);
  return [...own, ...inherited.filter((m) => !redeclared(m))];
}

/**
 * The properties `cls` itself validates, in declaration order, including those a subclass
 * redeclares (which {@link validationMetadatas} of the subclass leaves out of the base's).
 */
export function ownValidatedProperties(cls: Function): string[] {
  const storage = classValidatorStorage();
  if (!storage) return [];
  const byClass: unknown = storage.validationMetadatas;
  const own =
    byClass instanceof Map
      ? ((byClass as Map<unknown, RawMetadata[]>).get(cls) ?? [])
      : (storage.getTargetValidationMetadatas(cls, '', true, false) as RawMetadata[]).filter((m) => m.target === cls);
  return [...new Set(own.map((m) => m.propertyName))];
}

function kindOf(m: RawMetadata): Constraint['kind'] {
  switch (m.type) {
    case 'conditionalValidation':
      return m.name === 'isOptional' ? 'optional' : 'conditional';
    case 'nestedValidation':
      return 'nested';
    case 'whitelistValidation':
      return 'allow';
    case 'isDefined':
      return 'defined';
    case 'customValidation':
      return m.name !== undefined && classValidatorBuiltIns().has(m.name) ? 'builtIn' : 'custom';
    default:
      return 'custom';
  }
}

/** True for class-validator's own constraint names (`isString`…), false for custom ones. */
export function isBuiltInConstraint(name: string): boolean {
  return classValidatorStorage() !== undefined && classValidatorBuiltIns().has(name);
}
