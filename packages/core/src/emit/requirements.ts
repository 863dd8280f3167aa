import type { SecurityRequirement } from '../connector';
import type { ApiModel, OperationModel } from '../model/types';

// The security requirements both emitters write, Swagger 2.0 and OpenAPI 3.0 spell alike: one
// reading of the model, so that the two documents cannot ask for different credentials.

/** The root `security`: as declared (an imported connector's), else each scheme with no scopes. */
export function rootRequirements(model: ApiModel): Record<string, string[]>[] | undefined {
  if (model.security.requirement) return copied(model.security.requirement);
  const schemes = model.security.schemes;
  return schemes.length > 0 ? schemes.map((s) => ({ [s.name]: [] })) : undefined;
}

/** An operation's own `security`: as declared, none for a public one, or the OAuth scopes it needs. */
export function operationRequirements(op: OperationModel, model: ApiModel): Record<string, string[]>[] | undefined {
  if (op.security) return copied(op.security);
  if (op.isPublic) return model.security.schemes.length > 0 ? [] : undefined;
  const oauth = model.security.schemes.find((s) => s.type === 'oauth2');
  if (op.scopes.length > 0 && oauth) return [{ [oauth.name]: [...op.scopes] }];
  return undefined;
}

function copied(list: readonly SecurityRequirement[]): Record<string, string[]>[] {
  return list.map((r) => Object.fromEntries(Object.entries(r).map(([name, scopes]) => [name, [...scopes]])));
}
