import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { DEFINITIONS_ID, toJsonSchema } from '@flowport/core';

const INT32 = {
  type: 'number' as const,
  validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
};
const INT64 = { type: 'number' as const, validate: (n: number) => Number.isInteger(n) };
// date-time without an offset: what a user picks in the designer, in their own zone.
const DATE_NO_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * One ajv instance per app, holding the connector's definitions once, created when the first
 * validator is compiled. Formats follow the Swagger 2.0 / Power Platform list; hints with nothing
 * to check (`binary`, `password`, `html`, `float`, `double`) accept any value of their type.
 */
export function ajvOnDemand(definitions: Record<string, unknown> | undefined): () => Ajv {
  let ajv: Ajv | undefined;
  return () => (ajv ??= createAjv(definitions));
}

/**
 * A schema's validator, compiled on its first call: it answers ajv's errors, or undefined when
 * the value is valid.
 *
 * Why on first use: loading ajv (66 modules) and compiling every operation's schemas took about
 * 45 ms of the example's 390 ms start, before it could answer anything. Now a process compiles
 * only what its requests use, and a request pays the compile of its own operation once (about
 * 4 ms; the first one also loads ajv).
 */
export function validatorOf(ajv: () => Ajv, schema: object): (value: unknown) => ErrorObject[] | undefined {
  let validate: ValidateFunction | undefined;
  return (value) => {
    validate ??= ajv().compile(schema);
    return validate(value) ? undefined : (validate.errors ?? []);
  };
}

function createAjv(definitions: Record<string, unknown> | undefined): Ajv {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { default: AjvClass } = require('ajv') as typeof import('ajv');
  const { default: addFormats } = require('ajv-formats') as typeof import('ajv-formats');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const ajv = new AjvClass({
    allErrors: true,
    strict: false,
    coerceTypes: false,
    useDefaults: false,
    validateFormats: true,
    // The schemas come from Flowport's own emitter, whose output the tests check against the
    // Swagger and Power Platform schemas; checking them again against draft-07 here would compile
    // the meta-schema at every start (about 40 ms).
    validateSchema: false,
  });
  addFormats(ajv, ['date', 'date-time', 'email', 'uri', 'uuid', 'byte']);
  ajv.addFormat('int32', INT32);
  ajv.addFormat('int64', INT64);
  ajv.addFormat('date-no-tz', DATE_NO_TZ);
  for (const hint of ['binary', 'password', 'html', 'float', 'double']) ajv.addFormat(hint, true);
  ajv.addSchema({
    $id: DEFINITIONS_ID,
    definitions: (toJsonSchema({ definitions: definitions ?? {} }) as { definitions: unknown }).definitions,
  });
  return ajv;
}
