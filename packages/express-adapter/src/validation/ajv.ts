import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DEFINITIONS_ID, toJsonSchema } from '@flowport/core';

const INT32 = {
  type: 'number' as const,
  validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
};
const INT64 = { type: 'number' as const, validate: (n: number) => Number.isInteger(n) };
// date-time without an offset: what a user picks in the designer, in their own zone.
const DATE_NO_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * One ajv instance per app, holding the connector's definitions once. Formats follow the
 * Swagger 2.0 / Power Platform list; hints with nothing to check (`binary`, `password`, `html`,
 * `float`, `double`) accept any value of their type.
 */
export function createAjv(definitions: Record<string, unknown> | undefined): Ajv {
  const ajv = new Ajv({
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
