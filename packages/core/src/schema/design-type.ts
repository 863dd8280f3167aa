import { enumMembers } from './converters';

/**
 * A `design:type`, `design:paramtypes` entry or `design:returntype` as tsc records it, whichever
 * compiler recorded it.
 *
 * swc, which `flowport build` and `@flowport/cli/register` compile TypeScript with, reads one file
 * at a time: a type named from another module (`colour!: Colour`, `import { Colour } from
 * './colour'`) may be a class or an enum, and it records the value of that name either way. For an
 * enum that is the enum object, where tsc, which sees the declaration, records `String` (string
 * members), `Number` (numeric ones) or `Object` (both). So does a constant object with a type of its
 * values' union (`const Colour = { Red: 'red' } as const`). Before, `@IsEnum(Colour) colour!:
 * Colour` served from a tsc build, and `flowport build` refused it (FP1402, "an object where a type
 * belongs"). Any other value is returned as it is.
 */
export function designType(recorded: unknown): unknown {
  if (typeof recorded !== 'object' || recorded === null || Object.getPrototypeOf(recorded) !== Object.prototype)
    return recorded;
  const members = enumMembers(recorded);
  if (members.length === 0) return recorded;
  if (members.every((v) => typeof v === 'string')) return String;
  if (members.every((v) => typeof v === 'number')) return Number;
  if (members.every((v) => typeof v === 'boolean')) return Boolean;
  if (members.every((v) => typeof v === 'string' || typeof v === 'number')) return Object;
  return recorded;
}
