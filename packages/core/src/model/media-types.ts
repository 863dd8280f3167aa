import type { DiagnosticBag } from '../diagnostics/diagnostic';
import { isBinarySchema, isBytesSchema } from '../schema/bytes';
import type { OperationModel } from './types';

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
