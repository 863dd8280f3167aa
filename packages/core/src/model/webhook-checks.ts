import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SchemaModel } from '../schema/model';
import type { References } from './references';
import type { OperationModel } from './types';

interface Chain {
  readonly name: string;
  readonly field: SchemaModel;
  readonly allRequired: boolean;
  readonly internal: boolean;
}

/** Finds the notification-URL field in a body schema with what its parent chain says. */
function findNotificationUrl(
  s: SchemaModel,
  refs: References,
  path: string[],
  required: boolean,
  internal: boolean,
  seen: Set<SchemaModel>,
): Chain | undefined {
  const node = refs.deref(s);
  if (seen.has(node)) return undefined;
  seen.add(node);
  for (const [prop, child] of Object.entries(node.properties ?? {})) {
    const childRequired = required && (node.required?.includes(prop) ?? false);
    const childInternal = internal || child.visibility === 'internal' || refs.deref(child).visibility === 'internal';
    if (child.notificationUrl) {
      return { name: [...path, prop].join('.'), field: child, allRequired: childRequired, internal: childInternal };
    }
    const found = findNotificationUrl(child, refs, [...path, prop], childRequired, childInternal, seen);
    if (found) return found;
  }
  return undefined;
}

/** The webhook rules of reference §3.2 and §4.1, for hand-written registrations too. */
export function checkWebhooks(ops: readonly OperationModel[], refs: References, bag: DiagnosticBag): void {
  const hasDelete = ops.some((o) => o.method === 'delete');
  for (const op of ops) {
    const body = op.parameters.find((p) => p.in === 'body');
    const chain = body
      ? findNotificationUrl(
          body.schema,
          refs,
          [],
          body.required,
          (body.annotations?.visibility ?? body.schema.visibility) === 'internal',
          new Set(),
        )
      : undefined;
    if (op.notificationContent) {
      if (op.trigger?.kind !== 'single') bag.report('webhookNotSingle', op.at, { id: op.id });
      if (!hasDelete) bag.report('webhookWithoutDelete', op.at, { id: op.id });
      if (!chain) bag.report('webhookWithoutNotificationUrl', op.at, { id: op.id });
    } else if (chain) {
      bag.report('notificationUrlWithoutContent', op.at, { id: op.id });
    }
    if (chain) {
      const at = { ...op.at, property: chain.name };
      if (!chain.allRequired) bag.report('notificationUrlNotRequired', at, { name: chain.name });
      if (!chain.internal) bag.report('notificationUrlNotInternal', at, { name: chain.name });
      if (refs.deref(chain.field).type !== 'string') bag.report('notificationUrlNotString', at, { name: chain.name });
    }
  }
}
