import { lineage, ownConstraints } from '../metadata/store';
import type { Class } from '../types';
import { classValidatorConstraintsOf } from './class-validator-metadata';

/** One constraint on a DTO property, from Flowport's decorators or from class-validator's. */
export interface Constraint {
  /** The class whose decorator recorded it (a base class for inherited properties). */
  readonly target: Function;
  readonly property: string;
  /** `isString`, `isLength`, … or the name of a custom constraint. */
  readonly name: string;
  readonly kind: 'builtIn' | 'custom' | 'optional' | 'conditional' | 'nested' | 'allow' | 'defined';
  readonly args: readonly unknown[];
  readonly each: boolean;
  /** class-validator's validation groups, which select constraints per call. */
  readonly groups?: readonly string[];
}

/**
 * The constraints on a class and its bases: class-validator's (when the app uses it, with its
 * rules of inheritance), then Flowport's own: the class's, then each base's, a constraint
 * redeclared on the same property by a nearer class replacing the base's one of that name.
 */
export function constraintsOf(cls: Class): Constraint[] {
  return [...classValidatorConstraintsOf(cls), ...flowportConstraintsOf(cls)];
}

function flowportConstraintsOf(cls: Class): Constraint[] {
  const found: Constraint[] = [];
  const declared = new Set<string>();
  for (const target of lineage(cls).reverse()) {
    const own = ownConstraints(target).filter((c) => !declared.has(`${c.property}\0${c.name}`));
    for (const c of own) found.push({ target, ...c });
    for (const c of own) declared.add(`${c.property}\0${c.name}`);
  }
  return found;
}
