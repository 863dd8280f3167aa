import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { References } from './references';
import type { OperationModel, PolicyModel } from './types';

/** A property name the policy's sub path can be, as a body property is named. */
const PROPERTY = /^[A-Za-z_$][\w$-]*$/;

/** A template parameter, by its name with or without the `x-ms-apimTemplateParameter.` prefix. */
function parameter(p: PolicyModel, name: string): unknown {
  return p.parameters[name] ?? p.parameters[`x-ms-apimTemplateParameter.${name}`];
}

/**
 * A `setproperty` policy of the Request section writes a property into the JSON body that the
 * connector runtime sends on to the API. The API that Flowport serves checks that body against
 * the class the definition publishes, which refuses properties it does not declare: every call
 * through the connector would be a 400 ("is not a known property"), while calls made straight to
 * the API passed. Only a property of the body itself (`@body()`, a plain name) is checked.
 */
export function checkPolicyBodies(
  policies: readonly PolicyModel[],
  operations: readonly OperationModel[],
  refs: References,
  bag: DiagnosticBag,
): void {
  for (const [index, p] of policies.entries()) {
    if (p.templateId.toLowerCase() !== 'setproperty' || p.section !== 'Request') continue;
    const parent = parameter(p, 'newPropertyParentPathTemplate');
    const property = parameter(p, 'newPropertySubPathTemplate');
    if (typeof parent !== 'string' || parent.replace(/\s/g, '') !== '@body()') continue;
    if (typeof property !== 'string' || !PROPERTY.test(property)) continue;
    for (const op of operations) {
      if (p.operationIds !== undefined && !p.operationIds.includes(op.id)) continue;
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
}
