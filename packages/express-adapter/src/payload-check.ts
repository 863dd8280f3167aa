import { toJsonSchema, type ApiModel, type PayloadCheck } from '@flowport/core';
import { problemErrors } from './validation/errors';
import type { Validate, Validators } from './validation/validators';

type Json = Record<string, unknown>;

/**
 * The check of each webhook trigger's events against the notification schema its definition
 * publishes (`x-ms-notification-content`, on the operation or its path), compiled on first use
 * as answers' checks are. Undefined when the connector declares no webhook trigger.
 */
export function payloadCheck(
  model: ApiModel,
  definition: { paths: Record<string, Record<string, Json>> },
  validators: Validators,
): PayloadCheck | undefined {
  const checks = new Map<string, Validate>();
  for (const op of model.operations) {
    if (op.source.kind !== 'webhookRegister') continue;
    const item = definition.paths[op.path];
    const content = (item[op.method]['x-ms-notification-content'] ?? item['x-ms-notification-content']) as
      Json | undefined;
    const schema = content?.schema as Json | undefined;
    if (schema) checks.set(op.source.trigger.id, validators.of(toJsonSchema(schema) as Json));
  }
  if (checks.size === 0) return undefined;
  return (trigger, payload) => {
    const invalid = checks.get(trigger)?.(payload);
    return invalid && problemErrors(invalid, 'payload', payload).map((e) => `${e.pointer} ${e.message}`);
  };
}
