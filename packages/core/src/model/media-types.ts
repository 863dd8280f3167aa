import type { DiagnosticBag } from '../diagnostics/diagnostic';
import { isBinarySchema, isBytesSchema } from '../schema/bytes';
import type { OperationModel, ParameterModel, ResponseModel } from './types';

/** The media types of a form: the one that carries files, and the one that does not. */
export const MULTIPART = 'multipart/form-data';
/** The media type of a form without files. */
export const URLENCODED = 'application/x-www-form-urlencoded';
/** Both form media types, the one that carries files first. */
export const FORM_MEDIA_TYPES: readonly string[] = [MULTIPART, URLENCODED];

/** Whether a `consumes` or `produces` list names `type`, whatever its case and parameters. */
export function listsMediaType(types: readonly string[], type: string): boolean {
  return types.some((t) => t.split(';')[0].trim().toLowerCase() === type);
}

/** The form types a `consumes` list names, multipart first. */
export function declaredFormTypes(consumes: readonly string[]): string[] {
  return FORM_MEDIA_TYPES.filter((t) => listsMediaType(consumes, t));
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
const NOT_TEXT = /^(multipart\/|application\/(x-www-form-urlencoded|octet-stream)\s*(;|$))/i;

/** `application/json` or a `+json` type such as `application/problem+json`, parameters or not. */
export function isJsonMediaType(type: string): boolean {
  return JSON_TYPE.test(type);
}

/**
 * A media type a string body or answer is carried as, as it is: not JSON, and not a form or raw
 * bytes (`multipart/*`, `application/x-www-form-urlencoded`, `application/octet-stream`).
 */
export function isTextMediaType(type: string): boolean {
  return !JSON_TYPE.test(type) && !NOT_TEXT.test(type);
}

/** Whether a form field carries bytes, which only multipart/form-data can (reference §6.3). */
export function isFileField(p: ParameterModel): boolean {
  return p.in === 'formData' && isBytesSchema(p.schema);
}

/**
 * The `consumes` of an operation that takes form data and declares none: multipart/form-data
 * when a field is a file, which urlencoded cannot carry, and both otherwise, as the adapter takes
 * them. Before, such an operation inherited the connector's `application/json`, so its
 * definition said that a JSON body carries its form fields, and the adapter refused JSON.
 */
export function formConsumes(parameters: readonly ParameterModel[]): readonly string[] | undefined {
  if (!parameters.some((p) => p.in === 'formData')) return undefined;
  return parameters.some(isFileField) ? [MULTIPART] : FORM_MEDIA_TYPES;
}

/**
 * The `consumes` of an operation that takes a raw body of bytes and declares none:
 * `application/octet-stream`. Before, it inherited the connector's `application/json`, in the
 * definition and in OpenAPI 3, for a body the handler reads as a stream of bytes.
 */
export function bytesConsumes(parameters: readonly ParameterModel[]): readonly string[] | undefined {
  const body = parameters.find((p) => p.in === 'body');
  return body && isBinarySchema(body.schema) ? ['application/octet-stream'] : undefined;
}

/**
 * The `produces` of an operation that answers bytes (a file) and declares none:
 * `application/octet-stream`, as the adapter sends them, with `application/json` too when another
 * success answer is JSON. Before, such an operation inherited the connector's `application/json`,
 * so its definition said it answers JSON where it sent a file (OpenAPI 3 said octet-stream).
 */
export function bytesProduces(responses: readonly ResponseModel[]): readonly string[] | undefined {
  const success = responses.filter((r) => /^2\d\d$/.test(r.status) && r.schema);
  if (!success.some((r) => isBytesSchema(r.schema))) return undefined;
  const json = success.some((r) => !isBytesSchema(r.schema));
  return json ? ['application/octet-stream', 'application/json'] : ['application/octet-stream'];
}

/**
 * Bodies and answers the adapter could not carry as the definition says. It reads a body and
 * writes an answer as JSON, or as text when it is a string and the operation takes or gives text;
 * `consumes: ['application/xml']` on an object body published XML and then refused it (415), and
 * `produces: ['text/csv']` on an object answer published CSV and sent JSON.
 */
export function checkMediaTypes(
  operations: readonly OperationModel[],
  connector: { readonly consumes: readonly string[]; readonly produces: readonly string[] },
  bag: DiagnosticBag,
): void {
  for (const op of operations) {
    const consumes = op.consumes ?? connector.consumes;
    checkForm(op, consumes, bag);
    const body = op.parameters.find((p) => p.in === 'body');
    if (body && !isBinarySchema(body.schema) && withoutJson(consumes)) {
      const text = body.schema.type === 'string' && consumes.some(isTextMediaType);
      if (!text) report(bag, body.at, 'the request body is read as', 'consumes', consumes, 'body', 'read');
    }
    const produces = op.produces ?? connector.produces;
    if (!withoutJson(produces)) continue;
    for (const r of op.responses) {
      if (!/^2\d\d$/.test(r.status) || !r.schema || isBytesSchema(r.schema) || r.schema.type === 'string') continue;
      report(
        bag,
        { ...op.at, response: r.status },
        `the ${r.status} answer is written as`,
        'produces',
        produces,
        'answer',
        'sent',
      );
    }
  }
}

/**
 * Why a form's `consumes` cannot carry it, or undefined: no form type at all (`on: 'operation'`),
 * or a file field (named by `file`) without multipart/form-data alone (`on: 'file'`). The platform
 * refuses binary form fields beside urlencoded too (reference §6.3), since that encoding has no
 * room for a file. The build and `flowport validate` judge a form by it.
 */
export function formConsumesProblem(
  consumes: readonly string[],
  file: string | undefined,
): { on: 'operation' | 'file'; what: string; types: string; fix: string } | undefined {
  const has = (type: string) => listsMediaType(consumes, type);
  const types = consumes.length > 0 ? consumes.join(', ') : 'nothing';
  if (!has(MULTIPART) && !has(URLENCODED)) {
    const fix = `Add "${file !== undefined ? MULTIPART : URLENCODED}" to consumes`;
    return { on: 'operation', what: 'the operation takes form fields', types, fix };
  }
  if (file !== undefined && (!has(MULTIPART) || has(URLENCODED))) {
    const what = `the form field "${file}" is a file, which only ${MULTIPART} carries`;
    return { on: 'file', what, types, fix: `Declare consumes: ["${MULTIPART}"]` };
  }
  return undefined;
}

/** A form whose `consumes` cannot carry it ({@link formConsumesProblem}). */
function checkForm(op: OperationModel, consumes: readonly string[], bag: DiagnosticBag): void {
  const form = op.parameters.filter((p) => p.in === 'formData');
  if (form.length === 0) return;
  const file = form.find(isFileField);
  const problem = formConsumesProblem(consumes, file?.name);
  if (!problem) return;
  const { on, fix, ...args } = problem;
  const at = on === 'file' && file ? file.at : op.at;
  bag.report('formMediaType', at, { ...args, fix: `${fix}, or leave consumes out and Flowport declares it.` });
}

function withoutJson(types: readonly string[]): boolean {
  return types.length > 0 && !types.some(isJsonMediaType);
}

function report(
  bag: DiagnosticBag,
  at: OperationModel['at'],
  what: string,
  option: string,
  types: readonly string[],
  value: string,
  done: string,
): void {
  bag.report('mediaTypeWithoutJson', at, { what, option, types: types.join(', '), value, done });
}
