/** Writes TypeScript source: literals of JSON values, property keys and comments. */

/** ECMAScript's IdentifierName: a key such as `m²`, whose `²` is a number but no identifier part, is quoted. */
const IDENTIFIER = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200C\u200D]*$/u;
const WIDTH = 100;

/** A string literal: single-quoted, or double-quoted when that avoids escapes (as Prettier does). */
export function quote(s: string): string {
  const json = JSON.stringify(s);
  if (s.includes("'") && !s.includes('"')) return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/**
 * An object key: bare when it is an identifier, quoted otherwise. `__proto__`, bare or quoted,
 * sets the literal's prototype instead of a key, so it is written as a computed key.
 */
export function key(k: string): string {
  if (k === '__proto__') return `[${quote(k)}]`;
  return IDENTIFIER.test(k) ? k : quote(k);
}

/** Source code that must be written as is inside a literal (a class, a thunk, a call). */
export class Code {
  constructor(readonly text: string) {}
}

/** Marks source code for {@link literal}. */
export const code = (text: string): Code => new Code(text);

/**
 * A TypeScript literal of a JSON value (with {@link Code} pieces inside), on one line when it fits
 * in 100 columns from `column`, otherwise one entry per line indented from `indent`.
 */
export function literal(value: unknown, indent = 0, column = indent): string {
  // Code written on several lines was laid out from column 0; shift it to where it now stands.
  if (value instanceof Code) return value.text.replace(/\n/g, `\n${' '.repeat(indent)}`);
  const flat = inline(value);
  if (flat.length + column <= WIDTH && !flat.includes('\n')) return flat;
  const pad = ' '.repeat(indent + 2);
  const end = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${literal(v, indent + 2)},`).join('\n')}\n${end}]`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const line = ([k, v]: [string, unknown]) =>
      `${pad}${key(k)}: ${literal(v, indent + 2, indent + key(k).length + 4)},`;
    return `{\n${entries.map(line).join('\n')}\n${end}}`;
  }
  return flat;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Code) && !Array.isArray(v);
}

function inline(value: unknown): string {
  if (value instanceof Code) return value.text;
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${key(k)}: ${inline(v)}`).join(', ')} }`;
  }
  throw new TypeError(`cannot write ${typeof value} as a literal`);
}

/** A TSDoc comment for a description, or nothing. `*\/` inside the text is escaped. */
export function docComment(text: string | undefined, indent = ''): string[] {
  if (text === undefined || text.trim() === '') return [];
  const lines = text
    .trim()
    .replace(/\*\//g, '*\\/')
    .split(/\r?\n/)
    .map((l) => l.trimEnd());
  if (lines.length === 1 && lines[0].length + indent.length < WIDTH - 7) return [`${indent}/** ${lines[0]} */`];
  return [`${indent}/**`, ...lines.map((l) => (l === '' ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`];
}
