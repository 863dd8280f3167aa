import { refEntry } from '@flowport/core';
import fc from 'fast-check';
import { arbitraryFor } from './schema-arbitrary';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One request to an operation of a Swagger 2.0 definition. */
export interface SampleRequest {
  readonly method: string;
  /** The declared path, for messages. */
  readonly path: string;
  /** The path with its variables filled in, under `basePath`. */
  readonly url: string;
  readonly query: Record<string, string | string[]>;
  readonly headers: Record<string, string>;
  /** JSON text, when the operation takes a body. */
  readonly body?: string;
  /** Form fields, when the operation takes them: the names of its files, and its text fields. */
  readonly form?: { readonly files: string[]; readonly fields: Record<string, string> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
const SEPARATORS: Record<string, string> = { csv: ',', ssv: ' ', tsv: '\t', pipes: '|' };

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: Json[];
}

function operationsOf(def: Json): Operation[] {
  const shared = (p: Json): Json => (p.$ref ? def.parameters[refEntry(p.$ref, '#/parameters/')!] : p);
  return Object.entries(def.paths as Json).flatMap(([path, item]: [string, Json]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]: [string, Json]) => ({
        method,
        path,
        parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])].map(shared),
      })),
  );
}

function requestOf(def: Json, op: Operation, values: Record<string, unknown>): SampleRequest {
  const query: Record<string, string | string[]> = {};
  const headers: Record<string, string> = {};
  let body: string | undefined;
  let form: { files: string[]; fields: Record<string, string> } | undefined;
  let path = op.path;
  for (const p of op.parameters) {
    const v = values[`${p.in} ${p.name}`];
    if (v === undefined) continue;
    if (p.in === 'body') body = JSON.stringify(v);
    else if (p.in === 'formData') {
      form ??= { files: [], fields: {} };
      if (p.type === 'file' || p.format === 'binary') form.files.push(p.name);
      else form.fields[p.name] = String(v);
    } else if (p.in === 'path') {
      // What the platform sends: encoded once, or twice for x-ms-url-encoding "double".
      const once = encodeURIComponent(String(v));
      path = path.replace(`{${p.name}}`, p['x-ms-url-encoding'] === 'double' ? encodeURIComponent(once) : once);
    } else if (p.in === 'query') query[p.name] = v as string | string[];
    else if (p.in === 'header') headers[p.name] = String(v);
  }
  const base = typeof def.basePath === 'string' ? def.basePath.replace(/\/$/, '') : '';
  return { method: op.method, path: op.path, url: `${base}${path}`, query, headers, body, form };
}

/** A value of a parameter's declared type: what a flow author would fill in. */
function filled(p: Json): unknown {
  if (p.in === 'body') return {};
  if (p.enum) return String(p.enum[0]);
  return p.type === 'integer' || p.type === 'number' ? '1' : p.type === 'boolean' ? 'true' : 'x';
}

/** One request per operation, with its path variables and required parameters filled in. */
export function filledRequests(def: Json): SampleRequest[] {
  return operationsOf(def).map((op) =>
    requestOf(
      def,
      op,
      Object.fromEntries(
        op.parameters.filter((p) => p.in === 'path' || p.required).map((p) => [`${p.in} ${p.name}`, filled(p)]),
      ),
    ),
  );
}

/**
 * A non-body parameter's value as a request carries it: text, or a list joined by its collection
 * format. A joined list holds no item that a list of that format cannot carry (README): one that
 * holds the separator, or an empty one.
 */
function parameterArbitrary(p: Json): fc.Arbitrary<unknown> {
  const text = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
  if (p.type !== 'array') return arbitraryFor({ ...p, 'x-nullable': false }, {}).map(text);
  const multi = p.collectionFormat === 'multi';
  const separator = SEPARATORS[p.collectionFormat ?? 'csv'];
  const item = arbitraryFor(p.items ?? { type: 'string' }, {}).map(text);
  const items = fc.array(multi ? item : item.filter((x) => x !== '' && !x.includes(separator)), {
    minLength: Math.max(1, p.minItems ?? 1),
    maxLength: 3,
  });
  return multi ? items : items.map((xs) => xs.join(separator));
}

/**
 * `runs` requests per operation whose parameters and body are generated from the definition's
 * schemas: each one is valid, so a server that enforces exactly the definition accepts it.
 * Operations with form data are left out (their bodies are not JSON).
 */
export function generatedRequests(def: Json, runs: number, seed: number): SampleRequest[] {
  return operationsOf(def)
    .filter((op) => !op.parameters.some((p) => p.in === 'formData'))
    .flatMap((op) => {
      const parts = Object.fromEntries(
        op.parameters.map((p) => {
          const value = p.in === 'body' ? arbitraryFor(p.schema ?? {}, def.definitions ?? {}) : parameterArbitrary(p);
          // A path variable is always sent; an empty one would not reach the route.
          const sent = p.in === 'path' ? value.filter((v) => v !== '') : value;
          return [`${p.in} ${p.name}`, p.required || p.in === 'path' ? sent : fc.option(sent, { nil: undefined })];
        }),
      );
      return fc.sample(fc.record(parts), { numRuns: runs, seed }).map((values) => requestOf(def, op, values));
    });
}
