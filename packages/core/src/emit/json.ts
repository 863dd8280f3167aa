import type { ExternalDocs } from '../types';

/**
 * Serialises a document byte-deterministically: 2-space indent, `\n` line ends and a trailing
 * newline. Key order is the order the emitters build objects in, which is fixed.
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Sets `key` unless `value` is undefined, which JSON would drop anyway (tests compare objects).
 * The emitters write every schema node this way, key by key in output order, rather than as a
 * literal with every possible key that `compact` then copies without the undefined ones.
 */
export function put(json: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) json[key] = value;
}

/** A plain object without the keys whose value is undefined (JSON drops them; tests compare). */
export function compact<T extends Record<string, unknown>>(o: T): T {
  // A plain loop: this runs for every operation, response and parameter of every document, and
  // entries/filter/fromEntries allocated three arrays each time.
  const out: Record<string, unknown> = {};
  for (const k in o) {
    const v = o[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

/** Far beyond any status code: one element this far out keeps an object's elements in a dictionary. */
const SPARSE_INDEX = 2 ** 30;

/**
 * Responses keyed by their status ("200", "404", …), as `Object.fromEntries` would key them.
 * Status keys are array indices, and V8 keeps an object's indices in an array as long as the
 * largest one: 617 slots, about 5 KB, for "200" and "400". Each operation's `responses` held one
 * in each document, which every scavenge during a build copied (a fifth of what the first build
 * of 200 operations allocated). One index beyond any status, set and deleted first, makes V8 keep
 * them in a small dictionary instead (`%DebugPrint` shows `NumberDictionary`). Same keys in the
 * same order, so the same JSON.
 */
export function byStatus<R extends { readonly status: string }, T>(
  responses: readonly R[],
  render: (response: R) => T,
): Record<string, T> {
  const out: Record<string, T | undefined> = {};
  out[SPARSE_INDEX] = undefined;
  delete out[SPARSE_INDEX];
  for (let i = 0; i < responses.length; i++) out[responses[i].status] = render(responses[i]);
  return out as Record<string, T>;
}

/** `externalDocs`, in the key order of the Swagger 2.0 and OpenAPI 3 specifications. */
export function externalDocs(docs: ExternalDocs | undefined): { description?: string; url: string } | undefined {
  return docs ? compact({ description: docs.description, url: docs.url }) : undefined;
}
