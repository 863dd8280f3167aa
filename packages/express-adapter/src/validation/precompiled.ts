import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compileFunction } from 'node:vm';
import { OWN_KEYWORDS, VALIDATOR_OPTIONS } from './ajv-options';
import { FORMAT_KINDS } from './format-names';

/** A validator as ajv's standalone code defines it. */
export interface PrecompiledValidate {
  (value: unknown): boolean;
  readonly errors?: import('ajv').ErrorObject[] | null;
}

/** The first line of a validators module: this marker, then the fingerprint it was built for. */
export const PRECOMPILED_MARK = '// flowport validators ';

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The key of one schema in a validators module: the hash of its JSON. */
export function keyOf(schema: unknown): string {
  return hash(JSON.stringify(schema));
}

/**
 * What the validators of a module were compiled against besides their own schemas: the shared
 * definitions their `$ref`s reach, ajv's version and options, Flowport's own keywords, and its
 * formats with the kind of each one's check. A module built for another fingerprint is not used at
 * all, so an edited DTO can never be checked by old code.
 */
export function fingerprintOf(definitions: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ajv = (require('ajv/package.json') as { version: string }).version;
  return hash(JSON.stringify([ajv, VALIDATOR_OPTIONS, OWN_KEYWORDS, FORMAT_KINDS, definitions]));
}

/**
 * Loads a module written by `flowport build --validators`: the validators by schema key, or an
 * empty set with the reason when it is missing, was built for other definitions or does not load.
 *
 * It runs with a `require` of this folder, so that its references to ajv's runtime helpers and
 * to `./formats` resolve to the adapter's own copies wherever the file lives.
 */
export function loadPrecompiled(
  file: string,
  definitions: unknown,
): { validators: Readonly<Record<string, PrecompiledValidate>>; problem?: string } {
  let code: string;
  try {
    code = readFileSync(file, 'utf8');
  } catch {
    return { validators: {}, problem: `${file} does not exist` };
  }
  const built = code.startsWith(PRECOMPILED_MARK) ? code.slice(PRECOMPILED_MARK.length, code.indexOf('\n')) : '';
  if (built !== fingerprintOf(definitions)) {
    return { validators: {}, problem: `${file} was built for other definitions or by another version of Flowport` };
  }
  const module = { exports: {} as Record<string, PrecompiledValidate> };
  try {
    compileFunction(code, ['require', 'module', 'exports'], { filename: file })(
      createRequire(__filename),
      module,
      module.exports,
    );
  } catch (err) {
    return {
      validators: {},
      problem: `${file} could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  return { validators: module.exports };
}
