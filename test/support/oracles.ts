import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv from 'ajv';
import Ajv04 from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parse } from 'jsonc-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The schemas predate keys the service accepts (reference §7): the swagger schema knows no
 * `x-ms-editor`, `x-ms-keywords`, `x-ms-openai-data` or `x-ms-openai-manifest`; the apiProperties schema rejects
 * `scriptOperations`, `connectionParameterSets`, AAD's `enableOnbehalfOfLogin`, redirect mode `GlobalPerConnector` and three real template ids. These, and only
 * these, are admitted.
 */
export const SCHEMA_GAPS = {
  swagger: ['schema.x-ms-editor', 'info.x-ms-keywords', 'operation.x-ms-openai-data', 'root.x-ms-openai-manifest'],
  apiProperties: [
    'properties.scriptOperations',
    'properties.connectionParameterSets',
    // On-behalf-of login, as the AAD connectors that offer it write it (reference §5.2).
    'aad.customParameters.enableOnbehalfOfLogin',
    // A redirect URL of the connector's own, which certification asks for (Cognito Forms, Egnyte).
    'oAuthSettings.redirectMode.GlobalPerConnector',
    // Templates certified connectors use that the schema does not list (reference §5.4, §9.5).
    'templateId.dynamicsubdomain',
    'templateId.moveproperties',
    'templateId.setconnectionstatustounauthenticated',
  ],
} as const;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function readJsonc(path: string): Json {
  return parse(readFileSync(path, 'utf8'), [], { allowTrailingComma: true }) as Json;
}

let swaggerValidator: ValidateFunction | undefined;
let propertiesValidator: ValidateFunction | undefined;

/** The Power Platform swagger schema (draft-04, JSONC), with the documented gaps admitted. */
export function powerPlatformSwaggerValidator(corpus: string): ValidateFunction {
  if (swaggerValidator) return swaggerValidator;
  const schema = readJsonc(join(corpus, 'schemas', 'apiDefinition.swagger.schema.json'));
  const d = schema.definitions;
  d.schema.properties['x-ms-editor'] = { enum: ['dictionary'] };
  d['schema-dynamic-allowed'].properties['x-ms-editor'] = { enum: ['dictionary'] };
  d.info.properties['x-ms-keywords'] = { type: 'array', items: { type: 'string' } };
  d.operation.properties['x-ms-openai-data'] = { type: 'object' };
  schema.properties['x-ms-openai-manifest'] = { type: 'object' };
  const ajv = new Ajv04({ strict: false, allErrors: true, validateFormats: false });
  swaggerValidator = ajv.compile(schema);
  return swaggerValidator;
}

/** The paconn apiProperties schema (draft-07, JSONC), with the documented gaps admitted. */
export function apiPropertiesValidator(corpus: string): ValidateFunction {
  if (propertiesValidator) return propertiesValidator;
  const schema = readJsonc(join(corpus, 'schemas', 'paconn-apiProperties.schema.json'));
  // Declared draft-07 but written with draft-04's `id`; ajv wants `$id`.
  schema.$id = schema.id;
  delete schema.id;
  const inner = schema.properties.properties.properties;
  inner.scriptOperations = { type: 'array', items: { type: 'string' } };
  // Each method of a choice takes the parameters connectionParameters would (reference §5.3).
  inner.connectionParameterSets = {
    type: 'object',
    required: ['uiDefinition', 'values'],
    properties: {
      uiDefinition: { type: 'object' },
      values: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'parameters'],
          properties: {
            name: { type: 'string' },
            uiDefinition: { type: 'object' },
            parameters: inner.connectionParameters,
          },
        },
      },
    },
  };
  schema.definitions.oAuthSettings.properties.redirectMode.enum.push('GlobalPerConnector');
  const entra = schema.definitions.oAuthSettings.oneOf.find((b: Json) => b.description === 'identityProvider: aad');
  entra.properties.customParameters.properties.enableOnbehalfOfLogin = {};
  const unlisted = SCHEMA_GAPS.apiProperties.filter((g) => g.startsWith('templateId.')).map((g) => g.slice(11));
  schema.definitions.PolicyTemplateInstance = {
    anyOf: [
      schema.definitions.PolicyTemplateInstance,
      {
        type: 'object',
        required: ['templateId', 'title', 'parameters'],
        properties: { templateId: { enum: unlisted }, title: { type: 'string' }, parameters: { type: 'object' } },
      },
    ],
  };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  propertiesValidator = ajv.compile(schema);
  return propertiesValidator;
}

/** Compact error list for assertion messages. */
export function explain(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 15)
    .map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)
    .join('\n');
}

/** Swagger 2.0 / OpenAPI 3 validation by @apidevtools/swagger-parser (on a copy: it mutates). */
export async function validateWithSwaggerParser(doc: unknown): Promise<void> {
  await SwaggerParser.validate(structuredClone(doc) as never);
}
