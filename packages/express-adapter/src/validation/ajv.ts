import type Ajv from 'ajv';
import { DEFINITIONS_ID, toJsonSchema } from '@flowport/core';
import { VALIDATOR_OPTIONS } from './ajv-options';
import { enumKeyword, ownDefaultsKeyword, uniqueItemsKeyword } from './own-keywords';

type Json = Record<string, unknown>;

/** The connector's Swagger definitions as the JSON Schema every validator refers to. */
export function jsonDefinitions(definitions: Json | undefined): Json {
  return (toJsonSchema({ definitions: definitions ?? {} }) as { definitions: Json }).definitions;
}

/**
 * One ajv instance per app, holding the connector's definitions once. With `standalone`, it
 * keeps each validator's source for `flowport build --validators`, whose code then requires the
 * formats from `./formats` beside this file.
 */
export function createAjv(definitions: Json, standalone = false): Ajv {
  // Required here, not imported: an app whose validators are precompiled never loads ajv's
  // compiler (66 modules), nor ajv-formats unless its validators check a format.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { default: AjvClass, _, str } = require('ajv') as typeof import('ajv');
  const { formats } = require('./formats') as typeof import('./formats');
  const { patternEngine } = require('./pattern') as typeof import('./pattern');
  const { default: ajvEnum } = require('ajv/dist/vocabularies/validation/enum') as {
    default: import('ajv').CodeKeywordDefinition;
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const ajv = new AjvClass({
    ...VALIDATOR_OPTIONS,
    // The schemas come from Flowport's own emitter, whose output the tests check against the
    // Swagger and Power Platform schemas; checking them again against draft-07 here would compile
    // the meta-schema at every start (about 40 ms).
    validateSchema: false,
    // With strict mode off, ajv's only warning here is a format outside the platform's list, which
    // a connector emitted as declared may keep (FP1409 reported it at build time): Swagger 2.0
    // treats it as a hint, and ajv ignores it; it would print once per compiled schema.
    logger: false,
    code: standalone
      ? { source: true, formats: _`require("./formats").formats`, regExp: patternEngine }
      : { regExp: patternEngine },
  });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  // Flowport's own uniqueItems and enum in place of ajv's (see ./own-keywords for why).
  ajv.removeKeyword('uniqueItems');
  ajv.addKeyword(uniqueItemsKeyword({ _, str }));
  ajv.removeKeyword('enum');
  ajv.addKeyword(enumKeyword(ajvEnum, { _, str }));
  ajv.addKeyword(ownDefaultsKeyword({ _, str }));
  ajv.addSchema({ $id: DEFINITIONS_ID, definitions });
  return ajv;
}
