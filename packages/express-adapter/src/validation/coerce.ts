import { COLLECTION_SEPARATORS } from '@flowport/core';
import { INTEGER_LITERAL, isInexactInteger } from './exact-integers';

type Json = Record<string, unknown>;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** A header's list separator: a comma with optional whitespace around it (RFC 9110 §5.6.1). */
const HEADER_LIST = /[ \t]*,[ \t]*/;

/**
 * Turns the strings of a path, query, header or form value into the declared type. A string
 * that is not a valid value of the type is left as it is, so that validation reports it.
 * `inHeader` reads a csv list the way HTTP writes one in a header: `1, 2` is two items, and
 * empty items are ignored.
 */
export function coerce(value: unknown, param: Json, inHeader = false): unknown {
  const type = param.type;
  if (type === 'array') {
    const items = (param.items as Json | undefined) ?? {};
    const format = (param.collectionFormat as string | undefined) ?? 'csv';
    const parts = Array.isArray(value)
      ? value.flatMap((v) => split(v, format, inHeader))
      : typeof value === 'string'
        ? split(value, format, inHeader)
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
    case 'boolean': {
      // Any case: the flow engine writes a boolean it turns into text as .NET does, "True".
      const word = value.length === 4 || value.length === 5 ? value.toLowerCase() : value;
      return word === 'true' ? true : word === 'false' ? false : value;
    }
    default:
      return value;
  }
}

function split(value: unknown, format: string, inHeader: boolean): unknown[] {
  if (typeof value !== 'string') return [value];
  if (format === 'multi') return [value];
  if (inHeader && format === 'csv') return value.split(HEADER_LIST).filter((item) => item !== '');
  return value === '' ? [] : value.split(COLLECTION_SEPARATORS[format] ?? ',');
}
