import type { DiagnosticBag } from './diagnostic';
import { helperOptionsOf } from './helper-options';
import type { SourceLocation } from './location';

/*
 * Checks of declared options against what their TypeScript types say. `flowport build` compiles
 * without checking types, and JavaScript has none: each wrong value is an FP1018 option-type
 * error naming the option, instead of a value written into the files as it was, read letter by
 * letter, silently ignored, or a failure inside resolve().
 */

export const A_STRING = 'a string';
export const A_VISIBILITY = 'one of "important", "advanced", "internal" or "none"';
const AN_EXTENSIONS_OBJECT = 'an object of "x-" keys';
/** What an undefined item in a list is, most often. */
const LEFT_BY_A_CYCLE =
  'undefined, which an import cycle leaves in a list (made before the module that declares the item has run)';

/** How a wrong value reads in a message: its type, and the value where it is short. */
export function shown(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  // A class or function by its name: its source said nothing ("function String() { [native code] }").
  if (typeof v === 'function') return v.name ? `the function ${v.name}` : 'a function';
  return `${typeof v} ${String(v)}`;
}

export const badText = (v: unknown, required = false) => (required || v !== undefined) && typeof v !== 'string';
export const badVisibility = (v: unknown) =>
  v !== undefined && v !== 'important' && v !== 'advanced' && v !== 'internal' && v !== 'none';

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Each `extensions` key is written into the definition as it is, where Swagger 2.0 and OpenAPI 3
 * take only keys that start with "x-": `{ foo: 1 }` made a definition neither would accept.
 */
export function checkExtensions(at: SourceLocation, option: string, value: unknown, bag: DiagnosticBag): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    bag.report('optionType', at, { option, expected: AN_EXTENSIONS_OBJECT, found: shown(value) });
    return;
  }
  for (const key of Object.keys(value)) if (!key.startsWith('x-')) bag.report('notAnExtension', at, { option, key });
}

/** Whether checkExtensions would report `v`; a loop, as it runs for every schema node of a build. */
export function badExtensions(v: unknown): boolean {
  if (v === undefined) return false;
  if (!isObject(v)) return true;
  for (const k in v) if (!k.startsWith('x-')) return true;
  return false;
}

const STRINGS = ['strings', A_STRING] as const;
const MEDIA_TYPES = ['media types', 'a media type string'] as const;
const isString = (v: unknown) => typeof v === 'string';

/** The checks of one declaration's options; `locate` says where each option is declared. */
const AN_HTTP_URL = 'an absolute http or https URL';

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value.replace(/\{[^{}]*\}/g, 'x'));
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export class Checks {
  constructor(
    private readonly locate: (option: string) => SourceLocation,
    private readonly bag: DiagnosticBag,
  ) {}

  report(option: string, value: unknown, expected: string, found = shown(value)): void {
    this.bag.report('optionType', this.locate(option), { option, expected, found });
  }

  extensions(option: string, value: unknown): void {
    checkExtensions(this.locate(option), option, value, this.bag);
  }

  text(option: string, value: unknown, required = false): void {
    if (badText(value, required)) this.report(option, value, A_STRING);
  }

  /**
   * An absolute http or https URL, `{placeholders}` allowed (the platform fills some in). Before,
   * `authorizationUrl: 'login.example.com/authorize'` was published, and each connection failed
   * in the platform's sign-in window.
   */
  url(option: string, value: unknown, required = false): void {
    if (value === undefined && !required) return;
    if (typeof value !== 'string' || !isHttpUrl(value)) this.report(option, value, AN_HTTP_URL);
  }

  flag(option: string, value: unknown): void {
    if (value !== undefined && typeof value !== 'boolean') this.report(option, value, 'true or false');
  }

  oneOf(option: string, value: unknown, allowed: readonly unknown[], required = false): void {
    if ((required || value !== undefined) && !allowed.includes(value))
      this.report(option, value, allowed.map((a) => JSON.stringify(a)).join(' or '));
  }

  visibility(option: string, value: unknown): void {
    if (badVisibility(value)) this.report(option, value, A_VISIBILITY);
  }

  /** A whole number of at least `min`; `expected` says so in the unit of the option. */
  count(option: string, value: unknown, min: number, expected: string): void {
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= min))
      this.report(option, value, expected);
  }

  /**
   * A list whose every item passes `ok`; `items` and `item` say what they must be. True for a list.
   * With `once`, an item the list already has is reported too: Swagger 2.0 lists each scheme,
   * media type, tag and scope once (uniqueItems), and the platform refuses a definition that
   * repeats one.
   */
  list(
    option: string,
    value: unknown,
    [items, item]: readonly [string, string],
    ok: (v: unknown) => boolean,
    required = false,
    once = false,
  ): value is unknown[] {
    if (value === undefined && !required) return false;
    if (!Array.isArray(value)) this.report(option, value, `a list of ${items}`);
    else
      value.forEach((v: unknown, i) => {
        // tsc passes an import cycle, which lists an item before the module that declares it has run.
        if (!ok(v)) this.report(`${option}[${i}]`, v, item, v === undefined ? LEFT_BY_A_CYCLE : undefined);
        else if (once && value.indexOf(v) < i)
          this.report(`${option}[${i}]`, v, `${item} the list does not have already`);
      });
    return Array.isArray(value);
  }

  /** Every check of `table` on the option of its name in `o`, given or not, named `${prefix}${name}`. */
  each(table: Readonly<Record<string, OptionCheck>>, o: Record<string, unknown>, prefix = ''): void {
    for (const k of Object.keys(table)) table[k](this, o[k], `${prefix}${k}`);
  }

  /** The check of `table` for each option given in `o`, named `${prefix}${name}`. */
  given(table: Readonly<Record<string, OptionCheck>>, o: Record<string, unknown>, prefix = ''): void {
    // Own keys only: an option named "toString" must not find Object.prototype's.
    for (const k in o) if (Object.hasOwn(table, k)) table[k](this, o[k], `${prefix}${k}`);
  }

  /** Reports each key of `value`, the object given as `option`, that `known` does not name. */
  names(option: string, value: object, known: ReadonlySet<string>, fate: OptionFate = IGNORED): void {
    checkOptionNames(value, known, option, (k) => this.locate(`${option}.${k}`), this.bag, fate);
  }

  /**
   * The names of the options of `declaration`, given as `option`: those its helper was given,
   * when a helper made it (`aad()`, `setHeader()`), or else its own keys, which `known` names.
   */
  declaredNames(option: string, declaration: object, known: ReadonlySet<string>): void {
    const made = helperOptionsOf(declaration);
    if (made) checkOptionNames(made.given, made.takes, made.helper, (k) => this.locate(`${option}.${k}`), this.bag);
    else this.names(option, declaration, known);
  }

  /** True when `value` is an object to look into; reports anything else but undefined. */
  object(option: string, value: unknown, expected: string, required = false): value is Record<string, unknown> {
    if (isObject(value)) return true;
    if (required || value !== undefined) this.report(option, value, expected);
    return false;
  }
}

/**
 * The names in `list`, which must be every option of `T`: an option added to the type and not to
 * its list fails to compile (the error names it as `missing`), and so does a name the type does not have.
 */
export function every<T>() {
  return <const L extends readonly (keyof T & string)[]>(
    list: L &
      ([Exclude<keyof T, L[number]>] extends [never] ? unknown : { readonly missing: Exclude<keyof T, L[number]> }),
  ): ReadonlySet<string> => new Set<string>(list);
}

export type OptionCheck = (c: Checks, value: unknown, option: string) => void;

/** A check for each option of `T` but `omitted`: one added to `T` and not to the table fails to compile. */
export type OptionTable<T, omitted extends PropertyKey = never> = {
  readonly [K in Exclude<keyof T, omitted>]-?: OptionCheck;
};

export const flag: OptionCheck = (c, v, k) => c.flag(k, v);
export const strings: OptionCheck = (c, v, k) => c.list(k, v, STRINGS, isString, false, true);
/** Strings that may repeat, where nothing asks for each once (`x-ms-keywords`). */
export const repeatableStrings: OptionCheck = (c, v, k) => c.list(k, v, STRINGS, isString);
export const mediaTypes: OptionCheck = (c, v, k) => c.list(k, v, MEDIA_TYPES, isString, false, true);
export const text: OptionCheck = (c, v, k) => c.text(k, v);
export const extensions: OptionCheck = (c, v, k) => c.extensions(k, v);

/**
 * {@link Checks.given} at `at`. Every operation, parameter and property of a build passes here,
 * so no checker is made unless `o` has an option `table` checks.
 */
export function checkOptions(
  table: Readonly<Record<string, OptionCheck>>,
  o: object,
  at: SourceLocation,
  bag: DiagnosticBag,
): void {
  for (const k in o) {
    if (Object.hasOwn(table, k)) return new Checks(() => at, bag).given(table, o as Record<string, unknown>);
  }
}

/** What would become of an option of no such name: most are ignored; some objects are written as given. */
export type OptionFate = typeof IGNORED | typeof WRITTEN;
export const IGNORED = 'so it would be ignored';
export const WRITTEN = 'so it would be written as it is, into a definition Swagger 2.0 refuses';

/**
 * Reports each option of `o` that `known` does not name, at `at` (or where `at` places the option),
 * naming `decorator` as it is written. Every operation, parameter and property of a build passes
 * here: nothing is allocated unless one is reported.
 */
export function checkOptionNames(
  o: object,
  known: ReadonlySet<string>,
  decorator: string,
  at: SourceLocation | ((option: string) => SourceLocation),
  bag: DiagnosticBag,
  fate: OptionFate = IGNORED,
): void {
  for (const option in o) {
    if (!Object.hasOwn(o, option) || known.has(option)) continue;
    const near = nearest(option, known);
    bag.report('unknownOption', typeof at === 'function' ? at(option) : at, {
      decorator,
      option,
      fate,
      fix: near
        ? `Rename it ${near}, the option it looks like`
        : `Remove it, or give it the name of an option ${decorator} takes (tsc lists them)`,
    });
  }
}

/**
 * What the runtime's option checks (createApp's, TriggerRuntime's, FlowHost's) say of each key of
 * `given` that `known` does not name: the option it looks like, or else the options there are.
 * Names only: a value (a key, a secret) is never shown.
 */
export function misnamedOptions(prefix: string, given: object, known: ReadonlySet<string>): string[] {
  return Object.keys(given)
    .filter((key) => !known.has(key))
    .map((key) => {
      const near = nearest(key, known);
      const fix = near ? ` (did you mean ${prefix}${near}?)` : `; the options are ${[...known].join(', ')}`;
      return `${prefix}${key} is not an option${fix}`;
    });
}

/**
 * The known name `name` is most likely a misspelling of: another case, or a letter off for each
 * four letters (one at least, three at most: `tag` for tags, `unknownProperty` for unknownProperties).
 */
function nearest(name: string, known: ReadonlySet<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.max(1, Math.floor(name.length / 4)));
  for (const k of known) {
    if (k.toLowerCase() === lower) return k;
    const d = distance(lower, k.toLowerCase());
    if (d <= bestDistance) [best, bestDistance] = [k, d - 1];
  }
  return best;
}

/**
 * The fewest letters added, removed or changed, or pairs of neighbours swapped, to make `a` into
 * `b` (optimal string alignment): a swap is the commonest typo, and counts as one.
 */
function distance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j], before[j - 2] + 1);
    }
    [before, previous] = [previous, row];
  }
  return previous[b.length];
}
