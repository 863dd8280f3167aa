import type { Constraint } from './constraints';
import { converters } from './converters';
import type { SchemaModel } from './model';

/**
 * What a built-in constraint writes into an empty schema through its row of {@link converters}
 * (`@Matches(/…/)`: a string with a pattern), or undefined for one with no row.
 */
export function writtenBy(c: Constraint): SchemaModel | undefined {
  const convert = c.kind === 'builtIn' ? converters[c.name] : undefined;
  if (!convert) return undefined;
  const s: SchemaModel = {};
  try {
    convert(s, c.args);
  } catch {
    // Arguments it cannot read are reported where the constraint is applied.
    return undefined;
  }
  return s;
}

/**
 * Whether a constraint says what its value is, a type or the list of its values, as its converter
 * writes it: enough to type a property TypeScript recorded as Object (`string | null`, or an
 * alias under swc). Before, a fixed list said so, and `@Matches`, `@IsAlpha`, `@IsBase64` or
 * `@ArrayMinSize` on such a property stopped the build (FP1402) though each writes a type.
 */
export function typesValue(c: Constraint): boolean {
  const s = writtenBy(c);
  return s !== undefined && (s.type !== undefined || s.enum !== undefined);
}
