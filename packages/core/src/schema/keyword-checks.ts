import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import type { SchemaModel } from './model';

/** The pairs of bounds a value must fall between, by the keywords' names. */
const BOUNDS = [
  ['minimum', 'maximum'],
  ['minLength', 'maxLength'],
  ['minItems', 'maxItems'],
] as const;

/**
 * Reports keywords that no value can meet or that no validator can compile: an empty `enum`
 * (which the Swagger 2.0 schema refuses too), a `pattern` that is not a regular expression, and a
 * lower bound above the upper one. Left alone, the first two made every request a 500 (the
 * validator could not be built) and the last a 400. Checks the schema and its array items.
 */
export function checkKeywords(s: SchemaModel, bag: DiagnosticBag, at: SourceLocation): void {
  for (const node of [s, s.items]) {
    if (!node || node.ref !== undefined || node.literal) continue;
    if (Array.isArray(node.enum) && node.enum.length === 0) bag.report('emptyEnum', at);
    if (typeof node.pattern === 'string') {
      const reason = regExpError(node.pattern);
      if (reason) bag.report('invalidRegularExpression', at, { pattern: node.pattern, reason });
    }
    for (const [low, high] of BOUNDS) {
      const [min, max] = [node[low], node[high]];
      if (typeof min !== 'number' || typeof max !== 'number') continue;
      const [openLow, openHigh] = low === 'minimum' ? [node.exclusiveMinimum, node.exclusiveMaximum] : [];
      if (min > max || (min === max && (openLow || openHigh))) {
        const bounds = `${openLow ? 'exclusive ' : ''}${low} ${min} and ${openHigh ? 'exclusive ' : ''}${high} ${max}`;
        bag.report('unsatisfiableBounds', at, { bounds });
      }
    }
  }
}

/** Why a JSON Schema pattern does not compile as the request validator reads it (the `u` flag). */
export function regExpError(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (err) {
    return (err as Error).message.replace(/^Invalid regular expression: \/.*\/u?: /s, '');
  }
}
