import Ajv, { type ValidateFunction } from 'ajv';
import { problemsOf, type SchemaProblem } from './schema-problems';

const STRING = { type: 'string' } as const;
const OBJECT = { type: 'object' } as const;
const STRINGS = { type: 'array', items: STRING } as const;

/** A connection parameter: its kind, and the objects the platform reads beside it. */
const CONNECTION_PARAMETER = {
  type: 'object',
  properties: {
    type: STRING,
    uiDefinition: OBJECT,
    oAuthSettings: OBJECT,
    gatewaySettings: OBJECT,
    metadata: OBJECT,
    allowedValues: { type: 'array' },
  },
} as const;

/**
 * The shape of `apiProperties.json` (reference §5): the type of each key the platform, the lint and
 * the importer read. Keys are not required and others are allowed, since real connectors carry
 * keys the published schema lacks (`scriptOperations`, `connectionParameterSets`,
 * `gatewaySettings`: reference §7); what this refuses is a value no reader can use, such as a
 * list of policies that is not a list.
 */
const API_PROPERTIES = {
  type: 'object',
  required: ['properties'],
  properties: {
    properties: {
      type: 'object',
      properties: {
        connectionParameters: { type: 'object', additionalProperties: CONNECTION_PARAMETER },
        connectionParameterSets: {
          type: 'object',
          properties: {
            uiDefinition: OBJECT,
            values: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  name: STRING,
                  uiDefinition: OBJECT,
                  parameters: { type: 'object', additionalProperties: CONNECTION_PARAMETER },
                },
              },
            },
          },
        },
        iconBrandColor: STRING,
        capabilities: STRINGS,
        policyTemplateInstances: {
          type: 'array',
          items: {
            type: 'object',
            required: ['templateId'],
            properties: { templateId: STRING, title: STRING, type: STRING, parameters: OBJECT },
          },
        },
        scriptOperations: STRINGS,
        publisher: STRING,
        stackOwner: STRING,
      },
    },
  },
} as const;

let validator: ValidateFunction | undefined;

/** Where an `apiProperties.json` departs from the shape its readers rely on, each place once. */
export function apiPropertiesProblems(properties: unknown): SchemaProblem[] {
  validator ??= new Ajv({ allErrors: true, logger: false }).compile(API_PROPERTIES);
  return validator(properties) ? [] : problemsOf(validator.errors ?? []);
}
