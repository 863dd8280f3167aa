import type { ParameterOptions } from '../decorators/params';
import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import type { SchemaModel } from '../schema/model';
import type { ParameterModel } from './types';

/** The validation keywords a parameter carries inline, as its options name them. */
export const PARAMETER_CONSTRAINTS = [
  'minimum',
  'maximum',
  'multipleOf',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
] as const;

/** Where Swagger 2.0 lets a parameter be repeated (`multi`) or sent empty (`allowEmptyValue`). */
const QUERY_OR_FORM: ReadonlySet<string> = new Set(['query', 'formData']);

const WHERE: Record<ParameterModel['in'], string> = {
  path: 'a path parameter',
  query: 'a query parameter',
  header: 'a header parameter',
  body: 'the body',
  formData: 'a form-data parameter',
};

/**
 * What tells two parameters of an operation apart: where they travel and their name, a header's in
 * any case, as on the wire. The build, `flowport validate` and `flowport import` compare by it.
 */
export function parameterIdentity(where: string, name: string): string {
  return `${where}:${where === 'header' ? name.toLowerCase() : name}`;
}

/** RFC 9110's token: the characters of a header name. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Why no request can carry a parameter of this name where it travels, and how to fix it; or
 * undefined. Before, `@Query('')` and `@Header('x tag')` were published as written, and no caller
 * could ever send them. `flowport validate` judges a definition file's parameters alike.
 */
export function wireNameProblem(where: string, name: string): { reason: string; fix: string } | undefined {
  if (where === 'body') return undefined;
  if (name === '')
    return { reason: 'is empty, so no request can name it', fix: 'Give the parameter the name callers send.' };
  if (where === 'header' && !TOKEN.test(name))
    return {
      reason: "is not an HTTP header name, which has letters, digits and !#$%&'*+-.^_`|~ only",
      fix: 'Use the header name as it goes over the wire, such as "x-request-id".',
    };
  if (where === 'formData' && !/^[\x20-\x7e]+$/.test(name))
    return {
      reason: 'is not printable US-ASCII, which the platform requires of form fields',
      fix: 'Use an ASCII name.',
    };
  return undefined;
}

/** Reports a name {@link wireNameProblem} refuses. */
export function checkWireName(where: ParameterModel['in'], name: string, bag: DiagnosticBag, at: SourceLocation): void {
  const problem = wireNameProblem(where, name);
  if (problem) bag.report('invalidParameterName', at, { name, ...problem });
}

/**
 * Parameter options that do not apply where the parameter travels. Before, each was either
 * written out, making a definition the Swagger 2.0 schema refuses (`allowEmptyValue` on a path or
 * header parameter, `collectionFormat: 'multi'` on a header), or dropped without a word
 * (`required: false` on a path parameter, which is always required; `collectionFormat` or
 * `minLength` on a body of a class), so that the handler got what the option said it would not.
 */
export function checkPlacement(
  where: ParameterModel['in'],
  schema: SchemaModel,
  o: ParameterOptions,
  bag: DiagnosticBag,
  at: SourceLocation,
): void {
  const report = (option: string, reason: string, fix: string) =>
    bag.report('parameterOptionMisplaced', at, { option, where: WHERE[where], reason, fix });
  if (where === 'path' && o.required === false) {
    report(
      'required: false',
      'a URL has every variable of its path, so Swagger 2.0 makes every path parameter required',
      'Remove required: false; for a value a caller may leave out, take it with @Query, or add a second route without the variable.',
    );
  }
  if (o.allowEmptyValue !== undefined && !QUERY_OR_FORM.has(where)) {
    report(
      'allowEmptyValue',
      'Swagger 2.0 allows it only on query and form-data parameters, and its schema refuses it elsewhere',
      'Remove allowEmptyValue.',
    );
  }
  if (o.collectionFormat !== undefined) checkCollectionFormat(where, schema, o.collectionFormat, report);
  // A body of a class is an object: the keywords of strings, numbers and arrays never apply to it,
  // and the constraints of its values belong on its properties.
  if (where === 'body' && (schema.ref !== undefined || schema.type === 'object')) {
    for (const k of PARAMETER_CONSTRAINTS) {
      if (o[k] === undefined) continue;
      report(
        k,
        'the body is an object, and it constrains strings, numbers or arrays',
        "Move the constraint to the body class's properties (@Length, @Min, @ArrayMaxSize…), or remove it.",
      );
    }
  }
}

function checkCollectionFormat(
  where: ParameterModel['in'],
  schema: SchemaModel,
  format: string,
  report: (option: string, reason: string, fix: string) => void,
): void {
  const option = `collectionFormat: '${format}'`;
  if (where === 'body') {
    report(option, 'the body travels as JSON, not as a joined list', 'Remove collectionFormat.');
  } else if (schema.type !== 'array') {
    report(
      option,
      `it says how the items of an array are joined, and the value is ${schema.type === undefined ? 'not an array' : `a ${schema.type}`}`,
      'Remove collectionFormat, or declare the parameter as an array (string[] with items: String).',
    );
  } else if (format === 'multi' && !QUERY_OR_FORM.has(where)) {
    report(
      option,
      "'multi' sends the parameter once per item, which only the query string and forms can carry",
      "Use 'csv' (the default), 'ssv', 'tsv' or 'pipes'.",
    );
  }
}
