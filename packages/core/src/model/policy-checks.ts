import type { DiagnosticBag } from '../diagnostics/diagnostic';
import { joinPath, routeKey } from './paths';
import type { References } from './references';
import { checkReshape } from './policy-reshapes';
import type { OperationModel, PolicyModel } from './types';

/** A property name the policy's sub path can be, as a body property is named. */
const PROPERTY = /^[A-Za-z_$][\w$-]*$/;

/** The operations a policy applies to: those it names, or every one. */
function scoped(p: PolicyModel, operations: readonly OperationModel[]): OperationModel[] {
  return operations.filter((op) => p.operationIds === undefined || p.operationIds.includes(op.id));
}

/**
 * Policies change a request between the flow and the API. The API Flowport serves takes requests
 * as the definition describes them, so a policy that sends one elsewhere, or with a body the
 * definition's class refuses, would fail every call made through the connector while the calls
 * made straight to the API pass. These checks find what would fail.
 */
export function checkPolicies(
  policies: readonly PolicyModel[],
  operations: readonly OperationModel[],
  refs: References,
  bag: DiagnosticBag,
): void {
  for (const [index, p] of policies.entries()) {
    const id = p.templateId.toLowerCase();
    if (id === 'setproperty') checkSetProperty(p, index, operations, refs, bag);
    else if (id === 'routerequesttoendpoint') checkRoute(p, index, operations, bag);
    else if (id === 'pollingtrigger') checkPollingQuery(p, index, operations, bag);
    else checkReshape(p, index, scoped(p, operations), refs, bag);
  }
}

/**
 * A `setproperty` policy of the Request section writes a property into the JSON body: a class
 * refuses properties it does not declare, so every call would be a 400 ("is not a known
 * property"). Only a property of the body itself (`@body()`, a plain name) is checked.
 */
function checkSetProperty(
  p: PolicyModel,
  index: number,
  operations: readonly OperationModel[],
  refs: References,
  bag: DiagnosticBag,
): void {
  if (p.section !== 'Request') return;
  const parent = p.parameters.newPropertyParentPathTemplate;
  const property = p.parameters.newPropertySubPathTemplate;
  if (typeof parent !== 'string' || parent.replace(/\s/g, '') !== '@body()') return;
  if (typeof property !== 'string' || !PROPERTY.test(property)) return;
  for (const op of scoped(p, operations)) {
    const body = op.parameters.find((x) => x.in === 'body');
    if (!body) continue;
    const schema = refs.deref(body.schema);
    if (schema.additionalProperties !== false || schema.properties?.[property] !== undefined) continue;
    bag.report(
      'policyWritesUndeclaredProperty',
      { ...op.at, connector: `policies[${index}]` },
      { title: p.title, property, operation: op.id, schema: body.schema.ref ?? 'the body' },
    );
  }
}

/**
 * A `routerequesttoendpoint` policy sends the request to `newPath` (under the base path, as the
 * connectors that use it write it), with its method or another. The API Flowport serves answers
 * only the operations the connector declares: anywhere else, every call would be a 404 or 405.
 */
function checkRoute(p: PolicyModel, index: number, operations: readonly OperationModel[], bag: DiagnosticBag): void {
  const newPath = p.parameters.newPath;
  const method = p.parameters.httpMethod;
  // An expression other than a path variable cannot be followed here.
  if (typeof newPath !== 'string' || newPath.includes('@')) return;
  if (method !== undefined && (typeof method !== 'string' || (method.includes('@') && method !== ORIGINAL_METHOD)))
    return;
  const served = new Set(operations.map((op) => routeKey(op.method, op.path)));
  for (const op of scoped(p, operations)) {
    const to = method === undefined || method === ORIGINAL_METHOD ? op.method : method;
    // Joined as a route is: `r/items/{id}/` is `/r/items/{id}`.
    if (served.has(routeKey(to, joinPath('/', newPath)))) continue;
    bag.report(
      'policyRouteNotServed',
      { ...op.at, connector: `policies[${index}]` },
      { title: p.title, operation: op.id, method: to.toUpperCase(), path: newPath },
    );
  }
}

/** The `httpMethod` that keeps the request's own. */
const ORIGINAL_METHOD = '@Request.OriginalHTTPMethod';

/** The key of `triggerConfig` that names the next-page property, not a query parameter. */
const NEXT_LINK_KEY = 'x-ms-triggerConfig-nextLink';

/**
 * A `pollingtrigger` policy sets a query parameter of each poll from the last answer
 * (`triggerConfig`: `since` from the newest item, say). The API hands a handler only the
 * parameters its operation declares: an undeclared one never reached it, so each poll answered
 * the items it answered before, and the flow ran on them again.
 */
function checkPollingQuery(
  p: PolicyModel,
  index: number,
  operations: readonly OperationModel[],
  bag: DiagnosticBag,
): void {
  const config = p.parameters.triggerConfig;
  if (typeof config !== 'object' || config === null) return;
  const names = Object.keys(config).filter((name) => name !== NEXT_LINK_KEY);
  for (const op of scoped(p, operations)) {
    const query = new Set(op.parameters.filter((x) => x.in === 'query').map((x) => String(x.name)));
    for (const name of names.filter((n) => !query.has(n))) {
      bag.report(
        'policyQueryNotDeclared',
        { ...op.at, connector: `policies[${index}]` },
        { title: p.title, name, operation: op.id },
      );
    }
  }
}
