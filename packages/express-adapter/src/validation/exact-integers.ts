/**
 * Integers that a JavaScript number cannot hold. JSON.parse and Number read
 * 9007199254740993 as 9007199254740992 without a word, so an ID of that size would reach the
 * handler as another ID. Flowport refuses such a value instead of changing it.
 */

/** Up to this, a number holds every integer. */
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);
// 9007199254740991 has 16 digits: a literal of fewer is always exact.
const EXACT_DIGITS = 15;
/** An integer as text: a parameter's, or a literal of a JSON text. */
export const INTEGER_LITERAL = /^[+-]?\d+$/;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Whether `text`, an integer literal, would read as another integer. Only integers beyond
 * ±(2^53 − 1) can, and of those only the ones a double does not hold: 100000000000000000000,
 * which is how JSON.stringify writes the number 1e20, reads as itself.
 */
export function isInexactInteger(text: string): boolean {
  // Every numeric parameter passes here: most are short, and need no pattern.
  if (text.length <= EXACT_DIGITS || !INTEGER_LITERAL.test(text)) return false;
  const digits = text.length - (text[0] === '-' || text[0] === '+' ? 1 : 0);
  if (digits <= EXACT_DIGITS) return false;
  const n = BigInt(text);
  if (n <= MAX_EXACT && n >= -MAX_EXACT) return false;
  const read = Number(text);
  return !Number.isFinite(read) || BigInt(read) !== n;
}

/** The message for such a value, wherever it is. */
export function inexactIntegerMessage(text: string): string {
  const read = Number(text);
  const as = Number.isFinite(read) ? BigInt(read).toString() : String(read);
  return `is the integer ${text}, which a number cannot hold: it would read as ${as}`;
}

/**
 * The first integer literal of a JSON text, outside its strings, that would read as another;
 * undefined when there is none. One pass over the bytes of a body of any size, after a first pass
 * that only looks for a run of 16 digits, which most bodies do not have.
 */
export function inexactIntegerIn(json: Uint8Array): string | undefined {
  if (!hasDigitRun(json, EXACT_DIGITS + 1)) return undefined;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) {
      inString = true;
      continue;
    }
    if (c !== MINUS && !isDigit(c)) continue;
    const start = i;
    i++;
    while (i < json.length && isDigit(json[i])) i++;
    const integerEnd = i;
    // The rest of the number (a fraction, an exponent): its digits are not an integer literal.
    while (i < json.length && isNumberByte(json[i])) i++;
    if (integerEnd === i) {
      const text = Buffer.from(json.buffer, json.byteOffset + start, integerEnd - start).toString('latin1');
      if (isInexactInteger(text)) return text;
    }
    i--;
  }
  return undefined;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= ZERO && c <= NINE;
}

/** A byte that can continue a JSON number after its integer part: digits, `.`, `e`, `E`, `+`, `-`. */
function isNumberByte(c: number): boolean {
  return isDigit(c) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === MINUS;
}

function hasDigitRun(bytes: Uint8Array, length: number): boolean {
  let run = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c >= ZERO && c <= NINE) {
      if (++run >= length) return true;
    } else run = 0;
  }
  return false;
}
