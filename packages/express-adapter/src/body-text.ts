import { isUtf8 } from 'node:buffer';
import { HttpError } from './errors';

/*
 * A body's bytes before body-parser decodes them. iconv, which it decodes with, puts U+FFFD in
 * place of each byte that is not text in the body's charset: the handler got, and might store,
 * text the caller never sent, without a word. Such a body is a 400 instead.
 */

/** The Unicode charsets a byte can be invalid in, as body-parser names them (lower case). */
const UNICODE = /^utf-(?:8|16(?:le|be)?)$/;

/** Where the bytes of a UTF-8 body stop being UTF-8: where decoding and encoding again changes them. */
function firstNonUtf8(body: Buffer): number {
  const again = Buffer.from(body.toString('utf8'));
  let i = 0;
  while (i < body.length && body[i] === again[i]) i++;
  return i;
}

function notText(body: Buffer, encoding: string): HttpError {
  const charset = encoding.toUpperCase();
  const where = encoding === 'utf-8' ? ` from byte ${firstNonUtf8(body)}` : '';
  return new HttpError(400, `The body is not valid ${charset}.`, [
    {
      pointer: '/body',
      message: `has bytes that are not ${charset}${where}: read as text, they would be replaced, and the text changed`,
      code: 'encoding',
    },
  ]);
}

/** Refuses a body in a Unicode charset whose bytes are not text in it; other charsets take any byte. */
export function checkText(body: Buffer, encoding: string): void {
  if (!UNICODE.test(encoding)) return;
  if (encoding === 'utf-8' ? isUtf8(body) : decodes(body, encoding)) return;
  throw notText(body, encoding);
}

function decodes(body: Buffer, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

/**
 * The UTF-8 of a JSON body, which RFC 8259 asks to be UTF-8: a UTF-16 body is read as the UTF-8
 * of its text, and UTF-7 and UTF-32, which no JSON client sends, are refused (415).
 */
export function jsonUtf8(body: Buffer, encoding: string): Buffer {
  if (!UNICODE.test(encoding)) throw new HttpError(415, charsetRefused(encoding, true));
  checkText(body, encoding);
  return encoding === 'utf-8' ? body : Buffer.from(new TextDecoder(encoding).decode(body));
}

/**
 * What a 415 for a body's charset says: JSON's, whether body-parser refused the charset (latin1)
 * or {@link jsonUtf8} did (UTF-32); a text body's, which body-parser reads in any charset iconv
 * knows, where the charset is none of them.
 */
export function charsetRefused(charset: string, json: boolean): string {
  return json
    ? `Send JSON as UTF-8 or UTF-16, not ${charset}.`
    : `Send the body in UTF-8 or another charset this API knows; it does not know ${charset}.`;
}
