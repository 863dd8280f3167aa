import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { apiPropertiesProblems } from '../api-properties-schema';

/** A problem with the files given to `flowport import`; nothing is written when one is thrown. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    message: string,
  ) {
    super(`${file}${where ? ` at ${where}` : ''}: ${message}`);
    this.name = 'ImportError';
  }
}

export type Json = Record<string, unknown>;

/**
 * `table[key]` for a key read from a document: only the table's own entries, so that a key such
 * as `constructor`, `toString` or `__proto__` finds nothing instead of what every object inherits.
 */
export function entry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * Reads and parses a JSON file of UTF-8, naming the line and column of a byte that is not, of a syntax
 * error or of nesting too deep.
 */
export function readJson(file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new ImportError(file, '', `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const text = textOf(file, bytes).replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const position = /position (\d+)/.exec(message);
    if (position) {
      throw new ImportError(
        file,
        lineAndColumn(text, Number(position[1])),
        `is not JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      );
    }
    throw new ImportError(file, '', `is not JSON: ${message}`);
  }
  const tooDeep = nestedBeyond(text, MAX_NESTING);
  if (tooDeep !== undefined) {
    throw new ImportError(
      file,
      lineAndColumn(text, tooDeep),
      `nests more than ${MAX_NESTING} levels deep; Flowport reads definitions nested up to ${MAX_NESTING} levels ` +
        '(the deepest of 30 real connectors nests 27). Flatten the schema that starts here.',
    );
  }
  return value;
}

/**
 * The UTF-8 text of a JSON file. Before, bytes that are not UTF-8 were read as U+FFFD: a Latin-1
 * "É" in a summary was imported as "\uFFFD" without a word, and a UTF-16 file (what Windows
 * PowerShell 5.1's `Out-File` writes) was "not JSON: Unexpected token". JSON files are UTF-8
 * (RFC 8259), as the platform reads them.
 */
function textOf(file: string, bytes: Buffer): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'little' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'big' : '';
  if (utf16) {
    throw new ImportError(
      file,
      '',
      `is UTF-16 (${utf16}-endian, by its byte order mark), and JSON files are UTF-8; save it as UTF-8 ` +
        '(in PowerShell, `Set-Content -Encoding utf8`)',
    );
  }
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return text;
  // Each character before the first bad byte decoded as itself, so its offset is the UTF-8 length
  // of the text before it; a U+FFFD the file spells out (EF BF BD) is passed over.
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
    const offset = Buffer.byteLength(text.slice(0, i));
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue;
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    throw new ImportError(
      file,
      lineAndColumn(text.slice(bom), i - bom),
      `is not UTF-8 (byte 0x${bytes[offset].toString(16).toUpperCase()}); save the file as UTF-8 ` +
        '(this one may be Latin-1 or Windows-1252)',
    );
  }
  return text;
}

/**
 * How deep a definition may nest. Flowport's readers and checks walk schemas recursively, and a
 * few thousand levels exhaust the stack; before, `validate`, `import` and `build` then ended with
 * "Maximum call stack size exceeded" and nothing to say where.
 */
const MAX_NESTING = 512;

/** Where in valid JSON text an object or array opens deeper than `limit`, or undefined. */
function nestedBeyond(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string: the text parsed, so every quote inside one is escaped.
      for (i++; text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Escapes one JSON pointer token. */
export function pointerToken(t: string): string {
  return t.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The value a local `#/…` reference points at, or undefined. */
export function follow(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Json)[token];
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * Reads a Swagger 2.0 connector definition and checks what the importer relies on: JSON, an
 * object with `swagger: "2.0"`, `info` and `paths`, and every `$ref` local and resolvable.
 */
export function readDefinition(file: string): Json {
  const doc = readJson(file);
  if (!isObject(doc)) throw new ImportError(file, '', 'is not a JSON object');
  if (doc.swagger !== '2.0') {
    const found = doc.openapi !== undefined ? `OpenAPI ${String(doc.openapi)}` : JSON.stringify(doc.swagger);
    throw new ImportError(file, '/swagger', `must be "2.0" (custom connectors are Swagger 2.0), found ${found}`);
  }
  if (!isObject(doc.info)) throw new ImportError(file, '/info', 'is missing');
  if (!isObject(doc.paths)) throw new ImportError(file, '/paths', 'is missing');
  checkReferences(file, doc, doc, '');
  return doc;
}

function checkReferences(file: string, doc: Json, node: unknown, pointer: string): void {
  if (Array.isArray(node)) {
    node.forEach((v, i) => checkReferences(file, doc, v, `${pointer}/${i}`));
    return;
  }
  if (!isObject(node)) return;
  for (const [k, v] of Object.entries(node)) {
    const at = `${pointer}/${pointerToken(k)}`;
    if (k === '$ref' && typeof v === 'string') {
      if (!v.startsWith('#/'))
        throw new ImportError(file, at, `$ref "${v}" is not local; only "#/…" references import`);
      if (follow(doc, v) === undefined) throw new ImportError(file, at, `$ref "${v}" points at nothing`);
    } else checkReferences(file, doc, v, at);
  }
}

/**
 * Reads `apiProperties.json`: an object whose `properties` is an object, and whose keys have the
 * types the importer reads (a connection parameter that is not an object would be dropped).
 */
export function readProperties(file: string): Json {
  const doc = readJson(file);
  const problems = apiPropertiesProblems(doc);
  if (problems.length > 0) {
    const [first, ...rest] = problems;
    const more = rest.length > 0 ? `; also ${rest.map((p) => `at ${p.pointer || '/'}: ${p.problem}`).join('; ')}` : '';
    throw new ImportError(file, first.pointer || '/', `${first.problem}${more}`);
  }
  return (doc as { properties: Json }).properties;
}

export { isObject };
