import type { ErrorObject } from 'ajv';
import type { ProblemError } from '../problem';

/** RFC 6901 escaping of one pointer segment. */
export function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

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
 * ajv's errors as `{ pointer, message, code }`, the pointer naming the offending field itself.
 * `data`, the value that was validated, lets a message say more than ajv's.
 */
export function problemErrors(
  errors: readonly ErrorObject[] | null | undefined,
  location: string,
  data?: unknown,
): ProblemError[] {
  const out: ProblemError[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    // anyOf/oneOf wrappers repeat their branches' errors; the branches say more.
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const params = e.params as Record<string, unknown>;
    let pointer = `/${location}${e.instancePath}`;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      pointer += `/${escape(String(params.missingProperty))}`;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      pointer += `/${escape(String(params.additionalProperty))}`;
      message = 'is not a known property';
    } else if (e.keyword === 'enum') {
      message = `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (e.keyword === 'type') {
      // JSON.parse reads 1e400 as Infinity, which "must be number" would leave a puzzle.
      const value = valueAt(data, e.instancePath);
      if (typeof value === 'number' && !Number.isFinite(value))
        message = `is beyond the range of a number (it reads as ${value})`;
    }
    const key = `${pointer} ${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer, message, code: e.keyword });
  }
  return out;
}
