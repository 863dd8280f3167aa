import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import type { SchemaModel } from '../schema/model';
import type { SchemaRegistry } from '../schema/registry';
import type {
  PollingTriggerDeclaration,
  TriggerDeclaration,
  WebhookTriggerDeclaration,
} from '../triggers/declarations';
import { queryClassParameters } from './query-class';
import { checkTriggerDeclaration } from './trigger-options';
import { joinPath, operationIdOf } from './paths';
import type { HeaderModel, OperationModel, ParameterModel, TriggerModel } from './types';

const LOCATION: HeaderModel = {
  type: 'string',
  description: 'URL of the subscription; the platform sends DELETE to it when the flow is turned off.',
};
const POLL_LOCATION: HeaderModel = { type: 'string', description: 'URL to poll next; it carries the cursor.' };
const RETRY_AFTER: HeaderModel = { type: 'integer', description: 'Seconds to wait before polling again.' };

/** Expands trigger declarations into the operations the platform calls. */
export function triggerOperations(
  triggers: readonly TriggerDeclaration[],
  registry: SchemaRegistry,
  bag: DiagnosticBag,
): { operations: OperationModel[]; triggers: TriggerModel[] } {
  const operations: OperationModel[] = [];
  const models: TriggerModel[] = [];
  triggers.forEach((t, i) => {
    const at = { connector: `triggers[${i}] (${t.id})` };
    if (triggers.indexOf(t) !== i) {
      bag.report('listedTwice', at, { what: 'trigger', name: t.id, list: 'triggers' });
      return;
    }
    const errors = bag.errors.length;
    checkTriggerDeclaration(t, at, bag);
    // The operations below read the declaration as its type says.
    if (bag.errors.length > errors) return;
    if (t.kind === 'webhook') {
      const [register, remove] = webhook(t, registry, bag, at);
      operations.push(register, remove);
      models.push({ kind: 'webhook', declaration: t, registerId: register.id, deleteId: remove.id });
    } else {
      const op = polling(t, registry, bag, at);
      operations.push(op);
      models.push({ kind: 'polling', declaration: t, operationId: op.id });
    }
  });
  return { operations, triggers: models };
}

function common(at: SourceLocation) {
  return {
    deprecated: false,
    tags: [],
    scopes: [],
    isPublic: false,
    at,
  };
}

function webhook(
  t: WebhookTriggerDeclaration,
  registry: SchemaRegistry,
  bag: DiagnosticBag,
  at: SourceLocation,
): [OperationModel, OperationModel] {
  const field = t.callbackField ?? 'callbackUrl';
  const filters = t.filters ? registry.describeClass(t.filters) : { properties: {}, required: [] };
  if (filters.properties?.[field]) {
    bag.report('invalidConnector', at, { what: `filters of ${t.id} declare "${field}", the callback field` });
  }
  const subscriptionName = `${operationIdOf(t.id)}Subscription`;
  const subscription: SchemaModel = {
    type: 'object',
    properties: {
      [field]: {
        type: 'string',
        summary: 'Callback URL',
        description: 'The URL the platform receives notifications on; filled in by the platform.',
        visibility: 'internal',
        notificationUrl: true,
      },
      ...filters.properties,
    },
    required: [field, ...(filters.required ?? [])],
  };
  if (registry.closedObjects) subscription.additionalProperties = false;
  registry.table.set(subscriptionName, subscription);
  const register: OperationModel = {
    ...common(at),
    id: t.id,
    method: 'post',
    path: joinPath(t.path, ''),
    summary: t.summary,
    description: t.description,
    visibility: t.visibility,
    parameters: [
      {
        name: 'body',
        in: 'body',
        required: true,
        schema: { ref: subscriptionName },
        annotations: { summary: 'Subscription' },
        at,
      },
    ],
    responses: [{ status: '201', description: 'Subscription created', headers: { Location: LOCATION } }],
    trigger: { kind: 'single', hint: t.hint },
    notificationContent: {
      description: t.payloadDescription ?? t.summary,
      schema: registry.schemaFor(t.payload, at),
    },
    source: { kind: 'webhookRegister', trigger: t },
  };
  const subscriptionId: ParameterModel = {
    name: 'subscriptionId',
    in: 'path',
    required: true,
    urlEncoding: 'single',
    schema: { type: 'string', summary: 'Subscription ID', description: 'The subscription to delete.' },
    at,
  };
  const remove: OperationModel = {
    ...common(at),
    id: t.deleteId ?? `${t.id}Unsubscribe`,
    method: 'delete',
    path: joinPath(t.path, '{subscriptionId}'),
    summary: 'Delete trigger subscription',
    description: `Deletes a subscription of the ${t.id} trigger; the platform calls it when a flow is turned off.`,
    visibility: 'internal',
    parameters: [subscriptionId],
    responses: [
      { status: '204', description: 'Subscription deleted', headers: {} },
      { status: '404', description: 'No such subscription', headers: {} },
    ],
    source: { kind: 'webhookDelete', trigger: t },
  };
  return [register, remove];
}

function polling(
  t: PollingTriggerDeclaration,
  registry: SchemaRegistry,
  bag: DiagnosticBag,
  at: SourceLocation,
): OperationModel {
  // Each filter is a property of the filters class, where it is written, as a webhook's filters are.
  const filters = t.filters;
  const query = filters
    ? queryClassParameters(filters, registry, bag, (name) => ({ class: filters.name, property: name }))
    : [];
  query.push({
    name: 'cursor',
    in: 'query',
    required: false,
    schema: {
      type: 'string',
      summary: 'Cursor',
      description: 'Where the previous poll stopped; the platform copies it from the Location header.',
      visibility: 'internal',
    },
    at,
  });
  const item = registry.schemaFor(t.item, at);
  const headers = { Location: POLL_LOCATION, 'Retry-After': RETRY_AFTER };
  return {
    ...common(at),
    id: t.id,
    method: 'get',
    path: joinPath(t.path, ''),
    summary: t.summary,
    description: t.description,
    visibility: t.visibility,
    parameters: query,
    responses: [
      { status: '200', description: 'New items', schema: t.batch ? { type: 'array', items: item } : item, headers },
      { status: '202', description: 'Nothing new yet', headers },
    ],
    trigger: { kind: t.batch ? 'batch' : 'single', hint: t.hint, pollingMetadata: true },
    source: { kind: 'polling', trigger: t },
  };
}
