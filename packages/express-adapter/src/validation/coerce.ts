import { INTEGER_LITERAL, isInexactInteger } from './exact-integers';

type Json = Record<string, unknown>;

const SEPARATORS: Record<string, string> = { csv: ',', ssv: ' ', tsv: '\t', pipes: '|' };
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Turns the strings of a path, query, header or form value into the declared type. A string
 * that is not a valid value of the type is left as it is, so that validation reports it.
 */
export function coerce(value: unknown, param: Json): unknown {
  const type = param.type;
  if (type === 'array') {
    const items = (param.items as Json | undefined) ?? {};
    const format = (param.collectionFormat as string | undefined) ?? 'csv';
    const parts = Array.isArray(value)
      ? value.flatMap((v) => split(v, format))
      : typeof value === 'string'
        ? split(value, format)
        : value;
    return Array.isArray(parts) ? parts.map((p) => coerce(p, items)) : parts;
  }
  if (Array.isArray(value)) return value.length === 1 ? coerce(value[0], param) : value;
  if (typeof value !== 'string') return value;
  switch (type) {
    case 'integer':
    case 'number':
      // An integer that a number would not hold exactly stays text, which validation refuses.
      if (isInexactInteger(value)) return value;
      return (type === 'integer' ? INTEGER_LITERAL : NUMBER).test(value) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    default:
      return value;
  }
}

function split(value: unknown, format: string): unknown[] {
  if (typeof value !== 'string') return [value];
  if (format === 'multi') return [value];
  return value === '' ? [] : value.split(SEPARATORS[format] ?? ',');
}
