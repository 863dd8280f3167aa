import { code, type Code } from './code';
import { bagReason } from './extensions';
import { isObject, type Json } from './read';
import type { SchemaWriter } from './schemas';

/** What the handler's `@Returns` for one response of an imported operation says. */
export interface ResponseSpec {
  readonly type: Code;
  readonly options?: Json;
  readonly ts?: string;
  readonly notes: string[];
}

/**
 * One response of an operation as `@Returns(status, type, options)`: its schema as a type, and
 * its description, summary, examples, headers and extensions as options. What has no Flowport
 * form is added to `losses`.
 */
export function responseOf(schemas: SchemaWriter, losses: string[], raw: unknown, hint: string): ResponseSpec {
  const r = isObject(schemas.deref(raw)) ? (schemas.deref(raw) as Json) : {};
  const options: Json = {};
  const notes: string[] = [];
  const extensions: Json = {};
  let type: { ref?: Code; ts: string } | undefined;
  for (const [k, v] of Object.entries(r)) {
    if (k === 'description' && typeof v === 'string') options.description = v;
    else if (k === 'x-ms-summary' && typeof v === 'string') options.summary = v;
    else if (k === 'examples' && isObject(v)) options.examples = v;
    else if (k === 'headers' && isObject(v)) options.headers = headersOf(v, notes, losses);
    else if (k === 'schema') {
      let schema = v;
      if (isObject(v) && (v.type === 'string' || v.type === 'file') && v['x-ms-media-kind'] !== undefined) {
        const { 'x-ms-media-kind': kind, ...rest } = v;
        if ((kind === 'image' || kind === 'audio') && rest.format === 'binary' && Object.keys(rest).length === 2) {
          options.mediaKind = kind;
          schema = rest;
        }
      }
      type = schemas.typeOf(schema, hint);
    } else if (k.startsWith('x-')) {
      extensions[k] = v;
      notes.push(`response ${bagReason(k, v)}`);
    } else losses.push(`${hint}: response key "${k}" has no Flowport form`);
  }
  if (Object.keys(extensions).length > 0) options.extensions = extensions;
  const typeArg = type?.ref ?? code(type ? wrapperOf(type.ts) : 'undefined');
  return { type: typeArg, options: Object.keys(options).length > 0 ? options : undefined, ts: type?.ts, notes };
}

function headersOf(headers: Json, notes: string[], losses: string[]): Json {
  const out: Json = {};
  for (const [name, h] of Object.entries(headers)) {
    if (!isObject(h)) continue;
    const o: Json = {};
    const extensions: Json = {};
    for (const [k, v] of Object.entries(h)) {
      if (k === 'type' && ['string', 'integer', 'number', 'boolean'].includes(v as string)) o.type = v;
      else if (k === 'format' && typeof v === 'string') o.format = v;
      else if (k === 'description' && typeof v === 'string') o.description = v;
      else if (k === 'x-ms-summary' && typeof v === 'string') o.summary = v;
      else if (k === 'x-ms-visibility' && ['important', 'advanced', 'internal'].includes(v as string)) o.visibility = v;
      else if (k.startsWith('x-')) {
        extensions[k] = v;
        notes.push(`header ${name} ${bagReason(k, v)}`);
      } else losses.push(`header ${name}: key "${k}" has no Flowport form`);
    }
    if (o.type === undefined) losses.push(`header ${name}: no type`);
    if (Object.keys(extensions).length > 0) o.extensions = extensions;
    out[name] = o;
  }
  return out;
}

function wrapperOf(ts: string): string {
  return ts === 'number' ? 'Number' : ts === 'boolean' ? 'Boolean' : 'String';
}
