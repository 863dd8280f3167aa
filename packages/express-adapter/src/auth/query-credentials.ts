import type { ApiModel } from '@flowport/core';

/**
 * The query parameters that carry a connection's API key (`apiKey({ in: 'query' })`, in any
 * method of a choice). Links the adapter builds from the request's URL (a page's next link, a
 * polling trigger's Location) leave them out: the key would be written into run history with
 * the answer, and the platform adds the connection's own key to the call that follows them.
 */
export function queryCredentialNames(model: ApiModel): ReadonlySet<string> {
  const auth = model.security.auth;
  const declarations = auth === undefined ? [] : auth.type === 'choice' ? auth.options.map((o) => o.auth) : [auth];
  return new Set(declarations.flatMap((d) => (d.type === 'apiKey' && d.in === 'query' ? [d.name] : [])));
}
