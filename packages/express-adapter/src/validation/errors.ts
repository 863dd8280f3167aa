import type { ErrorObject } from 'ajv';
import type { ProblemError } from '../problem';
import { inexactIntegerMessage, isInexactInteger } from './exact-integers';

/** RFC 6901 escaping of one pointer segment. */
export function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The problem a number beyond the range of a double is, wherever it is. */
export function nonFiniteProblem(pointer: string, value: number): ProblemError {
  return { pointer, message: `is beyond the range of a number (it reads as ${value})`, code: 'numberRange' };
}

/** Where every value comes as text, which coercion turns into the declared type. */
const TEXT_LOCATIONS = new Set(['path', 'query', 'header', 'formData']);

/** The value that an ajv `instancePath` names inside `data`. */
function valueAt(data: unknown, instancePath: string): unknown {
  if (instancePath === '') return data;
  let value = data;
  for (const segment of instancePath.slice(1).split('/')) {
    if (value === null || typeof value !== 'object') return undefined;
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    value = Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/**
 * The most problems one answer lists. ajv reports every wrong item of an array: a 1 MB body of
 * 400,000 numbers where strings belong had 400,000 problems, whose spread into one list overflowed
 * the stack (a 500), and whose answer would have been about 40 MB.
 */
export const MAX_LISTED_PROBLEMS = 100;

/** The detail of a 400 for a request its operation's definition does not allow. */
export function invalidRequestDetail(truncated: boolean): string {
  return truncated
    ? `The request does not match the operation's definition; its first ${MAX_LISTED_PROBLEMS} problems are listed.`
    : "The request does not match the operation's definition.";
}

/**
 * ajv's errors as `{ pointer, message, code }`, the pointer naming the offending field itself,
 * at most `limit` of them. `data`, the value that was validated, lets a message say more than ajv's.
 */
export function problemErrors(
  errors: readonly ErrorObject[] | null | undefined,
  location: string,
  data?: unknown,
  limit = MAX_LISTED_PROBLEMS,
): ProblemError[] {
  const out: ProblemError[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    if (out.length === limit) break;
    // anyOf/oneOf wrappers repeat their branches' errors; the branches say more.
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const params = e.params as Record<string, unknown>;
    let pointer = `/${location}${e.instancePath}`;
    let message = e.message ?? 'is invalid';
    let code = e.keyword;
    if (e.keyword === 'required') {
      pointer += `/${escape(String(params.missingProperty))}`;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      pointer += `/${escape(String(params.additionalProperty))}`;
      message = 'is not a known property';
    } else if (e.keyword === 'enum') {
      message = `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (e.keyword === 'type') {
      // "must be number" would leave a puzzle for 1e400, which JSON.parse and Number read as
      // Infinity, and for a parameter's integer that coercion kept as text (`./exact-integers`).
      const value = valueAt(data, e.instancePath);
      // ajv joins a nullable's types with a comma ("must be string,null").
      if (Array.isArray(params.type)) message = `must be ${(params.type as string[]).join(' or ')}`;
      if (typeof value === 'number' && !Number.isFinite(value)) ({ message, code } = nonFiniteProblem(pointer, value));
      else if (typeof value === 'string' && TEXT_LOCATIONS.has(location) && isInexactInteger(value)) {
        message = inexactIntegerMessage(value);
        code = 'inexactInteger';
      }
    }
    const key = `${pointer} ${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer, message, code });
  }
  return out;
}
