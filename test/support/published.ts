import * as core from '@flowport/core';
import { emitFiles } from '@flowport/core/documents';
import assert from 'node:assert/strict';
import type { ValidateFunction } from 'ajv';
import { explain, validateWithSwaggerParser } from './oracles';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * What a property test does with a connector it made at random: resolve it, and either count it
 * refused with a diagnostic (undefined), or check its documents against the four oracles and
 * answer its definition. Any other error fails the test.
 */
export async function publishedOrRefused(
  connector: core.Connector,
  platform: ValidateFunction,
  outcomes: { refused: number; served: number },
): Promise<Json | undefined> {
  let model: core.ApiModel;
  try {
    model = core.resolve(connector);
  } catch (err) {
    if (!(err instanceof core.DiagnosticError)) throw err;
    outcomes.refused++;
    return undefined;
  }
  outcomes.served++;
  const files = emitFiles(model);
  const definition = JSON.parse(files['apiDefinition.swagger.json']) as Json;
  assert.ok(platform(definition), explain(platform.errors));
  await validateWithSwaggerParser(definition);
  await validateWithSwaggerParser(JSON.parse(files['openapi.json']));
  return definition;
}
