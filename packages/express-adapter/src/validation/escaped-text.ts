import type { Request } from 'express';
import { unescape } from 'node:querystring';
import { HttpError } from '../errors';
import { queryParameters, queryText } from '../query-string';
import { escape } from './errors';

/** A percent-escape of a byte above 0x7F: the only kind whose bytes can fail to be UTF-8. */
const HIGH_ESCAPE = /%[89a-f]/i;

/**
 * The request's query, once each name and value is known to be percent-encoded UTF-8. The query
 * parser (node:querystring) decodes escapes that are not UTF-8, `caf%E9` for one, as U+FFFD:
 * the handler got text the caller never sent, while the same escape in the path is a 400. Only
 * the operation's own parameters are looked at: others are let through as they are.
 */
export function queryOf(req: Request, declared: ReadonlySet<string>): Record<string, unknown> {
  const query = queryText(req);
  if (query !== undefined && declared.size > 0 && HIGH_ESCAPE.test(query)) checkEscapedText(query, declared, 'query');
  return queryParameters(req);
}

/**
 * Whether the escapes of `part` are the bytes of UTF-8 text. A `%` that begins no escape stands
 * for itself, as the query parser reads it.
 */
function isUtf8Escaped(part: string): boolean {
  try {
    decodeURIComponent(part.replace(/%(?![0-9a-f]{2})/gi, '%25'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses a value of a `declared` name, in a query or a URL-encoded form (`where`), whose escapes
 * are not UTF-8; both parsers would decode them as U+FFFD.
 */
export function checkEscapedText(text: string, declared: ReadonlySet<string>, where: 'query' | 'formData'): void {
  const errors: { pointer: string; message: string; code: string }[] = [];
  for (const pair of text.split('&')) {
    if (!HIGH_ESCAPE.test(pair)) continue;
    const eq = pair.indexOf('=');
    const [name, value] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    const decoded = unescape(name.replace(/\+/g, ' '));
    if (declared.has(decoded) && !isUtf8Escaped(value)) {
      errors.push({
        pointer: `/${where}/${escape(decoded)}`,
        message: 'is not percent-encoded UTF-8: decoded, its text would be changed',
        code: 'urlEncoding',
      });
    }
  }
  const what = where === 'query' ? 'A query parameter' : 'A form field';
  if (errors.length > 0) throw new HttpError(400, `${what} is not percent-encoded UTF-8.`, errors);
}
