import { headerValueRefused, isBytesSchema, MULTIPLE_OF_PRECISION, patternRegExp, toJsonSchema } from '@flowport/core';
import { FORMAT_CHECKS } from '@flowport/core/formats';
import Ajv, { type Format, type ValidateFunction } from 'ajv';
import type { Definition, Json } from './definition';

const DEFINITIONS = 'flowhost:definitions';

/**
 * Judges values against a definition's schemas as the platform and the adapter do: an answer
 * against the schema its operation declares for the status, a notification or a dropdown's value
 * against theirs.
 */
export class OutputCheck {
  // The adapter's format checks, so that a test judges an answer as `validateResponses` does:
  // with ajv-formats alone, `date-no-tz` was ignored, with a console warning at every compile.
  // A format outside the platform's list is a hint here too, and ajv's warning about it is off.
  private readonly ajv = new Ajv({
    strict: false,
    allErrors: true,
    multipleOfPrecision: MULTIPLE_OF_PRECISION,
    logger: false,
    formats: FORMAT_CHECKS as Record<string, Format>,
    // A pattern as the adapter reads it: `^\d{3}\-\d{4}$` of an imported connector, which the u
    // flag refuses, is read without it, as the adapter serves it.
    code: { regExp: Object.assign((pattern: string) => patternRegExp(pattern), { code: 'patternRegExp' }) },
  });

  constructor(private readonly definition: Definition) {
    this.ajv.addSchema({
      $id: DEFINITIONS,
      definitions: (toJsonSchema({ definitions: definition.json.definitions ?? {} }, DEFINITIONS) as Json).definitions,
    });
  }

  /** A validator of a schema of the definition (its `$ref`s into `definitions` included). */
  compile(schema: Json): ValidateFunction {
    return this.ajv.compile(toJsonSchema(schema, DEFINITIONS) as Json);
  }

  /**
   * A 2xx answer must be of a status the definition declares (or its `default`), match the schema
   * declared for it, and send each header it declares as an integer, number or boolean as one: a
   * test fails otherwise, as the flow would. `what` names the answer in the message (`ListThings
   * page 2`).
   */
  answer(operationId: string, status: number, body: unknown, what = operationId, headers?: Headers): void {
    if (status < 200 || status >= 300) return;
    const responses = (this.definition.operation(operationId).op.responses ?? {}) as Json;
    const declared = responses[String(status)] ?? responses.default;
    if (declared === undefined) {
      throw new Error(`${what} answered ${status}, a status its definition does not declare`);
    }
    for (const [name, h] of Object.entries((declared.headers ?? {}) as Json)) {
      const sent = headers?.get(name);
      const refused = sent === null || sent === undefined ? undefined : headerValueRefused((h as Json)?.type, sent);
      if (refused)
        throw new Error(`${what} answered ${status} with the header ${name}: ${sent}, which must be ${refused}`);
    }
    const schema = declared.schema as Json | undefined;
    if (!schema || isBytesSchema(schema)) return;
    const validate = this.compile(schema);
    if (!validate(body)) {
      throw new Error(`${what} answered ${status} with a body its definition does not declare: ${errorsOf(validate)}`);
    }
  }
}

/** What a validator found, as one line: each pointer and its problem. */
export function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}
