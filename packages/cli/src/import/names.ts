/**
 * Turns names from a definition (`Create order`, `@odata.nextLink`, `2FA settings`) into valid,
 * idiomatic TypeScript identifiers, unique within their scope.
 */

/** Words that cannot name a variable or class in strict-mode TypeScript. */
export const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if import in instanceof new null return super switch this throw true try typeof var void ' +
    'while with implements interface let package private protected public static yield await arguments eval ' +
    'any boolean number string symbol never unknown object undefined constructor'
  ).split(' '),
);

/** Global values a class name must not shadow in generated files. */
const GLOBALS =
  'String Number Boolean Date Object Array Error Promise Map Set Symbol Function RegExp JSON Math Record ' +
  'Partial Readonly Required Pick Omit Buffer URL Blob File Event Node Element Response Request Headers';

/**
 * Splits a name into words at separators, case changes and letter/digit boundaries. A word keeps
 * letters, decimal digits and letter numbers (`Ⅻ`), which identifiers may hold; the other numbers
 * (`m²`, `CO₂`, `½`) separate words, as punctuation does: before, `class AreaM²` was written, which
 * no TypeScript compiler reads.
 */
export function words(raw: string): string[] {
  return raw
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{Nd}\p{Nl}]+/u)
    .filter((w) => w.length > 0);
}

function capital(w: string): string {
  return w[0].toUpperCase() + w.slice(1).toLowerCase();
}

/** `create order` → `CreateOrder`; a leading digit gets an underscore. */
export function pascalCase(raw: string, fallback = 'Model'): string {
  const joined = words(raw).map(capital).join('');
  if (joined === '') return fallback;
  return /^\p{N}/u.test(joined) ? `_${joined}` : joined;
}

/** `Create order` → `createOrder`; reserved words get a trailing underscore. */
export function camelCase(raw: string, fallback = 'value'): string {
  const [first, ...rest] = words(raw);
  if (first === undefined) return fallback;
  const joined = first.toLowerCase() + rest.map(capital).join('');
  if (/^\p{N}/u.test(joined)) return `_${joined}`;
  return RESERVED.has(joined) ? `${joined}_` : joined;
}

/** Hands out unique names in one scope: the second `Order` becomes `Order2`. */
export class Namer {
  private readonly taken: Set<string>;

  constructor(taken: Iterable<string> = []) {
    this.taken = new Set(taken);
  }

  /** `base` if free, else `base` + `suffix` (e.g. `ErrorModel` for a class called `Error`), else numbered. */
  unique(base: string, suffix = ''): string {
    let name = base;
    if (this.taken.has(name) && suffix !== '') name = `${base}${suffix}`;
    for (let i = 2; this.taken.has(name); i++) name = `${base}${suffix}${i}`;
    this.taken.add(name);
    return name;
  }
}

/** A namer for top-level class names, which must not shadow globals or imported names. */
export function classNamer(imported: Iterable<string>): Namer {
  return new Namer([...GLOBALS.split(' '), ...imported, ...RESERVED]);
}
