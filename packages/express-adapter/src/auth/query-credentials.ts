import type { ApiModel } from '@flowport/core';

/**
 * The query parameters that carry a connection's API key (a scheme `in: 'query'`). Links the
 * adapter builds from the request's URL (a page's next link, a polling trigger's Location) leave
 * them out: the key would be kept in run history with the answer, and the platform adds the
 * connection's own key to the call that follows them.
 */
export function queryCredentialNames(model: ApiModel): ReadonlySet<string> {
  return new Set(model.security.schemes.flatMap((s) => (s.type === 'apiKey' && s.in === 'query' ? [s.parameter] : [])));
}
