import * as classValidator from 'class-validator';
import { getMetadataStorage } from 'class-validator';
import type { Class } from '../types';

/** One constraint as class-validator recorded it. */
export interface Constraint {
  /** The class whose decorator recorded it (a base class for inherited properties). */
  readonly target: Function;
  readonly property: string;
  /** `isString`, `isLength`, … or the name of a custom constraint. */
  readonly name: string;
  readonly kind: 'builtIn' | 'custom' | 'optional' | 'conditional' | 'nested' | 'allow' | 'defined';
  readonly args: readonly unknown[];
  readonly each: boolean;
}

/**
 * Built-in constraint names, taken from class-validator's own exported constants (`IS_STRING`
 * = 'isString', …) so that the list follows the installed version and user-defined custom
 * constraints can be told apart from built-ins without a list of our own.
 */
const builtInNames = new Set(
  Object.entries(classValidator)
    .filter(([k, v]) => /^[A-Z0-9_]+$/.test(k) && typeof v === 'string')
    .map(([, v]) => v as string),
);

interface RawMetadata {
  target: Function | string;
  type: string;
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
}

/** class-validator's constraints on a class and its bases, in declaration order. */
export function constraintsOf(cls: Class): Constraint[] {
  const raw = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false) as unknown as RawMetadata[];
  return raw.map((m) => ({
    target: typeof m.target === 'function' ? m.target : cls,
    property: m.propertyName,
    name: m.name ?? m.type,
    kind: kindOf(m),
    args: m.constraints ?? [],
    each: m.each === true,
  }));
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
      return m.name !== undefined && builtInNames.has(m.name) ? 'builtIn' : 'custom';
    default:
      return 'custom';
  }
}

/** True when the class (or a nested one) has custom constraints the runtime must run. */
export function hasCustomConstraints(cls: Class): boolean {
  return constraintsOf(cls).some((c) => c.kind === 'custom' || c.kind === 'conditional');
}

/** True for class-validator's own constraint names (`isString`…), false for custom ones. */
export function isBuiltInConstraint(name: string): boolean {
  return builtInNames.has(name);
}
