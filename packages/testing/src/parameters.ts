import { COLLECTION_SEPARATORS } from '@flowport/core';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A parameter's value as a test gives it: text, a number or a boolean, or a list of them. */
export type ParameterValue = string | number | boolean | readonly (string | number | boolean)[];

/** Path, query and header parameters by their declared names, as a flow's inputs name them. */
export type ParameterValues = Readonly<Record<string, ParameterValue>>;

/** Where a call goes and the headers its parameters add. */
export interface CallTarget {
  /** The path with its variables filled in. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  /** Each path variable's text as the path holds it (percent-encoded), by name. */
  readonly pathValues: Readonly<Record<string, string>>;
}

/**
 * Places each value where the operation declares its parameter, as the platform does: a path
 * variable percent-encoded (twice with `x-ms-url-encoding: double`), a list joined by its
 * `collectionFormat` (or repeated for `multi`), and a required internal parameter's default sent
 * when the test gives none. A name the operation does not declare is an error, not a silent extra.
 */
export function callTarget(
  operationId: string,
  path: string,
  declared: readonly Json[],
  values: ParameterValues,
): CallTarget {
  const wire = declared.filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header');
  const names = new Set(wire.map((p) => String(p.name)));
  for (const name of Object.keys(values)) {
    if (!names.has(name)) {
      const known = [...names].map((n) => `"${n}"`).join(', ') || 'none';
      throw new Error(`${operationId} has no path, query or header parameter "${name}" (it has ${known})`);
    }
  }
  let filled = path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  const pathValues: Record<string, string> = {};
  for (const p of wire) {
    const name = String(p.name);
    const given = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    const value = given ?? internalDefault(p);
    if (value === undefined) {
      if (p.in === 'path') throw new Error(`${operationId} needs a value for its path parameter "${name}"`);
      continue;
    }
    const format = (p.collectionFormat as string | undefined) ?? 'csv';
    const items = Array.isArray(value) ? value.map(String) : [String(value)];
    if (p.in === 'query' && format === 'multi') {
      for (const item of items) query.append(name, item);
      continue;
    }
    const text = items.join(COLLECTION_SEPARATORS[format] ?? ',');
    if (p.in === 'query') query.append(name, text);
    else if (p.in === 'header') headers[name] = text;
    else {
      const once = encodeURIComponent(text);
      pathValues[name] = p['x-ms-url-encoding'] === 'double' ? encodeURIComponent(once) : once;
      filled = filled.split(`{${name}}`).join(pathValues[name]);
    }
  }
  return { path: filled, query, headers, pathValues };
}

/**
 * What the platform sends for a field the flow cannot see: the default of a required internal
 * parameter or form field. An optional one is left out of the request, default or not (reference
 * §3.2, the validator's InternalPropertyWithDefaultOptional).
 */
export function internalDefault(p: Json): ParameterValue | undefined {
  return p['x-ms-visibility'] === 'internal' && p.required === true
    ? (p.default as ParameterValue | undefined)
    : undefined;
}
