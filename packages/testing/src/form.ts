import { COLLECTION_SEPARATORS, isBytesSchema, listsMediaType } from '@flowport/core';
import { internalDefault, type ParameterValue } from './parameters';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A file for a form field: its content, and the name and type its part carries. */
export interface FormFileValue {
  readonly content: Uint8Array | string;
  /** The part's filename; the field's name when omitted. */
  readonly filename?: string;
  /** The part's content type; `application/octet-stream` when omitted. */
  readonly contentType?: string;
}

/** Form fields by their declared names: text values as parameters take them, files as bytes or {@link FormFileValue}. */
export type FormValues = Readonly<Record<string, ParameterValue | Uint8Array | FormFileValue>>;

/**
 * The body of a call to an operation that takes form fields, as the platform sends it:
 * multipart/form-data when its `consumes` lists that type or a field is a file, urlencoded
 * otherwise. A list is joined by its `collectionFormat`, or repeated for `multi`; a required
 * internal field left out goes with its default. A name the operation does not declare is an
 * error, as for parameters.
 */
export function formBody(
  operationId: string,
  fields: readonly Json[],
  consumes: readonly string[],
  values: unknown,
): FormData | URLSearchParams {
  if (typeof values !== 'object' || values === null || Array.isArray(values) || values instanceof Uint8Array) {
    throw new Error(`${operationId} takes form fields: pass them as an object by their names`);
  }
  const byName = new Map(fields.map((p) => [String(p.name), p]));
  for (const name of Object.keys(values)) {
    if (!byName.has(name)) {
      const known = [...byName.keys()].map((n) => `"${n}"`).join(', ');
      throw new Error(`${operationId} has no form field "${name}" (it has ${known})`);
    }
  }
  const multipart = fields.some(isBytesSchema) || listsMediaType(consumes, 'multipart/form-data');
  const form = multipart ? new FormData() : new URLSearchParams();
  // A required internal field the test leaves out goes with its default, as the platform sends it.
  const given: Record<string, unknown> = { ...(values as FormValues) };
  for (const p of fields) {
    if (given[p.name] === undefined && internalDefault(p) !== undefined) given[p.name] = internalDefault(p);
  }
  for (const [name, value] of Object.entries(given as FormValues)) {
    if (value === undefined) continue;
    const p = byName.get(name)!;
    if (isBytesSchema(p)) {
      if (!(form instanceof FormData))
        throw new Error(`${operationId}: "${name}" is a file, which a form sends as multipart`);
      const file: FormFileValue =
        value instanceof Uint8Array || typeof value === 'string' ? { content: value } : (value as FormFileValue);
      const type = file.contentType ?? 'application/octet-stream';
      form.append(name, new Blob([file.content], { type }), file.filename ?? name);
      continue;
    }
    const items = Array.isArray(value) ? value.map(String) : [String(value)];
    const format = (p.collectionFormat as string | undefined) ?? 'csv';
    if (format === 'multi') for (const item of items) form.append(name, item);
    else form.append(name, items.join(COLLECTION_SEPARATORS[format] ?? ','));
  }
  return form;
}
