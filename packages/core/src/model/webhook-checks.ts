import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SchemaModel } from '../schema/model';
import { derefIn, type References } from './references';
import type { OperationModel } from './types';

interface Chain {
  /** The property names from the body down to the field. */
  readonly path: readonly string[];
  readonly name: string;
  readonly field: SchemaModel;
  readonly allRequired: boolean;
  readonly internal: boolean;
}

/** Finds the notification-URL field in a body schema with what its parent chain says. */
function findNotificationUrl(
  s: SchemaModel,
  deref: (s: SchemaModel) => SchemaModel,
  path: string[],
  required: boolean,
  internal: boolean,
  seen: Set<SchemaModel>,
): Chain | undefined {
  const node = deref(s);
  if (seen.has(node)) return undefined;
  seen.add(node);
  for (const [prop, child] of Object.entries(node.properties ?? {})) {
    const childRequired = required && (node.required?.includes(prop) ?? false);
    const childInternal = internal || child.visibility === 'internal' || deref(child).visibility === 'internal';
    if (child.notificationUrl) {
      const at = [...path, prop];
      return { path: at, name: at.join('.'), field: child, allRequired: childRequired, internal: childInternal };
    }
    const found = findNotificationUrl(child, deref, [...path, prop], childRequired, childInternal, seen);
    if (found) return found;
  }
  return undefined;
}

/**
 * The property names from a body down to its `x-ms-notification-url` field, through nested
 * objects and references: where a webhook registration takes the callback URL (Emigo's
 * `config/url`), as the OpenAPI 3 callback names it.
 */
export function notificationUrlPath(
  body: SchemaModel,
  schemas: ReadonlyMap<string, SchemaModel>,
): readonly string[] | undefined {
  return findNotificationUrl(body, (s) => derefIn(schemas, s), [], true, false, new Set())?.path;
}

/** The webhook rules of reference §3.2 and §4.1, for hand-written registrations too. */
export function checkWebhooks(ops: readonly OperationModel[], refs: References, bag: DiagnosticBag): void {
  const hasDelete = ops.some((o) => o.method === 'delete');
  for (const op of ops) {
    const body = op.parameters.find((p) => p.in === 'body');
    const chain = body
      ? findNotificationUrl(
          body.schema,
          (s) => refs.deref(s),
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
